package org.wattledger.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.wattledger.engine.calc.CalcOptions;
import org.wattledger.engine.calc.Calculation;
import org.wattledger.engine.calc.MeterFold;
import org.wattledger.engine.calc.Results;
import org.wattledger.engine.meter.InputStage;
import org.wattledger.engine.model.Inventory;
import org.wattledger.engine.model.Issue;
import org.wattledger.engine.model.ReadingStore;
import org.wattledger.engine.model.ReportingPeriod;
import org.wattledger.engine.model.Severity;
import org.wattledger.engine.model.Site;
import org.wattledger.engine.model.TextTable;
import org.wattledger.engine.factor.FactorCatalog;
import org.wattledger.factors.FactorSelection;
import org.wattledger.factors.FactorSetException;
import org.wattledger.factors.FactorSheetLoader;
import org.wattledger.factors.LoadedSheet;
import org.wattledger.importers.ImportOptions;
import org.wattledger.importers.WorkbookImporter;
import org.wattledger.ledger.Ledger;
import org.wattledger.ledger.LedgerView;
import org.wattledger.reports.ReportMeta;

/**
 * The main job: import the inputs, select the factors, calculate, and hand back results with the
 * metadata a report names. Writes nothing; progress goes to standard error.
 */
final class Pipeline {
    /** The results and what the report must say about how they were made. */
    record Outcome(Results results, ReportMeta meta) {
    }

    /** Factor sheets could not be used: their errors, each with file, row and column. */
    static final class FactorSheetErrors extends RuntimeException {
        final List<Issue> errors;

        FactorSheetErrors(String message, List<Issue> errors) {
            super(message);
            this.errors = errors;
        }
    }

    private Pipeline() {
    }

    static Outcome run(List<Path> inputs, CalculationOptions options, boolean lineage, PrintWriter err) {
        for (Path input : inputs) {
            if (!Files.exists(input)) {
                throw new UsageException("no such file or folder: " + input);
            }
        }
        options.basis(); // bad option values fail before a long import
        options.gwpSet();
        ReportingPeriod asked = options.period == null ? null : parsePeriod(options.period);
        WorkbookImporter.Result imported = importInputs(inputs, err);
        return calculate(imported.inventory(), imported.factorTables(), options, lineage, null, asked);
    }

    /**
     * The same job on a ledger's rows: the view's sites, instruments, targets, denominators, meter
     * tags, contracts, changes, issues and tally, and its readings streamed one meter at a time through the engine's input stage and
     * grouping ({@link MeterFold}), so that the heap never holds every reading. The report is the
     * one the same rows give from files. The factor release the view pins is the {@code --factors}
     * value used when the options name none.
     */
    static Outcome run(Ledger ledger, LedgerView view, CalculationOptions options, boolean lineage) {
        options.basis(); // bad option values fail before the readings are read
        options.gwpSet();
        ReportingPeriod asked = options.period == null ? null : parsePeriod(options.period);
        InputStage.Gaps gaps = options.gaps();
        // The lines are grouped into the period's buckets, so the period comes first: the one asked,
        // else the year of the latest stored end, checked against the accepted readings' latest end
        // below (a rejected last reading can move it) and folded again in the rare case it differs.
        ReportingPeriod period = asked != null ? asked : ledger.latestEnd(view).map(Pipeline::yearEnding)
                .orElseGet(Pipeline::lastYear);
        MeterFold.Result folded = fold(ledger, view, period, gaps);
        if (asked == null) {
            ReportingPeriod latest = folded.latestEnd().map(Pipeline::yearEnding).orElseGet(Pipeline::lastYear);
            if (!latest.equals(period)) {
                period = latest;
                folded = fold(ledger, view, period, gaps);
            }
        }
        Inventory prepared = folded.prepare(view.inventory());
        MeterFold.Result lines = folded;
        return calculate(prepared, folded.readings() > 0, List.of(), options, lineage, view.factorRelease(), asked,
                period, (inventory, catalogs, calcOptions) -> Calculation.runLines(inventory, lines.lines(),
                        lines.spans(), catalogs, calcOptions));
    }

