package org.wattledger.reports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.wattledger.engine.model.SourceRef;

/**
 * Writes an Office Open XML workbook (.xlsx, ECMA-376 SpreadsheetML) straight as XML text: the
 * few parts and features the workbook report uses (shared strings, a fixed style sheet, numbers,
 * dates, formulas with cached values, a frozen header row, column widths, an autofilter, print
 * titles and a one-page-wide print setup). Apache POI built the same workbook through an XML
 * object model whose first use cost about 1.3 s of CPU in a fresh JVM, half of the demo's wall
 * time on two cores (docs/benchmarks.md, "Issue 10: the demo's outputs").
 *
 * <p>Each sheet is filled top to bottom, each row left to right (sheets in any order); the text
 * of a sheet is kept until {@link #toBytes}, which zips every part with one fixed timestamp, so
 * identical calls give identical bytes.
 */
final class XlsxWriter {
    /** The cell styles of the fixed style sheet, by their index in {@code cellXfs}. */
    static final int DEFAULT = 0;
    static final int HEADER = 1;
    static final int TEXT = 2;
    static final int BOLD = 3;
    static final int PERCENT = 4;
    static final int INTEGER = 5;
    static final int DAY = 6;
    static final int MONTH = 7;
    /** {@code #,##0} with 0 to {@value #MAX_PLACES} decimal places: style {@code FIRST_DECIMALS + places}. */
    private static final int FIRST_DECIMALS = 8;
    static final int MAX_PLACES = 15;

    /** Custom number formats get ids from 164 on (0 to 163 are the built-in ones). */
    private static final int FIRST_CUSTOM_FORMAT = 164;
    /** Characters a sheet name cannot hold (Excel refuses them), and its longest length. */
    private static final String SHEET_NAME_FORBIDDEN = "[]:*?/\\";
    private static final int MAX_SHEET_NAME = 31;

    private static final String MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static final String REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static final String PACKAGE_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
    private static final String XML_DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

    private final String fontName;
    private final List<Sheet> sheets = new ArrayList<>();
    private final Map<String, Integer> stringIndex = new HashMap<>();
    private final List<String> strings = new ArrayList<>();
    private int stringReferences;

    /** A workbook whose cells are written in {@code fontName} (11 pt). */
    XlsxWriter(String fontName) {
        this.fontName = fontName;
    }

    /** The style of a number with {@code places} decimal places and thousands separators. */
    static int decimals(int places) {
        if (places < 0 || places > MAX_PLACES) {
            throw new IllegalArgumentException("decimal places are 0 to " + MAX_PLACES + ", not " + places);
        }
        return FIRST_DECIMALS + places;
    }

    /** Adds an empty sheet after the others. */
    Sheet addSheet(String name) {
        checkSheetName(name);
        for (Sheet s : sheets) {
            if (s.name.equalsIgnoreCase(name)) {
                throw new IllegalArgumentException("the workbook already has a sheet named '" + s.name + "'");
            }
        }
        Sheet sheet = new Sheet(name, sheets.size());
        sheets.add(sheet);
        return sheet;
    }

