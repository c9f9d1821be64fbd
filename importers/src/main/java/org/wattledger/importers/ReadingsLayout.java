package org.wattledger.importers;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.wattledger.engine.model.ReadingStore;
import org.wattledger.engine.model.ReadingType;
import org.wattledger.engine.model.Severity;

/**
 * The layout part of the readings table: how a row's dates and quantities become readings. Long
 * layout: one reading per row, its period from {@code from}/{@code to} or a month column. Wide
 * layout: one reading per month cell. Each reading read is counted in the tally, accepted or
 * rejected.
 */
final class ReadingsLayout {
    private final ReadingsTable t;
    private final ReadingsHeader h;
    private final ReadingRow k;
    private final MonthEnds monthEnds;

    ReadingsLayout(ReadingsTable table, ReadingsHeader header, ReadingRow row, MonthEnds monthEnds) {
        this.t = table;
        this.h = header;
        this.k = row;
        this.monthEnds = monthEnds;
    }

    /** Converts the table's current row, adding its readings to the file's readings. */
    void convert() {
        if (h.wide) {
            convertWide();
        } else {
            convertLong();
        }
    }

    /**
     * Converts the table's current row when its shared fields are those the last row read gave
     * ({@link ReadingsTable#sameFieldsRow}): only its dates and quantity are read.
     */
    void convertSameFields() {
        t.ctx.read++;
        convertLongTimes();
    }

    private void convertLong() {
        t.ctx.read++;
        k.read();
        t.fieldsRead(!t.failed && t.rowIssues.isEmpty());
        convertLongTimes();
    }

    /** The long layout after the row's shared fields are read: its period, quantity and reading. */
    private void convertLongTimes() {
        FileContext ctx = t.ctx;
        ReadingType type = k.typeOrDefault();
        LocalDateTime from = null;
        LocalDateTime to = null;
        boolean endOnly = false;
        TableReader.Recent fromE = type == ReadingType.REGISTER ? null : t.dateEntry(h.from, "from", false);
        TableReader.Recent toE = t.dateEntry(h.to, "to", false);
        Dates.Value fromV = fromE == null ? null : fromE.date();
        Dates.Value toV = toE == null ? null : toE.date();
        // from and to as the reading store holds them (NO_START while null): a date cell's come with its entry
        long fromSec = ReadingStore.NO_START;
        long toSec = ReadingStore.NO_START;
        boolean dateErrors = t.failed;
        if (toV == null && fromV == null && !t.blank(h.month)) {
            Dates.Value m = monthCell();
            if (m != null) {
                from = m.start();
                to = m.end();
                fromSec = ReadingStore.heldSeconds(from);
                toSec = ReadingStore.heldSeconds(to);
            }
        } else if (type == ReadingType.REGISTER) {
            if (toV != null) {
                to = utc(toV.end(), toV.offset());
                toSec = toV.offset() == null ? toE.endSecond : ReadingStore.heldSeconds(to);
            } else if (!dateErrors) {
                t.error(h.to, "to is empty (expected the date the register was read: " + Dates.EXPECTED.substring(9)
                        + ")");
            }
        } else if (toV == null) {
            if (!dateErrors && t.blank(h.to)) {
                t.error(h.to, "to is empty (expected the end of the period: " + Dates.EXPECTED.substring(9) + ")");
            }
        } else if (fromV != null && (fromV.offset() == null) != (toV.offset() == null)) {
            int naive = fromV.offset() == null ? h.from : h.to;
            t.error(naive, t.quoted(naive) + " has no UTC offset but " + t.quoted(naive == h.from ? h.to : h.from)
                    + " has one: give both with an offset (such as +08:00 or Z) or neither");
        } else {
            to = utc(toV.end(), toV.offset());
            toSec = toV.offset() == null ? toE.endSecond : ReadingStore.heldSeconds(to);
            if (fromV != null) {
                from = utc(fromV.start(), fromV.offset());
                fromSec = fromV.offset() == null ? fromE.startSecond : ReadingStore.heldSeconds(from);
            } else if (toV.span() != Dates.Span.INSTANT) {
                from = toV.start();
                fromSec = toE.startSecond;
            } else if (!dateErrors) {
                endOnly = true; // the engine starts it where the meter's previous reading ended
            }
            if (from != null && !startsBefore(from, fromSec, to, toSec)) {
                t.error(h.to, t.quoted(h.to) + " ends the period before it starts at " + t.quoted(h.from)
                        + " (a date alone in to includes that day; a date-time is the exclusive end)");
                from = null;
                fromSec = ReadingStore.NO_START;
            }
        }
        boolean ok = k.quantity(h.quantity, h.quantityUnit, from, fromSec, to, toSec, endOnly);
        if (!ok || t.failed) {
            if (!t.failed) {
                t.error(-1, "row not read");
            }
            ctx.rejected++;
            return;
        }
        ctx.accepted++;
        int index = t.add(null);
        if (toV != null && toV.offset() != null) {
            ctx.utcReadings.put(index, new ReadingTimes.Written(TableReader.letter(h.to), t.quoted(h.to)));
        }
        monthEnds.add(k.site, k.meter, k.carrier, k.from, k.to, index, fromV != null
                && fromV.span() == Dates.Span.DAY && toV != null && toV.span() == Dates.Span.DAY, h.to);
    }

