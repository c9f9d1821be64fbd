package org.wattledger.importers;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.function.Function;
import org.wattledger.engine.model.Issue;
import org.wattledger.engine.model.ReadingStore;
import org.wattledger.engine.model.Severity;
import org.wattledger.engine.model.SourceRef;
import org.wattledger.engine.model.UserText;

/**
 * A table in a sheet or CSV file: finds the header row among the first 20 rows (rows above it
 * are titles), then hands each data row to {@link #data}. Errors are collected per row with the
 * row number and column letter the user sees.
 */
abstract class TableReader implements RowSink {
    static final int HEADER_SCAN_ROWS = 20;
    private static final String[] LETTERS = new String[512];

    static {
        for (int i = 0; i < LETTERS.length; i++) {
            LETTERS[i] = SourceRef.columnLetter(i);
        }
    }

    final FileContext ctx;
    final String sheet;
    final TableKind kind;
    final Dates dates;
    /** A semicolon-separated CSV: a single comma is a decimal comma. Set before the first row. */
    boolean decimalComma;
    Columns.Header header;
    private Columns.Header best;
    private int scanned;
    private int titleRows;
    private boolean gaveUp;
    private boolean sawAnyRow;

    // the row being converted
    CellRow row;
    boolean failed;
    final List<Issue> rowIssues = new ArrayList<>();

    TableReader(FileContext ctx, String sheet, TableKind kind, Dates dates, boolean decimalComma) {
        this.ctx = ctx;
        this.sheet = sheet;
        this.kind = kind;
        this.dates = dates;
        this.decimalComma = decimalComma;
    }

    static String letter(int column) {
        return column < LETTERS.length ? LETTERS[column] : SourceRef.columnLetter(column);
    }

    /** The table's columns and aliases. */
    Map<String, String> columns() {
        return Columns.forKind(kind);
    }

    /** Whether month headers are looked for (the wide readings layout). */
    boolean wantsMonths() {
        return false;
    }

    /** Required columns missing from a candidate header; empty when it is the header. */
    abstract List<String> missing(Columns.Header h);

    /** Called once the header row is known. */
    void onHeader(Columns.Header h) {
    }

    abstract void data(CellRow row);

    /** Called at the end of the sheet when a header was found. */
    void finish(List<Merge> merges) {
    }

    /** The header was found; false until then (a sheet can be sniffed with this). */
    boolean foundHeader() {
        return header != null;
    }

    @Override
    public boolean row(CellRow r) {
        if (r.broken != null) {
            unreadable(r);
            return true;
        }
        if (header == null) {
            if (r.isBlank()) {
                return true;
            }
            sawAnyRow = true;
            Columns.Header h = Columns.match(r, columns(), wantsMonths() ? dates : null);
            if (missing(h).isEmpty()) {
                headerRow = r.copy();
                header = h;
                reportHeader(h);
                onHeader(h);
                return true;
            }
            if (best == null || score(h) > score(best)) {
                best = h;
            }
            titleRows++;
            if (++scanned >= HEADER_SCAN_ROWS) {
                noHeader();
                return false;
            }
            return true;
        }
        data(r);
        return true;
    }

    @Override
    public void end(List<Merge> merges) {
        if (header == null) {
            if (!gaveUp) {
                if (sawAnyRow) {
                    noHeader();
                } else {
                    ctx.issue(Severity.WARNING, sheet, 0, null, where() + " is empty");
                }
            }
            return;
        }
        finish(merges);
    }

    String where() {
        return sheet == null ? ctx.file : "sheet " + sheet;
    }

    private static int score(Columns.Header h) {
        return h.columns.size() * 100 + h.months.size();
    }

