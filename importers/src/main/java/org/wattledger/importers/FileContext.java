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
    /** Readings in input order; an entry is a {@link Reading} or a {@code List<Reading>} filled in later. */
    final List<Object> readings = new ArrayList<>();
    final List<Instrument> instruments = new ArrayList<>();
    final List<Target> targets = new ArrayList<>();
    final List<Denominator> denominators = new ArrayList<>();
    /** Readings whose times were written with a UTC offset and are held in UTC until their site's zone is known. */
    final Map<Reading, ReadingTimes.Written> utcReadings = new java.util.IdentityHashMap<>();
    /** Month-end rows ({@link MonthEnds}): each accepted reading and the reading it is, its end read as exclusive. */
    final Map<Reading, Reading> monthEnds = new java.util.IdentityHashMap<>();
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

    List<Reading> flatReadings() {
        List<Reading> out = new ArrayList<>(readings.size());
        for (Object o : readings) {
            if (o instanceof Reading r) {
                out.add(asRead(r));
            } else if (o instanceof List<?> list) {
                for (Object x : list) {
                    out.add(asRead((Reading) x));
                }
            }
        }
        return out;
    }

    /** The reading with its month-end read as exclusive when it is one; no identity hash in the usual case of none. */
    private Reading asRead(Reading r) {
        return monthEnds.isEmpty() ? r : monthEnds.getOrDefault(r, r);
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
