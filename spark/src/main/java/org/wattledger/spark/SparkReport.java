package org.wattledger.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.wattledger.engine.calc.CalcOptions;
import org.wattledger.engine.calc.Calculation;
import org.wattledger.engine.calc.Results;
import org.wattledger.engine.meter.Coverage;
import org.wattledger.engine.meter.InputStage;
import org.wattledger.engine.meter.MeterKey;
import org.wattledger.engine.model.Inventory;
import org.wattledger.engine.model.Issue;
import org.wattledger.engine.model.ReportingPeriod;
import org.wattledger.engine.model.Severity;
import org.wattledger.engine.model.Site;
import org.wattledger.engine.model.SourceRef;
import org.wattledger.engine.model.TextTable;
import org.wattledger.factors.FactorLibrary;
import org.wattledger.factors.FactorSelection;
import org.wattledger.factors.FactorSetException;
import org.wattledger.factors.FactorSheetLoader;
import org.wattledger.factors.LoadedSheet;
import org.wattledger.importers.ImportOptions;
import org.wattledger.importers.ReadingRows;
import org.wattledger.importers.WorkbookImporter;
import org.wattledger.reports.Charts;
import org.wattledger.reports.CsvReport;
import org.wattledger.reports.HtmlReport;
import org.wattledger.reports.JsonReport;
import org.wattledger.reports.ReportMeta;
import org.wattledger.reports.XlsxReport;
import org.wattledger.spark.Parts.Part;

/**
 * wattledger's report as a Spark job, for readings beyond one machine (docs/scale-out.md):
 *
 * <pre>
 * spark-submit --class org.wattledger.spark.SparkReport wattledger-spark.jar \
 *     --readings PATH [--readings PATH …] [--sites PATH] [--factors SET@VERSION] [--factor-sheet FILE]
 *     --period PERIOD --out DIR [--format all|json] [--fill-gaps] [--lineage] [--partitions N]
 * </pre>
 *
 * The readings (CSV or Parquet files, or folders of them, on any file system Spark reads) are
 * validated, checked per meter and grouped into the engine's lines on the executors
 * ({@link MeterStage}); the driver collects those lines (a few per meter and month), the issues and
 * the tally, and runs the engine's calculation and the reports on them. Exit code 0 when the
 * report is complete, 3 when it is not (as the command line), 2 on a usage error.
 */
public final class SparkReport {
    static final int INCOMPLETE = 3;
    static final int USAGE = 2;
    /** The importer's warning for inputs without readings, which --sites is meant to be. */
    private static final String NO_READINGS_TABLE = "no readings table in the input";

    private SparkReport() {
    }

    /** The job's options. */
    static final class Options {
        final List<String> readings = new ArrayList<>();
        String sites;
        String factors;
        final List<Path> factorSheets = new ArrayList<>();
        String period;
        Path out;
        String master;
        String format = "all";
        String energyBasis = CalcOptions.EnergyBasis.CALORIFIC.id();
        String gwp = CalcOptions.DEFAULT_GWP;
        String gridBasis = "";
        String marketAllocation = "pro-rata";
        boolean fillGaps;
        boolean lineage;
        int partitions;

