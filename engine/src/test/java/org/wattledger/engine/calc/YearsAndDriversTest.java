package org.wattledger.engine.calc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wattledger.engine.calc.Fixtures.denominator;
import static org.wattledger.engine.calc.Fixtures.factor;
import static org.wattledger.engine.calc.Fixtures.gwps;
import static org.wattledger.engine.calc.Fixtures.inventory;
import static org.wattledger.engine.calc.Fixtures.reading;
import static org.wattledger.engine.calc.Fixtures.run;
import static org.wattledger.engine.calc.Fixtures.site;
import static org.wattledger.engine.calc.Fixtures.with;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.wattledger.engine.factor.Factor;
import org.wattledger.engine.factor.FactorKind;
import org.wattledger.engine.model.Carrier;
import org.wattledger.engine.model.Denominator;
import org.wattledger.engine.model.Issue;
import org.wattledger.engine.model.Reading;
import org.wattledger.engine.model.ReportingPeriod;
import org.wattledger.engine.model.Role;
import org.wattledger.engine.model.SiteKind;
import org.wattledger.engine.model.SourceRef;
import org.wattledger.engine.model.StructuralChange;
import org.wattledger.engine.model.Target;

/** Years side by side, LMDI decomposition, anomalies and base-year recalculation, worked by hand. */
final class YearsAndDriversTest {
    private static final List<Factor> GRID = with(gwps(),
            factor("grid", Carrier.ELECTRICITY, FactorKind.EMISSION, "CO2", "0.5", "t/MWh"));
    private static final ReportingPeriod Y2022_2024 = new ReportingPeriod(LocalDate.of(2022, 1, 1),
            LocalDate.of(2025, 1, 1));

    private static void near(double expected, BigDecimal actual, double tolerance) {
        assertTrue(Math.abs(expected - actual.doubleValue()) <= tolerance, "expected " + expected + " but was " + actual);
    }

