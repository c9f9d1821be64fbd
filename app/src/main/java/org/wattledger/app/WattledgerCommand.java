package org.wattledger.app;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root command: {@code wattledger demo | report | verify | validate | import | history | serve | factors | template | help [COMMAND]}. */
@Command(name = "wattledger", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Carbon and data-centre energy accounting: meter sheets in, Scope 1/2, energy, PUE/WUE and"
                + " targets out, every figure traceable to its rows and factors.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:software failure", "2:usage error",
                "3:the input had errors or a needed factor was missing (report written, \"complete\": false)"})
public final class WattledgerCommand implements Runnable {
    /**
     * The commands, in the order the usage lists them. Added by {@link Main} (all of them, or only
     * the one a command line names: building a command's options costs picocli a few milliseconds
     * each at every start).
     */
    static final Map<String, Supplier<Object>> COMMANDS = commands();

    private static Map<String, Supplier<Object>> commands() {
        Map<String, Supplier<Object>> m = new LinkedHashMap<>();
        m.put("demo", DemoCommand::new);
        m.put("report", ReportCommand::new);
        m.put("verify", VerifyCommand::new);
        m.put("validate", ValidateCommand::new);
        m.put("import", ImportCommand::new);
        m.put("history", HistoryCommand::new);
        m.put("serve", ServeCommand::new);
        m.put("factors", FactorsCommand::new);
        m.put("template", TemplateCommand::new);
        m.put("help", CommandLine.HelpCommand::new);
        return Collections.unmodifiableMap(m);
    }

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                "name a command: demo, report, verify, validate, import, history, serve, factors, template or help");
    }
}
