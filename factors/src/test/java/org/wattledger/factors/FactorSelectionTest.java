package org.wattledger.factors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wattledger.engine.factor.Factor;
import org.wattledger.engine.factor.FactorCatalog;
import org.wattledger.engine.factor.FactorChoice;
import org.wattledger.engine.factor.FactorKind;
import org.wattledger.engine.factor.FactorQuery;
import org.wattledger.engine.model.Carrier;
import org.wattledger.engine.model.Issue;
import org.wattledger.engine.model.Use;
import org.wattledger.engine.units.CarbonUnits;
import org.wattledger.engine.units.FactorUnit;

final class FactorSelectionTest {
    private final FactorSelection selection = new FactorSelection(FactorLibrary.bundled());

    @TempDir
    Path dir;

    private static FactorChoice find(FactorCatalog catalog, Carrier carrier, FactorKind kind, String gas, String region,
            int year, String basis, Use use) {
        return catalog.find(new FactorQuery(carrier, kind, gas, region, LocalDate.of(year, 6, 30), basis, use))
                .orElseThrow(() -> new AssertionError("no factor for " + carrier + " " + kind + " " + region + " " + year));
    }

    private static FactorChoice grid(FactorCatalog catalog, String region, int year, String basis) {
        return find(catalog, Carrier.ELECTRICITY, FactorKind.EMISSION, "CO2", region, year, basis, null);
    }

    @Test
    void ukSiteIn2024GetsDesnz2024ElectricityAndNaturalGasPerKwhGrossCv() {
        FactorCatalog uk = selection.select(null, List.of(), "GB").catalog();
        FactorChoice electricity = find(uk, Carrier.ELECTRICITY, FactorKind.EMISSION, "CO2e", "GB", 2024, "", null);
        assertEquals("uk-desnz.electricity.generated.2024", electricity.factor().id());
        assertEquals("0.20705 kg/kWh", electricity.factor().valueWithUnit());
        assertEquals(List.of(), electricity.fallbacks());

        FactorChoice gas = find(uk, Carrier.NATURAL_GAS, FactorKind.EMISSION, "CO2e", "GB", 2024, "", Use.STATIONARY);
        assertEquals("0.18290 kg/kWh", gas.factor().valueWithUnit());
        Factor f = gas.factor();
        // 1,000 kWh = 3,600 MJ (canonical) -> 182.9 kg CO2e, through the engine's dimension check
        BigDecimal kg = f.unit().apply(new BigDecimal("3600"), CarbonUnits.KWH, f.value(), CarbonUnits.KG);
        assertEquals(0, new BigDecimal("182.9").compareTo(kg));
    }

    @Test
    void uk2023FactorsCarryTheFlatFilesNineDecimals() {
        // DESNZ, GHG conversion factors 2023 (v1.1), flat file: UK electricity generated 0.207074289 kg CO2e/kWh
        // (factor ID 7_400_4000_5_1), natural gas kWh (Gross CV) 0.182928926, district heat and steam 0.179646572.
        FactorCatalog uk = selection.select(null, List.of(), "GB").catalog();
        assertEquals("0.207074289 kg/kWh", find(uk, Carrier.ELECTRICITY, FactorKind.EMISSION, "CO2e", "GB", 2023, "", null)
                .factor().valueWithUnit());
        assertEquals("0.182928926 kg/kWh", find(uk, Carrier.NATURAL_GAS, FactorKind.EMISSION, "CO2e", "GB", 2023, "", null)
                .factor().valueWithUnit());
        Factor heat = find(uk, Carrier.HEAT, FactorKind.EMISSION, "CO2e", "GB", 2023, "", null).factor();
        assertEquals("0.179646572 kg/kWh", heat.valueWithUnit());
        assertTrue(heat.note().startsWith("single-source"), heat.note());
        // 1,000 kWh (3,600 MJ canonical) × 0.207074289 = 207.074289 kg (uk-desnz@2026.1 had 0.20707: 207.07 kg)
        Factor electricity = find(uk, Carrier.ELECTRICITY, FactorKind.EMISSION, "CO2e", "GB", 2023, "", null).factor();
        assertEquals(0, new BigDecimal("207.074289").compareTo(electricity.unit().apply(new BigDecimal("3600"),
                CarbonUnits.KWH, electricity.value(), CarbonUnits.KG)));
        assertEquals("0.20707 kg/kWh", find(selection.select("uk-desnz@2026.1", List.of(), "GB").catalog(),
                Carrier.ELECTRICITY, FactorKind.EMISSION, "CO2e", "GB", 2023, "", null).factor().valueWithUnit());
    }

