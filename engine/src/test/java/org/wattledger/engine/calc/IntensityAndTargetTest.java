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
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.wattledger.engine.factor.Factor;
import org.wattledger.engine.factor.FactorKind;
import org.wattledger.engine.model.Carrier;
import org.wattledger.engine.model.Denominator;
import org.wattledger.engine.model.Quantity;
import org.wattledger.engine.model.ReportingPeriod;
import org.wattledger.engine.model.Role;
import org.wattledger.engine.model.Severity;
import org.wattledger.engine.model.SiteKind;
import org.wattledger.engine.model.SourceRef;
import org.wattledger.engine.model.Target;

/** Intensities over half-open denominator periods, and targets. Numbers worked by hand. */
final class IntensityAndTargetTest {
    private static final List<Factor> FACTORS = with(gwps(),
            factor("grid", Carrier.ELECTRICITY, FactorKind.EMISSION, "CO2", "0.5", "t/MWh"));

    private static void assertDecimal(String expected, BigDecimal actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), "expected " + expected + " but was " + actual);
    }

    /** 94 MWh of office electricity in January 2024, and the given denominators. */
    private static Results office2024(List<Denominator> denominators) {
        var inv = inventory(List.of(site("S", "*", SiteKind.OFFICE)), List.of(
                reading("S", "M", Carrier.ELECTRICITY, Role.MAIN, "2024-01-01", "2024-01-31", "94", "MWh")),
                List.of(), List.of(), denominators);
        return run(inv, FACTORS, ReportingPeriod.year(2024));
    }

    private static Optional<Intensity> intensity(Results r, String name) {
        return r.intensities().stream().filter(i -> i.name().equals(name)).findFirst();
    }

    @Test
    void aHeadcountRowCoversItsYearAndNotOneDayMore() {
        Results r = office2024(List.of(
                denominator("*", "headcount", "2023-01-01", "2023-12-31", "8900", "person", 2),
                denominator("*", "headcount", "2024-01-01", "2024-12-31", "9400", "person", 3)));
        // 94 MWh / 9400 person = 0.01 MWh/person. The defect let 2023's row spill one day into 2024:
        // (8900 × 1 + 9400 × 366) / 367 = 9398.637…, giving 0.0100014….
        Intensity i = intensity(r, "electricity_per_headcount").orElseThrow();
        assertDecimal("0.01", i.value());
        assertEquals("MWh/person", i.unit());
    }

    @Test
    void aYearWithoutAHeadcountRowHasNoPerHeadcountIntensity() {
        Results r = office2024(List.of(denominator("*", "headcount", "2023-01-01", "2023-12-31", "8900", "person", 2)));
        // The 2023 row ends on 2023-12-31: nothing covers 2024, so no intensity (the defect gave 94 / 8900).
        assertFalse(intensity(r, "electricity_per_headcount").isPresent(), r.intensities().toString());
        // ... and the report says why, on the row that was given: 0 of 2024's 366 days are covered.
        assertTrue(r.issues().stream().anyMatch(i -> i.severity() == Severity.WARNING && Integer.valueOf(2).equals(i.row())
                && i.message().equals("denominator headcount: its rows cover 0 of the 366 days of"
                        + " 2024-01-01..2024-12-31; no intensity is computed from it")), r.issues().toString());
    }

    @Test
    void revenueUnderItsChineseNameIsSummedOverTheYearNotAveraged() {
        Results r = office2024(List.of(
                denominator("*", "营业收入", "2024-01-01", "2024-06-30", "3000000", "CNY", 2),
                denominator("*", "营业收入", "2024-07-01", "2024-12-31", "3000000", "CNY", 3)));
        // Revenue is a flow: 3,000,000 + 3,000,000 = 6,000,000 CNY; 94 MWh / 6,000,000 CNY = 0.0000156666…
        // The defect averaged the halves like a headcount, (3,000,000 × 182 + 3,000,000 × 184) / 366 =
        // 3,000,000 CNY, and doubled the intensity to 0.0000313333….
        assertDecimal("0.00001566666666666666666666666666666667",
                intensity(r, "electricity_per_营业收入").orElseThrow().value());
    }

    @Test
    void revenueOfALeapYearIsNotScaledBy366Over367() {
        Results r = office2024(List.of(denominator("*", "revenue", "2024-01-01", "2024-12-31", "1000000", "CNY", 2)));
        // 94 MWh / 1,000,000 CNY = 0.000094 MWh/CNY (the defect divided by 1,000,000 × 366/367).
        assertDecimal("0.000094", intensity(r, "electricity_per_revenue").orElseThrow().value());
    }

    @Test
    void aDenominatorThatCoversPartOfThePeriodGivesNoIntensityAndAWarning() {
        Results r = office2024(List.of(denominator("*", "headcount", "2024-01-01", "2024-06-30", "9400", "person", 4)));
        // 2024-01-01..2024-06-30 is 31+29+31+30+31+30 = 182 of 366 days.
        assertFalse(intensity(r, "electricity_per_headcount").isPresent());
        assertTrue(r.issues().stream().anyMatch(i -> i.severity() == Severity.WARNING && Integer.valueOf(4).equals(i.row())
                && i.message().equals("denominator headcount: its rows cover 182 of the 366 days of"
                        + " 2024-01-01..2024-12-31; no intensity is computed from it")), r.issues().toString());
    }

    @Test
    void theOrganisationWidePueCountsDataCentresOnly() {
        var inv = inventory(List.of(site("DC", "*", SiteKind.DATACENTER), site("OFF", "*", SiteKind.OFFICE)), List.of(
                reading("DC", "MAIN", Carrier.ELECTRICITY, Role.MAIN, "2024-01-01", "2024-01-31", "130", "MWh"),
                reading("DC", "IT", Carrier.ELECTRICITY, Role.IT, "2024-01-01", "2024-01-31", "100", "MWh"),
                reading("OFF", "MAIN", Carrier.ELECTRICITY, Role.MAIN, "2024-01-01", "2024-01-31", "50", "MWh")),
                List.of(), List.of(new Target("T", "pue", List.of("*"), 2023, Quantity.of("1.5", "1"), 2026,
                        Quantity.of("1.2", "1"), null, Target.Path.LINEAR, SourceRef.row("targets.csv", null, 2))),
                List.of());
        TargetResult t = run(inv, FACTORS, ReportingPeriod.year(2024)).targets().get(0);
        // Data centres only: 130 / 100 = 1.3 (the defect added the office: 180 / 100 = 1.8).
        assertDecimal("1.3", t.current());
        // Path 2024: 1.5 + (1.2 − 1.5) × 1/3 = 1.4; 1.3 ≤ 1.4 is on track; progress (1.5 − 1.3) / 0.3 = 0.666….
        assertDecimal("1.4", t.pathValue());
        assertTrue(t.onTrack());
    }

    @Test
    void aTargetWhoseUnitIsNotTheMetricsIsAnErrorNotAFigure() {
        var inv = inventory(List.of(site("S", "*", SiteKind.OFFICE)), List.of(
                reading("S", "M", Carrier.ELECTRICITY, Role.MAIN, "2024-01-01", "2024-01-31", "94", "MWh")),
                List.of(), List.of(new Target("T", "electricity_per_revenue", List.of("*"), 2023,
                        Quantity.of("0.0001", "MWh/USD"), 2026, Quantity.of("0.00005", "MWh/USD"), null,
                        Target.Path.LINEAR, SourceRef.row("targets.csv", null, 2))),
                List.of(denominator("*", "revenue", "2024-01-01", "2024-12-31", "1000000", "CNY", 2)));
        Results r = run(inv, FACTORS, ReportingPeriod.year(2024));
        assertTrue(r.targets().isEmpty());
        assertTrue(r.issues().stream().anyMatch(i -> i.severity() == Severity.ERROR && i.message().equals(
                "target T: its values are in MWh/USD but electricity_per_revenue is computed in MWh/CNY;"
                        + " give them in MWh/CNY")), r.issues().toString());
    }
}
