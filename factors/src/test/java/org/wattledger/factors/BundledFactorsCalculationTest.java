package org.wattledger.factors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.wattledger.engine.calc.CalcOptions;
import org.wattledger.engine.calc.Calculation;
import org.wattledger.engine.calc.Metric;
import org.wattledger.engine.calc.Results;
import org.wattledger.engine.model.Carrier;
import org.wattledger.engine.model.Inventory;
import org.wattledger.engine.model.Reading;
import org.wattledger.engine.model.ReadingType;
import org.wattledger.engine.model.ReportingPeriod;
import org.wattledger.engine.model.Role;
import org.wattledger.engine.model.Site;
import org.wattledger.engine.model.SiteKind;
import org.wattledger.engine.model.SourceRef;
import org.wattledger.engine.units.UnitParser;

/**
 * The bundled releases drive the engine's calculator as its routes expect (route A per activity
 * unit, B per energy, C carbon content; GWP by basis). Every expected number is worked out beside it.
 */
final class BundledFactorsCalculationTest {
    private final AtomicInteger row = new AtomicInteger(1);

    private Reading reading(String site, Carrier carrier, String gas, String from, String toInclusive, String quantity,
            String unit) {
        return new Reading(site, "M" + row.get(), carrier, gas, null, Role.MAIN, LocalDate.parse(from).atStartOfDay(),
                LocalDate.parse(toInclusive).plusDays(1).atStartOfDay(), new BigDecimal(quantity), UnitParser.parse(unit),
                ReadingType.CONSUMPTION, null, null, null, null, null, SourceRef.row("meters.csv", null, row.incrementAndGet()));
    }

    private static Results run(String region, List<Reading> readings, CalcOptions options) {
        Site site = new Site("S", "S", region, SiteKind.DATACENTER, null, null, SourceRef.row("sites.csv", null, 2));
        Inventory inventory = new Inventory(List.of(site), readings, List.of(), List.of(), List.of(), List.of(),
                new Inventory.RowTally(readings.size(), readings.size(), 0), List.of());
        FactorSelection.Selection selection = new FactorSelection(FactorLibrary.bundled())
                .select(null, List.of(), List.of(region));
        return Calculation.run(inventory, s -> selection.catalog(), options).results(options.period());
    }

    private static void assertTonnes(String expected, Results r, Metric metric) {
        BigDecimal actual = r.totals().reported(metric).orElseThrow(() -> new AssertionError(metric + " missing: " + r.issues()));
        assertEquals(0, new BigDecimal(expected).compareTo(actual), metric + ": expected " + expected + " but was " + actual);
    }

    @Test
    void chineseDataCentreIn2022UsesItsProvinceAndTheResidualProxy() {
        Results r = run("CN-GZ", List.of(reading("S", Carrier.ELECTRICITY, null, "2022-01-01", "2022-12-31", "1000", "MWh")),
                CalcOptions.of(ReportingPeriod.year(2022)));
        // 1,000 MWh × 0.4989 t/MWh (MEE/NBS 2022, provincial average, Guizhou; cn@2026.2) = 498.9 t
        assertTonnes("498.9", r, Metric.SCOPE2_LOCATION);
        // market-based: residual-mix proxy, national 0.5856 t/MWh (CN-GZ → CN-SOUTH → CN) = 585.6 t
        assertTonnes("585.6", r, Metric.SCOPE2_MARKET);
        Results ets = run("CN-GZ", List.of(reading("S", Carrier.ELECTRICITY, null, "2022-01-01", "2022-12-31", "1000", "MWh")),
                new CalcOptions(ReportingPeriod.year(2022), null, null, CalcOptions.GridBasis.ETS_REPORTING));
        // --grid-basis ets_reporting: 1,000 MWh × 0.5703 t/MWh = 570.3 t
        assertTonnes("570.3", ets, Metric.SCOPE2_LOCATION);
    }

