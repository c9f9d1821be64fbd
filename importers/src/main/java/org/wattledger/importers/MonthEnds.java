package org.wattledger.importers;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wattledger.engine.meter.MeterKey;
import org.wattledger.engine.model.Carrier;
import org.wattledger.engine.model.Reading;
import org.wattledger.engine.model.Severity;

/**
 * The month-end convention of building-management exports: a month written as 2024-01-01 →
 * 2024-02-01, the end being the next period's start. A date alone in {@code to} normally includes
 * that day, which would make every such row overlap the next by one day. When every date-only row
 * of a meter in one sheet, in sheet order, ends on the date the next one starts (at least two
 * rows), the meter's {@code to} dates are read as the first day <em>not</em> included, and one info
 * issue says so. One row that breaks the pattern leaves the meter as written (its overlaps are
 * then reported as usual).
 */
final class MonthEnds {
    /** One meter's date-only rows of the sheet, while they all end where the next begins. */
    private static final class Series {
        /** The rows' indexes in the file's readings. */
        final List<Integer> rows = new ArrayList<>();
        LocalDate lastEnd;
        boolean consistent = true;
        /** The to column's index: its letter is worked out only for the issue. */
        int toColumn;
    }

    private final Map<MeterKey, Series> meters = new LinkedHashMap<>();
    private Series last;
    private String lastSite;
    private String lastMeter;
    private Carrier lastCarrier;

    /**
     * Notes an accepted reading of meter {@code site}/{@code meter}/{@code carrier} over
     * [{@code from}, {@code to}) ({@code from} null: a register reading or an end-only row), added
     * to the file's readings at {@code index}; {@code dateOnly}: both from and to were dates
     * without a time.
     */
    void add(String site, String meter, Carrier carrier, LocalDateTime from, LocalDateTime to, int index,
            boolean dateOnly, int toColumn) {
        if (from == null) {
            return; // a register reading or an end-only row: no written period
        }
        // consecutive rows of one meter share its series without a look-up
        Series s = last != null && lastSite.equals(site) && lastMeter.equals(meter) && lastCarrier == carrier ? last
                : meters.computeIfAbsent(new MeterKey(site, meter, carrier), k -> new Series());
        last = s;
        lastSite = site;
        lastMeter = meter;
        lastCarrier = carrier;
        if (!s.consistent) {
            return;
        }
        LocalDate start = from.toLocalDate();
        LocalDate writtenEnd = to.toLocalDate().minusDays(1); // the date in the cell
        if (!dateOnly || !start.isBefore(writtenEnd) || s.lastEnd != null && !s.lastEnd.equals(start)) {
            s.consistent = false;
            s.rows.clear();
            return;
        }
        s.rows.add(index);
        s.lastEnd = writtenEnd;
        s.toColumn = toColumn;
    }

    /** At the end of the sheet: reads the ends of consistent meters as exclusive, with one info each. */
    void finish(FileContext ctx, String sheet) {
        meters.forEach((meter, s) -> {
            if (!s.consistent || s.rows.size() < 2) {
                return;
            }
            Reading first = ctx.readings.get(s.rows.get(0));
            Reading second = ctx.readings.get(s.rows.get(1));
            for (int i : s.rows) {
                Reading r = ctx.readings.get(i);
                ctx.monthEnds.put(i, r.withTimes(r.from(), r.to().minusDays(1)));
            }
            ctx.issue(Severity.INFO, sheet, first.source().row(), TableReader.letter(s.toColumn), "meter " + meter + ": each of its "
                    + s.rows.size() + " rows ends on the date the next starts (" + first.from().toLocalDate() + " to "
                    + first.to().toLocalDate().minusDays(1) + ", then " + second.from().toLocalDate() + " to "
                    + second.to().toLocalDate().minusDays(1) + "), so to is read as the first day not included");
        });
        meters.clear();
        last = null;
    }
}
