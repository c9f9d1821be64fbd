package org.wattledger.factors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.wattledger.engine.factor.Factor;
import org.wattledger.engine.factor.FactorKind;
import org.wattledger.engine.model.Carrier;

/**
 * Reads every file of every bundled release from the source tree, independently of the library:
 * hashes, row counts, index, sources, and the confidence rules of the factor facts (V1 values carry
 * "single-source"; unverified values are not shipped).
 */
final class BundledReleasesTest {
    private static final Path SETS = Path.of("src/main/resources/org/wattledger/factors/sets");

    /** Every factor whose value rests on one public source (V1 in the factor facts). */
    private static final Set<String> SINGLE_SOURCE = Set.of(
            "cn.grid.ets.cn.2021",
            "cn.grid.avg.cn-north.2021", "cn.grid.avg.cn-northeast.2021", "cn.grid.avg.cn-east.2021",
            "cn.grid.avg.cn-central.2021", "cn.grid.avg.cn-northwest.2021", "cn.grid.avg.cn-south.2021",
            "cn.grid.avg.cn-southwest.2021", "cn.grid.residual-proxy.cn.2021", "cn.grid.fossil.cn.2021",
            "cn.grid.avg.cn-bj.2022", "cn.grid.fossil.cn.2022",
            "cn.grid.avg.cn-north.2023", "cn.grid.avg.cn-northeast.2023", "cn.grid.avg.cn-east.2023",
            "cn.grid.avg.cn-central.2023", "cn.grid.avg.cn-northwest.2023", "cn.grid.avg.cn-south.2023",
            "cn.grid.avg.cn-southwest.2023", "cn.grid.residual-proxy.cn.2023", "cn.grid.fossil.cn.2023",
            "ipcc2006.ch4.diesel.stationary", "ipcc2006.n2o.diesel.stationary",
            "ipcc2006.ch4.natural-gas.stationary", "ipcc2006.n2o.natural-gas.stationary",
            "ipcc2006.ch4.natural-gas.stationary.energy-industries",
            "ipcc2006.n2o.natural-gas.stationary.energy-industries", "ipcc2006.gwp.ar5-fossil.ch4",
            "uk-desnz.electricity.td-losses.2024", "uk-desnz.natural-gas.kwh-gross.2024",
            "uk-desnz.natural-gas.kwh-net.2024", "uk-desnz.natural-gas.m3.2024", "uk-desnz.diesel.litre.2024",
            "uk-desnz.diesel.litre-mineral.2024", "uk-desnz.heat.distribution-losses.2024",
            "uk-desnz.steam.distribution-losses.2024", "uk-desnz.water.supply.2024", "uk-desnz.water.treatment.2024",
            "us-epa.egrid2022.us.ch4", "us-epa.egrid2022.us.n2o", "us-epa.egrid2022.us-camx.co2",
            "us-epa.egrid2022.us-erct.co2", "us-epa.egrid2022.us-nyup.co2", "us-epa.egrid2022.us-rfce.co2");

