package org.wattledger.spark;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import org.apache.spark.Partitioner;
import org.wattledger.engine.calc.Calculation;
import org.wattledger.engine.meter.Coverage;
import org.wattledger.engine.meter.InputStage;
import org.wattledger.engine.model.Inventory;
import org.wattledger.engine.model.Issue;
import org.wattledger.engine.model.Reading;
import org.wattledger.engine.model.RecentTimes;
import org.wattledger.engine.model.ReportingPeriod;
import org.wattledger.engine.model.Site;
import org.wattledger.engine.model.SourceRef;
import org.wattledger.engine.units.CarbonUnit;
import org.wattledger.engine.units.UnitParser;
import org.wattledger.importers.ReadingRows;
import org.wattledger.spark.Parts.Carried;
import org.wattledger.spark.Parts.FirstRowPart;
import org.wattledger.spark.Parts.IssuePart;
import org.wattledger.spark.Parts.LinePart;
import org.wattledger.spark.Parts.Part;
import org.wattledger.spark.Parts.RawRow;
import org.wattledger.spark.Parts.Settled;
import org.wattledger.spark.Parts.Shape;
import org.wattledger.spark.Parts.SpanPart;
import org.wattledger.spark.Parts.Table;
import org.wattledger.spark.Parts.TallyPart;
import scala.Tuple2;

/**
 * The two steps that run on the executors, each with the engine's and importers' own code:
 * <ol>
 *   <li>{@link #keys}: each row converted once by the importers' readings-table rules, in batches of
 *       input rows; each reading leaves in a compact form ({@link Parts.Packed}) keyed by its meter
 *       (site, meter, carrier) and place in the input (file, row), with the batch's issues, meter
 *       tags and tally ({@link Parts.Settled}). One rule of the importers looks across a meter's rows:
 *       the month-end convention (date-only rows that chain). A row with a reading from midnight to
 *       midnight may be such a row, so it travels as its cells instead and its meter's partition
 *       converts it with the meter's other rows of the file (its issues come from there).</li>
 *   <li>{@link #meters}: each meter's readings, whole and in input order (file, row), rebuilt from
 *       the compact form (and the few rows above converted), put through the engine's input stage
 *       (registers, gaps, overlaps, duplicates, end-only rows), grouped into the engine's lines with
 *       the engine's proration, and its covered time taken.</li>
 * </ol>
 */
final class MeterStage implements Serializable {
    private static final long serialVersionUID = 2L;
    /** Rows converted at a time in step 1. */
    private static final int BATCH = 65_536;

    private final Map<Integer, Table> tables;
    private final List<Parts.SiteZone> sites;
    private final List<Parts.Columns> columns;
    private final String period;
    private final boolean fillGaps;

    MeterStage(Map<Integer, Table> tables, List<Parts.SiteZone> sites, List<Parts.Columns> columns, String period,
            boolean fillGaps) {
        this.tables = Map.copyOf(tables);
        this.sites = List.copyOf(sites);
        this.columns = List.copyOf(columns);
        this.period = period;
        this.fillGaps = fillGaps;
    }

    /**
     * The sort key of a shuffled value: its meter, then its place in the input (file, row), then
     * {@code sub}: a reading's place among its row's readings, or for a row converted in its
     * meter's partition, the meter's place among the row's meters (0: the one that reports the
     * row's issues). Settled parts have no meter.
     */
    record RowKey(String site, String meter, String carrier, int table, int row, int sub)
            implements Comparable<RowKey>, Serializable {
        static RowKey of(Reading r, int table, int sub) {
            return new RowKey(r.site(), r.meter(), r.carrier().name(), table, r.source().row(), sub);
        }

        static RowKey noMeter(int table, int row, int sub) {
            return new RowKey("", "", "", table, row, sub);
        }

        boolean noMeter() {
            return site.isEmpty() && meter.isEmpty() && carrier.isEmpty();
        }

        boolean sameMeter(RowKey o) {
            return site.equals(o.site) && meter.equals(o.meter) && carrier.equals(o.carrier);
        }

        boolean isMeterOf(Reading r) {
            return r.site().equals(site) && r.meter().equals(meter) && r.carrier().name().equals(carrier);
        }

        @Override
        public int compareTo(RowKey o) {
            int c = site.compareTo(o.site);
            if (c == 0) {
                c = meter.compareTo(o.meter);
            }
            if (c == 0) {
                c = carrier.compareTo(o.carrier);
            }
            if (c == 0) {
                c = Integer.compare(table, o.table);
            }
            if (c == 0) {
                c = Integer.compare(row, o.row);
            }
            return c != 0 ? c : Integer.compare(sub, o.sub);
        }
    }

