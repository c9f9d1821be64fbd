package org.wattledger.importers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.wattledger.importers.Fixtures.csv;
import static org.wattledger.importers.Fixtures.errors;
import static org.wattledger.importers.Fixtures.read;
import static org.wattledger.importers.Fixtures.sheet;
import static org.wattledger.importers.Fixtures.xlsx;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wattledger.engine.model.DateRange;
import org.wattledger.engine.model.Denominator;
import org.wattledger.engine.model.Instrument;
import org.wattledger.engine.model.Inventory;
import org.wattledger.engine.model.Quantity;
import org.wattledger.engine.model.SourceRef;
import org.wattledger.engine.model.Target;

/**
 * The importer→engine contract of the instruments, targets and denominators tables: a small real
 * file in, the exact engine records out, with every unit converted once and inclusive last days
 * turned into half-open ranges.
 */
final class RecordTablesContractTest {
    @TempDir
    Path dir;

    private static DateRange days(String first, String last) {
        return DateRange.ofInclusive(LocalDate.parse(first), LocalDate.parse(last));
    }

    private static Quantity q(String value, String unit) {
        return new Quantity(new BigDecimal(value), unit);
    }

    private Path workbook(Fixtures.SheetSpec... tables) throws Exception {
        Fixtures.SheetSpec[] sheets = new Fixtures.SheetSpec[tables.length + 1];
        sheets[0] = sheet("readings").row("site", "meter", "carrier", "from", "to", "quantity", "unit")
                .row("DC1", "M1", "electricity", "2024-01-01", "2024-01-31", 1, "MWh");
        System.arraycopy(tables, 0, sheets, 1, tables.length);
        return xlsx(dir, "org.xlsx", sheets);
    }

    @Test
    void instrumentsTableGivesTheseRecords() throws Exception {
        Inventory inv = read(workbook(sheet("绿证")
                .row("编号", "类型", "站点", "市场", "发电开始日期", "发电结束日期", "数量（万kWh）", "排放因子（g/kWh）", "已注销")
                .row("G1", "绿证", "DC1", "CN", "2023-01-01", "2023-12-31", 50, null, "是")
                .row("S1", "supplier_specific", null, "cn", "2024-01-01", "2024-12-31", 1.2, 300, "no")
                .row("N1", "gec", null, "CN", null, null, 10, null, "yes")));
        assertEquals(List.of(), errors(inv));
        // 50 万kWh = 500,000 kWh = 500 MWh; 1.2 万kWh = 12,000 kWh = 12 MWh; 10 万kWh = 100 MWh.
        // 300 g/kWh = 300 × 0.001 kg / 3.6 MJ × 3600 MJ/MWh / 1000 kg/t = 0.3 t CO2e/MWh (not 300 t/MWh).
        // A vintage 2023-01-01..2023-12-31 is held as [2023-01-01, 2024-01-01); N1 gave no dates: no vintage.
        assertEquals(List.of(
                new Instrument("G1", Instrument.Type.GEC, "DC1", "CN", days("2023-01-01", "2023-12-31"),
                        q("500", "MWh"), q("0", "t CO2e/MWh"), true, null, null, SourceRef.row("org.xlsx", "绿证", 2)),
                new Instrument("S1", Instrument.Type.SUPPLIER_SPECIFIC, null, "CN", days("2024-01-01", "2024-12-31"),
                        q("12", "MWh"), q("0.3", "t CO2e/MWh"), false, null, null, SourceRef.row("org.xlsx", "绿证", 3)),
                new Instrument("N1", Instrument.Type.GEC, null, "CN", null, q("100", "MWh"), q("0", "t CO2e/MWh"), true,
                        null, null, SourceRef.row("org.xlsx", "绿证", 4))), inv.instruments());
    }

    @Test
    void anEnglishFactorHeaderInGramsPerKwhIsHonouredInACsv() throws Exception {
        Path f = csv(dir, "instruments.csv", "id,type,market,generation_from,generation_to,quantity (MWh),factor (g/kWh),"
                + "retired\nS1,supplier_specific,CN,2024-01-01,2024-12-31,100,300,yes\n");
        Inventory inv = read(f);
        assertEquals(List.of(), errors(inv));
        // 300 g/kWh = 0.3 t/MWh, as above.
        assertEquals(q("0.3", "t CO2e/MWh"), inv.instruments().get(0).factor());
    }

    @Test
    void targetsTableGivesTheseRecords() throws Exception {
        Inventory inv = read(workbook(sheet("目标")
                .row("编号", "指标", "边界", "基准年", "基准值", "目标年", "目标值", "单位")
                .row("T3", "electricity_per_headcount", "*", 2022, 35200, 2025, 30000, "kWh/person")
                .row("T2", "pue", "DC1", 2021, 1.6, 2025, 1.3, null)
                .row("T4", "scope1_2", "*", 2022, 12.5, 2030, 6, "万吨CO2e")
                .row("T5", "scope1_2_per_revenue", "*", 2022, 0.5, 2030, 0.25, "t CO2e/万元")));
        assertEquals(List.of(), errors(inv));
        // T3: 35,200 kWh/person = 35.2 MWh/person (the defect read 35,200 MWh/person); 30,000 → 30.
        // T4: 12.5 万吨 = 125,000 t CO2e; 6 万吨 = 60,000 t. T5: 0.5 t/万元 = 0.5 / 10,000 = 0.00005 t CO2e/CNY.
        assertEquals(List.of(
                new Target("T3", "electricity_per_headcount", List.of("*"), 2022, q("35.2", "MWh/person"), 2025,
                        q("30", "MWh/person"), null, Target.Path.LINEAR, SourceRef.row("org.xlsx", "目标", 2)),
                new Target("T2", "pue", List.of("DC1"), 2021, q("1.6", "1"), 2025, q("1.3", "1"), null,
                        Target.Path.LINEAR, SourceRef.row("org.xlsx", "目标", 3)),
                new Target("T4", "scope1_2", List.of("*"), 2022, q("125000", "t CO2e"), 2030, q("60000", "t CO2e"), null,
                        Target.Path.LINEAR, SourceRef.row("org.xlsx", "目标", 4)),
                new Target("T5", "scope1_2_per_revenue", List.of("*"), 2022, q("0.00005", "t CO2e/CNY"), 2030,
                        q("0.000025", "t CO2e/CNY"), null, Target.Path.LINEAR, SourceRef.row("org.xlsx", "目标", 5))),
                inv.targets());
    }

