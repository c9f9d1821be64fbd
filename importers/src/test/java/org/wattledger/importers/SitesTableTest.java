package org.wattledger.importers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.wattledger.importers.Fixtures.issues;
import static org.wattledger.importers.Fixtures.read;
import static org.wattledger.importers.Fixtures.sheet;
import static org.wattledger.importers.Fixtures.xlsx;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wattledger.engine.model.Inventory;

/** The sites table: regions as codes or Chinese province names, and whether a kind was declared. */
final class SitesTableTest {
    @TempDir
    Path dir;

    @Test
    void provinceNamesBecomeTheirCodesAndAnUnknownRegionIsARowPreciseError() throws Exception {
        Path f = xlsx(dir, "org.xlsx",
                sheet("sites").row("site", "region")
                        .row("GZ1", "广东")
                        .row("HZ1", "浙江省")
                        .row("SZ1", "Guangdong")
                        .row("UL1", "内蒙古自治区")
                        .row("BJ1", "北京市")
                        .row("UR1", "新疆维吾尔自治区")
                        .row("HH1", "Inner Mongolia")
                        .row("NN1", "cn-gx")
                        .row("CAN", "广州"));
        Inventory inv = read(f);
        assertEquals(List.of("GZ1 CN-GD", "HZ1 CN-ZJ", "SZ1 CN-GD", "UL1 CN-NM", "BJ1 CN-BJ", "UR1 CN-XJ",
                "HH1 CN-NM", "NN1 CN-GX"), inv.sites().stream().map(s -> s.id() + " " + s.region()).toList());
        assertEquals(List.of(
                "info: org.xlsx, sheet sites, row 2, column B: region '广东' is read as CN-GD (Guangdong)",
                "info: org.xlsx, sheet sites, row 3, column B: region '浙江省' is read as CN-ZJ (Zhejiang)",
                "info: org.xlsx, sheet sites, row 4, column B: region 'Guangdong' is read as CN-GD (Guangdong)",
                "info: org.xlsx, sheet sites, row 5, column B: region '内蒙古自治区' is read as CN-NM (Inner Mongolia)",
                "info: org.xlsx, sheet sites, row 6, column B: region '北京市' is read as CN-BJ (Beijing)",
                "info: org.xlsx, sheet sites, row 7, column B: region '新疆维吾尔自治区' is read as CN-XJ (Xinjiang)",
                "info: org.xlsx, sheet sites, row 8, column B: region 'Inner Mongolia' is read as CN-NM (Inner Mongolia)",
                "error: org.xlsx, sheet sites, row 10, column B: '广州' is not a known region (expected a region code"
                        + " such as CN-GD, CN-NORTH, CN, GB or US-CAMX, or a Chinese province by name such as 广东,"
                        + " 广东省 or Guangdong)"),
                issues(inv).stream().filter(i -> i.contains("sheet sites")).toList());
    }

    @Test
    void aBlankKindIsNotDeclaredSoTheCalculationMayInferADataCentre() throws Exception {
        Path f = xlsx(dir, "org.xlsx",
                sheet("sites").row("site", "region", "kind")
                        .row("A", "CN", null)
                        .row("B", "CN", "office")
                        .row("C", "CN", "other"));
        Inventory inv = read(f);
        assertEquals(List.of("A other false", "B office true", "C other true"), inv.sites().stream()
                .map(s -> s.id() + " " + s.kind().id() + " " + s.kindDeclared()).toList());
    }

    @Test
    void aSiteWhoseRowWasRejectedIsNamedWithThatRowNotAsMissing() throws Exception {
        // CAN's row is in the sites table, with a city for a region: its readings must point at that
        // row's error, not say the site is missing from the table.
        Path f = xlsx(dir, "org.xlsx",
                sheet("sites").row("site", "region")
                        .row("GZ1", "广东")
                        .row("CAN", "广州"),
                sheet("readings").row("site", "meter", "carrier", "from", "to", "quantity", "unit")
                        .row("CAN", "E1", "electricity", "2024-01-01", "2024-01-31", "100", "kWh")
                        .row("XX9", "E1", "electricity", "2024-01-01", "2024-01-31", "100", "kWh"));
        Inventory inv = read(f);
        assertEquals(List.of(
                "warning: org.xlsx, sheet readings, row 2: site 'CAN' has no region: its row in the sites table"
                        + " (org.xlsx, sheet sites, row 3) has an error and is not used",
                "warning: org.xlsx, sheet readings, row 3: site 'XX9' is not in the sites table"),
                issues(inv).stream().filter(i -> i.contains("sheet readings")).toList());
    }
}
