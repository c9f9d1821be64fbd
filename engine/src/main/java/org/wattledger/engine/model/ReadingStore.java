package org.wattledger.engine.model;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.RandomAccess;
import org.wattledger.engine.units.CarbonUnit;

/**
 * Readings held as columns of primitives rather than one object per reading: about 33 bytes a
 * reading instead of about 160 (a {@link Reading}, its {@code BigDecimal}, two date-times and a
 * {@link SourceRef}), so that ten million readings fit a 1 GB heap and the collector has no
 * million live objects to copy.
 *
 * <p>Per reading it keeps: the index of its <em>descriptor</em> (everything a meter's readings
 * share: site, meter, carrier, gas, use, role, unit, type, multiplier, register digits, event,
 * quality, note, and the file, sheet and column of its source; each distinct descriptor is held
 * once), its start and end as seconds of the local date-time (start absent for register readings
 * and end-only rows), its quantity as an unscaled {@code long} with its scale, and its 1-based
 * source row. A reading that does not fit these columns exactly (a quantity of more than 18
 * digits, a scale outside −128..127, a time with fractions of a second) is kept whole, so every
 * reading reads back equal to the one added: same values, same {@code BigDecimal} scales.
 *
 * <p>As a {@code List<Reading>} it is read-only: {@link #get} builds the reading from the
 * columns (a short-lived object). The engine's input stage works on the columns directly. Add
 * readings with {@link #add(Reading)} or {@link #addFrom} until {@link #seal()}; an
 * {@link Inventory} seals the store it is given.
 */
public final class ReadingStore extends AbstractList<Reading> implements RandomAccess {
    private static final int CHUNK_BITS = 14;
    private static final int CHUNK = 1 << CHUNK_BITS;
    private static final int MASK = CHUNK - 1;
    /** The start of a reading that has none (register readings, end-only rows). */
    public static final long NO_START = Long.MIN_VALUE;
    /** {@link #heldSeconds} of a time the columns cannot hold: one with fractions of a second. */
    public static final long NOT_HELD = Long.MAX_VALUE;
    /** The descriptor index of a reading kept whole. */
    private static final int WHOLE = -1;

    /** What a meter's readings share; held once per distinct combination. */
    private record Descriptor(String site, String meter, Carrier carrier, String gas, Use use, Role role,
            CarbonUnit unit, ReadingType type, BigDecimal multiplier, Integer registerDigits, RegisterEvent event,
            Quality quality, String note, String file, String sheet, String column) {

        static Descriptor of(Reading r) {
            SourceRef s = r.source();
            return new Descriptor(r.site(), r.meter(), r.carrier(), r.gas(), r.use(), r.role(), r.unit(), r.type(),
                    r.multiplier(), r.registerDigits(), r.event(), r.quality(), r.note(), s.file(), s.sheet(),
                    s.column());
        }

        /** Cheaper than building a descriptor and looking it up: consecutive readings mostly share one. */
        boolean matches(Reading r) {
            SourceRef s = r.source();
            return carrier == r.carrier() && role == r.role() && use == r.use() && type == r.type()
                    && event == r.event() && quality == r.quality() && same(unit, r.unit()) && same(site, r.site())
                    && same(meter, r.meter()) && same(gas, r.gas()) && same(multiplier, r.multiplier())
                    && same(registerDigits, r.registerDigits()) && same(note, r.note()) && same(file, s.file())
                    && same(sheet, s.sheet()) && same(column, s.column());
        }

        private static boolean same(Object a, Object b) {
            return a == b || a != null && a.equals(b);
        }
    }

    private static final class Chunk {
        final int[] descriptor = new int[CHUNK];
        final long[] from = new long[CHUNK];
        final long[] to = new long[CHUNK];
        final long[] unscaled = new long[CHUNK];
        final byte[] scale = new byte[CHUNK];
        final int[] row = new int[CHUNK];
    }

    /** The chunks of the {@code size} readings: an array, not a list, as every reading a report reads is found here. */
    private Chunk[] chunks = new Chunk[8];
    private final List<Descriptor> descriptors = new ArrayList<>();
    private final Map<Descriptor, Integer> descriptorIndex = new HashMap<>();
    private final Map<Integer, Reading> whole = new HashMap<>();
    private final RecentTimes times = new RecentTimes();
    private Descriptor lastDescriptor;
    private int lastDescriptorIndex;
    private int size;
    private boolean sealed;