    @Test
    void gbt2589RowsCiteThe2020EditionExceptNaturalGas() {
        FactorCatalog cn = selection.select(null, List.of(), "CN").catalog();
        Factor diesel = find(cn, Carrier.DIESEL, FactorKind.TCE, null, "CN", 2024, "", null).factor();
        assertEquals("1.4571 kgce/kg", diesel.valueWithUnit());
        assertTrue(diesel.source().startsWith("SAC, GB/T 2589—2020 "), diesel.source());
        Factor gas = find(cn, Carrier.NATURAL_GAS, FactorKind.TCE, null, "CN", 2024, "", null).factor();
        assertEquals("1.2143 kgce/m3", gas.valueWithUnit());
        assertTrue(gas.source().startsWith("SAC, GB/T 2589—2008 "), gas.source());
        assertTrue(gas.note().contains("natural gas entry of GB/T 2589—2020 (in force since 2021) was not seen"), gas.note());
    }

    @Test
    void ukNaturalGasIsPerKwhForEnergyAndPerCubicMetreForVolume() {
        FactorCatalog uk = selection.select(null, List.of(), "GB").catalog();
        FactorQuery gas = new FactorQuery(Carrier.NATURAL_GAS, FactorKind.EMISSION, "CO2e", "GB", LocalDate.of(2024, 6, 30), "", null);
        Factor perKwh = uk.find(gas.forActivity(org.wattledger.engine.units.Dimension.ENERGY)).orElseThrow().factor();
        assertEquals("0.18290 kg/kWh", perKwh.valueWithUnit());
        FactorUnit.UnitMismatchException e = assertThrows(FactorUnit.UnitMismatchException.class,
                () -> perKwh.unit().apply(BigDecimal.TEN, CarbonUnits.M3, perKwh.value(), CarbonUnits.KG));
        assertEquals("cannot apply a factor in kg/kWh to an activity in m3: volume is not energy", e.getMessage());
        Factor perM3 = uk.find(gas.forActivity(org.wattledger.engine.units.Dimension.VOLUME)).orElseThrow().factor();
        assertEquals("2.04542 kg/m3", perM3.valueWithUnit());
    }

    @Test
    void ukDistrictHeatFor2024FallsBackTo2023BecauseThe2024ValueIsUnverified() {
        FactorCatalog uk = selection.select(null, List.of(), "GB").catalog();
        FactorChoice heat = find(uk, Carrier.HEAT, FactorKind.EMISSION, "CO2e", "GB", 2024, "", null);
        assertEquals("uk-desnz.heat.district.2023", heat.factor().id());
        assertEquals(List.of("no emission factor published for 2024; used uk-desnz.heat.district.2023 valid"
                + " 2023-01-01..2023-12-31"), heat.fallbacks());
    }

    @Test
    void usSiteGetsEgrid2022AndTheYearFallbackFor2024IsRecorded() {
        FactorCatalog us = selection.select(null, List.of(), "US").catalog();
        FactorChoice co2 = grid(us, "US", 2024, "");
        assertEquals("us-epa.egrid2022.us.co2", co2.factor().id());
        assertEquals("823.149 lb/MWh", co2.factor().valueWithUnit());
        assertEquals(List.of("no emission factor published for 2024; used us-epa.egrid2022.us.co2 valid"
                + " 2022-01-01..2022-12-31"), co2.fallbacks());
        // 1 MWh = 3,600 MJ -> 823.149 lb = 373.37... kg
        BigDecimal kg = co2.factor().unit().apply(new BigDecimal("3600"), CarbonUnits.MWH,
                co2.factor().value(), CarbonUnits.KG);
        assertEquals(0, new BigDecimal("823.149").multiply(new BigDecimal("0.45359237")).compareTo(kg));
        FactorChoice ch4 = find(us, Carrier.ELECTRICITY, FactorKind.EMISSION, "CH4", "US", 2022, "", null);
        assertEquals("0.066 lb/MWh", ch4.factor().valueWithUnit());
    }

