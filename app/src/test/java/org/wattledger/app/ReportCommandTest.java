package org.wattledger.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code report} on a small workbook with the user's own factor sheet ({@code --factors none}), in
 * process: totals checked against values worked out by hand below.
 */
final class ReportCommandTest {
    @TempDir
    Path dir;

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /**
     * Factors (invented for the test, each with a source): electricity 0.5 t CO2/MWh; natural gas
     * 1.9 kg CO2/m3 and NCV 389.31 GJ/10^4 Nm3; diesel 2.68 kg CO2e/L and NCV 36 MJ/L.
     */
    private Path factorSheet() throws IOException {
        Path f = dir.resolve("own-factors.csv");
        Files.writeString(f, String.join("\n",
                "id,carrier,kind,gas,value,unit,region,valid_from,valid_to,source,version",
                "t.grid,electricity,emission,CO2,0.5,t/MWh,*,2024-01-01,2024-12-31,test sheet: grid,1",
                "t.ng.co2,natural_gas,emission,CO2,1.9,kg/m3,*,2024-01-01,2024-12-31,test sheet: gas,1",
                "t.ng.ncv,natural_gas,ncv,,389.31,GJ/10^4 Nm3,*,2024-01-01,2024-12-31,test sheet: gas NCV,1",
                "t.diesel,diesel,emission,CO2e,2.68,kg/L,*,2024-01-01,2024-12-31,test sheet: diesel,1",
                "t.diesel.ncv,diesel,ncv,,36,MJ/L,*,2024-01-01,2024-12-31,test sheet: diesel NCV,1") + "\n");
        return f;
    }

