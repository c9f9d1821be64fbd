package org.wattledger.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wattledger.factors.FactorLibrary;
import org.wattledger.factors.ReleaseManifest;
import org.wattledger.reports.AuditBundle;

/** {@code report --bundle} and {@code verify}, in process, on the demo company's files. */
final class VerifyCommandTest {
    private static final String ALL_OK = """
            OK report.json
            OK report.html
            OK report.xlsx
            OK summary.csv
            OK sites.csv
            OK monthly.csv
            OK issues.csv
            OK summary.txt
            """;
    /** OFF-BJ's main electricity meter, January 2024 (readings.csv row 433; no measurement_point or zone). */
    private static final String JANUARY_READING = "OFF-BJ,E-MAIN,electricity,,,main,,,2024-01-01,2024-01-31,364072.4,kWh";

    private static Path bundle(Path dir, String name) {
        Path demo = dir.resolve("demo");
        try {
            if (!Files.isDirectory(demo)) {
                DemoCommand.extract(demo);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Path zip = dir.resolve(name);
        Cli.Run run = Cli.run("report", demo.toString(), "--period", "2024", "--format", "json", "--out",
                dir.resolve("out-" + name).toString(), "--bundle", zip.toString());
        assertEquals(ExitCode.OK, run.exitCode(), run.stderr());
        assertTrue(run.stderr().contains("wrote " + zip), run.stderr());
        return zip;
    }

    @Test
    void verifiesAnUntouchedBundleAndWritesTheSameBundleTwice(@TempDir Path dir) throws IOException {
        Path a = bundle(dir, "a.zip");
        Path b = bundle(dir, "b.zip");
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b), "identical inputs give identical bundles");

        Cli.Run verify = Cli.run("verify", a.toString());
        assertEquals(ALL_OK, verify.stdout());
        assertEquals(ExitCode.OK, verify.exitCode(), verify.stderr());

        // the bundle's report.json is the one --out wrote, and it names the input rows' file with its SHA-256
        Map<String, byte[]> entries = unzip(Files.readAllBytes(a));
        assertArrayEquals(Files.readAllBytes(dir.resolve("out-a.zip/report.json")), entries.get("outputs/report.json"));
        JsonNode description = new ObjectMapper().readTree(entries.get("bundle.json"));
        assertEquals("[\"demo\"]", description.get("inputs").toString());
        assertEquals("[\"--factors\",\"cn@2026.2,ipcc2006@2026.2\",\"--period\",\"2024\",\"--energy-basis\","
                + "\"calorific\",\"--gwp\",\"AR5\",\"--market-allocation\",\"pro-rata\"]", description.get("options").toString());
        // the release manifests are the jar's own, byte for byte, and bundle.json gives their SHA-256
        byte[] cnManifest = entries.get("factors/releases/cn/2026.2/manifest.csv");
        assertArrayEquals(resource("org/wattledger/factors/sets/cn/2026.2/manifest.csv"), cnManifest);
        assertEquals(AuditBundle.sha256(cnManifest), description.at("/releases/0/manifestSha256").asText());
        // every factor row used, with its set@version and that manifest's SHA-256
        String used = new String(entries.get("factors/used.csv"), StandardCharsets.UTF_8);
        assertTrue(used.lines().anyMatch(l -> l.startsWith("cn.grid.avg.cn-north.2023,cn@2026.2,2026.2,")
                && l.endsWith("," + AuditBundle.sha256(cnManifest))), used);
        // SHA256SUMS lists every other entry, in the format sha256sum -c reads
        String sums = new String(entries.get("SHA256SUMS"), StandardCharsets.UTF_8);
        assertEquals(entries.size() - 1, sums.lines().count(), sums);
        assertTrue(sums.contains(AuditBundle.sha256(entries.get("inputs/demo/readings.csv")) + "  inputs/demo/readings.csv\n"));
    }

    @Test
    void refusesABundleWhereOneReadingWasChangedWithoutItsManifest(@TempDir Path dir) throws IOException {
        Path zip = bundle(dir, "a.zip");
        Map<String, byte[]> entries = unzip(Files.readAllBytes(zip));
        String before = AuditBundle.sha256(entries.get("inputs/demo/readings.csv"));
        byte[] changed = changeJanuaryReading(entries.get("inputs/demo/readings.csv"));
        entries.put("inputs/demo/readings.csv", changed);
        Path altered = Files.write(dir.resolve("altered.zip"), zip(entries));

        Cli.Run verify = Cli.run("verify", altered.toString());
        assertEquals(ExitCode.INPUT_ERRORS, verify.exitCode());
        assertEquals("", verify.stdout());
        assertEquals("wattledger: the bundle " + altered + " cannot be verified: it was altered: inputs/demo/readings.csv"
                + " has SHA-256 " + AuditBundle.sha256(changed) + ", but SHA256SUMS says " + before + "\n", verify.stderr());
    }

