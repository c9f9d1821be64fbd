package org.wattledger.engine.meter;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import org.wattledger.engine.model.Carrier;
import org.wattledger.engine.model.DateRange;
import org.wattledger.engine.model.Reading;
import org.wattledger.engine.model.ReadingStore;
import org.wattledger.engine.model.ReportingPeriod;
import org.wattledger.engine.model.Site;
import org.wattledger.engine.units.Exact;

/**
 * How much of a reporting period each meter's readings cover. A meter is expected to read every
 * moment of the period while its site is in service ({@link Site#inService}, the whole period when
 * not given); time it is expected to read and has no reading is <b>uncovered</b>. Estimated
 * readings (gap filling) count as covered: they say what the gap holds. Refrigerant rows are
 * recharge events, not a metered series, so they have no coverage to check.
 *
 * @param periodDays days in the reporting period
 * @param expectedDays days of the period the site is in service
 * @param coveredDays time of the period covered by readings, in days (a fraction when readings
 *     end within a day)
 * @param uncovered the time the meter should have read and has no reading, in order, each
 *     half-open [from, to)
 */
public record Coverage(MeterKey meter, long periodDays, long expectedDays, BigDecimal coveredDays,
        List<Span> uncovered) {
    private static final BigDecimal SECONDS_PER_DAY = BigDecimal.valueOf(86_400);

    public Coverage {
        uncovered = List.copyOf(uncovered);
    }

    /** A half-open stretch of time [from, to). */
    public record Span(LocalDateTime from, LocalDateTime to) {
        /** As users write it: "2024-12-01..2024-12-31", or date-times with the end excluded. */
        @Override
        public String toString() {
            return Periods.describe(from, to);
        }
    }

    public boolean complete() {
        return uncovered.isEmpty();
    }

    /** "meter DC1/M3 (electricity): no readings for 2024-12-01..2024-12-31". */
    public String gapMessage() {
        StringJoiner j = new StringJoiner(", ");
        uncovered.forEach(s -> j.add(s.toString()));
        return "meter " + meter + ": no readings for " + j;
    }

    /** The coverage of every meter with consumption readings, by meter (site, meter id, carrier). */
    public static List<Coverage> of(List<Reading> readings, Map<String, Site> sites, ReportingPeriod period) {
        return of(spans(readings), sites, period);
    }

    /** The coverage of every meter from the time its readings cover ({@link #spans}), by meter. */
    public static List<Coverage> of(Map<MeterKey, List<Span>> spans, Map<String, Site> sites, ReportingPeriod period) {
        Map<MeterKey, List<Span>> byMeter = new TreeMap<>(Comparator.comparing(MeterKey::site)
                .thenComparing(MeterKey::meter).thenComparing(MeterKey::carrier));
        spans.forEach((meter, s) -> byMeter.put(meter, new ArrayList<>(s)));
        List<Coverage> out = new ArrayList<>(byMeter.size());
        byMeter.forEach((meter, s) -> out.add(of(meter, s, sites.get(meter.site()), period)));
        return out;
    }

    /**
     * The time each meter's consumption readings cover, as spans joined where one continues the
     * last: a series in order is one span. A meter's spans from several callers can be put side by
     * side ({@link #of(Map, Map, ReportingPeriod)} sorts them).
     */
    public static Map<MeterKey, List<Span>> spans(List<Reading> readings) {
        Map<MeterKey, List<Span>> byMeter = new TreeMap<>(Comparator.comparing(MeterKey::site)
                .thenComparing(MeterKey::meter).thenComparing(MeterKey::carrier));
        MeterKey last = null;
        List<Span> spans = null;
        ReadingStore store = readings instanceof ReadingStore s ? s : null;
        int lastGroup = -1; // the store's group of the last reading added to spans
        Run run = new Run();
        for (int i = 0; i < readings.size(); i++) {
            if (store != null && store.group(i) == lastGroup && store.hasStart(i)) {
                // the same meter: no need to build the reading, nor its times while they continue the run
                long from = store.heldSeconds(i, false);
                long to = store.heldSeconds(i, true);
                if (from != ReadingStore.NOT_HELD && to != ReadingStore.NOT_HELD) {
                    run.add(spans, from, to);
                } else {
                    run.end(spans);
                    add(spans, store.time(i, false), store.time(i, true));
                }
                continue;
            }
            run.end(spans);
            Reading r = readings.get(i);
            if (r.carrier() == Carrier.REFRIGERANT || r.from() == null) {
                continue;
            }
            lastGroup = store == null ? -1 : store.group(i);
            if (last == null || !last.site().equals(r.site()) || !last.meter().equals(r.meter())
                    || last.carrier() != r.carrier()) {
                last = MeterKey.of(r);
                spans = byMeter.computeIfAbsent(last, k -> new ArrayList<>());
            }
            add(spans, r.from(), r.to());
        }
        run.end(spans);
        return byMeter;
    }

    /**
     * Consecutive readings of one meter joined on their seconds ({@link ReadingStore#heldSeconds}),
     * by the rule of {@link #add}, and added as one span when the run ends: an hourly series makes
     * no date-time per reading. Adding the run's span joins it to the list's last span as adding
     * its readings one by one would have.
     */
    private static final class Run {
        private boolean open;
        private long from;
        private long to;

        void add(List<Span> spans, long readingFrom, long readingTo) {
            if (open && readingFrom >= from && readingFrom <= to) {
                to = Math.max(to, readingTo);
                return;
            }
            end(spans);
            open = true;
            from = readingFrom;
            to = readingTo;
        }

        void end(List<Span> spans) {
            if (open) {
                open = false;
                Coverage.add(spans, LocalDateTime.ofEpochSecond(from, 0, ZoneOffset.UTC),
                        LocalDateTime.ofEpochSecond(to, 0, ZoneOffset.UTC));
            }
        }
    }

    /** Adds [from, to), joining it to the last span when it continues it: a series in order keeps one span. */
    private static void add(List<Span> spans, LocalDateTime from, LocalDateTime to) {
        int n = spans.size();
        if (n > 0) {
            Span previous = spans.get(n - 1);
            if (!from.isBefore(previous.from()) && !from.isAfter(previous.to())) {
                if (to.isAfter(previous.to())) {
                    spans.set(n - 1, new Span(previous.from(), to));
                }
                return;
            }
        }
        spans.add(new Span(from, to));
    }

    private static Coverage of(MeterKey meter, List<Span> spans, Site site, ReportingPeriod period) {
        DateRange periodDays = new DateRange(period.from(), period.to());
        DateRange inService = site == null || site.inService() == null ? periodDays
                : periodDays.intersection(site.inService());
        long periodLength = periodDays.days();
        if (inService == null) {
            return new Coverage(meter, periodLength, 0, BigDecimal.ZERO, List.of());
        }
        LocalDateTime start = inService.from().atStartOfDay();
        LocalDateTime end = inService.to().atStartOfDay();
        spans.sort(Comparator.comparing(Span::from));
        List<Span> uncovered = new ArrayList<>();
        LocalDateTime cursor = start;
        for (Span s : spans) {
            if (!s.to().isAfter(cursor) || !s.from().isBefore(end)) {
                continue;
            }
            if (s.from().isAfter(cursor)) {
                uncovered.add(new Span(cursor, s.from()));
            }
            cursor = s.to();
            if (!cursor.isBefore(end)) {
                break;
            }
        }
        if (cursor.isBefore(end)) {
            uncovered.add(new Span(cursor, end));
        }
        long uncoveredSeconds = 0;
        for (Span s : uncovered) {
            uncoveredSeconds += Duration.between(s.from(), s.to()).getSeconds();
        }
        long expectedSeconds = Duration.between(start, end).getSeconds();
        BigDecimal covered = Exact.strip(Exact.divide(BigDecimal.valueOf(expectedSeconds - uncoveredSeconds),
                SECONDS_PER_DAY));
        return new Coverage(meter, periodLength, inService.days(), covered, uncovered);
    }
}