    /**
     * {@code from} before {@code to}: on their seconds when both are whole seconds (the usual
     * case, no date-time objects touched), else on the date-times.
     */
    private static boolean startsBefore(LocalDateTime from, long fromSec, LocalDateTime to, long toSec) {
        return fromSec != ReadingStore.NOT_HELD && toSec != ReadingStore.NOT_HELD ? fromSec < toSec
                : from.isBefore(to);
    }

    /** A time written with a UTC offset as UTC, until its site's time zone is known ({@link ReadingTimes}). */
    private static LocalDateTime utc(LocalDateTime written, ZoneOffset offset) {
        return offset == null ? written : written.minusSeconds(offset.getTotalSeconds());
    }

    /** A month column: "2022-01", "2022年1月", a date, or 1..12 with the year column. */
    private Dates.Value monthCell() {
        byte kind = t.row.kind(h.month);
        String text = t.row.text(h.month);
        Dates.Value v = t.dates.parse(text, kind, t.row.format(h.month));
        if (v != null && v.span() != Dates.Span.YEAR) {
            if (v.span() == Dates.Span.INSTANT || v.span() == Dates.Span.DAY) {
                LocalDate d = v.start().toLocalDate().withDayOfMonth(1);
                return new Dates.Value(d.atStartOfDay(), Dates.Span.MONTH);
            }
            return v;
        }
        int[] ym = Dates.monthHeader(text, kind == CellRow.NUMBER ? CellRow.NUMBER : CellRow.TEXT, t.dates);
        if (ym != null) {
            int year = ym[0] != 0 ? ym[0] : yearCell();
            if (year > 0) {
                return new Dates.Value(LocalDate.of(year, ym[1], 1).atStartOfDay(), Dates.Span.MONTH);
            }
            if (h.year < 0) {
                t.error(h.month, t.quoted(h.month) + " names a month without a year (expected 2022-01, 2022年1月, or a"
                        + " year column)");
            }
            return null;
        }
        t.error(h.month, t.quoted(h.month) + " is not a month (expected 2022-01, 2022年1月, Jan-22, or 1 to 12 with a"
                + " year column)");
        return null;
    }

    /** The year column's value, 0 with an error when it is not a year. */
    private int yearCell() {
        if (t.blank(h.year)) {
            t.error(h.year, "year is empty (expected a year such as 2022)");
            return 0;
        }
        Integer year = Numbers.year(t.row.text(h.year));
        if (year != null) {
            return year;
        }
        t.error(h.year, t.quoted(h.year) + " is not a year (expected a year such as 2022)");
        return 0;
    }

    private void convertWide() {
        FileContext ctx = t.ctx;
        int values = 0;
        for (int c : h.monthCols) {
            if (!t.blank(c)) {
                values++;
            }
        }
        if (values == 0) {
            t.note(Severity.WARNING, -1, "row " + t.row.number + " has no value in any month column; nothing read");
            return;
        }
        ctx.read += values;
        k.read();
        int year = 0;
        boolean needYear = false;
        for (int[] ym : h.monthOf) {
            needYear |= ym[0] == 0;
        }
        if (needYear) {
            year = yearCell();
        }
        if (t.failed) {
            ctx.rejected += values;
            return;
        }
        ReadingType type = k.typeOrDefault();
        for (int i = 0; i < h.monthCols.length; i++) {
            int c = h.monthCols[i];
            if (t.blank(c)) {
                continue;
            }
            int y = h.monthOf[i][0] != 0 ? h.monthOf[i][0] : year;
            LocalDateTime from = LocalDate.of(y, h.monthOf[i][1], 1).atStartOfDay();
            LocalDateTime to = from.plusMonths(1);
            t.failed = false;
            boolean register = type == ReadingType.REGISTER;
            boolean ok = k.quantity(c, h.monthUnit[i] != null ? h.monthUnit[i] : h.quantityUnit,
                    register ? null : from, register ? ReadingStore.NO_START : ReadingStore.heldSeconds(from), to,
                    ReadingStore.heldSeconds(to), false);
            if (!ok || t.failed) {
                ctx.rejected++;
            } else {
                ctx.accepted++;
                t.add(TableReader.letter(c));
            }
        }
    }
}
