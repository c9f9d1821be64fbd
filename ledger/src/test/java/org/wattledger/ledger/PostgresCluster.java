package org.wattledger.ledger;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real, throw-away PostgreSQL server for tests: {@code initdb} and {@code pg_ctl start} on a free
 * local port with a private socket folder, as user {@code postgres} when the tests run as root;
 * stopped and deleted when the JVM exits. One server per JVM; each test gets a database of its own
 * ({@link #newDatabase}).
 *
 * <p>{@code WATTLEDGER_TEST_POSTGRES} may name a server to use instead
 * ({@code jdbc:postgresql://HOST:PORT/DB?user=...}; its user must be allowed to create databases).
 * Without it, PostgreSQL must be installed ({@code initdb} under {@code /usr/lib/postgresql/<version>/bin}
 * or on the PATH): otherwise the tests fail with a message saying so; they are never skipped.
 */
public final class PostgresCluster {
    public static final String URL_VARIABLE = "WATTLEDGER_TEST_POSTGRES";
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static PostgresCluster started;

    private final String serverUrl;
    private final String host;
    private final int port;
    private final String query;

    private PostgresCluster(String host, int port, String query) {
        this.host = host;
        this.port = port;
        this.query = query;
        this.serverUrl = "jdbc:postgresql://" + host + ":" + port + "/postgres" + query;
    }

    /** The server of this JVM, started on first use. */
    public static synchronized PostgresCluster get() {
        if (started == null) {
            String given = System.getenv(URL_VARIABLE);
            started = given != null && !given.isBlank() ? fromUrl(given.strip()) : startLocal();
        }
        return started;
    }

    /** A new, empty database on the server, as a JDBC URL with its user. */
    public String newDatabase() {
        String name = "wattledger_test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection c = DriverManager.getConnection(serverUrl); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test database on " + serverUrl + ": " + e.getMessage(), e);
        }
        return "jdbc:postgresql://" + host + ":" + port + "/" + name + query;
    }

    private static PostgresCluster fromUrl(String url) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)/[^?]*(\\?.*)?")
                .matcher(url);
        if (!m.matches()) {
            throw new IllegalStateException(URL_VARIABLE + " must look like jdbc:postgresql://HOST:PORT/DB?user=NAME, not " + url);
        }
        return new PostgresCluster(m.group(1), Integer.parseInt(m.group(2)), m.group(3) == null ? "" : m.group(3));
    }

    private static PostgresCluster startLocal() {
        Path bin = binaries();
        try {
            boolean root = "root".equals(System.getProperty("user.name"));
            Path dir = Files.createTempDirectory("wattledger-pg");
            Path data = dir.resolve("data");
            Path sockets = Files.createDirectories(dir.resolve("sockets"));
            if (root) {
                run(List.of("chown", "-R", "postgres:postgres", dir.toString()), false);
            }
            run(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres", "--auth=trust",
                    "-E", "UTF8", "--locale=C", "--no-sync"), root);
            int port;
            try (ServerSocket free = new ServerSocket(0)) {
                port = free.getLocalPort();
            }
            run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", dir.resolve("server.log").toString(),
                    "-w", "-o", "-p " + port + " -k " + sockets + " -c listen_addresses=127.0.0.1 -c fsync=off", "start"),
                    root);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w", "stop"),
                            root);
                    try (Stream<Path> files = Files.walk(dir)) {
                        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                    }
                } catch (IOException | RuntimeException e) {
                    System.err.println("could not stop the test PostgreSQL server in " + dir + ": " + e.getMessage());
                }
            }));
            return new PostgresCluster("127.0.0.1", port, "?user=postgres");
        } catch (IOException e) {
            throw new IllegalStateException("cannot start a test PostgreSQL server: " + e.getMessage(), e);
        }
    }

    /** The newest installed PostgreSQL's bin folder; a clear failure when there is none. */
    private static Path binaries() {
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                Path newest = versions.filter(v -> Files.isExecutable(v.resolve("bin/initdb")))
                        .max(Comparator.comparingInt(v -> versionNumber(v.getFileName().toString()))).orElse(null);
                if (newest != null) {
                    return newest.resolve("bin");
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "initdb"))) {
                return Path.of(dir);
            }
        }
        throw new IllegalStateException("PostgreSQL is not installed: no initdb under /usr/lib/postgresql/<version>/bin"
                + " or on the PATH. Install the Debian package postgresql (.ci/run does), or set " + URL_VARIABLE
                + " to a server's JDBC URL. These tests need a real server and are not skipped.");
    }

    private static int versionNumber(String name) {
        try {
            return Integer.parseInt(name.replaceAll("[^0-9].*", ""));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Runs a command (as user postgres when {@code asPostgres}), failing with its output when it fails. */
    private static void run(List<String> command, boolean asPostgres) throws IOException {
        List<String> full = new ArrayList<>();
        if (asPostgres) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        Path log = Files.createTempFile("wattledger-pg-cmd", ".log");
        if (asPostgres) {
            // runuser drops to postgres: it must be able to write the log.
            log.toFile().setWritable(true, false);
        }
        Process p = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            if (!p.waitFor(2, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", full) + " did not finish in 2 minutes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.deleteIfExists(log);
        if (p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", full) + " failed (exit " + p.exitValue() + "):\n" + output);
        }
    }
}
