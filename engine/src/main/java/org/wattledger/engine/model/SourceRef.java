package org.wattledger.engine.model;

/**
 * Where a value came from, as the user sees it: file name, sheet (null for CSV), 1-based row and
 * column letter (null when the whole row is meant).
 */
public record SourceRef(String file, String sheet, int row, String column) implements Comparable<SourceRef> {

    public static SourceRef row(String file, String sheet, int row) {
        return new SourceRef(file, sheet, row, null);
    }

    public SourceRef atColumn(String columnLetter) {
        return new SourceRef(file, sheet, row, columnLetter);
    }

    /** Spreadsheet column letter of a 0-based index: 0 → A, 25 → Z, 26 → AA. */
    public static String columnLetter(int index) {
        StringBuilder sb = new StringBuilder();
        for (int i = index + 1; i > 0; i = (i - 1) / 26) {
            sb.insert(0, (char) ('A' + (i - 1) % 26));
        }
        return sb.toString();
    }

    /** "meters.xlsx, sheet readings, row 14, column F". */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(file);
        if (sheet != null) {
            sb.append(", sheet ").append(sheet);
        }
        if (row > 0) {
            sb.append(", row ").append(row);
        }
        if (column != null) {
            sb.append(", column ").append(column);
        }
        return sb.toString();
    }

    @Override
    public int compareTo(SourceRef o) {
        int c = file.compareTo(o.file);
        if (c != 0) {
            return c;
        }
        c = String.valueOf(sheet).compareTo(String.valueOf(o.sheet));
        return c != 0 ? c : Integer.compare(row, o.row);
    }
}