    @Test
    void egridSubregionUsesItsOwnRateAndFallsBackToTheUsTotalForOtherGases() {
        // us-epa@2026.1 had only the CO2 rate of CAMX: its N2O fell back to the US total.
        FactorCatalog old = selection.select("us-epa@2026.1", List.of(), "US-CAMX").catalog();
        assertEquals("497.443 lb/MWh", grid(old, "US-CAMX", 2022, "").factor().valueWithUnit());
        FactorChoice n2o = find(old, Carrier.ELECTRICITY, FactorKind.EMISSION, "N2O", "US-CAMX", 2022, "", null);
        assertEquals("us-epa.egrid2022.us.n2o", n2o.factor().id());
        assertEquals(List.of("no emission factor for region US-CAMX in us-epa@2026.1; used US (us-epa.egrid2022.us.n2o)"),
                n2o.fallbacks());
    }

    @Test
    void everyEgridSubregionHasItsOwnCo2Ch4AndN2oRatesIn2026_2() {
        // EPA GHG Emission Factors Hub (2024), Table 6, eGRID2022 total output rates, lb/MWh:
        // SRVC (SERC Virginia/Carolina) 622.987 CO2, 0.047 CH4, 0.007 N2O; CAMX N2O 0.004; AKGD CH4 0.088.
        FactorCatalog us = selection.select(null, List.of(), "US-SRVC").catalog();
        FactorChoice co2 = grid(us, "US-SRVC", 2022, "");
        assertEquals("us-epa.egrid2022.us-srvc.co2", co2.factor().id());
        assertEquals("622.987 lb/MWh", co2.factor().valueWithUnit());
        assertEquals(List.of(), co2.fallbacks());
        assertEquals("0.047 lb/MWh", find(us, Carrier.ELECTRICITY, FactorKind.EMISSION, "CH4", "US-SRVC", 2022, "", null)
                .factor().valueWithUnit());
        assertEquals("0.007 lb/MWh", find(us, Carrier.ELECTRICITY, FactorKind.EMISSION, "N2O", "US-SRVC", 2022, "", null)
                .factor().valueWithUnit());
        FactorChoice camx = find(us, Carrier.ELECTRICITY, FactorKind.EMISSION, "N2O", "US-CAMX", 2022, "", null);
        assertEquals("0.004 lb/MWh", camx.factor().valueWithUnit());
        assertEquals(List.of(), camx.fallbacks());
        assertEquals("0.088 lb/MWh", find(us, Carrier.ELECTRICITY, FactorKind.EMISSION, "CH4", "US-AKGD", 2022, "", null)
                .factor().valueWithUnit());
        Release release = FactorLibrary.bundled().release("us-epa@2026.2");
        assertEquals(27, release.factors().stream().filter(f -> f.region().startsWith("US-") && "CO2".equals(f.gas()))
                .map(Factor::region).distinct().count());
    }

