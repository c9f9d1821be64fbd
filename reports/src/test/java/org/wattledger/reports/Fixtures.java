package org.wattledger.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.wattledger.engine.calc.CalcOptions;
import org.wattledger.engine.calc.Calculation;
import org.wattledger.engine.calc.Results;
import org.wattledger.engine.factor.Factor;
import org.wattledger.engine.factor.FactorKind;
import org.wattledger.engine.factor.LayeredCatalog;
import org.wattledger.engine.model.Carrier;
import org.wattledger.engine.model.DateRange;
import org.wattledger.engine.model.Denominator;
import org.wattledger.engine.model.Instrument;
import org.wattledger.engine.model.Inventory;
import org.wattledger.engine.model.Quantity;
import org.wattledger.engine.model.Issue;
import org.wattledger.engine.model.Quality;
import org.wattledger.engine.model.Reading;
import org.wattledger.engine.model.ReportingPeriod;
import org.wattledger.engine.model.Role;
import org.wattledger.engine.model.Site;
import org.wattledger.engine.model.SiteKind;
import org.wattledger.engine.model.SourceRef;
import org.wattledger.engine.model.Target;
import org.wattledger.engine.model.Use;
import org.wattledger.engine.units.CarbonUnit;
import org.wattledger.engine.units.CarbonUnits;
import org.wattledger.engine.units.FactorUnit;

/**
 * Hand-made inventories and factors run through the real engine.
 *
 * <p>{@link #small()} (year 2024), with the figures a person can check on paper:
 * <ul>
 * <li>DC1 (data centre, CN): main electricity 1000 + 1200 kWh, IT 800 + 1200 kWh, water 2 + 3 m3
 * (January, February). Scope 2 = 2.2 MWh × 0.5 t/MWh = 1.1 t; PUE = 2200/2000 = 1.1;
 * WUE = 5000 L / 2000 kWh = 2.5; CUE = 1100 kg / 2000 kWh = 0.55; tce = 2200 × 0.1229 kgce = 0.27038 t.
 * No fuel, so no Scope 1.</li>
 * <li>OFF1 (office, CN, named with a {@code <script>} tag): 500 kWh estimated electricity = 0.25 t;
 * 100 m3 natural gas: CO2 100 × 2 = 200 kg, CH4 100 × 0.001 × GWP 28 = 2.8 kg → 0.2028 t;
 * energy 100 m3 × 36 MJ/m3 = 1 MWh. No water, no IT meter, no tce coefficient for gas.</li>
 * <li>Totals: Scope 1 0.2028 t, Scope 2 1.35 t (both bases: no residual mix), energy 3.7 MWh
 * (direct 1, indirect 2.7), water 5 m3; energyTce omitted (gas has no coefficient).</li>
 * <li>One rejected row (error) → incomplete. Headcount 10 → scope1_2_per_headcount 0.15528.</li>
 * <li>T1 scope1_2: base 2 (2023), target 1 (2025): path 1.5, current 1.5528, progress 0.4472, off track.
 * T2 pue DC1: base 1.1 computed (2024), target 1.0 (2026): progress 0, on track.</li>
 * </ul>
 */
final class Fixtures {
    static final String ENGINE_VERSION = "0.1.0";
    static final String SCRIPT_NAME = "<script>alert('x')</script> Head Office";
    static final Issue REJECTED_ROW = Issue.error(new SourceRef("meters.xlsx", "readings", 14, "F"),
            "'n/a' is not a number (expected a quantity in kWh)");

    private Fixtures() {
    }

    // ---- small ----

