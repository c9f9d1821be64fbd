package org.wattledger.importers;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongConsumer;
import java.util.stream.Stream;
import org.wattledger.engine.model.Denominator;
import org.wattledger.engine.model.Instrument;
import org.wattledger.engine.model.Inventory;
import org.wattledger.engine.model.Issue;
import org.wattledger.engine.model.ReadingStore;
import org.wattledger.engine.model.Severity;
import org.wattledger.engine.model.Site;
import org.wattledger.engine.model.SourceRef;
import org.wattledger.engine.model.Target;
import org.wattledger.engine.model.TextTable;

/**
 * Reads input workbooks, folders of CSV files and single CSV files into an engine
 * {@link Inventory} (every rule in docs/formats/workbook.md).
 *
 * <pre>{@code
 * Inventory inv = WorkbookImporter.read(List.of(Path.of("meters.xlsx")), ImportOptions.defaults());
 * inv.rows();    // read = accepted + rejected, readings rows only
 * inv.issues();  // each with file, sheet, 1-based row and column letter
 * }</pre>
 *
 * <p>Every reading row ends up accepted or rejected with at least one error issue; a file that
 * cannot be read at all (damaged, encrypted, hostile) contributes one error issue and nothing
 * else. Once every input is read (and so every site's time zone known), times written with a UTC
 * offset are turned into the site's local time ({@link ReadingTimes}). The inventory holds the
 * readings as accepted, in input order: consumption rows, register readings and rows that give only
 * an end time. Turning them into consumption (register differences, each meter's duplicates,
 * overlaps and gaps, across all inputs together) is the engine's input stage
 * ({@code org.wattledger.engine.meter.InputStage}), which a caller runs next.
 */
public final class WorkbookImporter {
    private WorkbookImporter() {
    }

    /** A file to read, with the name issues and the report use for it. */
    private record Job(Path path, String name, TableKind table) {
    }

    /** A factor table found in an input (a workbook's factors sheet, a folder's factors.csv) and its file's SHA-256. */
    public record FactorTable(TextTable table, String sha256) {
    }

    /** What the inputs hold: the inventory, and the factor tables found in the same pass. */
    public record Result(Inventory inventory, List<FactorTable> factorTables) {
    }

    /** Reads one input. */
    public static Inventory read(Path input, ImportOptions options) {
        return read(List.of(input), options);
    }

    /** Reads the inputs (workbooks, folders of CSVs, CSV files) into one inventory. */
    public static Inventory read(List<Path> inputs, ImportOptions options) {
        return readAll(inputs, options).inventory();
    }