    @Test
    void usDistillatePerGallonAndPerMmbtuCoexistAsDifferentKinds() {
        FactorCatalog us = selection.select(null, List.of(), "US").catalog();
        Factor perGallon = find(us, Carrier.DIESEL, FactorKind.EMISSION, "CO2", "US", 2024, "", Use.STATIONARY).factor();
        assertEquals("10.21 kg/gal", perGallon.valueWithUnit());
        // Per mmBtu of gross energy: basis hhv, never found by a query for net energy (blank basis).
        Factor perMmbtu = find(us, Carrier.DIESEL, FactorKind.EMISSION_PER_ENERGY, "CO2", "US", 2024, "hhv", Use.STATIONARY)
                .factor();
        assertEquals("73.96 kg/mmBtu", perMmbtu.valueWithUnit());
        assertEquals("74100 kg/TJ", find(us, Carrier.DIESEL, FactorKind.EMISSION_PER_ENERGY, "CO2", "US", 2024, "",
                Use.STATIONARY).factor().valueWithUnit());
        Factor hhv = find(us, Carrier.DIESEL, FactorKind.HHV, null, "US", 2024, "", Use.STATIONARY).factor();
        assertEquals("0.138 mmBtu/gal", hhv.valueWithUnit());
        assertTrue(us.find(new FactorQuery(Carrier.DIESEL, FactorKind.NCV, null, "US", LocalDate.of(2024, 6, 30), "",
                Use.STATIONARY)).filter(c -> c.factor().set().startsWith("us-epa@")).isEmpty(), "EPA states no net value");
    }

    @Test
    void chineseSiteGetsTheMeeNbsAverageByDefaultAndTheEnterpriseReportingFactorByBasis() {
        FactorCatalog cn = selection.select(null, List.of(), "CN").catalog();
        FactorChoice average = grid(cn, "CN", 2022, "");
        assertEquals("cn.grid.avg.cn.2022", average.factor().id());
        assertEquals("0.5366 t/MWh", average.factor().valueWithUnit());
        assertEquals(List.of(), average.fallbacks());
        assertEquals("0.5703 t/MWh", grid(cn, "CN", 2022, "ets_reporting").factor().valueWithUnit());
        assertEquals("0.5810 t/MWh", grid(cn, "CN", 2021, "ets_reporting").factor().valueWithUnit());
        assertEquals("0.8325 t/MWh", grid(cn, "CN", 2022, "fossil_only").factor().valueWithUnit());
        Factor proxy = find(cn, Carrier.ELECTRICITY, FactorKind.RESIDUAL_MIX, "CO2", "CN", 2022, "", null).factor();
        assertEquals("0.5856 t/MWh", proxy.valueWithUnit());
        assertTrue(proxy.note().startsWith("proxy:"), proxy.note());
    }

    @Test
    void provinceWithoutItsOwnFactorFallsBackToItsRegionalGridAndSaysSo() {
        // MEE/NBS publish no factor for Tibet (CN-XZ): the Southwest grid's 0.2268 (2022) applies.
        FactorCatalog cn = selection.select(null, List.of(), "CN-XZ").catalog();
        FactorChoice tibet = grid(cn, "CN-XZ", 2022, "");
        assertEquals("0.2268 t/MWh", tibet.factor().valueWithUnit());
        assertEquals(List.of("no emission factor for region CN-XZ in cn@2026.2; used CN-SOUTHWEST (cn.grid.avg.cn-southwest.2022)"),
                tibet.fallbacks());
        FactorChoice hebei = grid(cn, "CN-HE", 2022, "");
        assertEquals("0.7252 t/MWh", hebei.factor().valueWithUnit());
        assertEquals(List.of(), hebei.fallbacks());
        // cn@2026.1 had no Guizhou factor: the South grid's 0.3869 applied.
        FactorChoice old = grid(selection.select("cn@2026.1", List.of(), "CN-GZ").catalog(), "CN-GZ", 2022, "");
        assertEquals("0.3869 t/MWh", old.factor().valueWithUnit());
        assertEquals(List.of("no emission factor for region CN-GZ in cn@2026.1; used CN-SOUTH (cn.grid.avg.cn-south.2022)"),
                old.fallbacks());
    }

