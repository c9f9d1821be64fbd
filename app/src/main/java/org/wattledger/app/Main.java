package org.wattledger.app;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** Entry point of {@code wattledger.jar}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code (tests call this without exiting). */
    public static int run(String... args) {
        // Apache POI logs through Log4j 2; without a backend it would print a warning on every run.
        System.setProperty("log4j2.loggerContextFactory", "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
        System.setProperty("org.apache.logging.log4j.simplelog.StatusLogger.level", "OFF");
        System.setProperty("java.awt.headless", "true");
        CommandLine cli = commandLine();
        return cli.execute(args);
    }

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new WattledgerCommand());
        cli.setOut(new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
        cli.setErr(new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
        cli.setExitCodeExceptionMapper(e -> e instanceof UsageException || e instanceof picocli.CommandLine.ParameterException
                ? ExitCode.USAGE : ExitCode.SOFTWARE);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof UsageException) {
                commandLine.getErr().println("wattledger: " + e.getMessage());
                return ExitCode.USAGE;
            }
            commandLine.getErr().println("wattledger: internal error: " + e);
            e.printStackTrace(commandLine.getErr());
            return ExitCode.SOFTWARE;
        });
        return cli;
    }
}
