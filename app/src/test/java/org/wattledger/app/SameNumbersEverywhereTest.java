package org.wattledger.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's figures in every output agree with report.json: the CSVs exactly, the xlsx cached
 * values to the double nearest the decimal, the terminal text and the HTML page to the 2 decimals
 * they show (half-up, as {@code String.format("%,.2f")} rounds a BigDecimal).
 */
final class SameNumbersEverywhereTest {
    private static final List<String> KEYS = List.of("scope1", "scope2Location", "scope2Market", "energy", "water");

    @Test
    void jsonCsvTextHtmlAndXlsxShowTheSameFiguresToTheDigitTheyShow(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("demo");
        Cli.Run demo = Cli.run("demo", "--out", out.toString());
        assertEquals(ExitCode.OK, demo.exitCode(), demo.stderr());
        JsonNode json = new ObjectMapper().enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).readTree(out.resolve("report.json").toFile());
        String html = Files.readString(out.resolve("report.html"), StandardCharsets.UTF_8);
        Map<String, String[]> sitesCsv = csvBySite(out.resolve("sites.csv"));
        Map<String, BigDecimal> summaryCsv = new HashMap<>();
        for (String line : Files.readAllLines(out.resolve("summary.csv"), StandardCharsets.UTF_8)) {
            String[] c = line.split(",", -1);
            if (!c[0].equals("metric")) {
                summaryCsv.put(c[0], new BigDecimal(c[1]));
            }
        }
        List<String> csvHeader = List.of(Files.readAllLines(out.resolve("sites.csv"), StandardCharsets.UTF_8).get(0).split(","));

        try (InputStream in = Files.newInputStream(out.resolve("report.xlsx")); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            for (String key : KEYS) {
                BigDecimal total = json.at("/totals/" + key + "/value").decimalValue();
                assertEquals(0, total.compareTo(summaryCsv.get(key)), key + " in summary.csv");
                String shown = twoPlaces(total);
                assertTrue(demo.stdout().matches("(?s).*\n  [A-Za-z0-9 ,-]+ +" + shown.replace(".", "\\.") + "  [^\n]+\n.*"),
                        key + " " + shown + " in the terminal summary:\n" + demo.stdout());
                assertTrue(html.contains("</td><td class=\"num\">" + shown + "</td>"), key + " " + shown + " in the HTML");
                Row row = rowWhere(wb.getSheet("Summary"), 1, key);
                assertEquals(total.doubleValue(), row.getCell(2).getNumericCellValue(), 0, key + " in the xlsx");
                assertEquals(0, total.compareTo(new BigDecimal(row.getCell(4).getStringCellValue())), key + " exact in the xlsx");
            }
            for (JsonNode site : json.get("sites")) {
                String id = site.get("site").asText();
                Row row = rowWhere(wb.getSheet("Sites"), 0, id);
                StringBuilder htmlRow = new StringBuilder();
                for (String key : KEYS) {
                    JsonNode v = site.at("/" + key + "/value");
                    String csv = sitesCsv.get(id)[csvHeader.indexOf(csvHeader.stream().filter(h -> h.startsWith(key + " "))
                            .findFirst().orElseThrow())];
                    if (v.isMissingNode()) {
                        assertEquals("", csv, id + " " + key + ": not applicable in sites.csv");
                        htmlRow.append("<td class=\"num\">—</td>");
                        continue;
                    }
                    assertEquals(0, v.decimalValue().compareTo(new BigDecimal(csv)), id + " " + key + " in sites.csv");
                    htmlRow.append("<td class=\"num\">").append(twoPlaces(v.decimalValue())).append("</td>");
                    int column = 4 + List.of("scope1", "scope2Location", "scope2Market", "energy", "energyDirect",
                            "energyIndirect", "energyTce", "water").indexOf(key);
                    assertEquals(v.decimalValue().doubleValue(), row.getCell(column).getNumericCellValue(), 0,
                            id + " " + key + " in the xlsx");
                }
                assertTrue(html.contains(htmlRow), id + " in the HTML sites table: " + htmlRow);
            }
        }
    }

    /** 689.269440295 → "689.27", 173800.859 → "173,800.86": half-up, comma thousands. */
    private static String twoPlaces(BigDecimal v) {
        return String.format(Locale.ROOT, "%,.2f", v);
    }

    private static Map<String, String[]> csvBySite(Path file) throws IOException {
        Map<String, String[]> out = new HashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            // demo names hold no comma or quote; split on commas
            String[] c = line.split(",", -1);
            out.put(c[0], c);
        }
        return out;
    }

    private static Row rowWhere(Sheet sheet, int column, String text) {
        for (Row row : sheet) {
            if (row.getCell(column) != null && text.equals(row.getCell(column).toString())) {
                return row;
            }
        }
        throw new AssertionError("no row with " + text + " in " + sheet.getSheetName());
    }
}
