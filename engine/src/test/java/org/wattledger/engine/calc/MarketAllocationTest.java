package org.wattledger.engine.calc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wattledger.engine.calc.Fixtures.factor;
import static org.wattledger.engine.calc.Fixtures.gwps;
import static org.wattledger.engine.calc.Fixtures.instrument;
import static org.wattledger.engine.calc.Fixtures.inventory;
import static org.wattledger.engine.calc.Fixtures.reading;
import static org.wattledger.engine.calc.Fixtures.run;
import static org.wattledger.engine.calc.Fixtures.site;
import static org.wattledger.engine.calc.Fixtures.with;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wattledger.engine.factor.Factor;
import org.wattledger.engine.factor.FactorKind;
import org.wattledger.engine.model.Carrier;
import org.wattledger.engine.model.Instrument;
import org.wattledger.engine.model.Issue;
import org.wattledger.engine.model.Reading;
import org.wattledger.engine.model.ReportingPeriod;
import org.wattledger.engine.model.Role;
import org.wattledger.engine.model.Severity;
import org.wattledger.engine.model.SiteKind;

/** Market-based Scope 2: which instruments apply, and how they spread over months. Numbers worked by hand. */
final class MarketAllocationTest {
    /** Grid 0.5 t/MWh (location-based), residual mix 0.6 t/MWh (market-based where not covered). */
    private static final List<Factor> FACTORS = with(gwps(),
            factor("grid", Carrier.ELECTRICITY, FactorKind.EMISSION, "CO2", "0.5", "t/MWh"),
            factor("residual", Carrier.ELECTRICITY, FactorKind.RESIDUAL_MIX, "CO2", "0.6", "t/MWh"));