    private static void assertDecimal(String expected, BigDecimal actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), "expected " + expected + " but was " + actual);
    }

    /** Each month of year y uses 1,000 kWh × (y − 2021): 12, 24 and 36 MWh in 2022, 2023, 2024. */
    private static List<Reading> growingOffice() {
        List<Reading> out = new ArrayList<>();
        for (int y = 2022; y <= 2024; y++) {
            for (int m = 1; m <= 12; m++) {
                YearMonth ym = YearMonth.of(y, m);
                out.add(reading("S", "M", Carrier.ELECTRICITY, Role.MAIN, ym.atDay(1).toString(),
                        ym.atEndOfMonth().toString(), Integer.toString(1000 * (y - 2021)), "kWh"));
            }
        }
        return out;
    }

    @Test
    void yearsOfAPeriodAddUpExactlyToItsTotals() {
        List<Reading> readings = new ArrayList<>(growingOffice());
        // A reading across the year boundary, 31 days of 100 kWh: 1,500 kWh fall in 2022, 1,600 kWh in 2023.
        readings.add(reading("S", "M2", Carrier.ELECTRICITY, Role.MAIN, "2022-12-17", "2023-01-16", "3100", "kWh"));
        Results r = run(inventory(List.of(site("S", "*", SiteKind.OFFICE)), readings), GRID, Y2022_2024);
        List<YearResult> years = r.years();
        assertEquals(List.of(2022, 2023, 2024), years.stream().map(YearResult::year).toList());
        // 2022: 12 MWh + 1.5 MWh = 13.5 MWh, 6.75 t; 2023: 24 + 1.6 = 25.6 MWh, 12.8 t; 2024: 36 MWh, 18 t.
        assertDecimal("13.5", years.get(0).totals().reported(Metric.ENERGY).orElseThrow());
        assertDecimal("25.6", years.get(1).totals().reported(Metric.ENERGY).orElseThrow());
        assertDecimal("36", years.get(2).totals().reported(Metric.ENERGY).orElseThrow());
        assertDecimal("12.8", years.get(1).totals().reported(Metric.SCOPE2_LOCATION).orElseThrow());
        // 2023 − 2022 = 12.8 − 6.75 = 6.05 t, relative 6.05 / 6.75 = 0.8962962… (34 digits).
        YearResult.Change c = years.get(1).change().get(Metric.SCOPE2_LOCATION);
        assertDecimal("6.05", c.value());
        assertEquals("0.8962962962962962962962962962962963", c.relative().toPlainString());
        assertTrue(years.get(0).change().isEmpty(), "the first year has no year before it");
        // The period's total is exactly the sum of its years, for every metric.
        for (Metric m : Metric.values()) {
            if (r.totals().has(m)) {
                BigDecimal sum = years.stream().map(y -> y.totals().getOrZero(m)).reduce(BigDecimal.ZERO, BigDecimal::add);
                assertDecimal(r.totals().get(m).orElseThrow().toPlainString(), sum);
            }
        }
        assertDecimal("75.1", r.totals().reported(Metric.ENERGY).orElseThrow()); // 13.5 + 25.6 + 36
    }

    @Test
    void aPeriodCutInsideYearsGivesPartYearsThatStillAddUp() {
        ReportingPeriod p = new ReportingPeriod(LocalDate.of(2022, 7, 1), LocalDate.of(2024, 7, 1));
        Results r = run(inventory(List.of(site("S", "*", SiteKind.OFFICE)), growingOffice()), GRID, p);
        List<YearResult> years = r.years();
        // 2022-07..12: 6 MWh; 2023: 24 MWh; 2024-01..06: 18 MWh; total 48 MWh.
        assertEquals(List.of("6", "24", "18"), years.stream()
                .map(y -> y.totals().reported(Metric.ENERGY).orElseThrow().toPlainString()).toList());
        assertEquals(LocalDate.of(2022, 7, 1), years.get(0).period().from());
        assertDecimal("48", r.totals().reported(Metric.ENERGY).orElseThrow());
    }

    @Test
    void oneYearPeriodHasNoYearsUnlessAnEarlierFirstYearIsAsked() {
        var inv = inventory(List.of(site("S", "*", SiteKind.OFFICE)), growingOffice());
        assertTrue(run(inv, GRID, ReportingPeriod.year(2024)).years().isEmpty());
        CalcOptions options = CalcOptions.of(ReportingPeriod.year(2024))
                .withAnalysis(new CalcOptions.Analysis(2022, null, null));
        Results r = run(inv, GRID, options);
        assertEquals(List.of(2022, 2023, 2024), r.years().stream().map(YearResult::year).toList());
        assertDecimal("36", r.totals().reported(Metric.ENERGY).orElseThrow()); // the headline stays 2024's
    }

    /**
     * Two carriers, two years, every effect by hand. Year 0: activity 100; electricity 1,000 MWh,
     * 500 t; gas 1,000 MWh, 200 t (E = 2,000, I = 20, S = 0.5 / 0.5, F = 0.5 / 0.2). Year 1: activity
     * 200; electricity 3,000 MWh, 1,200 t (F = 0.4); gas 1,000 MWh, 200 t (E = 4,000, I = 20, S = 0.75 / 0.25).
     * L_el = (1200 − 500) / ln(1200/500) = 700 / 0.8754687 = 799.57167; L_gas = L(200, 200) = 200.
     * activity = (799.57167 + 200) × ln 2 = 999.57167 × 0.6931472 = 692.85028
     * intensity = 999.57167 × ln(20/20) = 0
     * mix = 799.57167 × ln(0.75/0.5) + 200 × ln(0.25/0.5) = 324.19841 − 138.62944 = 185.56898
     * factor = 799.57167 × ln(0.4/0.5) + 200 × ln 1 = 799.57167 × −0.2231436 = −178.41926
     * sum = 692.85028 + 0 + 185.56898 − 178.41926 = 700.00000 = 1,400 − 700.
     */
    @Test
    void lmdiEffectsOfTwoCarriersAndTwoYearsWorkedByHand() {
        Decomposition d = Decomposition.of(year(2022, "100", "1000", "500", "1000", "200"),
                year(2023, "200", "3000", "1200", "1000", "200"), "headcount", "person");
        assertDecimal("700", d.change());
        Map<String, BigDecimal> e = d.byDriver();
        assertEquals(List.of("activity", "energyIntensity", "mix", "factor"), List.copyOf(e.keySet()));
        near(692.85028, e.get("activity"), 1e-5);
        near(0, e.get("energyIntensity"), 1e-9);
        near(185.56898, e.get("mix"), 1e-5);
        near(-178.41926, e.get("factor"), 1e-5);
        // The effects add up to the exact change within the stated 1e-9 relative precision.
        assertTrue(Math.abs(d.residual().doubleValue()) <= 1e-9 * 700, d.residual().toPlainString());
        assertTrue(d.effectsAddUp());
    }

    @Test
    void aCarrierNewInTheSecondYearPutsItsWholeChangeIntoMix() {
        // Year 1 adds gas (0 → 1,000 MWh, 200 t): L(200, δ)·ln(S¹/δ) → 200 as δ → 0, all of it mix.
        // Electricity stays at 1,000 MWh, 500 t, activity 100: its share falls from 1 to 0.5, so
        // L(500, 500) × ln 0.5 = −346.57359 mix and 500 × ln(2000/1000) = +346.57359 intensity.
        Decomposition d = Decomposition.of(year(2022, "100", "1000", "500", null, null),
                year(2023, "100", "1000", "500", "1000", "200"), "headcount", "person");
        assertDecimal("200", d.change());
        near(0, d.byDriver().get("activity"), 1e-9);
        near(346.57359, d.byDriver().get("energyIntensity"), 1e-5);
        near(200 - 346.57359, d.byDriver().get("mix"), 1e-5);
        near(0, d.byDriver().get("factor"), 1e-9);
        assertTrue(d.effectsAddUp());
    }

    @Test
    void decompositionOfTheYearsUsesHeadcountAndAddsUp() {
        var inv = inventory(List.of(site("S", "*", SiteKind.OFFICE)), growingOffice(), List.of(), List.of(), List.of(
                denominator("*", "headcount", "2022-01-01", "2022-12-31", "10", "person", 2),
                denominator("*", "headcount", "2023-01-01", "2023-12-31", "20", "person", 3),
                denominator("*", "headcount", "2024-01-01", "2024-12-31", "20", "person", 4)));
        List<Decomposition> ds = run(inv, GRID, Y2022_2024).decomposition();
        assertEquals(2, ds.size());
        Decomposition d = ds.get(0);
        assertEquals("headcount", d.activity());
        assertEquals("person", d.activityUnit());
        // 6 t → 12 t with headcount 10 → 20 and 1.2 MWh a person both years: all of it activity,
        // L(12, 6) × ln 2 = (6 / ln 2) × ln 2 = 6 t.
        assertDecimal("6", d.change());
        near(6, d.byDriver().get("activity"), 1e-12);
        near(0, d.byDriver().get("energyIntensity"), 1e-12);
        // 2023 → 2024: 12 t → 18 t at 20 people: all of it energy intensity, 1.2 → 1.8 MWh a person.
        near(6, ds.get(1).byDriver().get("energyIntensity"), 1e-12);
        near(0, ds.get(1).byDriver().get("activity"), 1e-12);
    }

    @Test
    void withoutDenominatorsEnergyIsTheActivity() {
        var inv = inventory(List.of(site("S", "*", SiteKind.OFFICE)), growingOffice());
        Decomposition d = run(inv, GRID, Y2022_2024).decomposition().get(0);
        assertEquals("energy", d.activity());
        assertEquals("MWh", d.activityUnit());
        near(6, d.byDriver().get("activity"), 1e-12);
    }

    private static Decomposition.YearInput year(int year, String activity, String elecMwh, String elecT, String gasMwh,
            String gasT) {
        TreeMap<String, Decomposition.CarrierYear> c = new TreeMap<>();
        c.put("electricity", new Decomposition.CarrierYear(new BigDecimal(elecMwh), new BigDecimal(elecT)));
        if (gasMwh != null) {
            c.put("natural_gas", new Decomposition.CarrierYear(new BigDecimal(gasMwh), new BigDecimal(gasT)));
        }
        return new Decomposition.YearInput(year, new BigDecimal(activity), c, BigDecimal.ZERO);
    }

    // ---- anomalies ----

    /** 2023-01..2024-12: 1,000 kWh a month in January to June, 1,020 kWh in July to December. */
    private static List<Reading> steadyMeter(String spikeMonth, String spikeKwh) {
        List<Reading> out = new ArrayList<>();
        for (YearMonth m = YearMonth.of(2023, 1); !m.isAfter(YearMonth.of(2024, 12)); m = m.plusMonths(1)) {
            String kwh = m.toString().equals(spikeMonth) ? spikeKwh : m.getMonthValue() <= 6 ? "1000" : "1020";
            out.add(reading("S", "M", Carrier.ELECTRICITY, Role.MAIN, m.atDay(1).toString(), m.atEndOfMonth().toString(),
                    kwh, "kWh"));
        }
        return out;
    }

    @Test
    void aPlantedSpikeIsAnAnomalyNamingMeterAndMonth() {
        var inv = inventory(List.of(site("S", "*", SiteKind.OFFICE)), steadyMeter("2024-03", "10000"));
        Results r = run(inv, GRID, ReportingPeriod.year(2024));
        // The other 23 months: 11 × 1,000 and 12 × 1,020 kWh, median (12th) 1,020; deviations 11 × 20
        // and 12 × 0, MAD 0. |10,000 − 1,020| = 8,980 > 5 × 1.4826 × 0 and > 0.5 × 1,020 = 510.
        // The same month of the other year, 2023-03: 1,000 kWh, MAD 0; |10,000 − 1,000| = 9,000 > 500.
        assertEquals(1, r.anomalies().size(), r.anomalies().toString());
        Anomalies.Anomaly a = r.anomalies().get(0);
        assertEquals(YearMonth.of(2024, 3), a.month());
        assertEquals("M", a.meter());
        assertDecimal("1020", a.median());
        assertDecimal("0", a.mad());
        assertEquals(23, a.otherMonths());
        List<Issue> anomalies = r.issues().stream().filter(i -> Issue.ANOMALY.equals(i.code())).toList();
        assertEquals(1, anomalies.size());
        assertEquals("warning: meters.csv, row " + anomalies.get(0).row() + ": meter S/M (electricity), 2024-03: 10000"
                + " kWh is far from the meter's usual month (median 1020 kWh, MAD 0 kWh over 23 other months;"
                + " the same month of 1 other year: median 1000 kWh); check the reading", anomalies.get(0).toString());
        // A 2023 report does not flag a 2024 month.
        assertTrue(run(inv, GRID, ReportingPeriod.year(2023)).anomalies().isEmpty());
    }

    @Test
    void aMonthWithinHalfOfTheMedianIsNotAnAnomaly() {
        // 1,400 kWh: |1,400 − 1,020| = 380 > 5 × 1.4826 × 0 but not > 510, so the steady meter does not flag it.
        var inv = inventory(List.of(site("S", "*", SiteKind.OFFICE)), steadyMeter("2024-03", "1400"));
        assertTrue(run(inv, GRID, ReportingPeriod.year(2024)).anomalies().isEmpty());
    }

    @Test
    void normalSeasonalityIsNotAnAnomaly() {
        // An office's chiller: 400 kWh in winter to 1,600 kWh in July, 1000 + 600·cos(2π(m − 7)/12) rounded.
        int[] season = {400, 480, 700, 1000, 1300, 1520, 1600, 1520, 1300, 1000, 700, 480};
        List<Reading> readings = new ArrayList<>();
        for (YearMonth m = YearMonth.of(2022, 1); !m.isAfter(YearMonth.of(2024, 12)); m = m.plusMonths(1)) {
            readings.add(reading("S", "CHILLER", Carrier.ELECTRICITY, Role.MAIN, m.atDay(1).toString(),
                    m.atEndOfMonth().toString(), Integer.toString(season[m.getMonthValue() - 1]), "kWh"));
        }
        Results r = run(inventory(List.of(site("S", "*", SiteKind.OFFICE)), readings), GRID, Y2022_2024);
        assertTrue(r.anomalies().isEmpty(), r.anomalies().toString());
    }

    @Test
    void aMonthLikeTheSameMonthOfOtherYearsIsTheSeasonNotAnAnomaly() {
        // A generator's yearly load-bank test: 100 kg a month, 3,600 kg every May, 2022 to 2024.
        // May 2024 against the other 35 months: median 100, MAD 0, far; against May 2022 and May 2023
        // (3,600 and 3,600: median 3,600, MAD 0): |3,600 − 3,600| = 0, not far. Not an anomaly.
        // A heat meter's winter (0 in summer) works the same way.
        List<Reading> readings = new ArrayList<>();
        for (YearMonth m = YearMonth.of(2022, 1); !m.isAfter(YearMonth.of(2024, 12)); m = m.plusMonths(1)) {
            readings.add(reading("S", "GEN", Carrier.ELECTRICITY, Role.MAIN, m.atDay(1).toString(),
                    m.atEndOfMonth().toString(), m.getMonthValue() == 5 ? "3600" : "100", "kWh"));
        }
        Results r = run(inventory(List.of(site("S", "*", SiteKind.OFFICE)), readings), GRID, Y2022_2024);
        assertTrue(r.anomalies().isEmpty(), r.anomalies().toString());
    }

    @Test
    void theRuleOnItsOwn() {
        // median 100, MAD 10: 5 × 1.4826 × 10 = 74.13; 0.5 × 100 = 50.
        assertTrue(Anomalies.isAnomaly(new BigDecimal("174.14"), new BigDecimal(100), BigDecimal.TEN));
        assertFalse(Anomalies.isAnomaly(new BigDecimal("174.13"), new BigDecimal(100), BigDecimal.TEN));
        assertTrue(Anomalies.isAnomaly(new BigDecimal("25.86"), new BigDecimal(100), BigDecimal.TEN));
        assertDecimal("2.5", Anomalies.median(List.of(BigDecimal.ONE, new BigDecimal(4), new BigDecimal(2),
                new BigDecimal(3))));
    }

    // ---- base-year recalculation ----

    private static StructuralChange change(StructuralChange.Type type, String date, String t) {
        return new StructuralChange(type, LocalDate.parse(date), List.of("*"), new BigDecimal(t), "", 
                SourceRef.row("changes.csv", null, 2));
    }

    private static java.util.SortedMap<Integer, BigDecimal> series() {
        java.util.SortedMap<Integer, BigDecimal> s = new TreeMap<>();
        s.put(2022, new BigDecimal(1000));
        s.put(2023, new BigDecimal(1100));
        s.put(2024, new BigDecimal(1200));
        return s;
    }

    @Test
    void changesReachingTheThresholdRestateTheBaseYearAndTheSeries() {
        List<StructuralChange> changes = List.of(
                change(StructuralChange.Type.ACQUISITION, "2023-07-01", "30"),
                change(StructuralChange.Type.DIVESTMENT, "2024-03-01", "25"),
                change(StructuralChange.Type.ACQUISITION, "2022-05-01", "100")); // in the base year: not counted
        Recalculation r = Recalculation.of(changes, 2022, series(), new BigDecimal("0.05"));
        // |+30| + |−25| = 55 t; 55 / 1,000 = 0.055 ≥ 0.05.
        assertDecimal("55", r.cumulative());
        assertDecimal("0.055", r.share());
        assertTrue(r.triggered());
        assertEquals(2, r.changes().size());
        // 2022: 1,000 + 30 − 25 = 1,005; 2023: 1,100 − 25 (the divestment of 2024) = 1,075; 2024 as it was.
        assertDecimal("1005", r.restatedBaseEmissions());
        assertEquals(List.of("2022 1000 1005", "2023 1100 1075", "2024 1200 1200"), r.series().stream()
                .map(y -> y.year() + " " + y.original().toPlainString() + " " + y.restated().toPlainString()).toList());
    }

    @Test
    void changesBelowTheThresholdRestateNothingUnlessTheThresholdIsLowered() {
        List<StructuralChange> changes = List.of(
                change(StructuralChange.Type.ACQUISITION, "2023-07-01", "30"),
                change(StructuralChange.Type.OUTSOURCING, "2024-03-01", "15"));
        // 30 + 15 = 45 t, 4.5 % < 5 %.
        Recalculation r = Recalculation.of(changes, 2022, series(), new BigDecimal("0.05"));
        assertDecimal("0.045", r.share());
        assertFalse(r.triggered());
        assertDecimal("1000", r.restatedBaseEmissions());
        assertDecimal("1100", r.year(2023).orElseThrow().restated());
        // At 4 % it crosses: 1,000 + 30 − 15 = 1,015.
        Recalculation lower = Recalculation.of(changes, 2022, series(), new BigDecimal("0.04"));
        assertTrue(lower.triggered());
        assertDecimal("1015", lower.restatedBaseEmissions());
    }

    @Test
    void anErrorCorrectionKeepsItsSign() {
        Recalculation r = Recalculation.of(List.of(change(StructuralChange.Type.ERROR, "2024-01-15", "-60")), 2022,
                series(), new BigDecimal("0.05"));
        // |−60| / 1,000 = 6 %; 2022: 940, 2023: 1,040.
        assertTrue(r.triggered());
        assertDecimal("940", r.restatedBaseEmissions());
        assertDecimal("1040", r.year(2023).orElseThrow().restated());
    }

    @Test
    void aTargetUsesTheRestatedBase() {
        // 2022: 12 MWh × 0.5 = 6 t. An acquisition on 2023-01-01 of 0.6 t is 10 % ≥ 5 %: base 6.6 t;
        // a 50 % reduction target is then 3.3 t.
        Target t = new Target("T1", "scope1_2", List.of("*"), 2022, null, 2030, null, new BigDecimal(50),
                Target.Path.LINEAR, SourceRef.row("targets.csv", null, 2));
        var inv = inventory(List.of(site("S", "*", SiteKind.OFFICE)), growingOffice(), List.of(), List.of(t),
                List.<Denominator>of()).withChanges(List.of(change(StructuralChange.Type.ACQUISITION, "2023-01-01", "0.6")));
        Results r = run(inv, GRID, ReportingPeriod.year(2024));
        TargetResult tr = r.targets().get(0);
        assertDecimal("6.6", tr.baseValue());
        assertDecimal("3.3", tr.targetValue());
        Recalculation rec = r.recalculation().orElseThrow();
        assertEquals(2022, rec.baseYear());
        assertDecimal("6", rec.baseEmissions());
        assertDecimal("6.6", rec.restatedBaseEmissions());
        assertTrue(r.issues().stream().anyMatch(i -> i.message().equals("base year 2022 restated: the changes since add"
                + " up to 0.6 t CO2e, at least the threshold of 5 % of its 6 t CO2e")), r.issues().toString());
        // Without the changes table the base is the calculated 6 t.
        Results plain = run(inventory(List.of(site("S", "*", SiteKind.OFFICE)), growingOffice(), List.of(), List.of(t),
                List.of()), GRID, ReportingPeriod.year(2024));
        assertDecimal("6", plain.targets().get(0).baseValue());
        assertTrue(plain.recalculation().isEmpty());
    }
}
