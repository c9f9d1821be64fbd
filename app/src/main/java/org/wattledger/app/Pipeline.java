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
import org.wattledger.engine.calc.CalcOptions;
import org.wattledger.engine.calc.Calculation;
import org.wattledger.engine.calc.Results;
import org.wattledger.engine.meter.InputStage;
import org.wattledger.engine.model.Inventory;
import org.wattledger.engine.model.Issue;
import org.wattledger.engine.model.ReadingStore;
import org.wattledger.engine.model.ReportingPeriod;
import org.wattledger.engine.model.Severity;
import org.wattledger.engine.model.Site;
import org.wattledger.engine.model.TextTable;
import org.wattledger.factors.FactorSelection;
import org.wattledger.factors.FactorSetException;
import org.wattledger.factors.FactorSheetLoader;
import org.wattledger.factors.LoadedSheet;
import org.wattledger.importers.ImportOptions;
import org.wattledger.importers.WorkbookImporter;
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
     * The same job on rows that were imported before (a ledger's): {@code pinnedFactors} is the
     * {@code --factors} value used when the options name none.
     */
    static Outcome run(Inventory imported, String pinnedFactors, CalculationOptions options, boolean lineage) {
        ReportingPeriod asked = options.period == null ? null : parsePeriod(options.period);
        return calculate(imported, List.of(), options, lineage, pinnedFactors, asked);
    }

    private static Outcome calculate(Inventory imported, List<WorkbookImporter.FactorTable> factorTables,
            CalculationOptions options, boolean lineage, String pinnedFactors, ReportingPeriod asked) {
        CalcOptions.EnergyBasis basis = options.basis();
        CalcOptions.GwpSet gwp = options.gwpSet();
        Inventory inventory = InputStage.prepare(imported, options.gaps());
        List<LoadedSheet> sheets = loadSheets(factorTables, options.factorSheets);
        List<String> regions = inventory.sites().stream().map(Site::region).toList();
        FactorSelection.Selection selection;
        try {
            selection = select(options, sheets, regions, pinnedFactors);
        } catch (FactorSetException e) {
            throw new UsageException(e.getMessage());
        }
        inventory = withIssues(inventory, selection.notices());
        ReportingPeriod period = asked != null ? asked : latestYear(inventory).orElseGet(Pipeline::lastYear);
        if (inventory.readings().isEmpty()) {
            // The report is still written, so the user sees every rejected row; it has no figures.
            inventory = withIssues(inventory, List.of(Issue.general(Severity.ERROR, "no reading was accepted from the"
                    + " inputs, so the report has no figures" + (asked != null ? ""
                    : "; it covers " + period + ", the calendar year before this run, as no accepted reading"
                            + " names a year"))));
        }
        CalcOptions calcOptions = new CalcOptions(period, basis, gwp, options.gridBasis(),
                options.instrumentAllocation(), options.analysis());
        Calculation calculation = Calculation.run(inventory, site -> selection.catalog(), calcOptions);
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
        return ReadingStore.latestEnd(inventory.readings()).map(t -> ReportingPeriod.year(t.minusSeconds(1).getYear()));
    }

    /** The calendar year before today (UTC): the period of a report with no reading and no --period. */
    private static ReportingPeriod lastYear() {
        return ReportingPeriod.year(LocalDate.now(ZoneOffset.UTC).getYear() - 1);
    }
}
