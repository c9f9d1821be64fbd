package org.wattledger.engine.meter;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wattledger.engine.model.Carrier;
import org.wattledger.engine.model.Issue;
import org.wattledger.engine.model.Quality;
import org.wattledger.engine.model.Reading;
import org.wattledger.engine.model.ReadingType;
import org.wattledger.engine.model.Severity;
import org.wattledger.engine.model.SourceRef;
import org.wattledger.engine.units.Exact;

/**
 * Checks the periods of each meter's consumption readings ({@link MeterKey}) for duplicates,
 * overlaps and gaps (docs/methodology.md, "Meter readings"):
 * <ul>
 *   <li>a reading that gives only its end time starts where the meter's previous reading (by end
 *       time) ended; the first reading of a meter cannot, and is an error;</li>
 *   <li>a reading with the same meter and the same period as an earlier one is a
 *       <b>duplicate</b>: an error on the later row, which is rejected;</li>
 *   <li>a reading that starts before the end of the meter's readings so far is an
 *       <b>overlap</b>: an error on the later row (by start, then input order), which is
 *       rejected;</li>
 *   <li>time between the meter's readings with no reading is a <b>gap</b>: a warning on the reading
 *       after it. With gap filling asked for, the gap gets an estimated reading, marked
 *       {@link Quality#ESTIMATED}, whose quantity is the gap's duration times the average rate of
 *       the two readings around it: {@code (q_before + q_after) × gap / (duration_before +
 *       duration_after)}, in the unit of the reading before the gap. Only the time between a
 *       meter's first and last reading is checked; gaps at the ends of the reporting period are the
 *       calculator's concern. Refrigerant rows are recharge events (kg put into a system on a
 *       day), not a metered series, so time between them is no gap.</li>
 * </ul>
 */
public final class MeterTimeline {
    private MeterTimeline() {
    }

    /**
     * The outcome: readings in input order without the rejected ones, each estimated reading placed
     * just before the reading that follows its gap; the issues; the readings rejected.
     */
    public record Result(List<Reading> readings, List<Issue> issues, List<Reading> rejected, int estimated) {
        public Result {
            readings = List.copyOf(readings);
            issues = List.copyOf(issues);
            rejected = List.copyOf(rejected);
        }
    }

    public static Result check(List<Reading> given, boolean fillGaps) {
        Map<MeterKey, int[]> byMeter = group(given);
        List<Reading> readings = new ArrayList<>(given);
        boolean[] rejected = new boolean[readings.size()];
        Reading[] estimateBefore = new Reading[readings.size()];
        List<Issue> issues = new ArrayList<>();
        int estimated = 0;
        for (Map.Entry<MeterKey, int[]> e : byMeter.entrySet()) {
            int[] idx = e.getValue();
            startEndOnly(e.getKey(), idx, readings, rejected, issues);
            sortByPeriod(idx, readings);
            int cover = -1;
            for (int i : idx) {
                if (rejected[i]) {
                    continue;
                }
                Reading r = readings.get(i);
                if (cover < 0) {
                    cover = i;
                    continue;
                }
                Reading c = readings.get(cover);
                if (r.from().isBefore(c.to())) {
                    rejected[i] = true;
                    String other = Periods.otherRow(c.source(), r.source());
                    if (r.from().equals(c.from()) && r.to().equals(c.to())) {
                        issues.add(Issue.error(r.source(), "duplicate reading: " + other
                                + " has the same meter and period (" + Periods.describe(r.from(), r.to()) + ")"));
                    } else {
                        issues.add(Issue.error(r.source(), "period " + Periods.describe(r.from(), r.to()) + " overlaps "
                                + other + " (" + Periods.describe(c.from(), c.to()) + ") of the same meter "
                                + e.getKey()));
                    }
                    continue;
                }
                if (r.from().isAfter(c.to()) && r.carrier() != Carrier.REFRIGERANT) {
                    String gap = "gap before this reading: meter " + e.getKey() + " has no reading for "
                            + Periods.describe(c.to(), r.from());
                    if (fillGaps) {
                        Reading est = estimate(c, r);
                        if (est == null) {
                            issues.add(Issue.at(Severity.WARNING, r.source(), gap + "; not estimated: the readings"
                                    + " around it are in " + c.unit().symbol() + " and " + r.unit().symbol()));
                        } else {
                            estimateBefore[i] = est;
                            estimated++;
                            issues.add(Issue.at(Severity.WARNING, r.source(), gap + "; estimated "
                                    + Registers.plain(est.quantity()) + " " + est.unit().symbol()
                                    + " at the average rate of " + Periods.otherRow(c.source(), r.source())
                                    + " and this row (marked estimated)"));
                        }
                    } else {
                        issues.add(Issue.at(Severity.WARNING, r.source(), gap));
                    }
                }
                if (r.to().isAfter(c.to())) {
                    cover = i;
                }
            }
        }
        List<Reading> out = new ArrayList<>(readings.size() + estimated);
        List<Reading> rejectedList = new ArrayList<>();
        for (int i = 0; i < readings.size(); i++) {
            if (estimateBefore[i] != null) {
                out.add(estimateBefore[i]);
            }
            if (rejected[i]) {
                rejectedList.add(given.get(i));
            } else {
                out.add(readings.get(i));
            }
        }
        issues.sort(Issue.ORDER);
        return new Result(out, issues, rejectedList, estimated);
    }

