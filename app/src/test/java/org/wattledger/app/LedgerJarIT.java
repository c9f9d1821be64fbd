package org.wattledger.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ledger flow with the real jar in its own JVM, on the default embedded ledger
 * ({@code ./wattledger-ledger/} in the working folder): the shaded jar must carry the migrations,
 * the database drivers and Flyway's plugins, and print nothing else on standard output.
 */
final class LedgerJarIT {
    @TempDir
    Path dir;

    @Test
    void importReportDuplicateCorrectionAsOfAndHistoryWithTheJar() throws Exception {
        Path first = Files.createDirectories(dir.resolve("first"));
        Files.writeString(first.resolve("readings.csv"), "site,meter,carrier,from,to,quantity,unit\n"
                + "S1,E1,electricity,2024-01-01,2024-01-31,1000,kWh\n");
        Path corrected = Files.createDirectories(dir.resolve("corrected"));
        Files.writeString(corrected.resolve("readings.csv"), "site,meter,carrier,from,to,quantity,unit\n"
                + "S1,E1,electricity,2024-01-01,2024-01-31,1200,kWh\n");

        Jar.Run imported = Jar.run(dir, "import", "first");
        assertEquals(0, imported.exitCode(), imported.stderr());
        assertEquals("batch 1: read 1, accepted 1, rejected 0\n", imported.stdout());
        assertTrue(Files.isRegularFile(dir.resolve("wattledger-ledger/ledger.mv.db")), "the default embedded ledger");

        Jar.Run r1 = Jar.run(dir, "report", "--ledger", "wattledger-ledger", "--period", "2024-01", "--format", "json");
        JsonNode json = new ObjectMapper().readTree(r1.stdout());
        assertEquals(1, json.get("rows").get("accepted").asInt());
        // 1,000 kWh = 1 MWh of electricity.
        assertEquals(0, new java.math.BigDecimal("1").compareTo(json.get("totals").get("electricity").get("value").decimalValue()));

        Jar.Run again = Jar.run(dir, "import", "first");
        assertEquals(3, again.exitCode());
        assertTrue(again.stderr().startsWith("wattledger: duplicate batch: readings.csv has the same bytes"), again.stderr());

        Jar.Run correction = Jar.run(dir, "import", "corrected", "--supersedes", "1");
        assertEquals("batch 2: read 1, accepted 1, rejected 0\n", correction.stdout());
        Jar.Run r2 = Jar.run(dir, "report", "--ledger", "wattledger-ledger", "--period", "2024-01", "--format", "json");
        // 1,200 kWh = 1.2 MWh after the correction.
        assertEquals(0, new java.math.BigDecimal("1.2").compareTo(
                new ObjectMapper().readTree(r2.stdout()).get("totals").get("electricity").get("value").decimalValue()));
        Jar.Run asOf = Jar.run(dir, "report", "--ledger", "wattledger-ledger", "--as-of", "1", "--period", "2024-01",
                "--format", "json");
        assertArrayEquals(r1.stdoutBytes(), asOf.stdoutBytes());

        Jar.Run history = Jar.run(dir, "history", "--format", "json");
        JsonNode batches = new ObjectMapper().readTree(history.stdout());
        assertEquals(2, batches.get(0).get("supersededBy").asInt());
        assertEquals(1, batches.get(1).get("supersedes").asInt());
    }

    @Test
    void twoProcessesImportIntoOneEmbeddedLedgerAtOnce() throws Exception {
        // Two files, two meters: 1,000 kWh and 2,000 kWh; together 3 MWh of electricity.
        for (String[] f : new String[][] {{"a", "E1", "1000"}, {"b", "E2", "2000"}}) {
            Path folder = Files.createDirectories(dir.resolve(f[0]));
            Files.writeString(folder.resolve("readings.csv"), "site,meter,carrier,from,to,quantity,unit\n"
                    + "S1," + f[1] + ",electricity,2024-01-01,2024-01-31," + f[2] + ",kWh\n");
        }
        String javaCommand = ProcessHandle.current().info().command().orElse("java");
        String jar = Jar.path().toAbsolutePath().toString();
        Process a = new ProcessBuilder(javaCommand, "-jar", jar, "import", "a").directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(dir.resolve("a.log").toFile()).start();
        Process b = new ProcessBuilder(javaCommand, "-jar", jar, "import", "b").directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(dir.resolve("b.log").toFile()).start();
        assertTrue(a.waitFor(5, TimeUnit.MINUTES) && b.waitFor(5, TimeUnit.MINUTES));
        assertEquals(0, a.exitValue(), Files.readString(dir.resolve("a.log")));
        assertEquals(0, b.exitValue(), Files.readString(dir.resolve("b.log")));
        String both = Files.readString(dir.resolve("a.log")) + Files.readString(dir.resolve("b.log"));
        assertTrue(both.contains("batch 1: read 1, accepted 1, rejected 0") && both.contains("batch 2: read 1, accepted 1,"
                + " rejected 0"), both);
        Jar.Run report = Jar.run(dir, "report", "--ledger", "wattledger-ledger", "--period", "2024-01", "--format", "json");
        assertEquals(0, new java.math.BigDecimal("3").compareTo(new ObjectMapper().readTree(report.stdout()).get("totals")
                .get("electricity").get("value").decimalValue()), report.stdout());
    }
}
