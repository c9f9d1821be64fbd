package org.wattledger.importers;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import java.util.zip.ZipEntry;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;

/**
 * A streaming .xlsx reader in three parts: the zip container ({@link ZipContainer}: directory
 * checks, guarded and CRC-checked entries), the workbook's metadata ({@link WorkbookParts}: sheet
 * list, styles, shared strings) and, here, the sheets: each streamed once from the zip by
 * {@link SheetScanner} (or Aalto StAX for a sheet that is not UTF-8), in memory bounded by the
 * shared-strings table (itself capped) and one row. Cells are handed on as their raw stored text.
 */
final class XlsxWorkbook implements Closeable {
    private final ZipContainer zip;
    private final WorkbookParts parts;
    private final ImportOptions options;
    private LongConsumer fileProgress;

    private XlsxWorkbook(ZipContainer zip, WorkbookParts parts, ImportOptions options) {
        this.zip = zip;
        this.parts = parts;
        this.options = options;
    }

    /** Opens the workbook and reads its sheet list, styles and date system (not yet the shared strings). */
    static XlsxWorkbook open(Path file, ImportOptions options) {
        ZipContainer zip = ZipContainer.open(file, options);
        try {
            return new XlsxWorkbook(zip, WorkbookParts.read(zip, options), options);
        } catch (RuntimeException e) {
            zip.close();
            throw e;
        }
    }

    void onProgress(LongConsumer fileBytesDone) {
        this.fileProgress = fileBytesDone;
    }

    List<WorkbookParts.SheetInfo> sheets() {
        return parts.sheets();
    }

    boolean date1904() {
        return parts.date1904();
    }

    /**
     * Streams the rows of one sheet to {@code sink}, then its merged ranges. Rows beyond the
     * limit end the read with an error: Excel cannot write them, so the file is hostile or broken.
     */
    void readSheet(WorkbookParts.SheetInfo sheet, RowSink sink) {
        try {
            readSheetScanned(sheet, sink);
        } catch (SheetScanner.NotUtf8 e) {
            readSheetStax(sheet, sink);
        }
    }

