package org.wattledger.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.wattledger.factors.FactorLibrary;
import org.wattledger.factors.FactorSetException;
import org.wattledger.reports.AuditBundle;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code verify FILE.zip}: re-runs an audit bundle offline and compares each output with the one
 * it holds. The re-run uses only what the bundle holds: its inputs, its factor sheets and its
 * factor releases (never this jar's), with its recorded options. Prints {@code OK name} or
 * {@code DIFFERS name} per output; exit 0 when all match, 3 when any differs or the bundle was
 * altered, damaged or hostile (the message says which entry and why).
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Re-run an audit bundle (report --bundle) offline and compare its outputs: OK or DIFFERS per file.")
final class VerifyCommand implements Callable<Integer> {
    /** A bundle larger than this is refused before it is read. */
    static final long MAX_BUNDLE_BYTES = 1L << 30;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE.zip", description = "An audit bundle written by report --bundle.")
    Path file;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isRegularFile(file)) {
            throw new UsageException("no such bundle: " + file);
        }
        AuditBundle.Bundle bundle;
        try {
            if (Files.size(file) > MAX_BUNDLE_BYTES) {
                return refuse(err, "is larger than " + MAX_BUNDLE_BYTES + " bytes");
            }
            bundle = AuditBundle.read(Files.readAllBytes(file));
        } catch (AuditBundle.Refused e) {
            return refuse(err, e.getMessage());
        } catch (IOException e) {
            throw new UsageException("cannot read the bundle " + file + ": " + Outputs.reason(e));
        }
        AuditBundle.Description d = bundle.description();
        if (!Bundles.COMMAND.equals(d.command())) {
            return refuse(err, "re-runs the command '" + d.command() + "', which this version cannot");
        }
        if (!Version.ENGINE.equals(d.engineVersion())) {
            err.println("note: the bundle was made by wattledger " + d.engineVersion() + ", this is " + Version.ENGINE
                    + "; outputs that name the version, or whose rules changed since, will differ");
        }
        Path work;
        try {
            work = Files.createTempDirectory("wattledger-verify");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Map<String, byte[]> rerun;
            try {
                rerun = rerun(bundle, work, err);
            } catch (AuditBundle.Refused | UsageException e) {
                return refuse(err, e.getMessage());
            } catch (Pipeline.FactorSheetErrors e) {
                return refuse(err, "its factor sheets have errors: " + e.getMessage() + " " + e.errors);
            }
            if (rerun == null) {
                return ExitCode.INPUT_ERRORS;
            }
            Map<String, byte[]> held = bundle.under(AuditBundle.OUTPUTS);
            boolean allMatch = true;
            for (String name : d.outputs()) {
                boolean same = held.containsKey(name) && rerun.containsKey(name)
                        && Arrays.equals(held.get(name), rerun.get(name));
                out.println((same ? "OK " : "DIFFERS ") + name);
                allMatch &= same;
            }
            out.flush();
            return allMatch ? ExitCode.OK : ExitCode.INPUT_ERRORS;
        } finally {
            Folders.deleteTree(work);
        }
    }

    private int refuse(PrintWriter err, String why) {
        err.println("wattledger: the bundle " + file + " cannot be verified: " + why);
        err.flush();
        return ExitCode.INPUT_ERRORS;
    }

    /**
     * Unpacks the inputs, factor sheets and releases into {@code work}, parses the recorded options
     * as {@code report} would, and runs the pipeline with the bundle's releases. Returns the
     * outputs, or null (after saying why) when the bundle cannot be re-run.
     */
    private Map<String, byte[]> rerun(AuditBundle.Bundle bundle, Path work, PrintWriter err) {
        AuditBundle.Description d = bundle.description();
        FactorLibrary releases;
        try {
            unpack(bundle.under(AuditBundle.INPUTS), work.resolve("inputs"));
            unpack(bundle.under(AuditBundle.FACTOR_SHEETS), work.resolve("factor-sheets"));
            Path releaseRoot = work.resolve("releases");
            unpack(bundle.under(AuditBundle.RELEASES), releaseRoot);
            releases = FactorLibrary.empty();
            if (Files.isDirectory(releaseRoot)) {
                releases = releases.withReleaseRoot(releaseRoot);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FactorSetException e) {
            refuse(err, "its factor releases cannot be used: " + e.getMessage());
            return null;
        }
        List<String> args = new ArrayList<>();
        for (String input : d.inputs()) {
            Path p = work.resolve("inputs").resolve(input);
            if (!p.normalize().startsWith(work.resolve("inputs")) || !Files.exists(p)) {
                refuse(err, "it names the input " + input + " but does not hold it");
                return null;
            }
            args.add(p.toString());
        }
        List<String> options = d.options();
        for (int i = 0; i < options.size(); i++) {
            String word = options.get(i);
            args.add(word);
            if (word.equals("--factor-sheet") && i + 1 < options.size()) {
                // the sheet is named as the bundle holds it; the report names it the same way
                args.add(work.resolve("factor-sheets").resolve(options.get(++i)).toString());
            }
        }
        ReportCommand report = new ReportCommand();
        try {
            new CommandLine(report).parseArgs(args.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            refuse(err, "this version cannot read its options " + d.options() + ": " + e.getMessage());
            return null;
        }
        report.calculation.bundleReleases = releases;
        Pipeline.Outcome outcome = Pipeline.run(report.inputs, report.calculation, report.lineage, err);
        return AuditBundle.outputs(outcome.results(), outcome.meta());
    }

    /** Writes files under {@code dir}; names were checked when the bundle was read, and are checked again here. */
    private static void unpack(Map<String, byte[]> files, Path dir) throws IOException {
        Path root = dir.toAbsolutePath().normalize();
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            Path target = root.resolve(e.getKey()).normalize();
            if (!target.startsWith(root)) {
                throw new AuditBundle.Refused("it has an entry outside its folders: " + e.getKey());
            }
            Files.createDirectories(target.getParent());
            Files.write(target, e.getValue());
        }
    }
}
