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
import org.wattledger.engine.Background;
import org.wattledger.engine.calc.Results;
import org.wattledger.engine.model.Issue;
import org.wattledger.engine.model.Severity;
import org.wattledger.reports.Charts;
import org.wattledger.reports.CsvReport;
import org.wattledger.reports.HtmlReport;
import org.wattledger.reports.JsonReport;
import org.wattledger.reports.TextSummary;
import org.wattledger.reports.EuDataCentreExport;
import org.wattledger.reports.XlsxReport;

/** Writes a pipeline outcome in the formats asked for. The one place file names are chosen. */
final class Outputs {
    /** What {@code --format} accepts. {@code all} is what {@code demo} and {@code report --out} write by default. */
    enum Format {
        TEXT, JSON, CSV, HTML, XLSX, ALL,
        /** The EU data-centre export (Delegated Regulation (EU) 2024/1364): eu-datacentre.json and .csv. */
        EU_DC;

        static Format parse(String text) {
            try {
                return valueOf(text.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--format is text, json, csv, html, xlsx or eu-dc, not '" + text + "'");
            }
        }
    }

    /**
     * The outcome for readers of {@code --lang}: the same results, the words of that language.
     * An audit bundle keeps the English outputs (verify re-runs it without a language).
     */
    static Pipeline.Outcome inLanguage(Pipeline.Outcome o, org.wattledger.reports.Labels.Language language) {
        return new Pipeline.Outcome(o.results(), o.meta().withLanguage(language));
    }

    /** {@code --lang}: en or zh, checked before any work. */
    static org.wattledger.reports.Labels.Language language(String lang) {
        org.wattledger.reports.Labels.Language language = org.wattledger.reports.Labels.Language.parse(lang);
        if (language == null) {
            throw new UsageException("--lang is en or zh, not '" + lang + "'");
        }
        return language;
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

    /**
     * Starts loading, on a second core while the inputs are read and calculated, what the charts
     * of {@code format} need: Java2D and JFreeChart, whose first use costs about half a second of
     * class loading that would otherwise come after the calculation. Nothing is written; a failure
     * here is left for the real write to meet. (The workbook's writer is plain text in a zip, with
     * nothing worth loading early.)
     */
    static void preload(Format format) {
        if (format == Format.ALL || format == Format.HTML) {
            Background.start("preload", () -> {
                Charts.preload();
                return null;
            });
        }
    }

    /**
     * Writes files into {@code dir} and returns their paths, in a stable order. The workbook and the
     * charts, the slowest outputs and independent of the others, are made on threads of their own
     * meanwhile; each chart is drawn once for both the HTML page and its PNG file. The bytes are
     * those of writing one format after another.
     */
    static List<Path> writeFiles(Pipeline.Outcome o, Format format, Path dir) {
        List<Path> written = new ArrayList<>();
        boolean all = format == Format.ALL;
        Background<byte[]> xlsx = all || format == Format.XLSX
                ? Background.start("xlsx", () -> XlsxReport.toBytes(o.results(), o.meta())) : null;
        Background<List<Charts.Rendered>> charts = format == Format.HTML || all
                ? Background.start("charts", () -> Charts.renderAll(o.results(), o.meta().labels())) : null;
        try {
            Files.createDirectories(dir);
            if (format == Format.JSON || all) {
                JsonReport.write(o.results(), o.meta(), dir.resolve(JSON_FILE));
                written.add(dir.resolve(JSON_FILE));
            }
            List<Path> csv = format == Format.CSV || all ? CsvReport.write(o.results(), o.meta(), dir) : List.of();
            if (format == Format.HTML || all) {
                HtmlReport.write(o.results(), o.meta(), charts.get(), dir.resolve(HTML_FILE));
                written.add(dir.resolve(HTML_FILE));
            }
            if (xlsx != null) {
                Files.write(dir.resolve(XLSX_FILE), xlsx.get());
                written.add(dir.resolve(XLSX_FILE));
            }
            written.addAll(csv);
            if (all) {
                written.addAll(Charts.write(charts.get(), dir));
            }
            if (format == Format.EU_DC) {
                written.addAll(EuDataCentreExport.write(o.results(), o.meta(), dir));
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
            case EU_DC -> out.print(new String(EuDataCentreExport.json(o.results(), o.meta()), StandardCharsets.UTF_8));
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