    /** Every row of a meter to one partition; rows without a meter spread by their place in the input. */
    static final class ByMeter extends Partitioner {
        private static final long serialVersionUID = 1L;
        private final int partitions;

        ByMeter(int partitions) {
            this.partitions = partitions;
        }

        @Override
        public int numPartitions() {
            return partitions;
        }

        @Override
        public int getPartition(Object key) {
            RowKey k = (RowKey) key;
            int h = k.noMeter() ? Objects.hash(k.table(), k.row() / BATCH) : Objects.hash(k.site(), k.meter(),
                    k.carrier());
            return Math.floorMod(h, partitions);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ByMeter b && b.partitions == partitions;
        }

        @Override
        public int hashCode() {
            return partitions;
        }
    }


    private transient Map<Integer, ReadingRows> opened;
    private transient Map<String, Integer> tableOfFile;
    private transient List<Site> engineSites;
    private transient List<Inventory.ReadingColumns> engineColumns;
    private transient Map<String, CarbonUnit> units;
    private transient RecentTimes times;

    private ReadingRows table(int index) {
        if (opened == null) {
            opened = new HashMap<>();
        }
        return opened.computeIfAbsent(index, i -> {
            Table t = tables.get(i);
            return ReadingRows.open(t.name(), t.headerRows());
        });
    }

    private List<Site> sites() {
        if (engineSites == null) {
            engineSites = sites.stream().map(Parts.SiteZone::toEngine).toList();
        }
        return engineSites;
    }

    /**
     * True when the month-end convention might read {@code r} otherwise beside its meter's other
     * rows: only a row written as dates alone (so from and to at midnight) can be a month-end row.
     */
    static boolean mayBeMonthEnd(Reading r) {
        return r.from() != null && atMidnight(r.from()) && atMidnight(r.to());
    }

    private static boolean atMidnight(LocalDateTime t) {
        return t.getHour() == 0 && t.getMinute() == 0 && t.getSecond() == 0 && t.getNano() == 0;
    }

    // ---- step 1 ----

    /**
     * Step 1 over a partition of rows (of one or more files, in file order), lazily: a batch of at
     * most {@link #BATCH} rows of one file is converted when the last batch's values are taken, so a
     * partition of any size is never held whole (one Parquet file is one partition of 10 M rows).
     */
    Iterator<Tuple2<RowKey, Carried>> keys(Iterator<RawRow> rows) {
        return new Iterator<>() {
            private final ArrayDeque<Tuple2<RowKey, Carried>> ready = new ArrayDeque<>();
            private RawRow nextBatchStart;

            @Override
            public boolean hasNext() {
                fill();
                return !ready.isEmpty();
            }

            @Override
            public Tuple2<RowKey, Carried> next() {
                fill();
                if (ready.isEmpty()) {
                    throw new NoSuchElementException();
                }
                return ready.poll();
            }

            private void fill() {
                while (ready.isEmpty() && (nextBatchStart != null || rows.hasNext())) {
                    List<RawRow> batch = new ArrayList<>();
                    if (nextBatchStart != null) {
                        batch.add(nextBatchStart);
                        nextBatchStart = null;
                    }
                    while (rows.hasNext()) {
                        RawRow r = rows.next();
                        if (!batch.isEmpty() && (batch.size() >= BATCH || batch.get(0).table() != r.table())) {
                            nextBatchStart = r; // the first row of the next batch
                            break;
                        }
                        batch.add(r);
                    }
                    convertBatch(batch, ready);
                }
            }
        };
    }

