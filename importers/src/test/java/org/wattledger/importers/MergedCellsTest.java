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

final class MergedCellsTest {
    @TempDir
    Path dir;

    private static Fixtures.SheetSpec spec() {
        return sheet("readings").row("site", "meter", "carrier", "from", "to", "quantity", "unit")
                .row("DC1", "M1", "electricity", "2022-01-01", "2022-01-31", 1, "kWh")
                .row(null, "M2", "electricity", "2022-01-01", "2022-01-31", 2, "kWh")
                .row(null, "M3", null, "2022-01-01", "2022-01-31", 3, "kWh")
                .row("DC2", "M4", "electricity", "2022-01-01", "2022-01-31", 4, "kWh")
                .row(null, "M5", "electricity", "2022-01-01", "2022-01-31", 5, "kWh");
    }

    @Test
    void fillsMergedSiteAndCarrierCellsIntoTheRowsTheySpanInOrder() throws Exception {
        Path f = xlsx(dir, "merged.xlsx", spec().merge("A2:A4").merge("C3:C4"));
        Inventory inv = read(f);
        assertEquals(List.of(
                "DC1/M1 electricity 2022-01-01T00:00..2022-02-01T00:00 1 kWh @merged.xlsx, sheet readings, row 2",
                "DC1/M2 electricity 2022-01-01T00:00..2022-02-01T00:00 2 kWh @merged.xlsx, sheet readings, row 3",
                "DC1/M3 electricity 2022-01-01T00:00..2022-02-01T00:00 3 kWh @merged.xlsx, sheet readings, row 4",
                "DC2/M4 electricity 2022-01-01T00:00..2022-02-01T00:00 4 kWh @merged.xlsx, sheet readings, row 5"),
                describe(inv));
        assertEquals(new Inventory.RowTally(5, 4, 1), inv.rows());
        assertEquals(List.of("error: merged.xlsx, sheet readings, row 6, column A: site is empty"), issues(inv));
    }

    @Test
    void fillsMergedCellsInXlsToo() throws Exception {
        Path f = Fixtures.xls(dir, "merged.xls", spec().merge("A2:A4").merge("C3:C4"));
        assertEquals(4, read(f).readings().size());
    }

    @Test
    void leavesEmptyCellsEmptyWhenNoMergeCoversThem() throws Exception {
        Path f = xlsx(dir, "plain.xlsx", spec());
        Inventory inv = read(f);
        assertEquals(2, inv.readings().size());
        assertEquals(List.of(
                "error: plain.xlsx, sheet readings, row 3, column A: site is empty",
                "error: plain.xlsx, sheet readings, row 4, column A: site is empty",
                "error: plain.xlsx, sheet readings, row 4, column C: carrier is empty (expected "
                        + ReadingsTable.CARRIERS + ")",
                "error: plain.xlsx, sheet readings, row 6, column A: site is empty"), issues(inv));
    }
}
