package org.wattledger.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ledger's commands end to end, in process, the same on every database
 * ({@link LedgerFlowH2Test}, {@link LedgerFlowPostgresTest}): import, report, the same bytes
 * refused, a correction, the report as of the first batch, history.
 */
abstract class LedgerFlowContract {
    @TempDir
    Path dir;

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /** A new, empty ledger as {@code --ledger} names it. */
    abstract String newLedger();

    /** Electricity 0.5 t CO2/MWh (a test sheet; the figures below follow from it by hand). */
    private Path factorSheet() throws IOException {
        Path f = dir.resolve("own-factors.csv");
        Files.writeString(f, "id,carrier,kind,gas,value,unit,region,valid_from,valid_to,source,version\n"
                + "t.grid,electricity,emission,CO2,0.5,t/MWh,*,2024-01-01,2024-12-31,test sheet: grid,1\n");
        return f;
    }

    private Path folder(String name, String... readingRows) throws IOException {
        Path folder = Files.createDirectories(dir.resolve(name));
        Files.writeString(folder.resolve("readings.csv"), "site,meter,carrier,from,to,quantity,unit\n"
                + String.join("\n", readingRows) + "\n");
        return folder;
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    private String[] report(String ledger, Path sheet, String... more) {
        List<String> args = new ArrayList<>(List.of("report", "--ledger", ledger, "--factors", "none", "--factor-sheet",
                sheet.toString(), "--period", "2024-01..2024-02", "--format", "json"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    private static BigDecimal scope2(String json) throws IOException {
        return JSON.readTree(json).get("totals").get("scope2Location").get("value").decimalValue();
    }

    @Test
    void importReportDuplicateCorrectionAsOfAndHistory() throws Exception {
        String ledger = newLedger();
        Path sheet = factorSheet();
        Path first = folder("january-february", "S1,E1,electricity,2024-01-01,2024-01-31,1000,kWh",
                "S1,E1,electricity,2024-02-01,2024-02-29,2000,kWh");

        Cli.Run imported = Cli.run("import", first.toString(), "--ledger", ledger, "--note", "first upload",
                "--user", "engineer");
        assertEquals(ExitCode.OK, imported.exitCode(), imported.stderr());
        assertEquals("batch 1: read 2, accepted 2, rejected 0\n", imported.stdout());

        Cli.Run r1 = Cli.run(report(ledger, sheet));
        assertEquals(ExitCode.OK, r1.exitCode(), r1.stderr());
        assertTrue(r1.stderr().startsWith("batch 1: read 2, accepted 2, rejected 0\n"), r1.stderr());
        // (1,000 + 2,000) kWh = 3 MWh × 0.5 t/MWh = 1.5 t CO2.
        assertEquals(0, new BigDecimal("1.5").compareTo(scope2(r1.stdout())));
        // The same rows from the files give the same bytes: the report names the same inputs and options.
        Cli.Run fromFiles = Cli.run("report", first.toString(), "--factors", "none", "--factor-sheet", sheet.toString(),
                "--period", "2024-01..2024-02", "--format", "json");
        assertEquals(fromFiles.stdout(), r1.stdout());

        Cli.Run again = Cli.run("import", first.toString(), "--ledger", ledger);
        assertEquals(ExitCode.INPUT_ERRORS, again.exitCode());
        assertEquals("", again.stdout());
        assertEquals("wattledger: duplicate batch: readings.csv has the same bytes (SHA-256 "
                + sha256(first.resolve("readings.csv")) + ") as readings.csv in batch 1. Nothing was stored.\n",
                again.stderr());

        Path corrected = folder("february-corrected", "S1,E1,electricity,2024-01-01,2024-01-31,1000,kWh",
                "S1,E1,electricity,2024-02-01,2024-02-29,2500,kWh");
        Cli.Run correction = Cli.run("import", corrected.toString(), "--ledger", ledger, "--supersedes", "1",
                "--note", "February corrected", "--user", "engineer");
        assertEquals(ExitCode.OK, correction.exitCode(), correction.stderr());
        assertEquals("batch 2: read 2, accepted 2, rejected 0\n", correction.stdout());

        Cli.Run r2 = Cli.run(report(ledger, sheet));
        assertEquals(ExitCode.OK, r2.exitCode(), r2.stderr());
        assertEquals("batch 2: read 2, accepted 2, rejected 0\n", r2.stderr());
        // (1,000 + 2,500) kWh = 3.5 MWh × 0.5 t/MWh = 1.75 t CO2.
        assertEquals(0, new BigDecimal("1.75").compareTo(scope2(r2.stdout())));

        Cli.Run asOfFirst = Cli.run(report(ledger, sheet, "--as-of", "1"));
        assertEquals(ExitCode.OK, asOfFirst.exitCode(), asOfFirst.stderr());
        assertArrayEquals(r1.stdout().getBytes(StandardCharsets.UTF_8), asOfFirst.stdout().getBytes(StandardCharsets.UTF_8));

        Cli.Run history = Cli.run("history", "--ledger", ledger, "--format", "json");
        assertEquals(ExitCode.OK, history.exitCode(), history.stderr());
        JsonNode batches = JSON.readTree(history.stdout());
        assertEquals(2, batches.size());
        JsonNode b1 = batches.get(0);
        assertEquals(1, b1.get("batch").asInt());
        assertEquals("engineer", b1.get("user").asText());
        assertEquals("first upload", b1.get("note").asText());
        assertEquals(2, b1.get("read").asInt());
        assertEquals(2, b1.get("accepted").asInt());
        assertEquals(0, b1.get("rejected").asInt());
        assertTrue(b1.get("supersedes").isNull());
        assertEquals(2, b1.get("supersededBy").asInt());
        assertEquals("readings.csv", b1.get("files").get(0).get("name").asText());
        assertEquals(sha256(first.resolve("readings.csv")), b1.get("files").get(0).get("sha256").asText());
        JsonNode b2 = batches.get(1);
        assertEquals(2, b2.get("batch").asInt());
        assertEquals(1, b2.get("supersedes").asInt());
        assertTrue(b2.get("supersededBy").isNull());
        assertEquals("February corrected", b2.get("note").asText());
        assertEquals(sha256(corrected.resolve("readings.csv")), b2.get("files").get(0).get("sha256").asText());

        // As of the instant batch 1 was stored: the first report again, byte for byte.
        Cli.Run asOfInstant = Cli.run(report(ledger, sheet, "--as-of", b1.get("at").asText()));
        assertEquals(r1.stdout(), asOfInstant.stdout());
    }

    private Path csv(String name, String... readingRows) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, "site,meter,carrier,from,to,quantity,unit,type\n" + String.join("\n", readingRows) + "\n");
        return file;
    }

    /**
     * The ledger report streams the readings one meter at a time from the database; it must give
     * the file report's bytes when the input stage's checks span batches: a register read in batch
     * 3 differenced against batch 1's, a duplicate, a gap, and batch 2 superseded by batch 3.
     */
    @Test
    void theStreamedReportOfRegistersAGapADuplicateAndACorrectionIsTheFileReport() throws Exception {
        String ledger = newLedger();
        Path sheet = factorSheet();
        Path janFeb = csv("jan-feb.csv",
                "S1,R1,electricity,2024-01-01 00:00,2024-01-01 00:00,1000,kWh,register",
                "S1,E1,electricity,2024-01-01,2024-01-31,100,kWh,consumption",
                "S2,E9,electricity,2024-01-01,2024-01-31,50,kWh,consumption",
                "S1,R1,electricity,2024-02-01 00:00,2024-02-01 00:00,1500,kWh,register",
                "S1,E1,electricity,2024-01-01,2024-01-31,100,kWh,consumption"); // row 6: a duplicate of row 3
        Path march = csv("mar.csv", "S1,E1,electricity,2024-03-01,2024-03-31,300,kWh,consumption");
        Path marchCorrected = csv("mar-corrected.csv",
                "S2,E9,electricity,2024-02-01,2024-02-29,70,kWh,consumption",
                "S1,R1,electricity,2024-03-01 00:00,2024-03-01 00:00,2200,kWh,register",
                "S1,E1,electricity,2024-03-01,2024-03-31,330,kWh,consumption");
        assertEquals(ExitCode.OK, Cli.run("import", janFeb.toString(), "--ledger", ledger).exitCode());
        assertEquals(ExitCode.OK, Cli.run("import", march.toString(), "--ledger", ledger).exitCode());
        Cli.Run correction = Cli.run("import", marchCorrected.toString(), "--ledger", ledger, "--supersedes", "2");
        assertEquals(ExitCode.OK, correction.exitCode(), correction.stderr());

        List<String> options = List.of("--factors", "none", "--factor-sheet", sheet.toString(), "--period",
                "2024-01..2024-03", "--lineage");
        Path fromLedger = dir.resolve("from-ledger");
        Path fromFiles = dir.resolve("from-files");
        List<String> ledgerArgs = new ArrayList<>(List.of("report", "--ledger", ledger, "--out", fromLedger.toString()));
        ledgerArgs.addAll(options);
        List<String> fileArgs = new ArrayList<>(List.of("report", janFeb.toString(), marchCorrected.toString(), "--out",
                fromFiles.toString()));
        fileArgs.addAll(options);
        Cli.Run ledgerRun = Cli.run(ledgerArgs.toArray(String[]::new));
        Cli.Run fileRun = Cli.run(fileArgs.toArray(String[]::new));
        // The duplicate (jan-feb.csv row 6) is an error: both reports are incomplete.
        assertEquals(ExitCode.INPUT_ERRORS, ledgerRun.exitCode(), ledgerRun.stderr());
        assertEquals(ExitCode.INPUT_ERRORS, fileRun.exitCode(), fileRun.stderr());
        String json = Files.readString(fromLedger.resolve("report.json"));
        // R1: registers 1,000 → 1,500 (batch 1) → 2,200 (batch 3): 500 + 700 = 1,200 kWh; E1: 100 (row 6, the
        // duplicate, is rejected) + 330 (batch 3; batch 2's 300 is superseded) = 430 kWh; E9: 50 + 70 = 120 kWh.
        // 1,200 + 430 + 120 = 1,750 kWh = 1.75 MWh × 0.5 t/MWh = 0.875 t CO2.
        assertEquals(0, new BigDecimal("0.875").compareTo(scope2(json)));
        JsonNode rows = JSON.readTree(json).get("rows");
        // Read 5 + 3 rows of the active batches 1 and 3; the duplicate moves from accepted to rejected.
        assertEquals(List.of(8, 7, 1), List.of(rows.get("read").asInt(), rows.get("accepted").asInt(),
                rows.get("rejected").asInt()));
        List<String> issues = new ArrayList<>();
        JSON.readTree(json).get("issues").forEach(i -> issues.add(i.get("severity").asText() + " " + i.path("file")
                .asText() + " " + i.path("row").asText() + " " + i.path("column").asText() + ": " + i.get("message").asText()));
        assertTrue(issues.contains("error jan-feb.csv 6 D: duplicate reading: row 3 has the same meter and period"
                + " (2024-01-01..2024-01-31)"), issues.toString());
        // E1 reads January (batch 1) and March (batch 3), nothing for February.
        assertTrue(issues.contains("warning mar-corrected.csv 4 D: gap before this reading: meter S1/E1 (electricity)"
                + " has no reading for 2024-02-01..2024-02-29"), issues.toString());
        List<String> written;
        try (var files = Files.list(fromFiles)) {
            written = files.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertTrue(written.containsAll(List.of("report.json", "report.html", "report.xlsx", "summary.csv", "monthly.csv",
                "issues.csv")), written.toString());
        for (String name : written) {
            if (Files.isRegularFile(fromFiles.resolve(name))) {
                assertArrayEquals(Files.readAllBytes(fromFiles.resolve(name)), Files.readAllBytes(fromLedger.resolve(name)),
                        name);
            }
        }

        // Without --period (the latest year of the accepted readings, 2024) and with --fill-gaps: the same text.
        Cli.Run ledgerText = Cli.run("report", "--ledger", ledger, "--factors", "none", "--factor-sheet",
                sheet.toString(), "--fill-gaps");
        Cli.Run fileText = Cli.run("report", janFeb.toString(), marchCorrected.toString(), "--factors", "none",
                "--factor-sheet", sheet.toString(), "--fill-gaps");
        assertTrue(fileText.stdout().contains("2024-01-01 .. 2024-12-31"), fileText.stdout());
        assertEquals(fileText.stdout(), ledgerText.stdout());
    }

    @Test
    void aBundleOfALedgerReportHoldsTheActiveBatchesFilesAndVerifies() throws Exception {
        String ledger = newLedger();
        Path sheet = factorSheet();
        Path first = folder("first", "S1,E1,electricity,2024-01-01,2024-01-31,1000,kWh",
                "S1,E1,electricity,2024-02-01,2024-02-29,2000,kWh");
        Path corrected = folder("corrected", "S1,E1,electricity,2024-01-01,2024-01-31,1200,kWh",
                "S1,E1,electricity,2024-02-01,2024-02-29,2000,kWh");
        Files.writeString(corrected.resolve("sites.csv"), "site,name,region\nS1,Site one,CN-BJ\n");
        assertEquals(ExitCode.OK, Cli.run("import", first.toString(), "--ledger", ledger).exitCode());
        Cli.Run correction = Cli.run("import", corrected.toString(), "--ledger", ledger, "--supersedes", "1");
        assertEquals(ExitCode.OK, correction.exitCode(), correction.stderr());
        Path bundle = dir.resolve("ledger-report.zip");
        Cli.Run report = Cli.run(report(ledger, sheet, "--bundle", bundle.toString()));
        assertEquals(ExitCode.OK, report.exitCode(), report.stderr());
        // Only the active batch's files are in it: batch 2's, not the superseded readings of batch 1.
        List<String> inputs = new ArrayList<>();
        try (var zip = new java.util.zip.ZipFile(bundle.toFile())) {
            zip.stream().map(java.util.zip.ZipEntry::getName).filter(n -> n.startsWith("inputs/")).forEach(inputs::add);
            assertArrayEquals(Files.readAllBytes(corrected.resolve("readings.csv")),
                    zip.getInputStream(zip.getEntry("inputs/ledger/readings.csv")).readAllBytes());
            assertEquals(report.stdout(), new String(zip.getInputStream(zip.getEntry("outputs/report.json")).readAllBytes(),
                    StandardCharsets.UTF_8));
        }
        assertEquals(List.of("inputs/ledger/readings.csv", "inputs/ledger/sites.csv"), inputs.stream().sorted().toList());
        // (1,200 + 2,000) kWh = 3.2 MWh × 0.5 t/MWh = 1.6 t CO2.
        assertEquals(0, new BigDecimal("1.6").compareTo(scope2(report.stdout())));
        Cli.Run verify = Cli.run("verify", bundle.toString());
        assertEquals(ExitCode.OK, verify.exitCode(), verify.stdout() + verify.stderr());
        assertTrue(verify.stdout().contains("OK report.json\n"), verify.stdout());
        assertFalse(verify.stdout().contains("DIFFERS"), verify.stdout());
    }

    @Test
    void rejectedRowsAreListedNotStoredAndTheReportSaysSo() throws Exception {
        String ledger = newLedger();
        Path sheet = factorSheet();
        Path input = folder("with-a-bad-row", "S1,E1,electricity,2024-01-01,2024-01-31,1000,kWh",
                "S1,E1,electricity,2024-02-01,2024-02-29,n/a,kWh");
        Cli.Run imported = Cli.run("import", input.toString(), "--ledger", ledger);
        assertEquals(ExitCode.INPUT_ERRORS, imported.exitCode());
        assertEquals("batch 1: read 2, accepted 1, rejected 1\n", imported.stdout());
        assertTrue(imported.stderr().contains("error: readings.csv, row 3, column F: 'n/a' is not a number"),
                imported.stderr());
        Cli.Run report = Cli.run(report(ledger, sheet));
        assertEquals(ExitCode.INPUT_ERRORS, report.exitCode());
        JsonNode json = JSON.readTree(report.stdout());
        assertFalse(json.get("complete").asBoolean());
        assertEquals(1, json.get("rows").get("rejected").asInt());
        // January only: 1 MWh × 0.5 t/MWh = 0.5 t CO2; February's row was not stored.
        assertEquals(0, new BigDecimal("0.5").compareTo(scope2(report.stdout())));
        Cli.Run fromFiles = Cli.run("report", input.toString(), "--factors", "none", "--factor-sheet", sheet.toString(),
                "--period", "2024-01..2024-02", "--format", "json");
        assertEquals(fromFiles.stdout(), report.stdout());
    }

    @Test
    void aFactorTableInTheInputsIsRefusedWithNothingStored() throws Exception {
        String ledger = newLedger();
        Path input = folder("with-factors", "S1,E1,electricity,2024-01-01,2024-01-31,1000,kWh");
        Files.copy(factorSheet(), input.resolve("factors.csv"));
        Cli.Run imported = Cli.run("import", input.toString(), "--ledger", ledger);
        assertEquals(ExitCode.USAGE, imported.exitCode());
        assertEquals("wattledger: the inputs hold a factor table (a factors sheet or factors.csv); the ledger stores"
                + " meter data only: import without it and give it to report --ledger as --factor-sheet\n",
                imported.stderr());
        Cli.Run history = Cli.run("history", "--ledger", ledger);
        assertEquals("the ledger holds no batch yet\n", history.stdout());
    }

    @Test
    void asOfABatchTheLedgerDoesNotHoldIsAUsageError() throws Exception {
        String ledger = newLedger();
        Cli.run("import", folder("one", "S1,E1,electricity,2024-01-01,2024-01-31,1000,kWh").toString(), "--ledger", ledger);
        Cli.Run run = Cli.run("report", "--ledger", ledger, "--as-of", "7");
        assertEquals(ExitCode.USAGE, run.exitCode());
        assertEquals("wattledger: --as-of 7: the ledger has batches 1..1\n", run.stderr());
    }

    /**
     * Measurement points, zones, a PUE contract and a structural change are stored with the batch:
     * the ledger's report has the PUE category, partial PUE, contract settlement and recalculation
     * of the file report, byte for byte.
     */
    @Test
    void aDataCentresContractsChangesAndMeterTagsGiveTheFileReport() throws Exception {
        String ledger = newLedger();
        Path sheet = factorSheet();
        Path folder = Files.createDirectories(dir.resolve("dc"));
        Files.writeString(folder.resolve("readings.csv"),
                "site,meter,carrier,role,measurement_point,zone,from,to,quantity,unit\n"
                        + "DC1,MAIN,electricity,main,,,2024-01-01,2024-01-31,1400,kWh\n"
                        + "DC1,IT-A,electricity,it,pdu_output,A,2024-01-01,2024-01-31,1000,kWh\n"
                        + "DC1,SUB-A,electricity,sub,,A,2024-01-01,2024-01-31,300,kWh\n"
                        + "DC1,MAIN,electricity,main,,,2024-02-01,2024-02-29,1500,kWh\n"
                        + "DC1,IT-A,electricity,it,,,2024-02-01,2024-02-29,1000,kWh\n"
                        + "DC1,SUB-A,electricity,sub,,,2024-02-01,2024-02-29,250,kWh\n");
        Files.writeString(folder.resolve("contracts.csv"),
                "site,counterparty,target_pue,amount_per_0.01,currency,cap,basis,from,to\n"
                        + "DC1,ColoCo,1.42,1000,CNY,,monthly,2024-01-01,2024-02-29\n");
        Files.writeString(folder.resolve("changes.csv"), "type,date,sites,emissions (t CO2e),note\n"
                + "acquisition,2025-01-01,DC1,0.1,bought hall B\n");
        Cli.Run imported = Cli.run("import", folder.toString(), "--ledger", ledger);
        assertEquals(ExitCode.OK, imported.exitCode(), imported.stderr());

        Cli.Run fromLedger = Cli.run(report(ledger, sheet));
        Cli.Run fromFiles = Cli.run("report", folder.toString(), "--factors", "none", "--factor-sheet", sheet.toString(),
                "--period", "2024-01..2024-02", "--format", "json");
        assertEquals(fromFiles.exitCode(), fromLedger.exitCode(), fromLedger.stderr());
        JsonNode report = JSON.readTree(fromLedger.stdout());
        JsonNode site = report.get("sites").get(0);
        // IT-A measures at the PDU output (its February row takes the meter's point): PUE2.
        assertEquals("PUE2", site.get("pue").get("category").asText(), fromLedger.stdout());
        // Zone A: (IT 1,000 + 1,000 + sub 300 + 250) / IT 2,000 kWh = 2,550 / 2,000 = 1.275.
        assertEquals(0, new BigDecimal("1.275").compareTo(site.get("partialPue").get(0).get("value").decimalValue()));
        // PUE January 1,400 / 1,000 = 1.40: 2 steps of 0.01 below 1.42, −2 × 1,000 = −2,000 CNY (a bonus);
        // February 1,500 / 1,000 = 1.50: 8 steps above, +8,000 CNY. The contract: −2,000 + 8,000 = 6,000 CNY.
        JsonNode contract = report.get("contracts").get(0);
        assertEquals(0, new BigDecimal("6000").compareTo(contract.get("amount").get("value").decimalValue()));
        // Base year 2024: MAIN 1,400 + 1,500 = 2,900 kWh × 0.5 t/MWh = 1.45 t; the acquisition adds 0.1 t to it.
        JsonNode recalculation = report.get("recalculation");
        assertEquals(0, new BigDecimal("1.45").compareTo(recalculation.get("baseEmissions").get("value").decimalValue()));
        assertEquals(0, new BigDecimal("1.55").compareTo(
                recalculation.get("restatedBaseEmissions").get("value").decimalValue()));
        assertArrayEquals(fromFiles.stdout().getBytes(StandardCharsets.UTF_8),
                fromLedger.stdout().getBytes(StandardCharsets.UTF_8));
    }
}
