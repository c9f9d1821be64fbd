package org.wattledger.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's report.xlsx recalculated by a real spreadsheet, LibreOffice headless: every total on
 * Summary, Sites and Monthly must be a formula whose recalculated value equals the JSON report
 * (and monthly.csv for site-months) within 1e-9 relative. Before LibreOffice opens the workbook,
 * every formula's cached value is overwritten with a sentinel, so a value read back can only
 * come from LibreOffice's own recalculation. Heavy (LibreOffice starts once, ~10 s): its own class.
 * Needs Debian's {@code libreoffice-calc-nogui} ({@code .ci/run} installs it); without
 * {@code soffice} the test fails, it never skips.
 */
final class XlsxRecalculationTest {
    private static final double SENTINEL = -123456.789;
    private static final double RELATIVE = 1e-9;

    @Test
    void libreOfficeRecalculatesTheDemoWorkbookToTheJsonFigures(@TempDir Path dir) throws Exception {
        Cli.Run demo = Cli.run("demo", "--out", dir.resolve("demo").toString());
        assertEquals(ExitCode.OK, demo.exitCode(), demo.stderr());
        JsonNode json = new ObjectMapper().enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).readTree(dir.resolve("demo/report.json").toFile());

        Path poisoned = dir.resolve("in/report.xlsx");
        int formulas = poisonCachedValues(dir.resolve("demo/report.xlsx"), poisoned);
        Path recalculated = recalculate(poisoned, dir);