    public ReadingStore() {
    }

    /** The readings as a store: {@code readings} itself when it is one, else a new store holding them. */
    public static ReadingStore of(List<Reading> readings) {
        if (readings instanceof ReadingStore s) {
            return s;
        }
        ReadingStore s = new ReadingStore();
        for (Reading r : readings) {
            s.add(r);
        }
        return s;
    }

    /**
     * An unmodifiable copy of {@code readings} for a record to keep: a store is sealed and kept as
     * it is (copying it would build every reading), any other list is copied with {@link List#copyOf}.
     */
    public static List<Reading> copyOf(List<Reading> readings) {
        if (readings instanceof ReadingStore s) {
            return s.seal();
        }
        return List.copyOf(readings);
    }

    /** No reading can be added from now on. Returns this store. */
    public ReadingStore seal() {
        sealed = true;
        return this;
    }

    @Override
    public boolean add(Reading r) {
        Objects.requireNonNull(r);
        int i = next();
        Chunk c = chunks[i >>> CHUNK_BITS];
        int k = i & MASK;
        LocalDateTime from = r.from();
        BigDecimal q = r.quantity();
        long start = from == null ? NO_START : heldSeconds(from);
        long end = heldSeconds(r.to());
        if (start == NOT_HELD || end == NOT_HELD || q.precision() > MAX_DIGITS || q.scale() != (byte) q.scale()) {
            c.descriptor[k] = WHOLE;
            whole.put(i, r);
            return true;
        }
        put(c, k, descriptor(r), start, end, q.unscaledValue().longValueExact(), q.scale(), r.source().row());
        return true;
    }

    /** Digits of a quantity the columns hold: an unscaled {@code long} holds any 18. */
    private static final int MAX_DIGITS = 18;
    private static final long TEN_TO_MAX_DIGITS = 1_000_000_000_000_000_000L;

    /**
     * A time as the columns hold it, the seconds of the local date-time; {@link #NOT_HELD} when
     * they cannot hold it exactly (fractions of a second). An importer may work these out once
     * per distinct time and hand them to {@link #addColumns}.
     */
    public static long heldSeconds(LocalDateTime t) {
        return t.getNano() != 0 ? NOT_HELD : t.toEpochSecond(ZoneOffset.UTC);
    }

    private static void put(Chunk c, int k, int descriptor, long from, long to, long unscaled, int scale, int row) {
        c.descriptor[k] = descriptor;
        c.from[k] = from;
        c.to[k] = to;
        c.unscaled[k] = unscaled;
        c.scale[k] = (byte) scale;
        c.row[k] = row;
    }

    /**
     * The descriptor of reading {@code i} (what it shares with the other readings of its meter),
     * or -1 when it is kept whole. With {@link #addColumns}, an importer adds the next rows that
     * share it without building a {@link Reading} for each.
     */
    public int descriptorOf(int i) {
        int d = chunks[i >>> CHUNK_BITS].descriptor[i & MASK];
        return d == WHOLE ? -1 : d;
    }

    /**
     * Adds a reading straight to the columns: the reading that {@link #add(Reading)} would hold
     * for a {@link Reading} with the fields of descriptor {@code descriptor} ({@link #descriptorOf}
     * of an earlier reading, whose fields the caller knows to be this one's), these times as
     * {@link #heldSeconds} gives them ({@code from} {@link #NO_START} for a register reading or an
     * end-only row), the quantity {@code BigDecimal.valueOf(unscaled, scale)} and this source row.
     * Adds nothing and returns false when the columns cannot hold the reading exactly, or when it
     * is not a reading at all (a start not before its end); the caller then builds the whole
     * reading, whose checks apply.
     */
    public boolean addColumns(int descriptor, long from, long to, long unscaled, int scale, int row) {
        Objects.checkIndex(descriptor, descriptors.size());
        if (from == NOT_HELD || to == NOT_HELD || to == NO_START || from != NO_START && from >= to
                || unscaled <= -TEN_TO_MAX_DIGITS || unscaled >= TEN_TO_MAX_DIGITS || scale != (byte) scale) {
            return false;
        }
        int i = next();
        put(chunks[i >>> CHUNK_BITS], i & MASK, descriptor, from, to, unscaled, scale, row);
        return true;
    }

