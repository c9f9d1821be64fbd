package org.wattledger.importers;

import java.util.Arrays;

/**
 * One physical row of a sheet or CSV file as cell text, reused from row to row by the readers.
 * A cell is its text exactly as stored (a number's raw text such as {@code 123456.7890123} or
 * {@code 44562.041666666664}, never a formatted display string), what kind of value it is, and
 * for numbers the class of its number format (a date, a date-time, a month, a percentage).
 */
final class CellRow {
    static final byte BLANK = 0;
    static final byte TEXT = 1;
    static final byte NUMBER = 2;
    static final byte BOOLEAN = 3;
    /** A formula error (#DIV/0!, #REF! ...) or an error value. */
    static final byte ERROR = 4;
    /** A formula without a cached value (the workbook was never calculated). */
    static final byte NO_VALUE = 5;

    static final byte FMT_GENERAL = 0;
    static final byte FMT_PERCENT = 1;
    static final byte FMT_DATE = 2;
    static final byte FMT_DATETIME = 3;
    /** A date shown without its day (yyyy年m月, mmm-yy): the whole month is meant. */
    static final byte FMT_MONTH = 4;
    static final byte FMT_TIME = 5;

    int number;
    /**
     * Not null: this row stands for lines the reader could not split into rows (a CSV quote never
     * closed); the error to report, the column it concerns (-1 unknown) and how many rows were lost.
     */
    String broken;
    int brokenColumn;
    int brokenRows;
    private String[] text = new String[16];
    private byte[] kind = new byte[16];
    private byte[] format = new byte[16];
    /**
     * A cell set from bytes keeps its UTF-8 text here ({@code bytes} from {@code start}, {@code length}
     * long; start -1: the cell is a String) and becomes a String only when {@link #text} is asked:
     * numbers, dates and repeated words are read from the bytes, so most cells never need one.
     */
    private byte[] bytes = new byte[256];
    private int bytesUsed;
    private int[] start = filled(16);
    private int[] length = new int[16];
    private int width;

    private static int[] filled(int n) {
        int[] a = new int[n];
        Arrays.fill(a, -1);
        return a;
    }

    void reset(int rowNumber) {
        for (int c = 0; c < width; c++) { // one pass over a few cells, not four calls
            text[c] = null;
            kind[c] = BLANK;
            format[c] = FMT_GENERAL;
            start[c] = -1;
        }
        width = 0;
        bytesUsed = 0;
        number = rowNumber;
        broken = null;
    }

    /** Marks this (empty) row as standing for {@code rows} rows that could not be read. */
    void broken(String message, int column, int rows) {
        broken = message;
        brokenColumn = column;
        brokenRows = rows;
    }

    void set(int column, byte cellKind, String cellText, byte cellFormat) {
        if (column >= text.length) {
            widen(column);
        }
        if (cellKind == TEXT && cellText.isEmpty()) {
            cellKind = BLANK;
        }
        text[column] = cellKind == BLANK ? null : cellText;
        start[column] = -1;
        kind[column] = cellKind;
        format[column] = cellFormat;
        if (column >= width) {
            width = column + 1;
        }
    }