    @Test
    void aTargetValueWithoutAUnitIsReadInTheReportUnitAndTheRowSaysSo() throws Exception {
        Inventory inv = read(workbook(sheet("targets")
                .row("id", "metric", "base_year", "base_value", "target_year", "target_value")
                .row("T6", "energy", 2022, 35200, 2030, 30000)));
        assertEquals(List.of(q("35200", "MWh"), q("30000", "MWh")),
                List.of(inv.targets().get(0).baseValue(), inv.targets().get(0).targetValue()));
        assertEquals(List.of("info: org.xlsx, sheet targets, row 2, column D: base_value and target_value of target"
                + " T6 have no unit: read in MWh"), Fixtures.issues(inv).stream().filter(i -> i.contains("targets")).toList());
    }

    @Test
    void denominatorsTableGivesTheseRecords() throws Exception {
        Inventory inv = read(workbook(sheet("分母")
                .row("边界", "开始日期", "结束日期", "年份", "名称", "数值", "单位")
                .row("*", "2024-01-01", "2024-12-31", null, "revenue", 12, "万元")
                .row("*", null, null, 2024, "headcount", 1200, "人")
                .row("OF1", "2024-01-01", "2024-06-30", null, "floor_area", 10000, "ft2")));
        assertEquals(List.of(), errors(inv));
        // 12 万元 = 120,000 CNY; 1,200 人 = 1,200 person; 10,000 ft2 × 0.09290304 m2/ft2 = 929.0304 m2.
        // 2024-01-01..2024-12-31 and the year 2024 are both [2024-01-01, 2025-01-01).
        assertEquals(List.of(
                new Denominator("*", DateRange.year(2024), "revenue", q("120000", "CNY"), SourceRef.row("org.xlsx", "分母", 2)),
                new Denominator("*", DateRange.year(2024), "headcount", q("1200", "person"),
                        SourceRef.row("org.xlsx", "分母", 3)),
                new Denominator("OF1", new DateRange(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 7, 1)), "floor_area",
                        q("929.0304", "m2"), SourceRef.row("org.xlsx", "分母", 4))), inv.denominators());
    }

    @Test
    void unknownUnitsAndUnitsOfTheWrongDimensionAreRowPreciseErrorsNamingBothUnits() throws Exception {
        Inventory inv = read(workbook(
                sheet("instruments").row("id", "type", "market", "generation_from", "generation_to", "quantity (furlong)",
                        "factor (kg/m3)", "retired")
                        .row("S1", "supplier_specific", "CN", "2024-01-01", "2024-12-31", 100, 2, "yes"),
                sheet("targets").row("id", "metric", "base_year", "base_value", "target_year", "target_value", "unit")
                        .row("T1", "electricity_per_headcount", 2022, 1, 2025, 0.5, "t CO2e/person")
                        .row("T2", "scope1_2_per_revenue", 2022, 1, 2025, 0.5, null),
                sheet("denominators").row("year", "name", "value", "unit")
                        .row(2024, "headcount", 1200, "m2")
                        .row(2024, "revenue", 5, null)));
        assertEquals(List.of(
                "error: org.xlsx, sheet denominators, row 2, column D: value: 'm2' is area, not a unit of headcount"
                        + " (expected a count such as person, 人 or FTE)",
                "error: org.xlsx, sheet denominators, row 3, column C: value: revenue needs its currency unit (e.g. CNY,"
                        + " 万元, USD, million USD)",
                "error: org.xlsx, sheet instruments, row 2, column F: quantity: unknown unit 'furlong' (expected an energy"
                        + " such as MWh, kWh, GWh or 万kWh)",
                "error: org.xlsx, sheet instruments, row 2, column G: factor: 'kg/m3' is mass per volume, but t CO2e/MWh"
                        + " is mass per energy (expected a mass of CO2e per energy such as t CO2e/MWh, kg/kWh or g/kWh)",
                "error: org.xlsx, sheet targets, row 2, column G: base_value: 't CO2e' is mass, but MWh is energy"
                        + " (expected a unit such as MWh in the numerator)",
                "error: org.xlsx, sheet targets, row 2, column G: target_value: 't CO2e' is mass, but MWh is energy"
                        + " (expected a unit such as MWh in the numerator)",
                "error: org.xlsx, sheet targets, row 3, column D: base_value: scope1_2_per_revenue needs its unit, with"
                        + " the currency (e.g. t CO2e/万元)",
                "error: org.xlsx, sheet targets, row 3, column F: target_value: scope1_2_per_revenue needs its unit, with"
                        + " the currency (e.g. t CO2e/万元)"), errors(inv));
        assertEquals(List.of(), inv.instruments());
        assertEquals(List.of(), inv.targets());
        assertEquals(List.of(), inv.denominators());
    }
}
