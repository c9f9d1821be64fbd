package org.wattledger.importers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.wattledger.importers.Fixtures.csv;
import static org.wattledger.importers.Fixtures.errors;
import static org.wattledger.importers.Fixtures.sheet;
import static org.wattledger.importers.Fixtures.xlsx;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wattledger.engine.model.DateRange;
import org.wattledger.engine.model.Inventory;
import org.wattledger.engine.model.Site;
import org.wattledger.engine.model.SiteKind;
import org.wattledger.engine.model.SourceRef;

/**
 * The importer→engine contract of the sites table: a small real file in, the exact engine sites
 * out (every field), with regions read as their codes, IT capacity in kW and inclusive in-service
 * days turned into a half-open range.
 */
final class SitesContractTest {
    @TempDir
    Path dir;

    private static Inventory imported(Path... files) {
        return WorkbookImporter.read(List.of(files), ImportOptions.defaults());
    }

    /** Numbers at their shortest scale: an xlsx cell 1200 arrives as 1200.0, the same value. */
    private static List<Site> exact(List<Site> sites) {
        return sites.stream().map(s -> new Site(s.id(), s.name(), s.region(), s.kind(), strip(s.floorArea()),
                strip(s.itCapacityKw()), s.source(), s.kindDeclared(), s.inService(), s.timezone())).toList();
    }

    private static BigDecimal strip(BigDecimal v) {
        return v == null ? null : v.stripTrailingZeros();
    }

    @Test
    void sitesCsvGivesTheseSites() throws Exception {
        Path folder = dir.resolve("in");
        csv(folder, "readings.csv", "site,meter,carrier,from,to,quantity,unit\n"
                + "DC1,M1,electricity,2024-01-01,2024-01-31,1,kWh\n");
        csv(folder, "sites.csv", "site,name,region,kind,floor_area,it_capacity (MW),in_service_from,in_service_to,"
                + "timezone\n"
                + "DC1,Shenzhen DC,Guangdong Province,datacenter,5200.5,1.2,2024-03-01,2024-06-30,\n"
                + "OF1,,cn_bj,office,800,,,,Asia/Shanghai\n"
                + "X1,Lab,GB,,,,,,\n");
        Inventory inv = imported(folder);
        assertEquals(List.of(), errors(inv));
        // DC1: "Guangdong Province" is read as CN-GD; 1.2 MW = 1.2 × 1000 = 1,200 kW; in service
        //      2024-03-01..2024-06-30 with both days included is [2024-03-01, 2024-07-01).
        // OF1: "cn_bj" is CN-BJ; a blank name is the id; no in-service dates: in service throughout (null).
        // X1:  a blank kind is OTHER, not declared (the calculation may still infer a data centre).
        assertEquals(exact(List.of(
                new Site("DC1", "Shenzhen DC", "CN-GD", SiteKind.DATACENTER, new BigDecimal("5200.5"),
                        new BigDecimal("1200"), SourceRef.row("sites.csv", null, 2), true,
                        new DateRange(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 7, 1)), null),
                new Site("OF1", "OF1", "CN-BJ", SiteKind.OFFICE, new BigDecimal("800"), null,
                        SourceRef.row("sites.csv", null, 3), true, null, ZoneId.of("Asia/Shanghai")),
                new Site("X1", "Lab", "GB", SiteKind.OTHER, null, null, SourceRef.row("sites.csv", null, 4), false, null,
                        null))), exact(inv.sites()));
    }

    @Test
    void chineseSitesSheetGivesTheseSites() throws Exception {
        Path f = xlsx(dir, "org.xlsx",
                sheet("readings").row("site", "meter", "carrier", "from", "to", "quantity", "unit")
                        .row("DC2", "M1", "electricity", "2024-01-01", "2024-01-31", 1, "kWh"),
                sheet("站点").row("站点", "站点名称", "区域", "站点类型", "建筑面积", "IT容量", "投运日期", "时区")
                        .row("DC2", "廊坊机房", "河北省", "数据中心", 12000, 800, "2024-05", "Asia/Shanghai")
                        .row("OF2", "上海办公室", "上海市", "办公", null, null, null, null));
        Inventory inv = imported(f);
        assertEquals(List.of(), errors(inv));
        // 河北省 is CN-HE and 上海市 CN-SH (ISO 3166-2:CN); IT capacity without a header unit is kW.
        // In service from the month 2024-05, its first day, with no end: [2024-05-01, open).
        assertEquals(exact(List.of(
                new Site("DC2", "廊坊机房", "CN-HE", SiteKind.DATACENTER, new BigDecimal("12000"), new BigDecimal("800"),
                        SourceRef.row("org.xlsx", "站点", 2), true, new DateRange(LocalDate.of(2024, 5, 1), null),
                        ZoneId.of("Asia/Shanghai")),
                new Site("OF2", "上海办公室", "CN-SH", SiteKind.OFFICE, null, null, SourceRef.row("org.xlsx", "站点", 3),
                        true, null, null))), exact(inv.sites()));
    }
}