    /**
     * Reads the inputs into one inventory and collects their factor tables in the same pass: each
     * file is opened and hashed once, and a file that cannot be read is one error issue — its
     * factor tables are not used, and the other inputs are still read.
     */
    public static Result readAll(List<Path> inputs, ImportOptions options) {
        List<Issue> issues = new ArrayList<>();
        List<Job> jobs = jobs(inputs, issues);
        long total = 0;
        for (Job j : jobs) {
            total += sizeOf(j.path());
        }
        Progress progress = new Progress(options.progress(), total);
        FileContext.Caches caches = new FileContext.Caches();
        Map<String, String[]> readingColumns = new LinkedHashMap<>(); // in reading order, for a stable inventory
        List<Site> sites = new ArrayList<>();
        Map<String, SourceRef> rejectedSites = new LinkedHashMap<>();
        ReadingStore readings = null; // the first file's store, the others' readings added to it
        List<Instrument> instruments = new ArrayList<>();
        List<Target> targets = new ArrayList<>();
        List<Denominator> denominators = new ArrayList<>();
        List<org.wattledger.engine.model.StructuralChange> changes = new ArrayList<>();
        Map<String, org.wattledger.engine.model.MeterTag> meterTags = new LinkedHashMap<>();
        List<org.wattledger.engine.model.PueContract> contracts = new ArrayList<>();
        List<Inventory.InputFile> files = new ArrayList<>();
        Map<Integer, ReadingTimes.Written> utcReadings = new HashMap<>();
        List<FactorTable> factorTables = new ArrayList<>();
        long read = 0;
        long accepted = 0;
        long rejected = 0;
        int readingTables = 0;
        for (Job job : jobs) {
            FileContext ctx = new FileContext(job.name(), options, caches, readingColumns);
            String sha = null;
            long size = sizeOf(job.path());
            FileHash hash = new FileHash(job.path());
            try {
                sha = readFile(job, ctx, progress, hash);
            } catch (InputRejected e) {
                ctx = new FileContext(job.name(), options, caches);
                String m = e.getMessage();
                ctx.issue(Severity.ERROR, e.sheet(), e.row(), null, m.startsWith("sheet ") ? m : job.name() + " " + m);
            } catch (OutOfMemoryError e) {
                ctx = new FileContext(job.name(), options, caches);
                ctx.issue(Severity.ERROR, null, 0, null, job.name() + " needs more memory than is available;"
                        + " the file was not read");
            }
            progress.fileDone(size, ctx.read);
            if (sha == null) {
                sha = hash.get();
            }
            if (job.table() != TableKind.FACTORS) { // a folder's factors.csv is listed with the factor sets
                files.add(new Inventory.InputFile(job.name(), sha));
            }
            for (TextTable t : ctx.factorTables) {
                factorTables.add(new FactorTable(t, sha));
            }
            issues.addAll(ctx.issues);
            sites.addAll(ctx.sites);
            ctx.rejectedSites.forEach(rejectedSites::putIfAbsent);
            FileContext.Flat flat = ctx.flatReadings();
            if (readings == null) {
                readings = flat.readings(); // one input, the usual case: its columns are not copied
                utcReadings.putAll(flat.utc());
            } else {
                int offset = readings.size();
                flat.utc().forEach((i, w) -> utcReadings.put(offset + i, w));
                for (int i = 0; i < flat.readings().size(); i++) {
                    readings.addFrom(flat.readings(), i);
                }
            }
            instruments.addAll(ctx.instruments);
            targets.addAll(ctx.targets);
            denominators.addAll(ctx.denominators);
            changes.addAll(ctx.changes);
            ctx.meterTags.forEach(meterTags::putIfAbsent);
            contracts.addAll(ctx.contracts);
            read += ctx.read;
            accepted += ctx.accepted;
            rejected += ctx.rejected;
            readingTables += ctx.readingTables;
        }
        if (readingTables == 0 && !jobs.isEmpty() && issues.stream().noneMatch(Issue::isError)) {
            issues.add(Issue.general(Severity.WARNING, "no readings table in the input: name a sheet readings (or 读数,"
                    + " 抄表) or give readings.csv"));
        }

        ReadingTimes.Result local = ReadingTimes.toLocal(readings == null ? new ReadingStore() : readings, utcReadings,
                sites, readingColumns);
        issues.addAll(local.issues());
        accepted -= local.rejected();
        rejected += local.rejected();
        issues.sort(Issue.ORDER);
        return new Result(new Inventory(sites, local.readings(), instruments, targets, denominators, issues,
                new Inventory.RowTally(read, accepted, rejected), files, readingColumns(readingColumns), rejectedSites,
                List.copyOf(meterTags.values()), contracts, changes),
                factorTables);
    }

    /** Each readings table's quantity, from and to column letters, for the engine's input stage to name. */
    private static List<Inventory.ReadingColumns> readingColumns(Map<String, String[]> byTable) {
        List<Inventory.ReadingColumns> out = new ArrayList<>(byTable.size());
        for (Map.Entry<String, String[]> e : byTable.entrySet()) {
            String[] fileAndSheet = e.getKey().split("\u0000", -1);
            String[] letters = e.getValue();
            out.add(new Inventory.ReadingColumns(fileAndSheet[0], fileAndSheet[1].isEmpty() ? null : fileAndSheet[1],
                    letters[0], letters[1], letters[2]));
        }
        return out;
    }

