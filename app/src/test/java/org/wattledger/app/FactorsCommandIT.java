package org.wattledger.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wattledger.factors.ReleaseManifest;

/** {@code factors list/show/diff}, pinning against a newer release, and {@code template}. */
final class FactorsCommandIT {
    private static final String BUNDLED_CN = "org/wattledger/factors/sets/cn/2026.1/";

    @TempDir
    Path dir;

    Path demo;
    Path releases;

    /** A newer cn release, 2026.2, that corrects the 2023 South China grid factor from 0.4042 to 0.4000. */
    @BeforeEach
    void newerRelease() throws IOException {
        demo = DemoCommand.extract(dir.resolve("demo"));
        Path cn = Files.createDirectories(dir.resolve("releases/cn/2026.2"));
        for (String file : new String[] {"fuels.csv", "gbt2589.csv", "grid.csv", "heat.csv", "release.csv"}) {
            try (InputStream in = getClass().getClassLoader().getResourceAsStream(BUNDLED_CN + file)) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                text = text.replace("version,2026.1", "version,2026.2").replace("released,2026-11-21", "released,2027-03-01")
                        .replace("cn.grid.avg.cn-south.2023,electricity,emission,CO2,0.4042,",
                                "cn.grid.avg.cn-south.2023,electricity,emission,CO2,0.4000,");
                Files.writeString(cn.resolve(file), text, StandardCharsets.UTF_8);
            }
        }
        ReleaseManifest.write(cn);
        releases = dir.resolve("releases");
    }

    @Test
    void aPinnedReportKeepsItsBytesWhenANewerReleaseArrives() throws Exception {
        Jar.Run before = Jar.run(dir, "report", demo.toString(), "--factors", "cn@2026.1", "--format", "json");
        Jar.Run after = Jar.run(dir, "report", demo.toString(), "--factors", "cn@2026.1", "--factor-releases",
                releases.toString(), "--format", "json");
        assertEquals(ExitCode.OK, before.exitCode(), before.stderr());
        assertArrayEquals(before.stdoutBytes(), after.stdoutBytes());
        Jar.Run latest = Jar.run(dir, "report", demo.toString(), "--factor-releases", releases.toString(), "--format", "json");
        assertFalse(Arrays.equals(before.stdoutBytes(), latest.stdoutBytes()));
        assertTrue(latest.stdout().contains("\"version\" : \"2026.2\"") || latest.stdout().contains("\"version\": \"2026.2\""),
                latest.stdout().substring(0, 600));
    }

    @Test
    void diffShowsTheChangeAndItsImpactOnAWorkbook() throws Exception {
        Jar.Run run = Jar.run(dir, "factors", "diff", "cn@2026.1", "cn@2026.2", "--factor-releases", releases.toString(),
                "--input", demo.toString());
        assertEquals(ExitCode.OK, run.exitCode(), run.stderr());
        assertTrue(run.stdout().contains("factors cn@2026.1 -> cn@2026.2: 0 added, 0 removed, 1 changed"), run.stdout());
        assertTrue(run.stdout().contains("~ cn.grid.avg.cn-south.2023  value: 0.4042 t/MWh -> 0.4000 t/MWh"), run.stdout());
        // DC-GUIAN (CN-GZ, South grid) 2024 takes the 2023 factor: its location-based Scope 2 moves by
        // 114,165.8584 MWh × (0.4000 − 0.4042) t/MWh = −479.496605 t.
        assertTrue(run.stdout().lines().anyMatch(l -> l.startsWith("DC-GUIAN") && l.contains("scope2Location")
                && l.trim().endsWith("-479.497")), run.stdout());
        assertTrue(run.stdout().lines().anyMatch(l -> l.startsWith("DC-ULANQAB") && l.contains("scope2Location")
                && l.trim().endsWith("0.000")), run.stdout());
    }

    @Test
    void listAndShowNameSetsAndCitations() throws Exception {
        Jar.Run list = Jar.run(dir, "factors", "list");
        assertEquals(ExitCode.OK, list.exitCode(), list.stderr());
        for (String set : new String[] {"cn", "ipcc2006", "uk-desnz", "us-epa"}) {
            assertTrue(list.stdout().lines().anyMatch(l -> l.startsWith(set + " ")), list.stdout());
        }
        Jar.Run show = Jar.run(dir, "factors", "show", "cn.grid.avg.cn.2022");
        assertEquals(ExitCode.OK, show.exitCode(), show.stderr());
        assertTrue(show.stdout().contains("value     0.5366 t/MWh CO2"), show.stdout());
        assertTrue(show.stdout().contains("source    MEE and NBS"), show.stdout());
        assertEquals(ExitCode.USAGE, Jar.run(dir, "factors", "show", "no.such.factor").exitCode());
    }

    @Test
    void templateWritesAChineseWorkbook() throws Exception {
        Jar.Run run = Jar.run(dir, "template", "--lang", "zh", "--out", "模板.xlsx");
        assertEquals(ExitCode.OK, run.exitCode(), run.stderr());
        try (Workbook wb = new XSSFWorkbook(dir.resolve("模板.xlsx").toFile())) {
            assertTrue(wb.getSheet("读数") != null && wb.getSheet("站点") != null);
        }
        assertEquals(ExitCode.USAGE, Jar.run(dir, "template", "--lang", "fr", "--out", "t.xlsx").exitCode());
    }
}
