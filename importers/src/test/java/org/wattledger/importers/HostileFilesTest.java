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
import org.junit.jupiter.api.io.TempDir;
import org.wattledger.engine.model.Inventory;

/** Each hostile file ends in one clear error naming the file, and contributes nothing else. */
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
}
