package org.wattledger.importers;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.wattledger.engine.model.Inventory;
import org.wattledger.engine.model.Issue;
import org.wattledger.engine.model.Reading;
import org.wattledger.engine.model.Site;

/**
 * A readings table whose rows the caller splits and hands over itself, in batches, each row with
 * the number the user sees (a job that reads one file's lines on many machines). Every row goes
 * through the same readings table as {@link WorkbookImporter}'s: header, row fields, layouts, the
 * month-end convention (applied within a batch: give a meter's rows of one file as one batch) and
 * times with a UTC offset (made local with the sites' zones).
 *
 * <pre>{@code
 * ReadingRows table = ReadingRows.open("readings.csv", firstRows);   // finds the header
 * ReadingRows.Batch b = table.batch();
 * b.add(2, cellsOfRow2); b.add(3, cellsOfRow3);
 * ReadingRows.Converted c = b.finish(sites);
 * }</pre>
 */
public final class ReadingRows {
    /** How many rows above the header may be titles, as for a sheet. */
    public static final int HEADER_SCAN_ROWS = TableReader.HEADER_SCAN_ROWS;

    private final String file;
    private final List<String[]> headerRows;
    private final int headerRow;
    private final Inventory.ReadingColumns columns;

    /**
     * The readings of a batch in row order, every issue its rows raised, its tally, and the
     * measurement points and zones its rows gave their meters (one per distinct value, first row).
     */
    public record Converted(List<Reading> readings, List<Issue> issues, Inventory.RowTally rows,
            List<org.wattledger.engine.model.MeterTag> meterTags) {
    }

    private ReadingRows(String file, List<String[]> headerRows, int headerRow, Inventory.ReadingColumns columns) {
        this.file = file;
        this.headerRows = headerRows;
        this.headerRow = headerRow;
        this.columns = columns;
    }

    /**
     * The table of {@code file} whose first rows (row 1, 2 …, at most {@link #HEADER_SCAN_ROWS})
     * are given; throws {@link IllegalArgumentException} saying what is missing when none is a
     * readings header.
     */
    public static ReadingRows open(String file, List<String[]> firstRows) {
        FileContext ctx = new FileContext(file, ImportOptions.defaults(), new FileContext.Caches());
        ReadingsTable table = new ReadingsTable(ctx, null, new Dates(false), false);
        CellRow row = new CellRow();
        int n = 0;
        for (String[] cells : firstRows) {
            n++;
            fill(row, n, cells);
            table.row(row);
            if (table.foundHeader()) {
                String[] letters = ctx.readingColumns.get(FileContext.tableKey(file, null));
                return new ReadingRows(file, List.copyOf(firstRows.subList(0, n)), n,
                        new Inventory.ReadingColumns(file, null, letters[0], letters[1], letters[2]));
            }
            if (n >= HEADER_SCAN_ROWS) {
                break;
            }
        }
        table.end(List.of());
        String why = ctx.issues.isEmpty() ? "no readings header" : ctx.issues.get(0).message();
        throw new IllegalArgumentException(file + ": " + why);
    }

    /** The row of the header: data rows come after it. */
    public int headerRow() {
        return headerRow;
    }

    /** Where the table keeps a reading's quantity, start and end, for the engine's input stage. */
    public Inventory.ReadingColumns columns() {
        return columns;
    }

    public Batch batch() {
        return new Batch();
    }

    private static void fill(CellRow row, int number, String[] cells) {
        row.reset(number);
        for (int i = 0; i < cells.length; i++) {
            if (cells[i] != null && !cells[i].isEmpty()) {
                row.set(i, CellRow.TEXT, cells[i], CellRow.FMT_GENERAL);
            }
        }
    }

    /** Rows converted together: the rules that look across rows (month ends) see the batch's rows. */
    public final class Batch {
        private final FileContext ctx;
        private final ReadingsTable table;
        private final CellRow row = new CellRow();

        private Batch() {
            Map<String, String[]> letters = new HashMap<>();
            ctx = new FileContext(file, ImportOptions.defaults(), new FileContext.Caches(), letters);
            table = new ReadingsTable(ctx, null, new Dates(false), false);
            int n = 0;
            for (String[] cells : headerRows) {
                fill(row, ++n, cells);
                table.row(row);
            }
            ctx.issues.clear(); // the header's notes are the whole table's: the caller reports them once
        }

        /** A data row (after {@link #headerRow()}), as its cells' text; blank rows are skipped as in a file. */
        public void add(int rowNumber, String[] cells) {
            fill(row, rowNumber, cells);
            if (row.width() > 0) {
                table.row(row);
            }
        }

        /** The batch's readings, in local time by the sites' zones (times given with a UTC offset). */
        public Converted finish(List<Site> sites) {
            table.end(List.of());
            FileContext.Flat flat = ctx.flatReadings();
            ReadingTimes.Result local = ReadingTimes.toLocal(flat.readings(), flat.utc(), sites, ctx.readingColumns);
            List<Issue> issues = new ArrayList<>(ctx.issues);
            issues.addAll(local.issues());
            return new Converted(local.readings(), issues, new Inventory.RowTally(ctx.read,
                    ctx.accepted - local.rejected(), ctx.rejected + local.rejected()), List.copyOf(ctx.meterTags.values()));
        }
    }

    /** The header's own notes (an unknown column, a unit in the header), reported once per file. */
    public List<Issue> headerIssues() {
        FileContext ctx = new FileContext(file, ImportOptions.defaults(), new FileContext.Caches());
        ReadingsTable table = new ReadingsTable(ctx, null, new Dates(false), false);
        CellRow row = new CellRow();
        int n = 0;
        for (String[] cells : headerRows) {
            fill(row, ++n, cells);
            table.row(row);
        }
        return List.copyOf(ctx.issues);
    }
}
