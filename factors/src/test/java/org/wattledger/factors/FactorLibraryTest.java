package org.wattledger.factors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wattledger.engine.factor.Factor;
import org.wattledger.engine.factor.FactorKind;
import org.wattledger.engine.factor.FactorQuery;
import org.wattledger.engine.model.Carrier;
import org.wattledger.engine.model.TextTable;

final class FactorLibraryTest {
    @TempDir
    Path root;

    /** Copies a bundled release into root/set/newVersion, as a maintainer starts a correction. */
    private Path copyBundled(String setId, String version, String newVersion, String released) throws IOException {
        Path target = root.resolve(setId).resolve(newVersion);
        Files.createDirectories(target);
        String folder = FactorLibrary.BUNDLED_ROOT + setId + "/" + version + "/";
        TextTable manifest = FactorSheetLoader.readCsv("manifest.csv", resource(folder + "manifest.csv"));
        for (TextTable.Row row : manifest.rows()) {
            Files.write(target.resolve(row.cell(0)), resource(folder + row.cell(0)));
        }
        replace(target.resolve("release.csv"), "version," + version, "version," + newVersion);
        replace(target.resolve("release.csv"), "released,2026-11-21", "released," + released);
        return target;
    }

    private static byte[] resource(String path) throws IOException {
        try (InputStream in = FactorLibraryTest.class.getClassLoader().getResourceAsStream(path)) {
            return in.readAllBytes();
        }
    }

