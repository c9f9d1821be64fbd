package org.wattledger.importers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.wattledger.importers.Fixtures.csv;
import static org.wattledger.importers.Fixtures.describe;
import static org.wattledger.importers.Fixtures.errors;
import static org.wattledger.importers.Fixtures.issues;
import static org.wattledger.importers.Fixtures.read;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.wattledger.engine.model.Inventory;

/**
 * Broken files that used to give a silent wrong figure: rows swallowed by a quote, bytes decoded
 * into U+FFFD, absurd exponents, a tampered zip entry, a malformed Excel separator line. Each
 * builds the file, pins the exact message and the tally, and fails rather than hangs.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
final class BrokenFilesTest {
    @TempDir
    Path dir;

    private static final String HEADER = "site,meter,carrier,from,to,quantity,unit\n";

    private static String month(String meter, int m, String quantity) {
        String from = String.format("2022-%02d-01", m);
        String to = java.time.YearMonth.of(2022, m).atEndOfMonth().toString();
        return "S," + meter + ",electricity," + from + "," + to + "," + quantity + ",kWh\n";
    }

    @Test
    void aQuoteNeverClosedRejectsTheRowsItSwallowsNamingTheRowItOpensIn() throws Exception {
        // line 1 header; lines 2-3 good (100 + 200 kWh); line 4 opens a quote in column F that never closes,
        // so lines 4-8 (5 rows) would be one field: read 7 = accepted 2 + rejected 5, total 300 kWh
        Path p = csv(dir, "readings.csv", HEADER + month("M1", 1, "100") + month("M1", 2, "200")
                + month("M1", 3, "\"300") + month("M1", 4, "400") + month("M1", 5, "500") + month("M1", 6, "600")
                + month("M1", 7, "700"));
        Inventory inv = read(p);
        assertEquals(List.of("error: readings.csv, row 4, column F: a quote opened in this row is never closed, so the"
                + " rest of the file (lines 4-8) would be one field; the 5 rows in those lines are not read (close or"
                + " remove the quote)"), issues(inv));
        assertEquals(new Inventory.RowTally(7, 2, 5), inv.rows());
        assertEquals(List.of("S/M1 electricity 2022-01-01T00:00..2022-02-01T00:00 100 kWh @readings.csv, row 2",
                "S/M1 electricity 2022-02-01T00:00..2022-03-01T00:00 200 kWh @readings.csv, row 3"), describe(inv));
    }

    @Test
    void aQuoteThatRunsPastTheFieldBufferRejectsTheRestOfTheFile() throws Exception {
        // line 2 good; line 3 opens a quote in column F; lines 4-30002 (29,999 rows of ~50 characters, far over
        // the 262,136 characters one record may hold) follow: lines 3-30002 are 30,000 rejected rows
        StringBuilder text = new StringBuilder(HEADER).append(month("A", 1, "1"))
                .append("S,X,electricity,2022-01-01,2022-01-31,\"3,kWh\n");
        for (int i = 4; i <= 30_002; i++) {
            text.append(month("M" + i, 1, "9"));
        }
        Inventory inv = read(csv(dir, "readings.csv", text.toString()));
        assertEquals(List.of("error: readings.csv, row 3, column F: a quote opened in this row is not closed within"
                + " 262,136 characters, so the rest of the file (lines 3-30002) would be one field; the 30000 rows in"
                + " those lines are not read (close or remove the quote)"), errors(inv));
        // read 30,001 = accepted 1 + rejected 30,000
        assertEquals(new Inventory.RowTally(30_001, 1, 30_000), inv.rows());
    }

    @Test
    void aQuotedFieldSpanningMoreThanTwentyLinesIsAnError() throws Exception {
        // line 4 opens a quote in column F; line 30 ("end",kWh) closes it: one record over lines 4-30 = 27 lines,
        // more than 20, so its 27 rows are rejected. Lines 2, 3 and 31 are good (meters A, B, C).
        StringBuilder text = new StringBuilder(HEADER).append(month("A", 1, "1")).append(month("B", 1, "2"))
                .append("S,X,electricity,2022-01-01,2022-01-31,\"3\n");
        for (int i = 5; i <= 29; i++) {
            text.append(month("M" + i, 1, "9"));
        }
        text.append("end\",kWh\n").append(month("C", 1, "4"));
        Inventory inv = read(csv(dir, "readings.csv", text.toString()));
        assertEquals(List.of("error: readings.csv, row 4, column F: a quoted field starting in this row spans 27 lines"
                + " (lines 4-30), more than the 20 a field may span, so a quote is probably not closed; the 27 rows in"
                + " those lines are not read (close or remove the quote)"), errors(inv));
        // read 30 = accepted 3 (rows 2, 3, 31) + rejected 27 (rows 4-30)
        assertEquals(new Inventory.RowTally(30, 3, 27), inv.rows());
        assertEquals(3, describe(inv).size());
        assertEquals("S/C electricity 2022-01-01T00:00..2022-02-01T00:00 4 kWh @readings.csv, row 31",
                describe(inv).get(2));
    }

    @Test
    void aGbkFileWhoseFirst64KiBAreAsciiIsStillReadAsGbk() throws Exception {
        // 1,600 ASCII rows of about 50 bytes (over 64 KiB), then one row with Chinese ids in GBK
        StringBuilder text = new StringBuilder(HEADER);
        for (int i = 0; i < 1600; i++) {
            text.append(month("M" + i, 1, "1"));
        }
        text.append("北京一号,电表1,电力,2022-01-01,2022-01-31,5,kWh\n");
        Path p = csv(dir, "readings.csv", text.toString(), CsvSource.GB18030, false);
        assertEquals(true, Files.size(p) > 64 * 1024);
        Inventory inv = read(p);
        assertEquals(List.of(), errors(inv));
        assertEquals(new Inventory.RowTally(1601, 1601, 0), inv.rows());
        assertEquals("北京一号/电表1 electricity 2022-01-01T00:00..2022-02-01T00:00 5 kWh @readings.csv, row 1602",
                describe(inv).get(1600));
    }

    @Test
    void bytesThatAreNotUtf8InAUtf8CsvAreAnErrorNamingTheLine() throws Exception {
        // lines 2-3 are valid UTF-8 Chinese, so the file is UTF-8; line 4 holds a lone 0xFF
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes((HEADER + "北京,M1,electricity,2022-01-01,2022-01-31,1,kWh\n"
                + "北京,M2,electricity,2022-01-01,2022-01-31,2,kWh\n").getBytes(StandardCharsets.UTF_8));
        b.writeBytes("S".getBytes(StandardCharsets.US_ASCII));
        b.write(0xFF);
        b.writeBytes(",M3,electricity,2022-01-01,2022-01-31,3,kWh\n".getBytes(StandardCharsets.US_ASCII));
        Path p = dir.resolve("readings.csv");
        Files.write(p, b.toByteArray());
        Inventory inv = read(p);
        assertEquals(List.of("error: readings.csv, row 4: readings.csv has bytes that are not valid UTF-8 text on line 4"
                + " (FF); save the file as UTF-8 (or GBK) and import it again; the file was not read"), issues(inv));
        assertEquals(new Inventory.RowTally(0, 0, 0), inv.rows());
    }

    @Test
    void bytesThatAreNotUtf8InSheetXmlNeverMergeTwoIds() throws Exception {
        // S<FF>1 and S<FE>1 would both become S\uFFFD1: one site where the file has two
        String rows = HostileFilesTestRows.header() + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>S\u0001</t></is></c>"
                + "</row>";
        byte[] xml = HostileFilesTest.sheet(rows).getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < xml.length; i++) {
            if (xml[i] == 1) {
                xml[i] = (byte) 0xFF;
            }
        }
        Map<String, byte[]> wb = HostileFilesTest.workbook("");
        wb.put("xl/worksheets/sheet1.xml", xml);
        Inventory inv = read(HostileFilesTest.zip(dir, "bad.xlsx", wb));
        assertEquals(List.of("error: bad.xlsx, sheet readings, row 2: sheet readings holds bytes that are not valid UTF-8"
                + " text in row 2; the workbook is damaged and was not read"), issues(inv));
        assertEquals(new Inventory.RowTally(0, 0, 0), inv.rows());
    }

    @Test
    void absurdExponentsAreRowErrorsInBoundedTime() throws Exception {
        // numeric cells (stored text) 1E+100000000, 1E+999999999, -1E+999999999 and 1.5E+3 (= 1500 kWh)
        String rows = HostileFilesTestRows.header();
        String[] values = {"1E+100000000", "1E+999999999", "-1E+999999999", "1.5E+3"};
        for (int i = 0; i < values.length; i++) {
            int r = i + 2;
            rows += "<row r=\"" + r + "\">" + HostileFilesTestRows.text("A" + r, "S") + HostileFilesTestRows.text("B" + r,
                    "M" + r) + HostileFilesTestRows.text("C" + r, "electricity") + "<c r=\"D" + r + "\"><v>44592</v></c>"
                    + "<c r=\"E" + r + "\"><v>" + values[i] + "</v></c>" + HostileFilesTestRows.text("F" + r, "kWh")
                    + "</row>";
        }
        Inventory inv = read(HostileFilesTest.zip(dir, "exp.xlsx", HostileFilesTest.workbook(HostileFilesTest.sheet(
                rows))));
        String range = " is out of range (numbers are read with at most 18 digits before the decimal point, down to"
                + " 1E-30, and at most 34 significant digits)";
        assertEquals(List.of("error: exp.xlsx, sheet readings, row 2, column E: '1E+100000000'" + range,
                "error: exp.xlsx, sheet readings, row 3, column E: '1E+999999999'" + range,
                "error: exp.xlsx, sheet readings, row 4, column E: '-1E+999999999'" + range), errors(inv));
        // read 4 = accepted 1 (row 5: 1.5E+3 = 1500) + rejected 3
        assertEquals(new Inventory.RowTally(4, 1, 3), inv.rows());
        assertEquals(List.of("S/M5 electricity 2022-01-31T00:00..2022-02-01T00:00 1500 kWh @exp.xlsx, sheet readings,"
                + " row 5"), describe(inv));
    }

    @Test
    void numbersInTextOutsideTheRangeAreRowErrors() throws Exception {
        // 10^18 has 19 digits before the point; 2.5E-31 is below 1E-30; 35 significant digits; 999999999999999999
        // (18 digits) and 0.000001 are inside
        Path p = csv(dir, "readings.csv", HEADER + month("A", 1, "1000000000000000000") + month("B", 1, "2.5E-31")
                + month("C", 1, "1.2345678901234567890123456789012345") + month("D", 1, "999999999999999999")
                + month("E", 1, "0.000001"));
        Inventory inv = read(p);
        String range = " is out of range (numbers are read with at most 18 digits before the decimal point, down to"
                + " 1E-30, and at most 34 significant digits)";
        assertEquals(List.of("error: readings.csv, row 2, column F: '1000000000000000000'" + range,
                "error: readings.csv, row 3, column F: '2.5E-31'" + range,
                "error: readings.csv, row 4, column F: '1.2345678901234567890123456789012345'" + range), errors(inv));
        assertEquals(new Inventory.RowTally(5, 2, 3), inv.rows());
    }

    @Test
    void aTamperedStoredZipEntryFailsItsCrcCheck() throws Exception {
        String rows = HostileFilesTestRows.header() + "<row r=\"2\">" + HostileFilesTestRows.text("A2", "S")
                + HostileFilesTestRows.text("B2", "M") + HostileFilesTestRows.text("C2", "electricity")
                + "<c r=\"D2\"><v>44592</v></c><c r=\"E2\"><v>1000</v></c>" + HostileFilesTestRows.text("F2", "kWh")
                + "</row>";
        Map<String, byte[]> entries = HostileFilesTest.workbook(HostileFilesTest.sheet(rows));
        Path good = dir.resolve("good.xlsx");
        Files.write(good, stored(entries));
        assertEquals(List.of("S/M electricity 2022-01-31T00:00..2022-02-01T00:00 1000 kWh @good.xlsx, sheet readings,"
                + " row 2"), describe(read(good)));
        // the same bytes with the stored <v>1000</v> changed to <v>9000</v>; the CRC-32 in the headers is left
        byte[] bytes = stored(entries);
        String latin = new String(bytes, StandardCharsets.ISO_8859_1);
        int at = latin.indexOf("<v>1000</v>");
        bytes[at + 3] = '9';
        Path tampered = dir.resolve("tampered.xlsx");
        Files.write(tampered, bytes);
        Inventory inv = read(tampered);
        assertEquals(List.of("error: tampered.xlsx: tampered.xlsx zip entry xl/worksheets/sheet1.xml fails its CRC-32"
                + " check (its content is not what was stored); the workbook is damaged and was not read"), issues(inv));
        assertEquals(new Inventory.RowTally(0, 0, 0), inv.rows());
    }

    @Test
    void aTamperedWorkbookPartFailsItsCrcCheckToo() throws Exception {
        // the metadata parts are read through StAX, which stops at the end of the document: the part is
        // drained to its end so that its checksum is checked as well (sheet name readings -> readingz)
        Map<String, byte[]> entries = HostileFilesTest.workbook(HostileFilesTest.sheet(HostileFilesTestRows.header()));
        byte[] bytes = stored(entries);
        String latin = new String(bytes, StandardCharsets.ISO_8859_1);
        int at = latin.indexOf("name=\"readings\"");
        bytes[at + "name=\"reading".length()] = 'z';
        Path tampered = dir.resolve("renamed.xlsx");
        Files.write(tampered, bytes);
        assertEquals(List.of("error: renamed.xlsx: renamed.xlsx zip entry xl/workbook.xml fails its CRC-32 check (its"
                + " content is not what was stored); the workbook is damaged and was not read"), issues(read(tampered)));
    }

    private static byte[] stored(Map<String, byte[]> entries) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                ZipEntry ze = new ZipEntry(e.getKey());
                ze.setMethod(ZipEntry.STORED);
                ze.setSize(e.getValue().length);
                CRC32 crc = new CRC32();
                crc.update(e.getValue());
                ze.setCrc(crc.getValue());
                z.putNextEntry(ze);
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    @Test
    void anExcelSeparatorLineIsObeyedAndAMalformedOneIsAnError() throws Exception {
        // sep=; makes ';' the delimiter, so 12,5 is a decimal comma: 12.5 kWh
        Path semi = csv(dir, "a/readings.csv", "sep=;\nsite;meter;carrier;from;to;quantity;unit\n"
                + "S;M;electricity;2022-01-01;2022-01-31;12,5;kWh\n");
        Inventory ok = read(semi);
        assertEquals(List.of("S/M electricity 2022-01-01T00:00..2022-02-01T00:00 12.5 kWh @readings.csv, row 3"),
                describe(ok));
        assertEquals(new Inventory.RowTally(1, 1, 0), ok.rows());
        Path quote = csv(dir, "b/readings.csv", "sep=\"\n" + HEADER + month("M", 1, "1"));
        Inventory bad = read(quote);
        assertEquals(List.of("error: readings.csv, row 1: readings.csv starts with the line 'sep=\"', an Excel separator"
                + " line that does not name one separator character (write sep=; or sep=, or remove the line); the"
                + " file was not read"), issues(bad));
        assertEquals(new Inventory.RowTally(0, 0, 0), bad.rows());
    }
}
