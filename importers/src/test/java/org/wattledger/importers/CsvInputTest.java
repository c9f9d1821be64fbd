package org.wattledger.importers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.wattledger.importers.Fixtures.csv;
import static org.wattledger.importers.Fixtures.describe;
import static org.wattledger.importers.Fixtures.issues;
import static org.wattledger.importers.Fixtures.read;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wattledger.engine.model.Inventory;

final class CsvInputTest {
    @TempDir
    Path dir;

    private static final String ZH = "站点,表计,能源类型,开始日期,结束日期,用量（万千瓦时）\n"
            + "北京一号,电表1,电力,2022-01-01,2022-01-31,\"1,234.5\"\n";

    @Test
    void readsUtf8WithAndWithoutBomAndGb18030Alike() throws Exception {
        Path plain = csv(dir, "a/readings.csv", ZH);
        Path bom = csv(dir, "b/readings.csv", ZH, StandardCharsets.UTF_8, true);
        Path gbk = csv(dir, "c/readings.csv", ZH, CsvSource.GB18030, false);
        for (Path p : List.of(plain, bom, gbk)) {
            Inventory inv = read(p);
            assertEquals(List.of("北京一号/电表1 electricity 2022-01-01T00:00..2022-02-01T00:00 1234.5 万千瓦时"
                    + " @readings.csv, row 2"), describe(inv), p.toString());
            assertEquals(List.of(), issues(inv));
        }
    }

    /**
     * ASCII is handed on as it stands until the first other byte, where the decoder takes over: a
     * file whose Chinese text comes after more ASCII than one read holds is read as one that starts
     * with it, in either charset, and a bad byte that far in is named on its line.
     */
    @Test
    void readsChineseTextAfterALongAsciiStartInEitherCharsetAndNamesABadByteThere() throws Exception {
        StringBuilder ascii = new StringBuilder("site,meter,carrier,from,to,quantity,unit\n");
        int rows = 0;
        while (ascii.length() < 200_000) { // some 4,000 rows, three times the reader's 64 KiB buffer
            ascii.append("DC1,M").append(rows++).append(",electricity,2022-01-01,2022-01-31,1,kWh\n");
        }
        String chinese = "北京一号,电表1,electricity,2022-01-01,2022-01-31,5,kWh\n";
        int chineseRow = rows + 2; // after the header and the ASCII rows
        for (java.nio.charset.Charset cs : List.of(StandardCharsets.UTF_8, CsvSource.GB18030)) {
            Path p = csv(dir, cs.name() + "/readings.csv", ascii + chinese + "DC1,M-last,electricity,2022-01-01,"
                    + "2022-01-31,2,kWh\n", cs, false);
            Inventory inv = read(p);
            List<String> readings = describe(inv);
            assertEquals(rows + 2, readings.size(), cs.name());
            assertEquals("北京一号/电表1 electricity 2022-01-01T00:00..2022-02-01T00:00 5 kWh @readings.csv, row "
                    + chineseRow, readings.get(rows), cs.name());
            assertEquals("DC1/M-last electricity 2022-01-01T00:00..2022-02-01T00:00 2 kWh @readings.csv, row "
                    + (chineseRow + 1), readings.get(rows + 1), cs.name());
            assertEquals(List.of(), issues(inv), cs.name());
        }
        java.io.ByteArrayOutputStream bad = new java.io.ByteArrayOutputStream();
        bad.writeBytes(ascii.toString().getBytes(StandardCharsets.US_ASCII));
        bad.writeBytes("S".getBytes(StandardCharsets.US_ASCII));
        bad.write(0xFF); // neither UTF-8 nor GB18030
        bad.writeBytes(",M1,electricity,2022-01-01,2022-01-31,3,kWh\n".getBytes(StandardCharsets.US_ASCII));
        Path p = dir.resolve("bad/readings.csv");
        Files.createDirectories(p.getParent());
        Files.write(p, bad.toByteArray());
        assertEquals(List.of("error: readings.csv, row " + chineseRow + ": readings.csv has bytes that are not valid"
                + " UTF-8 text on line " + chineseRow + " (FF); save the file as UTF-8 (or GBK) and import it again;"
                + " the file was not read"), issues(read(p)));
    }

    @Test
    void detectsSemicolonAndTabDelimitersAndDecimalCommas() throws Exception {
        Path semi = csv(dir, "semi.csv", "site;meter;carrier;from;to;quantity;unit\n"
                + "DC1;M1;electricity;2022-01-01;2022-01-31;12,5;kWh\n"
                + "DC1;M2;electricity;2022-01-01;2022-01-31;1.234,5;kWh\n"
                + "DC1;M3;electricity;2022-01-01;2022-01-31;1,234;kWh\n");
        Inventory inv = read(semi);
        assertEquals(List.of(
                "DC1/M1 electricity 2022-01-01T00:00..2022-02-01T00:00 12.5 kWh @semi.csv, row 2",
                "DC1/M2 electricity 2022-01-01T00:00..2022-02-01T00:00 1234.5 kWh @semi.csv, row 3"), describe(inv));
        assertEquals(List.of("error: semi.csv, row 4, column F: '1,234' is ambiguous in a semicolon-separated file:"
                + " write 1234 or 1,5 (decimal comma) without thousands separators"), issues(inv));
        Path tab = csv(dir, "tab.csv", "site\tmeter\tcarrier\tfrom\tto\tquantity\tunit\n"
                + "DC1\tM1\telectricity\t2022-01-01\t2022-01-31\t1,234.5\tkWh\n");
        assertEquals(List.of("DC1/M1 electricity 2022-01-01T00:00..2022-02-01T00:00 1234.5 kWh @tab.csv, row 2"),
                describe(read(tab)));
    }