    /** The sheet of that name. */
    Sheet sheet(String name) {
        for (Sheet s : sheets) {
            if (s.name.equals(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException("the workbook has no sheet named '" + name + "'");
    }

    private static void checkSheetName(String name) {
        if (name.isEmpty() || name.length() > MAX_SHEET_NAME || name.startsWith("'") || name.endsWith("'")) {
            throw new IllegalArgumentException("'" + name + "' cannot name a sheet (1 to 31 characters, no quote"
                    + " at either end)");
        }
        for (char c : name.toCharArray()) {
            if (SHEET_NAME_FORBIDDEN.indexOf(c) >= 0) {
                throw new IllegalArgumentException("'" + name + "' cannot name a sheet: it holds '" + c + "'");
            }
        }
    }

    /**
     * A sheet's name as a reference names it: quoted (quotes doubled) unless it is ASCII letters and
     * _ only (a name with a digit might read as a cell, as A1 or R1C1 do).
     */
    static String sheetReference(String name) {
        boolean plain = true;
        for (char c : name.toCharArray()) {
            plain &= (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
        }
        return plain ? name : "'" + name.replace("'", "''") + "'";
    }

    /** One worksheet being filled. */
    final class Sheet {
        private final String name;
        private final int index;
        private final StringBuilder data = new StringBuilder(1024);
        private int[] widths = new int[0];
        private boolean frozenHeader;
        private boolean printOnePageWide;
        /** The autofilter's last row and column (0-based), or -1 for none. */
        private int filterLastRow = -1;
        private int filterLastColumn = -1;
        private int lastRow = -1;
        private int lastColumn = -1;
        private boolean rowOpen;
        private int rowCells;
        private int nextColumn;

        private Sheet(String name, int index) {
            this.name = name;
            this.index = index;
        }

        /** Starts row {@code row} (0-based), after every row started before it. */
        Sheet row(int row) {
            if (row <= lastRow) {
                throw new IllegalStateException("row " + (row + 1) + " of sheet " + name + " comes after row "
                        + (lastRow + 1));
            }
            closeRow();
            data.append("<row r=\"").append(row + 1).append('"');
            rowOpen = true;
            rowCells = 0;
            nextColumn = 0;
            lastRow = row;
            return this;
        }

        private void closeRow() {
            if (rowOpen) {
                data.append(rowCells == 0 ? "/>" : "</row>");
                rowOpen = false;
            }
        }

        /** Opens a cell of the current row: {@code <c r="B7" s="2"}, its type attribute still to come. */
        private void openCell(int column, int style) {
            if (!rowOpen || column < nextColumn) {
                throw new IllegalStateException("cell " + SourceRef.columnLetter(column) + (lastRow + 1) + " of sheet "
                        + name + " is written out of order");
            }
            if (rowCells++ == 0) {
                data.append('>');
            }
            nextColumn = column + 1;
            lastColumn = Math.max(lastColumn, column);
            data.append("<c r=\"").append(SourceRef.columnLetter(column)).append(lastRow + 1).append("\" s=\"")
                    .append(style).append('"');
        }

        /** A text cell (shared in the workbook's string table). */
        Sheet text(int column, String value, int style) {
            openCell(column, style);
            data.append(" t=\"s\"><v>").append(sharedString(value)).append("</v></c>");
            return this;
        }

        /** A number cell; a spreadsheet holds no infinity and no NaN. */
        Sheet number(int column, double value, int style) {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("a number cell cannot hold " + value);
            }
            openCell(column, style);
            data.append("><v>").append(value).append("</v></c>");
            return this;
        }

        /** A formula cell with its value cached, so a reader that does not recalculate shows it too. */
        Sheet formula(int column, String formula, double cached, int style) {
            if (!Double.isFinite(cached)) {
                throw new IllegalArgumentException("a formula cell cannot cache " + cached);
            }
            openCell(column, style);
            data.append("><f>");
            escape(formula, data, false);
            data.append("</f><v>").append(cached).append("</v></c>");
            return this;
        }

        /** A calendar day as a date serial of the 1900 date system (days from 1899-12-30). */
        Sheet date(int column, LocalDate value, int style) {
            return number(column, dateSerial(value), style);
        }

        /** Column widths in characters, from column A on. */
        void columnWidths(int[] characters) {
            widths = characters.clone();
        }

        /** Freezes the first row, so the header stays in view. */
        void freezeHeader() {
            frozenHeader = true;
        }

        /** An autofilter over A1 to ({@code lastRow}, {@code lastColumn}), both 0-based. */
        void autoFilter(int lastRow, int lastColumn) {
            filterLastRow = lastRow;
            filterLastColumn = lastColumn;
        }

        /** Prints landscape on A4, one page wide and as many pages down as needed, the first row on each. */
        void printOnePageWide() {
            printOnePageWide = true;
        }

        private String filterRange() {
            return "$A$1:$" + SourceRef.columnLetter(filterLastColumn) + "$" + (filterLastRow + 1);
        }

        private byte[] xml() {
            closeRow();
            StringBuilder x = new StringBuilder(data.length() + 1024);
            x.append(XML_DECLARATION).append("<worksheet xmlns=\"").append(MAIN_NS).append("\">");
            if (printOnePageWide) {
                x.append("<sheetPr><pageSetUpPr fitToPage=\"1\" autoPageBreaks=\"1\"/></sheetPr>");
            }
            x.append("<dimension ref=\"A1");
            if (lastRow > 0 || lastColumn > 0) {
                x.append(':').append(SourceRef.columnLetter(Math.max(lastColumn, 0))).append(Math.max(lastRow, 0) + 1);
            }
            x.append("\"/><sheetViews><sheetView workbookViewId=\"0\"");
            x.append(index == 0 ? " tabSelected=\"1\">" : ">");
            if (frozenHeader) {
                x.append("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
                        + "<selection pane=\"bottomLeft\"/>");
            }
            x.append("</sheetView></sheetViews><sheetFormatPr defaultRowHeight=\"15\"/>");
            if (widths.length > 0) {
                x.append("<cols>");
                for (int c = 0; c < widths.length; c++) {
                    x.append("<col min=\"").append(c + 1).append("\" max=\"").append(c + 1).append("\" width=\"")
                            .append(widths[c]).append("\" customWidth=\"1\"/>");
                }
                x.append("</cols>");
            }
            x.append("<sheetData>").append(data).append("</sheetData>");
            if (filterLastRow >= 0) {
                x.append("<autoFilter ref=\"").append(filterRange().replace("$", "")).append("\"/>");
            }
            x.append("<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\""
                    + " footer=\"0.3\"/>");
            if (printOnePageWide) {
                x.append("<pageSetup paperSize=\"9\" fitToWidth=\"1\" fitToHeight=\"0\" orientation=\"landscape\"/>");
            }
            x.append("</worksheet>");
            return x.toString().getBytes(StandardCharsets.UTF_8);
        }
    }

    /** Days from 1899-12-30, as the 1900 date system counts from 1900-03-01 on. */
    static double dateSerial(LocalDate day) {
        if (day.isBefore(FIRST_SERIAL_DAY)) {
            // before March 1900 the 1900 system counts a 29 February 1900 that never was
            throw new IllegalArgumentException(day + " is before 1900-03-01, which a workbook date cannot name exactly");
        }
        return day.toEpochDay() - SERIAL_ZERO.toEpochDay();
    }

    private static final LocalDate SERIAL_ZERO = LocalDate.of(1899, 12, 30);
    static final LocalDate FIRST_SERIAL_DAY = LocalDate.of(1900, 3, 1);

    private int sharedString(String value) {
        stringReferences++;
        Integer known = stringIndex.get(value);
        if (known != null) {
            return known;
        }
        int index = strings.size();
        strings.add(value);
        stringIndex.put(value, index);
        return index;
    }

    /**
     * XML text for a cell or attribute: markup characters as entities, and the characters XML 1.0
     * cannot carry (control characters, carriage returns, unpaired surrogates) as SpreadsheetML's
     * {@code _xHHHH_} escapes, with a literal {@code _xHHHH_} kept by escaping its underscore.
     */
    static void escape(String text, StringBuilder out, boolean attribute) {
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append(attribute ? "&quot;" : "\"");
                case '_' -> out.append(looksEscaped(text, i) ? "_x005F_" : "_");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                        out.append(c).append(text.charAt(++i));
                    } else if (c == '\t' || c == '\n' || (c >= 0x20 && c < 0xD800) || (c >= 0xE000 && c <= 0xFFFD)) {
                        out.append(c);
                    } else {
                        out.append("_x").append(String.format("%04X", (int) c)).append('_');
                    }
                }
            }
        }
    }

    /** Whether {@code _xHHHH_} starts at {@code i}: a reader would decode it, so its underscore is escaped. */
    private static boolean looksEscaped(String text, int i) {
        if (i + 7 > text.length() || text.charAt(i + 1) != 'x' || text.charAt(i + 6) != '_') {
            return false;
        }
        for (int k = i + 2; k < i + 6; k++) {
            if (Character.digit(text.charAt(k), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    private static String escaped(String text, boolean attribute) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        escape(text, out, attribute);
        return out.toString();
    }

    /**
     * The package's bytes: every part deflated, stamped with {@code time}; the document properties
     * name {@code creator}, {@code title} and {@code time} as created and modified.
     */
    byte[] toBytes(LocalDateTime time, String creator, String title) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setLevel(Deflater.DEFAULT_COMPRESSION);
            part(zip, "[Content_Types].xml", contentTypes(), time);
            part(zip, "_rels/.rels", packageRelationships(), time);
            part(zip, "docProps/app.xml", XML_DECLARATION + "<Properties xmlns=\"http://schemas.openxmlformats.org/"
                    + "officeDocument/2006/extended-properties\"><Application>wattledger</Application></Properties>", time);
            part(zip, "docProps/core.xml", coreProperties(time, creator, title), time);
            part(zip, "xl/workbook.xml", workbook(), time);
            part(zip, "xl/_rels/workbook.xml.rels", workbookRelationships(), time);
            part(zip, "xl/styles.xml", styles(), time);
            for (Sheet s : sheets) {
                part(zip, "xl/worksheets/sheet" + (s.index + 1) + ".xml", s.xml(), time);
            }
            part(zip, "xl/sharedStrings.xml", sharedStrings(), time);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void part(ZipOutputStream zip, String name, String xml, LocalDateTime time) throws IOException {
        part(zip, name, xml.getBytes(StandardCharsets.UTF_8), time);
    }

    private static void part(ZipOutputStream zip, String name, byte[] xml, LocalDateTime time) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTimeLocal(time);
        zip.putNextEntry(entry);
        zip.write(xml);
        zip.closeEntry();
    }

    private String contentTypes() {
        StringBuilder x = new StringBuilder(XML_DECLARATION)
                .append("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">")
                .append("<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>")
                .append("<Default Extension=\"xml\" ContentType=\"application/xml\"/>");
        override(x, "/xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml");
        for (Sheet s : sheets) {
            override(x, "/xl/worksheets/sheet" + (s.index + 1) + ".xml",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml");
        }
        override(x, "/xl/styles.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml");
        override(x, "/xl/sharedStrings.xml",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml");
        override(x, "/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml");
        override(x, "/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml");
        return x.append("</Types>").toString();
    }

    private static void override(StringBuilder x, String part, String type) {
        x.append("<Override PartName=\"").append(part).append("\" ContentType=\"").append(type).append("\"/>");
    }

    private static String packageRelationships() {
        return XML_DECLARATION + "<Relationships xmlns=\"" + PACKAGE_REL_NS + "\">"
                + "<Relationship Id=\"rId1\" Type=\"" + REL_NS + "/officeDocument\" Target=\"xl/workbook.xml\"/>"
                + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/"
                + "metadata/core-properties\" Target=\"docProps/core.xml\"/>"
                + "<Relationship Id=\"rId3\" Type=\"" + REL_NS + "/extended-properties\" Target=\"docProps/app.xml\"/>"
                + "</Relationships>";
    }

    private static String coreProperties(LocalDateTime time, String creator, String title) {
        String stamp = time.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME) + "Z";
        return XML_DECLARATION + "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/"
                + "metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms="
                + "\"http://purl.org/dc/terms/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
                + "<dc:title>" + escaped(title, false) + "</dc:title><dc:creator>" + escaped(creator, false)
                + "</dc:creator><dcterms:created xsi:type=\"dcterms:W3CDTF\">" + stamp + "</dcterms:created>"
                + "<dcterms:modified xsi:type=\"dcterms:W3CDTF\">" + stamp + "</dcterms:modified></cp:coreProperties>";
    }

    /** The sheets (relationship ids rId1 up, in order) and, per sheet, its filter and print-title names. */
    private String workbook() {
        StringBuilder x = new StringBuilder(XML_DECLARATION).append("<workbook xmlns=\"").append(MAIN_NS)
                .append("\" xmlns:r=\"").append(REL_NS).append("\"><workbookPr date1904=\"0\"/>")
                .append("<bookViews><workbookView activeTab=\"0\"/></bookViews><sheets>");
        for (Sheet s : sheets) {
            x.append("<sheet name=\"").append(escaped(s.name, true)).append("\" sheetId=\"").append(s.index + 1)
                    .append("\" r:id=\"rId").append(s.index + 1).append("\"/>");
        }
        x.append("</sheets>");
        StringBuilder names = new StringBuilder();
        for (Sheet s : sheets) {
            String ref = escaped(sheetReference(s.name), false);
            if (s.filterLastRow >= 0) {
                names.append("<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"").append(s.index)
                        .append("\" hidden=\"1\">").append(ref).append('!').append(s.filterRange()).append("</definedName>");
            }
            if (s.printOnePageWide) {
                names.append("<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"").append(s.index).append("\">")
                        .append(ref).append("!$1:$1</definedName>");
            }
        }
        if (names.length() > 0) {
            x.append("<definedNames>").append(names).append("</definedNames>");
        }
        return x.append("</workbook>").toString();
    }

    private String workbookRelationships() {
        StringBuilder x = new StringBuilder(XML_DECLARATION).append("<Relationships xmlns=\"").append(PACKAGE_REL_NS)
                .append("\">");
        for (Sheet s : sheets) {
            x.append("<Relationship Id=\"rId").append(s.index + 1).append("\" Type=\"").append(REL_NS)
                    .append("/worksheet\" Target=\"worksheets/sheet").append(s.index + 1).append(".xml\"/>");
        }
        int next = sheets.size() + 1;
        x.append("<Relationship Id=\"rId").append(next).append("\" Type=\"").append(REL_NS)
                .append("/styles\" Target=\"styles.xml\"/>");
        x.append("<Relationship Id=\"rId").append(next + 1).append("\" Type=\"").append(REL_NS)
                .append("/sharedStrings\" Target=\"sharedStrings.xml\"/>");
        return x.append("</Relationships>").toString();
    }

    /**
     * The fixed style sheet: fonts regular and bold in the workbook's font; fills none, gray125
     * (the two every workbook starts with) and the header's grey; no border or a thin bottom one;
     * and the cell styles named by this class's constants, in that order.
     */
    private String styles() {
        StringBuilder x = new StringBuilder(XML_DECLARATION).append("<styleSheet xmlns=\"").append(MAIN_NS).append("\">");
        x.append("<numFmts count=\"").append(MAX_PLACES + 1).append("\">");
        x.append("<numFmt numFmtId=\"").append(FIRST_CUSTOM_FORMAT).append("\" formatCode=\"yyyy-mm-dd\"/>");
        x.append("<numFmt numFmtId=\"").append(FIRST_CUSTOM_FORMAT + 1).append("\" formatCode=\"yyyy-mm\"/>");
        for (int places = 1; places <= MAX_PLACES; places++) {
            if (places != 2) {
                x.append("<numFmt numFmtId=\"").append(decimalsFormat(places)).append("\" formatCode=\"#,##0.")
                        .append("0".repeat(places)).append("\"/>");
            }
        }
        String font = escaped(fontName, true);
        x.append("</numFmts><fonts count=\"2\">")
                .append("<font><sz val=\"11\"/><name val=\"").append(font).append("\"/><family val=\"2\"/></font>")
                .append("<font><b/><sz val=\"11\"/><name val=\"").append(font).append("\"/><family val=\"2\"/></font>")
                .append("</fonts><fills count=\"3\"><fill><patternFill patternType=\"none\"/></fill>")
                .append("<fill><patternFill patternType=\"gray125\"/></fill>")
                .append("<fill><patternFill patternType=\"solid\"><fgColor indexed=\"22\"/><bgColor indexed=\"64\"/>")
                .append("</patternFill></fill></fills>")
                .append("<borders count=\"2\"><border><left/><right/><top/><bottom/><diagonal/></border>")
                .append("<border><left/><right/><top/><bottom style=\"thin\"><color indexed=\"64\"/></bottom><diagonal/>")
                .append("</border></borders>")
                .append("<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>");
        x.append("<cellXfs count=\"").append(FIRST_DECIMALS + MAX_PLACES + 1).append("\">");
        xf(x, 0, 0, 0, 0, "");                                        // DEFAULT
        x.append("<xf numFmtId=\"0\" fontId=\"1\" fillId=\"2\" borderId=\"1\" xfId=\"0\" applyFont=\"1\" applyFill=\"1\""
                + " applyBorder=\"1\" applyAlignment=\"1\"><alignment wrapText=\"1\"/></xf>"); // HEADER
        xf(x, 0, 0, 0, 0, "");                                        // TEXT
        xf(x, 0, 1, 0, 0, " applyFont=\"1\"");                        // BOLD
        xf(x, 10, 0, 0, 0, " applyNumberFormat=\"1\"");               // PERCENT: 0.00%
        xf(x, 1, 0, 0, 0, " applyNumberFormat=\"1\"");                // INTEGER: 0
        xf(x, FIRST_CUSTOM_FORMAT, 0, 0, 0, " applyNumberFormat=\"1\"");     // DAY
        xf(x, FIRST_CUSTOM_FORMAT + 1, 0, 0, 0, " applyNumberFormat=\"1\""); // MONTH
        for (int places = 0; places <= MAX_PLACES; places++) {
            xf(x, decimalsFormat(places), 0, 0, 0, " applyNumberFormat=\"1\"");
        }
        return x.append("</cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/>"
                + "</cellStyles></styleSheet>").toString();
    }

    /** {@code #,##0} is built-in format 3 and {@code #,##0.00} format 4; the others are custom. */
    private static int decimalsFormat(int places) {
        return switch (places) {
            case 0 -> 3;
            case 2 -> 4;
            default -> FIRST_CUSTOM_FORMAT + 1 + places - (places > 2 ? 1 : 0);
        };
    }

    private static void xf(StringBuilder x, int format, int font, int fill, int border, String applies) {
        x.append("<xf numFmtId=\"").append(format).append("\" fontId=\"").append(font).append("\" fillId=\"")
                .append(fill).append("\" borderId=\"").append(border).append("\" xfId=\"0\"").append(applies).append("/>");
    }

    private byte[] sharedStrings() {
        StringBuilder x = new StringBuilder(XML_DECLARATION.length() + strings.size() * 24);
        x.append(XML_DECLARATION).append("<sst xmlns=\"").append(MAIN_NS).append("\" count=\"").append(stringReferences)
                .append("\" uniqueCount=\"").append(strings.size()).append("\">");
        for (String s : strings) {
            boolean edges = !s.isEmpty() && (Character.isWhitespace(s.charAt(0))
                    || Character.isWhitespace(s.charAt(s.length() - 1)));
            x.append(edges ? "<si><t xml:space=\"preserve\">" : "<si><t>");
            escape(s, x, false);
            x.append("</t></si>");
        }
        return x.append("</sst>").toString().getBytes(StandardCharsets.UTF_8);
    }
}
