package org.wattledger.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.wattledger.ledger.AsOf;
import org.wattledger.ledger.BatchSummary;
import org.wattledger.ledger.Ledger;
import org.wattledger.ledger.LedgerView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code report INPUT...} or {@code report --ledger URL [--as-of ...]}: the main job on a user's files or on a ledger's rows. */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Calculate Scope 1/2, energy, data-centre metrics and targets for the inputs and write the report.")
final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "INPUT", description = "An .xlsx/.xls workbook, a folder of CSV files, or a"
            + " readings .csv; or none, with --ledger.")
    List<Path> inputs = new ArrayList<>();

    @Option(names = "--ledger", paramLabel = "URL", description = "Report the rows stored in this ledger (a folder, or"
            + " jdbc:postgresql://HOST:PORT/DB) instead of INPUT files.")
    String ledger;

    @Option(names = "--as-of", paramLabel = "BATCH|ISO-TIMESTAMP", description = "With --ledger: the ledger as it stood"
            + " right after batch BATCH, or at the timestamp (2026-01-31T17:00:00Z; UTC when no offset is given).")
    String asOf;

    @Mixin
    CalculationOptions calculation;

    @Option(names = "--format", paramLabel = "text|json|csv|html|xlsx|eu-dc",
            description = "Output format. Without --out it goes to standard output (text by default);"
                    + " with --out and no --format every format and the charts are written.")
    String format;

    @Option(names = "--out", paramLabel = "DIR", description = "Folder to write the report files into.")
    Path out;

    @Option(names = "--lang", paramLabel = "en|zh", defaultValue = "en", description = "Language of the HTML, xlsx,"
            + " text and charts: en (default) or zh (simplified Chinese). JSON and CSV stay English.")
    String lang;

    @Option(names = "--lineage", description = "Include in the JSON report the rows and factors behind every figure.")
    boolean lineage;

    @Option(names = "--bundle", paramLabel = "FILE.zip",
            description = "Also write an audit bundle: the inputs, the factor releases and rows used, the options and"
                    + " the outputs, with their SHA-256s; `verify FILE.zip` re-runs it offline.")
    Path bundle;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        org.wattledger.reports.Labels.Language language = Outputs.language(lang);
        Outputs.Format f = format == null ? (out == null ? Outputs.Format.TEXT : Outputs.Format.ALL) : Outputs.Format.parse(format);
        if (out != null) {
            Outputs.checkFolder(out);
            Outputs.preload(f);
        }
        if (bundle != null) {
            Bundles.checkTarget(bundle, inputs, calculation.factorSheets);
        }
        if (ledger == null && asOf != null) {
            throw new UsageException("--as-of needs --ledger URL");
        }
        if (ledger != null && !inputs.isEmpty()) {
            throw new UsageException("give INPUT files or --ledger, not both");
        }
        if (ledger == null && inputs.isEmpty()) {
            // As picocli says it for a required parameter, with the usage after it.
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "Missing required parameter: 'INPUT' (or --ledger URL)");
        }
        return Runs.guard(err, () -> {
            Pipeline.Outcome outcome = ledger == null ? Pipeline.run(inputs, calculation, lineage, err)
                    : fromLedger(err);
            Pipeline.Outcome readable = Outputs.inLanguage(outcome, language);
            if (out == null) {
                Outputs.writeStdout(readable, f, spec.commandLine().getOut());
            } else {
                List<Path> files = Outputs.writeFiles(readable, f, out);
                files.forEach(p -> err.println("wrote " + p));
            }
            if (bundle != null) {
                if (ledgerInputs != null) {
                    Bundles.write(bundle, ledgerInputs.names(), ledgerInputs.blobs(), calculation, outcome);
                } else {
                    Bundles.write(bundle, inputs, calculation, outcome);
                }
                err.println("wrote " + bundle);
            }
            Outputs.reportIssues(outcome.results(), err);
            return outcome.results().complete() ? ExitCode.OK : ExitCode.INPUT_ERRORS;
        });
    }

    /** With --ledger and --bundle: the active batches' files, read while the ledger is open. */
    private Bundles.LedgerInputs ledgerInputs;

    /**
     * The report of the ledger's active batches as of --as-of (else now); each batch's tally on
     * standard error. The readings are streamed from the ledger while it is open, one meter at a time.
     */
    private Pipeline.Outcome fromLedger(PrintWriter err) {
        AsOf when = asOf == null ? AsOf.LATEST : AsOf.parse(asOf);
        try (Ledger l = Ledgers.open(ledger)) {
            LedgerView view = l.viewWithoutReadings(when);
            if (bundle != null) {
                ledgerInputs = Bundles.ledgerInputs(l, view.activeBatches());
            }
            for (BatchSummary b : view.activeBatches()) {
                err.println("batch " + b.batch() + ": read " + b.read() + ", accepted " + b.accepted() + ", rejected "
                        + b.rejected());
            }
            err.flush();
            return Pipeline.run(l, view, calculation, lineage);
        }
    }
}