        static Options parse(String... args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--fill-gaps" -> o.fillGaps = true;
                    case "--lineage" -> o.lineage = true;
                    default -> {
                        if (i + 1 >= args.length) {
                            throw new IllegalArgumentException(a.startsWith("--") ? a + " needs a value"
                                    : "unknown argument '" + a + "'");
                        }
                        String v = args[++i];
                        switch (a) {
                            case "--readings" -> o.readings.add(v);
                            case "--sites" -> o.sites = v;
                            case "--factors" -> o.factors = v;
                            case "--factor-sheet" -> o.factorSheets.add(Path.of(v));
                            case "--period" -> o.period = v;
                            case "--out" -> o.out = Path.of(v);
                            case "--master" -> o.master = v;
                            case "--format" -> o.format = v;
                            case "--energy-basis" -> o.energyBasis = v;
                            case "--gwp" -> o.gwp = v;
                            case "--grid-basis" -> o.gridBasis = v;
                            case "--market-allocation" -> o.marketAllocation = v;
                            case "--partitions" -> o.partitions = Integer.parseInt(v);
                            default -> throw new IllegalArgumentException("unknown option " + a);
                        }
                    }
                }
            }
            if (o.readings.isEmpty() || o.period == null || o.out == null) {
                throw new IllegalArgumentException("give --readings PATH, --period PERIOD and --out DIR");
            }
            if (!o.format.equals("all") && !o.format.equals("json")) {
                throw new IllegalArgumentException("--format is all or json, not '" + o.format + "'");
            }
            return o;
        }
    }

    public static void main(String[] args) {
        Options o;
        try {
            o = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("wattledger-spark: " + e.getMessage());
            System.exit(USAGE);
            return;
        }
        SparkSession.Builder b = SparkSession.builder().appName("wattledger report");
        if (o.master != null) {
            b.master(o.master);
        }
        int code;
        SparkSession spark = b.getOrCreate();
        try {
            code = run(spark, o, System.err);
        } catch (IllegalArgumentException e) {
            System.err.println("wattledger-spark: " + e.getMessage());
            code = USAGE;
        } finally {
            spark.stop();
        }
        System.exit(code);
    }

    /** Runs the job on a session; returns the exit code. */
    static int run(SparkSession spark, Options o, PrintStream err) {
        Outcome outcome = calculate(spark, o);
        write(outcome, o, err);
        Results r = outcome.results();
        Inventory.RowTally rows = r.calculation().inventory().rows();
        err.println("rows read " + rows.read() + ", accepted " + rows.accepted() + ", rejected " + rows.rejected()
                + "; report " + (r.complete() ? "complete" : "incomplete"));
        return r.complete() ? 0 : INCOMPLETE;
    }

    /** The results and the report's metadata. */
    record Outcome(Results results, ReportMeta meta) {
    }

    static Outcome calculate(SparkSession spark, Options o) {
        ReportingPeriod period = ReportingPeriod.parse(o.period);
        CalcOptions.EnergyBasis basis = CalcOptions.EnergyBasis.parse(o.energyBasis).orElseThrow(
                () -> new IllegalArgumentException("--energy-basis is calorific or gbt2589, not '" + o.energyBasis + "'"));
        CalcOptions.GwpSet gwp = CalcOptions.GwpSet.parse(o.gwp).orElseThrow(
                () -> new IllegalArgumentException("--gwp is AR4, AR5 or AR6, not '" + o.gwp + "'"));
        CalcOptions.InstrumentAllocation allocation = CalcOptions.InstrumentAllocation.parse(o.marketAllocation)
                .orElseThrow(() -> new IllegalArgumentException("--market-allocation is pro-rata or chronological, not '"
                        + o.marketAllocation + "'"));

        // The organisation's tables (sites, instruments, targets, denominators) are small: read on the driver.
        WorkbookImporter.Result organisation = organisation(o.sites);
        Inventory org = organisation.inventory();
        List<Issue> issues = new ArrayList<>(org.issues());
        List<Inventory.InputFile> files = new ArrayList<>();

        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        ReadingFiles inputs = ReadingFiles.open(spark, o.readings);
        List<Parts.Columns> columns = new ArrayList<>();
        Map<Integer, Parts.Table> tables = new LinkedHashMap<>();
        for (Parts.Table t : inputs.tables()) {
            tables.put(t.index(), t);
            ReadingRows table = ReadingRows.open(t.name(), t.headerRows());
            columns.add(Parts.Columns.of(table.columns()));
            issues.addAll(table.headerIssues());
            files.add(new Inventory.InputFile(t.name(), inputs.sha256(t)));
        }
        files.addAll(org.files());

        MeterStage stage = new MeterStage(tables, org.sites().stream().map(Parts.SiteZone::of).toList(), columns,
                o.period, o.fillGaps);
        int partitions = o.partitions > 0 ? o.partitions : Math.max(2, jsc.defaultParallelism() * 2);
        JavaRDD<Parts.RawRow> rows = inputs.rows(spark, jsc);
        List<Part> parts = rows.mapPartitionsToPair(stage::keys)
                .repartitionAndSortWithinPartitions(new MeterStage.ByMeter(partitions))
                .mapPartitions(stage::meters)
                .collect();

        long read = org.rows().read();
        long accepted = org.rows().accepted();
        long rejected = org.rows().rejected();
        List<Calculation.GroupedLine> lines = new ArrayList<>();
        Map<MeterKey, List<Coverage.Span>> spans = new HashMap<>();
        Map<String, Parts.FirstRowPart> firstRow = new HashMap<>();
        List<Parts.TagPart> tags = new ArrayList<>();
        Comparator<Parts.FirstRowPart> inputOrder = Comparator.comparingInt(Parts.FirstRowPart::table)
                .thenComparingInt(Parts.FirstRowPart::row);
        for (Part p : parts) {
            if (p instanceof Parts.IssuePart i) {
                issues.add(i.toEngine());
            } else if (p instanceof Parts.LinePart l) {
                lines.add(l.toEngine());
            } else if (p instanceof Parts.SpanPart s) {
                spans.computeIfAbsent(s.key(), k -> new ArrayList<>()).addAll(s.toEngine());
            } else if (p instanceof Parts.TallyPart t) {
                read += t.read();
                accepted += t.accepted() - t.rejectedByInputStage();
                rejected += t.rejected() + t.rejectedByInputStage();
            } else if (p instanceof Parts.TagPart t) {
                tags.add(t);
            } else if (p instanceof Parts.FirstRowPart f) {
                firstRow.merge(f.site(), f, (a, b) -> inputOrder.compare(a, b) <= 0 ? a : b);
            }
        }
        LinkedHashMap<String, SourceRef> firstRowOfSite = new LinkedHashMap<>();
        firstRow.values().stream().sorted(inputOrder).forEach(f -> firstRowOfSite.put(f.site(), SourceRef.row(f.file(), null, f.row())));
        List<Site> sites = new ArrayList<>(org.sites());
        issues.addAll(InputStage.checkSites(sites, org.rejectedSites(), firstRowOfSite));

        FactorSelection.Selection selection = select(o, sheets(o.factorSheets, organisation.factorTables()), sites);
        issues.addAll(selection.notices());
        if (accepted == 0) {
            issues.add(Issue.general(Severity.ERROR, "no reading was accepted from the inputs, so the report has no"
                    + " figures"));
        }
        issues.sort(Issue.ORDER);
        List<Inventory.ReadingColumns> readingColumns = columns.stream().map(Parts.Columns::toEngine).toList();
        // As the importers keep them: the first row of each distinct (site, meter, point, zone), in input order.
        Map<String, org.wattledger.engine.model.MeterTag> meterTags = new java.util.LinkedHashMap<>();
        tags.stream().sorted(Comparator.comparingInt(Parts.TagPart::table).thenComparingInt(Parts.TagPart::row))
                .forEach(t -> meterTags.putIfAbsent(t.key(), t.toEngine()));
        Inventory inventory = new Inventory(sites, List.of(), org.instruments(), org.targets(), org.denominators(),
                issues, new Inventory.RowTally(read, accepted, rejected), files, readingColumns, org.rejectedSites(),
                List.copyOf(meterTags.values()), org.contracts(), org.changes());
        CalcOptions calcOptions = new CalcOptions(period, basis, gwp, CalcOptions.GridBasis.parse(o.gridBasis),
                allocation);
        Calculation calculation = Calculation.runLines(inventory, lines, spans, site -> selection.catalog(),
                calcOptions);
        Results results = calculation.results(period);
        List<ReportMeta.FactorSetRef> sets = selection.sets().stream()
                .map(s -> new ReportMeta.FactorSetRef(s.id(), s.version())).toList();
        List<ReportMeta.FileDigest> sheetDigests = selection.sheets().stream()
                .map(s -> new ReportMeta.FileDigest(s.file(), s.sha256())).toList();
        ReportMeta meta = ReportMeta.of(version(), sets, sheetDigests, results).withLineage(o.lineage)
                .withOptions(reproducing(o, selection, period));
        return new Outcome(results, meta);
    }

    /** The sites, instruments, targets and denominators of {@code --sites} (a workbook, CSV or folder); none without it. */
    private static WorkbookImporter.Result organisation(String path) {
        if (path == null) {
            return new WorkbookImporter.Result(new Inventory(List.of(), List.of(), List.of(), List.of(), List.of(),
                    List.of(), new Inventory.RowTally(0, 0, 0), List.of()), List.of());
        }
        Path p = Path.of(path);
        if (!Files.exists(p)) {
            throw new IllegalArgumentException("--sites: no such file or folder: " + path);
        }
        WorkbookImporter.Result r = WorkbookImporter.readAll(List.of(p), ImportOptions.defaults());
        Inventory org = r.inventory();
        if (!org.readings().isEmpty() || org.rows().read() > 0) {
            throw new IllegalArgumentException("--sites " + path + " holds readings; give them with --readings");
        }
        // The importer misses a readings table in --sites alone; the job's readings come with --readings.
        List<Issue> issues = org.issues().stream()
                .filter(i -> !(i.file() == null && i.message().startsWith(NO_READINGS_TABLE))).toList();
        return new WorkbookImporter.Result(org.withReadings(org.sites(), org.readings(), issues, org.rows()),
                r.factorTables());
    }

    /** --factor-sheet files, then factor tables inside --sites; their errors stop the job, as on the command line. */
    private static List<LoadedSheet> sheets(List<Path> factorSheets, List<WorkbookImporter.FactorTable> inSites) {
        List<LoadedSheet> sheets = new ArrayList<>();
        for (Path file : factorSheets) {
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("no such factor sheet: " + file);
            }
            TextTable table = WorkbookImporter.readTable(file);
            try {
                sheets.add(FactorSheetLoader.load(table, FactorSheetLoader.sha256(file)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        for (WorkbookImporter.FactorTable found : inSites) {
            sheets.add(FactorSheetLoader.load(found.table(), found.sha256()));
        }
        List<Issue> errors = new ArrayList<>();
        sheets.forEach(s -> errors.addAll(s.errors()));
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException(errors.size() + " errors in factor sheets; no report was calculated: "
                    + errors.get(0));
        }
        return sheets;
    }

    private static FactorSelection.Selection select(Options o, List<LoadedSheet> sheets, List<Site> sites) {
        try {
            return new FactorSelection(FactorLibrary.bundled()).select(o.factors, sheets,
                    sites.stream().map(Site::region).toList());
        } catch (FactorSetException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    /**
     * The options that reproduce the figures, as the command line writes them into a report: the
     * same words in the same order, so the report of the same rows says the same.
     */
    private static List<String> reproducing(Options o, FactorSelection.Selection selection, ReportingPeriod period) {
        List<String> words = new ArrayList<>();
        words.add("--factors");
        words.add(selection.sets().isEmpty() ? ReportMeta.NO_FACTOR_SET : String.join(",", selection.sets().stream()
                .map(s -> new ReportMeta.FactorSetRef(s.id(), s.version()).toString()).toList()));
        for (Path sheet : o.factorSheets) {
            words.add("--factor-sheet");
            words.add(sheet.getFileName().toString());
        }
        words.add("--period");
        words.add(period.isCalendarYear() ? Integer.toString(period.from().getYear()) : period.toString());
        words.add("--energy-basis");
        words.add(o.energyBasis);
        words.add("--gwp");
        words.add(o.gwp);
        if (!o.gridBasis.isEmpty()) {
            words.add("--grid-basis");
            words.add(o.gridBasis);
        }
        words.add("--market-allocation");
        words.add(o.marketAllocation);
        if (o.fillGaps) {
            words.add("--fill-gaps");
        }
        if (o.lineage) {
            words.add("--lineage");
        }
        return words;
    }

    /** The build's version, the one the command line's reports name. */
    static String version() {
        try (InputStream in = SparkReport.class.getResourceAsStream("version.properties")) {
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("version.properties is missing from the jar", e);
        }
    }

    /** report.json, and with --format all the command line's other files: HTML, workbook, CSV, charts; rejected.csv. */
    private static void write(Outcome outcome, Options o, PrintStream err) {
        Path dir = o.out;
        try {
            Files.createDirectories(dir);
            List<Path> written = new ArrayList<>();
            JsonReport.write(outcome.results(), outcome.meta(), dir.resolve("report.json"));
            written.add(dir.resolve("report.json"));
            if (o.format.equals("all")) {
                List<Charts.Rendered> charts = Charts.renderAll(outcome.results());
                HtmlReport.write(outcome.results(), outcome.meta(), charts, dir.resolve("report.html"));
                written.add(dir.resolve("report.html"));
                Files.write(dir.resolve("report.xlsx"), XlsxReport.toBytes(outcome.results(), outcome.meta()));
                written.add(dir.resolve("report.xlsx"));
                written.addAll(CsvReport.write(outcome.results(), outcome.meta(), dir));
                written.addAll(Charts.write(charts, dir));
            }
            written.add(Rejected.write(outcome.results().calculation().inventory().issues(),
                    dir.resolve(Rejected.FILE)));
            written.forEach(p -> err.println("wrote " + p));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report into " + dir, e);
        }
    }
}
