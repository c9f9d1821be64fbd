package org.wattledger.importers;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.wattledger.engine.model.Denominator;
import org.wattledger.engine.model.Instrument;
import org.wattledger.engine.model.Issue;
import org.wattledger.engine.model.Reading;
import org.wattledger.engine.model.ReadingStore;
import org.wattledger.engine.model.Severity;
import org.wattledger.engine.model.Site;
import org.wattledger.engine.model.SourceRef;
import org.wattledger.engine.model.Target;
import org.wattledger.engine.units.CarbonUnit;
import org.wattledger.engine.units.UnitParser;

/**
 * What one input file produced, and the caches shared while reading it. A file that turns out to
 * be unreadable is dropped whole (see {@link WorkbookImporter}), so nothing from it is half-used.
 */
final class FileContext {
    final String file;
    final ImportOptions options;
    final Caches caches;
    final List<Issue> issues = new ArrayList<>();
    final List<Site> sites = new ArrayList<>();
    /** Site ids whose row in a sites table has an error, with that row: their readings are named with it. */
    final java.util.Map<String, SourceRef> rejectedSites = new java.util.LinkedHashMap<>();
    /**
     * Readings in the order they were converted, held as columns. Rows that waited for merged
     * ranges are converted at the end of their sheet; {@link #moved} says where they belong.
     */
    final ReadingStore readings = new ReadingStore();
    /** Readings converted late: {position in input order (the index they go before), first index, count}. */
    final List<int[]> moved = new ArrayList<>();
    final List<Instrument> instruments = new ArrayList<>();
    final List<Target> targets = new ArrayList<>();
    final List<Denominator> denominators = new ArrayList<>();
    final List<org.wattledger.engine.model.StructuralChange> changes = new ArrayList<>();
    /** Each distinct measurement point and zone a meter's rows give, with the first row that gave it. */
    final Map<String, org.wattledger.engine.model.MeterTag> meterTags = new java.util.LinkedHashMap<>();
    final List<org.wattledger.engine.model.PueContract> contracts = new ArrayList<>();
    /** Readings (by index in {@link #readings}) whose times were written with a UTC offset and are held in UTC until their site's zone is known. */
    final Map<Integer, ReadingTimes.Written> utcReadings = new HashMap<>();
    /** Month-end rows ({@link MonthEnds}): by index in {@link #readings}, the reading it is, its end read as exclusive. */
    final Map<Integer, Reading> monthEnds = new HashMap<>();
    /** Factor tables found in the file, as text for the factor loader. */
    final List<org.wattledger.engine.model.TextTable> factorTables = new ArrayList<>();
    /** Per readings table (file + sheet): the letters of its quantity, from and to columns, for issues found later. */
    final java.util.Map<String, String[]> readingColumns;
    long read;
    long accepted;
    long rejected;
    int readingTables;

    FileContext(String file, ImportOptions options, Caches caches) {
        this(file, options, caches, new java.util.HashMap<>());
    }

    FileContext(String file, ImportOptions options, Caches caches, java.util.Map<String, String[]> readingColumns) {
        this.file = file;
        this.options = options;
        this.caches = caches;
        this.readingColumns = readingColumns;
    }

    static String tableKey(String file, String sheet) {
        return file + "\u0000" + (sheet == null ? "" : sheet);
    }

    void issue(Severity severity, String sheet, int row, String column, String message) {
        issues.add(new Issue(severity, file, sheet, row > 0 ? row : null, column, message));
    }

    /** The file's readings in input order, and those held in UTC by their index there. */
    record Flat(ReadingStore readings, Map<Integer, ReadingTimes.Written> utc) {
    }

    /**
     * The readings in input order with month-end rows read as exclusive. Without rows converted
     * late or month-end rows (the usual case), the store as it was filled: nothing is copied.
     */
    Flat flatReadings() {
        if (moved.isEmpty() && monthEnds.isEmpty()) {
            return new Flat(readings, utcReadings);
        }
        boolean[] late = new boolean[readings.size()];
        for (int[] m : moved) {
            java.util.Arrays.fill(late, m[1], m[1] + m[2], true);
        }
        ReadingStore out = new ReadingStore();
        Map<Integer, ReadingTimes.Written> utc = new HashMap<>();
        int next = 0; // the next entry of moved, in the order the rows were read
        List<int[]> byPosition = new ArrayList<>(moved);
        byPosition.sort(java.util.Comparator.comparingInt(m -> m[0])); // stable: rows of one position keep their order
        for (int i = 0; i <= readings.size(); i++) {
            while (next < byPosition.size() && byPosition.get(next)[0] == i) {
                int[] m = byPosition.get(next++);
                for (int k = m[1]; k < m[1] + m[2]; k++) {
                    copy(k, out, utc);
                }
            }
            if (i < readings.size() && !late[i]) {
                copy(i, out, utc);
            }
        }
        return new Flat(out, utc);
    }

    private void copy(int i, ReadingStore out, Map<Integer, ReadingTimes.Written> utc) {
        ReadingTimes.Written w = utcReadings.get(i);
        if (w != null) {
            utc.put(out.size(), w);
        }
        Reading monthEnd = monthEnds.get(i);
        if (monthEnd != null) {
            out.add(monthEnd);
        } else {
            out.addFrom(readings, i);
        }
    }

    /** Parse caches for one import: each distinct text is looked up once. */
    static final class Caches {
        private final Map<String, Optional<CarbonUnit>> units = new HashMap<>();
        private final Map<String, String> strings = new HashMap<>();

        Optional<CarbonUnit> unit(String text) {
            Optional<CarbonUnit> u = units.get(text);
            if (u == null) {
                u = UnitParser.tryParse(text);
                if (units.size() < 10_000) {
                    units.put(text, u);
                }
            }
            return u;
        }

        /** One String object per distinct id text, so a million readings share a few hundred site and meter ids. */
        String intern(String s) {
            String known = strings.get(s);
            if (known != null) {
                return known;
            }
            if (strings.size() < 1_000_000) {
                strings.put(s, s);
            }
            return s;
        }
    }
}
