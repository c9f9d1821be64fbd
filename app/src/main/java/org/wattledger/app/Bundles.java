package org.wattledger.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.wattledger.factors.FactorLibrary;
import org.wattledger.factors.Release;
import org.wattledger.ledger.BatchSummary;
import org.wattledger.ledger.Ledger;
import org.wattledger.reports.AuditBundle;
import org.wattledger.reports.ReportMeta;

/**
 * Makes the audit bundle of a run ({@code report --bundle}, {@code demo --bundle}): the command
 * line's inputs and factor sheets as named blobs, the factor releases the run used, its options,
 * version and outputs. {@link VerifyCommand} re-runs one.
 */
final class Bundles {
    /** The command a bundle re-runs. */
    static final String COMMAND = "report";

    private Bundles() {
    }

    /**
     * Refuses, before any work, a {@code --bundle} path that cannot be a file to write, and inputs
     * or factor sheets the bundle could not keep apart (two of one name).
     */
    static void checkTarget(Path bundle, List<Path> inputs, List<Path> factorSheets) {
        if (Files.isDirectory(bundle)) {
            throw new UsageException("--bundle " + bundle + " is a folder; name the .zip file to write");
        }
        Outputs.checkParents(bundle);
        distinctNames(inputs, "inputs");
        distinctNames(factorSheets, "factor sheets");
    }

    private static void distinctNames(List<Path> files, String what) {
        Set<String> names = new HashSet<>();
        for (Path f : files) {
            if (!names.add(name(f))) {
                throw new UsageException("--bundle: two " + what + " are named " + name(f) + "; a bundle keeps them"
                        + " by name, so give them different names");
            }
        }
    }

    /**
     * The inputs as the bundle holds them: a file as {@code NAME}, a folder's files (what the
     * importer reads: the files directly in it) as {@code FOLDER/FILE}. Two inputs with one name
     * cannot both be held (a usage error, normally caught by {@link #checkTarget} before any work).
     */
    static List<AuditBundle.Blob> inputBlobs(List<Path> inputs) throws IOException {
        distinctNames(inputs, "inputs");
        List<AuditBundle.Blob> blobs = new ArrayList<>();
        for (Path input : inputs) {
            String name = name(input);
            if (Files.isDirectory(input)) {
                List<Path> files;
                try (Stream<Path> list = Files.list(input)) {
                    files = list.filter(Files::isRegularFile).sorted().toList();
                }
                for (Path f : files) {
                    blobs.add(new AuditBundle.Blob(AuditBundle.INPUTS + name + "/" + f.getFileName(), Files.readAllBytes(f)));
                }
            } else {
                blobs.add(new AuditBundle.Blob(AuditBundle.INPUTS + name, Files.readAllBytes(input)));
            }
        }
        return blobs;
    }

    private static String name(Path p) {
        Path n = p.toAbsolutePath().normalize().getFileName();
        return n == null ? p.toString() : n.toString();
    }