    /**
     * Gives each reading of one meter that has only an end time the start where the meter's
     * previous reading (by end time) ended. Without a previous reading there is no start: an error
     * on that row, which is rejected; so is an end-only reading that ends where the previous one does.
     */
    private static void startEndOnly(MeterKey meter, int[] idx, List<Reading> readings, boolean[] rejected,
            List<Issue> issues) {
        boolean any = false;
        for (int i : idx) {
            any |= readings.get(i).endOnly();
        }
        if (!any) {
            return;
        }
        Integer[] byEnd = new Integer[idx.length];
        for (int k = 0; k < idx.length; k++) {
            byEnd[k] = idx[k];
        }
        java.util.Arrays.sort(byEnd, Comparator.<Integer, LocalDateTime>comparing(i -> readings.get(i).to())
                .thenComparingInt(i -> i));
        Reading previous = null;
        for (int i : byEnd) {
            Reading r = readings.get(i);
            if (r.endOnly()) {
                if (previous == null) {
                    rejected[i] = true;
                    issues.add(Issue.error(r.source(), "this row gives only an end time (" + Periods.instant(r.to())
                            + ") and is the first reading of meter " + meter + ", so nothing gives its start: fill in"
                            + " from"));
                    previous = r; // its consumption has no start, but its end is when the meter was read
                    continue;
                }
                if (!previous.to().isBefore(r.to())) {
                    rejected[i] = true;
                    issues.add(Issue.error(r.source(), "this row gives only an end time (" + Periods.instant(r.to())
                            + "), the same as the end of " + Periods.otherRow(previous.source(), r.source())
                            + " of meter " + meter + ", so it covers no time: fill in from, or remove the duplicate"));
                    continue;
                }
                r = r.withTimes(previous.to(), r.to());
                readings.set(i, r);
            }
            previous = r;
        }
    }

    /** The estimate for the gap between {@code before} and {@code after}, or null when their units cannot be added. */
    static Reading estimate(Reading before, Reading after) {
        if (before.unit().dimension() != after.unit().dimension()) {
            return null;
        }
        BigDecimal afterInBeforeUnit = Exact.divide(after.unit().toCanonical(after.quantity()),
                before.unit().toCanonicalFactor());
        BigDecimal durations = BigDecimal.valueOf(seconds(before.from(), before.to()) + seconds(after.from(), after.to()));
        BigDecimal gap = BigDecimal.valueOf(seconds(before.to(), after.from()));
        BigDecimal quantity = Exact.divide(before.quantity().add(afterInBeforeUnit).multiply(gap), durations);
        SourceRef at = new SourceRef(after.source().file(), after.source().sheet(), after.source().row(), null);
        String note = "estimated for the gap " + Periods.describe(before.to(), after.from())
                + " at the average rate of " + Periods.otherRow(before.source(), at) + " and "
                + Periods.otherRow(after.source(), at);
        return new Reading(before.site(), before.meter(), before.carrier(), before.gas(), before.use(), before.role(),
                before.to(), after.from(), quantity, before.unit(), ReadingType.CONSUMPTION, null, null, null,
                Quality.ESTIMATED, note, at);
    }

    private static long seconds(LocalDateTime a, LocalDateTime b) {
        return Duration.between(a, b).getSeconds();
    }

    private static Map<MeterKey, int[]> group(List<Reading> readings) {
        Map<MeterKey, int[]> sizes = new LinkedHashMap<>();
        MeterKey[] keys = new MeterKey[readings.size()];
        MeterKey last = null;
        for (int i = 0; i < readings.size(); i++) {
            Reading r = readings.get(i);
            if (r.type() != ReadingType.CONSUMPTION) {
                throw new IllegalArgumentException("MeterTimeline checks consumption readings; convert registers first");
            }
            MeterKey k = last != null && last.site().equals(r.site()) && last.meter().equals(r.meter())
                    && last.carrier() == r.carrier() ? last : MeterKey.of(r);
            keys[i] = k;
            last = k;
            sizes.computeIfAbsent(k, x -> new int[1])[0]++;
        }
        Map<MeterKey, int[]> groups = new LinkedHashMap<>();
        Map<MeterKey, int[]> fill = new LinkedHashMap<>();
        for (Map.Entry<MeterKey, int[]> e : sizes.entrySet()) {
            groups.put(e.getKey(), new int[e.getValue()[0]]);
            fill.put(e.getKey(), new int[1]);
        }
        int[] cursor = null;
        int[] target = null;
        MeterKey current = null;
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != current) {
                current = keys[i];
                target = groups.get(current);
                cursor = fill.get(current);
            }
            target[cursor[0]++] = i;
        }
        return groups;
    }

    /** Sorts indices by (from, to, input order); most inputs are already in order, which is checked first. */
    private static void sortByPeriod(int[] idx, List<Reading> readings) {
        boolean sorted = true;
        for (int k = 1; k < idx.length && sorted; k++) {
            sorted = byPeriod(readings, idx[k - 1], idx[k]) <= 0; // on ints: no boxing for the usual sorted case
        }
        if (sorted) {
            return;
        }
        Integer[] boxed = new Integer[idx.length];
        for (int k = 0; k < idx.length; k++) {
            boxed[k] = idx[k];
        }
        java.util.Arrays.sort(boxed, (a, b) -> byPeriod(readings, a, b));
        for (int k = 0; k < idx.length; k++) {
            idx[k] = boxed[k];
        }
    }

    /** The order of readings a and b by (from, to, input order); a rejected end-only reading has no start: first. */
    private static int byPeriod(List<Reading> readings, int a, int b) {
        LocalDateTime fromA = readings.get(a).from();
        LocalDateTime fromB = readings.get(b).from();
        int c = fromA == null ? (fromB == null ? 0 : -1) : fromB == null ? 1 : fromA.compareTo(fromB);
        if (c == 0) {
            c = readings.get(a).to().compareTo(readings.get(b).to());
        }
        return c != 0 ? c : Integer.compare(a, b);
    }
}
