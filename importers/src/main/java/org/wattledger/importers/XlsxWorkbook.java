package org.wattledger.importers;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A streaming .xlsx reader: one pass of Aalto StAX over each sheet's XML, straight from the zip,
 * in memory bounded by the shared-strings table (itself capped) and one row. Cells are handed on
 * as their raw stored text. Every zip entry is read through a {@link GuardedInputStream}; DTDs are
 * refused (no entity expansion, no external entities).
 */
final class XlsxWorkbook implements Closeable {
    private static final XMLInputFactory XML = xmlFactory();

    /** A sheet listed in the workbook. */
    record SheetInfo(String name, boolean hidden, String part) {
    }

    private final ZipFile zip;
    private final ImportOptions options;
    private final long[] inflatedTotal = {0};
    private final List<SheetInfo> sheets = new ArrayList<>();
    private final String workbookPart;
    private boolean date1904;
    private String sharedStringsPart;
    private String stylesPart;
    private String[] sharedStrings;
    private byte[] styleFormats = new byte[0];
    private final long fileSize;
    private LongConsumer fileProgress;

    private XlsxWorkbook(ZipFile zip, ImportOptions options, long fileSize) {
        this.zip = zip;
        this.options = options;
        this.fileSize = fileSize;
        this.workbookPart = officeDocumentPart();
    }

