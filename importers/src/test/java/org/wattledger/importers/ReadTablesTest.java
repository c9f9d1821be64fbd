package org.wattledger.importers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wattledger.engine.model.TextTable;

final class ReadTablesTest {
    @TempDir
    Path dir;

    @Test
    void readsTheFactorsSheetAsRawTextWithDatesAsIsoAndNumbersExact() throws Exception {
        Path f = Fixtures.xlsx(dir, "in.xlsx",
                Fixtures.sheet("readings").row("site"),
                Fixtures.sheet("因子").row("user factors")
                        .row("id", "carrier", "kind", "value", "unit", "region", "valid_from", "source")
                        .row("f1", "electricity", "emission", 0.5703, "t/MWh", "CN", new Fixtures.Day("2022-01-01"), "MEE"));
        List<TextTable> tables = WorkbookImporter.readTables(f, "factors");
        assertEquals(1, tables.size());
        TextTable t = tables.get(0);
        assertEquals("因子", t.sheet());
        assertEquals(2, t.headerRow());
        assertEquals(List.of("id", "carrier", "kind", "value", "unit", "region", "valid_from", "source"), t.headers());
        assertEquals(3, t.rows().get(0).number());
        assertEquals(List.of("f1", "electricity", "emission", "0.5703", "t/MWh", "CN", "2022-01-01", "MEE"),
                t.rows().get(0).cells());
        assertEquals("in.xlsx, sheet 因子, row 3, column D", t.at(t.rows().get(0), 3).toString());
    }

    @Test
    void readsASingleCsvOrWorkbookFactorSheet() throws Exception {
        Path csv = Fixtures.csv(dir, "my-factors.csv", "id;value;unit\ng1;0,5;t/MWh\n");
        TextTable t = WorkbookImporter.readTable(csv);
        assertEquals(List.of("id", "value", "unit"), t.headers());
        assertEquals(List.of("g1", "0,5", "t/MWh"), t.rows().get(0).cells());
        Path x = Fixtures.xlsx(dir, "f.xlsx", Fixtures.sheet("Sheet1").row("id", "value").row("a", 1.25));
        assertEquals(List.of("a", "1.25"), WorkbookImporter.readTable(x).rows().get(0).cells());
    }

    @Test
    void readsFactorsCsvFromAFolder() throws Exception {
        Fixtures.csv(dir, "in/factors.csv", "id,value\na,1\n");
        Fixtures.csv(dir, "in/readings.csv", "site\n");
        List<TextTable> t = WorkbookImporter.readTables(dir.resolve("in"), "factors");
        assertEquals(1, t.size());
        assertEquals("in/factors.csv", t.get(0).file());
    }

    @Test
    void aLoneCsvIsATableOnlyWhenItsNameSaysSo() throws Exception {
        Path readings = Fixtures.csv(dir, "meters.csv", "site,meter,carrier,from,to,quantity,unit\n");
        assertEquals(List.of(), WorkbookImporter.readTables(readings, "factors"));
        Path factors = Fixtures.csv(dir, "factors.csv", "id,value\na,1\n");
        assertEquals(1, WorkbookImporter.readTables(factors, "factors").size());
    }

    @Test
    void namesTheFileWhenItCannotBeRead() throws Exception {
        Path bad = dir.resolve("bad.xlsx");
        Files.writeString(bad, "nope");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WorkbookImporter.readTable(bad));
        assertEquals("bad.xlsx is not an Excel workbook: an .xlsx is a zip archive and an .xls an OLE2 file, but this"
                + " file starts with bytes 6e 6f 70 65; the file was not read", e.getMessage());
    }
}
