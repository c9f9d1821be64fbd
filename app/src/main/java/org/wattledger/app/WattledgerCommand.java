package org.wattledger.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root command: {@code wattledger demo | report | verify | validate | import | history | serve | factors | template | help [COMMAND]}. */
@Command(name = "wattledger", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Carbon and data-centre energy accounting: meter sheets in, Scope 1/2, energy, PUE/WUE and"
                + " targets out, every figure traceable to its rows and factors.",
        subcommands = {DemoCommand.class, ReportCommand.class, VerifyCommand.class, ValidateCommand.class,
                ImportCommand.class, HistoryCommand.class, ServeCommand.class, FactorsCommand.class,
                TemplateCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:software failure", "2:usage error",
                "3:the input had errors or a needed factor was missing (report written, \"complete\": false)"})
public final class WattledgerCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                "name a command: demo, report, verify, validate, import, history, serve, factors, template or help");
    }
}