    @Test
    void readsAFolderOfCsvTables() throws Exception {
        Path folder = dir.resolve("input");
        csv(dir, "input/readings.csv", "site,meter,carrier,from,to,quantity,unit\n"
                + "DC1,M1,electricity,2022-01-01,2022-01-31,100,MWh\n"
                + "DC9,M1,electricity,2022-01-01,2022-01-31,5,MWh\n");
        csv(dir, "input/sites.csv", "site,name,region,kind,floor_area (m²),it_capacity (MW)\n"
                + "DC1,Beijing DC,cn-bj,datacenter,\"12,000\",8\n");
        csv(dir, "input/targets.csv", "id,metric,boundary,base_year,target_year,reduction_pct,path\n"
                + "T1,scope1_2,DC1;DC2,2021,2030,42%,sbti_1.5c\n");
        csv(dir, "input/denominators.csv", "boundary,from,to,name,value,unit\n*,2022-01-01,2022-12-31,headcount,1200,"
                + "person\n");
        csv(dir, "input/instruments.csv", "id,type,site,market,generation_from,generation_to,quantity,factor,retired\n"
                + "G1,绿证,DC1,CN,2022-01-01,2022-12-31,500,,是\n");
        csv(dir, "input/factors.csv", "id,carrier,kind,value\nx,electricity,emission,0.5\n");
        csv(dir, "input/notes.csv", "whatever\n");
        Inventory inv = read(folder);
        assertEquals(2, inv.readings().size());
        assertEquals(1, inv.sites().size());
        assertEquals("CN-BJ", inv.sites().get(0).region());
        assertEquals(0, new java.math.BigDecimal("8000").compareTo(inv.sites().get(0).itCapacityKw()));
        assertEquals(List.of("DC1", "DC2"), inv.targets().get(0).boundary());
        assertEquals(0, new java.math.BigDecimal("42").compareTo(inv.targets().get(0).reductionPct()));
        assertEquals(org.wattledger.engine.model.DateRange.year(2022), inv.denominators().get(0).period());
        assertEquals(org.wattledger.engine.model.Instrument.Type.GEC, inv.instruments().get(0).type());
        assertEquals(true, inv.instruments().get(0).retired());
        assertEquals(List.of("denominators.csv", "instruments.csv", "readings.csv", "sites.csv", "targets.csv"),
                inv.files().stream().map(f -> f.name()).toList());
        assertEquals(List.of(
                "info: notes.csv: notes.csv in folder input is not named after a table (readings, sites, instruments,"
                        + " targets, denominators, contracts, factors) and is not read",
                "warning: readings.csv, row 3: site 'DC9' is not in the sites table"), issues(inv));
    }

    @Test
    void refusesAFolderWithoutReadings() throws Exception {
        Files.createDirectories(dir.resolve("empty"));
        Inventory inv = read(dir.resolve("empty"));
        assertEquals(List.of("error: empty: folder empty has no readings.csv (the one table a folder must hold)"),
                issues(inv));
    }

    @Test
    void computesTheSha256OfEachFile() throws Exception {
        Path p = csv(dir, "readings.csv", "site,meter,carrier,from,to,quantity,unit\n");
        assertEquals(WorkbookImporter.sha256(p), read(p).files().get(0).sha256());
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                WorkbookImporter.sha256(csv(dir, "empty.csv", "")));
    }

    @Test
    void hashesALargeFileOnAThreadOfItsOwnAndReadsEveryRow() throws Exception {
        // Above StreamDigest.BACKGROUND_FROM: the bytes read are hashed on a thread of their own.
        StringBuilder sb = new StringBuilder("site,meter,carrier,from,to,quantity,unit\n");
        java.time.LocalDateTime t = java.time.LocalDateTime.of(2024, 1, 1, 0, 0);
        int rows = 0;
        while (sb.length() < StreamDigest.BACKGROUND_FROM + 100_000) {
            sb.append("DC1,M1,electricity,").append(t).append(',').append(t.plusHours(1)).append(",12.5,kWh\n");
            t = t.plusHours(1);
            rows++;
        }
        Path p = csv(dir, "big.csv", sb.toString());
        Inventory inv = read(p);
        byte[] expected = java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p));
        assertEquals(java.util.HexFormat.of().formatHex(expected), inv.files().get(0).sha256());
        assertEquals(rows, inv.readings().size());
    }
}
