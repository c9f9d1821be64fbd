package org.wattledger.importers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The byte-level sheet scanner gives exactly what the StAX reader gives, cell by cell. */
final class SheetScannerTest {
    @TempDir
    Path dir;

    private static List<String> rows(Path file, boolean scanned) {
        List<String> out = new ArrayList<>();
        try (XlsxWorkbook wb = XlsxWorkbook.open(file, ImportOptions.defaults())) {
            RowSink sink = new RowSink() {
                @Override
                public boolean row(CellRow row) {
                    StringBuilder sb = new StringBuilder("row " + row.number + ":");
                    for (int c = 0; c < row.width(); c++) {
                        if (row.kind(c) != CellRow.BLANK) {
                            sb.append(' ').append(SourceRefs.letter(c)).append('=').append(row.kind(c)).append('/')
                                    .append(row.format(c)).append('[').append(row.text(c)).append(']');
                        }
                    }
                    out.add(sb.toString());
                    return true;
                }

                @Override
                public void end(List<Merge> merges) {
                    out.add("merges " + merges);
                }
            };
            if (scanned) {
                wb.readSheetScanned(wb.sheets().get(0), sink);
            } else {
                wb.readSheetStax(wb.sheets().get(0), sink);
            }
        }
        return out;
    }

    /** A workbook at {@code p} whose one sheet is {@code sheetXml}. */
    private static Path workbook(Path p, String sheetXml) throws java.io.IOException {
        try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(Files.newOutputStream(p))) {
            for (Map.Entry<String, byte[]> e : HostileFilesTest.workbook(sheetXml).entrySet()) {
                z.putNextEntry(new java.util.zip.ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return p;
    }

    /** Column letters for the test output. */
    static final class SourceRefs {
        static String letter(int c) {
            return org.wattledger.engine.model.SourceRef.columnLetter(c);
        }
    }

    @Test
    void agreesWithStaxOnAPoiWorkbookWithEveryKindOfCell() throws Exception {
        Path p = dir.resolve("kinds.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet s = wb.createSheet("readings");
            Row r0 = s.createRow(0);
            r0.createCell(0).setCellValue("A & B <c> \"q\" 'a'");
            r0.createCell(1).setCellValue("北京 一号");
            r0.createCell(2).setCellValue(123456.7890123);
            r0.createCell(3).setCellValue(true);
            r0.createCell(4).setCellFormula("1/0");
            r0.createCell(5).setCellFormula("\"x\"&\"y\"");
            r0.createCell(30).setCellValue(-1.5e-7);
            XSSFRichTextString rich = new XSSFRichTextString("rich text");
            XSSFFont bold = wb.createFont();
            bold.setBold(true);
            rich.applyFont(0, 4, bold);
            s.createRow(3).createCell(2).setCellValue(rich);
            Row r4 = s.createRow(4);
            r4.createCell(0).setCellValue(java.time.LocalDateTime.of(2022, 1, 1, 1, 0));
            org.apache.poi.ss.usermodel.CellStyle st = wb.createCellStyle();
            st.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
            r4.getCell(0).setCellStyle(st);
            r4.createCell(1).setCellValue("  padded  ");
            s.addMergedRegion(org.apache.poi.ss.util.CellRangeAddress.valueOf("A6:A9"));
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
            try (OutputStream out = Files.newOutputStream(p)) {
                wb.write(out);
            }
        }
        List<String> stax = rows(p, false);
        assertEquals(stax, rows(p, true));
        assertEquals("row 1: A=1/0[A & B <c> \"q\" 'a'] B=1/0[北京 一号] C=2/0[123456.7890123] D=3/0[TRUE]"
                + " E=4/0[#DIV/0!] F=1/0[xy] AE=2/0[-1.5E-7]", stax.get(0));
    }

    @Test
    void agreesWithStaxOnInlineStringsFromAStreamingWriter() throws Exception {
        Path p = dir.resolve("inline.xlsx");
        try (SXSSFWorkbook wb = new SXSSFWorkbook(10)) {
            wb.setCompressTempFiles(false);
            Sheet s = wb.createSheet("readings");
            for (int i = 0; i < 50; i++) {
                Row r = s.createRow(i);
                r.createCell(0).setCellValue("site " + i + " & <x>");
                r.createCell(1).setCellValue(i * 0.1);
            }
            try (OutputStream out = Files.newOutputStream(p)) {
                wb.write(out);
            }
            wb.dispose();
        }
        List<String> scanned = rows(p, true);
        assertEquals(rows(p, false), scanned);
        // 50 rows, then the (empty) merges. Column B holds i × 0.1 as the writer's double: 3 × 0.1 is
        // 0.30000000000000004 in binary floating point, 49 × 0.1 is 4.9.
        assertEquals(51, scanned.size());
        assertEquals("row 1: A=1/0[site 0 & <x>] B=2/0[0.0]", scanned.get(0));
        assertEquals("row 4: A=1/0[site 3 & <x>] B=2/0[0.30000000000000004]", scanned.get(3));
        assertEquals("row 50: A=1/0[site 49 & <x>] B=2/0[4.9]", scanned.get(49));
        assertEquals("merges []", scanned.get(50));
    }

    @Test
    void agreesWithStaxOnHandWrittenXmlWithPrefixesCommentsCdataAndReferences() throws Exception {
        String sheet = "\uFEFF<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
                + "<!-- written by hand -->\n"
                + "<x:worksheet xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                + "<x:sheetPr><x:outlinePr summaryBelow='0'/></x:sheetPr><x:sheetData>\n"
                + "  <x:row r='1' spans=\"1:3\">\n"
                + "    <x:c r='A1' t='inlineStr'><x:is><x:r><x:t>Hel</x:t></x:r><x:r><x:t xml:space='preserve'>lo </x:t></x:r>"
                + "<x:rPh sb='0' eb='1'><x:t>ignored</x:t></x:rPh></x:is></x:c>\n"
                + "    <x:c r='B1'><x:v><![CDATA[12]]>.5</x:v></x:c>"
                + "<x:c r='C1' t='str'><x:f>CONCAT(\"&lt;\",\"&#x4E2D;\")</x:f><x:v>&lt;&#x4E2D;&#20013;</x:v></x:c>"
                + "<x:c r='D1' s='0'/>"
                + "<?pi ignored?><!-- c --></x:row>\n"
                + "  <x:row><x:c><x:v>7</x:v></x:c><x:c t='b'><x:v>1</x:v></x:c></x:row>"
                + "<x:row r='5'/>"
                + "</x:sheetData><x:mergeCells count='1'><x:mergeCell ref='A1:B2'/></x:mergeCells>"
                + "<x:extLst><x:ext uri='{x}'><x:c>not a cell</x:c></x:ext></x:extLst></x:worksheet>";
        Path p = workbook(dir.resolve("hand.xlsx"), sheet);
        List<String> scanned = rows(p, true);
        assertEquals(rows(p, false), scanned);
        assertEquals(List.of("row 1: A=1/0[Hello ] B=2/0[12.5] C=1/0[<中中]", "row 2: A=2/0[7] B=3/0[TRUE]",
                "merges [Merge[firstRow=0, firstColumn=0, lastRow=1, lastColumn=1]]"), scanned);
    }

    /**
     * The usual tags of a sheet's data are read by a shorter path (unprefixed {@code <row>} and
     * {@code <c>} with plain, double-quoted attribute values, and {@code <v>text</v></c>}); anything
     * else falls back to the general one. Both must give what StAX gives, wherever the reads split
     * the bytes.
     */
    @Test
    void agreesWithStaxOnExcelsOwnRowAndCellAttributesAndWhereverTheBytesSplit() throws Exception {
        String longText = "x".repeat(300);
        String sheet = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:x14ac=\"urn:x14ac\">"
                + "<sheetData>"
                // Excel's own row and cell attributes: multi-letter and prefixed ones passed over
                + "<row r=\"1\" spans=\"1:4\" ht=\"15\" customHeight=\"1\" x14ac:dyDescent=\"0.25\">"
                + "<c r=\"A1\" s=\"0\" t=\"str\" cm=\"1\"><v>site</v></c><c r=\"B1\" vm=\"2\"><v>1.5</v></c>"
                + "<c r=\"C1\" t=\"str\"><v>" + longText + "</v></c><c r=\"D1\"/></row>"
                // other spaces and quotes, an entity in an attribute, a cell without attributes, a row without r
                + "<row\tr='2'><c\nr=\"A2\"><v>2</v></c><c r=\"B2\" s=\"&#49;\"><v>3</v></c><c><v>4</v></c></row>"
                + "<row><c r=\"A3\" t=\"b\"><v>1</v></c><c r=\"B3\"><v>-1.5E-7</v></c>"
                // a value with an entity, a formula, and a long attribute value
                + "<c r=\"C3\" t=\"str\"><v>a &amp; b</v></c><c r=\"D3\"><f>1+1</f><v>2</v></c>"
                + "<c r=\"E3\" ph=\"" + longText + "\"><v>5</v></c></row>"
                + "<row r=\"5\"/><row r=\"6\" s=\"1\" customFormat=\"1\"><c r=\"A6\" s=\"1\"><v>44562.5</v></c></row>"
                // attributes after a newline, a tab or a CR; a style with a leading zero; t="n"; an empty value;
                // a reference with a '$'; a cell that only has a style
                + "<row r=\"7\"><c r=\"A7\"\ns=\"1\"><v>8</v></c><c r=\"B7\"\tt=\"n\"\rs=\"2\"><v>9</v></c>"
                + "<c r=\"C7\" s=\"01\"><v>10</v></c><c r=\"D7\" t=\"n\"><v></v></c><c r=\"$E$7\"><v>11</v></c>"
                + "<c r=\"H7\" s=\"3\"/></row>"
                // more than the short paths look ahead, so that they read every cell above
                + "</sheetData><!-- " + longText + " --></worksheet>";
        Path p = workbook(dir.resolve("attributes.xlsx"), sheet);
        List<String> scanned = rows(p, true);
        assertEquals(rows(p, false), scanned);
        assertEquals("row 1: A=1/0[site] B=2/0[1.5] C=1/0[" + longText + "]", scanned.get(0));
        assertEquals("row 2: A=2/0[2] B=2/0[3] C=2/0[4]", scanned.get(1));
        assertEquals("row 3: A=3/0[TRUE] B=2/0[-1.5E-7] C=1/0[a & b] D=2/0[2] E=2/0[5]", scanned.get(2));
        // the same cells whatever the sizes of the reads (one byte, seven bytes, or all at once) and whether
        // the handler takes the usual cells whole or through the general path
        byte[] xml = sheet.getBytes(StandardCharsets.UTF_8);
        List<String> general = cellsRead(new ByteArrayInputStream(xml), false);
        for (boolean whole : new boolean[] {false, true}) {
            assertEquals(general, cellsRead(new ByteArrayInputStream(xml), whole));
            assertEquals(general, cellsRead(new Trickle(xml, 1), whole));
            assertEquals(general, cellsRead(new Trickle(xml, 7), whole));
        }
        assertEquals(19, general.stream().filter(c -> c.startsWith("cell")).count()); // 4 + 3 + 5 + 0 + 1 + 6
        // the attribute after a newline is read, not passed over as a name with a newline in it
        assertTrue(general.contains("cell A7 null 1 [8] null false"), general.toString());
        assertTrue(general.contains("cell B7 n 2 [9] null false"), general.toString());
        assertTrue(general.contains("cell C7 null 01 [10] null false"), general.toString());
        // a cell beyond column XFD (four letters, AAAA = 18,279) is refused by every path, in the same words
        Path wide = workbook(dir.resolve("wide.xlsx"), sheet.replace("<c r=\"H7\"", "<c r=\"AAAA7\"><v>12</v></c><c r=\"H7\""));
        String stax = assertThrows(InputRejected.class, () -> rows(wide, false)).getMessage();
        assertTrue(stax.contains("'AAAA7' beyond column XFD"), stax);
        assertEquals(stax, assertThrows(InputRejected.class, () -> rows(wide, true)).getMessage());
        // a shared string the workbook does not have (it has no table at all), read whole or not: the same words
        Path missing = workbook(dir.resolve("missing.xlsx"), sheet.replace("<c r=\"H7\"",
                "<c r=\"G7\" t=\"s\"><v>12</v></c><c r=\"H7\""));
        String noString = assertThrows(InputRejected.class, () -> rows(missing, false)).getMessage();
        assertTrue(noString.contains("cell G7 refers to shared string 12 of 0"), noString);
        assertEquals(noString, assertThrows(InputRejected.class, () -> rows(missing, true)).getMessage());
    }

    /** An input stream that hands out at most {@code step} bytes per read. */
    private static final class Trickle extends ByteArrayInputStream {
        private final int step;

        Trickle(byte[] bytes, int step) {
            super(bytes);
            this.step = step;
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) {
            return super.read(b, off, Math.min(len, step));
        }
    }

    /**
     * Every row and cell the scanner hands over, with all it hands over, as text; cells handed
     * whole ({@code whole}) are written as the general path's would be.
     */
    private static List<String> cellsRead(java.io.InputStream in, boolean whole) {
        List<String> out = new ArrayList<>();
        new SheetScanner(in, 1 << 20).scan(new SheetScanner.Handler() {
            @Override
            public void startRow(String r) {
                out.add("row " + r);
            }

            @Override
            public void cell(String ref, String type, String style, String value, String inline, boolean formula) {
                out.add("cell " + ref + " " + type + " " + style + " [" + value + "] " + inline + " " + formula);
            }

            @Override
            public boolean wantsWholeCells() {
                return whole;
            }

            @Override
            public void wholeCell(int column, CharSequence ref, byte type, int style, byte[] bytes, int from, int to) {
                String r = ref == null ? null : ref.toString();
                assertEquals(r == null ? -1 : CellRef.columnOf(r), column);
                cell(r, type == 0 ? null : String.valueOf((char) type), style < 0 ? null : String.valueOf(style),
                        from < 0 ? null : new String(bytes, from, to - from, StandardCharsets.US_ASCII), null, false);
            }

            @Override
            public boolean wantsBytes() {
                return true;
            }

            @Override
            public boolean endRow() {
                out.add("end");
                return true;
            }

            @Override
            public void merge(String ref) {
                out.add("merge " + ref);
            }
        });
        return out;
    }

    @Test
    void agreesWithStaxOnTheBenchmarkShape() throws Exception {
        Path p = dir.resolve("gen.xlsx");
        Fixtures.SheetSpec spec = Fixtures.sheet("readings").row("site", "meter", "carrier", "unit", "from", "to",
                "quantity");
        for (int i = 0; i < 3000; i++) {
            spec.row("S" + (i % 7), "M" + (i % 13), "electricity", "kWh",
                    new Fixtures.DateTime("2022-01-01T00:00"), new Fixtures.DateTime("2022-01-01T01:00"), i * 1.25);
        }
        Fixtures.xlsx(dir, "gen.xlsx", spec);
        List<String> scanned = rows(p, true);
        assertEquals(rows(p, false), scanned);
        // Header + 3,000 rows + merges. 2022-01-01 is Excel serial 44562 (days since 1899-12-30), 01:00 adds
        // 1/24 = 0.041666…, written as the double 44562.041666666664 with the date style (3). The last row,
        // i = 2,999: S(2999 mod 7 = 3), M(2999 mod 13 = 9), 2,999 × 1.25 = 3,748.75.
        assertEquals(3002, scanned.size());
        assertEquals("row 1: A=1/0[site] B=1/0[meter] C=1/0[carrier] D=1/0[unit] E=1/0[from] F=1/0[to] G=1/0[quantity]",
                scanned.get(0));
        assertEquals("row 2: A=1/0[S0] B=1/0[M0] C=1/0[electricity] D=1/0[kWh] E=2/3[44562.0] F=2/3[44562.041666666664]"
                + " G=2/0[0.0]", scanned.get(1));
        assertEquals("row 3001: A=1/0[S3] B=1/0[M9] C=1/0[electricity] D=1/0[kWh] E=2/3[44562.0]"
                + " F=2/3[44562.041666666664] G=2/0[3748.75]", scanned.get(3000));
    }

    /** The t, s and value of each cell the scanner hands over, in order. */
    private static List<String[]> scannedCells(String xml) {
        List<String[]> cells = new ArrayList<>();
        new SheetScanner(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), 1 << 20).scan(
                new SheetScanner.Handler() {
                    @Override
                    public void startRow(String r) {
                    }

                    @Override
                    public void cell(String ref, String type, String style, String value, String inline,
                            boolean formula) {
                        cells.add(new String[] {type, style, value});
                    }

                    @Override
                    public boolean endRow() {
                        return true;
                    }

                    @Override
                    public void merge(String ref) {
                    }
                });
        return cells;
    }

    private static List<String> part(List<String[]> cells, int which) {
        List<String> out = new ArrayList<>();
        for (String[] c : cells) {
            out.add(c[which]);
        }
        return out;
    }

    @Test
    void aRepeatedTypeOrStyleIsReusedOnlyWhenItsBytesSpellTheLastValue() {
        // t and s of each cell in order: s/1, s/2 (same type, other style of the same length), &#115; = "s"
        // written as a reference, str (longer), s/12, and a style "12" written as &#49;&#50;.
        List<String[]> cells = scannedCells("<worksheet><sheetData><row r='1'>"
                + "<c r='A1' t='s' s='1'/><c r='B1' t='s' s='2'/><c r='C1' t='&#115;' s='1'/>"
                + "<c r='D1' t='str' s='1'/><c r='E1' t=\"s\" s='12'/><c r='F1' s='&#49;&#50;'/>"
                + "</row></sheetData></worksheet>");
        List<String> types = part(cells, 0);
        List<String> styles = part(cells, 1);
        assertEquals(java.util.Arrays.asList("s", "s", "s", "str", "s", null), types);
        assertEquals(List.of("1", "2", "1", "1", "12", "12"), styles);
        // B1 repeats A1's type: the same String, not a new one per cell; C1's reference had to be decoded
        assertSame(types.get(0), types.get(1));
        assertSame(styles.get(2), styles.get(3));
        assertNotSame(types.get(1), types.get(2));
    }

    @Test
    void aSmallWholeNumberValueIsMadeOnceAndAnyOtherTextIsKeptAsWritten() {
        // 7 and 07 are different texts (a leading zero is kept); 10000 has five digits; &#55; is "7" by reference
        List<String[]> cells = scannedCells("<worksheet><sheetData><row r='1'>"
                + "<c><v>7</v></c><c><v>07</v></c><c><v>7</v></c><c><v>0</v></c><c><v>9999</v></c>"
                + "<c><v>10000</v></c><c><v>&#55;</v></c><c><v>-7</v></c><c><v>7.5</v></c>"
                + "</row></sheetData></worksheet>");
        List<String> values = part(cells, 2);
        assertEquals(List.of("7", "07", "7", "0", "9999", "10000", "7", "-7", "7.5"), values);
        assertSame(values.get(0), values.get(2)); // the second "7" is the first's String
    }

    @Test
    void refusesADoctypeAndUndeclaredEntities() {
        SheetScanner.Handler none = new SheetScanner.Handler() {
            @Override
            public void startRow(String r) {
            }

            @Override
            public void cell(String ref, String type, String style, String value, String inline, boolean formula) {
            }

            @Override
            public boolean endRow() {
                return true;
            }

            @Override
            public void merge(String ref) {
            }
        };
        String dtd = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e \"boom\">]><worksheet><sheetData/></worksheet>";
        InputRejected e1 = assertThrows(InputRejected.class, () -> new SheetScanner(
                new ByteArrayInputStream(dtd.getBytes(StandardCharsets.UTF_8)), 1 << 20).scan(none));
        assertEquals("contains a DTD or an entity declaration, which workbooks never need; the file was not read"
                + " (XML entity expansion and external entities are refused)", e1.getMessage());
        String entity = "<worksheet><sheetData><row><c><v>&e;</v></c></row></sheetData></worksheet>";
        assertThrows(InputRejected.class, () -> new SheetScanner(
                new ByteArrayInputStream(entity.getBytes(StandardCharsets.UTF_8)), 1 << 20).scan(none));
        String utf16 = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><worksheet/>";
        assertThrows(SheetScanner.NotUtf8.class, () -> new SheetScanner(
                new ByteArrayInputStream(utf16.getBytes(StandardCharsets.UTF_8)), 1 << 20).scan(none));
        String cut = "<worksheet><sheetData><row><c r=\"A1\"><v>1";
        InputRejected e2 = assertThrows(InputRejected.class, () -> new SheetScanner(
                new ByteArrayInputStream(cut.getBytes(StandardCharsets.UTF_8)), 1 << 20).scan(none));
        assertEquals("has damaged XML (the sheet ends inside a cell value); the file was not read", e2.getMessage());
    }
}
