package org.wattledger.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wattledger.factors.ReleaseManifest;

/** {@code factors list/search/show/diff}, pinning against a newer release, and {@code template}; in process. */
final class FactorsCommandTest {
    private static final String BUNDLED_CN = "org/wattledger/factors/sets/cn/2026.1/";
    private static final String SOUTH_2023 = "cn.grid.avg.cn-south.2023,electricity,emission,CO2,";
    private static final String CN_2022 = "cn.grid.avg.cn.2022,electricity,emission,CO2,";
    private static final String OLD_CITATION = "MEE and NBS, announcement of 20 December 2024 on the 2022 electricity"
            + " CO2 emission factors: national average";
    private static final String NEW_CITATION = "MEE and NBS, Announcement No. 33 of 2024, 20 December 2024: 2022"
            + " electricity CO2 emission factors, national average";

    @TempDir
    Path dir;

    Path demo;

    @BeforeEach
    void extractDemo() throws IOException {
        demo = DemoCommand.extract(dir.resolve("demo"));
    }

    /**
     * A newer cn release, 2027.2, that corrects the 2023 South China grid factor from 0.4042 to
     * 0.4000 and completes the citation of the 2022 national factor; with {@code bumpVersions} the
     * two corrected rows carry version 2027.2, as a correction must.
     */
    private Path newerRelease(String name, boolean bumpVersions) throws IOException {
        Path cn = Files.createDirectories(dir.resolve(name + "/cn/2027.2"));
        for (String file : new String[] {"fuels.csv", "gbt2589.csv", "grid.csv", "heat.csv", "release.csv"}) {
            try (InputStream in = getClass().getClassLoader().getResourceAsStream(BUNDLED_CN + file)) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                text = text.replace("version,2026.1", "version,2027.2").replace("released,2026-11-21", "released,2027-03-01");
                text = text.lines().map(line -> {
                    String l = line;
                    if (l.startsWith(SOUTH_2023) || l.startsWith(CN_2022)) {
                        l = l.replace(SOUTH_2023 + "0.4042,", SOUTH_2023 + "0.4000,").replace(OLD_CITATION, NEW_CITATION);
                        if (bumpVersions) {
                            l = l.replace("\",2026.1,", "\",2027.2,");
                        }
                    }
                    return l;
                }).collect(Collectors.joining("\n", "", "\n"));
                Files.writeString(cn.resolve(file), text, StandardCharsets.UTF_8);
            }
        }
        ReleaseManifest.write(cn);
        return dir.resolve(name);
    }

    @Test
    void aPinnedReportKeepsItsBytesWhenANewerReleaseArrives() throws Exception {
        Path releases = newerRelease("releases", true);
        Cli.Run before = Cli.run("report", demo.toString(), "--factors", "cn@2026.1", "--format", "json");
        Cli.Run after = Cli.run("report", demo.toString(), "--factors", "cn@2026.1", "--factor-releases",
                releases.toString(), "--format", "json");
        assertEquals(ExitCode.OK, before.exitCode(), before.stderr());
        assertEquals(before.stdout(), after.stdout());
        Cli.Run latest = Cli.run("report", demo.toString(), "--factor-releases", releases.toString(), "--format", "json");
        assertNotEquals(before.stdout(), latest.stdout());
        // Without --factors the newest cn release (2027.2) is taken, with the fallback published before it (ipcc2006@2026.2).
        assertEquals("2027.2+2026.2", new com.fasterxml.jackson.databind.ObjectMapper().readTree(latest.stdout())
                .get("factorSet").get("version").asText());
    }

    @Test
    void diffShowsEachChangedFieldBeforeAndAfterAndTheImpactOnAWorkbook() throws Exception {
        Path releases = newerRelease("releases", true);
        Cli.Run run = Cli.run("factors", "diff", "cn@2026.1", "cn@2027.2", "--factor-releases", releases.toString(),
                "--input", demo.toString());
        assertEquals(ExitCode.OK, run.exitCode(), run.stderr());
        List<String> lines = run.stdout().lines().toList();
        assertEquals(List.of("factors cn@2026.1 -> cn@2027.2: 0 added, 0 removed, 2 changed",
                "~ cn.grid.avg.cn-south.2023  value: 0.4042 t/MWh -> 0.4000 t/MWh",
                "~ cn.grid.avg.cn.2022  source: \"" + OLD_CITATION + "\" -> \"" + NEW_CITATION + "\""), lines.subList(0, 3));
        // DC-GUIAN (CN-GZ, South grid) 2024 takes the 2023 factor: its location-based Scope 2 moves by
        // 114,165.8584 MWh × (0.4000 − 0.4042) t/MWh = −479.496605 t.
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("DC-GUIAN") && l.contains("scope2Location")
                && l.trim().endsWith("-479.497")), run.stdout());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("DC-ULANQAB") && l.contains("scope2Location")
                && l.trim().endsWith("0.000")), run.stdout());
    }

    @Test
    void aChangedFactorThatKeepsItsVersionIsReported() throws Exception {
        Path releases = newerRelease("unversioned", false);
        Cli.Run run = Cli.run("factors", "diff", "cn@2026.1", "cn@2027.2", "--factor-releases", releases.toString());
        assertEquals(ExitCode.INPUT_ERRORS, run.exitCode(), run.stderr());
        assertEquals("wattledger: cn.grid.avg.cn-south.2023 changed from cn@2026.1 to cn@2027.2 but its row still has"
                + " version 2026.1; a corrected factor must carry the version of the release that corrects it\n"
                + "wattledger: cn.grid.avg.cn.2022 changed from cn@2026.1 to cn@2027.2 but its row still has"
                + " version 2026.1; a corrected factor must carry the version of the release that corrects it\n",
                run.stderr());
    }

    @Test
    void releasesOfDifferentSetsAreNotCompared() {
        Cli.Run run = Cli.run("factors", "diff", "cn@2026.1", "uk-desnz@2026.1");
        assertEquals(ExitCode.USAGE, run.exitCode());
        assertEquals("wattledger: cn@2026.1 and uk-desnz@2026.1 are releases of different sets; factors diff compares"
                + " two releases of one set, e.g. cn@A cn@B\n", run.stderr());
        assertEquals("", run.stdout());
    }

    @Test
    void listNamesSetsAndShowNamesValueAndCitation() {
        Cli.Run list = Cli.run("factors", "list");
        assertEquals(ExitCode.OK, list.exitCode(), list.stderr());
        for (String set : new String[] {"cn", "ipcc2006", "uk-desnz", "us-epa"}) {
            assertTrue(list.stdout().lines().anyMatch(l -> l.startsWith(set + " ")), list.stdout());
        }
        Cli.Run show = Cli.run("factors", "show", "cn.grid.avg.cn.2022");
        assertEquals(ExitCode.OK, show.exitCode(), show.stderr());
        assertTrue(show.stdout().contains("value     0.5366 t/MWh CO2"), show.stdout());
        assertTrue(show.stdout().contains("source    " + OLD_CITATION), show.stdout());
        assertTrue(show.stdout().contains("confirmed two-sources (two independent copies of the official table agree)"),
                show.stdout());
        assertEquals(ExitCode.USAGE, Cli.run("factors", "show", "no.such.factor").exitCode());
    }

    @Test
    void showMakesNoConfirmationClaimForAReleaseTheUserAdded() throws IOException {
        Path releases = newerRelease("releases", true);
        Cli.Run show = Cli.run("factors", "show", "cn.grid.avg.cn.2022", "--factor-releases", releases.toString());
        assertEquals(ExitCode.OK, show.exitCode(), show.stderr());
        List<String> lines = show.stdout().lines().toList();
        // cn@2027.2 (the user's), then the bundled cn@2026.2 and cn@2026.1: only the bundled ones say how they were checked.
        assertEquals(List.of("cn.grid.avg.cn.2022  (cn@2027.2)", "cn.grid.avg.cn.2022  (cn@2026.2)",
                "cn.grid.avg.cn.2022  (cn@2026.1)"), lines.stream().filter(l -> !l.startsWith(" ")).toList());
        assertEquals(2, lines.stream().filter(l -> l.startsWith("  confirmed two-sources")).count(), show.stdout());
        int user = lines.indexOf("cn.grid.avg.cn.2022  (cn@2027.2)");
        int bundled = lines.indexOf("cn.grid.avg.cn.2022  (cn@2026.2)");
        assertTrue(lines.subList(user, bundled).stream().noneMatch(l -> l.startsWith("  confirmed")), show.stdout());
    }

    @Test
    void showSaysWhenAValueRestsOnOneCopyOfTheOfficialTable() {
        // Guangdong 2021 (MEE/NBS Announcement No. 12 of 2024, Annex 1): 0.4715 t/MWh, found in one copy only.
        Cli.Run show = Cli.run("factors", "show", "cn.grid.avg.cn-gd.2021");
        assertEquals(ExitCode.OK, show.exitCode(), show.stderr());
        assertEquals(List.of("cn.grid.avg.cn-gd.2021  (cn@2026.2)",
                "  value     0.4715 t/MWh CO2",
                "  kind      emission",
                "  carrier   electricity, region CN-GD",
                "  valid     2021-01-01..2021-12-31",
                "  source    MEE and NBS (National Bureau of Statistics of China), 公告2024年第12号 (Announcement No. 12 of"
                        + " 2024), 12 April 2024, Annex 1 (2021 electricity CO2 emission factors): provincial average,"
                        + " Guangdong (广东)",
                "  confirmed single-source (one copy of the official table found)",
                "  note      single-source"), show.stdout().lines().toList());
    }

    @Test
    void theExampleIdInShowsHelpExists() {
        Cli.Run help = Cli.run("factors", "show", "--help");
        Matcher example = Pattern.compile("e\\.g\\. (\\S+)").matcher(help.stdout());
        assertTrue(example.find(), help.stdout());
        assertEquals("cn.grid.avg.cn.2022", example.group(1));
        assertEquals(ExitCode.OK, Cli.run("factors", "show", example.group(1)).exitCode());
    }

    @Test
    void listOfAReleaseGivesEveryIdWithValueUnitRegionAndValidity() {
        Cli.Run run = Cli.run("factors", "list", "cn@2026.1");
        assertEquals(ExitCode.OK, run.exitCode(), run.stderr());
        List<String> lines = run.stdout().lines().toList();
        // The release's rows: fuels 4 + gbt2589 8 + grid 43 + heat 2 = 57 (each file's lines less its header).
        assertEquals("cn@2026.1: 57 factors", lines.get(0));
        assertEquals(58, lines.size());
        String south = lines.stream().filter(l -> l.startsWith("cn.grid.avg.cn-south.2023 ")).findFirst().orElseThrow();
        assertEquals(List.of("cn.grid.avg.cn-south.2023", "0.4042", "t/MWh", "CO2", "CN-SOUTH", "2023-01-01..2023-12-31"),
                List.of(south.trim().split(" +")));
        assertEquals(ExitCode.USAGE, Cli.run("factors", "list", "cn@1999.1").exitCode());
    }

    @Test
    void listOfTheNewestReleaseHasEveryProvince() {
        Cli.Run run = Cli.run("factors", "list", "cn");
        assertEquals(ExitCode.OK, run.exitCode(), run.stderr());
        List<String> lines = run.stdout().lines().toList();
        // fuels 4 + gbt2589 8 + grid 92 (43 of 2026.1, 30 provinces for 2021, 19 more for 2022) + heat 2 = 106
        assertEquals("cn@2026.2: 106 factors", lines.get(0));
        String gansu = lines.stream().filter(l -> l.startsWith("cn.grid.avg.cn-gs.2022 ")).findFirst().orElseThrow();
        // MEE/NBS 2022, provincial average, Gansu: 0.4772 t/MWh
        assertEquals(List.of("cn.grid.avg.cn-gs.2022", "0.4772", "t/MWh", "CO2", "CN-GS", "2022-01-01..2022-12-31"),
                List.of(gansu.trim().split(" +")));
    }

    @Test
    void searchFindsFactorsByTextInTheNewestReleases() {
        Cli.Run run = Cli.run("factors", "search", "SOUTHERN grid");
        assertEquals(ExitCode.OK, run.exitCode(), run.stderr());
        List<String> lines = run.stdout().lines().toList();
        // The citations of the China Southern grid factors for 2021, 2022 and 2023 (case ignored): three matches.
        assertEquals("3 factors match 'SOUTHERN grid'", lines.get(0));
        assertEquals(4, lines.size());
        assertEquals(List.of("cn@2026.2", "cn.grid.avg.cn-south.2021", "cn@2026.2", "cn.grid.avg.cn-south.2022",
                "cn@2026.2", "cn.grid.avg.cn-south.2023"), lines.subList(1, 4).stream()
                        .flatMap(l -> List.of(l.split(" +")).subList(0, 2).stream()).toList());
    }

    @Test
    void searchByAProvinceFindsTheGridFactorsItsSitesFallBackTo() {
        // cn@2026.2 has Guangdong's (CN-GD) own factors for 2021 and 2022; for 2023 a site there takes the
        // China Southern grid's (CN-SOUTH), which a search for the province must show with the grid's other years.
        for (String province : new String[] {"广东", "Guangdong", "CN-GD"}) {
            Cli.Run run = Cli.run("factors", "search", province);
            assertEquals(ExitCode.OK, run.exitCode(), run.stderr());
            List<String> lines = run.stdout().lines().toList();
            assertEquals("'" + province + "' is region CN-GD: a site there takes the first factor found for CN-GD,"
                    + " CN-SOUTH, then CN", lines.get(0));
            assertEquals("5 factors match '" + province + "'", lines.get(1));
            assertEquals(List.of("cn.grid.avg.cn-south.2021", "cn.grid.avg.cn-gd.2021", "cn.grid.avg.cn-south.2022",
                    "cn.grid.avg.cn-gd.2022", "cn.grid.avg.cn-south.2023"),
                    lines.subList(2, lines.size()).stream().map(l -> l.split(" +")[1]).toList());
        }
    }

    @Test
    void templateWritesAChineseWorkbook() throws Exception {
        Path book = dir.resolve("模板.xlsx");
        Cli.Run run = Cli.run("template", "--lang", "zh", "--out", book.toString());
        assertEquals(ExitCode.OK, run.exitCode(), run.stderr());
        try (Workbook wb = new XSSFWorkbook(book.toFile())) {
            assertTrue(wb.getSheet("读数") != null && wb.getSheet("站点") != null);
        }
        assertEquals(ExitCode.USAGE, Cli.run("template", "--lang", "fr", "--out", dir.resolve("t.xlsx").toString())
                .exitCode());
    }
}