    /** Sets a cell from its UTF-8 text ({@code len} bytes of {@code src} from {@code off}), copied. */
    void set(int column, byte cellKind, byte[] src, int off, int len, byte cellFormat) {
        if (column >= text.length) {
            widen(column);
        }
        if (cellKind == TEXT && len == 0) {
            cellKind = BLANK;
        }
        text[column] = null;
        kind[column] = cellKind;
        format[column] = cellFormat;
        if (cellKind == BLANK) {
            start[column] = -1;
        } else {
            if (bytesUsed + len > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytesUsed + len, bytes.length * 2));
            }
            System.arraycopy(src, off, bytes, bytesUsed, len);
            start[column] = bytesUsed;
            length[column] = len;
            bytesUsed += len;
        }
        if (column >= width) {
            width = column + 1;
        }
    }

    /** Makes room for {@code column}, which lies beyond the arrays (checked where a cell is set). */
    private void widen(int column) {
        int n = Math.max(column + 1, text.length * 2);
        text = Arrays.copyOf(text, n);
        kind = Arrays.copyOf(kind, n);
        format = Arrays.copyOf(format, n);
        int old = start.length;
        start = Arrays.copyOf(start, n);
        Arrays.fill(start, old, n, -1);
        length = Arrays.copyOf(length, n);
    }

    /** Whether the cell's text is still only bytes (set from bytes and not yet asked for as text). */
    private boolean onlyBytes(int column) {
        return column >= 0 && column < width && start[column] >= 0 && text[column] == null;
    }

    /**
     * Whether the cell's text equals {@code s} ("" for a blank cell), without making a String of
     * the cell: ASCII bytes are compared with the characters one by one, and only a cell with
     * other bytes is decoded.
     */
    boolean textEquals(int column, String s) {
        if (!onlyBytes(column)) {
            return text(column).equals(s);
        }
        int from = start[column];
        int n = length[column];
        int i = 0;
        for (; i < n; i++) {
            byte b = bytes[from + i];
            if (b < 0) {
                return text(column).equals(s);
            }
            if (i >= s.length() || s.charAt(i) != b) {
                return false;
            }
        }
        return n == s.length();
    }

    /**
     * Whether the cell's text is the one given as {@code utf8} (its UTF-8 bytes) and {@code text}:
     * the bytes are compared when the cell is bytes, else the strings.
     */
    boolean sameText(int column, byte[] utf8, String s) {
        if (!onlyBytes(column)) {
            return text(column).equals(s);
        }
        int from = start[column];
        return Arrays.equals(bytes, from, from + length[column], utf8, 0, utf8.length);
    }

    /**
     * Whether cell {@code column} of this row and of {@code other} hold the same: kind, number
     * format and text, compared as bytes when both are bytes (no String made).
     */
    boolean sameCell(int column, CellRow other) {
        if (column < width && column < other.width && text[column] != null && text[column] == other.text[column]
                && kind[column] == other.kind[column] && format[column] == other.format[column]) {
            return true; // the same String: in a workbook, the same shared string, read once for every cell showing it
        }
        byte k = kind(column);
        if (k != other.kind(column) || format(column) != other.format(column)) {
            return false;
        }
        if (k == BLANK) {
            return true;
        }
        if (hasBytes(column) && other.hasBytes(column)) {
            // equal bytes are equal text; unequal (valid UTF-8) bytes are unequal text. A loop, not
            // Arrays.equals: ids and units are a few bytes, shorter than its calls and checks.
            int n = length[column];
            if (n != other.length[column]) {
                return false;
            }
            for (int i = start[column], j = other.start[column], end = i + n; i < end; i++, j++) {
                if (bytes[i] != other.bytes[j]) {
                    return false;
                }
            }
            return true;
        }
        if (onlyBytes(column)) {
            return textEquals(column, other.text(column)); // no String made of this row's cell
        }
        if (other.onlyBytes(column)) {
            return other.textEquals(column, text(column));
        }
        return text(column).equals(other.text(column));
    }

    /** Whether the cell was set from bytes, which it keeps even once its text was asked for. */
    private boolean hasBytes(int column) {
        return column >= 0 && column < width && start[column] >= 0;
    }

    /** The cell's text as UTF-8 bytes (a copy). */
    byte[] utf8(int column) {
        if (!onlyBytes(column)) {
            return text(column).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        return Arrays.copyOfRange(bytes, start[column], start[column] + length[column]);
    }

    /** A hash of the cell's text as stored (bytes or characters), for caches keyed by {@link #textEquals}. */
    int textHash(int column) {
        if (!onlyBytes(column)) {
            return text(column).hashCode();
        }
        int h = 0;
        for (int i = start[column], end = i + length[column]; i < end; i++) {
            h = 31 * h + bytes[i];
        }
        return h;
    }

    /**
     * "123.456" or "-7" with at most 18 digits straight from the cell's bytes into {@code out}, by
     * {@link Numbers#fastPlain} itself (a byte that is not ASCII is no digit there); false for
     * anything else (the caller then reads the text).
     */
    boolean plainNumber(int column, Numbers.Plain out) {
        if (!onlyBytes(column)) {
            return false;
        }
        cellChars.of(start[column], length[column]);
        return Numbers.fastPlain(cellChars, out);
    }

    /** One cell's bytes seen as characters, reused from cell to cell: no String per number. */
    private final class CellChars implements CharSequence {
        private int from;
        private int count;

        void of(int from, int count) {
            this.from = from;
            this.count = count;
        }

        @Override
        public int length() {
            return count;
        }

        @Override
        public char charAt(int index) {
            return (char) (bytes[from + index] & 0xff);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return toString().subSequence(start, end);
        }

        @Override
        public String toString() {
            return new String(bytes, from, count, java.nio.charset.StandardCharsets.ISO_8859_1);
        }
    }

    private final CellChars cellChars = new CellChars();

    int width() {
        return width;
    }

    /** The cell's text, "" for a blank or missing cell. */
    String text(int column) {
        if (onlyBytes(column)) {
            text[column] = new String(bytes, start[column], length[column], java.nio.charset.StandardCharsets.UTF_8);
        }
        return column >= 0 && column < width && text[column] != null ? text[column] : "";
    }

    byte kind(int column) {
        return column >= 0 && column < width ? kind[column] : BLANK;
    }

    byte format(int column) {
        return column >= 0 && column < width ? format[column] : FMT_GENERAL;
    }

    /** Blank: no value, or text of white space only. */
    boolean isBlank(int column) {
        byte k = kind(column);
        if (k == TEXT && onlyBytes(column)) {
            for (int i = start[column], end = i + length[column]; i < end; i++) {
                byte b = bytes[i];
                if (b < 0) {
                    return text(column).isBlank();
                }
                if (b > ' ' || !Character.isWhitespace(b)) { // every ASCII white space is at or below ' '
                    return false;
                }
            }
            return true;
        }
        return k == BLANK || (k == TEXT && text[column].isBlank());
    }

    boolean isBlank() {
        for (int c = 0; c < width; c++) {
            if (!isBlank(c)) {
                return false;
            }
        }
        return true;
    }

    /** Makes this row a copy of {@code other} (cell texts are shared, not copied). */
    void copyFrom(CellRow other) {
        int w = other.width;
        if (width > w) { // cells [0, w) are all overwritten below: only those beyond are cleared
            Arrays.fill(text, w, width, null);
            Arrays.fill(kind, w, width, BLANK);
            Arrays.fill(format, w, width, FMT_GENERAL);
            Arrays.fill(start, w, width, -1);
        }
        number = other.number;
        if (w > text.length) {
            text = new String[w];
            kind = new byte[w];
            format = new byte[w];
        }
        if (w > start.length) {
            start = filled(w);
            length = new int[w];
        }
        System.arraycopy(other.text, 0, text, 0, w);
        System.arraycopy(other.kind, 0, kind, 0, w);
        System.arraycopy(other.format, 0, format, 0, w);
        System.arraycopy(other.start, 0, start, 0, w);
        System.arraycopy(other.length, 0, length, 0, w);
        if (other.bytesUsed > bytes.length) {
            bytes = new byte[Math.max(other.bytesUsed, bytes.length * 2)];
        }
        System.arraycopy(other.bytes, 0, bytes, 0, other.bytesUsed);
        bytesUsed = other.bytesUsed;
        width = w;
        broken = other.broken;
        brokenColumn = other.brokenColumn;
        brokenRows = other.brokenRows;
    }

    CellRow copy() {
        CellRow r = new CellRow();
        r.number = number;
        r.text = Arrays.copyOf(text, Math.max(width, 1));
        r.kind = Arrays.copyOf(kind, Math.max(width, 1));
        r.format = Arrays.copyOf(format, Math.max(width, 1));
        r.start = Arrays.copyOf(start, Math.max(width, 1));
        r.length = Arrays.copyOf(length, Math.max(width, 1));
        r.bytes = Arrays.copyOf(bytes, Math.max(bytesUsed, 1));
        r.bytesUsed = bytesUsed;
        r.width = width;
        return r;
    }
}