    @Test
    void guangdong2022TakesItsProvincialFactorNotTheSouthGrid() {
        // MEE/NBS 2022 electricity CO2 factors (announcement of 20 December 2024), provincial average Guangdong:
        // 0.4403 t/MWh (the South grid's 0.3869 is 12 % lower).
        FactorChoice guangdong = grid(selection.select(null, List.of(), "CN-GD").catalog(), "CN-GD", 2022, "");
        assertEquals("cn.grid.avg.cn-gd.2022", guangdong.factor().id());
        assertEquals("0.4403 t/MWh", guangdong.factor().valueWithUnit());
        assertEquals(List.of(), guangdong.fallbacks());
        // 2021 (Announcement No. 12 of 2024, Annex 1): Guangdong 0.4715, Gansu 0.4955; one source only, and it says so.
        FactorChoice y2021 = grid(selection.select(null, List.of(), "CN-GD").catalog(), "CN-GD", 2021, "");
        assertEquals("0.4715 t/MWh", y2021.factor().valueWithUnit());
        assertTrue(y2021.factor().note().startsWith("single-source"), y2021.factor().note());
        assertEquals("0.4955 t/MWh", grid(selection.select(null, List.of(), "CN-GS").catalog(), "CN-GS", 2021, "")
                .factor().valueWithUnit());
        // 2023 provincial factors are not shipped: Guangdong 2023 takes the South grid's 2023 value 0.4042.
        FactorChoice y2023 = grid(selection.select(null, List.of(), "CN-GD").catalog(), "CN-GD", 2023, "");
        assertEquals("cn.grid.avg.cn-south.2023", y2023.factor().id());
    }

    @Test
    void dataYear2024FallsBackToTheLatestPublishedYear2023() {
        FactorCatalog cn = selection.select(null, List.of(), "CN").catalog();
        FactorChoice choice = grid(cn, "CN", 2024, "");
        assertEquals("0.5306 t/MWh", choice.factor().valueWithUnit());
        assertEquals(List.of("no emission factor published for 2024; used cn.grid.avg.cn.2023 valid 2023-01-01..2023-12-31"),
                choice.fallbacks());
    }

    @Test
    void chineseNaturalGasHasTheCarbonContentRouteAndHeatHasItsDefault() {
        FactorCatalog cn = selection.select(null, List.of(), "CN-SH").catalog();
        assertEquals("389.31 GJ/10^4 Nm3",
                find(cn, Carrier.NATURAL_GAS, FactorKind.NCV, null, "CN-SH", 2023, "", Use.STATIONARY).factor().valueWithUnit());
        assertEquals("15.3 tC/TJ", find(cn, Carrier.NATURAL_GAS, FactorKind.CARBON_CONTENT, null, "CN-SH", 2023, "",
                Use.STATIONARY).factor().valueWithUnit());
        Factor oxidation = find(cn, Carrier.NATURAL_GAS, FactorKind.OXIDATION, null, "CN-SH", 2023, "", Use.STATIONARY)
                .factor();
        assertEquals(0, new BigDecimal("0.99").compareTo(oxidation.unit().asNumber(oxidation.value())));
        assertEquals("0.11 t/GJ", find(cn, Carrier.STEAM, FactorKind.EMISSION, "CO2", "CN-SH", 2024, "", null)
                .factor().valueWithUnit());
        assertEquals("0.1229 kgce/kWh", find(cn, Carrier.ELECTRICITY, FactorKind.TCE, null, "CN-SH", 2024, "", null)
                .factor().valueWithUnit());
    }

    @Test
    void chineseDieselTakesTheGbT2589NcvAndTheIpccCo2PerTerajoule() {
        FactorSelection.Selection s = selection.select(null, List.of(), "CN");
        FactorChoice ncv = find(s.catalog(), Carrier.DIESEL, FactorKind.NCV, null, "CN", 2023, "", Use.STATIONARY);
        assertEquals("42.652 GJ/t", ncv.factor().valueWithUnit());
        FactorChoice co2 = find(s.catalog(), Carrier.DIESEL, FactorKind.EMISSION_PER_ENERGY, "CO2", "CN", 2023, "",
                Use.STATIONARY);
        assertEquals("74100 kg/TJ", co2.factor().valueWithUnit());
        assertEquals("ipcc2006@2026.2", s.catalog().layers().get(co2.layer()).name());
        FactorChoice ch4 = find(s.catalog(), Carrier.DIESEL, FactorKind.EMISSION_PER_ENERGY, "CH4", "CN", 2023, "",
                Use.STATIONARY);
        assertEquals("10 kg/TJ", ch4.factor().valueWithUnit());
        assertEquals("3 kg/TJ", find(s.catalog(), Carrier.DIESEL, FactorKind.EMISSION_PER_ENERGY, "CH4", "CN", 2023,
                "energy_industries", Use.STATIONARY).factor().valueWithUnit());
        assertTrue(s.catalog().find(new FactorQuery(Carrier.DIESEL, FactorKind.EMISSION_PER_ENERGY, "CH4", "CN",
                LocalDate.of(2023, 1, 1), "", Use.MOBILE)).isEmpty(), "no mobile CH4 factor is shipped");
    }

