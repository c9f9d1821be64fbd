package org.wattledger.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher the build writes, run as a user would: Spark from target/lib, the job from the shaded jar. */
class LauncherIT {
    @TempDir
    Path dir;

    /**
     * Two hourly rows of meter M1 at site S1 (CN-NORTH) in 2024-01, 1.5 + 2.5 kWh = 4 kWh =
     * 0.004 MWh; the rest of the month has no reading, so the report is incomplete (exit 3).
     */
    @Test
    void launcherRunsTheJobOnThisMachine() throws Exception {
        Path launcher = Path.of(System.getProperty("wattledger.spark.local", "target/wattledger-spark-local"));
        assertTrue(Files.isExecutable(launcher), launcher + " is missing or not executable: the package phase writes it");
        Path readings = dir.resolve("readings.csv");
        Files.writeString(readings, "site,meter,carrier,from,to,quantity,unit\n"
                + "S1,M1,electricity,2024-01-01 00:00,2024-01-01 01:00,1.5,kWh\n"
                + "S1,M1,electricity,2024-01-01 01:00,2024-01-01 02:00,2.5,kWh\n", StandardCharsets.UTF_8);
        Path sites = dir.resolve("sites.csv");
        Files.writeString(sites, "site,region\nS1,CN-NORTH\n", StandardCharsets.UTF_8);
        Path out = dir.resolve("out");
        Process p = new ProcessBuilder(List.of(launcher.toString(), "--master", "local[2]", "--readings",
                readings.toString(), "--sites", sites.toString(), "--period", "2024-01", "--out", out.toString(),
                "--format", "json")).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), output);
        assertEquals(SparkReport.INCOMPLETE, p.exitValue(), output);
        assertTrue(output.contains("rows read 2, accepted 2, rejected 0"), output);
        JsonNode json = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .readTree(out.resolve("report.json").toFile());
        assertEquals(0, new BigDecimal("0.004").compareTo(json.at("/totals/electricity/value").decimalValue()),
                json.at("/totals").toString());
    }
}
