package org.wattledger.spark;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.wattledger.engine.calc.Calculation;
import org.wattledger.engine.calc.RowRanges;
import org.wattledger.engine.meter.Coverage;
import org.wattledger.engine.meter.MeterKey;
import org.wattledger.engine.model.Carrier;
import org.wattledger.engine.model.Inventory;
import org.wattledger.engine.model.Issue;
import org.wattledger.engine.model.Quality;
import org.wattledger.engine.model.Reading;
import org.wattledger.engine.model.ReadingType;
import org.wattledger.engine.model.RegisterEvent;
import org.wattledger.engine.model.Role;
import org.wattledger.engine.model.Severity;
import org.wattledger.engine.model.Site;
import org.wattledger.engine.model.SiteKind;
import org.wattledger.engine.model.SourceRef;
import org.wattledger.engine.model.Use;
import org.wattledger.engine.units.CarbonUnit;
import org.wattledger.engine.units.UnitParser;

/**
 * What travels between the driver and the executors, as plain serializable values: the engine's
 * own types stay inside one JVM. Each part converts to and from its engine type in one place.
 */
final class Parts {
    private Parts() {
    }

    /**
     * What crosses the meter shuffle with a row's key: a reading converted in step 1 ({@link Packed},
     * {@link Exact}), a row its meter's partition converts itself ({@link RawRow}), or a part that step
     * 1 settled (its issues, tags and tally: {@link Settled}).
     */
    sealed interface Carried extends Serializable permits RawRow, Packed, Exact, Settled {
    }

    /** One row of a readings file: its table (input file), the row number the user sees, its cells. */
    record RawRow(int table, int row, String[] cells, String broken) implements Carried {
    }

    /** A part settled in step 1, handed on to the driver by whichever partition it lands in. */
    record Settled(Part part) implements Carried {
    }

    /**
     * What a reading holds besides its meter (in its key), times, quantity and row: what a meter's
     * readings mostly share, so one instance serves many readings of a batch. The unit travels as its
     * symbol (checked in step 1 to read back as the same unit).
     */
    record Shape(String gas, Use use, Role role, String unit, ReadingType type, BigDecimal multiplier,
            Integer registerDigits, RegisterEvent event, Quality quality, String note, String sheet, String column)
            implements Serializable {
        static Shape of(Reading r) {
            return new Shape(r.gas(), r.use(), r.role(), r.unit().symbol(), r.type(), r.multiplier(), r.registerDigits(),
                    r.event(), r.quality(), r.note(), r.source().sheet(), r.source().column());
        }

        Reading reading(MeterStage.RowKey key, String file, LocalDateTime from, LocalDateTime to, BigDecimal quantity,
                CarbonUnit parsedUnit) {
            return new Reading(key.site(), key.meter(), Carrier.valueOf(key.carrier()), gas, use, role, from, to,
                    quantity, parsedUnit, type, multiplier, registerDigits, event, quality, note,
                    new SourceRef(file, sheet, key.row(), column));
        }
    }

    /**
     * A converted reading in its compact form: its start and end as seconds of the local date-time
     * ({@link #NO_START}: none), its quantity as an unscaled long and a scale. The common case;
     * {@link Exact} holds the rest.
     */
    record Packed(Shape shape, long from, long to, long unscaled, int scale) implements Carried {
        static final long NO_START = Long.MIN_VALUE;

        /** True when {@code r} reads back from the compact form unchanged. */
        static boolean fits(Reading r) {
            return (r.from() == null || r.from().getNano() == 0) && r.to().getNano() == 0
                    && r.quantity().unscaledValue().bitLength() < 64;
        }

        static Packed of(Reading r, Shape shape) {
            return new Packed(shape, r.from() == null ? NO_START : r.from().toEpochSecond(ZoneOffset.UTC),
                    r.to().toEpochSecond(ZoneOffset.UTC), r.quantity().unscaledValue().longValueExact(),
                    r.quantity().scale());
        }
    }

    /** A converted reading whose times have fractions of a second or whose quantity has more than 18 digits. */
    record Exact(Shape shape, LocalDateTime from, LocalDateTime to, BigDecimal quantity) implements Carried {
    }

    /** A readings file: its index in input order, the name reports give it, and its rows up to the header. */
    record Table(int index, String name, String path, boolean parquet, List<String[]> headerRows)
            implements Serializable {
    }

    /** What the input stage's column hints need of a readings table. */
    record Columns(String file, String quantity, String from, String to) implements Serializable {
        static Columns of(Inventory.ReadingColumns c) {
            return new Columns(c.file(), c.quantity(), c.from(), c.to());
        }

        Inventory.ReadingColumns toEngine() {
            return new Inventory.ReadingColumns(file, null, quantity, from, to);
        }
    }

    /** What reading a row's times with a UTC offset needs of a site: its id, region and zone. */
    record SiteZone(String id, String region, String zone) implements Serializable {
        static SiteZone of(Site s) {
            return new SiteZone(s.id(), s.region(), s.timezone() == null ? null : s.timezone().getId());
        }

        Site toEngine() {
            return new Site(id, id, region, SiteKind.OTHER, null, null, null, false, null,
                    zone == null ? null : ZoneId.of(zone));
        }
    }

    /** Anything a meter partition hands back to the driver. */
    sealed interface Part extends Serializable permits IssuePart, LinePart, SpanPart, TallyPart, FirstRowPart, TagPart {
    }

    record IssuePart(String severity, String file, String sheet, Integer row, String column, String message)
            implements Part {
        static IssuePart of(Issue i) {
            return new IssuePart(i.severity().name(), i.file(), i.sheet(), i.row(), i.column(), i.message());
        }

        Issue toEngine() {
            return new Issue(Severity.valueOf(severity), file, sheet, row, column, message);
        }
    }