    /**
     * The tables named {@code tableName} in an input, as text: the sheets of a workbook named after
     * the table (factors, 因子 ...), {@code <table>.csv} in a folder, or a CSV file named after the table. For the
     * factor loader, which interprets the rows. A file that cannot be read throws
     * {@link IllegalArgumentException} with the same message an import would give.
     */
    public static List<TextTable> readTables(Path input, String tableName) {
        Optional<TableKind> kind = TableKind.byName(tableName);
        Set<String> required = requiredKeys(kind.orElse(null));
        List<TextTable> out = new ArrayList<>();
        String display = displayName(input);
        try {
            if (Files.isDirectory(input)) {
                try (Stream<Path> list = Files.list(input)) {
                    for (Path p : list.sorted().toList()) {
                        if (Files.isRegularFile(p) && kind.isPresent()
                                && TableKind.byName(p.getFileName().toString()).equals(kind)
                                && isCsvName(p.getFileName().toString())) {
                            out.add(readCsvTable(p, display + "/" + p.getFileName(), required));
                        }
                    }
                }
                return out;
            }
            FileType type = FileType.of(input);
            if (type == FileType.CSV) {
                // A lone CSV is the table its name denotes (factors.csv), otherwise readings, as read() takes it.
                if (kind.isPresent() && TableKind.byName(input.getFileName().toString()).equals(kind)) {
                    out.add(readCsvTable(input, display, required));
                }
                return out;
            }
            forEachSheet(input, type, (sheetName, hidden) -> kind.isPresent()
                    && TableKind.byName(sheetName).equals(kind), (sheetName, reader) -> {
                        RawTable t = new RawTable(display, sheetName, required, reader.dates(), Integer.MAX_VALUE);
                        reader.read(t);
                        if (t.found()) {
                            out.add(t.table());
                        }
                    });
            return out;
        } catch (InputRejected e) {
            throw new IllegalArgumentException(display + " " + e.getMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException(display + " cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * One file as a text table (for {@code --factor-sheet FILE}): a CSV file, or the workbook's
     * sheet named {@code factors} (or 因子), else its first visible sheet.
     */
    public static TextTable readTable(Path file) {
        String display = displayName(file);
        Set<String> required = requiredKeys(TableKind.FACTORS);
        try {
            FileType type = FileType.of(file);
            if (type == FileType.CSV) {
                return readCsvTable(file, display, required);
            }
            List<TextTable> named = readTables(file, "factors");
            if (!named.isEmpty()) {
                return named.get(0);
            }
            List<TextTable> first = new ArrayList<>();
            forEachSheet(file, type, (name, hidden) -> !hidden && first.isEmpty(), (name, reader) -> {
                if (!first.isEmpty()) {
                    return;
                }
                RawTable t = new RawTable(display, name, Set.of(), reader.dates(), Integer.MAX_VALUE);
                reader.read(t);
                first.add(t.table());
            });
            if (first.isEmpty()) {
                throw new IllegalArgumentException(display + " has no visible sheet");
            }
            return first.get(0);
        } catch (InputRejected e) {
            throw new IllegalArgumentException(display + " " + e.getMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException(display + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static Set<String> requiredKeys(TableKind kind) {
        return kind == TableKind.FACTORS ? Set.of("id", "value") : Set.of();
    }

    private static TextTable readCsvTable(Path p, String display, Set<String> required) {
        RawTable[] t = new RawTable[1];
        CsvSource.read(p, ImportOptions.defaults(), d -> t[0] = new RawTable(display, null, required, new Dates(false),
                Integer.MAX_VALUE), null, null);
        return t[0].table();
    }

    /**
     * Loads the workbook reader's XML parser ahead of a read: called on a thread of its own while
     * the command line is parsed, it takes its first use (some 50 ms) out of reading a workbook.
     */
    public static void prepareWorkbookReading() {
        XmlPart.prepare();
    }

    /**
     * Loads what hashes an input of {@code bytes} bytes ahead of its reading (a large file's is NSS,
     * about a tenth of a second to load; {@link Sha256}); called on a thread of its own.
     */
    public static void prepareHashing(long bytes) {
        if (bytes >= Sha256.NATIVE_FROM) {
            Sha256.loadNative();
        }
    }

    /** The SHA-256 of a file, lower-case hex ("" when it cannot be read). */
    public static String sha256(Path file) {
        try (FileChannel in = FileChannel.open(file)) {
            MessageDigest md = Sha256.forSize(in.size());
            ByteBuffer buf = ByteBuffer.allocate(1 << 16);
            while (in.read(buf.clear()) > 0) {
                md.update(buf.array(), 0, buf.position());
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            return "";
        }
    }

    // ---- jobs ----

    private static List<Job> jobs(List<Path> inputs, List<Issue> issues) {
        List<Job> raw = new ArrayList<>();
        for (Path input : inputs) {
            if (Files.isDirectory(input)) {
                List<Path> csvs;
                try (Stream<Path> list = Files.list(input)) {
                    csvs = list.filter(Files::isRegularFile).sorted().toList();
                } catch (IOException e) {
                    issues.add(new Issue(Severity.ERROR, displayName(input), null, null, null,
                            "folder " + displayName(input) + " cannot be read: " + e.getMessage()));
                    continue;
                }
                boolean readings = false;
                for (Path p : csvs) {
                    String n = p.getFileName().toString();
                    if (!isCsvName(n)) {
                        continue;
                    }
                    Optional<TableKind> k = TableKind.byName(n);
                    if (k.isEmpty() || k.get() == TableKind.INSTRUCTIONS) {
                        issues.add(new Issue(Severity.INFO, n, null, null, null, n + " in folder " + displayName(input)
                                + " is not named after a table (readings, sites, instruments, targets, denominators,"
                                + " contracts, factors) and is not read"));
                        continue;
                    }
                    if (k.get() == TableKind.FACTORS) {
                        raw.add(new Job(p, displayName(input) + "/" + n, TableKind.FACTORS)); // for the factor loader
                        continue;
                    }
                    readings |= k.get() == TableKind.READINGS;
                    raw.add(new Job(p, n, k.get()));
                }
                if (!readings) {
                    issues.add(new Issue(Severity.ERROR, displayName(input), null, null, null, "folder "
                            + displayName(input) + " has no readings.csv (the one table a folder must hold)"));
                }
            } else if (!Files.isRegularFile(input)) {
                issues.add(new Issue(Severity.ERROR, displayName(input), null, null, null,
                        displayName(input) + " does not exist"));
            } else {
                raw.add(new Job(input, displayName(input), null));
            }
        }
        Map<String, Integer> seen = new HashMap<>();
        for (Job j : raw) {
            seen.merge(j.name(), 1, Integer::sum);
        }
        List<Job> out = new ArrayList<>();
        for (Job j : raw) {
            if (seen.get(j.name()) > 1) {
                Path parent = j.path().getParent();
                String qualified = parent == null || parent.getFileName() == null ? j.path().toString()
                        : parent.getFileName() + "/" + j.name();
                out.add(new Job(j.path(), qualified, j.table()));
            } else {
                out.add(j);
            }
        }
        return out;
    }

    private static String displayName(Path p) {
        Path name = p.getFileName();
        return name == null ? p.toString() : name.toString();
    }

    private static boolean isCsvName(String n) {
        String l = n.toLowerCase(Locale.ROOT);
        return l.endsWith(".csv") || l.endsWith(".tsv") || l.endsWith(".txt");
    }

    private static long sizeOf(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }

    // ---- reading one file ----

    /** Kinds of files, by their first bytes (and, for text, their name). */
    enum FileType {
        XLSX, OLE2, CSV;

        static FileType of(Path p) throws IOException {
            byte[] head = new byte[8];
            int n;
            try (InputStream in = Files.newInputStream(p)) {
                n = in.readNBytes(head, 0, 8);
            }
            String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
            boolean excelName = name.endsWith(".xlsx") || name.endsWith(".xlsm") || name.endsWith(".xls")
                    || name.endsWith(".xltx");
            if (n >= 4 && head[0] == 'P' && head[1] == 'K' && (head[2] == 3 || head[2] == 5 || head[2] == 7)) {
                return XLSX;
            }
            if (n == 8 && (head[0] & 0xFF) == 0xD0 && (head[1] & 0xFF) == 0xCF && (head[2] & 0xFF) == 0x11
                    && (head[3] & 0xFF) == 0xE0 && (head[4] & 0xFF) == 0xA1 && (head[5] & 0xFF) == 0xB1
                    && head[6] == 0x1A && (head[7] & 0xFF) == 0xE1) {
                return OLE2;
            }
            if (excelName) {
                if (n == 0) {
                    throw new InputRejected("is empty (0 bytes), not an Excel workbook");
                }
                StringBuilder hex = new StringBuilder();
                for (int i = 0; i < Math.min(n, 4); i++) {
                    hex.append(i == 0 ? "" : " ").append(String.format(Locale.ROOT, "%02x", head[i] & 0xFF));
                }
                throw new InputRejected("is not an Excel workbook: an .xlsx is a zip archive and an .xls an OLE2 file,"
                        + " but this file starts with bytes " + hex + "; the file was not read");
            }
            return CSV;
        }
    }

    /** A sheet about to be read: its dates system and a way to stream it. */
    interface SheetReader {
        Dates dates();

        void read(RowSink sink);
    }

    @FunctionalInterface
    interface SheetFilter {
        boolean accept(String name, boolean hidden);
    }

    @FunctionalInterface
    interface SheetAction {
        void accept(String name, SheetReader reader);
    }

    private static void forEachSheet(Path file, FileType type, SheetFilter filter, SheetAction action) {
        ImportOptions options = ImportOptions.defaults();
        if (type == FileType.XLSX) {
            try (XlsxWorkbook wb = XlsxWorkbook.open(file, options)) {
                Dates dates = new Dates(wb.date1904());
                for (WorkbookParts.SheetInfo s : wb.sheets()) {
                    if (filter.accept(s.name(), s.hidden())) {
                        action.accept(s.name(), reader(dates, sink -> wb.readSheet(s, sink)));
                    }
                }
            }
        } else {
            try (XlsWorkbook wb = XlsWorkbook.open(file, options)) {
                Dates dates = new Dates(wb.date1904());
                for (XlsWorkbook.SheetInfo s : wb.sheets()) {
                    if (filter.accept(s.name(), s.hidden())) {
                        action.accept(s.name(), reader(dates, sink -> wb.readSheet(s, sink)));
                    }
                }
            }
        }
    }

    private static SheetReader reader(Dates dates, java.util.function.Consumer<RowSink> read) {
        return new SheetReader() {
            @Override
            public Dates dates() {
                return dates;
            }

            @Override
            public void read(RowSink sink) {
                read.accept(sink);
            }
        };
    }

    /** Reads one file into its context; returns its SHA-256 when it was computed on the way. */
    /**
     * Reads one input into {@code ctx}. Returns the file's hash when it was taken while reading (a
     * CSV's bytes pass through the digest); null for a workbook, whose hash {@code hash} then
     * computes on its own thread, started here before the sheets are read.
     */
    private static String readFile(Job job, FileContext ctx, Progress progress, FileHash hash) {
        FileType type;
        try {
            type = FileType.of(job.path());
        } catch (IOException e) {
            throw new InputRejected("cannot be read: " + e.getMessage());
        }
        if (type == FileType.CSV) {
            TableKind table = job.table() != null ? job.table()
                    : TableKind.byName(job.name()).filter(k -> k != TableKind.INSTRUCTIONS).orElse(TableKind.READINGS);
            long size = sizeOf(job.path());
            LongConsumer fileProgress = progress.within(size, ctx);
            try (StreamDigest md = StreamDigest.forSize(size)) {
                if (table == TableKind.FACTORS) {
                    if (job.table() == null) {
                        ctx.issue(Severity.INFO, null, 0, null, job.name() + " is a factor sheet; it is read with"
                                + " --factor-sheet, not as input data");
                    }
                    RawTable t = new RawTable(ctx.file, null, requiredKeys(TableKind.FACTORS), new Dates(false),
                            Integer.MAX_VALUE);
                    CsvSource.read(job.path(), ctx.options, d -> t, md, fileProgress);
                    ctx.factorTables.add(t.table());
                    return md.hex();
                }
                TableReader reader = table(table, ctx, null, new Dates(false), false);
                Pipeline.run(sink -> CsvSource.read(job.path(), ctx.options, d -> {
                    reader.decimalComma = d.delimiter() == ';';
                    return sink;
                }, md, fileProgress), reader);
                return md.hex();
            }
        }
        hash.startInBackground();
        forEachSheetOf(job, type, ctx, progress);
        return null;
    }

    private static TableReader table(TableKind kind, FileContext ctx, String sheet, Dates dates, boolean decimalComma) {
        return kind == TableKind.READINGS ? new ReadingsTable(ctx, sheet, dates, decimalComma)
                : RecordTables.create(kind, ctx, sheet, dates, decimalComma);
    }

    private static void forEachSheetOf(Job job, FileType type, FileContext ctx, Progress progress) {
        LongConsumer fileProgress = progress.within(sizeOf(job.path()), ctx);
        if (type == FileType.XLSX) {
            try (XlsxWorkbook wb = XlsxWorkbook.open(job.path(), ctx.options)) {
                wb.onProgress(fileProgress);
                Dates dates = new Dates(wb.date1904());
                List<String[]> sheets = new ArrayList<>();
                Map<String, WorkbookParts.SheetInfo> byName = new LinkedHashMap<>();
                for (WorkbookParts.SheetInfo s : wb.sheets()) {
                    sheets.add(new String[] {s.name(), s.hidden() ? "1" : ""});
                    byName.put(s.name(), s);
                }
                readSheets(sheets, ctx, dates, (name, sink) -> wb.readSheet(byName.get(name), sink));
            }
        } else {
            try (XlsWorkbook wb = XlsWorkbook.open(job.path(), ctx.options)) {
                Dates dates = new Dates(wb.date1904());
                List<String[]> sheets = new ArrayList<>();
                Map<String, XlsWorkbook.SheetInfo> byName = new LinkedHashMap<>();
                for (XlsWorkbook.SheetInfo s : wb.sheets()) {
                    sheets.add(new String[] {s.name(), s.hidden() ? "1" : ""});
                    byName.put(s.name(), s);
                }
                readSheets(sheets, ctx, dates, (name, sink) -> wb.readSheet(byName.get(name), sink));
                fileProgress.accept(sizeOf(job.path()));
            }
        }
    }

    @FunctionalInterface
    private interface SheetStreamer {
        void stream(String sheet, RowSink sink);
    }

    /** Decides what each sheet is, then reads the tables. */
    private static void readSheets(List<String[]> sheets, FileContext ctx, Dates dates, SheetStreamer streamer) {
        for (String[] s : sheets) {
            String name = s[0];
            boolean hidden = !s[1].isEmpty();
            Optional<TableKind> kind = TableKind.byName(name);
            if (kind.isPresent()) {
                TableKind k = kind.get();
                if (k == TableKind.INSTRUCTIONS) {
                    continue;
                }
                if (k == TableKind.FACTORS) {
                    // for the factor loader, found in this same pass so the file is opened once
                    RawTable t = new RawTable(ctx.file, name, requiredKeys(k), dates, Integer.MAX_VALUE);
                    streamer.stream(name, t);
                    if (t.found()) {
                        ctx.factorTables.add(t.table());
                    }
                    continue;
                }
                if (hidden) {
                    ctx.issue(Severity.INFO, name, 0, null, "sheet " + name + " is hidden; it is read because it is"
                            + " named after the " + k.id() + " table");
                }
                TableReader reader = table(k, ctx, name, dates, false);
                Pipeline.run(sink -> streamer.stream(name, sink), reader);
                continue;
            }
            if (hidden) {
                ctx.issue(Severity.INFO, name, 0, null, "sheet " + name + " is hidden and not named after a table;"
                        + " it is not read");
                continue;
            }
            FileContext scratch = new FileContext(ctx.file, ctx.options, ctx.caches);
            ReadingsTable sniff = new ReadingsTable(scratch, name, dates, false).sniffing();
            streamer.stream(name, new RowSink() {
                @Override
                public boolean row(CellRow row) {
                    sniff.row(row);
                    return !sniff.foundHeader() && row.number <= 200;
                }

                @Override
                public void end(List<Merge> merges) {
                    // sniffing only
                }
            });
            if (sniff.foundHeader()) {
                ctx.issue(Severity.INFO, name, 0, null, "sheet " + name + " is read as readings: its name is not a"
                        + " table name, but its header row is a readings header");
                TableReader reader = table(TableKind.READINGS, ctx, name, dates, false);
                Pipeline.run(sink -> streamer.stream(name, sink), reader);
            } else {
                ctx.issue(Severity.INFO, name, 0, null, "sheet " + name + " is not read: its name is not a table name"
                        + " (readings, sites, instruments, targets, denominators, factors or 读数, 抄表, 站点, 绿证, 目标,"
                        + " 分母) and it has no readings header");
            }
        }
    }

    /** Reports bytes done across all files. */
    private static final class Progress {
        private final ImportProgress listener;
        private final long total;
        private long base;
        private long rowsBefore;

        Progress(ImportProgress listener, long total) {
            this.listener = listener;
            this.total = total;
        }

        private long reported;

        LongConsumer within(long fileSize, FileContext ctx) {
            long start = base;
            long rows = rowsBefore;
            return done -> report(start + Math.min(done, fileSize), rows + ctx.read);
        }

        void fileDone(long size, long rows) {
            base += size;
            rowsBefore += rows;
            report(Math.min(base, total), rowsBefore);
        }

        /** One call at a time, from whichever thread reads, and never backwards. */
        private synchronized void report(long done, long rows) {
            if (done < reported) {
                return;
            }
            reported = done;
            listener.update(done, total, rows);
        }
    }
}
