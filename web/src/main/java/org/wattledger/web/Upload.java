package org.wattledger.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Files uploaded and checked but not yet accepted: kept in a folder of their own until the user
 * accepts them into the ledger as one batch, or discards them.
 *
 * @param targets how many targets the files define
 * @param report the JSON report of the files alone ({@code report FILES --format json}): its rows
 *     tally and its issues, each with file, sheet, row and column, are the validation result
 */
public record Upload(String id, String user, Instant at, Path folder, List<String> names, JsonNode report,
        String failure, int targets) {
    /** Where CSV files go: more than one of them is read as a folder of tables (readings.csv, sites.csv …). */
    static final String CSV_FOLDER = "uploaded";

    /** The inputs to name on the command line: each workbook, and the CSV files (one alone, else their folder). */
    public List<Path> inputs() {
        List<Path> books = new ArrayList<>();
        List<Path> csvs = new ArrayList<>();
        for (String n : names) {
            if (isCsv(n)) {
                csvs.add(folder.resolve(CSV_FOLDER).resolve(n));
            } else {
                books.add(folder.resolve(n));
            }
        }
        if (csvs.size() > 1) {
            books.add(folder.resolve(CSV_FOLDER));
        } else {
            books.addAll(csvs);
        }
        return books;
    }

    /** Where an uploaded file with this (checked) name is saved. */
    static Path target(Path folder, String name) {
        return isCsv(name) ? folder.resolve(CSV_FOLDER).resolve(name) : folder.resolve(name);
    }

    static boolean isCsv(String name) {
        String l = name.toLowerCase(Locale.ROOT);
        return l.endsWith(".csv") || l.endsWith(".tsv") || l.endsWith(".txt");
    }

    public long read() {
        return report == null ? 0 : report.path("rows").path("read").asLong();
    }

    public long accepted() {
        return report == null ? 0 : report.path("rows").path("accepted").asLong();
    }

    public long rejected() {
        return report == null ? 0 : report.path("rows").path("rejected").asLong();
    }

    /** The issues of the files, errors first as the report orders them. */
    public List<JsonNode> issues() {
        List<JsonNode> list = new ArrayList<>();
        if (report != null) {
            report.path("issues").forEach(list::add);
        }
        return list;
    }

    public long errors() {
        return issues().stream().filter(i -> "error".equals(i.path("severity").asText())).count();
    }

    /** The files hold targets (only a lead or an admin may store them). */
    public boolean hasTargets() {
        return targets > 0;
    }

    /** Accepting stores something: at least one row was accepted and the files could be read at all. */
    public boolean acceptable() {
        return failure == null && accepted() > 0;
    }

    void delete() {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
