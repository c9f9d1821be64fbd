package org.wattledger.importers;

import java.util.List;

/** Receives the rows of one sheet or CSV file, in order. */
interface RowSink {
    /** A row with at least one cell; return false to stop reading this sheet. */
    boolean row(CellRow row);

    /**
     * The row a producer fills next and then hands to {@link #row}, which it may not touch after:
     * by default the producer's own; a sink that keeps rows (the reading {@link Pipeline}) hands out
     * the one it keeps next, so that no row is copied.
     */
    default CellRow rowToFill(CellRow own) {
        return own;
    }

    /** The sheet ended; {@code merges} are its merged ranges (empty for CSV). */
    void end(List<Merge> merges);

    /** A merged range, 0-based and inclusive, as in the sheet's {@code <mergeCell ref="A2:A5"/>}. */
    record Merge(int firstRow, int firstColumn, int lastRow, int lastColumn) {
        boolean contains(int row, int column) {
            return row >= firstRow && row <= lastRow && column >= firstColumn && column <= lastColumn;
        }

        /** Parses "A2:B5" (or a single cell "A2"). */
        static Merge parse(String ref) {
            int colon = ref.indexOf(':');
            String a = colon < 0 ? ref : ref.substring(0, colon);
            String b = colon < 0 ? ref : ref.substring(colon + 1);
            long first = CellRef.parse(a);
            long last = CellRef.parse(b);
            if (first < 0 || last < 0) {
                return null;
            }
            return new Merge(CellRef.row(first), CellRef.column(first), CellRef.row(last), CellRef.column(last));
        }
    }
}