    /** Converts a batch of one file's rows: its readings, issues, tags and tally, keyed for the shuffle. */
    private void convertBatch(List<RawRow> batch, Collection<Tuple2<RowKey, Carried>> out) {
        int table = batch.get(0).table();
        String file = tables.get(table).name();
        ReadingRows.Batch b = table(table).batch();
        long broken = 0;
        for (RawRow r : batch) {
            if (r.cells() == null) {
                out.add(settled(table, r.row(), IssuePart.of(Issue.error(SourceRef.row(file, null, r.row()),
                        r.broken()))));
                broken++;
            } else {
                b.add(r.row(), r.cells());
            }
        }
        ReadingRows.Converted c = b.finish(sites());
        Set<Integer> inMeterPartition = new HashSet<>();
        for (Reading r : c.readings()) {
            if (mayBeMonthEnd(r)) {
                inMeterPartition.add(r.source().row());
            }
        }
        Map<Integer, RawRow> cellsOfRow = new HashMap<>();
        if (!inMeterPartition.isEmpty()) {
            batch.forEach(r -> cellsOfRow.put(r.row(), r));
        }
        Map<Shape, Shape> shapes = new HashMap<>();
        int lastRow = -1;
        List<RowKey> rowKeys = new ArrayList<>(); // the keys given to the current row
        for (Reading r : c.readings()) {
            int row = r.source().row();
            if (row != lastRow) {
                rowKeys.clear();
                lastRow = row;
            }
            if (!file.equals(r.source().file())) {
                throw new IllegalStateException(r.source() + " was read from " + file);
            }
            if (inMeterPartition.contains(row)) {
                // the row's cells, once to each of its meters' partitions
                if (rowKeys.stream().noneMatch(k -> k.isMeterOf(r))) {
                    RowKey key = RowKey.of(r, table, rowKeys.size());
                    rowKeys.add(key);
                    out.add(new Tuple2<>(key, cellsOfRow.get(row)));
                }
                continue;
            }
            Shape shape = shapes.computeIfAbsent(Shape.of(r), s -> checkedUnit(s, r));
            RowKey key = RowKey.of(r, table, rowKeys.size());
            rowKeys.add(key);
            out.add(new Tuple2<>(key, Parts.Packed.fits(r) ? Parts.Packed.of(r, shape)
                    : new Parts.Exact(shape, r.from(), r.to(), r.quantity())));
        }
        int sub = 0;
        for (Issue i : c.issues()) {
            if (i.row() == null || !inMeterPartition.contains(i.row())) {
                out.add(new Tuple2<>(RowKey.noMeter(table, i.row() == null ? 0 : i.row(), sub++),
                        new Settled(IssuePart.of(i))));
            }
        }
        c.meterTags().forEach(t -> out.add(settled(table, t.source().row(), Parts.TagPart.of(t, table))));
        // the rows converted again in their meters' partitions are counted here, once
        out.add(settled(table, batch.get(0).row(), new TallyPart(c.rows().read() + broken, c.rows().accepted(),
                c.rows().rejected() + broken, 0)));
    }

    private static Tuple2<RowKey, Carried> settled(int table, int row, Part part) {
        return new Tuple2<>(RowKey.noMeter(table, row, 0), new Settled(part));
    }

    /** A shape whose unit symbol reads back as the reading's unit (the partition rebuilds the unit from it). */
    private static Shape checkedUnit(Shape s, Reading r) {
        if (!UnitParser.parse(s.unit()).equals(r.unit())) {
            throw new IllegalStateException("unit " + s.unit() + " does not read back as itself");
        }
        return s;
    }

    // ---- step 2 ----

    /** Step 2 over a partition sorted by {@link RowKey}: each meter's readings arrive together, in input order. */
    Iterator<Part> meters(Iterator<Tuple2<RowKey, Carried>> sorted) {
        List<Part> out = new ArrayList<>();
        long[] tally = new long[4];
        List<Tuple2<RowKey, Carried>> meter = new ArrayList<>();
        while (sorted.hasNext()) {
            Tuple2<RowKey, Carried> next = sorted.next();
            if (next._1().noMeter()) {
                Part p = ((Settled) next._2()).part();
                if (p instanceof TallyPart t) {
                    tally[0] += t.read();
                    tally[1] += t.accepted();
                    tally[2] += t.rejected();
                } else {
                    out.add(p);
                }
                continue;
            }
            if (!meter.isEmpty() && !meter.get(0)._1().sameMeter(next._1())) {
                meter(meter, out, tally);
                meter.clear();
            }
            meter.add(next);
        }
        if (!meter.isEmpty()) {
            meter(meter, out, tally);
        }
        out.add(new TallyPart(tally[0], tally[1], tally[2], tally[3]));
        return out.iterator();
    }

    private void meter(List<Tuple2<RowKey, Carried>> rows, List<Part> out, long[] tally) {
        RowKey key = rows.get(0)._1();
        List<Reading> readings = new ArrayList<>(rows.size());
        int from = 0;
        for (int i = 1; i <= rows.size(); i++) {
            if (i == rows.size() || rows.get(i)._1().table() != rows.get(from)._1().table()) {
                file(key, rows.subList(from, i), readings, out);
                from = i;
            }
        }
        if (engineColumns == null) {
            engineColumns = columns.stream().map(Parts.Columns::toEngine).toList();
        }
        InputStage.Meters checked = InputStage.checkMeters(readings, fillGaps ? InputStage.Gaps.ESTIMATE
                : InputStage.Gaps.REPORT, engineColumns);
        checked.issues().forEach(i -> out.add(IssuePart.of(i)));
        tally[3] += checked.rejected();
        if (checked.readings().isEmpty()) {
            return;
        }
        Reading first = checked.readings().get(0);
        out.add(new FirstRowPart(first.site(), tableOf(first.source().file()), first.source().row(),
                first.source().file()));
        for (Calculation.GroupedLine g : Calculation.group(checked.readings(), ReportingPeriod.parse(period))) {
            out.add(LinePart.of(g));
        }
        Coverage.spans(checked.readings()).forEach((meter, spans) -> out.add(SpanPart.of(meter, spans)));
    }

