package org.wattledger.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line in process: help, periods, a run with nothing accepted, output failures and
 * hostile text in messages. Every message is checked exactly as the user sees it.
 */
final class CommandLineTest {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final String HEADER = "site,meter,carrier,from,to,quantity,unit\n";

    @TempDir
    Path dir;

    /** Electricity only, 0.5 t CO2/MWh, valid through 2024 (invented for the test). */
    private Path factorSheet() throws IOException {
        Path f = dir.resolve("own-factors.csv");
        Files.writeString(f, "id,carrier,kind,gas,value,unit,region,valid_from,valid_to,source,version\n"
                + "t.grid,electricity,emission,CO2,0.5,t/MWh,*,2024-01-01,2024-12-31,test sheet: grid,1\n");
        return f;
    }

    private Path readings(String rows) throws IOException {
        Path f = dir.resolve("meters.csv");
        Files.writeString(f, HEADER + rows, StandardCharsets.UTF_8);
        return f;
    }

    /** E1: January 1,000 kWh, February 2,000 kWh, ... July 7,000 kWh of 2024. */
    private Path sevenMonths() throws IOException {
        StringBuilder rows = new StringBuilder();
        for (int m = 1; m <= 7; m++) {
            java.time.YearMonth ym = java.time.YearMonth.of(2024, m);
            rows.append("S1,E1,electricity,").append(ym.atDay(1)).append(',').append(ym.atEndOfMonth()).append(',')
                    .append(m * 1000).append(",kWh\n");
        }
        return readings(rows.toString());
    }

    private Cli.Run report(Path input, String... more) throws IOException {
        List<String> args = new ArrayList<>(List.of("report", input.toString(), "--factors", "none", "--factor-sheet",
                factorSheet().toString()));
        args.addAll(List.of(more));
        return Cli.run(args.toArray(String[]::new));
    }

    private static BigDecimal value(JsonNode report, String total) {
        return report.get("totals").get(total).get("value").decimalValue();
    }

    private static List<String> messages(JsonNode report) {
        List<String> out = new ArrayList<>();
        report.get("issues").forEach(i -> out.add(i.get("message").asText()));
        return out;
    }

    @Test
    void helpPrintsTheUsageOfTheProgramOrOfACommand() {
        Cli.Run help = Cli.run("help");
        assertEquals(ExitCode.OK, help.exitCode(), help.stderr());
        assertTrue(help.stdout().startsWith("Usage: wattledger [-hV] [COMMAND]"), help.stdout());
        for (String command : new String[] {"demo", "report", "validate", "factors", "template", "help"}) {
            assertTrue(help.stdout().lines().anyMatch(l -> l.startsWith("  " + command + " ")), command + " in " + help.stdout());
        }
        Cli.Run report = Cli.run("help", "report");
        assertEquals(ExitCode.OK, report.exitCode(), report.stderr());
        assertTrue(report.stdout().startsWith("Usage: wattledger report "), report.stdout());
        assertEquals("", report.stderr());
    }

    @Test
    void aMonthRangeAndASingleMonthAreReportingPeriods() throws Exception {
        Path input = sevenMonths();
        Cli.Run half = report(input, "--period", "2024-01..2024-06", "--format", "json");
        assertEquals(ExitCode.OK, half.exitCode(), half.stderr());
        JsonNode r = JSON.readTree(half.stdout());
        assertEquals("2024-01-01", r.get("period").get("from").asText());
        assertEquals("2024-07-01", r.get("period").get("to").asText());
        // January to June: 1,000 + 2,000 + ... + 6,000 = 21,000 kWh = 21 MWh; × 0.5 t/MWh = 10.5 t (July left out).
        assertEquals(0, new BigDecimal("21").compareTo(value(r, "electricity")));
        assertEquals(0, new BigDecimal("10.5").compareTo(value(r, "scope2Location")));
        Cli.Run march = report(input, "--period", "2024-03", "--format", "json");
        assertEquals(ExitCode.OK, march.exitCode(), march.stderr());
        // March alone: 3,000 kWh = 3 MWh × 0.5 = 1.5 t.
        assertEquals(0, new BigDecimal("1.5").compareTo(value(JSON.readTree(march.stdout()), "scope2Location")));
    }