    @Test
    void gwpSetsAreChosenByBasis() {
        FactorCatalog any = selection.select(null, List.of(), "GB").catalog();
        assertEquals("29.8 1", find(any, null, FactorKind.GWP, "CH4", "GB", 2024, "AR6", null).factor().valueWithUnit());
        assertEquals("27.0 1", find(any, null, FactorKind.GWP, "CH4", "GB", 2024, "AR6-nonfossil", null).factor()
                .valueWithUnit());
        assertEquals("28 1", find(any, null, FactorKind.GWP, "CH4", "GB", 2024, "AR5", null).factor().valueWithUnit());
        assertEquals("1924 1", find(any, null, FactorKind.GWP, "R-410A", "GB", 2024, "AR5", null).factor().valueWithUnit());
        assertEquals("1430 1", find(any, null, FactorKind.GWP, "r-134a", "GB", 2024, "AR4", null).factor().valueWithUnit());
    }

    @Test
    void sitesInSeveralCountriesGetTheirCountrySetsThenTheFallback() {
        FactorSelection.Selection s = selection.select(null, List.of(), List.of("US-CAMX", "CN-GZ", "GB", "CN"));
        assertEquals(List.of("cn@2026.2", "uk-desnz@2026.2", "us-epa@2026.2", "ipcc2006@2026.2"),
                s.sets().stream().map(FactorSelection.SetRef::ref).toList());
        assertEquals("cn@2026.2", s.primary().orElseThrow().ref());
        assertEquals("cn@2026.2, uk-desnz@2026.2, us-epa@2026.2, ipcc2006@2026.2", s.catalog().searched());
        assertEquals(List.of(), s.notices());
    }

    @Test
    void aCountryWithoutABundledSetIsNoticed() {
        FactorSelection.Selection s = selection.select(null, List.of(), List.of("DE"));
        assertEquals(List.of("info: no bundled factor set covers country DE; its sites use ipcc2006 and the factor sheets"
                + " given only"), s.notices().stream().map(Issue::toString).toList());
        assertEquals(List.of("ipcc2006@2026.2"), s.sets().stream().map(FactorSelection.SetRef::ref).toList());
    }

