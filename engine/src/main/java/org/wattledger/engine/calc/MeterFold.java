package org.wattledger.engine.calc;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.wattledger.engine.meter.Coverage;
import org.wattledger.engine.meter.InputStage;
import org.wattledger.engine.meter.MeterKey;
import org.wattledger.engine.model.Inventory;
import org.wattledger.engine.model.Issue;
import org.wattledger.engine.model.Reading;
import org.wattledger.engine.model.ReportingPeriod;
import org.wattledger.engine.model.Site;
import org.wattledger.engine.model.SourceRef;

/**
 * The input stage and the grouping taken one meter at a time, for a caller that cannot hold every
 * reading (a ledger's rows streamed from the database ordered by meter, a job partitioned by
 * meter): each meter's readings go through {@link InputStage#checkMeters} (registers, gaps,
 * overlaps, duplicates, end-only rows) and {@link Calculation#group}, and only what the rest of the
 * calculation needs is kept — the grouped lines, the time each meter covers, the issues, how many
 * rows were rejected and each site's first row. {@link Calculation#runLines} calculates from it.
 *
 * <p>The per-meter result is the same as {@link InputStage#prepare} and {@link Calculation#run}
 * give over all the readings at once, because every check of the input stage looks at one meter's
 * readings only (its {@link MeterKey}: site, meter id, carrier).
 */
public final class MeterFold {
    private final ReportingPeriod period;
    private final InputStage.Gaps gaps;
    private final List<Inventory.ReadingColumns> columns;

    private final List<Calculation.GroupedLine> lines = new ArrayList<>();
    private final Map<MeterKey, List<Coverage.Span>> spans = new HashMap<>();
    private final List<Issue> issues = new ArrayList<>();
    private final Map<String, FirstRow> firstRowOfSite = new HashMap<>();
    private long rejected;
    private long readings;
    private LocalDateTime latestEnd;

    /** A site's first consumption reading: its place in the input and its row as the user sees it. */
    public record FirstRow(long position, SourceRef source) {
    }

    /**
     * What the fold kept. Results of several folds (one per partition of the meters) add up: their
     * lists side by side, the counts summed, the latest of the ends, each site's first row by position.
     *
     * @param readings how many consumption readings the input stage accepted (none: the report has no figures)
     * @param latestEnd the latest end of those readings (the default period is its calendar year)
     * @param firstRows each site's first consumption reading
     */
    public record Result(List<Calculation.GroupedLine> lines, Map<MeterKey, List<Coverage.Span>> spans,
            List<Issue> issues, long rejected, long readings, Optional<LocalDateTime> latestEnd,
            Map<String, FirstRow> firstRows) {
        /**
         * What {@link InputStage#prepare} makes of {@code imported} (sites, issues, tally: every
         * reading's but the readings), from this result instead of from its readings: the fold's
         * issues added, its rejected rows moved from accepted to rejected, the sites checked. The
         * readings stay with the fold; the inventory's list of readings is empty.
         */
        public Inventory prepare(Inventory imported) {
            List<Issue> all = new ArrayList<>(imported.issues());
            all.addAll(issues);
            Inventory.RowTally before = imported.rows();
            Inventory.RowTally rows = new Inventory.RowTally(before.read(), before.accepted() - rejected,
                    before.rejected() + rejected);
            List<Site> sites = new ArrayList<>(imported.sites());
            all.addAll(InputStage.checkSites(sites, imported.rejectedSites(), firstRowOfSite()));
            all.sort(Issue.ORDER);
            return imported.withReadings(sites, List.of(), all, rows);
        }

        /** Each site's first row in input order, as {@link InputStage#checkSites} takes it. */
        public LinkedHashMap<String, SourceRef> firstRowOfSite() {
            LinkedHashMap<String, SourceRef> out = new LinkedHashMap<>();
            firstRows.entrySet().stream()
                    .sorted(Comparator.comparingLong((Map.Entry<String, FirstRow> e) -> e.getValue().position()))
                    .forEach(e -> out.put(e.getKey(), e.getValue().source()));
            return out;
        }
    }

    /** {@code columns}: where each readings table keeps quantity, start and end (the issues name them). */
    public MeterFold(ReportingPeriod period, InputStage.Gaps gaps, List<Inventory.ReadingColumns> columns) {
        this.period = period;
        this.gaps = gaps;
        this.columns = List.copyOf(columns);
    }

    /**
     * Takes one meter's readings (one site, meter id and carrier), all of them, in input order.
     * {@code positions[i]} is reading i's place in the whole input (increasing): it decides which
     * row is a site's first when the site has several meters.
     */
    public void meter(List<Reading> meterReadings, long[] positions) {
        if (meterReadings.isEmpty()) {
            return;
        }
        if (positions.length != meterReadings.size()) {
            throw new IllegalArgumentException(meterReadings.size() + " readings but " + positions.length + " positions");
        }
        MeterKey key = MeterKey.of(meterReadings.get(0));
        for (Reading r : meterReadings) {
            if (!MeterKey.of(r).equals(key)) {
                throw new IllegalArgumentException(r.source() + " is meter " + MeterKey.of(r) + ", not " + key
                        + ": a meter's readings must be given together");
            }
        }
        InputStage.Meters checked = InputStage.checkMeters(meterReadings, gaps, columns);
        issues.addAll(checked.issues());
        rejected += checked.rejected();
        List<Reading> consumption = checked.readings();
        if (consumption.isEmpty()) {
            return;
        }
        readings += consumption.size();
        for (Reading r : consumption) {
            if (latestEnd == null || r.to().isAfter(latestEnd)) {
                latestEnd = r.to();
            }
        }
        Reading first = consumption.get(0);
        FirstRow row = new FirstRow(positionOf(first, meterReadings, positions), first.source());
        firstRowOfSite.merge(first.site(), row, (a, b) -> a.position() <= b.position() ? a : b);
        lines.addAll(Calculation.group(consumption, period));
        Coverage.spans(consumption).forEach((meter, s) -> spans.computeIfAbsent(meter, k -> new ArrayList<>()).addAll(s));
    }

    /**
     * The input position of a checked reading: the input reading it is (most pass the input stage
     * unchanged), else the first with its row (a register difference carries the later reading's
     * row), else the meter's first input row (nothing of the meter came before it).
     */
    private static long positionOf(Reading checked, List<Reading> input, long[] positions) {
        for (int i = 0; i < input.size(); i++) {
            if (input.get(i) == checked) {
                return positions[i];
            }
        }
        for (int i = 0; i < input.size(); i++) {
            if (input.get(i).source().equals(checked.source())) {
                return positions[i];
            }
        }
        return positions[0];
    }

    public Result result() {
        return new Result(List.copyOf(lines), Map.copyOf(spans), List.copyOf(issues), rejected, readings,
                Optional.ofNullable(latestEnd), Map.copyOf(firstRowOfSite));
    }
}
