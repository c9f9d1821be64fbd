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
    private int width;

    void reset(int rowNumber) {
        Arrays.fill(text, 0, width, null);
        Arrays.fill(kind, 0, width, BLANK);
        Arrays.fill(format, 0, width, FMT_GENERAL);
        width = 0;
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
            int n = Math.max(column + 1, text.length * 2);
            text = Arrays.copyOf(text, n);
            kind = Arrays.copyOf(kind, n);
            format = Arrays.copyOf(format, n);
        }
        if (cellKind == TEXT && cellText.isEmpty()) {
            cellKind = BLANK;
        }
        text[column] = cellKind == BLANK ? null : cellText;
        kind[column] = cellKind;
        format[column] = cellFormat;
        if (column >= width) {
            width = column + 1;
        }
    }

    int width() {
        return width;
    }

    /** The cell's text, "" for a blank or missing cell. */
    String text(int column) {
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
        reset(other.number);
        int w = other.width;
        if (w > text.length) {
            text = new String[w];
            kind = new byte[w];
            format = new byte[w];
        }
        System.arraycopy(other.text, 0, text, 0, w);
        System.arraycopy(other.kind, 0, kind, 0, w);
        System.arraycopy(other.format, 0, format, 0, w);
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
        r.width = width;
        return r;
    }
}