    /** A meter's measurement point and zone as one of its rows gives them ({@code table}: the input file's index). */
    record TagPart(String site, String meter, String point, String zone, String file, int table, int row) implements Part {
        static TagPart of(org.wattledger.engine.model.MeterTag t, int table) {
            return new TagPart(t.site(), t.meter(), t.point() == null ? null : t.point().name(), t.zone(),
                    t.source().file(), table, t.source().row());
        }

        /** The importers' key of a tag: one per distinct (site, meter, point, zone). */
        String key() {
            return site + "\u0000" + meter + "\u0000" + point + "\u0000" + zone;
        }

        org.wattledger.engine.model.MeterTag toEngine() {
            return new org.wattledger.engine.model.MeterTag(site, meter,
                    point == null ? null : org.wattledger.engine.model.MeasurementPoint.valueOf(point), zone,
                    org.wattledger.engine.model.SourceRef.row(file, null, row));
        }
    }

    /** Rows read, accepted and rejected by the importers' rules, and rejected later by the input stage. */
    record TallyPart(long read, long accepted, long rejected, long rejectedByInputStage) implements Part {
    }

    /** A site's first reading row (after the input stage) in one meter: the driver keeps the earliest. */
    record FirstRowPart(String site, int table, int row, String file) implements Part {
    }

    /** The time one meter's readings cover. */
    record SpanPart(String site, String meter, String carrier, List<LocalDateTime[]> spans) implements Part {
        static SpanPart of(MeterKey key, List<Coverage.Span> spans) {
            List<LocalDateTime[]> out = new ArrayList<>(spans.size());
            spans.forEach(s -> out.add(new LocalDateTime[] {s.from(), s.to()}));
            return new SpanPart(key.site(), key.meter(), key.carrier().name(), out);
        }

        MeterKey key() {
            return new MeterKey(site, meter, Carrier.valueOf(carrier));
        }

        List<Coverage.Span> toEngine() {
            List<Coverage.Span> out = new ArrayList<>(spans.size());
            spans.forEach(s -> out.add(new Coverage.Span(s[0], s[1])));
            return out;
        }
    }

    /**
     * A grouped line ({@link Calculation.GroupedLine}); its rows per file as progressions, each three
     * numbers (first row, step, count) in one int array. A meter's rows of a file ordered by time
     * and not by meter are every Nth row: one progression per line instead of one run per row, which
     * at 100 million readings is what keeps the lines the driver collects small.
     */
    record LinePart(String site, String meter, String carrier, String gas, String use, String role, LocalDate from,
            LocalDate to, String unit, BigDecimal quantity, BigDecimal estimatedQuantity, String firstFile,
            String firstSheet, int firstRow, Map<String, int[]> rows, List<String> derivations,
            List<String> prorations) implements Part {

        static LinePart of(Calculation.GroupedLine g) {
            CarbonUnit back = UnitParser.parse(g.unit().symbol());
            if (!back.equals(g.unit())) {
                throw new IllegalStateException("unit " + g.unit().symbol() + " does not read back as itself");
            }
            SourceRef first = g.firstSource();
            return new LinePart(g.site(), g.meter(), g.carrier().name(), g.gas(),
                    g.use() == null ? null : g.use().name(), g.role().name(), g.from(), g.to(), g.unit().symbol(),
                    g.quantity(), g.estimatedQuantity(), first.file(), first.sheet(), first.row(),
                    progressions(g.rows().describe()), new ArrayList<>(g.derivations()), new ArrayList<>(g.prorations()));
        }

        /** The runs "2-13", "40", "52", "64" of each file as {2, 1, 12,  40, 12, 3}. */
        static Map<String, int[]> progressions(Map<String, List<String>> described) {
            Map<String, int[]> out = new TreeMap<>();
            described.forEach((file, runs) -> {
                List<int[]> found = new ArrayList<>(); // first, step, count, last
                for (String run : runs) {
                    int dash = run.indexOf('-');
                    int a = Integer.parseInt(dash < 0 ? run : run.substring(0, dash));
                    int b = dash < 0 ? a : Integer.parseInt(run.substring(dash + 1));
                    int[] p = found.isEmpty() ? null : found.get(found.size() - 1);
                    if (a == b && p != null && (p[2] == 1 || a - p[3] == p[1])) {
                        if (p[2] == 1) {
                            p[1] = a - p[3]; // a lone row and the next make a progression
                        }
                        p[2]++;
                        p[3] = a;
                    } else {
                        found.add(new int[] {a, 1, b - a + 1, b});
                    }
                }
                int[] bounds = new int[found.size() * 3];
                for (int i = 0; i < found.size(); i++) {
                    System.arraycopy(found.get(i), 0, bounds, 3 * i, 3);
                }
                out.put(file, bounds);
            });
            return out;
        }

        Calculation.GroupedLine toEngine() {
            RowRanges ranges = new RowRanges();
            rows.forEach((file, bounds) -> {
                for (int i = 0; i < bounds.length; i += 3) {
                    for (int k = 0, r = bounds[i]; k < bounds[i + 2]; k++, r += bounds[i + 1]) {
                        ranges.add(file, null, r); // readings files have no sheets: the source is the file
                    }
                }
            });
            return new Calculation.GroupedLine(site, meter, Carrier.valueOf(carrier), gas,
                    use == null ? null : Use.valueOf(use), Role.valueOf(role), from, to, UnitParser.parse(unit),
                    quantity, estimatedQuantity, new SourceRef(firstFile, firstSheet, firstRow, null), ranges,
                    derivations, prorations);
        }
    }
}
