package org.wattledger.importers;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.wattledger.engine.model.TextTable;

/**
 * Collects a sheet or CSV file as a {@link TextTable} for loaders that read rows themselves (the
 * factor sheet). The header row is the first row (of the first 20) holding every required header
 * key, or the first non-blank row when none is required. Cells are their stored text: numbers as
 * their raw digits (never formatted), dates and date-times in date-formatted cells as ISO text
 * (2022-01-01, 2022-01-01T08:00), booleans as TRUE/FALSE, formula errors as #DIV/0! and so on.
 */
final class RawTable implements RowSink {
    private final String file;
    private final String sheet;
    private final Set<String> requiredKeys;
    private final Dates dates;
    private final int maxRows;
    private List<String> headers;
    private int headerRow;
    private int scanned;
    private final List<TextTable.Row> rows = new ArrayList<>();
    private boolean tooMany;

    RawTable(String file, String sheet, Set<String> requiredKeys, Dates dates, int maxRows) {
        this.file = file;
        this.sheet = sheet;
        this.requiredKeys = requiredKeys;
        this.dates = dates;
        this.maxRows = maxRows;
    }

    @Override
    public boolean row(CellRow r) {
        if (r.broken != null) {
            // a factor table with lines that could not be split into rows must not be used half
            throw new InputRejected(sheet, r.number, "row " + r.number + ": " + r.broken + "; the file was not read");
        }
        if (r.isBlank()) {
            return true;
        }
        if (headers == null) {
            List<String> texts = new ArrayList<>();
            java.util.Set<String> keys = new java.util.HashSet<>();
            for (int c = 0; c < r.width(); c++) {
                String t = r.text(c).strip();
                texts.add(t);
                if (!t.isEmpty()) {
                    keys.add(Columns.split(t).key());
                }
            }
            if (keys.containsAll(requiredKeys)) {
                int last = texts.size();
                while (last > 0 && texts.get(last - 1).isEmpty()) {
                    last--;
                }
                headers = new ArrayList<>(texts.subList(0, last));
                headerRow = r.number;
                return true;
            }
            return ++scanned < TableReader.HEADER_SCAN_ROWS;
        }
        if (rows.size() >= maxRows) {
            tooMany = true;
            return false;
        }
        List<String> cells = new ArrayList<>(headers.size());
        for (int c = 0; c < headers.size(); c++) {
            cells.add(cellText(r, c));
        }
        rows.add(new TextTable.Row(r.number, cells));
        return true;
    }

    private String cellText(CellRow r, int c) {
        byte k = r.kind(c);
        String t = r.text(c);
        if (k == CellRow.NUMBER) {
            byte f = r.format(c);
            if (f == CellRow.FMT_DATE || f == CellRow.FMT_DATETIME || f == CellRow.FMT_MONTH) {
                Dates.Value v = dates.parse(t, k, f);
                if (v != null) {
                    LocalDateTime s = v.start();
                    return s.toLocalTime().equals(LocalTime.MIDNIGHT) && v.span() != Dates.Span.INSTANT
                            ? s.toLocalDate().toString() : s.toString();
                }
            }
            return t;
        }
        return k == CellRow.TEXT ? t.strip() : t;
    }

    @Override
    public void end(List<Merge> merges) {
        // merged cells are not interpreted in raw tables
    }

    boolean found() {
        return headers != null;
    }

    boolean truncated() {
        return tooMany;
    }

    TextTable table() {
        return new TextTable(file, sheet, headerRow, headers == null ? List.of() : headers, rows);
    }
}
