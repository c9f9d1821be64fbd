package org.wattledger.importers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.wattledger.importers.Fixtures.describe;
import static org.wattledger.importers.Fixtures.issues;
import static org.wattledger.importers.Fixtures.read;
import static org.wattledger.importers.Fixtures.sheet;
import static org.wattledger.importers.Fixtures.xlsx;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wattledger.engine.model.Inventory;

final class WideLayoutTest {
    @TempDir
    Path dir;

    @Test
    void unpivotsChineseMonthColumnsIntoMonthlyReadingsWithTheirOwnColumnLetters() throws Exception {
        Path f = xlsx(dir, "wide.xlsx", sheet("抄表")
                .row("站点", "表计", "能源类型", "单位", "年份", "1月", "2月", "3月")
                .row("DC1", "M1", "电力", "万千瓦时", 2022, 1.5, 2, "3.25"));
        Inventory inv = read(f);
        assertEquals(List.of(
                "DC1/M1 electricity 2022-01-01T00:00..2022-02-01T00:00 1.5 万千瓦时 @wide.xlsx, sheet 抄表, row 2, column F",
                "DC1/M1 electricity 2022-02-01T00:00..2022-03-01T00:00 2 万千瓦时 @wide.xlsx, sheet 抄表, row 2, column G",
                "DC1/M1 electricity 2022-03-01T00:00..2022-04-01T00:00 3.25 万千瓦时 @wide.xlsx, sheet 抄表, row 2, column H"),
                describe(inv));
        assertEquals(new Inventory.RowTally(3, 3, 0), inv.rows());
        assertEquals(List.of(), issues(inv));
    }

    @Test
    void readsEnglishAndYearMonthHeadersAndRejectsOnlyTheBadMonthCell() throws Exception {
        Path f = xlsx(dir, "wide.xlsx", sheet("readings")
                .row("site", "meter", "carrier", "unit", "2022-01", "2022-02", "2022-03")
                .row("DC1", "W1", "water", "m3", 10, "n/a", 12)
                .row("合计", null, null, null, 10, 0, 12));
        Inventory inv = read(f);
        assertEquals(List.of(
                "DC1/W1 water 2022-01-01T00:00..2022-02-01T00:00 10 m3 @wide.xlsx, sheet readings, row 2, column E",
                "DC1/W1 water 2022-03-01T00:00..2022-04-01T00:00 12 m3 @wide.xlsx, sheet readings, row 2, column G"),
                describe(inv));
        assertEquals(new Inventory.RowTally(3, 2, 1), inv.rows());
        assertEquals(List.of(
                "error: wide.xlsx, sheet readings, row 2, column F: 'n/a' is not a number (expected a quantity in m3)",
                "warning: wide.xlsx, sheet readings, row 2, column G: gap before this reading: meter DC1/W1 (water) has"
                        + " no reading for 2022-02-01..2022-02-28",
                "info: wide.xlsx, sheet readings, row 3, column A: row 3 is a totals row ('合计'); it is left out and not"
                        + " counted as a data row"), issues(inv));
    }

    @Test
    void rejectsEveryMonthOfARowWhoseCarrierIsUnknown() throws Exception {
        Path f = xlsx(dir, "wide.xlsx", sheet("readings")
                .row("site", "meter", "carrier", "unit", "year", "Jan", "Feb")
                .row("DC1", "X", "plasma", "kWh", 2022, 1, 2));
        Inventory inv = read(f);
        assertEquals(new Inventory.RowTally(2, 0, 2), inv.rows());
        assertEquals(List.of("error: wide.xlsx, sheet readings, row 2, column C: unknown carrier 'plasma' (expected "
                + ReadingsTable.CARRIERS + ")"), issues(inv));
    }

    @Test
    void needsAYearWhenMonthHeadersHaveNone() throws Exception {
        Path f = xlsx(dir, "wide.xlsx", sheet("readings")
                .row("site", "meter", "carrier", "unit", "Jan", "Feb")
                .row("DC1", "X", "electricity", "kWh", 1, 2));
        Inventory inv = read(f);
        assertEquals(List.of("error: wide.xlsx, sheet readings: no readings header row in the first 20 rows of sheet"
                + " readings: expected columns site, meter, carrier, to, quantity (or month columns 1月…12月, Jan…Dec"
                + " with a year); the closest, row 1, has site, meter, carrier, unit but lacks year"), issues(inv));
    }
}