    @Test
    void saysWhichOutputsDifferWhenAChangedReadingCameWithARewrittenManifest(@TempDir Path dir) throws IOException {
        Path zip = bundle(dir, "a.zip");
        Map<String, byte[]> entries = unzip(Files.readAllBytes(zip));
        entries.put("inputs/demo/readings.csv", changeJanuaryReading(entries.get("inputs/demo/readings.csv")));
        entries.put("SHA256SUMS", sums(entries));
        Path forged = Files.write(dir.resolve("forged.zip"), zip(entries));

        Cli.Run verify = Cli.run("verify", forged.toString());
        assertEquals(ExitCode.INPUT_ERRORS, verify.exitCode(), verify.stderr());
        // +1000 kWh at OFF-BJ in January: every file with figures or the input's SHA-256 differs. issues.csv names
        // no figure that moved, so it still matches; summary.txt shows Scope 2 to 2 decimals: +1 MWh × 0.6361
        // t/MWh (cn.grid.avg.cn-north.2023) = +0.6361 t, so it differs too.
        assertEquals("""
                DIFFERS report.json
                DIFFERS report.html
                DIFFERS report.xlsx
                DIFFERS summary.csv
                DIFFERS sites.csv
                DIFFERS monthly.csv
                OK issues.csv
                DIFFERS summary.txt
                """, verify.stdout());
    }

    @Test
    void rerunsWithTheReleasesInTheBundleNotThoseOfTheJar(@TempDir Path dir) throws IOException {
        // A release this jar does not have: cn@2099.1, a copy of cn@2026.1 under a new version.
        Path releases = dir.resolve("releases");
        Path cn = Files.createDirectories(releases.resolve("cn/2099.1"));
        for (String f : new String[] {"grid.csv", "heat.csv", "fuels.csv", "gbt2589.csv"}) {
            Files.write(cn.resolve(f), resource("org/wattledger/factors/sets/cn/2026.1/" + f));
        }
        Files.writeString(cn.resolve("release.csv"), new String(resource("org/wattledger/factors/sets/cn/2026.1/release.csv"),
                StandardCharsets.UTF_8).replace("version,2026.1", "version,2099.1"));
        ReleaseManifest.write(cn);
        Path demo = DemoCommand.extract(dir.resolve("demo"));
        Path zip = dir.resolve("b.zip");
        Cli.Run run = Cli.run("report", demo.toString(), "--period", "2024", "--factor-releases", releases.toString(),
                "--factors", "cn@2099.1,ipcc2006@2026.1", "--format", "json", "--out", dir.resolve("out").toString(),
                "--bundle", zip.toString());
        assertEquals(ExitCode.OK, run.exitCode(), run.stderr());
        Files.walk(releases).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());