    private LoadedSheet sheet(String name, String rows) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, "id,carrier,kind,gas,value,unit,region,valid_from,valid_to,source\n" + rows,
                StandardCharsets.UTF_8);
        return FactorSheetLoader.loadCsv(file);
    }

    @Test
    void userSheetOverridesTheBundledSetAndIsNamedWithItsSha256() throws IOException {
        LoadedSheet own = sheet("own.csv",
                "own.cn.2022,electricity,emission,CO2,0.6000,t/MWh,CN,2022-01-01,2022-12-31,Our supplier letter 2023\n");
        FactorSelection.Selection s = selection.select(null, List.of(own), "CN-BJ");
        FactorChoice national = grid(s.catalog(), "CN", 2022, "");
        assertEquals("own.cn.2022", national.factor().id());
        assertEquals(0, national.layer());
        // layers are searched before regions: the sheet's national row also beats the bundled Beijing factor
        FactorChoice beijing = grid(s.catalog(), "CN-BJ", 2022, "");
        assertEquals("own.cn.2022", beijing.factor().id());
        assertEquals(List.of("no emission factor for region CN-BJ in user sheet own.csv; used CN (own.cn.2022)"),
                beijing.fallbacks());
        assertEquals("0.11 t/GJ", find(s.catalog(), Carrier.HEAT, FactorKind.EMISSION, "CO2", "CN-BJ", 2022, "", null)
                .factor().valueWithUnit(), "what the sheet does not give comes from the bundled set");
        assertEquals(List.of(new FactorSelection.SheetRef("own.csv", null,
                FactorSheetLoader.sha256(Files.readAllBytes(dir.resolve("own.csv"))))), s.sheets());
        assertEquals("user sheet own.csv, cn@2026.2, ipcc2006@2026.2", s.catalog().searched());
    }

    @Test
    void noneUsesOnlyTheUserSheets() throws IOException {
        LoadedSheet own = sheet("auditor.csv",
                "x,electricity,emission,CO2,0.5,t/MWh,CN,2022-01-01,2022-12-31,Auditor's own factor\n");
        FactorSelection.Selection s = selection.select("none", List.of(own), "CN");
        assertEquals(List.of(), s.sets());
        assertEquals("0.5 t/MWh", grid(s.catalog(), "CN", 2022, "").factor().valueWithUnit());
        Optional<FactorChoice> heat = s.catalog().find(new FactorQuery(Carrier.HEAT, FactorKind.EMISSION, "CO2", "CN",
                LocalDate.of(2022, 1, 1), "", null));
        assertTrue(heat.isEmpty());
        FactorSetException e = assertThrows(FactorSetException.class, () -> selection.select("NONE", List.of(), "CN"));
        assertEquals("--factors none needs at least one --factor-sheet", e.getMessage());
    }

    @Test
    void aSheetWithErrorsIsRefused() throws IOException {
        LoadedSheet bad = sheet("bad.csv", "x,electricity,emission,CO2,0.5,t/xyz,CN,2022-01-01,,Src\n");
        FactorSetException e = assertThrows(FactorSetException.class, () -> selection.select(null, List.of(bad), "CN"));
        assertEquals("factor sheet bad.csv has 1 error and cannot be used; first: error: bad.csv, row 2, column F:"
                + " unknown unit 'xyz'", e.getMessage());
    }

    @Test
    void pinningAReleaseAddsTheFallbackOfItsDateAndSaysSo() {
        FactorSelection.Selection s = selection.select("uk-desnz@2026.1", List.of(), "CN");
        assertEquals(List.of("uk-desnz@2026.1", "ipcc2006@2026.1"), s.sets().stream().map(FactorSelection.SetRef::ref).toList());
        assertEquals(List.of("info: ipcc2006@2026.1 added as fallback: the newest release published on or before"
                + " 2026-11-21, the date of the newest pinned release"), s.notices().stream().map(Issue::toString).toList());
    }

    @Test
    void unknownSetsAndVersionsAreUsageErrorsThatListWhatIsAvailable() {
        FactorSetException set = assertThrows(FactorSetException.class, () -> selection.select("defra", List.of(), "GB"));
        assertEquals("unknown factor set 'defra'; available: cn (2026.1, 2026.2), ipcc2006 (2026.1, 2026.2),"
                + " uk-desnz (2026.1, 2026.2), us-epa (2026.1, 2026.2)", set.getMessage());
        FactorSetException version = assertThrows(FactorSetException.class,
                () -> selection.select("cn@2025.9", List.of(), "CN"));
        assertEquals("factor set cn has no version 2025.9; available: 2026.1, 2026.2", version.getMessage());
        assertEquals("--factors none cannot be combined with other sets", assertThrows(FactorSetException.class,
                () -> selection.select("none,cn", List.of(), "CN")).getMessage());
        assertEquals("--factors names cn twice", assertThrows(FactorSetException.class,
                () -> selection.select("cn,cn@2026.1", List.of(), "CN")).getMessage());
        assertEquals("--factors 'cn,' has an empty entry", assertThrows(FactorSetException.class,
                () -> selection.select("cn,", List.of(), "CN")).getMessage());
    }
}
