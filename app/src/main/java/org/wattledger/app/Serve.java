package org.wattledger.app;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.wattledger.engine.model.Reading;
import org.wattledger.importers.ImportOptions;
import org.wattledger.importers.WorkbookImporter;
import org.wattledger.ledger.AsOf;
import org.wattledger.ledger.Ledger;
import org.wattledger.ledger.LedgerLocation;
import org.wattledger.ledger.LedgerView;
import org.wattledger.web.Backend;
import org.wattledger.web.Role;
import org.wattledger.web.Users;
import org.wattledger.web.WebServer;

/** {@code serve}'s work: open the ledger and its users, then run the web server until the process is stopped. */
final class Serve {
    private Serve() {
    }

    static int run(ServeCommand c) {
        PrintWriter out = c.spec.commandLine().getOut();
        PrintWriter err = c.spec.commandLine().getErr();
        String ledger = ledgerText(c.ledger, System.getenv());
        return Runs.guard(err, () -> {
            // Opening the ledger creates or migrates its schema before the users' table joins it.
            LedgerLocation location;
            try (Ledger l = Ledgers.open(ledger)) {
                location = l.location();
            }
            Users users = Users.open(location);
            if (c.createAdmin != null) {
                try (users) {
                    String password = users.create(c.createAdmin.strip(), Role.ADMIN);
                    out.println("user " + c.createAdmin.strip() + " (admin) created in " + location.display());
                    out.println("password: " + password);
                    out.println("This password works once: sign in and choose your own.");
                    out.flush();
                } catch (IllegalArgumentException e) {
                    throw new UsageException(e.getMessage());
                }
                return ExitCode.OK;
            }
            Path work = c.workFolder != null ? c.workFolder : tempFolder();
            WebServer server;
            try {
                server = WebServer.start(new WebServer.Options(ledger, c.bind, c.port, c.maxUploadMb * 1024 * 1024, work),
                        backend(), users);
            } catch (RuntimeException e) {
                users.close();
                throw new UsageException("cannot listen on " + c.bind + ":" + c.port + ": " + rootMessage(e));
            }
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.close();
                users.close();
                if (c.workFolder == null) {
                    deleteTree(work);
                }
                stopped.countDown();
            }, "wattledger-serve-stop"));
            out.println("wattledger serve: http://" + (c.bind.contains(":") ? "[" + c.bind + "]" : c.bind) + ":"
                    + server.port() + "/  (ledger " + location.display() + "; Ctrl+C stops)");
            if (users.all().isEmpty()) {
                out.println("No user yet: run  wattledger serve --create-admin NAME" + (c.ledger != null
                        ? " --ledger " + c.ledger : "") + "  to create the first one.");
            }
            out.flush();
            try {
                stopped.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return ExitCode.OK;
        });
    }

    /** The --ledger text every command of the server is given: the option, else $WATTLEDGER_LEDGER, else the default folder. */
    static String ledgerText(String option, Map<String, String> environment) {
        if (option != null && !option.isBlank()) {
            return option.strip();
        }
        String env = environment.getOrDefault(LedgerLocation.ENVIRONMENT_VARIABLE, "");
        return env.isBlank() ? LedgerLocation.DEFAULT_FOLDER : env.strip();
    }

    /** The command line, run in this JVM, and the years a ledger's rows touch. */
    static Backend backend() {
        return new Backend() {
            @Override
            public Run run(List<String> args) {
                ByteArrayOutputStream stdout = new ByteArrayOutputStream();
                ByteArrayOutputStream stderr = new ByteArrayOutputStream();
                int code = Main.run(stdout, stderr, args.toArray(String[]::new));
                return new Run(code, stdout.toByteArray(), stderr.toString(StandardCharsets.UTF_8));
            }

            @Override
            public List<Integer> years(String ledger, String asOf) {
                LedgerView view;
                try (Ledger l = Ledgers.open(ledger)) {
                    if (l.history().isEmpty()) {
                        return List.of(); // a new ledger: the dashboard invites an upload
                    }
                    view = l.view(asOf == null ? AsOf.LATEST : AsOf.parse(asOf));
                }
                return yearsOf(view.inventory().readings());
            }

            @Override
            public int targets(List<Path> inputs) {
                return WorkbookImporter.readAll(inputs, ImportOptions.builder().build()).inventory().targets().size();
            }
        };
    }

    /**
     * The calendar years from the earliest reading to the latest one, oldest first: a period's
     * reading counts from its start to the instant before its (exclusive) end; a register reading
     * (one instant) likewise, so that the closing reading at midnight on 1 January closes the year
     * before it and does not open an empty one (a single register reading alone spans no year).
     */
    static List<Integer> yearsOf(List<Reading> readings) {
        LocalDateTime first = null;
        LocalDateTime last = null;
        for (Reading r : readings) {
            LocalDateTime start = r.from() != null ? r.from() : r.to();
            LocalDateTime end = (r.to() != null ? r.to() : r.from()).minusSeconds(1);
            if (start == null) {
                continue;
            }
            first = first == null || start.isBefore(first) ? start : first;
            last = last == null || end.isAfter(last) ? end : last;
        }
        List<Integer> years = new ArrayList<>();
        if (first != null) {
            for (int y = first.getYear(); y <= last.getYear(); y++) {
                years.add(y);
            }
        }
        return years;
    }

    private static Path tempFolder() {
        try {
            return Files.createTempDirectory("wattledger-serve-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // The system's temporary folder is cleaned eventually; nothing of the ledger is in it.
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }
}
