package org.wattledger.engine.model;

import java.util.List;

/**
 * A table as cell text, with the location of every row, for loaders that interpret rows
 * themselves (the factor-sheet loader). Headers are as written in the file; {@code headerRow} and
 * each row's {@code number} are 1-based as the user sees them.
 */
public record TextTable(String file, String sheet, int headerRow, List<String> headers, List<Row> rows) {
    public TextTable {
        headers = List.copyOf(headers);
        rows = List.copyOf(rows);
    }

    /** One data row: its 1-based number and its cells, aligned with the headers (missing cells are ""). */
    public record Row(int number, List<String> cells) {
        public String cell(int index) {
            return index < cells.size() && cells.get(index) != null ? cells.get(index) : "";
        }
    }

    public SourceRef at(Row row, int columnIndex) {
        return new SourceRef(file, sheet, row.number(), SourceRef.columnLetter(columnIndex));
    }
}
