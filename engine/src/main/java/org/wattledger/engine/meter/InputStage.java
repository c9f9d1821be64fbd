package org.wattledger.engine.meter;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.wattledger.engine.model.Inventory;
import org.wattledger.engine.model.Issue;
import org.wattledger.engine.model.Reading;
import org.wattledger.engine.model.ReadingStore;
import org.wattledger.engine.model.Severity;
import org.wattledger.engine.model.Site;
import org.wattledger.engine.model.SourceRef;
import org.wattledger.engine.model.UserText;

/**
 * The engine's input stage: turns the readings an importer accepted (consumption rows, register
 * readings, rows that give only an end time) into the consumption readings a calculation takes,
 * with the issues found on the way (docs/methodology.md, "Meter readings"):
 * <ol>
 *   <li>register readings become the consumption between them ({@link Registers}: differences,
 *       rollovers, meter replacements, duplicates);</li>
 *   <li>each meter's periods are checked ({@link MeterTimeline}): end-only rows start where the
 *       meter's previous reading ended, duplicates and overlaps are rejected, gaps are warned about
 *       and, with {@link Gaps#ESTIMATE}, estimated;</li>
 *   <li>a site listed twice in the sites table keeps its first row; readings of a site the sites
 *       table does not list are warned about once.</li>
 * </ol>
 *
 * <pre>{@code
 * Inventory raw = WorkbookImporter.read(inputs, ImportOptions.defaults());
 * Inventory inventory = InputStage.prepare(raw, InputStage.Gaps.REPORT);
 * Calculation.run(inventory, catalogs, options);
 * }</pre>
 *
 * <p>A row this stage rejects was counted accepted by the importer; it moves to rejected, so the
 * tally still reads {@code read = accepted + rejected}. An estimated reading is no row read.
 */
public final class InputStage {
    private InputStage() {
    }

    /** What to do with time between a meter's readings that no reading covers. */
    public enum Gaps {
        /** Warn about each gap (the default). */
        REPORT,
        /** Warn about each gap and fill it with an estimated reading (the command line's {@code --fill-gaps}). */
        ESTIMATE
    }

    /** Call once per import: the inventory it returns holds consumption readings only, in input order. */
    public static Inventory prepare(Inventory imported, Gaps gaps) {
        Objects.requireNonNull(gaps);
        List<Issue> issues = new ArrayList<>(imported.issues());
        Map<String, Inventory.ReadingColumns> columns = new HashMap<>();
        for (Inventory.ReadingColumns c : imported.readingColumns()) {
            columns.put(tableKey(c.file(), c.sheet()), c);
        }
        Meters meters = checkMeters(imported.readings(), gaps, columns);
        issues.addAll(meters.issues());
        long rejected = meters.rejected();
        Inventory.RowTally before = imported.rows();
        Inventory.RowTally rows = new Inventory.RowTally(before.read(), before.accepted() - rejected,
                before.rejected() + rejected);

        List<Site> sites = new ArrayList<>(imported.sites());
        checkSites(sites, imported.rejectedSites(), meters.readings(), issues);
        issues.sort(Issue.ORDER);
        return imported.withReadings(sites, meters.readings(), issues, rows);
    }

    /**
     * Steps 1 and 2 on some meters' readings: the consumption readings in input order, the issues
     * (with the column the user should look at) and how many rows were rejected.
     */
    public record Meters(List<Reading> readings, List<Issue> issues, long rejected) {
    }

    /**
     * Steps 1 and 2 alone, for a caller that holds every reading of the meters it passes (a job
     * that partitions the readings by meter): the same result per meter as {@link #prepare}.
     */
    public static Meters checkMeters(List<Reading> readings, Gaps gaps, List<Inventory.ReadingColumns> tables) {
        Map<String, Inventory.ReadingColumns> columns = new HashMap<>();
        for (Inventory.ReadingColumns c : tables) {
            columns.put(tableKey(c.file(), c.sheet()), c);
        }
        return checkMeters(readings, gaps, columns);
    }

