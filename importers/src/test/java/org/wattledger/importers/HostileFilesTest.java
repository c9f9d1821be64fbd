package org.wattledger.importers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.wattledger.importers.Fixtures.issues;
import static org.wattledger.importers.Fixtures.read;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.wattledger.engine.model.Inventory;

/**
 * Each hostile file ends in one clear error naming the file, and contributes nothing else; the
 * other inputs are still read. A hang fails the test (class timeout) instead of stalling the build.
 */
@Timeout(value = 30, unit = java.util.concurrent.TimeUnit.SECONDS)
final class HostileFilesTest {
    @TempDir
    Path dir;

    private static final String HEADER_ROW = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>site</t></is></c>"
            + "<c r=\"B1\" t=\"inlineStr\"><is><t>meter</t></is></c><c r=\"C1\" t=\"inlineStr\"><is><t>carrier</t></is></c>"
            + "<c r=\"D1\" t=\"inlineStr\"><is><t>to</t></is></c><c r=\"E1\" t=\"inlineStr\"><is><t>quantity</t></is></c>"
            + "</row>";

    static Map<String, byte[]> workbook(String sheetXml) {
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put("_rels/.rels", ("<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/"
                + "2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/"
                + "2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>").getBytes(
                        StandardCharsets.UTF_8));
        m.put("xl/workbook.xml", ("<?xml version=\"1.0\"?><workbook xmlns=\"http://schemas.openxmlformats.org/"
                + "spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                + "relationships\"><sheets><sheet name=\"readings\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>")
                .getBytes(StandardCharsets.UTF_8));
        m.put("xl/_rels/workbook.xml.rels", ("<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas."
                + "openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas."
                + "openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
                + "sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>").getBytes(StandardCharsets.UTF_8));
        m.put("xl/worksheets/sheet1.xml", sheetXml.getBytes(StandardCharsets.UTF_8));
        return m;
    }

    static String sheet(String rows) {
        return "<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                + "<sheetData>" + rows + "</sheetData></worksheet>";
    }

    Path zip(String name, Map<String, byte[]> entries) throws IOException {
        return zip(dir, name, entries);
    }