    private void noHeader() {
        gaveUp = true;
        StringBuilder sb = new StringBuilder();
        sb.append("no ").append(kind.id()).append(" header row in the first ").append(HEADER_SCAN_ROWS)
                .append(" rows of ").append(where()).append(": expected columns ")
                .append(String.join(", ", requiredNames()));
        if (best != null && !best.columns.isEmpty()) {
            sb.append("; the closest, row ").append(best.row).append(", has ")
                    .append(String.join(", ", best.columns.keySet())).append(" but lacks ")
                    .append(String.join(", ", missing(best)));
        }
        ctx.issue(Severity.ERROR, sheet, 0, null, sb.toString());
    }

    /**
     * Lines the reader could not split into rows: one error on the row they start at, and each of
     * them a rejected row of the tally, so that rows read = accepted + rejected still holds.
     */
    private void unreadable(CellRow r) {
        ctx.issue(Severity.ERROR, sheet, r.number, r.brokenColumn >= 0 ? letter(r.brokenColumn) : null, r.broken);
        if (kind == TableKind.READINGS && header != null) {
            ctx.read += r.brokenRows;
            ctx.rejected += r.brokenRows;
        }
    }

    /** The required columns, for the message when no header is found. */
    abstract List<String> requiredNames();

    private void reportHeader(Columns.Header h) {
        if (titleRows > 0) {
            ctx.issue(Severity.INFO, sheet, h.row, null, "header row is row " + h.row + "; the " + titleRows
                    + (titleRows == 1 ? " row" : " rows") + " above it " + (titleRows == 1 ? "is" : "are")
                    + " taken as a title and not read");
        }
        for (String note : h.notes) {
            int sep = note.indexOf('\u0000');
            int c = Integer.parseInt(note.substring(0, sep));
            String canonical = note.substring(sep + 1);
            ctx.issue(Severity.WARNING, sheet, h.row, letter(c), "a second " + canonical + " column; only column "
                    + letter(h.col(canonical)) + " is read");
        }
        for (int[] u : h.unknown) {
            ctx.issue(Severity.INFO, sheet, h.row, letter(u[0]), "column " + UserText.quote(headerText(u[0])) + " is not a "
                    + kind.id() + " column and is not read");
        }
    }

    String headerText(int c) {
        return headerRow == null ? "" : headerRow.text(c).strip();
    }

    // ---- per-row helpers ----

    void startRow(CellRow r) {
        row = r;
        failed = false;
        rowIssues.clear();
    }

    SourceRef at(int column) {
        return new SourceRef(ctx.file, sheet, row.number, column >= 0 ? letter(column) : null);
    }

    void error(int column, String message) {
        failed = true;
        rowIssues.add(new Issue(Severity.ERROR, ctx.file, sheet, row.number, column >= 0 ? letter(column) : null,
                message));
    }

    void note(Severity severity, int column, String message) {
        rowIssues.add(new Issue(severity, ctx.file, sheet, row.number, column >= 0 ? letter(column) : null, message));
    }

    /** Moves this row's issues into the file's list. */
    void flushRow() {
        if (!rowIssues.isEmpty()) {
            ctx.issues.addAll(rowIssues);
            rowIssues.clear();
        }
    }

    boolean blank(int column) {
        return column < 0 || row.isBlank(column);
    }

    /** The cell's text, stripped; "" when blank or absent. */
    String text(int column) {
        return column < 0 ? "" : row.text(column).strip();
    }

    /** How a cell's content is quoted in messages: 'n/a', or the formula error (shortened and escaped by UserText). */
    String quoted(int column) {
        if (column >= 0 && row.kind(column) == CellRow.NUMBER) {
            try {
                BigDecimal v = new BigDecimal(row.text(column)).stripTrailingZeros();
                if (v.scale() < -Numbers.MAX_INTEGER_DIGITS || v.scale() > 2 * Numbers.MAX_SIGNIFICANT_DIGITS) {
                    return UserText.quote(text(column)); // 1E+100000000 written out plainly would be 100 million digits
                }
                return UserText.quote((v.scale() < 0 ? v.setScale(0) : v).toPlainString());
            } catch (NumberFormatException e) {
                return UserText.quote(text(column));
            }
        }
        return UserText.quote(text(column));
    }