        // The releases folder is gone and the jar has no cn@2099.1: only the bundle's copy can make this pass.
        Cli.Run verify = Cli.run("verify", zip.toString());
        assertEquals(ALL_OK, verify.stdout(), verify.stderr());
        assertEquals(ExitCode.OK, verify.exitCode());
    }

    @Test
    void rerunsAReportMadeWithTheAuditorsOwnFactorSheetAndNoRelease(@TempDir Path dir) throws IOException {
        Path sheet = Files.writeString(dir.resolve("own-factors.csv"),
                "id,carrier,kind,gas,value,unit,region,valid_from,valid_to,source,version\n"
                        + "t.grid,electricity,emission,CO2,0.5,t/MWh,*,2024-01-01,2024-12-31,test sheet: grid,1\n");
        Path meters = Files.writeString(dir.resolve("meters.csv"), "site,meter,carrier,from,to,quantity,unit\n"
                + "S1,E1,electricity,2024-01-01,2024-01-31,1000,kWh\n");
        Path zip = dir.resolve("own.zip");
        Cli.Run run = Cli.run("report", meters.toString(), "--factors", "none", "--factor-sheet", sheet.toString(),
                "--period", "2024-01", "--format", "json", "--bundle", zip.toString());
        // 1,000 kWh × 0.5 t/MWh = 0.5 t
        assertEquals(0.5, new ObjectMapper().readTree(run.stdout()).at("/totals/scope2Location/value").asDouble(), 0);
        Map<String, byte[]> entries = unzip(Files.readAllBytes(zip));
        assertArrayEquals(Files.readAllBytes(sheet), entries.get("factor-sheets/own-factors.csv"));
        assertTrue(entries.keySet().stream().noneMatch(n -> n.startsWith("factors/releases/")), entries.keySet().toString());
        assertEquals("[]", new ObjectMapper().readTree(entries.get("bundle.json")).get("releases").toString());

        Files.delete(sheet); // the re-run must take the sheet from the bundle
        Cli.Run verify = Cli.run("verify", zip.toString());
        assertEquals(ALL_OK, verify.stdout(), verify.stderr());
        assertEquals(ExitCode.OK, verify.exitCode());
    }

    @Test
    void refusesABundleThatCouldNotKeepTheInputsApartBeforeAnyWork(@TempDir Path dir) throws IOException {
        Path a = Files.writeString(Files.createDirectories(dir.resolve("a")).resolve("meters.csv"), "x");
        Path b = Files.writeString(Files.createDirectories(dir.resolve("b")).resolve("meters.csv"), "y");
        Cli.Run twoNames = Cli.run("report", a.toString(), b.toString(), "--bundle", dir.resolve("x.zip").toString());
        assertEquals(ExitCode.USAGE, twoNames.exitCode());
        assertEquals("wattledger: --bundle: two inputs are named meters.csv; a bundle keeps them by name, so give them"
                + " different names\n", twoNames.stderr());
        Cli.Run folder = Cli.run("report", a.toString(), "--bundle", dir.toString());
        assertEquals(ExitCode.USAGE, folder.exitCode());
        assertEquals("wattledger: --bundle " + dir + " is a folder; name the .zip file to write\n", folder.stderr());
        assertTrue(Files.notExists(dir.resolve("x.zip")));
    }

    @Test
    void saysSoWhenTheBundleWasMadeByAnotherVersion(@TempDir Path dir) throws IOException {
        Path zip = bundle(dir, "a.zip");
        Map<String, byte[]> entries = unzip(Files.readAllBytes(zip));
        entries.put("bundle.json", new String(entries.get("bundle.json"), StandardCharsets.UTF_8)
                .replace("\"engineVersion\" : \"0.1.0\"", "\"engineVersion\" : \"0.0.9\"").getBytes(StandardCharsets.UTF_8));
        entries.put("SHA256SUMS", sums(entries));
        Path older = Files.write(dir.resolve("older.zip"), zip(entries));
        Cli.Run verify = Cli.run("verify", older.toString());
        assertTrue(verify.stderr().startsWith("note: the bundle was made by wattledger 0.0.9, this is 0.1.0; outputs that"
                + " name the version, or whose rules changed since, will differ\n"), verify.stderr());
        // only bundle.json was changed, and the outputs it holds were made by 0.1.0: they all match
        assertEquals(ALL_OK, verify.stdout());
        assertEquals(ExitCode.OK, verify.exitCode());
    }

    @Test
    void refusesHostileAndDamagedBundlesWithAMessage(@TempDir Path dir) throws IOException {
        Path zip = bundle(dir, "a.zip");
        Map<String, byte[]> entries = unzip(Files.readAllBytes(zip));
        entries.put("../evil.csv", "x".getBytes(StandardCharsets.UTF_8));
        Path traversal = Files.write(dir.resolve("traversal.zip"), zip(entries));
        Cli.Run run = Cli.run("verify", traversal.toString());
        assertEquals(ExitCode.INPUT_ERRORS, run.exitCode());
        assertEquals("wattledger: the bundle " + traversal + " cannot be verified: it has an entry named '../evil.csv',"
                + " which is not a plain relative path; refused (a bundle never names a place outside itself)\n",
                run.stderr());

        Path notZip = Files.writeString(dir.resolve("not.zip"), "hello");
        Cli.Run garbage = Cli.run("verify", notZip.toString());
        assertEquals(ExitCode.INPUT_ERRORS, garbage.exitCode());
        assertEquals("wattledger: the bundle " + notZip + " cannot be verified: it is empty or not a zip file\n",
                garbage.stderr());

        Cli.Run missing = Cli.run("verify", dir.resolve("missing.zip").toString());
        assertEquals(ExitCode.USAGE, missing.exitCode());
        assertEquals("wattledger: no such bundle: " + dir.resolve("missing.zip") + "\n", missing.stderr());
    }

    /** The January reading of OFF-BJ's main meter, 364072.4 kWh, becomes 365072.4 kWh (+1000 kWh). */
    private static byte[] changeJanuaryReading(byte[] csv) {
        String text = new String(csv, StandardCharsets.UTF_8);
        assertTrue(text.contains(JANUARY_READING), "the demo's readings.csv has the January reading");
        return text.replace(JANUARY_READING, JANUARY_READING.replace("364072.4", "365072.4"))
                .getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] sums(Map<String, byte[]> entries) {
        StringBuilder sb = new StringBuilder();
        new java.util.TreeMap<>(entries).forEach((name, bytes) -> {
            if (!name.equals("SHA256SUMS")) {
                sb.append(AuditBundle.sha256(bytes)).append("  ").append(name).append('\n');
            }
        });
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                out.put(e.getName(), in.readAllBytes());
            }
        }
        return out;
    }

    static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static byte[] resource(String path) throws IOException {
        try (InputStream in = FactorLibrary.class.getClassLoader().getResourceAsStream(path)) {
            return in.readAllBytes();
        }
    }
}