    private static List<String> lines(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8);
    }

    private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void everyBundledFileMatchesItsManifestAndEveryReleaseIsIndexed() throws Exception {
        List<String> index = lines(SETS.resolve("index.csv"));
        assertEquals("set,version", index.get(0));
        Set<String> indexed = new TreeSet<>(index.subList(1, index.size()));
        Set<String> onDisk;
        try (Stream<Path> sets = Files.list(SETS)) {
            onDisk = sets.filter(Files::isDirectory).flatMap(s -> {
                try (Stream<Path> versions = Files.list(s)) {
                    return versions.map(v -> s.getFileName() + "," + v.getFileName()).toList().stream();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(onDisk, indexed);
        int files = 0;
        for (String entry : indexed) {
            Path release = SETS.resolve(entry.replace(',', '/'));
            List<String> manifest = lines(release.resolve("manifest.csv"));
            assertEquals("file,sha256,rows", manifest.get(0));
            Set<String> listed = new TreeSet<>();
            for (String line : manifest.subList(1, manifest.size())) {
                String[] cells = line.split(",");
                byte[] bytes = Files.readAllBytes(release.resolve(cells[0]));
                assertEquals(cells[1], sha256(bytes), release + "/" + cells[0]);
                String text = new String(bytes, StandardCharsets.UTF_8);
                assertTrue(text.endsWith("\n") && !text.contains("\r"), cells[0] + " has LF line ends");
                assertEquals(Integer.parseInt(cells[2]), lines(release.resolve(cells[0])).size() - 1, cells[0] + " rows");
                listed.add(cells[0]);
                files++;
            }
            try (Stream<Path> inFolder = Files.list(release)) {
                Set<String> names = inFolder.map(p -> p.getFileName().toString()).filter(n -> !n.equals("manifest.csv"))
                        .collect(Collectors.toCollection(TreeSet::new));
                assertEquals(names, listed, release + ": every file is in the manifest");
            }
            assertTrue(listed.contains("release.csv"));
        }
        assertEquals(32, files);
    }

    private static List<Factor> all() {
        List<Factor> all = new ArrayList<>();
        FactorLibrary.bundled().releases().forEach(r -> all.addAll(r.factors()));
        return all;
    }

    private static List<Factor> of(String version) {
        return all().stream().filter(f -> f.set().endsWith("@" + version)).toList();
    }

    @Test
    void everyRowCitesASourceAndBelongsToItsRelease() {
        List<Factor> all = all();
        assertEquals(170, of("2026.1").size());
        // 2026.2: cn 106 (+30 provinces 2021, +19 provinces 2022), us-epa 104 (84 eGRID, 14 stationary, 6 steam/heat),
        // ipcc2006 73 (+3 SF6, +3 × R-23, R-152a, R-227ea, +3 × blends R-407A, R-507A), uk-desnz 37
        assertEquals(320, of("2026.2").size());
        for (Factor f : all) {
            assertFalse(f.source().isBlank(), f.id());
            assertTrue(f.id().startsWith(f.set().substring(0, f.set().indexOf('@')) + "."), f.id());
            // a row carries the version of the release that last changed it
            assertTrue(f.set().endsWith("@2026.2") ? Set.of("2026.1", "2026.2").contains(f.version())
                    : f.version().equals("2026.1"), f.id() + " " + f.version());
            assertFalse(f.source().toLowerCase(java.util.Locale.ROOT).contains("factor-facts"), f.id() + " must cite the primary document");
        }
    }

    @Test
    void singleSourceValuesAndOnlyThoseSaySo() {
        Set<String> marked = of("2026.1").stream().filter(f -> f.note().contains("single-source")).map(Factor::id)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(SINGLE_SOURCE), marked);
    }

    /** From 2026.2 every row says in its confirmation column how many copies of the official table it was checked against. */
    @Test
    void everyRowOf2026_2HasAConfirmationAndSingleSourceRowsSaySoInTheirNote() throws IOException {
        Map<String, Factor> loaded = of("2026.2").stream().collect(Collectors.toMap(f -> f.set() + " " + f.id(), f -> f));
        int rows = 0;
        int single = 0;
        for (String set : List.of("cn", "ipcc2006", "uk-desnz", "us-epa")) {
            Path release = SETS.resolve(set).resolve("2026.2");
            List<String> manifest = lines(release.resolve("manifest.csv"));
            for (String line : manifest.subList(1, manifest.size())) {
                String file = line.split(",")[0];
                if (file.equals("release.csv")) {
                    continue;
                }
                List<String> csv = lines(release.resolve(file));
                assertTrue(csv.get(0).endsWith(",note,confirmation"), file);
                for (String row : csv.subList(1, csv.size())) {
                    String id = row.substring(0, row.indexOf(','));
                    String confirmation = row.substring(row.lastIndexOf(',') + 1);
                    assertTrue(Set.of("two-sources", "single-source").contains(confirmation), set + " " + id);
                    Factor f = loaded.get(set + "@2026.2 " + id);
                    assertEquals(confirmation.equals("single-source"), f.note().contains("single-source"), id + ": " + f.note());
                    rows++;
                    single += confirmation.equals("single-source") ? 1 : 0;
                }
            }
        }
        assertEquals(320, rows);
        // cn: 30 provinces for 2021 + ets 2021 + residual proxy 2021 and 2023 + fossil 2021, 2022, 2023 + seven 2021
        // grids = 43; us-epa: 84 eGRID rows less the 10 found twice (US total x3, AKGD x3, CO2 of CAMX, ERCT, NYUP,
        // RFCE) = 74, + 6 steam/heat = 80; ipcc2006: 7 as in 2026.1; uk-desnz: 10 for 2024 + 2 district heat 2023
        assertEquals(43 + 80 + 7 + 12, single);
    }

    @Test
    void noRowOf2026_2ChangesWithoutTakingTheNewVersion() {
        for (String set : List.of("cn", "ipcc2006", "uk-desnz", "us-epa")) {
            assertEquals(List.of(), FactorLibrary.bundled().diff(set + "@2026.1", set + "@2026.2").unversioned(), set);
        }
    }

    @Test
    void blendGwpsAreTheWeightedSumsOfTheirComponentsRounded() {
        Map<String, Map<String, String>> composition = Map.of(
                "R-404A", Map.of("R-125", "0.44", "R-143a", "0.52", "R-134a", "0.04"),
                "R-407C", Map.of("R-32", "0.23", "R-125", "0.25", "R-134a", "0.52"),
                "R-410A", Map.of("R-32", "0.5", "R-125", "0.5"),
                "R-407A", Map.of("R-32", "0.2", "R-125", "0.4", "R-134a", "0.4"),
                "R-507A", Map.of("R-125", "0.5", "R-143a", "0.5"));
        for (String version : List.of("2026.1", "2026.2")) {
        List<Factor> gwps = of(version).stream().filter(f -> f.kind() == FactorKind.GWP).toList();
        for (String ar : List.of("AR4", "AR5", "AR6")) {
            Map<String, BigDecimal> byGas = gwps.stream().filter(f -> f.basis().equals(ar))
                    .collect(Collectors.toMap(Factor::gas, Factor::value));
            composition.forEach((blend, parts) -> {
                if (!byGas.containsKey(blend)) {
                    return; // R-407A and R-507A from 2026.2 on
                }
                BigDecimal sum = parts.entrySet().stream()
                        .map(p -> byGas.get(p.getKey()).multiply(new BigDecimal(p.getValue())))
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
                assertEquals(0, sum.setScale(0, RoundingMode.HALF_UP).compareTo(byGas.get(blend)),
                        ar + " " + blend + ": " + sum);
            });
        }
        }
    }

    @Test
    void blendGwpsOf2026_2SayTheyAreComputedAndFromWhichTable() {
        Factor r410a = FactorLibrary.bundled().release("ipcc2006@2026.2").factors().stream()
                .filter(f -> f.id().equals("ipcc2006.gwp.ar6.r-410a")).findFirst().orElseThrow();
        // 0.50 × 771 + 0.50 × 3740 = 2255.5 → 2256
        assertEquals("2256", r410a.value().toPlainString());
        assertEquals("Computed, not published by IPCC: 0.50 × GWP(R-32) + 0.50 × GWP(R-125), component GWPs from IPCC AR6"
                + " WG1 (2021), Ch. 7 Supplementary Material, Table 7.SM.7; composition by mass per ASHRAE Standard 34"
                + " (50 % R-32, 50 % R-125)", r410a.source());
    }

    @Test
    void chinasResidualMixIsLabelledAsAProxy() {
        List<Factor> proxies = all().stream().filter(f -> f.kind() == FactorKind.RESIDUAL_MIX).toList();
        assertEquals(6, proxies.size(), "three in each cn release");
        proxies.forEach(f -> assertTrue(f.note().startsWith("proxy:"), f.id()));
    }

    @Test
    void countrySetsHoldNoFactorForEveryRegion() {
        FactorLibrary.bundled().releases().stream().filter(r -> !r.isFallback()).forEach(r ->
                r.factors().forEach(f -> assertFalse(f.region().equals("*"), f.id() + " would apply to every country")));
    }

    @Test
    void unverifiedValuesAreNotShipped() {
        List<Factor> all = all();
        // LPG in China: no source for 50.179 GJ/t etc.
        assertTrue(all.stream().noneMatch(f -> f.set().startsWith("cn@") && f.carrier() == Carrier.LPG));
        // Diesel/gasoline carbon content and oxidation: the document is unconfirmed; gasoline NCV likewise
        assertTrue(all.stream().noneMatch(f -> f.set().startsWith("cn@") && (f.kind() == FactorKind.CARBON_CONTENT
                || f.kind() == FactorKind.OXIDATION) && f.carrier() != Carrier.NATURAL_GAS));
        assertTrue(all.stream().noneMatch(f -> f.set().startsWith("cn@") && f.kind() == FactorKind.NCV
                && f.carrier() == Carrier.GASOLINE));
        // GB/T 2589 electricity "equal value" and 0.2571 kgce/t for water
        assertTrue(all.stream().noneMatch(f -> f.kind() == FactorKind.TCE && f.value().toPlainString().equals("0.2571")));
        assertEquals(2, all.stream().filter(f -> f.kind() == FactorKind.TCE && f.carrier() == Carrier.ELECTRICITY).count(),
                "one in each cn release");
        // Motor gasoline CH4/N2O in IPCC Tables 2.2/2.4
        assertTrue(all.stream().noneMatch(f -> f.carrier() == Carrier.GASOLINE && f.gas() != null
                && !f.gas().equals("CO2")));
        // DESNZ district heat 2024 and eGRID2022 CO2e
        assertTrue(all.stream().noneMatch(f -> f.set().startsWith("uk-desnz@") && f.basis().isEmpty()
                && (f.carrier() == Carrier.HEAT || f.carrier() == Carrier.STEAM) && f.validOn(LocalDate.of(2024, 6, 1))));
        assertTrue(all.stream().noneMatch(f -> f.set().startsWith("us-epa@") && "CO2e".equals(f.gas())));
        // MEE/NBS 2023 provincial factors (no copy found) and any Tibet factor (MEE/NBS publish none)
        assertTrue(all.stream().noneMatch(f -> f.region().matches("CN-[A-Z]{2}") && f.validOn(LocalDate.of(2023, 6, 1))));
        assertTrue(all.stream().noneMatch(f -> f.region().equals("CN-XZ")));
        // eGRID2023: no value confirmed
        assertTrue(all.stream().noneMatch(f -> f.set().startsWith("us-epa@") && f.validOn(LocalDate.of(2023, 6, 1))
                && f.carrier() == Carrier.ELECTRICITY));
    }
}