    private static void replace(Path file, String from, String to) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(text.contains(from), file + " lacks " + from);
        Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
    }

    private static void removeLine(Path file, String startingWith) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertTrue(lines.removeIf(l -> l.startsWith(startingWith)));
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    /** cn@2027.2 corrects the 2022 national factor, drops Beijing, adds Shanghai; ipcc2006@2027.1 comes later. */
    private FactorLibrary libraryWithCorrections() throws IOException {
        Path cn = copyBundled("cn", "2026.1", "2027.2", "2027-03-01");
        replace(cn.resolve("grid.csv"), "cn.grid.avg.cn.2022,electricity,emission,CO2,0.5366,",
                "cn.grid.avg.cn.2022,electricity,emission,CO2,0.5367,");
        removeLine(cn.resolve("grid.csv"), "cn.grid.avg.cn-bj.2022,");
        Files.writeString(cn.resolve("grid.csv"), "cn.grid.avg.cn-sh.2022,electricity,emission,CO2,0.5000,t/MWh,CN-SH,"
                + "2022-01-01,2022-12-31,Test correction source,2027.2,,,test row\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        ReleaseManifest.write(cn);
        ReleaseManifest.write(copyBundled("ipcc2006", "2026.1", "2027.1", "2027-06-01"));
        return FactorLibrary.bundled().withReleaseRoot(root);
    }

    private static String grid2022(FactorSelection.Selection s) {
        return s.catalog().find(new FactorQuery(Carrier.ELECTRICITY, FactorKind.EMISSION, "CO2", "CN",
                LocalDate.of(2022, 5, 1), "", null)).orElseThrow().factor().valueWithUnit();
    }

    private static List<String> refs(FactorSelection.Selection s) {
        return s.sets().stream().map(FactorSelection.SetRef::ref).toList();
    }

    @Test
    void aPinnedSelectionDoesNotChangeWhenANewerReleaseArrives() throws IOException {
        FactorSelection selection = new FactorSelection(libraryWithCorrections());
        FactorSelection.Selection pinned = selection.select("cn@2026.1", List.of(), "CN");
        assertEquals(List.of("cn@2026.1", "ipcc2006@2026.1"), refs(pinned));
        assertEquals("0.5366 t/MWh", grid2022(pinned));

        FactorSelection.Selection latest = selection.select("cn", List.of(), "CN");
        assertEquals(List.of("cn@2027.2", "ipcc2006@2027.1"), refs(latest));
        assertEquals("0.5367 t/MWh", grid2022(latest));

        FactorSelection.Selection byCountry = selection.select(null, List.of(), "CN");
        assertEquals(List.of("cn@2027.2", "ipcc2006@2027.1"), refs(byCountry));
    }

    @Test
    void pinningTheNewerReleaseTakesTheFallbackPublishedBeforeIt() throws IOException {
        FactorSelection.Selection s = new FactorSelection(libraryWithCorrections()).select("cn@2027.2", List.of(), "CN");
        // ipcc2006@2026.2 (released 2026-12-01) is the newest fallback published before cn@2027.2 (2027-03-01).
        assertEquals(List.of("cn@2027.2", "ipcc2006@2026.2"), refs(s));
        FactorSelection.Selection both = new FactorSelection(libraryWithCorrections())
                .select("ipcc2006@2027.1,cn@2027.2", List.of(), "CN");
        assertEquals(List.of("ipcc2006@2027.1", "cn@2027.2"), refs(both));
    }

    @Test
    void diffListsAddedRemovedAndChangedFactors() throws IOException {
        FactorDiff diff = libraryWithCorrections().diff("cn@2026.1", "cn@2027.2");
        assertEquals("cn@2026.1", diff.from());
        assertEquals("cn@2027.2", diff.to());
        assertEquals(List.of("cn.grid.avg.cn-sh.2022"), diff.added().stream().map(Factor::id).toList());
        assertEquals(List.of("cn.grid.avg.cn-bj.2022"), diff.removed().stream().map(Factor::id).toList());
        assertEquals(1, diff.changed().size());
        FactorDiff.Change change = diff.changed().get(0);
        assertEquals("cn.grid.avg.cn.2022", change.before().id());
        assertEquals(List.of("value"), change.fields());
        assertEquals("0.5366 t/MWh", change.before().valueWithUnit());
        assertEquals("0.5367 t/MWh", change.after().valueWithUnit());
        assertTrue(libraryWithCorrections().diff("ipcc2006@2026.1", "ipcc2006@2027.1").isEmpty());
    }

    @Test
    void findShowsAFactorInEveryReleaseNewestFirst() throws IOException {
        List<Factor> found = libraryWithCorrections().find("cn.grid.avg.cn.2022");
        assertEquals(List.of("cn@2027.2 0.5367", "cn@2026.2 0.5366", "cn@2026.1 0.5366"),
                found.stream().map(f -> f.set() + " " + f.value().toPlainString()).toList());
        Factor f = found.get(2);
        assertEquals("2022-01-01..2022-12-31", f.validity());
        assertTrue(f.source().startsWith("MEE and NBS"), f.source());
        assertEquals(List.of(), FactorLibrary.bundled().find("no.such.id"));
    }

    @Test
    void setsListEveryReleaseWithItsFactorCount() throws IOException {
        List<FactorLibrary.SetInfo> sets = libraryWithCorrections().sets();
        assertEquals(List.of("cn", "ipcc2006", "uk-desnz", "us-epa"), sets.stream().map(FactorLibrary.SetInfo::id).toList());
        FactorLibrary.SetInfo cn = sets.get(0);
        assertEquals(List.of("2026.1", "2026.2", "2027.2"), cn.releases().stream().map(FactorLibrary.ReleaseInfo::version).toList());
        assertEquals(cn.releases().get(0).factors(), cn.latest().factors(), "one removed, one added");
        assertEquals("bundled", cn.releases().get(0).location());
        assertEquals(List.of("CN"), cn.latest().countries());
    }

    @Test
    void refusesAReleaseEditedAfterItsManifestWasWritten() throws IOException {
        Path us = copyBundled("us-epa", "2026.1", "2027.2", "2027-01-01");
        ReleaseManifest.write(us);
        String written = FactorSheetLoader.sha256(Files.readAllBytes(us.resolve("egrid.csv")));
        replace(us.resolve("egrid.csv"), "823.149", "823.150");
        String edited = FactorSheetLoader.sha256(Files.readAllBytes(us.resolve("egrid.csv")));
        FactorSetException e = assertThrows(FactorSetException.class, () -> FactorLibrary.bundled().withReleaseRoot(root));
        assertEquals("release us-epa@2027.2 (" + us + ") is damaged: egrid.csv has SHA-256 " + edited
                + " but the manifest says " + written + "; a released version is never edited: publish a correction"
                + " as a new version", e.getMessage());
    }

    @Test
    void refusesAFileThatIsNotInTheManifest() throws IOException {
        Path us = copyBundled("us-epa", "2026.1", "2027.2", "2027-01-01");
        ReleaseManifest.write(us);
        Files.writeString(us.resolve("extra.csv"), "id\n");
        FactorSetException e = assertThrows(FactorSetException.class, () -> FactorLibrary.bundled().withReleaseRoot(root));
        assertEquals("release us-epa@2027.2 (" + us + ") is damaged: extra.csv is not in the manifest", e.getMessage());
    }

    @Test
    void refusesAReleaseThatWouldReplaceAKnownVersion() throws IOException {
        Path again = copyBundled("cn", "2026.1", "2026.1", "2026-11-21");
        ReleaseManifest.write(again);
        FactorSetException e = assertThrows(FactorSetException.class, () -> FactorLibrary.bundled().withReleaseRoot(root));
        assertEquals("release cn@2026.1 in " + again + " is already known (bundled): a released version is never"
                + " replaced; give the correction a new version", e.getMessage());
    }

    @Test
    void refusesAReleaseWithAnInvalidRow() throws IOException {
        Path cn = copyBundled("cn", "2026.1", "2026.3", "2027-01-01");
        replace(cn.resolve("heat.csv"), ",0.11,t/GJ,", ",0.11,t/GX,");
        ReleaseManifest.write(cn);
        FactorSetException e = assertThrows(FactorSetException.class, () -> FactorLibrary.bundled().withReleaseRoot(root));
        assertEquals("release cn@2026.3 (" + cn + ") is damaged: 2 problems in its rows, first: error: cn@2026.3/heat.csv,"
                + " row 2, column F: unknown unit 'GX'", e.getMessage());
    }

    @Test
    void refusesAReleaseWhoseUnitNamesAnotherGas() throws IOException {
        Path cn = copyBundled("cn", "2026.1", "2026.3", "2027-01-01");
        // both rows of heat.csv (heat and steam) hold 0.11 t/GJ, so both are refused
        replace(cn.resolve("heat.csv"), ",0.11,t/GJ,", ",0.11,t CH4/GJ,");
        ReleaseManifest.write(cn);
        FactorSetException e = assertThrows(FactorSetException.class, () -> FactorLibrary.bundled().withReleaseRoot(root));
        assertEquals("release cn@2026.3 (" + cn + ") is damaged: 2 problems in its rows, first: error: cn@2026.3/heat.csv,"
                + " row 2, column F: unit 't CH4/GJ' names CH4, but the gas column says CO2: write the same gas in"
                + " both, or a unit without a gas such as t/GJ", e.getMessage());
    }

    @Test
    void refusesAReleaseFolderWithoutAManifest() throws IOException {
        Path half = Files.createDirectories(root.resolve("cn").resolve("2026.4"));
        FactorSetException e = assertThrows(FactorSetException.class, () -> FactorLibrary.bundled().withReleaseRoot(root));
        assertEquals("release cn@2026.4 (" + half + ") is damaged: manifest.csv is missing", e.getMessage());
    }

    @Test
    void versionsCompareNumericallyPartByPart() {
        assertTrue(FactorLibrary.VERSION_ORDER.compare("2026.10", "2026.2") > 0);
        assertTrue(FactorLibrary.VERSION_ORDER.compare("2026.1", "2026.1.1") < 0);
        assertEquals(0, FactorLibrary.VERSION_ORDER.compare("2026.1", "2026.1"));
    }

    @Test
    void aReleaseNamesItselfAndItsFiles() {
        Release cn = FactorLibrary.bundled().release("cn@2026.1");
        assertEquals("cn@2026.1", cn.ref());
        assertEquals(LocalDate.of(2026, 11, 21), cn.released());
        assertEquals(List.of("release.csv", "grid.csv", "heat.csv", "fuels.csv", "gbt2589.csv"),
                cn.files().stream().map(Release.ReleaseFile::name).toList());
        assertEquals(FactorLibrary.bundled().release("cn@2026.2"), FactorLibrary.bundled().latest("cn"));
        assertTrue(FactorLibrary.bundled().release("ipcc2006").isFallback());
    }
}