    static Results small() {
        // in service only for the months they read (DC1 January–February, OFF1 January): their readings cover
        // 2024, so the one rejected row is the only reason the report is incomplete
        List<Site> sites = List.of(
                new Site("DC1", "Data Centre 1", "CN", SiteKind.DATACENTER, null, new BigDecimal("500"), null, true,
                        new DateRange(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 3, 1)), null),
                new Site("OFF1", SCRIPT_NAME, "CN", SiteKind.OFFICE, new BigDecimal("1200"), null, null, true,
                        new DateRange(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 2, 1)), null));
        List<Reading> readings = new ArrayList<>();
        int row = 2;
        readings.add(month("DC1", "E-MAIN", Carrier.ELECTRICITY, Role.MAIN, 2024, 1, "1000", CarbonUnits.KWH, row++));
        readings.add(month("DC1", "E-MAIN", Carrier.ELECTRICITY, Role.MAIN, 2024, 2, "1200", CarbonUnits.KWH, row++));
        readings.add(month("DC1", "E-IT", Carrier.ELECTRICITY, Role.IT, 2024, 1, "800", CarbonUnits.KWH, row++));
        readings.add(month("DC1", "E-IT", Carrier.ELECTRICITY, Role.IT, 2024, 2, "1200", CarbonUnits.KWH, row++));
        readings.add(month("DC1", "W", Carrier.WATER, Role.MAIN, 2024, 1, "2", CarbonUnits.M3, row++));
        readings.add(month("DC1", "W", Carrier.WATER, Role.MAIN, 2024, 2, "3", CarbonUnits.M3, row++));
        readings.add(month("OFF1", "E", Carrier.ELECTRICITY, Role.MAIN, 2024, 1, "500", CarbonUnits.KWH, row++)
                .withQuality(Quality.ESTIMATED));
        readings.add(month("OFF1", "NG", Carrier.NATURAL_GAS, Role.MAIN, 2024, 1, "100", CarbonUnits.M3, row++));
        List<Target> targets = List.of(
                new Target("T1", "scope1_2", List.of("*"), 2023, Quantity.of("2", "t CO2e"), 2025, Quantity.of("1", "t CO2e"), null,
                        Target.Path.LINEAR, SourceRef.row("meters.xlsx", "targets", 2)),
                new Target("T2", "pue", List.of("DC1"), 2024, null, 2026, Quantity.of("1.0", "1"), null,
                        Target.Path.LINEAR, SourceRef.row("meters.xlsx", "targets", 3)));
        List<Denominator> denominators = List.of(new Denominator("*", DateRange.year(2024), "headcount",
                Quantity.of("10", "person"), SourceRef.row("meters.xlsx", "denominators", 2)));
        Inventory inventory = new Inventory(sites, readings, List.of(), targets, denominators, List.of(REJECTED_ROW),
                new Inventory.RowTally(9, 8, 1),
                List.of(new Inventory.InputFile("meters.xlsx", "ab".repeat(32))));
        return run(inventory, smallFactors(), 2024);
    }

    static List<Factor> smallFactors() {
        LocalDate from = LocalDate.of(2020, 1, 1);
        return List.of(
                factor("test.grid.cn", Carrier.ELECTRICITY, FactorKind.EMISSION, "CO2e", "0.5", "t/MWh", "CN", from,
                        "Test grid factor, table 1", ""),
                factor("test.tce.electricity", Carrier.ELECTRICITY, FactorKind.TCE, null, "0.1229", "kgce/kWh", "CN",
                        from, "GB/T 2589-2020, appendix A", "equivalent value"),
                factor("test.ng.ncv", Carrier.NATURAL_GAS, FactorKind.NCV, null, "36", "MJ/m3", "CN", from,
                        "Test NCV", ""),
                factor("test.ng.co2", Carrier.NATURAL_GAS, FactorKind.EMISSION, "CO2", "2", "kg/m3", "CN", from,
                        "Test gas CO2", ""),
                factor("test.ng.ch4", Carrier.NATURAL_GAS, FactorKind.EMISSION, "CH4", "0.001", "kg/m3", "CN", from,
                        "Test gas CH4", ""),
                new Factor("ipcc.ar5.gwp.ch4", null, FactorKind.GWP, "CH4", new BigDecimal("28"), FactorUnit.parse("1"),
                        "*", from, null, "IPCC AR5 WG1, Table 8.7", "2026.1", "", "AR5", null, "test", null));
    }

    /** Only an office with electricity, no water, no fuel: a complete report. */
    static Results officeOnly() {
        // in service in March 2024 only, which its one reading covers
        List<Site> sites = List.of(new Site("OFF2", "Branch, Shenzhen 深圳", "CN", SiteKind.OFFICE, null, null, null, true,
                new DateRange(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 4, 1)), null));
        List<Reading> readings = List.of(
                month("OFF2", "E", Carrier.ELECTRICITY, Role.MAIN, 2024, 3, "4000", CarbonUnits.KWH, 2));
        Inventory inventory = new Inventory(sites, readings, List.of(), List.of(), List.of(), List.of(),
                new Inventory.RowTally(1, 1, 0), List.of(new Inventory.InputFile("office.csv", "cd".repeat(32))));
        return run(inventory, smallFactors(), 2024);
    }

    /** An office that read January and February of 2024 only: no error, but not complete. */
    static Results uncovered() {
        List<Site> sites = List.of(new Site("OFF3", "OFF3", "CN", SiteKind.OFFICE, null, null, null));
        List<Reading> readings = List.of(
                month("OFF3", "E", Carrier.ELECTRICITY, Role.MAIN, 2024, 1, "100", CarbonUnits.KWH, 2),
                month("OFF3", "E", Carrier.ELECTRICITY, Role.MAIN, 2024, 2, "100", CarbonUnits.KWH, 3));
        Inventory inventory = new Inventory(sites, readings, List.of(), List.of(), List.of(), List.of(),
                new Inventory.RowTally(2, 2, 0), List.of(new Inventory.InputFile("office.csv", "cd".repeat(32))));
        return run(inventory, smallFactors(), 2024);
    }

    static ReportMeta meta(Results results) {
        return ReportMeta.of(ENGINE_VERSION, List.of(ReportMeta.FactorSetRef.parse("test@2026.1")),
                List.of(new ReportMeta.FileDigest("own-factors.csv", "ef".repeat(32))), results);
    }

    // ---- rich: three sites, three years, targets, instruments ----

    /**
     * A company with two data centres and an office, monthly data 2022–2024, four targets and one
     * certificate: for looking at the outputs, not for exact sums.
     */
    static Results rich() {
        List<Site> sites = List.of(
                new Site("DC-NORTH", "Ulanqab Data Centre 乌兰察布", "CN-NM", SiteKind.DATACENTER, new BigDecimal("42000"),
                        new BigDecimal("20000"), null),
                new Site("DC-SOUTH", "Gui'an Data Centre", "CN-GZ", SiteKind.DATACENTER, new BigDecimal("28000"),
                        new BigDecimal("12000"), null),
                new Site("OFF-BJ", "Beijing Headquarters & Lab", "CN-BJ", SiteKind.OFFICE, new BigDecimal("68000"), null,
                        null));
        List<Reading> readings = new ArrayList<>();
        int row = 2;
        for (int year = 2022; year <= 2024; year++) {
            for (int month = 1; month <= 12; month++) {
                double season = Math.cos((month - 7) / 12.0 * 2 * Math.PI); // 1 in July, -1 in January
                double growth = 1 + 0.06 * (year - 2022);
                // DC-NORTH: free cooling, PUE 1.21..1.36, improving a little each year
                double itN = 9_800_000 * growth * (1 + 0.01 * month / 12.0);
                double pueN = 1.285 + 0.07 * season - 0.012 * (year - 2022);
                readings.add(month("DC-NORTH", "E-MAIN", Carrier.ELECTRICITY, Role.MAIN, year, month,
                        dec(itN * pueN, 1), CarbonUnits.KWH, row++));
                readings.add(month("DC-NORTH", "E-IT", Carrier.ELECTRICITY, Role.IT, year, month, dec(itN, 1),
                        CarbonUnits.KWH, row++));
                readings.add(month("DC-NORTH", "W-MAIN", Carrier.WATER, Role.MAIN, year, month,
                        dec(itN * (0.75 + 0.45 * season) / 1000, 1), CarbonUnits.M3, row++));
                readings.add(month("DC-NORTH", "DG", Carrier.DIESEL, Role.MAIN, year, month,
                        dec(month == 5 ? 5400 : 1500 + 30 * month, 1), CarbonUnits.KG, row++));
                // DC-SOUTH: humid, PUE 1.27..1.43, not improving
                double itS = 6_100_000 * growth;
                double pueS = 1.35 + 0.08 * season + 0.004 * (year - 2022);
                readings.add(month("DC-SOUTH", "E-MAIN", Carrier.ELECTRICITY, Role.MAIN, year, month,
                        dec(itS * pueS, 1), CarbonUnits.KWH, row++));
                readings.add(month("DC-SOUTH", "E-IT", Carrier.ELECTRICITY, Role.IT, year, month, dec(itS, 1),
                        CarbonUnits.KWH, row++));
                readings.add(month("DC-SOUTH", "W-MAIN", Carrier.WATER, Role.MAIN, year, month,
                        dec(itS * (1.15 + 0.45 * season) / 1000, 1), CarbonUnits.M3, row++));
                // OFF-BJ: electricity, canteen gas, district heat in winter, water
                readings.add(month("OFF-BJ", "E-MAIN", Carrier.ELECTRICITY, Role.MAIN, year, month,
                        dec(620_000 + 140_000 * Math.abs(season), 1), CarbonUnits.KWH, row++));
                readings.add(month("OFF-BJ", "NG", Carrier.NATURAL_GAS, Role.MAIN, year, month, dec(9_000, 0),
                        CarbonUnits.M3, row++));
                if (month <= 3 || month >= 11) {
                    readings.add(month("OFF-BJ", "HEAT", Carrier.HEAT, Role.MAIN, year, month,
                            dec(2_400 - 1_000 * season, 0), CarbonUnits.GJ, row++));
                }
                readings.add(month("OFF-BJ", "W-MAIN", Carrier.WATER, Role.MAIN, year, month, dec(3_100, 0),
                        CarbonUnits.M3, row++));
            }
        }
        List<Target> targets = List.of(
                new Target("T1", "scope1_2", List.of("*"), 2022, null, 2030, null, null, Target.Path.SBTI_1_5C,
                        SourceRef.row("targets.csv", null, 2)),
                new Target("T2", "pue", List.of("DC-SOUTH"), 2022, null, 2026, Quantity.of("1.25", "1"), null,
                        Target.Path.LINEAR, SourceRef.row("targets.csv", null, 3)),
                new Target("T3", "electricity_per_headcount", List.of("*"), 2022, null, 2025, null, new BigDecimal("8"),
                        Target.Path.LINEAR, SourceRef.row("targets.csv", null, 4)),
                new Target("T4", "pue", List.of("DC-NORTH"), 2022, null, 2026, Quantity.of("1.25", "1"), null,
                        Target.Path.LINEAR, SourceRef.row("targets.csv", null, 5)));
        List<Denominator> denominators = new ArrayList<>();
        int[] headcount = {8200, 8900, 9400};
        for (int i = 0; i < 3; i++) {
            denominators.add(new Denominator("*", DateRange.year(2022 + i), "headcount",
                    new Quantity(BigDecimal.valueOf(headcount[i]), "person"), SourceRef.row("denominators.csv", null, 2 + i)));
        }
        List<Instrument> instruments = List.of(new Instrument("GEC-2024-001", Instrument.Type.GEC, "DC-NORTH", "CN",
                DateRange.ofInclusive(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 6, 30)), Quantity.of("30000", "MWh"),
                Quantity.of("0", "t CO2e/MWh"), true,
                "Example Cloud Co.", "wind, Inner Mongolia", SourceRef.row("instruments.csv", null, 2)));
        List<Issue> issues = List.of(Issue.at(org.wattledger.engine.model.Severity.WARNING,
                new SourceRef("readings.csv", null, 88, "I"), "quantity '12,5' read as 125 (comma taken as a thousands separator)"));
        Inventory inventory = new Inventory(sites, readings, instruments, targets, denominators, issues,
                new Inventory.RowTally(readings.size(), readings.size(), 0),
                List.of(new Inventory.InputFile("readings.csv", "0123456789abcdef".repeat(4))));
        return run(inventory, richFactors(), 2024);
    }

    static List<Factor> richFactors() {
        List<Factor> f = new ArrayList<>(smallFactors());
        LocalDate from = LocalDate.of(2020, 1, 1);
        f.add(factor("test.residual.cn", Carrier.ELECTRICITY, FactorKind.RESIDUAL_MIX, "CO2e", "0.58", "t/MWh", "CN",
                from, "Test residual mix", ""));
        f.add(factor("test.heat", Carrier.HEAT, FactorKind.EMISSION, "CO2e", "0.11", "t/GJ", "CN", from,
                "Test district heat factor", ""));
        f.add(factor("test.tce.heat", Carrier.HEAT, FactorKind.TCE, null, "0.03412", "kgce/MJ", "CN", from,
                "GB/T 2589-2020", ""));
        f.add(factor("test.diesel.ncv", Carrier.DIESEL, FactorKind.NCV, null, "42.652", "GJ/t", "CN", from,
                "GB/T 32150-2015, table B.1", ""));
        f.add(factor("test.diesel.co2", Carrier.DIESEL, FactorKind.EMISSION, "CO2", "3.0959", "kg/kg", "CN", from,
                "Test diesel CO2", ""));
        f.add(factor("test.tce.diesel", Carrier.DIESEL, FactorKind.TCE, null, "1.4571", "kgce/kg", "CN", from,
                "GB/T 2589-2020", ""));
        f.add(factor("test.tce.ng", Carrier.NATURAL_GAS, FactorKind.TCE, null, "1.2143", "kgce/m3", "CN", from,
                "GB/T 2589-2020", ""));
        return f;
    }

    // ---- helpers ----

    static Results run(Inventory inventory, List<Factor> factors, int year) {
        LayeredCatalog catalog = new LayeredCatalog(List.of(new LayeredCatalog.Layer("test", factors)));
        return Calculation.run(inventory, site -> catalog, CalcOptions.of(ReportingPeriod.year(year)))
                .results(ReportingPeriod.year(year));
    }

    static Reading month(String site, String meter, Carrier carrier, Role role, int year, int month, String quantity,
            CarbonUnit unit, int row) {
        YearMonth m = YearMonth.of(year, month);
        LocalDateTime from = m.atDay(1).atStartOfDay();
        LocalDateTime to = m.plusMonths(1).atDay(1).atStartOfDay();
        Reading r = Reading.consumption(site, meter, carrier, role, from, to, new BigDecimal(quantity), unit,
                SourceRef.row("meters.xlsx", "readings", row));
        return carrier.isFuel() ? new Reading(r.site(), r.meter(), r.carrier(), null, Use.STATIONARY, r.role(), r.from(),
                r.to(), r.quantity(), r.unit(), r.type(), null, null, null, null, null, r.source()) : r;
    }

    private static Factor factor(String id, Carrier carrier, FactorKind kind, String gas, String value, String unit,
            String region, LocalDate from, String source, String note) {
        return new Factor(id, carrier, kind, gas, new BigDecimal(value), FactorUnit.parse(unit), region, from, null,
                source, "2026.1", note, "", null, "test@2026.1", null);
    }

    private static String dec(double v, int places) {
        return BigDecimal.valueOf(v).setScale(places, RoundingMode.HALF_UP).toPlainString();
    }
}