    @Test
    void aPeriodInAnotherFormIsAUsageErrorSayingWhatIsAccepted() throws Exception {
        Cli.Run run = report(sevenMonths(), "--period", "2024-1..2024-6");
        assertEquals(ExitCode.USAGE, run.exitCode());
        assertEquals("wattledger: --period: '2024-1..2024-6' is not a period; write YYYY, YYYY-MM, or FROM..TO where"
                + " each end is YYYY, YYYY-MM or YYYY-MM-DD (both ends included)\n", run.stderr());
        assertEquals("", run.stdout());
    }

    @Test
    void whenNoReadingIsAcceptedTheReportIsStillWrittenWithEveryIssue() throws Exception {
        Path input = readings("S1,E1,electricity,2024-01-01,2024-01-31,n/a,kWh\n"
                + "S1,E1,electricity,2024-02-01,2024-02-29,lots,kWh\n");
        Cli.Run run = report(input, "--period", "2024", "--format", "json");
        assertEquals(ExitCode.INPUT_ERRORS, run.exitCode(), run.stderr());
        JsonNode r = JSON.readTree(run.stdout());
        assertFalse(r.get("complete").asBoolean());
        // 2 rows read = 0 accepted + 2 rejected.
        assertEquals(2, r.get("rows").get("read").asInt());
        assertEquals(0, r.get("rows").get("accepted").asInt());
        assertEquals(2, r.get("rows").get("rejected").asInt());
        List<String> messages = messages(r);
        assertTrue(messages.contains("'n/a' is not a number (expected a quantity in kWh)"), messages.toString());
        assertTrue(messages.contains("'lots' is not a number (expected a quantity in kWh)"), messages.toString());
        assertTrue(messages.contains("no reading was accepted from the inputs, so the report has no figures"),
                messages.toString());
        assertTrue(run.stderr().contains("error: meters.csv, row 3, column F: 'lots' is not a number"), run.stderr());
    }

    @Test
    void aMeterThatDoesNotCoverThePeriodMakesTheReportIncompleteAndTheTerminalSaysSo() throws Exception {
        // Readings for January to July 2024; no --period, so the report covers 2024 and August to December is uncovered.
        Cli.Run run = report(sevenMonths(), "--format", "json");
        assertEquals(ExitCode.INPUT_ERRORS, run.exitCode(), run.stderr());
        assertEquals("0 errors, 1 warning; the report is incomplete:\n"
                + "  warning: meter S1/E1 (electricity): no readings for 2024-08-01..2024-12-31\n", run.stderr());
        assertFalse(JSON.readTree(run.stdout()).get("complete").asBoolean());
    }