    @Test
    void chineseNaturalGasTakesTheGuidelineRouteForCo2AndIpccForCh4AndN2o() {
        Results r = run("CN-GZ", List.of(reading("S", Carrier.NATURAL_GAS, null, "2023-01-01", "2023-01-31", "1", "万立方米")),
                CalcOptions.of(ReportingPeriod.year(2023)));
        // 10^4 m3 × 389.31 GJ/10^4 Nm3 = 0.38931 TJ; CO2 (route C): × 15.3 tC/TJ × 0.99 × 44/12 = 21,621.88809 kg;
        // CH4 0.38931 TJ × 5 kg/TJ × 28 = 54.5034 kg; N2O 0.38931 × 0.1 × 265 = 10.316715 kg (IPCC Table 2.4, AR5)
        assertTonnes("21.686708205", r, Metric.SCOPE1);
    }

    @Test
    void ukSiteIn2024UsesDesnzPerKwhAndPerLitreFactors() {
        Results r = run("GB", List.of(
                reading("S", Carrier.ELECTRICITY, null, "2024-01-01", "2024-12-31", "1000", "kWh"),
                reading("S", Carrier.NATURAL_GAS, null, "2024-01-01", "2024-12-31", "10000", "kWh"),
                reading("S", Carrier.DIESEL, null, "2024-01-01", "2024-12-31", "1000", "L")),
                CalcOptions.of(ReportingPeriod.year(2024)));
        // 1,000 kWh × 0.20705 = 207.05 kg
        assertTonnes("0.20705", r, Metric.SCOPE2_LOCATION);
        // gas 10,000 kWh × 0.18290 = 1,829 kg; diesel 1,000 L × 2.51279 = 2,512.79 kg; sum 4,341.79 kg
        assertTonnes("4.34179", r, Metric.SCOPE1);
    }

    @Test
    void dieselInLitresAtAChineseSiteIsOneErrorPerRowThatAsksForADensity() {
        Results r = run("CN-BJ", List.of(
                reading("S", Carrier.DIESEL, null, "2024-01-01", "2024-01-31", "200", "L"),
                reading("S", Carrier.DIESEL, null, "2024-02-01", "2024-02-29", "300", "L")),
                CalcOptions.of(ReportingPeriod.year(2024)));
        // The bundled sets give diesel's NCV (and GB/T 2589 coefficient) per tonne only, and no density:
        // one error per row, naming the density row to add, and no "missing factor" error with the wrong cause.
        List<String> errors = r.issues().stream().filter(i -> i.isError()).map(i -> i.toString()).toList();
        assertEquals(2, errors.size(), errors.toString());
        for (String e : errors) {
            assertTrue(e.contains(": diesel is given in L, but its ncv in cn@2026.2, ipcc2006@2026.2 is per mass"
                    + " (cn.diesel.ncv, 42.652 GJ/t) and no density of diesel is given")
                    && e.contains("my.density.diesel,diesel,density,VALUE,kg/L,*,2024-01-01,SOURCE"), e);
        }
        assertTrue(r.issues().stream().anyMatch(i -> i.message().equals("site S: the GB/T 2589 coefficient for diesel"
                + " (cn.tce.diesel) is per mass and diesel is given in L with no density; standard coal (energyTce) is"
                + " not reported for it")), r.issues().toString());
    }

    @Test
    void usSiteUsesEgrid2022AndTheHubPerGallonAndPerMmbtuFactors() {
        Results r = run("US", List.of(
                reading("S", Carrier.ELECTRICITY, null, "2024-01-01", "2024-12-31", "1", "MWh"),
                reading("S", Carrier.DIESEL, null, "2024-01-01", "2024-12-31", "100", "gal"),
                reading("S", Carrier.NATURAL_GAS, null, "2024-01-01", "2024-12-31", "1000", "therm")),
                CalcOptions.of(ReportingPeriod.year(2024)));
        // 1 MWh: (823.149 + 0.066 × 28 + 0.009 × 265) lb = 827.382 lb × 0.45359237 kg/lb = 375.29416227534 kg
        assertTonnes("0.37529416227534", r, Metric.SCOPE2_LOCATION);
        // diesel 100 gal (route A): 1,021 kg CO2 + 41 g CH4 × 28 + 8 g N2O × 265 = 1,024.268 kg;
        // gas 1,000 therm = 100 mmBtu (route B): 5,306 kg CO2 + 100 g CH4 × 28 + 10 g N2O × 265 = 5,311.45 kg
        assertTonnes("6.335718", r, Metric.SCOPE1);
        assertTrue(r.issues().stream().anyMatch(i -> i.message().contains("us-epa.egrid2022.us.co2 valid 2022-01-01..2022-12-31")),
                r.issues().toString());
    }