    static Path zip(Path dir, String name, Map<String, byte[]> entries) throws IOException {
        Path p = dir.resolve(name);
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(p))) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return p;
    }

    private static void assertOnlyError(Inventory inv, String message) {
        assertEquals(List.of(message), issues(inv));
        assertEquals(new Inventory.RowTally(0, 0, 0), inv.rows());
        assertEquals(List.of(), inv.readings());
    }

    @Test
    void readsAWellFormedHandWrittenWorkbook() throws Exception {
        Path ok = zip("ok.xlsx", workbook(sheet(HEADER_ROW + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>S</t></is>"
                + "</c><c r=\"B2\" t=\"inlineStr\"><is><t>M&amp;N</t></is></c><c r=\"C2\" t=\"inlineStr\"><is><t>water</t>"
                + "</is></c><c r=\"D2\"><v>44592</v></c><c r=\"E2\" t=\"inlineStr\"><is><t>5 m3</t></is></c></row>")));
        Inventory inv = read(ok);
        assertEquals(List.of("S/M&N water 2022-01-31T00:00..2022-02-01T00:00 5 m3 @ok.xlsx, sheet readings, row 2"),
                Fixtures.describe(inv));
    }

    @Test
    void refusesAZipBombThatDeclaresItsSize() throws Exception {
        String spaces = " ".repeat(20 << 20);
        Path bomb = zip("bomb.xlsx", workbook(sheet(HEADER_ROW + spaces)));
        assertOnlyError(read(bomb), "error: bomb.xlsx: bomb.xlsx zip entry xl/worksheets/sheet1.xml inflates to more than"
                + " 100 times its compressed size; the file was not read (a zip bomb?)");
    }

    @Test
    void refusesAZipBombWhoseDirectoryLiesAboutItsSize() throws Exception {
        Map<String, byte[]> entries = workbook("");
        entries.remove("xl/worksheets/sheet1.xml");
        Path p = dir.resolve("liar.xlsx");
        try (ZipArchiveOutputStream z = new ZipArchiveOutputStream(p.toFile())) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                ZipArchiveEntry ze = new ZipArchiveEntry(e.getKey());
                z.putArchiveEntry(ze);
                z.write(e.getValue());
                z.closeArchiveEntry();
            }
            ByteArrayOutputStream compressed = new ByteArrayOutputStream();
            try (DeflaterOutputStream d = new DeflaterOutputStream(compressed, new Deflater(9, true))) {
                d.write(sheet(HEADER_ROW + "<a/>".repeat(8 << 20)).getBytes(StandardCharsets.US_ASCII));
            }
            ZipArchiveEntry ze = new ZipArchiveEntry("xl/worksheets/sheet1.xml");
            ze.setMethod(ZipEntry.DEFLATED);
            ze.setSize(1000);
            ze.setCompressedSize(compressed.size());
            ze.setCrc(0);
            z.addRawArchiveEntry(ze, new ByteArrayInputStream(compressed.toByteArray()));
        }
        // refused at the first chunk past the 1000 declared bytes, not after 100 x the compressed size
        assertOnlyError(read(p), "error: liar.xlsx: liar.xlsx zip entry xl/worksheets/sheet1.xml inflates to more than"
                + " the 1000 bytes its zip directory declares; the file was not read (a zip bomb?)");
    }

    @Test
    void refusesExternalEntities() throws Exception {
        Path xxe = zip("xxe.xlsx", workbook("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM"
                + " \"file:///etc/passwd\">]><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/"
                + "main\"><sheetData>" + HEADER_ROW + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>&e;</t></is></c>"
                + "</row></sheetData></worksheet>"));
        assertOnlyError(read(xxe), "error: xxe.xlsx: xxe.xlsx contains a DTD or an entity declaration, which workbooks"
                + " never need; the file was not read (XML entity expansion and external entities are refused)");
    }

    @Test
    void refusesEntityExpansion() throws Exception {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10))
                    .append("\">");
        }
        dtd.append("]>");
        Map<String, byte[]> wb = workbook("");
        wb.put("xl/workbook.xml", ("<?xml version=\"1.0\"?>" + dtd + "<workbook><sheets><sheet name=\"&lol9;\""
                + " sheetId=\"1\"/></sheets></workbook>").getBytes(StandardCharsets.UTF_8));
        assertOnlyError(read(zip("lol.xlsx", wb)), "error: lol.xlsx: lol.xlsx contains a DTD or an entity declaration,"
                + " which workbooks never need; the file was not read (XML entity expansion and external entities are"
                + " refused)");
    }

    @Test
    void refusesAnEnormousSharedStringsTable() throws Exception {
        Map<String, byte[]> wb = workbook(sheet(HEADER_ROW + "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>0</v></c></row>"));
        StringBuilder sst = new StringBuilder("<?xml version=\"1.0\"?><sst xmlns=\"http://schemas.openxmlformats.org/"
                + "spreadsheetml/2006/main\">");
        for (int i = 0; i < 2000; i++) {
            sst.append("<si><t>s").append(i).append("</t></si>");
        }
        sst.append("</sst>");
        wb.put("xl/sharedStrings.xml", sst.toString().getBytes(StandardCharsets.UTF_8));
        Path p = zip("sst.xlsx", wb);
        ImportOptions strict = ImportOptions.builder().maxSharedStrings(1000).build();
        assertOnlyError(Fixtures.read(strict, p), "error: sst.xlsx: sst.xlsx has a shared-strings table of more than 1000"
                + " strings; the file was not read");
        ImportOptions fewChars = ImportOptions.builder().maxSharedStringChars(5000).build();
        assertOnlyError(Fixtures.read(fewChars, p), "error: sst.xlsx: sst.xlsx has a shared-strings table of more than"
                + " 5000 characters; the file was not read");
    }

    @Test
    void refusesACorruptZip() throws Exception {
        Path good = Fixtures.xlsx(dir, "good.xlsx", Fixtures.sheet("readings").row("site"));
        byte[] bytes = Files.readAllBytes(good);
        Path cut = dir.resolve("cut.xlsx");
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertOnlyError(read(cut), "error: cut.xlsx: cut.xlsx is a damaged zip archive (zip END header not found); an"
                + " .xlsx workbook is a zip archive, so the file was not read");
    }

    @Test
    void refusesAPasswordProtectedWorkbook() throws Exception {
        Path plain = Fixtures.xlsx(dir, "plain.xlsx", Fixtures.sheet("readings").row("site"));
        EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
        Encryptor enc = info.getEncryptor();
        enc.confirmPassword("secret");
        Path encrypted = dir.resolve("locked.xlsx");
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            try (OutputStream os = enc.getDataStream(fs)) {
                os.write(Files.readAllBytes(plain));
            }
            try (OutputStream out = Files.newOutputStream(encrypted)) {
                fs.writeFilesystem(out);
            }
        }
        assertOnlyError(read(encrypted), "error: locked.xlsx: locked.xlsx is password-protected; save it without a"
                + " password (File > Info > Protect Workbook) and import it again");
    }

    @Test
    void refusesMoreRowsThanASheetCanHold() throws Exception {
        Path p = zip("tall.xlsx", workbook(sheet(HEADER_ROW + "<row r=\"1048577\"><c r=\"A1048577\"><v>1</v></c></row>")));
        assertOnlyError(read(p), "error: tall.xlsx, sheet readings: sheet readings has more than 1,048,576 rows, the most"
                + " a sheet can hold; the file was not read");
        StringBuilder rows = new StringBuilder(HEADER_ROW);
        for (int i = 0; i < 6; i++) {
            rows.append("<row><c><v>1</v></c></row>");
        }
        ImportOptions five = ImportOptions.builder().maxSheetRows(5).build();
        assertOnlyError(Fixtures.read(five, zip("unnumbered.xlsx", workbook(sheet(rows.toString())))),
                "error: unnumbered.xlsx, sheet readings: sheet readings has more than 5 rows, the most a sheet can hold;"
                        + " the file was not read");
    }

    @Test
    void refusesBinaryGarbageNamedXlsxAndCsv() throws Exception {
        byte[] garbage = new byte[4096];
        new Random(7).nextBytes(garbage);
        garbage[0] = 0x7f;
        garbage[1] = 'E';
        garbage[2] = 'L';
        garbage[3] = 'F';
        Path x = dir.resolve("garbage.xlsx");
        Files.write(x, garbage);
        assertOnlyError(read(x), "error: garbage.xlsx: garbage.xlsx is not an Excel workbook: an .xlsx is a zip archive"
                + " and an .xls an OLE2 file, but this file starts with bytes 7f 45 4c 46; the file was not read");
        Path c = dir.resolve("garbage.csv");
        Files.write(c, garbage);
        assertOnlyError(read(c), "error: garbage.csv: garbage.csv is not a text file (it holds binary data), so it"
                + " cannot be read as CSV");
        Path empty = dir.resolve("empty.xlsx");
        Files.write(empty, new byte[0]);
        assertOnlyError(read(empty), "error: empty.xlsx: empty.xlsx is empty (0 bytes), not an Excel workbook");
    }

    @Test
    void refusesAnOverlongPieceOfXml() throws Exception {
        Path p = zip("long.xlsx", workbook(sheet(HEADER_ROW + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>"
                + "x".repeat(5000) + "</t></is></c></row>")));
        ImportOptions small = ImportOptions.builder().maxTokenBytes(4096).build();
        assertOnlyError(Fixtures.read(small, p), "error: long.xlsx: long.xlsx zip entry xl/worksheets/sheet1.xml holds a"
                + " piece of XML text longer than 4096 bytes; the file was not read");
    }

    @Test
    void keepsReadingTheOtherInputsAfterAHostileOne() throws Exception {
        Path bad = dir.resolve("bad.xlsx");
        Files.write(bad, "not a zip".getBytes(StandardCharsets.US_ASCII));
        Path good = Fixtures.csv(dir, "readings.csv", "site,meter,carrier,from,to,quantity,unit\n"
                + "S,M,electricity,2022-01-01,2022-01-31,1,kWh\n");
        Inventory inv = read(bad, good);
        assertEquals(1, inv.readings().size());
        assertEquals(2, inv.files().size());
        assertFalse(inv.files().get(0).sha256().isEmpty());
        assertEquals(1, Fixtures.errors(inv).size());
    }

    @Test
    void aWorkbookRefusedWhenOpenedIsOneIssueAndTheOtherInputsAndTheirFactorTablesAreStillRead() throws Exception {
        Path empty = dir.resolve("empty.xlsx");
        Files.write(empty, new byte[0]);
        Path text = dir.resolve("text.xlsx");
        Files.write(text, "site,meter\n".getBytes(StandardCharsets.US_ASCII));
        Path png = dir.resolve("picture.xlsx");
        Files.write(png, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a});
        Map<String, byte[]> xlsb = new LinkedHashMap<>();
        xlsb.put("_rels/.rels", ("<Relationships><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/"
                + "officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.bin\"/></Relationships>")
                .getBytes(StandardCharsets.UTF_8));
        xlsb.put("xl/workbook.bin", new byte[] {(byte) 0x83, 0x01, 0x00});
        zip("binary.xlsb", xlsb);
        Map<String, byte[]> ods = new LinkedHashMap<>();
        ods.put("mimetype", "application/vnd.oasis.opendocument.spreadsheet".getBytes(StandardCharsets.US_ASCII));
        ods.put("content.xml", "<office:document-content/>".getBytes(StandardCharsets.US_ASCII));
        zip("open.ods", ods);
        Map<String, byte[]> many = workbook(sheet(HEADER_ROW));
        for (int i = 0; i < 10_000; i++) {
            many.put("xl/media/x" + i + ".bin", new byte[0]);
        }
        zip("many.xlsx", many);
        Map<String, byte[]> dtd = workbook(sheet(HEADER_ROW));
        dtd.put("xl/workbook.xml", ("<?xml version=\"1.0\"?><!DOCTYPE workbook><workbook><sheets/></workbook>")
                .getBytes(StandardCharsets.UTF_8));
        zip("dtd.xlsx", dtd);
        // a good folder given in the same run: readings.csv (1 reading) and factors.csv (a factor table)
        Path folder = dir.resolve("in");
        Fixtures.csv(folder, "readings.csv", "site,meter,carrier,from,to,quantity,unit\n"
                + "S,M,electricity,2022-01-01,2022-01-31,7,kWh\n");
        String factors = "id,value\nmy.grid,0.5\n";
        Fixtures.csv(folder, "factors.csv", factors);
        List<Path> inputs = List.of(empty, text, png, dir.resolve("binary.xlsb"), dir.resolve("open.ods"),
                dir.resolve("many.xlsx"), dir.resolve("dtd.xlsx"), folder);
        WorkbookImporter.Result result = WorkbookImporter.readAll(inputs, ImportOptions.defaults());
        Inventory inv = result.inventory();
        assertEquals(List.of(
                "error: binary.xlsb: binary.xlsb is an Excel binary workbook (.xlsb), which is not read; save it as an"
                        + " Excel workbook (.xlsx) and import it again; the file was not read",
                "error: dtd.xlsx: dtd.xlsx contains a DTD or an entity declaration, which workbooks never need; the file"
                        + " was not read (XML entity expansion and external entities are refused)",
                "error: empty.xlsx: empty.xlsx is empty (0 bytes), not an Excel workbook",
                "error: many.xlsx: many.xlsx has more than 10000 zip entries; the file was not read",
                "error: open.ods: open.ods is an OpenDocument spreadsheet (.ods), which is not read; save it as an Excel"
                        + " workbook (.xlsx) and import it again; the file was not read",
                "error: picture.xlsx: picture.xlsx is not an Excel workbook: an .xlsx is a zip archive and an .xls an"
                        + " OLE2 file, but this file starts with bytes 89 50 4e 47; the file was not read",
                "error: text.xlsx: text.xlsx is not an Excel workbook: an .xlsx is a zip archive and an .xls an OLE2"
                        + " file, but this file starts with bytes 73 69 74 65; the file was not read"), issues(inv));
        assertEquals(List.of("S/M electricity 2022-01-01T00:00..2022-02-01T00:00 7 kWh @readings.csv, row 2"),
                Fixtures.describe(inv));
        assertEquals(new Inventory.RowTally(1, 1, 0), inv.rows());
        assertEquals(1, result.factorTables().size());
        WorkbookImporter.FactorTable found = result.factorTables().get(0);
        assertEquals("in/factors.csv", found.table().file());
        assertEquals(List.of("id", "value"), found.table().headers());
        assertEquals(List.of(new org.wattledger.engine.model.TextTable.Row(2, List.of("my.grid", "0.5"))),
                found.table().rows());
        assertEquals(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(factors.getBytes(StandardCharsets.UTF_8))), found.sha256());
    }

    @Test
    void aFactorsSheetInAWorkbookIsFoundInTheSamePassAndDroppedWithARefusedFile() throws Exception {
        Path ok = Fixtures.xlsx(dir, "ok.xlsx", Fixtures.sheet("readings").row("site", "meter", "carrier", "from", "to",
                "quantity", "unit").row("S", "M", "electricity", "2022-01-01", "2022-01-31", "3", "kWh"),
                Fixtures.sheet("factors").row("id", "value").row("my.grid", "0.25"));
        WorkbookImporter.Result result = WorkbookImporter.readAll(List.of(ok), ImportOptions.defaults());
        assertEquals(1, result.factorTables().size());
        assertEquals("factors", result.factorTables().get(0).table().sheet());
        assertEquals(result.inventory().files().get(0).sha256(), result.factorTables().get(0).sha256());
        // the same workbook with its sheet part listed twice is refused whole: no factor table from it
        Map<String, byte[]> twice = workbook(sheet(HEADER_ROW));
        twice.put("xl/workbook.xml", ("<?xml version=\"1.0\"?><workbook xmlns:r=\"http://schemas.openxmlformats.org/"
                + "officeDocument/2006/relationships\"><sheets><sheet name=\"readings\" sheetId=\"1\" r:id=\"rId1\"/>"
                + "<sheet name=\"factors\" sheetId=\"2\" r:id=\"rId1\"/></sheets></workbook>").getBytes(
                        StandardCharsets.UTF_8));
        WorkbookImporter.Result refused = WorkbookImporter.readAll(List.of(zip("twice.xlsx", twice)),
                ImportOptions.defaults());
        assertEquals(List.of("error: twice.xlsx: twice.xlsx lists sheets readings and factors over the same part"
                + " xl/worksheets/sheet1.xml; the workbook is damaged and was not read"), issues(refused.inventory()));
        assertEquals(List.of(), refused.factorTables());
    }

    private Map<String, byte[]> sheetsOverOnePart(int n) {
        StringBuilder sheets = new StringBuilder();
        for (int i = 1; i <= n; i++) {
            sheets.append("<sheet name=\"s").append(i).append("\" sheetId=\"").append(i).append("\" r:id=\"rId1\"/>");
        }
        Map<String, byte[]> wb = workbook(sheet(HEADER_ROW));
        wb.put("xl/workbook.xml", ("<?xml version=\"1.0\"?><workbook xmlns:r=\"http://schemas.openxmlformats.org/"
                + "officeDocument/2006/relationships\"><sheets>" + sheets + "</sheets></workbook>")
                .getBytes(StandardCharsets.UTF_8));
        return wb;
    }

    @Test
    void sheetsOverOnePartAreRefusedAtOnce() throws Exception {
        // the 37 KB attack: 3,000 sheets all pointing at sheet1.xml; the sheet cap answers first
        assertOnlyError(read(zip("fan.xlsx", sheetsOverOnePart(3000))), "error: fan.xlsx: fan.xlsx lists more than"
                + " 1,000 sheets; the file was not read");
        // two are enough to be refused: each part is read (and sniffed) at most once
        assertOnlyError(read(zip("two.xlsx", sheetsOverOnePart(2))), "error: two.xlsx: two.xlsx lists sheets s1 and s2"
                + " over the same part xl/worksheets/sheet1.xml; the workbook is damaged and was not read");
    }

    @Test
    void moreThanAThousandSheetsAreRefused() throws Exception {
        // 1,001 sheets, each its own part
        StringBuilder sheets = new StringBuilder();
        StringBuilder rels = new StringBuilder();
        Map<String, byte[]> wb = workbook(sheet(HEADER_ROW));
        for (int i = 1; i <= 1001; i++) {
            sheets.append("<sheet name=\"s").append(i).append("\" sheetId=\"").append(i).append("\" r:id=\"rId")
                    .append(i).append("\"/>");
            rels.append("<Relationship Id=\"rId").append(i).append("\" Type=\"http://schemas.openxmlformats.org/"
                    + "officeDocument/2006/relationships/worksheet\" Target=\"worksheets/s").append(i)
                    .append(".xml\"/>");
            wb.put("xl/worksheets/s" + i + ".xml", sheet("").getBytes(StandardCharsets.UTF_8));
        }
        wb.put("xl/workbook.xml", ("<?xml version=\"1.0\"?><workbook xmlns:r=\"http://schemas.openxmlformats.org/"
                + "officeDocument/2006/relationships\"><sheets>" + sheets + "</sheets></workbook>")
                .getBytes(StandardCharsets.UTF_8));
        wb.put("xl/_rels/workbook.xml.rels", ("<Relationships>" + rels + "</Relationships>").getBytes(
                StandardCharsets.UTF_8));
        assertOnlyError(read(zip("sheets.xlsx", wb)), "error: sheets.xlsx: sheets.xlsx lists more than 1,000 sheets;"
                + " the file was not read");
    }

    @Test
    void aMillionDistinctElementNamesInTheWorkbookPartAreRefusedQuickly() throws Exception {
        StringBuilder names = new StringBuilder(12_000_000);
        for (int i = 0; i < 1_000_000; i++) {
            names.append("<n").append(i).append("/>");
        }
        Map<String, byte[]> wb = workbook(sheet(HEADER_ROW));
        wb.put("xl/workbook.xml", ("<?xml version=\"1.0\"?><workbook>" + names + "<sheets/></workbook>")
                .getBytes(StandardCharsets.UTF_8));
        assertOnlyError(read(zip("names.xlsx", wb)), "error: names.xlsx: names.xlsx zip entry xl/workbook.xml uses more"
                + " than 10,000 distinct XML names, far more than any workbook needs; the file was not read");
    }

    @Test
    void anEncryptedXlsIsRefused() throws Exception {
        Path plain = Fixtures.xls(dir, "plain.xls", Fixtures.sheet("readings").row("site"));
        Path locked = dir.resolve("locked.xls");
        org.apache.poi.hssf.record.crypto.Biff8EncryptionKey.setCurrentUserPassword("secret");
        try (org.apache.poi.hssf.usermodel.HSSFWorkbook wb = new org.apache.poi.hssf.usermodel.HSSFWorkbook(
                Files.newInputStream(plain)); OutputStream out = Files.newOutputStream(locked)) {
            wb.write(out);
        } finally {
            org.apache.poi.hssf.record.crypto.Biff8EncryptionKey.setCurrentUserPassword(null);
        }
        assertOnlyError(read(locked), "error: locked.xls: locked.xls is password-protected; save it without a password"
                + " (File > Info > Protect Workbook) and import it again");
    }
}
