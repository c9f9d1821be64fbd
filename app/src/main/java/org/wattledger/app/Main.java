package org.wattledger.app;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.util.Optional;
import picocli.CommandLine;

/** Entry point of {@code wattledger.jar}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        Optional<Integer> relaunched = FastStart.relaunch(args);
        if (relaunched.isPresent()) {
            System.exit(relaunched.get());
        }
        Preload.startFor(args);
        // The raw descriptors, not System.out: a PrintStream swallows write errors (a full disk), and
        // a report that was not written must not exit 0.
        System.exit(run(new FileOutputStream(FileDescriptor.out), new FileOutputStream(FileDescriptor.err), args));
    }

    /**
     * Runs the command line on the given streams and returns its exit code; tests call this in
     * the same JVM. A write to {@code stdout} that fails turns any result into exit 1 with one line
     * on {@code stderr}.
     */
    static int run(OutputStream stdout, OutputStream stderr, String... args) {
        // Apache POI logs through Log4j 2; without a backend it would print a warning on every run.
        System.setProperty("log4j2.loggerContextFactory", "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
        System.setProperty("org.apache.logging.log4j.simplelog.StatusLogger.level", "OFF");
        System.setProperty("java.awt.headless", "true");
        WatchedStream out = new WatchedStream(stdout);
        CommandLine cli = commandLine(Terminal.writer(out), Terminal.writer(stderr), args);
        int code = cli.execute(args);
        cli.getOut().flush();
        if (out.failure() != null) {
            cli.getErr().println("wattledger: cannot write to standard output: " + Outputs.reason(out.failure()));
            cli.getErr().flush();
            return ExitCode.SOFTWARE;
        }
        cli.getErr().flush();
        return code;
    }

    /**
     * The command line for {@code args}: every command, or only the one {@code args} starts with
     * (its usage and errors are the same either way; the root's usage, which lists them all, is
     * not shown then).
     */
    static CommandLine commandLine(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new WattledgerCommand());
        String named = args.length > 0 && WattledgerCommand.COMMANDS.containsKey(args[0]) && !args[0].equals("help")
                ? args[0] : null;
        WattledgerCommand.COMMANDS.forEach((name, command) -> {
            if (named == null || name.equals(named)) {
                cli.addSubcommand(name, command.get());
            }
        });
        cli.setOut(out);
        cli.setErr(err);
        cli.setExitCodeExceptionMapper(e -> e instanceof UsageException || e instanceof picocli.CommandLine.ParameterException
                ? ExitCode.USAGE : ExitCode.SOFTWARE);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof UsageException) {
                commandLine.getErr().println("wattledger: " + e.getMessage());
                return ExitCode.USAGE;
            }
            if (e instanceof Outputs.WriteFailed) {
                commandLine.getErr().println("wattledger: " + e.getMessage());
                return ExitCode.SOFTWARE;
            }
            commandLine.getErr().println("wattledger: internal error: " + e);
            e.printStackTrace(commandLine.getErr());
            return ExitCode.SOFTWARE;
        });
        return cli;
    }
}
