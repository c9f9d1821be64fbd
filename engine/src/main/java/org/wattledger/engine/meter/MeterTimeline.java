package org.wattledger.engine.meter;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wattledger.engine.Background;
import org.wattledger.engine.model.Carrier;
import org.wattledger.engine.model.Issue;
import org.wattledger.engine.model.Quality;
import org.wattledger.engine.model.Reading;
import org.wattledger.engine.model.ReadingStore;
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
            readings = ReadingStore.copyOf(readings);
            issues = List.copyOf(issues);
            rejected = List.copyOf(rejected);
        }
    }

    public static Result check(List<Reading> given, boolean fillGaps) {
        ReadingStore in = ReadingStore.of(given);
        if (in.anyRegister()) {
            throw new IllegalArgumentException("MeterTimeline checks consumption readings; convert registers first");
        }
        Timeline t = new Timeline(in);
        List<Map.Entry<MeterKey, int[]>> meters = new ArrayList<>(group(in).entrySet());
        // Meters are checked independently: on a large input, the first meters holding about half the
        // readings are checked on a thread of their own. Each part keeps its own issues and estimates,
        // joined in meter order, so the outcome is the one of checking the meters one after the other.
        int split = in.size() >= Background.FROM_ITEMS ? halfOfReadings(meters, in.size()) : 0;
        Background<Checked> first = split == 0 ? null
                : Background.start("meter-check", () -> check(meters.subList(0, split), t, fillGaps));
        Checked rest = check(meters.subList(split, meters.size()), t, fillGaps);
        List<Issue> issues = new ArrayList<>();
        Map<Integer, Reading> estimateBefore = new HashMap<>();
        for (Checked part : first == null ? List.of(rest) : List.of(first.get(), rest)) {
            issues.addAll(part.issues());
            estimateBefore.putAll(part.estimateBefore());
        }
        issues.sort(Issue.ORDER);
        List<Reading> rejectedList = new ArrayList<>();
        for (int i = 0; i < in.size(); i++) {
            if (t.rejected[i]) {
                rejectedList.add(in.get(i));
            }
        }
        if (rejectedList.isEmpty() && estimateBefore.isEmpty() && !t.anyStarted) {
            return new Result(in, issues, rejectedList, 0); // the usual case: nothing to change, nothing copied
        }
        ReadingStore out = new ReadingStore();
        for (int i = 0; i < in.size(); i++) {
            Reading est = estimateBefore.get(i);
            if (est != null) {
                out.add(est);
            }
            if (!t.rejected[i]) {
                if (t.startOf[i] >= 0) {
                    out.add(t.reading(i));
                } else {
                    out.addFrom(in, i);
                }
            }
        }
        return new Result(out, issues, rejectedList, estimateBefore.size());
    }

    /** Issues found and estimates made for some meters, keyed by the reading each estimate goes before. */
    private record Checked(List<Issue> issues, Map<Integer, Reading> estimateBefore) {
    }

    /** The number of meters, from the first, that hold about half of {@code total} readings (at least one). */
    private static int halfOfReadings(List<Map.Entry<MeterKey, int[]>> meters, int total) {
        int readings = 0;
        for (int m = 0; m < meters.size(); m++) {
            readings += meters.get(m).getValue().length;
            if (readings >= total / 2) {
                return m + 1;
            }
        }
        return meters.size();
    }

    /**
     * Checks some meters' readings: marks the rejected ones and the starts given in {@code t} (at
     * these meters' indices only, so parts can be checked at once) and returns the issues and estimates.
     */
    private static Checked check(List<Map.Entry<MeterKey, int[]>> meters, Timeline t, boolean fillGaps) {
        List<Issue> issues = new ArrayList<>();
        Map<Integer, Reading> estimateBefore = new HashMap<>();
        for (Map.Entry<MeterKey, int[]> e : meters) {
            int[] idx = e.getValue();
            startEndOnly(e.getKey(), idx, t, issues);
            sortByPeriod(idx, t);
            int cover = -1;
            for (int i : idx) {
                if (t.rejected[i]) {
                    continue;
                }
                if (cover < 0) {
                    cover = i;
                    continue;
                }
                int c = cover;
                int startVsCover = t.compare(i, false, c, true);
                if (startVsCover < 0) {
                    t.rejected[i] = true;
                    Reading r = t.reading(i);
                    Reading cr = t.reading(c);
                    String other = Periods.otherRow(cr.source(), r.source());
                    if (r.from().equals(cr.from()) && r.to().equals(cr.to())) {
                        issues.add(Issue.error(r.source(), "duplicate reading: " + other
                                + " has the same meter and period (" + Periods.describe(r.from(), r.to()) + ")"));
                    } else {
                        issues.add(Issue.error(r.source(), "period " + Periods.describe(r.from(), r.to()) + " overlaps "
                                + other + " (" + Periods.describe(cr.from(), cr.to()) + ") of the same meter "
                                + e.getKey()));
                    }
                    continue;
                }
                if (startVsCover > 0 && e.getKey().carrier() != Carrier.REFRIGERANT) {
                    Reading r = t.reading(i);
                    Reading cr = t.reading(c);
                    String gap = "gap before this reading: meter " + e.getKey() + " has no reading for "
                            + Periods.describe(cr.to(), r.from());
                    if (fillGaps) {
                        Reading est = estimate(cr, r);
                        if (est == null) {
                            issues.add(Issue.at(Severity.WARNING, r.source(), gap + "; not estimated: the readings"
                                    + " around it are in " + cr.unit().symbol() + " and " + r.unit().symbol()));
                        } else {
                            estimateBefore.put(i, est);
                            issues.add(Issue.at(Severity.WARNING, r.source(), gap + "; estimated "
                                    + Registers.plain(est.quantity()) + " " + est.unit().symbol()
                                    + " at the average rate of " + Periods.otherRow(cr.source(), r.source())
                                    + " and this row (marked estimated)"));
                        }
                    } else {
                        issues.add(Issue.at(Severity.WARNING, r.source(), gap));
                    }
                }
                if (t.compare(i, true, c, true) > 0) {
                    cover = i;
                }
            }
        }
        return new Checked(issues, estimateBefore);
    }

    /**
     * The readings being checked, read from the columns, with what the check decided so far: the
     * rows rejected, and for each end-only reading given a start, the reading whose end it starts at.
     */
    private static final class Timeline {
        final ReadingStore store;
        final boolean[] rejected;
        final int[] startOf;
        /** Only ever set to true, by either part of a check; read once both parts are done. */
        boolean anyStarted;

        Timeline(ReadingStore store) {
            this.store = store;
            this.rejected = new boolean[store.size()];
            this.startOf = new int[store.size()];
            java.util.Arrays.fill(startOf, -1);
        }

        /** Compares the start (or end) of reading a with the start (or end) of reading b, starts given included. */
        int compare(int a, boolean aEnd, int b, boolean bEnd) {
            int ra = aEnd || startOf[a] < 0 ? a : startOf[a];
            int rb = bEnd || startOf[b] < 0 ? b : startOf[b];
            return store.compareTimes(ra, aEnd || ra != a, rb, bEnd || rb != b);
        }

        boolean endOnly(int i) {
            return !store.hasStart(i) && startOf[i] < 0;
        }

        /** Reading i as checked: an end-only reading with the start it was given. Built for messages and output. */
        Reading reading(int i) {
            Reading r = store.get(i);
            return startOf[i] < 0 ? r : r.withTimes(store.time(startOf[i], true), r.to());
        }
    }

    /**
     * Gives each reading of one meter that has only an end time the start where the meter's
     * previous reading (by end time) ended. Without a previous reading there is no start: an error
     * on that row, which is rejected; so is an end-only reading that ends where the previous one does.
     */
    private static void startEndOnly(MeterKey meter, int[] idx, Timeline t, List<Issue> issues) {
        boolean any = false;
        for (int i : idx) {
            any |= t.endOnly(i);
        }
        if (!any) {
            return;
        }
        Integer[] byEnd = new Integer[idx.length];
        for (int k = 0; k < idx.length; k++) {
            byEnd[k] = idx[k];
        }
        java.util.Arrays.sort(byEnd, (a, b) -> {
            int c = t.compare(a, true, b, true);
            return c != 0 ? c : Integer.compare(a, b);
        });
        int previous = -1;
        for (int i : byEnd) {
            if (t.endOnly(i)) {
                if (previous < 0) {
                    t.rejected[i] = true;
                    Reading r = t.reading(i);
                    issues.add(Issue.error(r.source(), "this row gives only an end time (" + Periods.instant(r.to())
                            + ") and is the first reading of meter " + meter + ", so nothing gives its start: fill in"
                            + " from"));
                    previous = i; // its consumption has no start, but its end is when the meter was read
                    continue;
                }
                if (t.compare(previous, true, i, true) >= 0) {
                    t.rejected[i] = true;
                    Reading r = t.reading(i);
                    issues.add(Issue.error(r.source(), "this row gives only an end time (" + Periods.instant(r.to())
                            + "), the same as the end of " + Periods.otherRow(t.reading(previous).source(), r.source())
                            + " of meter " + meter + ", so it covers no time: fill in from, or remove the duplicate"));
                    continue;
                }
                t.startOf[i] = previous;
                t.anyStarted = true;
            }
            previous = i;
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

    /** The indices of each meter's readings, in input order; meters in order of their first reading. */
    private static Map<MeterKey, int[]> group(ReadingStore readings) {
        Map<Integer, MeterKey> keyOfGroup = new HashMap<>();
        Map<MeterKey, int[]> sizes = new LinkedHashMap<>();
        MeterKey[] keys = new MeterKey[readings.size()];
        MeterKey last = null;
        int lastGroup = -1;
        int[] count = null; // the count of last's readings
        for (int i = 0; i < readings.size(); i++) {
            int g = readings.group(i);
            MeterKey k = last;
            if (g != lastGroup) {
                k = keyOfGroup.get(g);
                if (k == null) {
                    k = MeterKey.of(readings.get(i));
                    keyOfGroup.put(g, k);
                }
            }
            if (k != last || count == null) {
                count = sizes.computeIfAbsent(k, x -> new int[1]);
            }
            count[0]++;
            keys[i] = k;
            last = k;
            lastGroup = g;
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
    private static void sortByPeriod(int[] idx, Timeline t) {
        boolean sorted = true;
        for (int k = 1; k < idx.length && sorted; k++) {
            sorted = byPeriod(t, idx[k - 1], idx[k]) <= 0; // on ints: no boxing for the usual sorted case
        }
        if (sorted) {
            return;
        }
        Integer[] boxed = new Integer[idx.length];
        for (int k = 0; k < idx.length; k++) {
            boxed[k] = idx[k];
        }
        java.util.Arrays.sort(boxed, (a, b) -> byPeriod(t, a, b));
        for (int k = 0; k < idx.length; k++) {
            idx[k] = boxed[k];
        }
    }

    /** The order of readings a and b by (from, to, input order); a rejected end-only reading has no start: first. */
    private static int byPeriod(Timeline t, int a, int b) {
        int c = t.compare(a, false, b, false);
        if (c == 0) {
            c = t.compare(a, true, b, true);
        }
        return c != 0 ? c : Integer.compare(a, b);
    }
}
