package org.wattledger.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.wattledger.engine.calc.Results;
import org.wattledger.engine.model.Issue;
import org.wattledger.engine.model.Severity;
import org.wattledger.reports.Charts;
import org.wattledger.reports.CsvReport;
import org.wattledger.reports.HtmlReport;
import org.wattledger.reports.JsonReport;
import org.wattledger.reports.TextSummary;
import org.wattledger.reports.XlsxReport;

/** Writes a pipeline outcome in the formats asked for. The one place file names are chosen. */
final class Outputs {
    /** What {@code --format} accepts. {@code all} is what {@code demo} and {@code report --out} write by default. */
    enum Format {
        TEXT, JSON, CSV, HTML, XLSX, ALL;

        static Format parse(String text) {
            try {
                return valueOf(text.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--format is text, json, csv, html or xlsx, not '" + text + "'");
            }
        }
    }

    static final String JSON_FILE = "report.json";
    static final String HTML_FILE = "report.html";
    static final String XLSX_FILE = "report.xlsx";

    /** A report file could not be written (a full disk, a folder that vanished): exit 1, one line. */
    static final class WriteFailed extends RuntimeException {
        WriteFailed(String message, IOException cause) {
            super(message, cause);
        }
    }

    private Outputs() {
    }

    /**
     * Refuses, before any work, an {@code --out} that cannot be a folder: an existing file, or a
     * path under a file. Missing folders are created when the report is written.
     */
    static void checkFolder(Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new UsageException("--out " + dir + " is a file; give a folder to write into");
        }
        checkParents(dir);
    }

    /** Refuses an {@code --out} path that lies under an existing file (its folders cannot be made). */
    static void checkParents(Path out) {
        for (Path p = out.toAbsolutePath().getParent(); p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                if (!Files.isDirectory(p)) {
                    throw new UsageException("--out " + out + " lies under " + p + ", which is a file, not a folder");
                }
                return;
            }
        }
    }

    /** Why an I/O operation failed, in a few words: "No space left on device", "permission denied". */
    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** Writes files into {@code dir} and returns their paths, in a stable order. */
    static List<Path> writeFiles(Pipeline.Outcome o, Format format, Path dir) {
        List<Path> written = new ArrayList<>();
        try {
            Files.createDirectories(dir);
            if (format == Format.JSON || format == Format.ALL) {
                JsonReport.write(o.results(), o.meta(), dir.resolve(JSON_FILE));
                written.add(dir.resolve(JSON_FILE));
            }
            if (format == Format.HTML || format == Format.ALL) {
                HtmlReport.write(o.results(), o.meta(), dir.resolve(HTML_FILE));
                written.add(dir.resolve(HTML_FILE));
            }
            if (format == Format.XLSX || format == Format.ALL) {
                XlsxReport.write(o.results(), o.meta(), dir.resolve(XLSX_FILE));
                written.add(dir.resolve(XLSX_FILE));
            }
            if (format == Format.CSV || format == Format.ALL) {
                written.addAll(CsvReport.write(o.results(), o.meta(), dir));
            }
            if (format == Format.ALL) {
                written.addAll(Charts.writeAll(o.results(), dir));
            }
            if (format == Format.TEXT) {
                Path summary = dir.resolve("summary.txt");
                Files.writeString(summary, TextSummary.render(o.results(), o.meta()), StandardCharsets.UTF_8);
                written.add(summary);
            }
        } catch (IOException e) {
            throw new WriteFailed("cannot write the report into " + dir + ": " + reason(e), e);
        }
        return written;
    }

    /** Writes one format to standard output (nothing else goes there); write failures are caught by {@link Main}. */
    static void writeStdout(Pipeline.Outcome o, Format format, PrintWriter out) {
        switch (format) {
            case JSON -> out.print(JsonReport.toJson(o.results(), o.meta()));
            case CSV -> out.print(CsvReport.summary(o.results()));
            case HTML -> out.print(HtmlReport.render(o.results(), o.meta()));
            case TEXT -> out.print(TextSummary.render(o.results(), o.meta()));
            case XLSX, ALL -> throw new UsageException("--format " + format.name().toLowerCase(Locale.ROOT)
                    + " writes files: give --out DIR");
        }
        out.flush();
    }

    /** A short account of the issues on standard error: counts, then every error. */
    static void reportIssues(Results results, PrintWriter err) {
        List<Issue> issues = results.issues();
        long errors = issues.stream().filter(Issue::isError).count();
        long warnings = issues.stream().filter(i -> i.severity() == Severity.WARNING).count();
        if (errors == 0 && warnings == 0) {
            return;
        }
        // Incomplete is the engine's one rule (errors, no readings, or uncovered time), not a count of errors here.
        err.println(errors + (errors == 1 ? " error, " : " errors, ") + warnings
                + (warnings == 1 ? " warning" : " warnings") + (results.complete() ? ":" : "; the report is incomplete:"));
        issues.stream().filter(i -> i.severity() != Severity.INFO).limit(50).forEach(i -> err.println("  " + i));
        if (errors + warnings > 50) {
            err.println("  ... and " + (errors + warnings - 50) + " more in the report");
        }
        err.flush();
    }
}