    /** readings: header on row 1; the bad row is row 5 ('n/a' in column F, quantity). */
    private Path workbook() throws IOException {
        Path f = dir.resolve("meters.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(f)) {
            Sheet s = wb.createSheet("readings");
            Object[][] rows = {
                {"site", "meter", "carrier", "from", "to", "quantity", "unit"},
                {"S1", "E1", "electricity", "2024-01-01", "2024-01-31", 10000, "kWh"},
                {"S1", "E1", "electricity", "2024-02-01", "2024-02-29", 12000, "kWh"},
                {"S1", "G1", "natural_gas", "2024-01-01", "2024-03-31", 1000, "m3"},
                {"S1", "E1", "electricity", "2024-03-01", "2024-03-31", "n/a", "kWh"},
                {"S1", "D1", "diesel", "2024-01-01", "2024-06-30", 2000, "L"},
                {"S1", "W1", "water", "2024-01-01", "2024-12-31", 500, "m3"},
            };
            for (int r = 0; r < rows.length; r++) {
                Row row = s.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    Object v = rows[r][c];
                    if (v instanceof Integer i) {
                        row.createCell(c).setCellValue(i);
                    } else {
                        row.createCell(c).setCellValue((String) v);
                    }
                }
            }
            wb.write(out);
        }
        return f;
    }

    private static void assertValue(String expected, JsonNode node) {
        assertEquals(0, new BigDecimal(expected).compareTo(node.get("value").decimalValue()),
                "expected " + expected + " but was " + node);
    }

    @Test
    void ownFactorSheetGivesHandWorkedTotalsAndNamesTheBadRow() throws Exception {
        Path sheet = factorSheet();
        Path book = workbook();
        Cli.Run run = Cli.run("report", book.toString(), "--factors", "none", "--factor-sheet", sheet.toString(),
                "--format", "json");
        assertEquals(ExitCode.INPUT_ERRORS, run.exitCode(), run.stderr());
        JsonNode report = JSON.readTree(run.stdout());
        assertEquals("wattledger.report/1", report.get("schema").asText());
        assertFalse(report.get("complete").asBoolean());
        assertEquals(6, report.get("rows").get("read").asInt());
        assertEquals(5, report.get("rows").get("accepted").asInt());
        assertEquals(1, report.get("rows").get("rejected").asInt());
        JsonNode totals = report.get("totals");
        // Scope 1: gas 1,000 m3 × 1.9 kg/m3 = 1,900 kg; diesel 2,000 L × 2.68 kg/L = 5,360 kg; 7.26 t.
        assertValue("7.26", totals.get("scope1"));
        // Scope 2: (10,000 + 12,000) kWh = 22 MWh × 0.5 t/MWh = 11 t; no residual mix, so market = grid average.
        assertValue("11", totals.get("scope2Location"));
        assertValue("11", totals.get("scope2Market"));
        // Energy: 22 MWh + gas 1,000 m3 × 38.931 MJ/m3 = 38,931 MJ + diesel 2,000 L × 36 MJ/L = 72,000 MJ;
        // 79,200 + 38,931 + 72,000 = 190,131 MJ = 52.8141666... MWh (34 significant digits).
        assertEquals("52.81416666666666666666666666666667", totals.get("energy").get("value").decimalValue().toPlainString());
        assertValue("22", totals.get("energyIndirect"));
        assertEquals("30.81416666666666666666666666666667", totals.get("energyDirect").get("value").decimalValue().toPlainString());
        assertValue("500", totals.get("water"));
        assertEquals("m3", totals.get("water").get("unit").asText());
        assertFalse(totals.has("energyTce"), "no GB/T 2589 coefficients in the sheet: no tce, never 0");
        JsonNode bad = null;
        for (JsonNode issue : report.get("issues")) {
            if ("error".equals(issue.get("severity").asText())) {
                bad = issue;
            }
        }
        assertEquals("meters.xlsx", bad.get("file").asText());
        assertEquals("readings", bad.get("sheet").asText());
        assertEquals(5, bad.get("row").asInt());
        assertEquals("F", bad.get("column").asText());
        assertEquals("'n/a' is not a number (expected a quantity in kWh)", bad.get("message").asText());
        assertEquals("own-factors.csv", report.get("factorSet").get("sheets").get(0).get("file").asText());
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(sheet))),
                report.get("factorSet").get("sheets").get(0).get("sha256").asText());
        assertTrue(run.stderr().contains("meters.xlsx, sheet readings, row 5, column F"), run.stderr());
    }

    @Test
    void aLoneReadingsCsvAndAFolderWithFactorsCsvAreReportedAlike() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("company"));
        String readings = "site,meter,carrier,from,to,quantity,unit\n"
                + "S1,E1,electricity,2024-01-01,2024-01-31,10000,kWh\n";
        Files.writeString(folder.resolve("readings.csv"), readings);
        Files.copy(factorSheet(), folder.resolve("factors.csv"));
        Path lone = dir.resolve("meters.csv");
        Files.writeString(lone, readings);
        // 10,000 kWh = 10 MWh × 0.5 t/MWh = 5 t, whether the factors come in the folder or by --factor-sheet.
        // The period is the one month read, so the report is complete.
        Cli.Run inFolder = Cli.run("report", folder.toString(), "--factors", "none", "--format", "json",
                "--period", "2024-01");
        Cli.Run loneCsv = Cli.run("report", lone.toString(), "--factors", "none", "--factor-sheet",
                factorSheet().toString(), "--format", "json", "--period", "2024-01");
        for (Cli.Run run : List.of(inFolder, loneCsv)) {
            assertEquals(ExitCode.OK, run.exitCode(), run.stderr());
            assertValue("5", JSON.readTree(run.stdout()).get("totals").get("scope2Location"));
        }
        assertEquals("company/factors.csv", JSON.readTree(inFolder.stdout()).get("factorSet").get("sheets").get(0).get("file").asText());
    }

    @Test
    void twoRunsGiveIdenticalJsonAndXlsx() throws Exception {
        Path sheet = factorSheet();
        Path book = workbook();
        Cli.Run a = Cli.run("report", book.toString(), "--factors", "none", "--factor-sheet", sheet.toString(),
                "--out", dir.resolve("a").toString());
        Cli.Run b = Cli.run("report", book.toString(), "--factors", "none", "--factor-sheet", sheet.toString(),
                "--out", dir.resolve("b").toString());
        assertEquals(ExitCode.INPUT_ERRORS, a.exitCode(), a.stderr());
        assertEquals(ExitCode.INPUT_ERRORS, b.exitCode(), b.stderr());
        assertArrayEquals(Files.readAllBytes(dir.resolve("a/report.json")), Files.readAllBytes(dir.resolve("b/report.json")));
        assertArrayEquals(Files.readAllBytes(dir.resolve("a/report.xlsx")), Files.readAllBytes(dir.resolve("b/report.xlsx")));
        assertArrayEquals(Files.readAllBytes(dir.resolve("a/report.html")), Files.readAllBytes(dir.resolve("b/report.html")));
        assertTrue(Files.readString(dir.resolve("a/report.html")).contains("&#39;n/a&#39; is not a number (expected a"
                + " quantity in kWh)"));
        assertTrue(a.stderr().startsWith("wrote " + dir.resolve("a/report.json") + "\n"), a.stderr());
    }

    @Test
    void factorSheetWithErrorsIsRejectedWithRowPreciseErrors() throws Exception {
        Path f = dir.resolve("broken.csv");
        Files.writeString(f, String.join("\n",
                "id,carrier,kind,gas,value,unit,region,valid_from,valid_to,source,version",
                "a,electricity,emission,CO2,0.5,t/MWh,*,2024-01-01,2024-12-31,test,1",
                "b,electricity,emission,CO2,0.6,t/MWh,*,2024-06-01,2025-05-31,test,1",
                "c,diesel,emission,CO2,2.6,kg/furlong,*,2024-01-01,,test,1") + "\n");
        Cli.Run run = Cli.run("report", workbook().toString(), "--factors", "none", "--factor-sheet", f.toString());
        assertEquals(ExitCode.INPUT_ERRORS, run.exitCode());
        assertTrue(run.stderr().contains("error: broken.csv, row 4, column F: unknown unit 'furlong'"), run.stderr());
        assertTrue(run.stderr().contains("broken.csv, row 3, column H: validity 2024-06-01..2025-05-31 overlaps row 2"), run.stderr());
    }

    @Test
    void usageErrorsExitWithTwo() throws Exception {
        Cli.Run none = Cli.run("report");
        assertEquals(ExitCode.USAGE, none.exitCode());
        assertTrue(none.stderr().startsWith("Missing required parameter: 'INPUT'"), none.stderr());
        Cli.Run missing = Cli.run("report", dir.resolve("missing.xlsx").toString());
        assertEquals(ExitCode.USAGE, missing.exitCode());
        assertEquals("wattledger: no such file or folder: " + dir.resolve("missing.xlsx") + "\n", missing.stderr());
        Cli.Run bad = Cli.run("report", workbook().toString(), "--energy-basis", "bogus");
        assertEquals(ExitCode.USAGE, bad.exitCode());
        assertEquals("wattledger: --energy-basis is calorific or gbt2589, not 'bogus'\n", bad.stderr());
        Cli.Run help = Cli.run("report", "--help");
        assertEquals(ExitCode.OK, help.exitCode());
        assertTrue(help.stdout().startsWith("Usage: wattledger report "), help.stdout());
    }
}