    private static MeterFold.Result fold(Ledger ledger, LedgerView view, ReportingPeriod period, InputStage.Gaps gaps) {
        MeterFold fold = new MeterFold(period, gaps, view.inventory().readingColumns());
        ledger.forEachMeter(view, fold::meter);
        return fold.result();
    }

    /** How a calculation is run on the prepared inventory: from its readings, or from lines grouped elsewhere. */
    @FunctionalInterface
    private interface Calculator {
        Calculation run(Inventory prepared, Function<Site, FactorCatalog> catalogs, CalcOptions options);
    }

    private static Outcome calculate(Inventory imported, List<WorkbookImporter.FactorTable> factorTables,
            CalculationOptions options, boolean lineage, String pinnedFactors, ReportingPeriod asked) {
        Inventory inventory = InputStage.prepare(imported, options.gaps());
        ReportingPeriod period = asked != null ? asked : latestYear(inventory).orElseGet(Pipeline::lastYear);
        return calculate(inventory, !inventory.readings().isEmpty(), factorTables, options, lineage, pinnedFactors,
                asked, period, Calculation::run);
    }

    /** Everything after the input stage: the one path of the file and ledger reports. */
    private static Outcome calculate(Inventory prepared, boolean hasReadings,
            List<WorkbookImporter.FactorTable> factorTables, CalculationOptions options, boolean lineage,
            String pinnedFactors, ReportingPeriod asked, ReportingPeriod period, Calculator calculator) {
        CalcOptions.EnergyBasis basis = options.basis();
        CalcOptions.GwpSet gwp = options.gwpSet();
        Inventory inventory = prepared;
        List<LoadedSheet> sheets = loadSheets(factorTables, options.factorSheets);
        List<String> regions = inventory.sites().stream().map(Site::region).toList();
        FactorSelection.Selection selection;
        try {
            selection = select(options, sheets, regions, pinnedFactors);
        } catch (FactorSetException e) {
            throw new UsageException(e.getMessage());
        }
        inventory = withIssues(inventory, selection.notices());
        if (!hasReadings) {
            // The report is still written, so the user sees every rejected row; it has no figures.
            inventory = withIssues(inventory, List.of(Issue.general(Severity.ERROR, "no reading was accepted from the"
                    + " inputs, so the report has no figures" + (asked != null ? ""
                    : "; it covers " + period + ", the calendar year before this run, as no accepted reading"
                            + " names a year"))));
        }
        CalcOptions calcOptions = new CalcOptions(period, basis, gwp, options.gridBasis(),
                options.instrumentAllocation(), options.analysis());
        Calculation calculation = calculator.run(inventory, site -> selection.catalog(), calcOptions);
        Results results = calculation.results(period);
        List<ReportMeta.FactorSetRef> sets = selection.sets().stream()
                .map(s -> new ReportMeta.FactorSetRef(s.id(), s.version())).toList();
        List<ReportMeta.FileDigest> sheetDigests = selection.sheets().stream()
                .map(s -> new ReportMeta.FileDigest(s.file(), s.sha256())).toList();
        // Every release the run layered, in its order: the same list given as --factors builds the
        // same layers, and a newer bundled release cannot move the figures of a rerun.
        String pinnedSets = setsOf(selection);
        ReportMeta meta = ReportMeta.of(Version.ENGINE, sets, sheetDigests, results).withLineage(lineage)
                .withOptions(options.reproducing(pinnedSets, period));
        return new Outcome(results, meta);
    }

    /**
     * The factor selection: {@code --factors} when given; else the default (each site's country,
     * latest release) when it picks the pinned sets, or when nothing is pinned; else the pin.
     */
    private static FactorSelection.Selection select(CalculationOptions options, List<LoadedSheet> sheets,
            List<String> regions, String pinnedFactors) {
        FactorSelection selector = new FactorSelection(options.factorLibrary());
        FactorSelection.Selection chosen = selector.select(options.factors, sheets, regions);
        if (options.factors != null || pinnedFactors == null || setsOf(chosen).equals(pinnedFactors)) {
            return chosen;
        }
        return selector.select(pinnedFactors, sheets, regions);
    }