    /** Adds reading {@code i} of {@code other} without building it. */
    public void addFrom(ReadingStore other, int i) {
        Chunk src = other.chunks[i >>> CHUNK_BITS];
        int ks = i & MASK;
        int d = src.descriptor[ks];
        if (d == WHOLE) {
            add(other.whole.get(i));
            return;
        }
        int j = next();
        Chunk c = chunks[j >>> CHUNK_BITS];
        int k = j & MASK;
        c.descriptor[k] = other == this ? d : descriptorIndex(other.descriptors.get(d));
        c.from[k] = src.from[ks];
        c.to[k] = src.to[ks];
        c.unscaled[k] = src.unscaled[ks];
        c.scale[k] = src.scale[ks];
        c.row[k] = src.row[ks];
    }

    private int next() {
        if (sealed) {
            throw new UnsupportedOperationException("this store of readings is sealed");
        }
        if ((size & MASK) == 0) {
            int n = size >>> CHUNK_BITS;
            if (n == chunks.length) {
                chunks = Arrays.copyOf(chunks, 2 * n);
            }
            chunks[n] = new Chunk();
        }
        return size++;
    }

    private int descriptor(Reading r) {
        if (lastDescriptor != null && lastDescriptor.matches(r)) {
            return lastDescriptorIndex;
        }
        Descriptor d = Descriptor.of(r);
        lastDescriptor = d;
        lastDescriptorIndex = descriptorIndex(d);
        return lastDescriptorIndex;
    }

    private int descriptorIndex(Descriptor d) {
        Integer known = descriptorIndex.get(d);
        if (known != null) {
            return known;
        }
        descriptors.add(d);
        descriptorIndex.put(d, descriptors.size() - 1);
        return descriptors.size() - 1;
    }

    @Override
    public int size() {
        return size;
    }

    /** Builds reading {@code i} from the columns. */
    @Override
    public Reading get(int i) {
        Objects.checkIndex(i, size);
        Chunk c = chunks[i >>> CHUNK_BITS];
        int k = i & MASK;
        int di = c.descriptor[k];
        if (di == WHOLE) {
            return whole.get(i);
        }
        Descriptor d = descriptors.get(di);
        long from = c.from[k];
        return new Reading(d.site, d.meter, d.carrier, d.gas, d.use, d.role,
                from == NO_START ? null : dateTime(from), dateTime(c.to[k]), BigDecimal.valueOf(c.unscaled[k], c.scale[k]),
                d.unit, d.type, d.multiplier, d.registerDigits, d.event, d.quality, d.note,
                new SourceRef(d.file, d.sheet, c.row[k], d.column));
    }

    /**
     * A number shared by readings of the same site, meter and carrier (and whatever else their
     * rows share), for grouping without building readings: equal for two readings means same
     * meter; different may still be the same meter. Readings kept whole get a number of their own.
     */
    public int group(int i) {
        int d = chunks[i >>> CHUNK_BITS].descriptor[i & MASK];
        return d == WHOLE ? descriptors.size() + i : d;
    }

    /** True when reading {@code i} is a register reading. */
    public boolean isRegister(int i) {
        int d = chunks[i >>> CHUNK_BITS].descriptor[i & MASK];
        return (d == WHOLE ? whole.get(i).type() : descriptors.get(d).type) == ReadingType.REGISTER;
    }

    /** True when some reading is a register reading; looks at the distinct descriptors, not every reading. */
    public boolean anyRegister() {
        for (Descriptor d : descriptors) {
            if (d.type == ReadingType.REGISTER) {
                return true;
            }
        }
        for (Reading r : whole.values()) {
            if (r.type() == ReadingType.REGISTER) {
                return true;
            }
        }
        return false;
    }

    /** True when reading {@code i} has a start ({@code from} not null). */
    public boolean hasStart(int i) {
        int k = i & MASK;
        Chunk c = chunks[i >>> CHUNK_BITS];
        return c.descriptor[k] == WHOLE ? whole.get(i).from() != null : c.from[k] != NO_START;
    }