    /**
     * The last text seen in each column and what it gave: consecutive rows usually repeat their
     * site, meter, carrier, unit and neighbouring dates, and comparing the cell's bytes is cheaper
     * than hashing its text.
     */
    private final Recent[] memo = new Recent[64];

    /** The value memoised for this column's current text, or null. */
    Object memo(int column) {
        if (column >= memo.length) {
            return null;
        }
        Recent m = memo[column];
        return m != null && m.kind() == row.kind(column) && m.format() == row.format(column)
                && row.sameText(column, m.utf8(), m.text()) ? m.value() : null;
    }

    /** Remembers what this column's current text gave. */
    <T> T remember(int column, T value) {
        if (column < memo.length && value != null) {
            memo[column] = entry(column, value);
        }
        return value;
    }

    /** Remembers an entry of this column's current text. */
    @SuppressWarnings("unchecked")
    <T> T remember(int column, Recent r) {
        if (column < memo.length) {
            memo[column] = r;
        }
        return (T) r.value();
    }

    private Recent entry(int column, Object value) {
        return new Recent(row.text(column), row.utf8(column), recentHash(column), row.kind(column),
                row.format(column), value);
    }

    /**
     * Second to the memo: what each distinct cell text gave, per column, in an open-addressing
     * table keyed by the cell's bytes (hashed and compared without making a String of them). A
     * million hourly rows hold a few thousand distinct dates and meters; found here, a cell is
     * never turned into a String. A table that reaches {@value #RECENT_MAX} texts starts again.
     */
    private static final int RECENT_MAX = 1 << 16;
    private final Map<Integer, RecentTable> recentByColumn = new HashMap<>();

    /** A cell text (with its UTF-8 bytes, hash, kind and format) and what it gave. */
    static final class Recent {
        private final String text;
        private final byte[] utf8;
        private final int hash;
        private final byte kind;
        private final byte format;
        private final Object value;
        /**
         * The entry read next in the column the last time this one was read there: hourly dates
         * follow each other in the same order for every meter, so the next row's date is mostly
         * this one, found with one comparison instead of a hash look-up. A hint only; checked.
         */
        Recent next;
        /** Its table was emptied ({@link #RECENT_MAX}): it is neither linked nor linked to from now on. */
        boolean dropped;

        /**
         * For a date: its start and end as the reading store's columns hold them
         * ({@link ReadingStore#heldSeconds}), worked out once per distinct text.
         */
        final long startSecond;
        final long endSecond;

        Recent(String text, byte[] utf8, int hash, byte kind, byte format, Object value) {
            this.text = text;
            this.utf8 = utf8;
            this.hash = hash;
            this.kind = kind;
            this.format = format;
            this.value = value;
            boolean date = value instanceof Dates.Value;
            startSecond = date ? ReadingStore.heldSeconds(((Dates.Value) value).start()) : ReadingStore.NOT_HELD;
            endSecond = date ? ReadingStore.heldSeconds(((Dates.Value) value).end()) : ReadingStore.NOT_HELD;
        }

        /** The date this entry holds (an entry of a date column). */
        Dates.Value date() {
            return (Dates.Value) value;
        }

        String text() {
            return text;
        }

        byte[] utf8() {
            return utf8;
        }

        int hash() {
            return hash;
        }

        byte kind() {
            return kind;
        }

        byte format() {
            return format;
        }

        Object value() {
            return value;
        }

        /** Whether this entry is the text of {@code row}'s cell in {@code column}. */
        boolean isTextOf(CellRow row, int column) {
            return kind == row.kind(column) && format == row.format(column) && row.sameText(column, utf8, text);
        }
    }

    private static final class RecentTable {
        Recent[] slots = new Recent[64];
        int size;

