package org.wattledger.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.Partitioner;
import org.wattledger.engine.calc.Calculation;
import org.wattledger.engine.meter.Coverage;
import org.wattledger.engine.meter.InputStage;
import org.wattledger.engine.meter.MeterKey;
import org.wattledger.engine.model.Inventory;
import org.wattledger.engine.model.Issue;
import org.wattledger.engine.model.Reading;
import org.wattledger.engine.model.ReportingPeriod;
import org.wattledger.engine.model.Site;
import org.wattledger.importers.ReadingRows;
import org.wattledger.spark.Parts.FirstRowPart;
import org.wattledger.spark.Parts.IssuePart;
import org.wattledger.spark.Parts.LinePart;
import org.wattledger.spark.Parts.Part;
import org.wattledger.spark.Parts.RawRow;
import org.wattledger.spark.Parts.SpanPart;
import org.wattledger.spark.Parts.Table;
import org.wattledger.spark.Parts.TallyPart;
import scala.Tuple2;

/**
 * The two steps that run on the executors, each with the engine's and importers' own code:
 * <ol>
 *   <li>{@link #keys}: each row converted by the importers' readings-table rules only to learn its
 *       meter (site, meter, carrier), the key the rows are partitioned and sorted by;</li>
 *   <li>{@link #meters}: each meter's rows, whole and in input order (file, row), converted again
 *       (its issues and tally kept this time), put through the engine's input stage (registers,
 *       gaps, overlaps, duplicates, end-only rows), grouped into the engine's lines with the
 *       engine's proration, and its covered time taken.</li>
 * </ol>
 * Rows with no reading (rejected, totals rows) get an empty meter: their issues come from step 2.
 */
