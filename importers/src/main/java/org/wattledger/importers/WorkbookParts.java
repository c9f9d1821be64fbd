package org.wattledger.importers;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;

/**
 * The small parts of an .xlsx that say how to read its sheets: the relationships, the workbook
 * (sheet list, date system), the styles (which cells are dates or percentages) and the shared
 * strings (loaded when a sheet first needs them, capped in count and characters).
 */
final class WorkbookParts {
    /** Sheets a workbook may list: Excel's own limit is memory, and no input needs more. */
    static final int MAX_SHEETS = 1_000;

    /** A sheet listed in the workbook. */
    record SheetInfo(String name, boolean hidden, String part) {
    }

    private final ZipContainer zip;
    private final ImportOptions options;
    private final String workbookPart;
    private final List<SheetInfo> sheets = new ArrayList<>();
    private boolean date1904;
    private String sharedStringsPart;
    private String stylesPart;
    private String[] sharedStrings;
    private byte[] styleFormats = new byte[0];

    private WorkbookParts(ZipContainer zip, ImportOptions options) {
        this.zip = zip;
        this.options = options;
        this.workbookPart = officeDocumentPart();
    }

    /** Reads the sheet list, styles and date system (not yet the shared strings). */
    static WorkbookParts read(ZipContainer zip, ImportOptions options) {
        WorkbookParts parts = new WorkbookParts(zip, options);
        parts.readWorkbook();
        if (parts.stylesPart != null) {
            parts.readStyles();
        }
        return parts;
    }

    List<SheetInfo> sheets() {
        return sheets;
    }

    boolean date1904() {
        return date1904;
    }

    /** The number-format class of a style index ({@code s} attribute), general when unknown. */
    byte format(int style) {
        return style >= 0 && style < styleFormats.length ? styleFormats[style] : CellRow.FMT_GENERAL;
    }

    /** The shared string at an index, or null when the table has no such string. */
    String sharedString(int index) {
        loadSharedStrings();
        return index >= 0 && index < sharedStrings.length ? sharedStrings[index] : null;
    }

    int sharedStringCount() {
        loadSharedStrings();
        return sharedStrings.length;
    }

    private String officeDocumentPart() {
        if (zip.has("mimetype") && zip.has("content.xml")) {
            throw new InputRejected("is an OpenDocument spreadsheet (.ods), which is not read; save it as an Excel"
                    + " workbook (.xlsx) and import it again; the file was not read");
        }
        if (zip.has("_rels/.rels")) {
            for (String[] rel : relationships("_rels/.rels")) {
                if (rel[1].endsWith("/officeDocument")) {
                    String part = resolve("", rel[2]);
                    if (part.endsWith(".bin")) {
                        throw new InputRejected("is an Excel binary workbook (.xlsb), which is not read; save it as an"
                                + " Excel workbook (.xlsx) and import it again; the file was not read");
                    }
                    return part;
                }
            }
        }
        if (zip.has("xl/workbook.xml")) {
            return "xl/workbook.xml";
        }
        throw new InputRejected("is a zip archive but not an Excel workbook (it has no workbook part)");
    }

    /** Relationships of a part: {id, type, target}. */
    private List<String[]> relationships(String relsPart) {
        List<String[]> out = new ArrayList<>();
        try (XmlPart p = XmlPart.open(zip, relsPart, null)) {
            XMLStreamReader x = p.xml;
            while (p.next() != XMLStreamConstants.END_DOCUMENT) {
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
        try (XmlPart p = XmlPart.open(zip, workbookPart, null)) {
            XMLStreamReader x = p.xml;
            while (p.next() != XMLStreamConstants.END_DOCUMENT) {
                if (x.getEventType() != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                String name = x.getLocalName();
                if ("workbookPr".equals(name)) {
                    String d = x.getAttributeValue(null, "date1904");
                    date1904 = "1".equals(d) || "true".equalsIgnoreCase(d);
                } else if ("sheet".equals(name)) {
                    if (declared.size() >= MAX_SHEETS) {
                        throw new InputRejected("lists more than " + String.format(Locale.ROOT, "%,d", MAX_SHEETS)
                                + " sheets; the file was not read");
                    }
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
        if (zip.has(relsPart)) {
            for (String[] rel : relationships(relsPart)) {
                rels.put(rel[0], rel);
                if (rel[1].endsWith("/sharedStrings")) {
                    sharedStringsPart = resolve(folderOf(workbookPart), rel[2]);
                } else if (rel[1].endsWith("/styles")) {
                    stylesPart = resolve(folderOf(workbookPart), rel[2]);
                }
            }
        }
        Map<String, String> sheetOfPart = new HashMap<>();
        for (String[] s : declared) {
            String[] rel = s[1] == null ? null : rels.get(s[1]);
            if (s[0] == null || rel == null || !rel[1].endsWith("/worksheet")) {
                continue; // chart sheets, dialog sheets, macro sheets: no cells to read
            }
            String part = resolve(folderOf(workbookPart), rel[2]);
            // Excel gives every sheet its own part; two sheets over one part would read its rows twice
            String first = sheetOfPart.putIfAbsent(part, s[0]);
            if (first != null) {
                throw new InputRejected("lists sheets " + first + " and " + s[0] + " over the same part " + part
                        + "; the workbook is damaged and was not read");
            }
            boolean hidden = "hidden".equals(s[2]) || "veryHidden".equals(s[2]);
            sheets.add(new SheetInfo(s[0], hidden, part));
        }
    }

    private void readStyles() {
        if (!zip.has(stylesPart)) {
            return;
        }
        Map<Integer, Byte> custom = new HashMap<>();
        List<Byte> xfs = new ArrayList<>();
        try (XmlPart p = XmlPart.open(zip, stylesPart, null)) {
            XMLStreamReader x = p.xml;
            boolean inCellXfs = false;
            while (p.next() != XMLStreamConstants.END_DOCUMENT) {
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

    /** Loads the shared strings before a sheet is streamed (they live in their own part). */
    void loadSharedStrings() {
        if (sharedStrings != null) {
            return;
        }
        if (sharedStringsPart == null || !zip.has(sharedStringsPart)) {
            sharedStrings = new String[0];
            return;
        }
        List<String> out = new ArrayList<>();
        long chars = 0;
        try (XmlPart p = XmlPart.open(zip, sharedStringsPart, null)) {
            XMLStreamReader x = p.xml;
            StringBuilder sb = new StringBuilder();
            while (p.next() != XMLStreamConstants.END_DOCUMENT) {
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
                    p.richText("si", sb);
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

    /** A non-negative decimal of at most 9 digits, or -1. */
    static int parseIndex(String s) {
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
        int v = parseIndex(s.trim());
        return v < 0 ? null : v;
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
}