    @Test
    void withoutAPeriodTheNoticeSaysNoAcceptedReadingNamesAYear() throws Exception {
        // The rejected row is dated 2024: "no reading names a year" would be untrue; none accepted does.
        Path input = readings("S1,E1,electricity,2024-01-01,2024-01-31,n/a,kWh\n");
        Cli.Run run = report(input, "--format", "json");
        assertEquals(ExitCode.INPUT_ERRORS, run.exitCode(), run.stderr());
        List<String> messages = messages(JSON.readTree(run.stdout()));
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("no reading was accepted from the inputs, so the report"
                + " has no figures; it covers ") && m.endsWith(", the calendar year before this run, as no accepted"
                + " reading names a year")), messages.toString());
    }

    @Test
    void aWorkbookThatCannotBeOpenedIsOneIssueAndTheOtherInputsAreStillReported() throws Exception {
        // A 0-byte .xlsx and a PNG renamed .xlsx beside good readings: before, opening them to look for a factors
        // sheet crashed the run (exit 1, a stack trace) and the good file was lost with them.
        Path empty = Files.write(dir.resolve("empty.xlsx"), new byte[0]);
        Path png = Files.write(dir.resolve("chart.xlsx"), new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        Path good = readings("S1,E1,electricity,2024-01-01,2024-12-31,10000,kWh\n");
        Cli.Run run = Cli.run("report", empty.toString(), png.toString(), good.toString(), "--factors", "none",
                "--factor-sheet", factorSheet().toString(), "--format", "json");
        assertEquals(ExitCode.INPUT_ERRORS, run.exitCode(), run.stderr());
        assertFalse(run.stderr().contains("Exception"), run.stderr());
        JsonNode r = JSON.readTree(run.stdout());
        List<String> messages = messages(r);
        assertTrue(messages.contains("empty.xlsx is empty (0 bytes), not an Excel workbook"), messages.toString());
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("chart.xlsx ")), messages.toString());
        // The good file still counts: 10,000 kWh = 10 MWh × 0.5 t/MWh = 5 t.
        assertEquals(0, new BigDecimal("5").compareTo(value(r, "scope2Location")));
    }

    @Test
    void aFailedWriteToStandardOutputIsExitOneWithOneLine() throws Exception {
        Path input = sevenMonths();
        Path sheet = factorSheet();
        OutputStream full = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("No space left on device");
            }
        };
        Cli.Run run = Cli.runTo(full, "report", input.toString(), "--factors", "none", "--factor-sheet", sheet.toString(),
                "--period", "2024-01..2024-07", "--format", "json");
        // The seven months read cover the period, so the failed write is the only thing on standard error.
        assertEquals(ExitCode.SOFTWARE, run.exitCode());
        assertEquals("wattledger: cannot write to standard output: No space left on device\n", run.stderr());
    }

    @Test
    void anOutThatCannotBeAFolderIsAUsageError() throws Exception {
        Path input = sevenMonths();
        Path file = Files.writeString(dir.resolve("taken.txt"), "not a folder");
        Cli.Run onFile = report(input, "--out", file.toString());
        assertEquals(ExitCode.USAGE, onFile.exitCode());
        assertEquals("wattledger: --out " + file + " is a file; give a folder to write into\n", onFile.stderr());
        Cli.Run underFile = report(input, "--out", file.resolve("reports").toString());
        assertEquals(ExitCode.USAGE, underFile.exitCode());
        assertEquals("wattledger: --out " + file.resolve("reports") + " lies under " + file
                + ", which is a file, not a folder\n", underFile.stderr());
    }

    @Test
    void theTemplatesOutIsCheckedAlike() throws Exception {
        Path file = Files.writeString(dir.resolve("taken.txt"), "not a folder");
        Cli.Run underFile = Cli.run("template", "--out", file.resolve("t.xlsx").toString());
        assertEquals(ExitCode.USAGE, underFile.exitCode());
        assertEquals("wattledger: --out " + file.resolve("t.xlsx") + " lies under " + file + ", which is a file, not a folder\n",
                underFile.stderr());
        Cli.Run onFolder = Cli.run("template", "--out", Files.createDirectories(dir.resolve("book.xlsx")).toString());
        assertEquals(ExitCode.USAGE, onFolder.exitCode());
        assertEquals("wattledger: --out " + dir.resolve("book.xlsx") + " is a folder; name the .xlsx file to write\n",
                onFolder.stderr());
        // A full disk: the workbook is a link to /dev/full.
        Path full = dir.resolve("full.xlsx");
        Files.createSymbolicLink(full, Path.of("/dev/full"));
        Cli.Run run = Cli.run("template", "--out", full.toString());
        assertEquals(ExitCode.SOFTWARE, run.exitCode());
        assertEquals("wattledger: cannot write " + full + ": No space left on device\n", run.stderr());
    }

    @Test
    void aFullDiskWhileWritingFilesIsExitOneWithOneLine() throws Exception {
        Path input = sevenMonths();
        Path out = Files.createDirectories(dir.resolve("out"));
        // report.json is a link to /dev/full, where every write fails with "No space left on device".
        Files.createSymbolicLink(out.resolve("report.json"), Path.of("/dev/full"));
        Cli.Run run = report(input, "--format", "json", "--out", out.toString());
        assertEquals(ExitCode.SOFTWARE, run.exitCode());
        assertEquals("wattledger: cannot write the report into " + out + ": No space left on device\n", run.stderr());
    }

    @Test
    void controlCharactersFromCellsAreShownEscapedOnTheTerminal() throws Exception {
        // Site id: ESC [ 3 1 m (a colour sequence); a quantity cell with ESC [ 2 J (clear screen).
        Path input = readings("S\u001b[31m1,E1,electricity,2024-01-01,2024-01-31,1000,kWh\n"
                + "S1,E1,electricity,2024-02-01,2024-02-29,1\u001b[2J,kWh\n");
        Cli.Run text = report(input, "--period", "2024");
        assertEquals(ExitCode.INPUT_ERRORS, text.exitCode(), text.stderr());
        assertTrue(text.stderr().contains("error: meters.csv, row 3, column F: '1\\u001B[2J' is not a number"
                + " (expected a quantity in kWh)"), text.stderr());
        assertTrue(text.stdout().contains("S\\u001B[31m1"), text.stdout());
        assertFalse(text.stdout().contains("\u001b") || text.stderr().contains("\u001b"), "no raw escape reaches the terminal");
        Cli.Run json = report(input, "--period", "2024", "--format", "json");
        assertFalse(json.stdout().contains("\u001b"));
        // The JSON still holds the site id exactly: the escape character, written as a JSON escape.
        assertEquals("S\u001b[31m1", JSON.readTree(json.stdout()).get("sites").get(0).get("site").asText());
    }

    @Test
    void aLongValueIsQuotedShortenedInMessages() throws Exception {
        Path input = readings("S1,E1,electricity,2024-01-01,2024-01-31,12 " + "x".repeat(39_997) + ",kWh\n");
        Cli.Run run = report(input, "--period", "2024", "--format", "json");
        assertEquals(ExitCode.INPUT_ERRORS, run.exitCode());
        // The cell is 3 + 39,997 = 40,000 characters; its unit part 'xxx…' is 39,997. Each quoted value
        // shows its first 200 characters, then the marker with its full length.
        String expected = "unknown unit '" + "x".repeat(200) + "… [truncated, 39997 characters]' in '12 "
                + "x".repeat(197) + "… [truncated, 40000 characters]' (expected kWh, MWh, GWh, 度, MJ, GJ, 吉焦, t, 吨,"
                + " kg, L, m3, 立方米 or Nm3, with 万 or 亿 in front for 10^4 or 10^8)";
        List<String> messages = messages(JSON.readTree(run.stdout()));
        assertTrue(messages.contains(expected), () -> "messages: " + messages.stream()
                .map(m -> m.length() > 600 ? m.substring(0, 600) + "..." : m).toList());
    }

    @Test
    void theHtmlReproduceCommandRepeatsEveryOptionOfTheRun() throws Exception {
        Path input = sevenMonths();
        Path releases = Files.createDirectories(dir.resolve("releases"));
        Path out = dir.resolve("out");
        Cli.Run run = report(input, "--gwp", "AR6", "--grid-basis", "ets_reporting", "--fill-gaps",
                "--factor-releases", releases.toString(), "--out", out.toString());
        assertTrue(Files.isRegularFile(out.resolve("report.html")), run.stderr());
        String html = Files.readString(out.resolve("report.html"));
        // The period was not given: the run chose 2024 (its latest year), and the command pins it.
        // --market-allocation was not given either: its default is repeated, so a later default cannot move the figures.
        assertTrue(html.contains("<pre>java -jar wattledger.jar report meters.csv \\\n    --factors none \\\n"
                + "    --factor-sheet own-factors.csv \\\n    --factor-releases releases \\\n    --period 2024 \\\n"
                + "    --energy-basis calorific \\\n    --gwp AR6 \\\n    --grid-basis ets_reporting \\\n"
                + "    --market-allocation pro-rata \\\n    --fill-gaps \\\n    --format json --out out/</pre></li>"), html);
    }

    @Test
    void theReproduceCommandPinsEveryBundledReleaseTheRunUsed() throws Exception {
        // A site in Guangdong without --factors: its region picks cn (newest release) and the ipcc2006
        // fallback. The command must name both releases, or a newer bundled cn would change the rerun.
        Path folder = Files.createDirectories(dir.resolve("company"));
        Files.writeString(folder.resolve("sites.csv"), "site,region\nS1,CN-GD\n");
        Files.writeString(folder.resolve("readings.csv"), HEADER + "S1,E1,electricity,2024-01-01,2024-01-31,100,MWh\n");
        Path out = dir.resolve("out");
        Cli.Run run = Cli.run("report", folder.toString(), "--out", out.toString());
        assertTrue(Files.isRegularFile(out.resolve("report.html")), run.stderr());
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("<pre>java -jar wattledger.jar report readings.csv sites.csv \\\n"
                + "    --factors cn@2026.2,ipcc2006@2026.2 \\\n    --period 2024 \\\n"), html);
    }
}
