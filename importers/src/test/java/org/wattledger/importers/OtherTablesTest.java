package org.wattledger.importers;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.wattledger.engine.model.Instrument;
import org.wattledger.engine.model.Inventory;
import org.wattledger.engine.model.Quantity;
import org.wattledger.engine.model.SiteKind;
import org.wattledger.engine.model.Target;

final class OtherTablesTest {
    @TempDir
    Path dir;

    @Test
    void readsSitesInstrumentsTargetsAndDenominatorsWithChineseSheetNames() throws Exception {
        Path f = xlsx(dir, "org.xlsx",
                sheet("readings").row("site", "meter", "carrier", "from", "to", "quantity", "unit")
                        .row("DC1", "M1", "electricity", "2022-01-01", "2022-12-31", 1, "MWh"),
                sheet("站点").row("站点", "名称", "区域", "类型", "建筑面积（m²）", "IT容量（kW）")
                        .row("DC1", "北京一号", "CN-BJ", "数据中心", 12000, 8000)
                        .row("OF1", null, "cn", "办公", null, null),
                sheet("绿证").row("编号", "类型", "站点", "市场", "发电开始日期", "发电结束日期", "数量（kWh）", "排放因子", "已注销")
                        .row("G1", "绿证", "DC1", "CN", "2022-01-01", "2022-12-31", 500000, null, "是")
                        .row("S1", "supplier_specific", null, "CN", null, null, 100, 0.42, "no"),
                sheet("目标").row("编号", "指标", "边界", "基准年", "基准值", "目标年", "目标值", "减排比例", "路径")
                        .row("T1", "scope1_2", "DC1;OF1", 2021, null, 2030, null, new Fixtures.Formatted(0.42, "0%"),
                                "sbti_1.5c")
                        .row("T2", "pue", "*", 2021, 1.6, 2025, 1.3, null, null),
                sheet("分母").row("边界", "年份", "名称", "数值", "单位").row("*", 2022, "headcount", 1200, "人"));
        Inventory inv = read(f);
        assertEquals(List.of(), errors(inv));
        assertEquals(2, inv.sites().size());
        assertEquals(SiteKind.DATACENTER, inv.sites().get(0).kind());
        assertEquals("OF1", inv.sites().get(1).name());
        assertEquals("CN", inv.sites().get(1).region());
        Instrument g = inv.instruments().get(0);
        assertEquals(0, new BigDecimal("500").compareTo(g.quantityMwh()));
        assertEquals(0, BigDecimal.ZERO.compareTo(g.factorTPerMwh()));
        // 发电结束日期 2022-12-31 is the last day: the vintage ends before 2023-01-01.
        assertEquals(new DateRange(LocalDate.of(2022, 1, 1), LocalDate.of(2023, 1, 1)), g.vintage());
        assertEquals(true, g.retired());
        assertEquals(0, new BigDecimal("0.42").compareTo(inv.instruments().get(1).factorTPerMwh()));
        Target t1 = inv.targets().get(0);
        assertEquals(List.of("DC1", "OF1"), t1.boundary());
        assertEquals(0, new BigDecimal("42").compareTo(t1.reductionPct()));
        assertEquals(Target.Path.SBTI_1_5C, t1.path());
        assertEquals(List.of("*"), inv.targets().get(1).boundary());
        assertEquals(DateRange.year(2022), inv.denominators().get(0).period());
        assertEquals(new Quantity(new BigDecimal("1200"), "person"), inv.denominators().get(0).value());
        // The denominator comes from the sheet's second row (row 1 is the header), as the user sees it.
        assertEquals("org.xlsx, sheet 分母, row 2", inv.denominators().get(0).source().toString());
    }

    @Test
    void reportsRowPreciseErrorsInTheOtherTables() throws Exception {
        Path f = xlsx(dir, "bad.xlsx",
                sheet("sites").row("site", "name", "region", "kind").row("DC1", "x", null, "castle")
                        .row("DC2", "y", "GB", "office").row("DC2", "z", "GB", "office"),
                sheet("instruments").row("id", "type", "quantity", "factor", "retired")
                        .row("I1", "nft", "ten", null, "maybe")
                        .row("I2", "supplier_specific", 5, null, "yes"),
                sheet("targets").row("id", "metric", "base_year", "target_year", "target_value", "path")
                        .row("T1", "scope1", "last year", 2020, null, null)
                        .row("T2", "scope1", 2020, 2030, null, null)
                        .row("T3", "scope1", 2020, 2030, null, "sbti_1.5c"),
                sheet("denominators").row("name", "value", "from", "to").row("headcount", "n/a", "2022-01-01", "2021-12-31"));
        Inventory inv = read(f);
        assertEquals(List.of(
                "error: bad.xlsx, sheet denominators, row 2, column B: 'n/a' is not a number (expected a number)",
                "error: bad.xlsx, sheet denominators, row 2, column D: to '2021-12-31' is before from '2022-01-01'",
                "error: bad.xlsx, sheet instruments, row 2, column B: unknown type 'nft' (expected gec, i-rec, rec, go,"
                        + " green_power_trade, ppa or supplier_specific)",
                "error: bad.xlsx, sheet instruments, row 2, column C: 'ten' is not a number (expected a quantity of energy"
                        + " such as 1200 (MWh))",
                "error: bad.xlsx, sheet instruments, row 2, column E: 'maybe' is not yes or no (expected retired as"
                        + " yes/no, 是/否, true/false or 1/0)",
                "error: bad.xlsx, sheet instruments, row 3, column D: factor is empty (a supplier_specific instrument"
                        + " needs its factor, e.g. 0.58 t CO2e/MWh)",
                "error: bad.xlsx, sheet sites, row 2, column C: region is empty (expected a region code such as CN-GD,"
                        + " CN-NORTH, CN, GB or US-CAMX, or a Chinese province by name such as 广东, 广东省 or Guangdong)",
                "error: bad.xlsx, sheet sites, row 2, column D: unknown kind 'castle' (expected datacenter, office or"
                        + " other)",
                "error: bad.xlsx, sheet sites, row 4: site DC2 is listed twice (first in row 3); this row is not used",
                "error: bad.xlsx, sheet targets, row 2, column C: 'last year' is not a year (expected a year such as"
                        + " 2022)",
                "error: bad.xlsx, sheet targets, row 3, column E: target_value and reduction_pct are both empty (give one"
                        + " of them, or an SBTi path such as sbti_1.5c)"), errors(inv));
        assertEquals(List.of("T3"), inv.targets().stream().map(Target::id).toList());
        assertEquals(1, inv.sites().size());
    }
}
