package org.wattledger.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.wattledger.engine.model.Inventory;
import org.wattledger.engine.model.Issue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code validate INPUT...}: every issue an import and a calculation would raise, without writing a report. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check inputs: list every issue with file, sheet, row and column, and the row tally. Writes nothing.")
final class ValidateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "INPUT")
    List<Path> inputs;

    @Mixin
    CalculationOptions calculation;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        return Runs.guard(err, () -> {
            Pipeline.Outcome outcome = Pipeline.run(inputs, calculation, false, err);
            Inventory.RowTally rows = outcome.results().calculation().inventory().rows();
            List<Issue> issues = outcome.results().issues();
            for (Issue issue : issues) {
                out.println(issue);
            }
            long errors = issues.stream().filter(Issue::isError).count();
            out.println("rows read " + rows.read() + ", accepted " + rows.accepted() + ", rejected " + rows.rejected()
                    + "; " + errors + (errors == 1 ? " error" : " errors") + ", " + (issues.size() - errors) + " other issues");
            out.flush();
            return errors == 0 ? ExitCode.OK : ExitCode.INPUT_ERRORS;
        });
    }
}
