package org.wattledger.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The few checks that need the real jar in its own JVM: the demo as a user first runs it, an exit
 * code a script sees, and standard output holding nothing but the JSON. Everything else runs in
 * process (see {@link Cli}).
 */
final class JarIT {
    @TempDir
    Path dir;

    @Test
    void theDemoWritesEveryFormatAndASummary() throws Exception {
        Jar.Run run = Jar.run(dir, "demo", "--out", "out");
        assertEquals(ExitCode.OK, run.exitCode(), run.stderr());
        Path out = dir.resolve("out");
        try (Stream<Path> files = Files.list(out)) {
            // The demo compares 2022 to 2024 (years, decomposition and their charts), discloses the HKEX and GHG Protocol
            // tables, and its data centres add their table over years, DC-GUIAN's hall-1 partial PUE and its contract.
            assertEquals(List.of("datacentre-years.csv", "decomposition.csv", "disclosures.csv", "drivers-waterfall.png",
                    "emissions-by-month.png", "energy-by-carrier.png", "issues.csv", "monthly.csv", "partial-pue.csv",
                    "pue-contracts.csv", "pue-contracts.png", "pue-wue-by-month.png", "report.html", "report.json",
                    "report.xlsx", "sites.csv", "summary.csv", "target-trajectory.png", "years-side-by-side.png",
                    "years.csv"), files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertEquals(1200, ImageIO.read(out.resolve("emissions-by-month.png").toFile()).getWidth());
        JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertEquals("2024-01-01", report.get("period").get("from").asText());
        assertTrue(report.get("complete").asBoolean());
        // Company electricity 2024, tools/demo/expected.md: 311,615,138.4 kWh = 311,615.1384 MWh.
        assertEquals("311615.1384", report.get("totals").get("electricity").get("value").decimalValue().toPlainString());
        assertTrue(run.stdout().contains("DC-ULANQAB"), run.stdout());
        assertTrue(run.stdout().contains(Path.of("out", "report.html").toString()), run.stdout());
    }

    @Test
    void aRejectedRowExitsWithThreeAndNamesTheCell() throws Exception {
        Path csv = dir.resolve("meters.csv");
        Files.writeString(csv, "site,meter,carrier,from,to,quantity,unit\n"
                + "S1,E1,electricity,2024-01-01,2024-01-31,10000,kWh\n"
                + "S1,E1,electricity,2024-02-01,2024-02-29,n/a,kWh\n");
        Jar.Run run = Jar.run(dir, "report", csv.toString(), "--factors", "cn@2026.1");
        assertEquals(ExitCode.INPUT_ERRORS, run.exitCode(), run.stderr());
        assertTrue(run.stderr().contains("error: meters.csv, row 3, column F: 'n/a' is not a number (expected a quantity"
                + " in kWh)"), run.stderr());
    }

    @Test
    void jsonOnStandardOutputIsTheOnlyThingThere() throws Exception {
        Path csv = dir.resolve("meters.csv");
        Files.writeString(csv, "site,meter,carrier,from,to,quantity,unit\n"
                + "S1,E1,electricity,2024-01-01,2024-01-31,10000,kWh\n"
                + "S1,E1,electricity,2024-02-01,2024-02-29,n/a,kWh\n");
        Jar.Run run = Jar.run(dir, "report", csv.toString(), "--factors", "cn@2026.1", "--format", "json");
        assertTrue(run.stdout().startsWith("{\n"), run.stdout());
        assertTrue(run.stdout().endsWith("}\n"), "nothing after the JSON");
        assertEquals("wattledger.report/1", new ObjectMapper().readTree(run.stdout()).get("schema").asText());
        assertTrue(run.stderr().contains("'n/a' is not a number"), "messages go to standard error: " + run.stderr());
    }
}