        Recent find(CellRow row, int column, int hash) {
            int mask = slots.length - 1;
            for (int i = spread(hash) & mask; ; i = (i + 1) & mask) {
                Recent r = slots[i];
                if (r == null) {
                    return null;
                }
                if (r.hash() == hash && r.kind() == row.kind(column) && r.format() == row.format(column)
                        && row.sameText(column, r.utf8(), r.text())) {
                    return r;
                }
            }
        }

        void add(Recent r) {
            if (size >= RECENT_MAX) {
                for (Recent o : slots) {
                    if (o != null) {
                        o.dropped = true; // and linked no more: what a link holds stays within the tables
                        o.next = null;
                    }
                }
                slots = new Recent[64];
                size = 0;
            }
            if (2 * (size + 1) > slots.length) {
                Recent[] old = slots;
                slots = new Recent[old.length * 2];
                for (Recent o : old) {
                    if (o != null) {
                        put(o);
                    }
                }
            }
            put(r);
            size++;
        }

        private void put(Recent r) {
            int mask = slots.length - 1;
            int i = spread(r.hash()) & mask;
            while (slots[i] != null) {
                i = (i + 1) & mask;
            }
            slots[i] = r;
        }

        private static int spread(int h) {
            h *= 0x9E3779B9;
            return h ^ (h >>> 16);
        }
    }

    private int recentHash(int column) {
        return row.textHash(column) * 31 + row.kind(column) * 7 + row.format(column);
    }

    /** What this column's current text gave before, or null. */
    Recent recent(int column) {
        RecentTable t = recentByColumn.get(column);
        return t == null ? null : t.find(row, column, recentHash(column));
    }

    /** Keeps what this column's current text gave (not null). */
    Recent rememberRecent(int column, Object value) {
        Recent r = entry(column, value);
        recentByColumn.computeIfAbsent(column, c -> new RecentTable()).add(r);
        return r;
    }

    /** The last date read, in any column: a period usually starts where the previous row's ended. */
    private Recent lastDate;

    /** A required text cell (an id); reports "X is empty". */
    String required(int column, String name) {
        if (blank(column)) {
            error(column, name + " is empty");
            return null;
        }
        Object m = memo(column);
        if (m != null) {
            return (String) m;
        }
        Recent r = recent(column);
        if (r == null) {
            r = rememberRecent(column, ctx.caches.intern(text(column)));
        }
        return remember(column, r);
    }

    /** An optional text cell, or null. */
    String optional(int column) {
        return blank(column) ? null : text(column);
    }

    /** A plain number (no unit), or null with an error naming what was expected. */
    BigDecimal number(int column, String name, String expected, boolean required) {
        if (blank(column)) {
            if (required) {
                error(column, name + " is empty (expected " + expected + ")");
            }
            return null;
        }
        Numbers.Parsed p = parseNumber(column);
        if (!p.ok() || !p.suffix().isEmpty()) {
            error(column, notANumber(column, expected, p));
            return null;
        }
        return p.value();
    }

    /** {@link Numbers#parse} of a cell; a plain number is read straight from the cell's bytes. */
    Numbers.Parsed parseNumber(int column) {
        if (plainNumber(column, plain)) {
            return new Numbers.Parsed(plain.toBigDecimal(), "", null);
        }
        return Numbers.parse(row.text(column), row.kind(column), decimalComma);
    }

    private final Numbers.Plain plain = new Numbers.Plain();

    /**
     * A number or text cell holding a plain decimal ({@link Numbers#fastPlain}), read from its
     * bytes into {@code out} with no object made; false when the cell needs {@link #parseNumber}.
     */
    boolean plainNumber(int column, Numbers.Plain out) {
        byte k = row.kind(column);
        return (k == CellRow.NUMBER || k == CellRow.TEXT) && row.plainNumber(column, out);
    }

    String notANumber(int column, String expected, Numbers.Parsed p) {
        byte k = row.kind(column);
        if (k == CellRow.ERROR) {
            return quoted(column) + " is a formula error (expected " + expected + ")";
        }
        if (k == CellRow.NO_VALUE) {
            return "the formula has no saved value; open the workbook in Excel, let it calculate and save it (expected "
                    + expected + ")";
        }
        if (p != null && p.problem() != null) {
            return quoted(column) + " " + p.problem();
        }
        return quoted(column) + " is not a number (expected " + expected + ")";
    }

