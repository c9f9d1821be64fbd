package org.wattledger.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code report INPUT...}: the main job on a user's workbooks, folders or CSV files. */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Calculate Scope 1/2, energy, data-centre metrics and targets for the inputs and write the report.")
final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "An .xlsx/.xls workbook, a folder of CSV files, or a readings .csv.")
    List<Path> inputs;

    @Mixin
    CalculationOptions calculation;

    @Option(names = "--format", paramLabel = "text|json|csv|html|xlsx",
            description = "Output format. Without --out it goes to standard output (text by default);"
                    + " with --out and no --format every format and the charts are written.")
    String format;

    @Option(names = "--out", paramLabel = "DIR", description = "Folder to write the report files into.")
    Path out;

    @Option(names = "--lineage", description = "Include in the JSON report the rows and factors behind every figure.")
    boolean lineage;

    @Option(names = "--bundle", paramLabel = "FILE.zip",
            description = "Also write an audit bundle: the inputs, the factor releases and rows used, the options and"
                    + " the outputs, with their SHA-256s; `verify FILE.zip` re-runs it offline.")
    Path bundle;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Outputs.Format f = format == null ? (out == null ? Outputs.Format.TEXT : Outputs.Format.ALL) : Outputs.Format.parse(format);
        if (out != null) {
            Outputs.checkFolder(out);
            Outputs.preload(f);
        }
        if (bundle != null) {
            Bundles.checkTarget(bundle, inputs, calculation.factorSheets);
        }
        return Runs.guard(err, () -> {
            Pipeline.Outcome outcome = Pipeline.run(inputs, calculation, lineage, err);
            if (out == null) {
                Outputs.writeStdout(outcome, f, spec.commandLine().getOut());
            } else {
                List<Path> files = Outputs.writeFiles(outcome, f, out);
                files.forEach(p -> err.println("wrote " + p));
            }
            if (bundle != null) {
                Bundles.write(bundle, inputs, calculation, outcome);
                err.println("wrote " + bundle);
            }
            Outputs.reportIssues(outcome.results(), err);
            return outcome.results().complete() ? ExitCode.OK : ExitCode.INPUT_ERRORS;
        });
    }
}
