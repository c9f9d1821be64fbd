package org.wattledger.engine.calc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wattledger.engine.calc.Fixtures.factor;
import static org.wattledger.engine.calc.Fixtures.gwps;
import static org.wattledger.engine.calc.Fixtures.inventory;
import static org.wattledger.engine.calc.Fixtures.reading;
import static org.wattledger.engine.calc.Fixtures.run;
import static org.wattledger.engine.calc.Fixtures.with;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wattledger.engine.factor.Factor;
import org.wattledger.engine.factor.FactorKind;
import org.wattledger.engine.meter.Coverage;
import org.wattledger.engine.meter.MeterTimeline;
import org.wattledger.engine.model.Carrier;
import org.wattledger.engine.model.DateRange;
import org.wattledger.engine.model.Issue;
import org.wattledger.engine.model.Reading;
import org.wattledger.engine.model.ReportingPeriod;
import org.wattledger.engine.model.Role;
import org.wattledger.engine.model.Severity;
import org.wattledger.engine.model.Site;
import org.wattledger.engine.model.SiteKind;
import org.wattledger.engine.model.SourceRef;

/** Each meter's coverage of the period, and what makes a report complete. */
final class CoverageTest {
    private static final ReportingPeriod Y2024 = ReportingPeriod.year(2024);
    private static final List<Factor> GRID = with(gwps(),
            factor("grid", Carrier.ELECTRICITY, FactorKind.EMISSION, "CO2", "0.5", "t/MWh"));

    private static Site site(String id, DateRange inService) {
        return new Site(id, id, "CN", SiteKind.OFFICE, null, null, SourceRef.row("sites.csv", null, 2), true, inService,
                null);
    }

    /** Monthly readings of 100 kWh for {@code first}..{@code last} (months of 2024, 1-based). */
    private static List<Reading> months(String meter, int first, int last) {
        List<Reading> out = new ArrayList<>();
        for (int m = first; m <= last; m++) {
            LocalDate start = LocalDate.of(2024, m, 1);
            out.add(reading("DC1", meter, Carrier.ELECTRICITY, Role.MAIN, start.toString(),
                    start.plusMonths(1).minusDays(1).toString(), "100", "kWh"));
        }
        return out;
    }

    private static List<String> warnings(Results r) {
        return r.issues().stream().filter(i -> i.severity() == Severity.WARNING).map(Issue::message).toList();
    }

    @Test
    void aMeterMissingItsLastMonthIsAGapAndTheReportIsIncomplete() {
        List<Reading> readings = new ArrayList<>(months("M1", 1, 12));
        readings.addAll(months("M3", 1, 11));
        Results r = run(inventory(List.of(site("DC1", null)), readings), GRID, Y2024);

        // 2024 has 366 days; M3 has January..November = 366 − 31 (December) = 335 days.
        Coverage m3 = r.coverage().get(1);
        assertEquals("DC1/M3 (electricity)", m3.meter().toString());
        assertEquals(366, m3.periodDays());
        assertEquals(366, m3.expectedDays());
        assertEquals(0, new BigDecimal("335").compareTo(m3.coveredDays()));
        assertEquals(List.of("meter DC1/M3 (electricity): no readings for 2024-12-01..2024-12-31"), warnings(r));
        assertTrue(r.coverage().get(0).complete());
        assertFalse(r.complete());
        assertTrue(r.issues().stream().noneMatch(Issue::isError), "a gap is a warning, not an error");
    }

    @Test
    void aMeterMissingItsFirstMonthAndAMiddleMonthNamesBoth() {
        List<Reading> readings = new ArrayList<>(months("M1", 2, 5));
        readings.addAll(months("M1", 7, 12));
        Results r = run(inventory(List.of(site("DC1", null)), readings), GRID, Y2024);

        // uncovered: January (31 days) and June (30 days): 366 − 61 = 305 days covered.
        assertEquals(0, new BigDecimal("305").compareTo(r.coverage().get(0).coveredDays()));
        assertEquals(List.of("meter DC1/M1 (electricity): no readings for 2024-01-01..2024-01-31,"
                + " 2024-06-01..2024-06-30"), warnings(r));
        assertFalse(r.complete());
    }

    @Test
    void aSiteInstalledWithinThePeriodIsCoveredFromItsFirstDay() {
        // in service from 2024-03-01 (inclusive input 2024-03-01..): readings March..December cover it.
        Results r = run(inventory(List.of(site("DC1", DateRange.ofInclusive(LocalDate.of(2024, 3, 1), null))),
                months("M1", 3, 12)), GRID, Y2024);

        // expected: 366 − 31 (Jan) − 29 (Feb 2024) = 306 days, all covered.
        Coverage c = r.coverage().get(0);
        assertEquals(306, c.expectedDays());
        assertEquals(0, new BigDecimal("306").compareTo(c.coveredDays()));
        assertTrue(c.complete());
        assertTrue(r.complete(), r.issues().toString());
    }

    @Test
    void aSiteRemovedWithinThePeriodStillNeedsReadingsUntilItsLastDay() {
        // in service until 2024-06-30 (inclusive); readings stop after May: June is a gap, July on is not.
        Results r = run(inventory(List.of(site("DC1", DateRange.ofInclusive(LocalDate.of(2024, 1, 1),
                LocalDate.of(2024, 6, 30)))), months("M1", 1, 5)), GRID, Y2024);

        // expected: Jan 31 + Feb 29 + Mar 31 + Apr 30 + May 31 + Jun 30 = 182 days; covered 182 − 30 = 152.
        Coverage c = r.coverage().get(0);
        assertEquals(182, c.expectedDays());
        assertEquals(0, new BigDecimal("152").compareTo(c.coveredDays()));
        assertEquals(List.of("meter DC1/M1 (electricity): no readings for 2024-06-01..2024-06-30"), warnings(r));
    }