    private static XMLInputFactory xmlFactory() {
        XMLInputFactory f = new com.fasterxml.aalto.stax.InputFactoryImpl();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, Boolean.FALSE);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, Boolean.FALSE);
        return f;
    }

    /** Opens the workbook and reads its sheet list, styles and date system (not yet the shared strings). */
    static XlsxWorkbook open(Path file, ImportOptions options) {
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile());
        } catch (ZipException e) {
            throw new InputRejected("is a damaged zip archive (" + e.getMessage()
                    + "); an .xlsx workbook is a zip archive, so the file was not read");
        } catch (IOException e) {
            throw new InputRejected("cannot be read: " + e.getMessage());
        }
        try {
            XlsxWorkbook wb = new XlsxWorkbook(zip, options, file.toFile().length());
            wb.checkDirectory();
            wb.readWorkbook();
            if (wb.stylesPart != null) {
                wb.readStyles();
            }
            return wb;
        } catch (RuntimeException e) {
            closeQuietly(zip);
            throw e;
        }
    }

    void onProgress(LongConsumer fileBytesDone) {
        this.fileProgress = fileBytesDone;
    }

    List<SheetInfo> sheets() {
        return sheets;
    }

    boolean date1904() {
        return date1904;
    }

    /** Declared sizes first: a zip directory that admits to a bomb is refused before anything is inflated. */
    private void checkDirectory() {
        int n = 0;
        long declared = 0;
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
            ZipEntry e = entries.nextElement();
            if (++n > options.maxZipEntries()) {
                throw new InputRejected("has more than " + options.maxZipEntries()
                        + " zip entries; the file was not read");
            }
            long size = e.getSize();
            long compressed = e.getCompressedSize();
            if (size > options.maxEntryBytes()) {
                throw new InputRejected("zip entry " + e.getName() + " declares " + size + " bytes, more than "
                        + options.maxEntryBytes() + "; the file was not read (a zip bomb?)");
            }
            if (size > (1L << 20) && compressed > 0 && size > compressed * options.maxInflationRatio()) {
                throw new InputRejected("zip entry " + e.getName() + " inflates to more than "
                        + options.maxInflationRatio() + " times its compressed size; the file was not read (a zip bomb?)");
            }
            declared += Math.max(size, 0);
        }
        if (declared > options.maxTotalInflatedBytes()) {
            throw new InputRejected("the workbook declares " + declared + " bytes inflated, more than "
                    + options.maxTotalInflatedBytes() + "; the file was not read (a zip bomb?)");
        }
    }

    private String officeDocumentPart() {
        if (zip.getEntry("_rels/.rels") != null) {
            for (String[] rel : relationships("_rels/.rels")) {
                if (rel[1].endsWith("/officeDocument")) {
                    return resolve("", rel[2]);
                }
            }
        }
        if (zip.getEntry("xl/workbook.xml") != null) {
            return "xl/workbook.xml";
        }
        throw new InputRejected("is a zip archive but not an Excel workbook (it has no workbook part)");
    }

    /** Relationships of a part: {id, type, target}. */
    private List<String[]> relationships(String relsPart) {
        List<String[]> out = new ArrayList<>();
        try (Part p = part(relsPart)) {
            XMLStreamReader x = p.xml;
            while (next(x) != XMLStreamConstants.END_DOCUMENT) {
                if (x.getEventType() == XMLStreamConstants.START_ELEMENT && "Relationship".equals(x.getLocalName())) {
                    String id = x.getAttributeValue(null, "Id");
                    String type = x.getAttributeValue(null, "Type");
                    String target = x.getAttributeValue(null, "Target");
                    String mode = x.getAttributeValue(null, "TargetMode");
                    if (id != null && type != null && target != null && !"External".equals(mode)) {
                        out.add(new String[] {id, type, target});
                    }
                }
            }
        }
        return out;
    }

    private void readWorkbook() {
        List<String[]> declared = new ArrayList<>();
        try (Part p = part(workbookPart)) {
            XMLStreamReader x = p.xml;
            while (next(x) != XMLStreamConstants.END_DOCUMENT) {
                if (x.getEventType() != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                String name = x.getLocalName();
                if ("workbookPr".equals(name)) {
                    String d = x.getAttributeValue(null, "date1904");
                    date1904 = "1".equals(d) || "true".equalsIgnoreCase(d);
                } else if ("sheet".equals(name)) {
                    String rid = null;
                    for (int i = 0; i < x.getAttributeCount(); i++) {
                        String ns = x.getAttributeNamespace(i);
                        if ("id".equals(x.getAttributeLocalName(i)) && ns != null && !ns.isEmpty()) {
                            rid = x.getAttributeValue(i);
                        }
                    }
                    String state = x.getAttributeValue(null, "state");
                    declared.add(new String[] {x.getAttributeValue(null, "name"), rid, state});
                }
            }
        }
        String relsPart = relsPartOf(workbookPart);
        Map<String, String[]> rels = new HashMap<>();
        if (zip.getEntry(relsPart) != null) {
            for (String[] rel : relationships(relsPart)) {
                rels.put(rel[0], rel);
                if (rel[1].endsWith("/sharedStrings")) {
                    sharedStringsPart = resolve(folderOf(workbookPart), rel[2]);
                } else if (rel[1].endsWith("/styles")) {
                    stylesPart = resolve(folderOf(workbookPart), rel[2]);
                }
            }
        }
        for (String[] s : declared) {
            String[] rel = s[1] == null ? null : rels.get(s[1]);
            if (s[0] == null || rel == null || !rel[1].endsWith("/worksheet")) {
                continue; // chart sheets, dialog sheets, macro sheets: no cells to read
            }
            String part = resolve(folderOf(workbookPart), rel[2]);
            boolean hidden = "hidden".equals(s[2]) || "veryHidden".equals(s[2]);
            sheets.add(new SheetInfo(s[0], hidden, part));
        }
    }

    private void readStyles() {
        if (zip.getEntry(stylesPart) == null) {
            return;
        }
        Map<Integer, Byte> custom = new HashMap<>();
        List<Byte> xfs = new ArrayList<>();
        try (Part p = part(stylesPart)) {
            XMLStreamReader x = p.xml;
            boolean inCellXfs = false;
            while (next(x) != XMLStreamConstants.END_DOCUMENT) {
                int ev = x.getEventType();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    String name = x.getLocalName();
                    if ("numFmt".equals(name)) {
                        Integer id = parseIntOrNull(x.getAttributeValue(null, "numFmtId"));
                        if (id != null) {
                            custom.put(id, NumberFormats.classify(x.getAttributeValue(null, "formatCode")));
                        }
                    } else if ("cellXfs".equals(name)) {
                        inCellXfs = true;
                    } else if ("xf".equals(name) && inCellXfs) {
                        Integer id = parseIntOrNull(x.getAttributeValue(null, "numFmtId"));
                        int fmt = id == null ? 0 : id;
                        xfs.add(custom.containsKey(fmt) ? custom.get(fmt) : NumberFormats.builtIn(fmt));
                        if (xfs.size() > 65_536) {
                            throw new InputRejected("has more than 65,536 cell styles; the file was not read");
                        }
                    }
                } else if (ev == XMLStreamConstants.END_ELEMENT && "cellXfs".equals(x.getLocalName())) {
                    inCellXfs = false;
                }
            }
        }
        styleFormats = new byte[xfs.size()];
        for (int i = 0; i < styleFormats.length; i++) {
            styleFormats[i] = xfs.get(i);
        }
    }

    private void loadSharedStrings() {
        if (sharedStrings != null) {
            return;
        }
        if (sharedStringsPart == null || zip.getEntry(sharedStringsPart) == null) {
            sharedStrings = new String[0];
            return;
        }
        List<String> out = new ArrayList<>();
        long chars = 0;
        try (Part p = part(sharedStringsPart)) {
            XMLStreamReader x = p.xml;
            StringBuilder sb = new StringBuilder();
            while (next(x) != XMLStreamConstants.END_DOCUMENT) {
                if (x.getEventType() != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                String name = x.getLocalName();
                if ("sst".equals(name)) {
                    Integer unique = parseIntOrNull(x.getAttributeValue(null, "uniqueCount"));
                    if (unique != null && unique > options.maxSharedStrings()) {
                        throw tooManyStrings();
                    }
                } else if ("si".equals(name)) {
                    sb.setLength(0);
                    richText(x, "si", sb);
                    chars += sb.length();
                    if (out.size() >= options.maxSharedStrings()) {
                        throw tooManyStrings();
                    }
                    if (chars > options.maxSharedStringChars()) {
                        throw new InputRejected("has a shared-strings table of more than "
                                + options.maxSharedStringChars() + " characters; the file was not read");
                    }
                    out.add(sb.toString());
                }
            }
        }
        sharedStrings = out.toArray(new String[0]);
    }

    private InputRejected tooManyStrings() {
        return new InputRejected("has a shared-strings table of more than " + options.maxSharedStrings()
                + " strings; the file was not read");
    }

    /** Appends the text of {@code <t>} elements inside the current element, leaving out phonetic runs. */
    private static void richText(XMLStreamReader x, String end, StringBuilder sb) {
        int depth = 1;
        while (depth > 0) {
            int ev = next(x);
            if (ev == XMLStreamConstants.START_ELEMENT) {
                String n = x.getLocalName();
                if ("t".equals(n)) {
                    sb.append(elementText(x));
                } else if ("rPh".equals(n) || "phoneticPr".equals(n)) {
                    skip(x);
                } else {
                    depth++;
                }
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (ev == XMLStreamConstants.END_DOCUMENT) {
                throw new InputRejected("has a damaged XML part (it ends inside <" + end + ">)");
            }
        }
    }

    /**
     * Streams the rows of one sheet to {@code sink}, then its merged ranges. Rows beyond the
     * limit end the read with an error: Excel cannot write them, so the file is hostile or broken.
     */
    void readSheet(SheetInfo sheet, RowSink sink) {
        try {
            readSheetScanned(sheet, sink);
        } catch (SheetScanner.NotUtf8 e) {
            readSheetStax(sheet, sink);
        }
    }

    /** The fast path: {@link SheetScanner} over the inflated bytes. */
    void readSheetScanned(SheetInfo sheet, RowSink sink) {
        ZipEntry entry = sheetEntry(sheet);
        List<RowSink.Merge> merges = new ArrayList<>();
        LongConsumer progress = sheetProgress(entry);
        int maxRows = options.maxSheetRows();
        InputStream in = openEntry(entry, sheet.part(), progress);
        try {
            CellRow row = new CellRow();
            new SheetScanner(in, options.maxTokenBytes()).scan(new SheetScanner.Handler() {
                int lastRow;
                int rowsSeen;
                int nextColumn;
                boolean inRow;

                @Override
                public void startRow(String r) {
                    int number = rowNumber(r, lastRow, ++rowsSeen, maxRows, sheet);
                    row.reset(number);
                    nextColumn = 0;
                    inRow = true;
                }

                @Override
                public void cell(String ref, String type, String style, String value, String inline, boolean formula) {
                    if (!inRow) {
                        throw new InputRejected(sheet.name(), "sheet " + sheet.name()
                                + " has a cell outside any row; the workbook is damaged");
                    }
                    nextColumn = store(row, ref, type, style, value, inline, formula, nextColumn, sheet) + 1;
                }

                @Override
                public boolean endRow() {
                    inRow = false;
                    lastRow = row.number;
                    return row.width() == 0 || sink.row(row);
                }

                @Override
                public void merge(String ref) {
                    RowSink.Merge m = RowSink.Merge.parse(ref);
                    if (m != null && merges.size() < 100_000) {
                        merges.add(m);
                    }
                }
            });
        } catch (java.io.UncheckedIOException e) {
            InputRejected inner = InputRejectedCause.find(e);
            throw inner != null ? inner : new InputRejected("cannot be read: " + e.getCause().getMessage());
        } finally {
            try {
                in.close();
            } catch (IOException ignored) {
                // read-only
            }
        }
        if (fileProgress != null) {
            fileProgress.accept(Math.max(entry.getCompressedSize(), 0));
        }
        sink.end(merges);
    }

    /** The reference path: Aalto StAX (used for sheets that are not UTF-8, and to cross-check the scanner). */
    void readSheetStax(SheetInfo sheet, RowSink sink) {
        ZipEntry entry = sheetEntry(sheet);
        List<RowSink.Merge> merges = new ArrayList<>();
        LongConsumer progress = sheetProgress(entry);
        int maxRows = options.maxSheetRows();
        try (Part p = part(sheet.part(), progress)) {
            XMLStreamReader x = p.xml;
            CellRow row = new CellRow();
            int lastRow = 0;
            int rowsSeen = 0;
            boolean inRow = false;
            boolean inData = false;
            int nextColumn = 0;
            while (true) {
                int ev = next(x);
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    String name = x.getLocalName();
                    if ("sheetData".equals(name)) {
                        inData = true;
                    } else if (!inData && ("c".equals(name) || "row".equals(name))) {
                        skip(x);
                    } else if ("c".equals(name)) {
                        if (!inRow) {
                            throw new InputRejected(sheet.name(), "sheet " + sheet.name()
                                    + " has a cell outside any row; the workbook is damaged");
                        }
                        nextColumn = cell(x, row, nextColumn, sheet) + 1;
                    } else if ("row".equals(name)) {
                        String r = null;
                        for (int i = 0, n = x.getAttributeCount(); i < n; i++) {
                            if ("r".equals(x.getAttributeLocalName(i))) {
                                r = x.getAttributeValue(i);
                                break;
                            }
                        }
                        int number = rowNumber(r, lastRow, ++rowsSeen, maxRows, sheet);
                        row.reset(number);
                        inRow = true;
                        nextColumn = 0;
                    } else if ("mergeCell".equals(name)) {
                        String ref = x.getAttributeValue(null, "ref");
                        RowSink.Merge m = ref == null ? null : RowSink.Merge.parse(ref);
                        if (m != null && merges.size() < 100_000) {
                            merges.add(m);
                        }
                    }
                } else if (ev == XMLStreamConstants.END_ELEMENT) {
                    if ("sheetData".equals(x.getLocalName())) {
                        inData = false;
                    }
                    if (inRow && "row".equals(x.getLocalName())) {
                        inRow = false;
                        lastRow = row.number;
                        if (row.width() > 0 && !sink.row(row)) {
                            break;
                        }
                    }
                } else if (ev == XMLStreamConstants.END_DOCUMENT) {
                    break;
                }
            }
        }
        if (fileProgress != null) {
            fileProgress.accept(Math.max(entry.getCompressedSize(), 0));
        }
        sink.end(merges);
    }

    /** The number of a {@code <row>} (the one after the last when unnumbered), refusing sheets past the row limit. */
    private static int rowNumber(String r, int lastRow, int rowsSeen, int maxRows, SheetInfo sheet) {
        int number = r == null ? lastRow + 1 : parseRowNumber(r, sheet);
        if (number > maxRows || rowsSeen > maxRows) {
            throw new InputRejected(sheet.name(), "sheet " + sheet.name() + " has more than "
                    + String.format(java.util.Locale.ROOT, "%,d", maxRows)
                    + " rows, the most a sheet can hold; the file was not read");
        }
        return number;
    }

    private static int parseRowNumber(String r, SheetInfo sheet) {
        int n = 0;
        for (int i = 0; i < r.length(); i++) {
            char c = r.charAt(i);
            if (c < '0' || c > '9' || i > 9) {
                throw new InputRejected(sheet.name(), "sheet " + sheet.name() + " has a row numbered '" + r
                        + "'; the workbook is damaged");
            }
            n = n * 10 + (c - '0');
        }
        if (n <= 0) {
            throw new InputRejected(sheet.name(), "sheet " + sheet.name() + " has a row numbered '" + r
                    + "'; the workbook is damaged");
        }
        return n;
    }

    /** Reads one {@code <c>} element into the row; returns its column. */
    private int cell(XMLStreamReader x, CellRow row, int nextColumn, SheetInfo sheet) {
        String ref = null;
        String t = null;
        String s = null;
        for (int i = 0, n = x.getAttributeCount(); i < n; i++) {
            String a = x.getAttributeLocalName(i);
            if (a.length() == 1) {
                switch (a.charAt(0)) {
                    case 'r' -> ref = x.getAttributeValue(i);
                    case 't' -> t = x.getAttributeValue(i);
                    case 's' -> s = x.getAttributeValue(i);
                    default -> {
                    }
                }
            }
        }
        String value = null;
        String inline = null;
        boolean formula = false;
        int depth = 1;
        while (depth > 0) {
            int ev = next(x);
            if (ev == XMLStreamConstants.START_ELEMENT) {
                String n = x.getLocalName();
                if ("v".equals(n)) {
                    value = elementText(x);
                } else if ("f".equals(n)) {
                    formula = true;
                    skip(x);
                } else if ("is".equals(n)) {
                    StringBuilder sb = new StringBuilder();
                    richText(x, "is", sb);
                    inline = sb.toString();
                } else {
                    skip(x);
                }
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (ev == XMLStreamConstants.END_DOCUMENT) {
                throw new InputRejected(sheet.name(), "sheet " + sheet.name() + " ends inside a cell; the workbook is damaged");
            }
        }
        return store(row, ref, t, s, value, inline, formula, nextColumn, sheet);
    }

    /**
     * Puts one cell into the row by its type: shared string, inline string, formula string,
     * boolean, error, ISO date text, or number (raw text). Returns its column.
     */
    private int store(CellRow row, String ref, String t, String s, String value, String inline, boolean formula,
            int nextColumn, SheetInfo sheet) {
        int column = ref == null ? nextColumn : CellRef.columnOf(ref);
        if (column < 0 || column >= ImportOptions.EXCEL_MAX_COLUMNS) {
            throw new InputRejected(sheet.name(), "sheet " + sheet.name() + " has a cell '" + ref
                    + "' beyond column XFD, the last a sheet can hold; the file was not read");
        }
        byte format = CellRow.FMT_GENERAL;
        if (s != null) {
            int style = parseStyle(s);
            if (style >= 0 && style < styleFormats.length) {
                format = styleFormats[style];
            }
        }
        if (t == null || "n".equals(t)) {
            if (value == null) {
                if (formula) {
                    row.set(column, CellRow.NO_VALUE, "", format);
                }
                return column;
            }
            row.set(column, CellRow.NUMBER, value, format);
        } else if ("s".equals(t)) {
            if (value == null) {
                return column;
            }
            row.set(column, CellRow.TEXT, sharedString(value, sheet, ref), format);
        } else if ("inlineStr".equals(t)) {
            row.set(column, CellRow.TEXT, inline != null ? inline : value == null ? "" : value, format);
        } else if ("str".equals(t)) {
            if (value == null && formula) {
                row.set(column, CellRow.NO_VALUE, "", format);
            } else {
                row.set(column, CellRow.TEXT, value == null ? "" : value, format);
            }
        } else if ("b".equals(t)) {
            row.set(column, CellRow.BOOLEAN, "1".equals(value) || "true".equalsIgnoreCase(value) ? "TRUE" : "FALSE",
                    format);
        } else if ("e".equals(t)) {
            row.set(column, CellRow.ERROR, value == null ? "#N/A" : value, format);
        } else {
            row.set(column, CellRow.TEXT, value == null ? "" : value, format);
        }
        return column;
    }

    private String sharedString(String index, SheetInfo sheet, String ref) {
        loadSharedStrings();
        int i = parseStyle(index);
        if (i < 0 || i >= sharedStrings.length) {
            throw new InputRejected(sheet.name(), "sheet " + sheet.name() + ", cell " + ref + " refers to shared string "
                    + index + " of " + sharedStrings.length + "; the workbook is damaged");
        }
        return sharedStrings[i];
    }

    /** Loads the shared strings before a sheet is streamed (they live in their own part). */
    void prepare() {
        loadSharedStrings();
    }

    private static int parseStyle(String s) {
        int n = 0;
        int len = s.length();
        if (len == 0 || len > 9) {
            return -1;
        }
        for (int i = 0; i < len; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    private static Integer parseIntOrNull(String s) {
        if (s == null) {
            return null;
        }
        int v = parseStyle(s.trim());
        return v < 0 ? null : v;
    }

    // ---- XML plumbing ----

    private final class Part implements AutoCloseable {
        final InputStream in;
        final XMLStreamReader xml;

        Part(InputStream in, XMLStreamReader xml) {
            this.in = in;
            this.xml = xml;
        }

        @Override
        public void close() {
            try {
                xml.close();
            } catch (XMLStreamException ignored) {
                // closing the stream below is what matters
            }
            try {
                in.close();
            } catch (IOException ignored) {
                // nothing to do
            }
        }
    }

    private Part part(String name) {
        return part(name, null);
    }

    private ZipEntry sheetEntry(SheetInfo sheet) {
        ZipEntry entry = zip.getEntry(sheet.part());
        if (entry == null) {
            throw new InputRejected(sheet.name(), "sheet " + sheet.name() + " has no part " + sheet.part()
                    + " in the zip archive; the workbook is damaged");
        }
        return entry;
    }

    /** Progress in bytes of the file, in proportion to the sheet's inflated bytes; null when nobody listens. */
    private LongConsumer sheetProgress(ZipEntry entry) {
        long declared = Math.max(entry.getSize(), 1);
        long compressed = Math.max(entry.getCompressedSize(), 0);
        return fileProgress == null ? null
                : inflated -> fileProgress.accept(Math.min(fileSize, Math.min(inflated, declared) * compressed / declared));
    }

    private InputStream openEntry(ZipEntry e, String name, LongConsumer progress) {
        try {
            InputStream guarded = new GuardedInputStream(zip.getInputStream(e), name, e.getCompressedSize(),
                    options, inflatedTotal, progress);
            return e.getSize() > (4L << 20) || e.getSize() < 0 ? new PrefetchInputStream(guarded)
                    : new BufferedInputStream(guarded, 1 << 16);
        } catch (ZipException ex) {
            throw new InputRejected("has a damaged zip entry " + name + " (" + ex.getMessage() + ")");
        } catch (IOException ex) {
            throw new InputRejected("cannot be read: " + ex.getMessage());
        }
    }

    private Part part(String name, LongConsumer progress) {
        ZipEntry e = zip.getEntry(name);
        if (e == null) {
            throw new InputRejected("has no part " + name + " in its zip archive; the workbook is damaged");
        }
        InputStream in;
        try {
            InputStream guarded = new GuardedInputStream(zip.getInputStream(e), name, e.getCompressedSize(),
                    options, inflatedTotal, progress);
            // sheets (and other large parts) are inflated on their own thread, ahead of the parser
            in = e.getSize() > (4L << 20) || e.getSize() < 0 ? new PrefetchInputStream(guarded)
                    : new BufferedInputStream(guarded, 1 << 16);
        } catch (ZipException ex) {
            throw new InputRejected("has a damaged zip entry " + name + " (" + ex.getMessage() + ")");
        } catch (IOException ex) {
            throw new InputRejected("cannot be read: " + ex.getMessage());
        }
        try {
            return new Part(in, XML.createXMLStreamReader(in));
        } catch (XMLStreamException ex) {
            throw new InputRejected("has a damaged XML part " + name + " (" + firstLine(ex) + ")");
        }
    }

    /** The next event; a DTD is refused, a parse error is a damaged file. */
    private static int next(XMLStreamReader x) {
        try {
            int ev = x.next();
            if (ev == XMLStreamConstants.DTD || ev == XMLStreamConstants.ENTITY_REFERENCE
                    || ev == XMLStreamConstants.ENTITY_DECLARATION) {
                throw new InputRejected("contains a DTD or an entity declaration, which workbooks never need;"
                        + " the file was not read (XML entity expansion and external entities are refused)");
            }
            return ev;
        } catch (XMLStreamException e) {
            throw damaged(e);
        }
    }

    private static String elementText(XMLStreamReader x) {
        try {
            return x.getElementText();
        } catch (XMLStreamException e) {
            throw damaged(e);
        }
    }

    private static void skip(XMLStreamReader x) {
        int depth = 1;
        while (depth > 0) {
            int ev = next(x);
            if (ev == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (ev == XMLStreamConstants.END_DOCUMENT) {
                return;
            }
        }
    }

    private static RuntimeException damaged(XMLStreamException e) {
        InputRejected inner = InputRejectedCause.find(e);
        if (inner != null) {
            return inner;
        }
        String m = firstLine(e);
        if (m.contains("DOCTYPE") || m.toLowerCase(java.util.Locale.ROOT).contains("entity")) {
            return new InputRejected("contains a DTD or an entity reference, which workbooks never need;"
                    + " the file was not read (XML entity expansion and external entities are refused)");
        }
        return new InputRejected("has damaged XML (" + m + "); the file was not read");
    }

    private static String firstLine(Exception e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return (nl >= 0 ? m.substring(0, nl) : m).strip();
    }

    private static String relsPartOf(String part) {
        int slash = part.lastIndexOf('/');
        return (slash < 0 ? "" : part.substring(0, slash + 1)) + "_rels/" + part.substring(slash + 1) + ".rels";
    }

    private static String folderOf(String part) {
        int slash = part.lastIndexOf('/');
        return slash < 0 ? "" : part.substring(0, slash + 1);
    }

    /** A relationship target relative to a folder ("worksheets/sheet1.xml", "/xl/worksheets/sheet1.xml", "../x.xml"). */
    static String resolve(String folder, String target) {
        String path = target.startsWith("/") ? target.substring(1) : folder + target;
        List<String> parts = new ArrayList<>();
        for (String seg : path.split("/")) {
            if (seg.isEmpty() || seg.equals(".")) {
                continue;
            }
            if (seg.equals("..")) {
                if (!parts.isEmpty()) {
                    parts.remove(parts.size() - 1);
                }
            } else {
                parts.add(seg);
            }
        }
        return String.join("/", parts);
    }

    @Override
    public void close() {
        closeQuietly(zip);
    }

    private static void closeQuietly(ZipFile z) {
        try {
            z.close();
        } catch (IOException ignored) {
            // read-only
        }
    }
}
