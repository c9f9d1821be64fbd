package org.wattledger.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wattledger.ledger.LedgerLocation;
import org.wattledger.ledger.PostgresCluster;

/**
 * A real {@code java -jar wattledger.jar import} killed (SIGKILL) while it inserts a big batch
 * leaves no trace in the ledger: no batch, no reading, no file; the same file then imports as
 * batch 1, and the jar reports from the ledger. On the embedded database and on PostgreSQL.
 */
final class LedgerKillIT {
    /** 500 meters × 200 days: long enough an import to be caught inserting. */
    private static final int METERS = 500;
    private static final int DAYS = 200;
    private static final int ROWS = METERS * DAYS;

    @TempDir
    Path dir;

    private Path bigReadings() throws IOException {
        Path f = dir.resolve("big/readings.csv");
        Files.createDirectories(f.getParent());
        try (BufferedWriter w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
            w.write("site,meter,carrier,from,to,quantity,unit\n");
            LocalDate start = LocalDate.of(2024, 1, 1);
            for (int d = 0; d < DAYS; d++) {
                LocalDate day = start.plusDays(d);
                for (int m = 0; m < METERS; m++) {
                    w.write("S1,E" + m + ",electricity," + day + "," + day + ",1.5,kWh\n");
                }
            }
        }
        return f;
    }

    private static Process start(Path workDir, String... args) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new java.util.ArrayList<>(List.of(java, "-Xmx512m", "-jar", Jar.path().toAbsolutePath().toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(workDir.resolve("killed-import.log").toFile()).start();
    }

    /** Waits until the import holds a lock on the reading table (it is inserting readings), then kills it. */
    private static void killWhileInserting(Process p, LedgerLocation location, String lockQuery) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        try (Connection c = DriverManager.getConnection(location.jdbcUrl(), location.user(), location.password());
                Statement s = c.createStatement()) {
            while (true) {
                assertTrue(p.isAlive(), "the import ended before it could be killed; make the file bigger");
                assertTrue(System.nanoTime() < deadline, "the import never started inserting readings");
                try (ResultSet rs = s.executeQuery(lockQuery)) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        break;
                    }
                }
                Thread.sleep(20);
            }
            p.destroyForcibly(); // SIGKILL: no shutdown hook, no rollback by the process itself
            assertTrue(p.waitFor(1, TimeUnit.MINUTES));
            assertEquals(137, p.exitValue(), "killed by SIGKILL");
        } catch (SQLException expected) {
            // The embedded ledger's server was in the killed process: the connection ends with it.
        }
    }

    private static long count(LedgerLocation location, String table) throws SQLException {
        try (Connection c = DriverManager.getConnection(location.jdbcUrl(), location.user(), location.password());
                Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void killedImportLeavesNothing(String ledger, LedgerLocation location, String lockQuery) throws Exception {
        Path big = bigReadings();
        // The ledger exists (schema made) before the import that is killed.
        Jar.Run created = Jar.run(dir, "history", "--ledger", ledger);
        assertEquals(0, created.exitCode(), created.stderr());
        Process p = start(dir, "import", big.getParent().toString(), "--ledger", ledger);
        killWhileInserting(p, location, lockQuery);

        for (String table : List.of("batch", "batch_file", "reading", "site", "batch_issue")) {
            assertEquals(0, count(location, table), table + " holds rows of the killed import");
        }
        Jar.Run history = Jar.run(dir, "history", "--ledger", ledger);
        assertEquals("the ledger holds no batch yet\n", history.stdout(), history.stderr());

        Jar.Run again = Jar.run(dir, "import", big.getParent().toString(), "--ledger", ledger);
        assertEquals(0, again.exitCode(), again.stderr());
        assertEquals("batch 1: read " + ROWS + ", accepted " + ROWS + ", rejected 0\n", again.stdout());
        assertEquals(ROWS, count(location, "reading"));
        Jar.Run json = Jar.run(dir, "history", "--ledger", ledger, "--format", "json");
        JsonNode batches = new ObjectMapper().readTree(json.stdout());
        assertEquals(1, batches.size());
        assertEquals(ROWS, batches.get(0).get("accepted").asInt());
    }

    @Test
    void aKilledImportLeavesNoPartialBatchInTheEmbeddedLedger() throws Exception {
        String ledger = dir.resolve("ledger").toString();
        killedImportLeavesNothing(ledger, LedgerLocation.folder(dir.resolve("ledger")),
                "SELECT COUNT(*) FROM INFORMATION_SCHEMA.LOCKS WHERE TABLE_NAME = 'READING'");
    }

    @Test
    void aKilledImportLeavesNoPartialBatchInPostgres() throws Exception {
        String ledger = PostgresCluster.get().newDatabase();
        killedImportLeavesNothing(ledger, LedgerLocation.resolve(ledger, Map.of()),
                "SELECT COUNT(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation WHERE c.relname = 'reading'");
    }
}