    @Test
    void virginiaDataCentreIn2022TakesTheSrvcSubregionWithItsCh4AndN2o() {
        Results r = run("US-SRVC", List.of(reading("S", Carrier.ELECTRICITY, null, "2022-01-01", "2022-12-31", "1", "MWh")),
                CalcOptions.of(ReportingPeriod.year(2022)));
        // EPA GHG Emission Factors Hub (2024) Table 6, eGRID2022 SRVC: 622.987 lb CO2, 0.047 lb CH4, 0.007 lb N2O per MWh.
        // 1 MWh, AR5: (622.987 + 0.047 × 28 + 0.007 × 265) lb = 626.158 lb × 0.45359237 kg/lb = 284.02049121446 kg
        // (the US total 823.149 lb/MWh would have given 375.29 kg, +32 %)
        assertTonnes("0.28402049121446", r, Metric.SCOPE2_LOCATION);
        assertTrue(r.issues().stream().noneMatch(i -> i.message().contains("no emission factor for region US-SRVC")),
                r.issues().toString());
    }

    @Test
    void guangdongDataCentreIn2022TakesItsProvincialFactor() {
        Results r = run("CN-GD", List.of(reading("S", Carrier.ELECTRICITY, null, "2022-01-01", "2022-12-31", "1000", "MWh")),
                CalcOptions.of(ReportingPeriod.year(2022)));
        // MEE/NBS 2022 provincial average, Guangdong 0.4403 t/MWh: 1,000 MWh × 0.4403 = 440.3 t (South grid: 386.9 t)
        assertTonnes("440.3", r, Metric.SCOPE2_LOCATION);
    }

    @Test
    void sf6ToppedUpInSwitchgearTakesItsGwp() {
        List<Reading> topUp = List.of(reading("S", Carrier.REFRIGERANT, "SF6", "2024-03-05", "2024-03-05", "2", "kg"));
        // IPCC GWP-100 of SF6: AR4 Table 2.14 22,800; AR5 Table 8.A.1 23,500; AR6 Table 7.SM.7 25,200.
        // 2 kg × 23,500 = 47,000 kg; × 25,200 = 50,400 kg; × 22,800 = 45,600 kg
        assertTonnes("47", run("CN", topUp, CalcOptions.of(ReportingPeriod.year(2024))), Metric.SCOPE1);
        assertTonnes("50.4", run("CN", topUp, new CalcOptions(ReportingPeriod.year(2024), null, CalcOptions.GwpSet.AR6,
                null)), Metric.SCOPE1);
        assertTonnes("45.6", run("CN", topUp, new CalcOptions(ReportingPeriod.year(2024), null, CalcOptions.GwpSet.AR4,
                null)), Metric.SCOPE1);
    }

    @Test
    void fm200ReleasedFromFireSuppressionTakesTheGwpOfHfc227ea() {
        List<Reading> discharge = List.of(reading("S", Carrier.REFRIGERANT, "R-227ea", "2024-09-01", "2024-09-01", "10", "kg"));
        // HFC-227ea GWP-100: AR5 Table 8.A.1 3,350; AR4 Table 2.14 3,220. 10 kg × 3,350 = 33,500 kg; × 3,220 = 32,200 kg
        assertTonnes("33.5", run("CN", discharge, CalcOptions.of(ReportingPeriod.year(2024))), Metric.SCOPE1);
        assertTonnes("32.2", run("CN", discharge, new CalcOptions(ReportingPeriod.year(2024), null, CalcOptions.GwpSet.AR4,
                null)), Metric.SCOPE1);
        // R-507A (50 % R-125, 50 % R-143a), AR4: 0.5 × 3,500 + 0.5 × 4,470 = 3,985 (the value EPA and DESNZ print); 2 kg = 7,970 kg
        List<Reading> r507a = List.of(reading("S", Carrier.REFRIGERANT, "R-507A", "2024-09-01", "2024-09-01", "2", "kg"));
        assertTonnes("7.97", run("CN", r507a, new CalcOptions(ReportingPeriod.year(2024), null, CalcOptions.GwpSet.AR4,
                null)), Metric.SCOPE1);
    }