    private static void assertDecimal(String expected, BigDecimal actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), "expected " + expected + " but was " + actual);
    }

    private static BigDecimal market(Results r) {
        return r.totals().reported(Metric.SCOPE2_MARKET).orElseThrow(() -> new AssertionError(r.issues()));
    }

    private static BigDecimal marketIn(Results r, int month) {
        return r.sites().get(0).months().get(YearMonth.of(r.period().from().getYear(), month))
                .reported(Metric.SCOPE2_MARKET).orElseThrow();
    }

    private static Results oneMonth(String monthStart, String monthEnd, Instrument instrument, int year) {
        var inv = inventory(List.of(site("S", "CN-GZ", SiteKind.OFFICE)), List.of(
                reading("S", "M", Carrier.ELECTRICITY, Role.MAIN, monthStart, monthEnd, "3", "MWh")),
                List.of(instrument));
        return run(inv, FACTORS, ReportingPeriod.year(year));
    }

    @Test
    void a2023VintageDoesNotCover2024Electricity() {
        // Vintage 2023-01-01..2023-12-31 (held as [2023-01-01, 2024-01-01)): 2024 electricity is out.
        Results r = oneMonth("2024-01-01", "2024-01-31",
                instrument("GEC-23", null, "2023-01-01", "2023-12-31", "1", true, 2), 2024);
        // Nothing covered: 3 MWh × 0.6 t/MWh residual = 1.8 t (the defect covered 1 MWh: 2 × 0.6 = 1.2 t).
        assertDecimal("1.8", market(r));
        assertTrue(r.issues().stream().anyMatch(i -> i.message().equals("instrument GEC-23: 1 of 1 MWh exceed the"
                + " electricity it can cover (market CN, vintage 2023); the excess is not used and not carried over")),
                r.issues().toString());
    }

    @Test
    void anUnused2024CertificateIsNotCarriedInto2025() {
        Results r = oneMonth("2025-01-01", "2025-01-31",
                instrument("GEC-24", null, "2024-01-01", "2024-12-31", "1", true, 2), 2025);
        // 3 MWh × 0.6 = 1.8 t: the 2024 certificate covers nothing in 2025.
        assertDecimal("1.8", market(r));
    }

    @Test
    void aCertificateOfTheSameYearCovers() {
        Results r = oneMonth("2024-01-01", "2024-01-31",
                instrument("GEC-24", null, "2024-01-01", "2024-12-31", "1", true, 2), 2024);
        // 1 MWh covered at 0 + 2 MWh × 0.6 = 1.2 t.
        assertDecimal("1.2", market(r));
    }

    @Test
    void anInstrumentWithoutGenerationDatesIsNotAppliedAndItsRowIsNamed() {
        Results r = oneMonth("2024-01-01", "2024-01-31", instrument("GEC-X", null, null, null, "1", true, 7), 2024);
        // Not applied: 3 MWh × 0.6 = 1.8 t, and a warning on instruments.csv row 7 (it used to crash).
        assertDecimal("1.8", market(r));
        Issue warning = r.issues().stream().filter(i -> i.message().startsWith("instrument GEC-X has no generation"))
                .findFirst().orElseThrow(() -> new AssertionError(r.issues()));
        assertEquals(Severity.WARNING, warning.severity());
        assertEquals("instruments.csv", warning.file());
        assertEquals(7, warning.row());
    }

    /** January 100 MWh, February 200 MWh, March 100 MWh; one 200 MWh certificate of 2024. */
    private static Results quarter(CalcOptions.InstrumentAllocation rule) {
        var inv = inventory(List.of(site("S", "CN-GZ", SiteKind.OFFICE)), List.of(
                reading("S", "M", Carrier.ELECTRICITY, Role.MAIN, "2024-03-01", "2024-03-31", "100", "MWh"),
                reading("S", "M", Carrier.ELECTRICITY, Role.MAIN, "2024-01-01", "2024-01-31", "100", "MWh"),
                reading("S", "M", Carrier.ELECTRICITY, Role.MAIN, "2024-02-01", "2024-02-29", "200", "MWh")),
                List.of(instrument("GEC-1", null, "2024-01-01", "2024-12-31", "200", true, 2)));
        ReportingPeriod y2024 = ReportingPeriod.year(2024);
        return run(inv, FACTORS, new CalcOptions(y2024, null, null, null, rule));
    }

    @Test
    void proRataGivesEveryMonthItsShareByDefault() {
        Results r = quarter(null);
        // 200 of 400 MWh covered: each month half. Jan 50 MWh uncovered × 0.6 = 30 t; Feb 100 × 0.6 = 60 t;
        // Mar 50 × 0.6 = 30 t; year 120 t.
        assertDecimal("30", marketIn(r, 1));
        assertDecimal("60", marketIn(r, 2));
        assertDecimal("30", marketIn(r, 3));
        assertDecimal("120", market(r));
        assertTrue(r.issues().stream().anyMatch(i -> i.severity() == Severity.INFO
                && i.message().startsWith("market-based Scope 2: instruments are allocated pro rata")), r.issues().toString());
    }

    @Test
    void chronologicalFillsTheEarliestMonthsFirstWithTheSameYearTotal() {
        Results r = quarter(CalcOptions.InstrumentAllocation.CHRONOLOGICAL);
        // Jan 100 covered (0 t), Feb 100 of 200 covered: 100 × 0.6 = 60 t, Mar 100 × 0.6 = 60 t; year 120 t as pro rata.
        assertDecimal("0", marketIn(r, 1));
        assertDecimal("60", marketIn(r, 2));
        assertDecimal("60", marketIn(r, 3));
        assertDecimal("120", market(r));
    }

    @Test
    void sharesAreWholeMilliwattHoursAndTheLargestLineTakesTheRemainderSoTotalsStayExact() {
        List<Reading> readings = new ArrayList<>();
        for (int m = 1; m <= 7; m++) {
            String first = "2024-0" + m + "-01";
            String last = YearMonth.of(2024, m).atEndOfMonth().toString();
            readings.add(reading("S", "M", Carrier.ELECTRICITY, Role.MAIN, first, last, "1", "MWh"));
        }
        var inv = inventory(List.of(site("S", "CN-GZ", SiteKind.OFFICE)), readings,
                List.of(instrument("GEC-1", null, "2024-01-01", "2024-12-31", "1", true, 2)));
        Results r = run(inv, FACTORS, ReportingPeriod.year(2024));
        // 1 MWh over seven months of 1 MWh: 1/7 = 0.142857142|857… MWh each does not terminate. February to
        // July take it rounded down to 10^-9 MWh, 0.142857142; January (the first of the equally largest) takes
        // 1 − 6 × 0.142857142 = 0.142857148, so the certified renewable electricity is exactly 1 MWh.
        assertDecimal("1", r.totals().reported(Metric.CERTIFIED_RENEWABLE).orElseThrow());
        // January: (1 − 0.142857148) × 0.6 = 0.857142852 × 0.6 = 0.5142857112 t; February: 0.857142858 × 0.6
        // = 0.5142857148 t.
        assertEquals(new BigDecimal("0.5142857112"), marketIn(r, 1).stripTrailingZeros());
        assertEquals(new BigDecimal("0.5142857148"), marketIn(r, 2).stripTrailingZeros());
        // The year: (7 − 1) MWh × 0.6 = 3.6 t, exactly — not 3.6 plus the residue of 34-digit divisions.
        assertEquals(new BigDecimal("3.6"), market(r).stripTrailingZeros());
    }

    @Test
    void withoutInstrumentsTheNoticeDoesNotClaimNoneWereGiven() {
        // The importer drops an instrument row with an error (a factor in an unknown unit), so the
        // engine sees none although the user gave one: the notice must say none was accepted.
        // 3 MWh × 0.6 t/MWh residual mix = 1.8 t.
        var inv = inventory(List.of(site("S", "CN-GZ", SiteKind.OFFICE)), List.of(
                reading("S", "M", Carrier.ELECTRICITY, Role.MAIN, "2024-01-01", "2024-01-31", "3", "MWh")));
        Results r = run(inv, FACTORS, ReportingPeriod.year(2024));
        assertDecimal("1.8", market(r));
        assertTrue(r.issues().stream().anyMatch(i -> i.severity() == Severity.INFO && i.message().equals(
                "no contractual instrument was accepted from the inputs: market-based Scope 2 uses the residual mix,"
                        + " or the grid average where no residual mix exists")), r.issues().toString());
    }

    @Test
    void aVintageThatSpansTwoYearsIsAppliedWithAWarning() {
        // Generated 2023-07-01..2024-06-30: half of it in 2023, which the same-year rule would keep
        // from 2024 electricity. The engine lets it cover either year, and must say so.
        Results r = oneMonth("2024-01-01", "2024-01-31",
                instrument("GEC-X", null, "2023-07-01", "2024-06-30", "1", true, 2), 2024);
        // 1 of the 3 MWh covered: (3 − 1) × 0.6 t/MWh = 1.2 t.
        assertDecimal("1.2", market(r));
        assertTrue(r.issues().stream().anyMatch(i -> i.severity() == Severity.WARNING && Integer.valueOf(2).equals(i.row())
                && i.message().equals("instrument GEC-X: its vintage spans 2023 and 2024, so it may cover the"
                        + " electricity of either year; give one row per year of generation to keep each year's"
                        + " certificates to that year")), r.issues().toString());
    }
}