    /** The index of the input file reports name {@code file}. */
    private int tableOf(String file) {
        if (tableOfFile == null) {
            tableOfFile = new HashMap<>();
            tables.forEach((i, t) -> tableOfFile.put(t.name(), i));
        }
        return tableOfFile.get(file);
    }

    /**
     * One meter's values of one file, in row order, to readings: the compact ones rebuilt, the rows
     * sent whole converted together as the importers convert a meter's rows of one file.
     */
    private void file(RowKey meter, List<Tuple2<RowKey, Carried>> values, List<Reading> readings, List<Part> out) {
        int table = values.get(0)._1().table();
        String file = tables.get(table).name();
        List<Reading> ofFile = new ArrayList<>(values.size());
        List<RawRow> rows = new ArrayList<>();
        Set<Integer> reportingRows = new HashSet<>();
        boolean startsNotAtMidnight = false;
        for (Tuple2<RowKey, Carried> t : values) {
            RowKey key = t._1();
            Reading r;
            if (t._2() instanceof Parts.Packed p) {
                r = p.shape().reading(key, file, p.from() == Parts.Packed.NO_START ? null : time(p.from()),
                        time(p.to()), BigDecimal.valueOf(p.unscaled(), p.scale()), unit(p.shape()));
            } else if (t._2() instanceof Parts.Exact e) {
                r = e.shape().reading(key, file, e.from(), e.to(), e.quantity(), unit(e.shape()));
            } else if (t._2() instanceof RawRow raw) {
                rows.add(raw);
                if (key.sub() == 0) {
                    reportingRows.add(raw.row());
                }
                continue;
            } else {
                throw new IllegalStateException("a settled part under meter " + meter);
            }
            startsNotAtMidnight |= r.from() != null;
            ofFile.add(r);
        }
        if (!rows.isEmpty()) {
            List<ReadingRows.Converted> converted = new ArrayList<>();
            converted.add(convert(table, rows));
            // Only the meter's rows of the file decide the month-end convention: a row of it that is not
            // dates alone means none of its rows is a month-end row, which each row converted alone gives.
            if (startsNotAtMidnight && converted.get(0).readings().stream()
                    .filter(r -> meter.isMeterOf(r) && mayBeMonthEnd(r)).count() >= 2) {
                converted.clear();
                rows.forEach(r -> converted.add(convert(table, List.of(r))));
            }
            Set<Integer> withReading = new HashSet<>();
            for (ReadingRows.Converted c : converted) {
                for (Reading r : c.readings()) {
                    if (meter.isMeterOf(r)) {
                        ofFile.add(r);
                        withReading.add(r.source().row());
                    }
                }
                for (Issue i : c.issues()) {
                    if (i.row() == null ? !reportingRows.isEmpty() : reportingRows.contains(i.row())) {
                        out.add(IssuePart.of(i));
                    }
                }
                c.meterTags().forEach(t -> out.add(Parts.TagPart.of(t, table)));
            }
            for (RawRow r : rows) {
                if (!withReading.contains(r.row())) {
                    throw new IllegalStateException(file + " row " + r.row() + " gave a reading of meter "
                            + meter.meter() + " in step 1 and none when converted again");
                }
            }
            ofFile.sort(Comparator.comparingInt(r -> r.source().row())); // stable: a row's readings keep their order
        }
        readings.addAll(ofFile);
    }

    private ReadingRows.Converted convert(int table, List<RawRow> rows) {
        ReadingRows.Batch b = table(table).batch();
        rows.forEach(r -> b.add(r.row(), r.cells()));
        return b.finish(sites());
    }

    private CarbonUnit unit(Shape shape) {
        if (units == null) {
            units = new HashMap<>();
        }
        return units.computeIfAbsent(shape.unit(), UnitParser::parse);
    }

    private LocalDateTime time(long seconds) {
        if (times == null) {
            times = new RecentTimes();
        }
        return times.at(seconds);
    }
}