    /** A date cell, or null with an error; {@code name} is the column's name for "is empty". */
    Dates.Value date(int column, String name, boolean required) {
        Recent r = dateEntry(column, name, required);
        return r == null ? null : r.date();
    }

    /** {@link #date}, as the entry that holds the date and its seconds. */
    Recent dateEntry(int column, String name, boolean required) {
        if (blank(column)) {
            if (required) {
                error(column, name + " is empty (" + Dates.EXPECTED + ")");
            }
            return null;
        }
        byte k = row.kind(column);
        if (k == CellRow.ERROR || k == CellRow.NO_VALUE) {
            error(column, notANumber(column, "a date", null));
            return null;
        }
        // Where the text is looked for first: after the row above's date in this column (dates follow
        // each other in the same order meter after meter), then the last date read (a period starts
        // where the one before ended), then the row above's (a date repeated row after row), then the
        // column's table. Every candidate is checked against the text, so the order only saves time.
        Recent before = column < memo.length ? memo[column] : null;
        Recent r;
        if (before != null && before.next != null && before.next.isTextOf(row, column)) {
            r = before.next;
        } else if (lastDate != null && lastDate.isTextOf(row, column)) {
            r = lastDate;
        } else if (before != null && before.value() instanceof Dates.Value && before.isTextOf(row, column)) {
            return before;
        } else {
            r = recent(column);
            if (r == null) {
                Dates.Value v = dates.parse(row.text(column), k, row.format(column));
                r = v == null ? null : rememberRecent(column, v);
            }
        }
        if (r == null) {
            error(column, quoted(column) + " " + Dates.notADate(row.text(column), k));
            return null;
        }
        if (before != null && before.value() instanceof Dates.Value && !before.dropped && !r.dropped) {
            before.next = r;
        }
        lastDate = r;
        remember(column, r);
        return r;
    }

    /**
     * Per word column, each distinct raw cell text and what its parser gave (empty for an unknown
     * word): a word column holds a handful of distinct texts, and parsing one (NFKC folding, lower
     * case, alias look-up) costs far more than a hash look-up of the text the reader already holds.
     */
    private final Map<Integer, Map<String, Optional<?>>> wordsByColumn = new HashMap<>();

    /** An enum-like word via its parser, or null with an error listing the accepted words. */
    @SuppressWarnings("unchecked")
    <T> T word(int column, String name, Function<String, Optional<T>> parser, String accepted) {
        if (blank(column)) {
            return null;
        }
        Object m = memo(column);
        if (m != null) {
            return (T) m; // the same text as the row above
        }
        Recent recent = recent(column);
        if (recent != null) {
            return remember(column, recent);
        }
        Map<String, Optional<?>> parsed = wordsByColumn.computeIfAbsent(column, c -> new HashMap<>());
        String raw = row.text(column);
        Optional<T> v = (Optional<T>) parsed.get(raw);
        if (v == null) {
            v = parser.apply(raw.strip());
            if (parsed.size() < 1_000) { // a file of endless distinct bad words is parsed row by row, not kept
                parsed.put(raw, v);
            }
        }
        if (v.isEmpty()) {
            error(column, "unknown " + name + " " + UserText.quote(text(column)) + " (expected " + accepted + ")");
            return null;
        }
        return remember(column, rememberRecent(column, v.get()));
    }

    static String list(String... words) {
        StringJoiner j = new StringJoiner(", ");
        for (int i = 0; i < words.length - 1; i++) {
            j.add(words[i]);
        }
        return words.length == 1 ? words[0] : j + " or " + words[words.length - 1];
    }

    /** The header row as read, for messages about its cells. */
    CellRow headerRow;
}
