package org.wattledger.factors;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.wattledger.engine.model.TextTable;

/**
 * The {@code manifest.csv} of a release: one line per file with its SHA-256 and number of data
 * rows. The library refuses a release whose files do not match it, so a released version cannot
 * be edited unnoticed. To publish a correction, copy the release folder to a new version, edit
 * the files and {@code release.csv}, then write the new folder's manifest with
 * {@code java -cp ... org.wattledger.factors.ReleaseManifest DIR} (docs/factor-sets.md).
 */
public final class ReleaseManifest {
    /** The manifest's own file name. */
    public static final String FILE = "manifest.csv";

    private ReleaseManifest() {
    }

    /** Writes {@code manifest.csv} for every other {@code .csv} file in the folder; returns its entries. */
    public static List<Release.ReleaseFile> write(Path releaseDir) throws IOException {
        List<Path> csvs;
        try (Stream<Path> files = Files.list(releaseDir)) {
            csvs = files.filter(p -> p.getFileName().toString().endsWith(".csv"))
                    .filter(p -> !p.getFileName().toString().equals(FILE))
                    .sorted((a, b) -> order(a.getFileName().toString()).compareTo(order(b.getFileName().toString())))
                    .toList();
        }
        List<Release.ReleaseFile> entries = new ArrayList<>();
        StringBuilder out = new StringBuilder("file,sha256,rows\n");
        for (Path csv : csvs) {
            byte[] bytes = Files.readAllBytes(csv);
            String name = csv.getFileName().toString();
            Release.ReleaseFile entry = new Release.ReleaseFile(name, FactorSheetLoader.sha256(bytes), rows(name, bytes));
            entries.add(entry);
            out.append(entry.name()).append(',').append(entry.sha256()).append(',').append(entry.rows()).append('\n');
        }
        Files.write(releaseDir.resolve(FILE), out.toString().getBytes(StandardCharsets.UTF_8));
        return entries;
    }

    /** release.csv first, then the factor files by name. */
    private static String order(String name) {
        return (name.equals(FactorLibrary.RELEASE_FILE) ? "0" : "1") + name;
    }

    /** Number of data rows (records after the header) of a CSV file. */
    public static int rows(String name, byte[] csv) {
        return FactorSheetLoader.readCsv(name, csv).rows().size();
    }

    /** Reads a manifest's entries. */
    static List<Release.ReleaseFile> parse(String ref, byte[] bytes) {
        TextTable table = FactorSheetLoader.readCsv(FILE, bytes);
        if (!table.headers().equals(List.of("file", "sha256", "rows"))) {
            throw new FactorSetException("release " + ref + ": " + FILE + " must have the columns file, sha256, rows");
        }
        List<Release.ReleaseFile> entries = new ArrayList<>();
        for (TextTable.Row row : table.rows()) {
            try {
                entries.add(new Release.ReleaseFile(row.cell(0).strip(), row.cell(1).strip(),
                        Integer.parseInt(row.cell(2).strip())));
            } catch (NumberFormatException e) {
                throw new FactorSetException("release " + ref + ": " + FILE + " row " + row.number()
                        + " has no row count");
            }
        }
        return entries;
    }

    /** Writes the manifest of each release folder given on the command line. */
    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            System.err.println("usage: ReleaseManifest RELEASE_DIR...");
            System.exit(2);
        }
        for (String arg : args) {
            for (Release.ReleaseFile f : write(Path.of(arg))) {
                System.out.println(arg + "/" + f.name() + " " + f.sha256() + " " + f.rows());
            }
        }
    }
}