    @Test
    void purchasedSteamInTheUsTakesHubTable7() {
        Results r = run("US", List.of(reading("S", Carrier.STEAM, null, "2024-01-01", "2024-12-31", "100", "mmBtu")),
                CalcOptions.of(ReportingPeriod.year(2024)));
        // EPA Hub Table 7 Steam and Heat per mmBtu: 66.33 kg CO2, 1.25 g CH4, 0.125 g N2O. 100 mmBtu, AR5:
        // 6,633 kg + 125 g × 28 = 3.5 kg + 12.5 g × 265 = 3.3125 kg = 6,639.8125 kg
        assertTonnes("6.6398125", r, Metric.SCOPE2_LOCATION);
    }

    @Test
    void usNaturalGasInScfHasGrossEnergyFromItsHhvAndSaysSo() {
        Results r = run("US", List.of(reading("S", Carrier.NATURAL_GAS, null, "2024-01-01", "2024-12-31", "1000", "scf")),
                CalcOptions.of(ReportingPeriod.year(2024)));
        // EPA Hub 2025 Table 1 per scf (route A): 1,000 scf × 0.05444 kg CO2 = 54.44 kg; CH4 1,000 × 0.00103 g = 1.03 g × 28
        // = 0.02884 kg; N2O 1,000 × 0.00010 g = 0.1 g × 265 = 0.0265 kg; total 54.49534 kg
        assertTonnes("0.05449534", r, Metric.SCOPE1);
        // energy on the gross basis: 1,000 scf × 0.001026 mmBtu/scf = 1.026 mmBtu × 1,055.05585262 MJ = 1,082.48730478812 MJ
        // = 0.3006909179967 MWh (÷ 3,600), as reported
        BigDecimal energy = r.totals().reported(Metric.ENERGY).orElseThrow();
        assertEquals(0, new BigDecimal("0.3006909179967").compareTo(energy), energy.toPlainString());
        assertTrue(r.issues().stream().anyMatch(i -> i.message().equals("site S: the energy of natural_gas is on the gross"
                + " (higher heating value) basis of us-epa.hub2025.natural-gas.hhv: us-epa@2026.2, ipcc2006@2026.2 hold no"
                + " net calorific value for it")), r.issues().toString());
    }

    @Test
    void grossEnergyNeverMeetsAFactorPerNetEnergy() {
        // Natural gas in kg at a US site: the IPCC NCV (48.0 GJ/t, net) gives its energy, so route B takes the IPCC
        // factors per net energy (56,100 kg CO2/TJ), never EPA's per gross mmBtu (53.06 kg). 1 t × 48.0 GJ/t = 0.048 TJ:
        // CO2 0.048 × 56,100 = 2,692.8 kg; CH4 0.048 × 5 kg/TJ × 28 = 6.72 kg; N2O 0.048 × 0.1 × 265 = 1.272 kg
        Results r = run("US", List.of(reading("S", Carrier.NATURAL_GAS, null, "2024-01-01", "2024-12-31", "1", "t")),
                CalcOptions.of(ReportingPeriod.year(2024)));
        assertTonnes("2.700792", r, Metric.SCOPE1);
    }

    @Test
    void refrigerantRechargeTakesTheChosenGwpSet() {
        List<Reading> topUp = List.of(reading("S", Carrier.REFRIGERANT, "R-410A", "2024-06-10", "2024-06-10", "10", "kg"));
        // 10 kg R-410A × 1,924 (AR5) = 19,240 kg; × 2,256 (AR6) = 22,560 kg; × 2,088 (AR4) = 20,880 kg
        assertTonnes("19.24", run("CN", topUp, CalcOptions.of(ReportingPeriod.year(2024))), Metric.SCOPE1);
        assertTonnes("22.56", run("CN", topUp, new CalcOptions(ReportingPeriod.year(2024), null, CalcOptions.GwpSet.AR6, null)), Metric.SCOPE1);
        assertTonnes("20.88", run("CN", topUp, new CalcOptions(ReportingPeriod.year(2024), null, CalcOptions.GwpSet.AR4, null)), Metric.SCOPE1);
    }
}