    @Test
    void aGapFilledWithAnEstimateIsCovered() {
        List<Reading> readings = new ArrayList<>(months("M1", 1, 5));
        readings.addAll(months("M1", 7, 12));
        MeterTimeline.Result filled = MeterTimeline.check(readings, true);
        Results r = run(inventory(List.of(site("DC1", null)), filled.readings()), GRID, Y2024);

        // June (30 days) is estimated at the rate of May and July: (100 + 100) × 30 / (31 + 31) kWh, marked
        // estimated; with it the meter covers all 366 days and no coverage warning is left.
        assertEquals(1, filled.estimated());
        assertEquals(0, new BigDecimal("366").compareTo(r.coverage().get(0).coveredDays()));
        assertEquals(List.of(), warnings(r));
        assertTrue(r.complete(), r.issues().toString());
    }

    @Test
    void aPeriodWithNoReadingsIsNotComplete() {
        Results r = run(inventory(List.of(site("DC1", null)), months("M1", 1, 12)), GRID, ReportingPeriod.year(2025));

        assertEquals(List.of("meter DC1/M1 (electricity): no readings for 2025-01-01..2025-12-31",
                "no readings in the period 2025-01-01..2025-12-31; the report has no figures for it"), warnings(r));
        assertEquals(0, BigDecimal.ZERO.compareTo(r.coverage().get(0).coveredDays()));
        assertFalse(r.complete());
    }

    @Test
    void anEmptyInventoryIsNotComplete() {
        Results r = run(inventory(List.of(), List.of()), GRID, Y2024);

        assertEquals(List.of("no readings in the period 2024-01-01..2024-12-31; the report has no figures for it"),
                warnings(r));
        assertFalse(r.complete());
    }

    @Test
    void refrigerantRechargesHaveNoCoverageToCheck() {
        List<Reading> readings = new ArrayList<>(months("M1", 1, 12));
        readings.add(reading("DC1", "RF", Carrier.REFRIGERANT, "R-134a", null, Role.MAIN, "2024-04-18", "2024-04-18",
                "5", "kg", org.wattledger.engine.model.Quality.MEASURED));
        Results r = run(inventory(List.of(site("DC1", null)), readings), with(GRID,
                factor("gwp.R-134a", null, FactorKind.GWP, "R-134a", "1300", "1")), Y2024);

        assertEquals(List.of("DC1/M1 (electricity)"), r.coverage().stream().map(c -> c.meter().toString()).toList());
    }

    @Test
    void partOfADayLeftUncoveredIsCountedInFractionsOfADay() {
        // readings 2024-01-01 00:00..2024-01-31 12:00 and 2024-02-01 00:00..2024-12-31 (whole days):
        // uncovered 2024-01-31 12:00..2024-02-01 00:00 = 12 h = 0.5 day; covered 366 − 0.5 = 365.5 days.
        List<Reading> readings = new ArrayList<>(months("M1", 2, 12));
        readings.add(Reading.consumption("DC1", "M1", Carrier.ELECTRICITY, Role.MAIN,
                LocalDate.of(2024, 1, 1).atStartOfDay(), LocalDate.of(2024, 1, 31).atTime(12, 0), new BigDecimal("100"),
                org.wattledger.engine.units.UnitParser.parse("kWh"), SourceRef.row("meters.csv", null, 40)));
        Results r = run(inventory(List.of(site("DC1", null)), readings), GRID, Y2024);

        assertEquals(0, new BigDecimal("365.5").compareTo(r.coverage().get(0).coveredDays()));
        assertEquals(List.of("meter DC1/M1 (electricity): no readings for 2024-01-31 12:00..2024-02-01 00:00"
                + " (end excluded)"), warnings(r));
    }

    @Test
    void aLargeInputsCoverageFoundBesideTheCalculationIsTheSame() {
        // 8 meters read hourly through 2024 (8 × 8,784 readings): enough for the spans to be found on a
        // thread of their own. Meter Mk misses the hour from 04:00 on day k + 1 of January.
        List<Reading> readings = new ArrayList<>();
        java.time.LocalDateTime start = java.time.LocalDateTime.of(2024, 1, 1, 0, 0);
        for (int k = 0; k < 8; k++) {
            java.time.LocalDateTime gap = start.plusDays(k).plusHours(4);
            for (java.time.LocalDateTime t = start; t.getYear() == 2024; t = t.plusHours(1)) {
                if (!t.equals(gap)) {
                    readings.add(Reading.consumption("DC1", "M" + k, Carrier.ELECTRICITY, null, t, t.plusHours(1),
                            BigDecimal.ONE, org.wattledger.engine.units.CarbonUnits.KWH,
                            SourceRef.row("hourly.csv", null, readings.size() + 2)));
                }
            }
        }
        assertTrue(readings.size() >= org.wattledger.engine.Background.FROM_ITEMS);
        List<Site> sites = List.of(site("DC1", null));
        Results r = run(inventory(sites, readings), GRID, Y2024);

        assertEquals(Coverage.of(readings, java.util.Map.of("DC1", sites.get(0)), Y2024), r.coverage());
        // 366 days less one hour: 365 + 23/24 days
        assertEquals(0, new BigDecimal("365.9583333333").compareTo(r.coverage().get(7).coveredDays()
                .setScale(10, java.math.RoundingMode.HALF_UP)));
        assertEquals(8, warnings(r).size());
        assertEquals("meter DC1/M7 (electricity): no readings for 2024-01-08 04:00..2024-01-08 05:00 (end excluded)",
                warnings(r).get(7));
    }
}
