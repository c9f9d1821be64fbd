package org.wattledger.importers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.wattledger.importers.Fixtures.csv;
import static org.wattledger.importers.Fixtures.issues;
import static org.wattledger.importers.Fixtures.read;
import static org.wattledger.importers.Fixtures.sheet;
import static org.wattledger.importers.Fixtures.xlsx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wattledger.engine.model.Inventory;
import org.wattledger.engine.model.StructuralChange;

/** The changes table (base-year recalculation): changes.csv in a folder, a changes sheet in a workbook. */
final class ChangesTableTest {
    @TempDir
    Path dir;

    private static String describe(StructuralChange c) {
        return c.type().id() + " " + c.date() + " " + c.sites() + " " + c.emissions().toPlainString() + " "
                + c.signedEmissions().toPlainString() + " '" + c.note() + "' row " + c.source().row();
    }

    @Test
    void readsChangesCsvInAFolder() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("input"));
        csv(dir, "input/readings.csv", "site,meter,carrier,from,to,quantity,unit\nS,M,electricity,2022-01-01,2022-01-31,5,MWh\n");
        csv(dir, "input/changes.csv", "type,date,sites,emissions (t CO2e),note\n"
                + "acquisition,2023-07-01,DC3,1200,bought Langfang DC\n"
                + "剥离,2024-03-01,OFF-GZ;OFF-SZ,300,\n"
                + "error,2024-05-01,,-45.5,double-counted diesel\n");
        Inventory inv = read(folder);
        assertEquals(List.of(
                "acquisition 2023-07-01 [DC3] 1200 1200 'bought Langfang DC' row 2",
                "divestment 2024-03-01 [OFF-GZ, OFF-SZ] 300 -300 '' row 3",
                "error 2024-05-01 [*] -45.5 -45.5 'double-counted diesel' row 4"),
                inv.changes().stream().map(ChangesTableTest::describe).toList());
        assertEquals(List.of("changes.csv", "readings.csv"), inv.files().stream().map(f -> f.name()).toList());
        assertEquals(List.of(), issues(inv));
    }

    @Test
    void readsAChangesSheetAndNamesBadCells() throws Exception {
        Path book = xlsx(dir, "in.xlsx",
                sheet("readings").row("site", "meter", "carrier", "from", "to", "quantity", "unit")
                        .row("S", "M", "electricity", "2022-01-01", "2022-01-31", 5, "MWh"),
                sheet("变更").row("类型", "日期", "站点", "排放量", "备注")
                        .row("收购", "2023-01-01", "DC3", 10, "")
                        .row("merger of sorts", "2023-02-01", "DC3", 10, "")
                        .row("divestment", "2023-03-01", "DC4", -5, "")
                        .row("outsourcing", "2023-04-01", "DC4", "n/a", ""));
        Inventory inv = read(book);
        assertEquals(List.of("acquisition 2023-01-01 [DC3] 10 10 '' row 2"),
                inv.changes().stream().map(ChangesTableTest::describe).toList());
        assertEquals(List.of(
                "error: in.xlsx, sheet 变更, row 3, column A: unknown type 'merger of sorts' (expected acquisition,"
                        + " divestment, insourcing, outsourcing, methodology or error)",
                "error: in.xlsx, sheet 变更, row 4, column D: '-5' is negative: give the emissions of the divestment as"
                        + " a positive number (the type says whether they are added or removed)",
                "error: in.xlsx, sheet 变更, row 5, column D: 'n/a' is not a number (expected t CO2e)"), issues(inv));
    }
}