final class MeterStage implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Rows converted at a time when the batch's rows are not one meter's. */
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

    /** The sort key of a row: its meter, then its place in the input (file, row). */
    record RowKey(String site, String meter, String carrier, int table, int row)
            implements Comparable<RowKey>, Serializable {
        boolean noMeter() {
            return site.isEmpty() && meter.isEmpty() && carrier.isEmpty();
        }

        boolean sameMeter(RowKey o) {
            return site.equals(o.site) && meter.equals(o.meter) && carrier.equals(o.carrier);
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
            return c != 0 ? c : Integer.compare(row, o.row);
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
    private transient List<Site> engineSites;
    private transient List<Inventory.ReadingColumns> engineColumns;

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

    // ---- step 1 ----

    /**
     * Step 1 over a partition of rows (of one or more files, in file order), lazily: a batch of at
     * most {@link #BATCH} rows of one file is converted when the last batch's keys are taken, so a
     * partition of any size is never held whole (one Parquet file is one partition of 10 M rows).
     */
    Iterator<Tuple2<RowKey, RawRow>> keys(Iterator<RawRow> rows) {
        return new Iterator<>() {
            private final java.util.ArrayDeque<Tuple2<RowKey, RawRow>> ready = new java.util.ArrayDeque<>();
            private RawRow nextBatchStart;

            @Override
            public boolean hasNext() {
                fill();
                return !ready.isEmpty();
            }

            @Override
            public Tuple2<RowKey, RawRow> next() {
                fill();
                if (ready.isEmpty()) {
                    throw new java.util.NoSuchElementException();
                }
                return ready.poll();
            }

            private void fill() {
                if (!ready.isEmpty()) {
                    return;
                }
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
                if (!batch.isEmpty()) {
                    keyBatch(batch, ready);
                }
            }
        };
    }

    private void keyBatch(List<RawRow> batch, java.util.Collection<Tuple2<RowKey, RawRow>> out) {
        int table = batch.get(0).table();
        ReadingRows.Batch b = table(table).batch();
        for (RawRow r : batch) {
            if (r.cells() != null) {
                b.add(r.row(), r.cells());
            }
        }
        Map<Integer, Reading> byRow = new HashMap<>();
        for (Reading reading : b.finish(sites()).readings()) {
            byRow.putIfAbsent(reading.source().row(), reading);
        }
        for (RawRow r : batch) {
            Reading reading = byRow.get(r.row());
            RowKey key = reading == null ? new RowKey("", "", "", table, r.row())
                    : new RowKey(reading.site(), reading.meter(), reading.carrier().name(), table, r.row());
            out.add(new Tuple2<>(key, r));
        }
    }

    // ---- step 2 ----

    /** Step 2 over a partition sorted by {@link RowKey}: each meter's rows arrive together, in input order. */
    Iterator<Part> meters(Iterator<Tuple2<RowKey, RawRow>> sorted) {
        List<Part> out = new ArrayList<>();
        long[] tally = new long[4];
        List<Tuple2<RowKey, RawRow>> meter = new ArrayList<>();
        while (sorted.hasNext()) {
            Tuple2<RowKey, RawRow> next = sorted.next();
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

    private void meter(List<Tuple2<RowKey, RawRow>> rows, List<Part> out, long[] tally) {
        RowKey key = rows.get(0)._1();
        List<Reading> readings = new ArrayList<>();
        int from = 0;
        for (int i = 1; i <= rows.size(); i++) {
            boolean cut = i == rows.size() || rows.get(i)._1().table() != rows.get(from)._1().table()
                    || (key.noMeter() && i - from >= BATCH);
            if (cut) {
                convert(rows.subList(from, i), readings, out, tally);
                from = i;
            }
        }
        if (key.noMeter()) {
            if (!readings.isEmpty()) {
                throw new IllegalStateException(readings.get(0).source() + " gave no reading the first time it was"
                        + " converted and one the second time");
            }
            return;
        }
        for (Reading r : readings) {
            if (!r.site().equals(key.site()) || !r.meter().equals(key.meter())
                    || !r.carrier().name().equals(key.carrier())) {
                throw new IllegalStateException(r.source() + " was converted to another meter the second time");
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
        out.add(new FirstRowPart(first.site(), tableOf(first, rows), first.source().row(), first.source().file()));
        for (Calculation.GroupedLine g : Calculation.group(checked.readings(), ReportingPeriod.parse(period))) {
            out.add(LinePart.of(g));
        }
        Coverage.spans(checked.readings()).forEach((meter, spans) -> out.add(SpanPart.of(meter, spans)));
    }

    /** The input file (table index) of a reading among a meter's rows. */
    private int tableOf(Reading r, List<Tuple2<RowKey, RawRow>> rows) {
        for (Tuple2<RowKey, RawRow> t : rows) {
            if (t._1().row() == r.source().row() && tables.get(t._1().table()).name().equals(r.source().file())) {
                return t._1().table();
            }
        }
        throw new IllegalStateException(r.source() + " is not among its meter's rows");
    }

    /** Converts rows of one file, adding readings, issues and the tally; a row the reader could not split is an error. */
    private void convert(List<Tuple2<RowKey, RawRow>> rows, List<Reading> readings, List<Part> out, long[] tally) {
        int table = rows.get(0)._1().table();
        ReadingRows.Batch b = table(table).batch();
        for (Tuple2<RowKey, RawRow> t : rows) {
            RawRow r = t._2();
            if (r.cells() == null) {
                out.add(IssuePart.of(Issue.error(org.wattledger.engine.model.SourceRef.row(tables.get(table).name(),
                        null, r.row()), r.broken())));
                tally[0]++;
                tally[2]++;
            } else {
                b.add(r.row(), r.cells());
            }
        }
        ReadingRows.Converted c = b.finish(sites());
        readings.addAll(c.readings());
        c.issues().forEach(i -> out.add(IssuePart.of(i)));
        c.meterTags().forEach(t -> out.add(Parts.TagPart.of(t, table)));
        tally[0] += c.rows().read();
        tally[1] += c.rows().accepted();
        tally[2] += c.rows().rejected();
    }
}
