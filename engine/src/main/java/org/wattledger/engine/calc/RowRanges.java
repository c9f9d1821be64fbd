package org.wattledger.engine.calc;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.wattledger.engine.model.SourceRef;

/**
 * The input rows behind a figure, kept compactly as runs of consecutive row numbers per file and
 * sheet ("meters.xlsx, sheet readings, rows 2-13, 40"). Cheap to append in input order.
 */
public final class RowRanges {
    private final Map<String, List<int[]>> runsBySource = new TreeMap<>();
    // The file, sheet and runs of the previous row: rows of one line mostly come from one sheet.
    private String lastFile;
    private String lastSheet;
    private List<int[]> lastRuns;

    public void add(SourceRef ref) {
        add(ref.file(), ref.sheet(), ref.row());
    }

    /** Adds row {@code row} of the file's sheet (sheet null for CSV). */
    public void add(String file, String sheet, int row) {
        List<int[]> runs;
        if (lastRuns != null && file.equals(lastFile) && java.util.Objects.equals(sheet, lastSheet)) {
            runs = lastRuns;
        } else {
            String source = sheet == null ? file : file + ", sheet " + sheet;
            runs = runsBySource.computeIfAbsent(source, s -> new ArrayList<>());
            lastFile = file;
            lastSheet = sheet;
            lastRuns = runs;
        }
        if (!runs.isEmpty()) {
            int[] last = runs.get(runs.size() - 1);
            if (row >= last[0] && row <= last[1]) {
                return;
            }
            if (row == last[1] + 1) {
                last[1] = row;
                return;
            }
        }
        runs.add(new int[] {row, row});
    }

    public void addAll(RowRanges other) {
        other.runsBySource.forEach((source, runs) -> {
            List<int[]> mine = runsBySource.computeIfAbsent(source, s -> new ArrayList<>());
            for (int[] r : runs) {
                mine.add(r.clone());
            }
            mine.sort((a, b) -> Integer.compare(a[0], b[0]));
            List<int[]> merged = new ArrayList<>();
            for (int[] r : mine) {
                int[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
                if (last != null && r[0] <= last[1] + 1) {
                    last[1] = Math.max(last[1], r[1]);
                } else {
                    merged.add(r);
                }
            }
            mine.clear();
            mine.addAll(merged);
        });
    }

    /** Number of distinct rows. */
    public long count() {
        long n = 0;
        for (List<int[]> runs : runsBySource.values()) {
            for (int[] r : runs) {
                n += r[1] - r[0] + 1;
            }
        }
        return n;
    }

    /** Source ("file, sheet s") → row runs as "2-13", "40". */
    public Map<String, List<String>> describe() {
        Map<String, List<String>> out = new TreeMap<>();
        runsBySource.forEach((source, runs) -> {
            List<String> texts = new ArrayList<>();
            for (int[] r : runs) {
                texts.add(r[0] == r[1] ? Integer.toString(r[0]) : r[0] + "-" + r[1]);
            }
            out.put(source, texts);
        });
        return out;
    }

    /** True when the row is among these. */
    public boolean contains(SourceRef ref) {
        String source = ref.sheet() == null ? ref.file() : ref.file() + ", sheet " + ref.sheet();
        List<int[]> runs = runsBySource.get(source);
        if (runs == null) {
            return false;
        }
        for (int[] r : runs) {
            if (ref.row() >= r[0] && ref.row() <= r[1]) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        describe().forEach((source, runs) -> {
            if (sb.length() > 0) {
                sb.append("; ");
            }
            boolean oneRow = runs.size() == 1 && !runs.get(0).contains("-");
            sb.append(source).append(oneRow ? ", row " : ", rows ").append(String.join(", ", runs));
        });
        return sb.toString();
    }
}