    /** The fast path: {@link SheetScanner} over the inflated bytes. */
    void readSheetScanned(WorkbookParts.SheetInfo sheet, RowSink sink) {
        ZipEntry entry = sheetEntry(sheet);
        List<RowSink.Merge> merges = new ArrayList<>();
        int maxRows = options.maxSheetRows();
        InputStream in = zip.open(entry, sheetProgress(entry));
        CellRow own = new CellRow();
        int[] rowNumber = {0}; // of the row being read, for a message
        try {
            new SheetScanner(in, options.maxTokenBytes()).scan(new SheetScanner.Handler() {
                int lastRow;
                int rowsSeen;
                int nextColumn;
                boolean inRow;
                /** The row being read: filled where the sink keeps it ({@link RowSink#rowToFill}). */
                CellRow row = own;

                @Override
                public void startRow(String r) {
                    rowAt(r);
                }

                @Override
                public void rowAt(CharSequence r) {
                    int number = rowNumber(r, lastRow, ++rowsSeen, maxRows, sheet);
                    row = sink.rowToFill(own);
                    row.reset(number);
                    rowNumber[0] = number;
                    nextColumn = 0;
                    inRow = true;
                }

                @Override
                public void cell(String ref, String type, String style, String value, String inline, boolean formula) {
                    cellAt(ref, type, style, value, inline, formula);
                }

                @Override
                public void cellAt(CharSequence ref, String type, String style, String value, String inline,
                        boolean formula) {
                    if (!inRow) {
                        throw outsideAnyRow();
                    }
                    nextColumn = store(row, ref, type, style, value, inline, formula, nextColumn, sheet) + 1;
                }

                @Override
                public boolean wantsWholeCells() {
                    return true;
                }

                @Override
                public void wholeCell(int column, CharSequence ref, byte type, int style, byte[] bytes, int from,
                        int to) {
                    // what store() does with such a cell, without Strings for its type, style and value
                    if (!inRow) {
                        throw outsideAnyRow();
                    }
                    int c = column < 0 ? nextColumn : column;
                    if (c >= ImportOptions.EXCEL_MAX_COLUMNS) {
                        throw beyondLastColumn(ref, sheet);
                    }
                    byte format = format(style);
                    if (from >= 0) {
                        if (type == 's') {
                            row.set(c, CellRow.TEXT, sharedString(digits(bytes, from, to), bytes, from, to, sheet,
                                    ref), format);
                        } else {
                            row.set(c, CellRow.NUMBER, bytes, from, to - from, format);
                        }
                    }
                    nextColumn = c + 1;
                }

                private InputRejected outsideAnyRow() {
                    return new InputRejected(sheet.name(), "sheet " + sheet.name()
                            + " has a cell outside any row; the workbook is damaged");
                }

                @Override
                public boolean wantsBytes() {
                    return true;
                }

                @Override
                public void cell(String ref, String type, String style, byte[] value, int length, boolean formula) {
                    cellAt(ref, type, style, value, length, formula);
                }

                @Override
                public void cellAt(CharSequence ref, String type, String style, byte[] value, int length,
                        boolean formula) {
                    if (!inRow) {
                        throw outsideAnyRow();
                    }
                    int column = column(ref, nextColumn, sheet);
                    row.set(column, CellRow.NUMBER, value, 0, length, format(style));
                    nextColumn = column + 1;
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
        } catch (SheetScanner.NotValidUtf8 e) {
            // a replacement character would silently merge two ids, so the file is refused, naming the row
            throw new InputRejected(sheet.name(), rowNumber[0], "sheet " + sheet.name() + " holds bytes that are not"
                    + " valid UTF-8 text" + (rowNumber[0] > 0 ? " in row " + rowNumber[0] : "")
                    + "; the workbook is damaged and was not read");
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
    void readSheetStax(WorkbookParts.SheetInfo sheet, RowSink sink) {
        ZipEntry entry = sheetEntry(sheet);
        List<RowSink.Merge> merges = new ArrayList<>();
        int maxRows = options.maxSheetRows();
        try (XmlPart p = XmlPart.open(zip, sheet.part(), sheetProgress(entry))) {
            XMLStreamReader x = p.xml;
            CellRow row = new CellRow();
            int lastRow = 0;
            int rowsSeen = 0;
            boolean inRow = false;
            boolean inData = false;
            int nextColumn = 0;
            while (true) {
                int ev = p.next();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    String name = x.getLocalName();
                    if ("sheetData".equals(name)) {
                        inData = true;
                    } else if (!inData && ("c".equals(name) || "row".equals(name))) {
                        p.skip();
                    } else if ("c".equals(name)) {
                        if (!inRow) {
                            throw new InputRejected(sheet.name(), "sheet " + sheet.name()
                                    + " has a cell outside any row; the workbook is damaged");
                        }
                        nextColumn = cell(p, row, nextColumn, sheet) + 1;
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
    private static int rowNumber(CharSequence r, int lastRow, int rowsSeen, int maxRows, WorkbookParts.SheetInfo sheet) {
        int number = r == null ? lastRow + 1 : parseRowNumber(r, sheet);
        if (number > maxRows || rowsSeen > maxRows) {
            throw new InputRejected(sheet.name(), "sheet " + sheet.name() + " has more than "
                    + String.format(java.util.Locale.ROOT, "%,d", maxRows)
                    + " rows, the most a sheet can hold; the file was not read");
        }
        return number;
    }

    private static int parseRowNumber(CharSequence r, WorkbookParts.SheetInfo sheet) {
        int n = 0;
        for (int i = 0, length = r.length(); i < length; i++) {
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
    private int cell(XmlPart p, CellRow row, int nextColumn, WorkbookParts.SheetInfo sheet) {
        XMLStreamReader x = p.xml;
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
            int ev = p.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                String n = x.getLocalName();
                if ("v".equals(n)) {
                    value = p.elementText();
                } else if ("f".equals(n)) {
                    formula = true;
                    p.skip();
                } else if ("is".equals(n)) {
                    StringBuilder sb = new StringBuilder();
                    p.richText("is", sb);
                    inline = sb.toString();
                } else {
                    p.skip();
                }
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (ev == XMLStreamConstants.END_DOCUMENT) {
                throw new InputRejected(sheet.name(), "sheet " + sheet.name() + " ends inside a cell; the workbook is damaged");
            }
        }
        return store(row, ref, t, s, value, inline, formula, nextColumn, sheet);
    }

    /** A cell's column: its reference's, or the one after the last cell's when it has none. */
    private static int column(CharSequence ref, int nextColumn, WorkbookParts.SheetInfo sheet) {
        int column = ref == null ? nextColumn : CellRef.columnOf(ref);
        if (column < 0 || column >= ImportOptions.EXCEL_MAX_COLUMNS) {
            throw beyondLastColumn(ref, sheet);
        }
        return column;
    }

    private static InputRejected beyondLastColumn(CharSequence ref, WorkbookParts.SheetInfo sheet) {
        return new InputRejected(sheet.name(), "sheet " + sheet.name() + " has a cell '" + ref
                + "' beyond column XFD, the last a sheet can hold; the file was not read");
    }

    /** The class of a cell's number format, from its s attribute. */
    private byte format(String s) {
        return s == null ? CellRow.FMT_GENERAL : format(WorkbookParts.parseIndex(s));
    }

    /** The class of the number format of style {@code style} (-1: none, or not a number). */
    private byte format(int style) {
        if (style != lastStyle) { // cell after cell repeats a style
            lastStyleFormat = parts.format(style);
            lastStyle = style;
        }
        return lastStyleFormat;
    }

    private int lastStyle = -1;
    private byte lastStyleFormat = CellRow.FMT_GENERAL;

    /**
     * Puts one cell into the row by its type: shared string, inline string, formula string,
     * boolean, error, ISO date text, or number (raw text). Returns its column.
     */
    private int store(CellRow row, CharSequence ref, String t, String s, String value, String inline, boolean formula,
            int nextColumn, WorkbookParts.SheetInfo sheet) {
        int column = column(ref, nextColumn, sheet);
        byte format = format(s);
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

    private String sharedString(String index, WorkbookParts.SheetInfo sheet, CharSequence ref) {
        String s = parts.sharedString(WorkbookParts.parseIndex(index));
        if (s == null) {
            throw noSharedString(index, sheet, ref);
        }
        return s;
    }

    /** The shared string at {@code index}, written as {@code written}[{@code from}, {@code to}) in the cell. */
    private String sharedString(int index, byte[] written, int from, int to, WorkbookParts.SheetInfo sheet,
            CharSequence ref) {
        String s = parts.sharedString(index);
        if (s == null) {
            throw noSharedString(new String(written, from, to - from, StandardCharsets.ISO_8859_1), sheet, ref);
        }
        return s;
    }

    private InputRejected noSharedString(String index, WorkbookParts.SheetInfo sheet, CharSequence ref) {
        return new InputRejected(sheet.name(), "sheet " + sheet.name() + ", cell " + ref + " refers to shared string "
                + index + " of " + parts.sharedStringCount() + "; the workbook is damaged");
    }

    /** The number the ASCII digits {@code bytes}[{@code from}, {@code to}) spell (at most nine of them). */
    private static int digits(byte[] bytes, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            n = n * 10 + (bytes[i] - '0');
        }
        return n;
    }

    private ZipEntry sheetEntry(WorkbookParts.SheetInfo sheet) {
        ZipEntry entry = zip.entry(sheet.part());
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
        long fileSize = zip.fileSize();
        return fileProgress == null ? null
                : inflated -> fileProgress.accept(Math.min(fileSize, Math.min(inflated, declared) * compressed / declared));
    }

    @Override
    public void close() {
        zip.close();
    }
}