    private static Meters checkMeters(List<Reading> readings, Gaps gaps, Map<String, Inventory.ReadingColumns> columns) {
        Registers.Result registers = Registers.toConsumption(readings);
        List<Issue> issues = new ArrayList<>(withColumn(registers.issues(), columns, true));
        MeterTimeline.Result timeline = MeterTimeline.check(registers.readings(), gaps == Gaps.ESTIMATE);
        issues.addAll(withColumn(timeline.issues(), columns, false));
        return new Meters(timeline.readings(), issues, registers.rejected().size() + timeline.rejected().size());
    }

    /**
     * Step 3 alone, for a caller that holds no list of readings: drops a site listed twice from
     * {@code sites} and returns the issues, given each site's first reading row in input order.
     */
    public static List<Issue> checkSites(List<Site> sites, Map<String, SourceRef> rejectedSites,
            java.util.LinkedHashMap<String, SourceRef> firstRowOfSite) {
        List<Issue> issues = new ArrayList<>();
        checkSites(sites, rejectedSites, firstRowOfSite, issues);
        return issues;
    }

    private static String tableKey(String file, String sheet) {
        return file + "\u0000" + (sheet == null ? "" : sheet);
    }

    /**
     * Issues from the register and timeline checks name a row; this adds the column the user
     * should look at: the quantity column for register readings, the from column (else to) for
     * periods. Wide-layout readings already carry their month column.
     */
    private static List<Issue> withColumn(List<Issue> found, Map<String, Inventory.ReadingColumns> columns,
            boolean quantity) {
        List<Issue> out = new ArrayList<>(found.size());
        for (Issue i : found) {
            Inventory.ReadingColumns table = i.column() == null && i.row() != null
                    ? columns.get(tableKey(i.file(), i.sheet())) : null;
            String letter = table == null ? null : quantity ? table.quantity()
                    : table.from() != null ? table.from() : table.to();
            out.add(letter == null ? i : new Issue(i.severity(), i.file(), i.sheet(), i.row(), letter, i.message()));
        }
        return out;
    }

    /**
     * Duplicate site ids are errors; readings of a site the sites table does not list are warned
     * about once, naming the site's rejected row when it has one (its error is the cause, not a
     * missing row).
     */
    private static void checkSites(List<Site> sites, Map<String, SourceRef> rejectedSites, List<Reading> readings,
            List<Issue> issues) {
        java.util.LinkedHashMap<String, SourceRef> firstRowOfSite = new java.util.LinkedHashMap<>();
        if (sites.isEmpty() && rejectedSites.isEmpty()) {
            checkSites(sites, rejectedSites, firstRowOfSite, issues);
            return; // no site to miss: the readings need not be looked at
        }
        ReadingStore store = ReadingStore.of(readings);
        int lastGroup = -1;
        for (int i = 0; i < store.size(); i++) {
            int group = store.group(i);
            if (group == lastGroup) {
                continue; // same site as the reading before: no need to build this one
            }
            lastGroup = group;
            Reading r = store.get(i);
            firstRowOfSite.putIfAbsent(r.site(), r.source());
        }
        checkSites(sites, rejectedSites, firstRowOfSite, issues);
    }

    private static void checkSites(List<Site> sites, Map<String, SourceRef> rejectedSites,
            java.util.LinkedHashMap<String, SourceRef> firstRowOfSite, List<Issue> issues) {
        Map<String, Site> byId = new HashMap<>();
        for (Iterator<Site> it = sites.iterator(); it.hasNext();) {
            Site s = it.next();
            Site first = byId.putIfAbsent(s.id(), s);
            if (first != null) {
                issues.add(Issue.error(s.source(), "site " + s.id() + " is listed twice (first in "
                        + Periods.otherRow(first.source(), s.source()) + "); this row is not used"));
                it.remove();
            }
        }
        if (byId.isEmpty() && rejectedSites.isEmpty()) {
            return;
        }
        firstRowOfSite.forEach((site, source) -> {
            if (!byId.containsKey(site)) {
                SourceRef rejected = rejectedSites.get(site);
                issues.add(Issue.at(Severity.WARNING, source.atColumn(null), "site " + UserText.quote(site)
                        + (rejected == null ? " is not in the sites table"
                                : " has no region: its row in the sites table (" + rejected + ") has an error and"
                                        + " is not used")));
            }
        });
    }
}