    /** The quantity of reading {@code i}, without building the reading. */
    public BigDecimal quantity(int i) {
        Chunk c = chunks[i >>> CHUNK_BITS];
        int k = i & MASK;
        return c.descriptor[k] == WHOLE ? whole.get(i).quantity() : BigDecimal.valueOf(c.unscaled[k], c.scale[k]);
    }

    /** The 1-based source row of reading {@code i}. */
    public int row(int i) {
        Chunk c = chunks[i >>> CHUNK_BITS];
        int k = i & MASK;
        return c.descriptor[k] == WHOLE ? whole.get(i).source().row() : c.row[k];
    }

    /**
     * True when reading {@code i} is held in the columns (not kept whole), has a start, and lies
     * within [from, to] given as {@link #heldSeconds}: starts at or after from, ends at or before to.
     */
    public boolean within(int i, long from, long to) {
        Chunk c = chunks[i >>> CHUNK_BITS];
        int k = i & MASK;
        return c.descriptor[k] != WHOLE && c.from[k] != NO_START && c.from[k] >= from && c.to[k] <= to;
    }

    /**
     * Compares two moments: the start ({@code aEnd} false) or end of reading {@code a} with the
     * start or end of reading {@code b}. A missing start comes before every time. Exact: a
     * reading kept whole is compared on its date-time, fractions of a second included.
     */
    public int compareTimes(int a, boolean aEnd, int b, boolean bEnd) {
        Chunk ca = chunks[a >>> CHUNK_BITS];
        Chunk cb = chunks[b >>> CHUNK_BITS];
        int ka = a & MASK;
        int kb = b & MASK;
        if (ca.descriptor[ka] == WHOLE || cb.descriptor[kb] == WHOLE) {
            LocalDateTime ta = time(a, aEnd);
            LocalDateTime tb = time(b, bEnd);
            return ta == null ? (tb == null ? 0 : -1) : tb == null ? 1 : ta.compareTo(tb);
        }
        return Long.compare(aEnd ? ca.to[ka] : ca.from[ka], bEnd ? cb.to[kb] : cb.from[kb]);
    }

    /** The start or end of reading {@code i}, built only for this (an error message, an estimate). */
    public LocalDateTime time(int i, boolean end) {
        if (keptWhole(i)) {
            Reading r = whole.get(i);
            return end ? r.to() : r.from();
        }
        long s = seconds(i, end);
        return s == NO_START ? null : dateTime(s);
    }

    /**
     * The start ({@code end} false) or end of reading {@code i} as the columns hold it
     * ({@link #heldSeconds}): {@link #NO_START} for a reading without a start, {@link #NOT_HELD}
     * for a reading kept whole, whose times only {@link #time} gives exactly.
     */
    public long heldSeconds(int i, boolean end) {
        return keptWhole(i) ? NOT_HELD : seconds(i, end);
    }

    private LocalDateTime dateTime(long seconds) {
        return times.at(seconds);
    }

    /**
     * The latest end of any reading, or empty when there is none: from the columns for a store,
     * without building a reading.
     */
    public static java.util.Optional<LocalDateTime> latestEnd(List<Reading> readings) {
        if (!(readings instanceof ReadingStore s)) {
            return readings.stream().map(Reading::to).max(LocalDateTime::compareTo);
        }
        int latest = -1;
        if (s.whole.isEmpty()) { // every end is whole seconds in the columns: compared there
            long latestEnd = Long.MIN_VALUE;
            for (int i = 0; i < s.size; i++) {
                long end = s.seconds(i, true);
                if (latest < 0 || end > latestEnd) {
                    latest = i;
                    latestEnd = end;
                }
            }
        } else {
            for (int i = 0; i < s.size; i++) {
                if (latest < 0 || s.compareTimes(i, true, latest, true) > 0) {
                    latest = i;
                }
            }
        }
        return latest < 0 ? java.util.Optional.empty() : java.util.Optional.of(s.time(latest, true));
    }

    private long seconds(int i, boolean end) {
        Chunk c = chunks[i >>> CHUNK_BITS];
        return end ? c.to[i & MASK] : c.from[i & MASK];
    }

    private boolean keptWhole(int i) {
        return chunks[i >>> CHUNK_BITS].descriptor[i & MASK] == WHOLE;
    }
}