        try (InputStream in = Files.newInputStream(recalculated); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            int checked = 0;
            // Summary: the headline totals, each a formula equal to the JSON's exact decimal.
            Sheet summary = wb.getSheet("Summary");
            for (String key : List.of("scope1", "scope2Location", "scope2Market", "energy", "energyDirect",
                    "energyIndirect", "energyTce", "water")) {
                Cell value = rowWhere(summary, 1, key).getCell(2);
                assertFormulaEquals(json.at("/totals/" + key + "/value").decimalValue(), value, "Summary " + key);
                checked++;
            }
            // Sites: every site's figures, then the totals row against the organisation's totals.
            Sheet sites = wb.getSheet("Sites");
            List<String> siteKeys = List.of("scope1", "scope2Location", "scope2Market", "energy", "energyDirect",
                    "energyIndirect", "energyTce", "water");
            for (JsonNode site : json.get("sites")) {
                Row row = rowWhere(sites, 0, site.get("site").asText());
                for (int i = 0; i < siteKeys.size(); i++) {
                    JsonNode v = site.at("/" + siteKeys.get(i) + "/value");
                    if (!v.isMissingNode()) {
                        assertFormulaEquals(v.decimalValue(), row.getCell(4 + i), "Sites " + site.get("site").asText()
                                + " " + siteKeys.get(i));
                        checked++;
                    }
                }
            }
            Row sitesTotal = rowWhere(sites, 0, "Total");
            for (int i = 0; i < siteKeys.size(); i++) {
                assertFormulaEquals(json.at("/totals/" + siteKeys.get(i) + "/value").decimalValue(),
                        sitesTotal.getCell(4 + i), "Sites total " + siteKeys.get(i));
                checked++;
            }
            // Monthly: every site-month against monthly.csv (exact decimals), the totals row against the JSON.
            Sheet monthly = wb.getSheet("Monthly");
            List<String[]> csv = monthlyCsv(dir.resolve("demo/monthly.csv"));
            assertEquals(csv.size(), rowWhere(monthly, 0, "Total").getRowNum() - 1, "one Monthly row per site-month");
            for (int r = 0; r < csv.size(); r++) {
                String[] expected = csv.get(r);
                Row row = monthly.getRow(r + 1);
                assertEquals(expected[0], row.getCell(0).getStringCellValue());
                assertEquals(expected[1], row.getCell(1).getLocalDateTimeCellValue().toLocalDate().toString().substring(0, 7));
                for (int c = 2; c <= 7; c++) { // Scope 1, Scope 2 location and market, energy, IT energy, water
                    if (!expected[c].isEmpty()) {
                        assertFormulaEquals(new BigDecimal(expected[c]), row.getCell(c), "Monthly " + expected[0] + " "
                                + expected[1] + " column " + c);
                        checked++;
                    }
                }
            }
            Row monthlyTotal = rowWhere(monthly, 0, "Total");
            List<String> monthKeys = List.of("scope1", "scope2Location", "scope2Market", "energy", "itEnergy", "water");
            for (int i = 0; i < monthKeys.size(); i++) {
                assertFormulaEquals(json.at("/totals/" + monthKeys.get(i) + "/value").decimalValue(),
                        monthlyTotal.getCell(2 + i), "Monthly total " + monthKeys.get(i));
                checked++;
            }
            // 4 sites × 4 months of 2024 at least, so hundreds of cells; every formula was poisoned, none survived.
            assertTrue(checked > 200, "checked " + checked + " cells");
            assertEquals(0, countValue(wb, SENTINEL), "a cached value survived: LibreOffice did not recalculate");
            assertTrue(formulas >= checked, formulas + " formulas, " + checked + " checked");
        }
    }

    private static void assertFormulaEquals(BigDecimal expected, Cell cell, String what) {
        assertTrue(cell != null && cell.getCellType() == CellType.FORMULA, what + " is not a formula: " + cell);
        double actual = cell.getNumericCellValue();
        double want = expected.doubleValue();
        double scale = Math.max(Math.abs(want), 1e-300);
        assertTrue(Math.abs(actual - want) / scale <= RELATIVE,
                what + ": recalculated " + actual + ", JSON " + expected.toPlainString() + " (" + cell.getCellFormula() + ")");
    }

    /** Copies the workbook with every formula's cached value replaced by {@link #SENTINEL}; returns the formula count. */
    private static int poisonCachedValues(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        int n = 0;
        try (InputStream in = Files.newInputStream(from); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            for (Sheet sheet : wb) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        if (cell.getCellType() == CellType.FORMULA) {
                            cell.setCellValue(SENTINEL);
                            n++;
                        }
                    }
                }
            }
            try (OutputStream out = Files.newOutputStream(to)) {
                wb.write(out);
            }
        }
        assertTrue(n > 0, "the workbook has no formulas");
        return n;
    }

    private static int countValue(XSSFWorkbook wb, double value) {
        int n = 0;
        for (Sheet sheet : wb) {
            for (Row row : sheet) {
                for (Cell cell : row) {
                    if (cell.getCellType() == CellType.FORMULA && cell.getCachedFormulaResultType() == CellType.NUMERIC
                            && cell.getNumericCellValue() == value) {
                        n++;
                    }
                }
            }
        }
        return n;
    }

    /**
     * Opens the workbook in LibreOffice headless with "recalculate on load: always" and saves it
     * again as xlsx. A private profile per run keeps parallel runs apart.
     */
    static Path recalculate(Path workbook, Path dir) throws IOException, InterruptedException {
        String soffice = Soffice.find();
        Path profile = dir.resolve("lo-profile");
        Files.createDirectories(profile.resolve("user"));
        Files.writeString(profile.resolve("user/registrymodifications.xcu"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" \
                xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
                <item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" \
                oor:op="fuse"><value>0</value></prop></item>
                </oor:items>
                """, StandardCharsets.UTF_8);
        Path out = Files.createDirectories(dir.resolve("recalculated"));
        List<String> command = new ArrayList<>(List.of(soffice, "-env:UserInstallation=" + profile.toUri(), "--headless",
                "--norestore", "--nologo", "--convert-to", "xlsx", "--outdir", out.toString(), workbook.toString()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("soffice.log").toFile())
                .start();
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("LibreOffice did not finish within 300 s: " + command);
        }
        Path result = out.resolve(workbook.getFileName());
        if (p.exitValue() != 0 || !Files.isRegularFile(result)) {
            fail("LibreOffice could not recalculate " + workbook + " (exit " + p.exitValue() + "): "
                    + Files.readString(dir.resolve("soffice.log")));
        }
        return result;
    }

    private static List<String[]> monthlyCsv(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String[]> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            rows.add(line.split(",", -1)); // demo site ids and numbers hold no comma or quote
        }
        return rows;
    }

    private static Row rowWhere(Sheet sheet, int column, String text) {
        Map<String, Row> seen = new HashMap<>();
        for (Row row : sheet) {
            Cell c = row.getCell(column);
            if (c != null && c.getCellType() == CellType.STRING && c.getStringCellValue().equals(text)) {
                return row;
            }
            if (c != null && c.getCellType() == CellType.STRING) {
                seen.put(c.getStringCellValue(), row);
            }
        }
        throw new AssertionError("no row with " + text + " in " + sheet.getSheetName() + "; rows: " + seen.keySet());
    }
}
