package org.wattledger.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code demo} end to end: the bundled company through the jar, checked against tools/demo/expected.md. */
final class DemoCommandIT {
    @TempDir
    static Path dir;

    static Jar.Run run;
    static JsonNode report;

    @BeforeAll
    static void runDemo() throws Exception {
        run = Jar.run(dir, "demo", "--out", "out");
        report = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .readTree(dir.resolve("out/report.json").toFile());
    }

    private static JsonNode site(String id) {
        for (JsonNode s : report.get("sites")) {
            if (s.get("site").asText().equals(id)) {
                return s;
            }
        }
        throw new AssertionError("no site " + id);
    }

    @Test
    void demoIsCompleteAndWritesEveryFormat() throws Exception {
        assertEquals(ExitCode.OK, run.exitCode(), run.stderr());
        assertTrue(report.get("complete").asBoolean(), report.get("issues").toString());
        for (String f : new String[] {"report.json", "report.html", "report.xlsx"}) {
            assertTrue(Files.size(dir.resolve("out").resolve(f)) > 1000, f);
        }
        try (Stream<Path> files = Files.list(dir.resolve("out"))) {
            long charts = files.filter(p -> p.toString().endsWith(".png")).count();
            assertTrue(charts >= 3, "charts: " + charts);
        }
        assertTrue(ImageIO.read(dir.resolve("out/emissions-by-month.png").toFile()).getWidth() >= 800);
        assertTrue(run.stdout().contains("DC-ULANQAB"), run.stdout());
        assertTrue(run.stdout().contains("report.html"), run.stdout());
    }

    @Test
    void totalsMatchTheDemoGeneratorsSums() {
        // tools/demo/expected.md, 2024: company water 300,218.3 m3 (OFF-SH's tonnes counted 1 t = 1 m3).
        assertEquals(0, new BigDecimal("300218.3").compareTo(report.get("totals").get("water").get("value").decimalValue()));
        // Company electricity 2024: 311,615,138.4 kWh (role main only; IT meters never add), incl. the register feed.
        assertEquals(0, new BigDecimal("311615.1384").compareTo(report.get("totals").get("electricity").get("value").decimalValue()));
        assertEquals("2024-01-01", report.get("period").get("from").asText());
        assertEquals("2025-01-01", report.get("period").get("to").asText());
    }

    @Test
    void dataCentrePueIsTheRatioOfAnnualSumsIncludingGeneratorDiesel() {
        // expected.md, DC-GUIAN 2024: facility electricity 114,165,858.4 kWh, IT 85,937,762.4 kWh,
        // diesel 15,963.9 kg at the China set's 42.652 GJ/t = 680,876.2188 MJ.
        BigDecimal facilityMj = new BigDecimal("114165858.4").multiply(new BigDecimal("3.6"))
                .add(new BigDecimal("15963.9").multiply(new BigDecimal("42.652")));
        BigDecimal itMj = new BigDecimal("85937762.4").multiply(new BigDecimal("3.6"));
        BigDecimal expected = facilityMj.divide(itMj, MathContext.DECIMAL128);
        BigDecimal pue = site("DC-GUIAN").get("pue").get("value").decimalValue();
        assertEquals(0, expected.round(new MathContext(30)).compareTo(pue.round(new MathContext(30))), pue.toPlainString());
        assertTrue(pue.compareTo(new BigDecimal("1.2")) > 0 && pue.compareTo(new BigDecimal("1.5")) < 0);
        BigDecimal wue = site("DC-GUIAN").get("wue").get("value").decimalValue();
        assertTrue(wue.compareTo(new BigDecimal("0.2")) > 0 && wue.compareTo(new BigDecimal("1.8")) < 0);
        assertFalse(site("OFF-BJ").has("pue"), "an office has no PUE");
    }

    @Test
    void targetsAreTracked() {
        assertTrue(report.get("targets").size() >= 3);
        JsonNode t1 = report.get("targets").get(0);
        assertEquals("T1", t1.get("id").asText());
        // SBTi 1.5 °C: 2030 target = base × (1 − 0.042 × 8) = base × 0.664.
        BigDecimal base = t1.get("baseValue").get("value").decimalValue();
        assertEquals(0, base.multiply(new BigDecimal("0.664")).compareTo(t1.get("targetValue").get("value").decimalValue()));
    }

    @Test
    void demoOutputIsByteIdenticalOnASecondRun() throws Exception {
        Jar.Run again = Jar.run(dir, "demo", "--out", "again");
        assertEquals(ExitCode.OK, again.exitCode(), again.stderr());
        assertArrayEquals(Files.readAllBytes(dir.resolve("out/report.json")), Files.readAllBytes(dir.resolve("again/report.json")));
        assertArrayEquals(Files.readAllBytes(dir.resolve("out/report.xlsx")), Files.readAllBytes(dir.resolve("again/report.xlsx")));
    }
}
