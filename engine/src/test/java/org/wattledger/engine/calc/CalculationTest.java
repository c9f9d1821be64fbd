package org.wattledger.engine.calc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wattledger.engine.calc.Fixtures.factor;
import static org.wattledger.engine.calc.Fixtures.gwps;
import static org.wattledger.engine.calc.Fixtures.inventory;
import static org.wattledger.engine.calc.Fixtures.ipccDiesel;
import static org.wattledger.engine.calc.Fixtures.reading;
import static org.wattledger.engine.calc.Fixtures.run;
import static org.wattledger.engine.calc.Fixtures.site;
import static org.wattledger.engine.calc.Fixtures.with;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wattledger.engine.factor.Factor;
import org.wattledger.engine.factor.FactorKind;
import org.wattledger.engine.model.Carrier;
import org.wattledger.engine.model.Issue;
import org.wattledger.engine.model.Quality;
import org.wattledger.engine.model.ReportingPeriod;
import org.wattledger.engine.model.Role;
import org.wattledger.engine.model.SiteKind;
import org.wattledger.engine.model.Use;

/** Hand-worked cases from public documents; every expected number is derived in the comment beside it. */
final class CalculationTest {
    private static final ReportingPeriod Y2024 = ReportingPeriod.year(2024);

    private static void assertDecimal(String expected, BigDecimal actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), "expected " + expected + " but was " + actual);
    }

    private static BigDecimal t(Results r, Metric m) {
        return r.totals().reported(m).orElseThrow(() -> new AssertionError(m + " missing; issues " + r.issues()));
    }

    @Test
    void dieselByIpccRouteUnderAr5() {
        var inv = inventory(List.of(site("S", "*", SiteKind.OFFICE)), List.of(
                reading("S", "G1", Carrier.DIESEL, null, Use.STATIONARY, Role.MAIN, "2024-03-01", "2024-03-31", "1", "t", Quality.MEASURED)));
        Results r = run(inv, ipccDiesel(), ReportingPeriod.parse("2024-03-01..2024-03-31")); // the one month read
        // 1 t × 43.0 GJ/t = 43 GJ = 0.043 TJ. CO2 0.043 × 74,100 = 3,186.3 kg; CH4 0.43 kg; N2O 0.0258 kg.
        // AR5: 3,186.3 + 0.43 × 28 + 0.0258 × 265 = 3,186.3 + 12.04 + 6.837 = 3,205.177 kg.
        assertDecimal("3.205177", t(r, Metric.SCOPE1));
        assertDecimal("3186.3", r.scope1ByGas().get("CO2"));
        assertDecimal("0.43", r.scope1ByGas().get("CH4"));
        assertDecimal("0.0258", r.scope1ByGas().get("N2O"));
        // Reported in t of each gas: 3,186.3 kg = 3.1863 t CO2; 0.43 kg = 0.00043 t CH4; 0.0258 kg = 0.0000258 t N2O.
        assertEquals("3.1863", r.scope1ByGasReported().get("CO2").toPlainString());
        assertEquals("0.00043", r.scope1ByGasReported().get("CH4").toPlainString());
        assertEquals("0.0000258", r.sites().get(0).scope1ByGasReported().get("N2O").toPlainString());
        // Energy 43 GJ = 43,000 MJ; GB/T 2589: 1,000 kg × 1.4571 kgce/kg = 1,457.1 kgce = 1.4571 tce.
        assertDecimal("43000", r.totals().get(Metric.ENERGY).orElseThrow());
        assertDecimal("43000", r.totals().get(Metric.ENERGY_DIRECT).orElseThrow());
        assertDecimal("1.4571", t(r, Metric.ENERGY_TCE));
        assertTrue(r.complete(), r.issues().toString());
    }

    @Test
    void ch4AndN2oWeighDifferentlyUnderAr6() {
        var inv = inventory(List.of(site("S", "*", SiteKind.OFFICE)), List.of(
                reading("S", "G1", Carrier.DIESEL, null, Use.STATIONARY, Role.MAIN, "2024-03-01", "2024-03-31", "1", "t", Quality.MEASURED)));
        Results r = run(inv, ipccDiesel(), new CalcOptions(Y2024, null, CalcOptions.GwpSet.AR6, null));
        // AR6 (fossil CH4 29.8, N2O 273): 3,186.3 + 0.43 × 29.8 + 0.0258 × 273 = 3,186.3 + 12.814 + 7.0434 = 3,206.1574 kg.
        assertDecimal("3.2061574", t(r, Metric.SCOPE1));
    }

    @Test
    void naturalGasByChineseGuidelineRoute() {
        // GB/T 32151 natural gas: NCV 389.31 GJ/10^4 Nm3, carbon content 15.3 tC/TJ, oxidation 99 %.
        List<Factor> factors = with(gwps(),
                factor("cn.ncv.ng", Carrier.NATURAL_GAS, FactorKind.NCV, null, "389.31", "GJ/10^4 Nm3"),
                factor("cn.cc.ng", Carrier.NATURAL_GAS, FactorKind.CARBON_CONTENT, null, "15.3", "tC/TJ"),
                factor("cn.ox.ng", Carrier.NATURAL_GAS, FactorKind.OXIDATION, null, "99", "%"));
        var inv = inventory(List.of(site("S", "*", SiteKind.OFFICE)), List.of(
                reading("S", "NG", Carrier.NATURAL_GAS, Role.MAIN, "2024-01-01", "2024-01-31", "1", "万立方米")));
        Results r = run(inv, factors, Y2024);
        // 10^4 m3 × 389.31 GJ/10^4 Nm3 = 0.38931 TJ; × 15.3 tC/TJ = 5.956443 tC; × 0.99 = 5.89687857 tC;
        // × 44/12 = 21.62188809 t CO2.
        assertDecimal("21.62188809", t(r, Metric.SCOPE1));
        assertDecimal("389310", r.totals().get(Metric.ENERGY).orElseThrow());
    }

    @Test
    void dieselByDesnzFactorPerLitre() {
        // DESNZ GHG conversion factors 2024, diesel (average biofuel blend): 2.51279 kg CO2e per litre.
        List<Factor> factors = with(gwps(),
                factor("desnz.2024.diesel", Carrier.DIESEL, FactorKind.EMISSION, "CO2e", "2.51279", "kg/L"),
                factor("ipcc.ncv.diesel", Carrier.DIESEL, FactorKind.NCV, null, "0.0386", "GJ/L"));
        var inv = inventory(List.of(site("S", "GB", SiteKind.OFFICE)), List.of(
                reading("S", "G1", Carrier.DIESEL, null, Use.STATIONARY, Role.MAIN, "2024-03-01", "2024-03-31", "1,000".replace(",", ""), "L", Quality.MEASURED)));
        Results r = run(inv, factors, Y2024);
        // 1,000 L × 2.51279 kg/L = 2,512.79 kg CO2e.
        assertDecimal("2.51279", t(r, Metric.SCOPE1));
    }

    @Test
    void refrigerantTopUpIsFugitiveScope1() {
        var inv = inventory(List.of(site("S", "*", SiteKind.DATACENTER)), List.of(
                reading("S", "CH1", Carrier.REFRIGERANT, "R-134a", null, Role.MAIN, "2024-06-10", "2024-06-10", "10", "kg", Quality.MEASURED)));
        Results r = run(inv, gwps(), Y2024);
        // 10 kg R-134a × GWP 1,300 (AR5) = 13,000 kg CO2e.
        assertDecimal("13", t(r, Metric.SCOPE1));
        assertDecimal("10", r.scope1ByGas().get("R-134a"));
    }

    @Test
    void heatInStandardCoalAndScope2() {
        List<Factor> factors = with(gwps(),
                factor("ndrc.heat", Carrier.HEAT, FactorKind.EMISSION, "CO2", "0.11", "t/GJ"),
                factor("gbt2589.heat", Carrier.HEAT, FactorKind.TCE, null, "0.03412", "kgce/MJ"));
        var inv = inventory(List.of(site("S", "*", SiteKind.OFFICE)), List.of(
                reading("S", "H", Carrier.HEAT, Role.MAIN, "2024-01-01", "2024-01-31", "1000", "吉焦")));
        Results r = run(inv, factors, Y2024);
        // 1,000 GJ × 0.03412 kgce/MJ = 1,000,000 MJ × 0.03412 = 34,120 kgce = 34.12 tce; 1,000 GJ × 0.11 t/GJ = 110 t.
        assertDecimal("34.12", t(r, Metric.ENERGY_TCE));
        assertDecimal("110", t(r, Metric.SCOPE2_LOCATION));
        assertDecimal("110", t(r, Metric.SCOPE2_MARKET));
        assertDecimal("1000000", r.totals().get(Metric.ENERGY_INDIRECT).orElseThrow());
    }

    @Test
    void gbt2589BasisRestatesStandardCoalThroughElectricity() {
        List<Factor> factors = with(gwps(),
                factor("ndrc.heat", Carrier.HEAT, FactorKind.EMISSION, "CO2", "0.11", "t/GJ"),
                factor("gbt2589.heat", Carrier.HEAT, FactorKind.TCE, null, "0.03412", "kgce/MJ"),
                factor("gbt2589.elec", Carrier.ELECTRICITY, FactorKind.TCE, null, "0.1229", "kgce/kWh"));
        var inv = inventory(List.of(site("S", "*", SiteKind.OFFICE)), List.of(
                reading("S", "H", Carrier.HEAT, Role.MAIN, "2024-01-01", "2024-01-31", "1000", "GJ")));
        Results r = run(inv, factors, new CalcOptions(Y2024, CalcOptions.EnergyBasis.GBT2589, null, null));
        // 34,120 kgce / 0.1229 kgce/kWh = 277,624.084621643612693246541903987 kWh (34 significant
        // digits, the engine's one rounding of a non-terminating division) ≈ 277.624 MWh.
        BigDecimal mwh = t(r, Metric.ENERGY);
        assertEquals("277.624084621643612693246541903987", mwh.toPlainString());
    }

    @Test
    void readingAcrossYearBoundaryIsProratedByTime() {
        List<Factor> factors = with(gwps(), factor("grid", Carrier.ELECTRICITY, FactorKind.EMISSION, "CO2", "0.5", "t/MWh"));
        var inv = inventory(List.of(site("S", "*", SiteKind.OFFICE)), List.of(
                reading("S", "M", Carrier.ELECTRICITY, Role.MAIN, "2023-12-17", "2024-01-16", "3100", "kWh")));
        LayeredCatalogHolder h = new LayeredCatalogHolder(factors);
        Calculation calc = Calculation.run(inv, s -> h.catalog, CalcOptions.of(Y2024));
        // 31 days, 100 kWh a day: 15 days (Dec 17-31) = 1,500 kWh in 2023, 16 days = 1,600 kWh in 2024.
        assertDecimal("1.6", calc.results(Y2024).totals().reported(Metric.ENERGY).orElseThrow());
        assertDecimal("1.5", calc.results(ReportingPeriod.year(2023)).totals().reported(Metric.ENERGY).orElseThrow());
        BigDecimal whole = calc.lines().stream().map(Line::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertDecimal("3100", whole);
        assertTrue(calc.results(Y2024).lines().get(0).lineage().prorations().get(0).contains("prorated 1382400/2678400 s"));
    }

    @Test
    void periodBoundInsideAMonthCutsTheReading() {
        List<Factor> factors = with(gwps(), factor("grid", Carrier.ELECTRICITY, FactorKind.EMISSION, "CO2", "0.5", "t/MWh"));
        var inv = inventory(List.of(site("S", "*", SiteKind.OFFICE)), List.of(
                reading("S", "M", Carrier.ELECTRICITY, Role.MAIN, "2024-01-01", "2024-01-30", "3000", "kWh")));
        // Period 2024-01-11..2024-01-20 holds 10 of the 30 days: 1,000 kWh.
        Results r = run(inv, factors, ReportingPeriod.parse("2024-01-11..2024-01-20"));
        assertDecimal("1", t(r, Metric.ENERGY));
        assertDecimal("0.5", t(r, Metric.SCOPE2_LOCATION));
    }

    @Test
    void annualPueIsTheRatioOfSumsNotTheMeanOfMonths() {
        List<Factor> factors = with(gwps(), factor("grid", Carrier.ELECTRICITY, FactorKind.EMISSION, "CO2", "0.5", "t/MWh"));
        var inv = inventory(List.of(site("DC", "*", SiteKind.DATACENTER), site("OFF", "*", SiteKind.OFFICE)), List.of(
                reading("DC", "MAIN", Carrier.ELECTRICITY, Role.MAIN, "2024-01-01", "2024-01-31", "130", "kWh"),
                reading("DC", "MAIN", Carrier.ELECTRICITY, Role.MAIN, "2024-02-01", "2024-02-29", "300", "kWh"),
                reading("DC", "IT", Carrier.ELECTRICITY, Role.IT, "2024-01-01", "2024-01-31", "100", "kWh"),
                reading("DC", "IT", Carrier.ELECTRICITY, Role.IT, "2024-02-01", "2024-02-29", "200", "kWh"),
                reading("OFF", "MAIN", Carrier.ELECTRICITY, Role.MAIN, "2024-01-01", "2024-01-31", "50", "kWh")));
        Results r = run(inv, factors, Y2024);
        SiteResult dc = r.sites().get(0);
        // Monthly PUE 1.3 and 1.5 (mean 1.4); annual PUE = 430 / 300 = 1.4333...
        assertEquals(new BigDecimal("1.433333333333333333333333333333333"), dc.dataCentre().orElseThrow().pue());
        assertDecimal("1.3", DataCentreMetrics.of(dc.months().get(java.time.YearMonth.of(2024, 1))).orElseThrow().pue());
        assertDecimal("1.5", DataCentreMetrics.of(dc.months().get(java.time.YearMonth.of(2024, 2))).orElseThrow().pue());
        // The IT submeter never adds to the site's energy: 430 kWh, not 730.
        assertDecimal("0.43", dc.figures().reported(Metric.ENERGY).orElseThrow());
        assertFalse(r.sites().get(1).dataCentre().isPresent(), "an office without an IT meter has no PUE");
    }

    @Test
    void organisationMonthsAndEnergyBySourceAreSummedInTheEngine() {
        List<Factor> factors = with(gwps(), factor("grid", Carrier.ELECTRICITY, FactorKind.EMISSION, "CO2", "0.5", "t/MWh"));
        var inv = inventory(List.of(site("DC", "*", SiteKind.DATACENTER), site("OFF", "*", SiteKind.OFFICE)), List.of(
                reading("DC", "MAIN", Carrier.ELECTRICITY, Role.MAIN, "2024-01-01", "2024-01-31", "130", "kWh"),
                reading("DC", "MAIN", Carrier.ELECTRICITY, Role.MAIN, "2024-02-01", "2024-02-29", "300", "kWh"),
                reading("DC", "PV", Carrier.ELECTRICITY, Role.ONSITE_RENEWABLE, "2024-01-01", "2024-01-31", "20", "kWh"),
                reading("OFF", "MAIN", Carrier.ELECTRICITY, Role.MAIN, "2024-01-01", "2024-01-31", "50", "kWh")));
        Results r = run(inv, factors, Y2024);
        var jan = java.time.YearMonth.of(2024, 1);
        var feb = java.time.YearMonth.of(2024, 2);
        // January, both sites: energy 130 + 20 + 50 = 200 kWh = 0.2 MWh; Scope 2 on the bought
        // 130 + 50 = 180 kWh = 0.18 MWh × 0.5 t/MWh = 0.09 t (own solar has none).
        assertDecimal("0.2", r.months().get(jan).reported(Metric.ENERGY).orElseThrow());
        assertDecimal("0.09", r.months().get(jan).reported(Metric.SCOPE2_LOCATION).orElseThrow());
        // February, the data centre only: 300 kWh = 0.3 MWh; × 0.5 = 0.15 t.
        assertDecimal("0.3", r.months().get(feb).reported(Metric.ENERGY).orElseThrow());
        assertDecimal("0.15", r.months().get(feb).reported(Metric.SCOPE2_LOCATION).orElseThrow());
        // By source, in MWh: grid electricity January 0.18 (130 + 50 kWh), February 0.3; solar January 0.02.
        var bySource = r.energyBySource();
        var grid = bySource.get(new Results.EnergySource(Carrier.ELECTRICITY));
        assertDecimal("0.18", grid.get(jan));
        assertDecimal("0.3", grid.get(feb));
        assertEquals(java.util.Set.of(jan), bySource.get(Results.EnergySource.ONSITE_RENEWABLE).keySet());
        assertDecimal("0.02", bySource.get(Results.EnergySource.ONSITE_RENEWABLE).get(jan));
    }

    @Test
    void missingFactorNamesCarrierRegionYearAndSets() {
        var inv = inventory(List.of(site("S1", "CN-BJ", SiteKind.OFFICE)), List.of(
                reading("S1", "M", Carrier.ELECTRICITY, Role.MAIN, "2024-01-01", "2024-01-31", "100", "kWh")));
        Results r = run(inv, gwps(), Y2024);
        assertFalse(r.complete());
        List<String> errors = r.issues().stream().filter(Issue::isError).map(Issue::message).toList();
        assertEquals(List.of("site S1: missing factor: electricity emission CO2 factor for region CN-BJ, year 2024;"
                + " searched test@t1"), errors);
        assertTrue(r.totals().get(Metric.SCOPE2_LOCATION).isEmpty(), "no factor, no number: never a zero");
    }

    @Test
    void factorOfTheWrongDimensionIsAnErrorNamingBothUnits() {
        List<Factor> factors = with(gwps(), factor("per.mwh", Carrier.DIESEL, FactorKind.EMISSION, "CO2", "0.27", "t/MWh"),
                factor("ncv.vol", Carrier.DIESEL, FactorKind.NCV, null, "36", "GJ/m3"));
        var inv = inventory(List.of(site("S", "*", SiteKind.OFFICE)), List.of(
                reading("S", "G", Carrier.DIESEL, null, Use.STATIONARY, Role.MAIN, "2024-01-01", "2024-01-31", "500", "L", Quality.MEASURED)));
        Results r = run(inv, factors, Y2024);
        List<String> errors = r.issues().stream().filter(Issue::isError).map(Issue::toString).toList();
        assertEquals(List.of("error: meters.csv, row " + inv.readings().get(0).source().row()
                + ": cannot apply a factor in t/MWh to an activity in L: volume is not energy (factor per.mwh)"), errors);
    }

    @Test
    void lineageWalksFromTotalToRowsAndFactors() {
        List<Factor> factors = with(gwps(), factor("grid.2024", Carrier.ELECTRICITY, FactorKind.EMISSION, "CO2", "0.5", "t/MWh"));
        var inv = inventory(List.of(site("S", "*", SiteKind.OFFICE)), List.of(
                reading("S", "M", Carrier.ELECTRICITY, Role.MAIN, "2024-01-01", "2024-01-15", "400", "kWh"),
                reading("S", "M", Carrier.ELECTRICITY, Role.MAIN, "2024-01-16", "2024-01-31", "600", "kWh"),
                reading("S", "M", Carrier.ELECTRICITY, Role.MAIN, "2024-02-01", "2024-02-29", "1", "MWh")));
        Results r = run(inv, factors, Y2024);
        Explanation e = r.explain("S", Metric.SCOPE2_LOCATION);
        // (400 + 600) kWh × 0.5 t/MWh = 0.5 t in January, 1 MWh × 0.5 = 0.5 t in February.
        assertDecimal("1", e.total());
        assertEquals(2, e.parts().size());
        int first = inv.readings().get(0).source().row();
        assertEquals("meters.csv, rows " + first + "-" + (first + 1), e.parts().get(0).rows());
        assertEquals("meters.csv, row " + (first + 2), e.parts().get(1).rows());
        assertEquals("grid.2024", e.parts().get(0).factors().get(0).factor().id());
        assertDecimal("0.5", e.parts().get(0).value());
        assertTrue(e.parts().get(1).conversions().get(0).startsWith("1 MWh = 3600 MJ"));
    }

    @Test
    void lineageSaysHowEstimatedAndRegisterQuantitiesWereMade() {
        List<Factor> factors = with(gwps(), factor("grid.2024", Carrier.ELECTRICITY, FactorKind.EMISSION, "CO2", "0.5", "t/MWh"));
        var estimated = reading("S", "M", Carrier.ELECTRICITY, null, null, Role.MAIN, "2024-01-01", "2024-01-31", "400",
                "kWh", Quality.ESTIMATED).withNote("bill not received");
        var derived = reading("S", "R", Carrier.ELECTRICITY, Role.MAIN, "2024-01-01", "2024-01-31", "200", "kWh")
                .withNote(org.wattledger.engine.meter.Registers.DIFFERENCE + "12.5 − 10 (row 2) = 2.5, × multiplier 80 = 200 kWh");
        var inv = inventory(List.of(site("S", "*", SiteKind.OFFICE)), List.of(estimated, derived));
        Results r = run(inv, factors, Y2024);
        Line m = r.lines().stream().filter(l -> l.meter().equals("M")).findFirst().orElseThrow();
        Line reg = r.lines().stream().filter(l -> l.meter().equals("R")).findFirst().orElseThrow();
        assertEquals(List.of(estimated.source() + ": estimated, bill not received"), m.lineage().derivations());
        assertEquals(List.of(derived.source() + ": register difference: 12.5 − 10 (row 2) = 2.5, × multiplier 80 = 200 kWh"),
                reg.lineage().derivations());
    }

    @Test
    void certificatesCoverConsumptionAndTheRestTakesTheResidualMix() {
        List<Factor> factors = with(gwps(),
                factor("grid", Carrier.ELECTRICITY, FactorKind.EMISSION, "CO2", "0.5", "t/MWh"),
                factor("residual", Carrier.ELECTRICITY, FactorKind.RESIDUAL_MIX, "CO2", "0.6", "t/MWh"));
        var inv = inventory(List.of(site("S", "CN-GZ", SiteKind.OFFICE)), List.of(
                reading("S", "M", Carrier.ELECTRICITY, Role.MAIN, "2024-01-01", "2024-01-31", "3", "MWh")),
                List.of(Fixtures.instrument("GEC-1", null, "2024-01-01", "2024-12-31", "1", true, 2),
                        Fixtures.instrument("GEC-2", null, "2024-01-01", "2024-12-31", "5", false, 3)));
        Results r = run(inv, factors, Y2024);
        // Location: 3 MWh × 0.5 = 1.5 t. Market: 1 MWh covered at 0 + 2 MWh × 0.6 residual = 1.2 t.
        assertDecimal("1.5", t(r, Metric.SCOPE2_LOCATION));
        assertDecimal("1.2", t(r, Metric.SCOPE2_MARKET));
        assertTrue(r.issues().stream().anyMatch(i -> i.message().startsWith("instrument GEC-2 is not retired")));
    }

    @Test
    void sitesAddUpToTheTotal() {
        List<Factor> factors = with(gwps(), factor("grid", Carrier.ELECTRICITY, FactorKind.EMISSION, "CO2", "0.5703", "t/MWh"));
        var inv = inventory(List.of(site("A", "*", SiteKind.OFFICE), site("B", "*", SiteKind.OFFICE)), List.of(
                reading("A", "M", Carrier.ELECTRICITY, Role.MAIN, "2024-01-01", "2024-03-31", "1234.5", "kWh"),
                reading("B", "M", Carrier.ELECTRICITY, Role.MAIN, "2024-01-01", "2024-01-31", "9.87", "万kWh")));
        Results r = run(inv, factors, Y2024);
        BigDecimal sum = r.sites().stream().map(s -> s.figures().getOrZero(Metric.SCOPE2_LOCATION))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertDecimal(sum.toPlainString(), r.totals().getOrZero(Metric.SCOPE2_LOCATION));
        // (1,234.5 + 98,700) kWh = 99,934.5 kWh × 0.5703 t/MWh = 56.99264535 t
        assertDecimal("56.99264535", t(r, Metric.SCOPE2_LOCATION));
    }

    /** Holds one catalog for the run's site function. */
    private static final class LayeredCatalogHolder {
        final org.wattledger.engine.factor.LayeredCatalog catalog;

        LayeredCatalogHolder(List<Factor> factors) {
            catalog = Fixtures.catalog(factors);
        }
    }
}