    /**
     * Writes the bundle of a run whose inputs are the given named blobs ({@code inputs/...}):
     * adds the factor sheets, the releases used (every file, with its manifest), the factor rows
     * used, the options and the outputs.
     *
     * @param inputNames the top-level input names in command-line order
     */
    static void write(Path bundle, List<String> inputNames, List<AuditBundle.Blob> inputs, CalculationOptions options,
            Pipeline.Outcome outcome) {
        try {
            List<AuditBundle.Blob> files = new ArrayList<>(inputs);
            distinctNames(options.factorSheets, "factor sheets");
            for (Path sheet : options.factorSheets) {
                files.add(new AuditBundle.Blob(AuditBundle.FACTOR_SHEETS + name(sheet), Files.readAllBytes(sheet)));
            }
            FactorLibrary library = options.factorLibrary();
            List<AuditBundle.ReleaseRef> releases = new ArrayList<>();
            for (ReportMeta.FactorSetRef set : outcome.meta().factorSets()) {
                Release release = library.release(set.id(), set.version());
                String folder = AuditBundle.RELEASES + release.setId() + "/" + release.version() + "/";
                byte[] manifest = FactorLibrary.releaseFile(release, "manifest.csv");
                files.add(new AuditBundle.Blob(folder + "manifest.csv", manifest));
                for (Release.ReleaseFile f : release.files()) {
                    files.add(new AuditBundle.Blob(folder + f.name(), FactorLibrary.releaseFile(release, f.name())));
                }
                releases.add(new AuditBundle.ReleaseRef(release.setId(), release.version(), AuditBundle.sha256(manifest)));
            }
            files.add(AuditBundle.factorsUsed(outcome.results().factorsUsed(), releases));
            Map<String, byte[]> outputs = AuditBundle.outputs(outcome.results(), outcome.meta());
            outputs.forEach((name, bytes) -> files.add(new AuditBundle.Blob(AuditBundle.OUTPUTS + name, bytes)));
            AuditBundle.Description description = new AuditBundle.Description(outcome.meta().engineVersion(), COMMAND,
                    inputNames, outcome.meta().options(), releases, List.copyOf(outputs.keySet()));
            Files.write(bundle, AuditBundle.write(new AuditBundle.Bundle(description, files)));
        } catch (AuditBundle.Refused e) {
            // a file name the bundle cannot hold safely (a backslash, a control character)
            throw new UsageException("--bundle: the bundle cannot hold these inputs: " + e.getMessage());
        } catch (IOException e) {
            throw new Outputs.WriteFailed("cannot write the bundle " + bundle + ": " + Outputs.reason(e), e);
        }
    }

    /**
     * The inputs of a ledger report as a bundle holds them: every file of the active batches, in
     * batch order, so that {@code verify} re-runs {@code report} on them. A workbook is an input
     * of its own; the CSV files go into one folder, {@value #LEDGER_FOLDER}, which the importer
     * reads as it read them (a folder's CSV files are its tables, named by file). Two active files
     * of one name cannot both be held (a usage error naming them).
     */
    static LedgerInputs ledgerInputs(Ledger ledger, List<BatchSummary> activeBatches) {
        List<String> names = new ArrayList<>();
        List<AuditBundle.Blob> blobs = new ArrayList<>();
        Set<String> held = new HashSet<>();
        for (BatchSummary batch : activeBatches) {
            for (BatchSummary.FileDigest f : batch.files()) {
                if (!held.add(f.name())) {
                    throw new UsageException("--bundle: two active batches hold a file named " + f.name()
                            + "; a bundle keeps inputs by name, so it cannot hold both");
                }
                String lower = f.name().toLowerCase(java.util.Locale.ROOT);
                boolean workbook = lower.endsWith(".xlsx") || lower.endsWith(".xls");
                String input = workbook ? f.name() : LEDGER_FOLDER;
                String entry = workbook ? f.name() : LEDGER_FOLDER + "/" + f.name();
                blobs.add(new AuditBundle.Blob(AuditBundle.INPUTS + entry, ledger.fileContent(batch.batch(), f.name())));
                if (!names.contains(input)) {
                    names.add(input);
                }
            }
        }
        return new LedgerInputs(names, blobs);
    }

    /** The bundle folder that holds a ledger report's CSV files. */
    static final String LEDGER_FOLDER = "ledger";

    /** A ledger report's inputs: the top-level names {@code verify} passes to {@code report}, and the files. */
    record LedgerInputs(List<String> names, List<AuditBundle.Blob> blobs) {
    }

    /** Writes the bundle of a run over files and folders given on the command line. */
    static void write(Path bundle, List<Path> inputs, CalculationOptions options, Pipeline.Outcome outcome) {
        List<AuditBundle.Blob> blobs;
        try {
            blobs = inputBlobs(inputs);
        } catch (IOException e) {
            throw new Outputs.WriteFailed("cannot read the inputs into the bundle " + bundle + ": " + Outputs.reason(e), e);
        }
        write(bundle, inputs.stream().map(Bundles::name).toList(), blobs, options, outcome);
    }
}