    /** The factor sets a selection layered, as a {@code --factors} value that pins them: "cn@2026.1,ipcc2006@2026.1". */
    static String setsOf(FactorSelection.Selection selection) {
        return selection.sets().isEmpty() ? ReportMeta.NO_FACTOR_SET : selection.sets().stream()
                .map(s -> new ReportMeta.FactorSetRef(s.id(), s.version()).toString())
                .collect(java.util.stream.Collectors.joining(","));
    }

    /** The factor sets the default selection picks for these sites' regions today, pinned ({@link #setsOf}). */
    static String defaultFactorRelease(org.wattledger.factors.FactorLibrary library, List<String> regions) {
        try {
            return setsOf(new FactorSelection(library).select(null, List.of(), regions));
        } catch (FactorSetException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static Inventory withIssues(Inventory inventory, List<Issue> more) {
        if (more.isEmpty()) {
            return inventory;
        }
        List<Issue> issues = new ArrayList<>(inventory.issues());
        issues.addAll(more);
        return inventory.withReadings(inventory.sites(), inventory.readings(), issues, inventory.rows());
    }

    /** Reads the inputs once: the inventory and the factor tables inside them (a file that cannot be read is an issue). */
    static WorkbookImporter.Result importInputs(List<Path> inputs, PrintWriter err) {
        try (TerminalProgress progress = TerminalProgress.start("reading")) {
            ImportOptions importOptions = ImportOptions.builder().progress(progress).build();
            return WorkbookImporter.readAll(inputs, importOptions);
        }
    }

    /** --factor-sheet files, then factor tables inside the inputs (a workbook's factors sheet, a folder's factors.csv). */
    private static List<LoadedSheet> loadSheets(List<WorkbookImporter.FactorTable> inInputs, List<Path> factorSheets) {
        List<LoadedSheet> sheets = new ArrayList<>();
        List<Issue> errors = new ArrayList<>();
        for (Path file : factorSheets) {
            if (!Files.isRegularFile(file)) {
                throw new UsageException("no such factor sheet: " + file);
            }
            TextTable table;
            try {
                table = WorkbookImporter.readTable(file);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--factor-sheet " + e.getMessage());
            }
            sheets.add(FactorSheetLoader.load(table, sha256(file)));
        }
        for (WorkbookImporter.FactorTable found : inInputs) {
            sheets.add(FactorSheetLoader.load(found.table(), found.sha256()));
        }
        for (LoadedSheet sheet : sheets) {
            errors.addAll(sheet.errors());
        }
        if (!errors.isEmpty()) {
            throw new FactorSheetErrors(errors.size() + (errors.size() == 1 ? " error" : " errors")
                    + " in factor sheets; no report was calculated", errors);
        }
        return sheets;
    }

    private static String sha256(Path file) {
        try {
            return FactorSheetLoader.sha256(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static ReportingPeriod parsePeriod(String text) {
        try {
            return ReportingPeriod.parse(text);
        } catch (RuntimeException e) {
            throw new UsageException("--period: " + e.getMessage());
        }
    }

    /** The latest calendar year any reading falls in (the last instant before its exclusive end). */
    static Optional<ReportingPeriod> latestYear(Inventory inventory) {
        return ReadingStore.latestEnd(inventory.readings()).map(Pipeline::yearEnding);
    }

    /** The calendar year of the last instant before an exclusive end. */
    private static ReportingPeriod yearEnding(java.time.LocalDateTime end) {
        return ReportingPeriod.year(end.minusSeconds(1).getYear());
    }

    /** The calendar year before today (UTC): the period of a report with no reading and no --period. */
    private static ReportingPeriod lastYear() {
        return ReportingPeriod.year(LocalDate.now(ZoneOffset.UTC).getYear() - 1);
    }
}
