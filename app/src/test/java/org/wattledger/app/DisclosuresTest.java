package org.wattledger.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HKEX A1.2 / A2.1 / A2.2 table from a small activity data set and the bundled factor
 * releases cn@2026.2 and ipcc2006@2026.2, every figure worked out by hand below; and the same
 * report in Chinese.
 */
final class DisclosuresTest {
    @TempDir
    Path dir;

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /**
     * One office in China (region CN), 2023: 200,000 kWh of grid electricity, 9 t of diesel in a
     * generator, 5 kg of R-134a topped up, 1,200 m3 of water; 10 people.
     */
    private Path input() throws IOException {
        Path in = dir.resolve("in");
        Files.createDirectories(in);
        Files.writeString(in.resolve("sites.csv"), "site,name,region,kind\nS1,Head office,CN,office\n");
        Files.writeString(in.resolve("readings.csv"), String.join("\n",
                "site,meter,carrier,gas,use,role,from,to,quantity,unit",
                "S1,E1,electricity,,,main,2023-01-01,2023-12-31,200000,kWh",
                "S1,D1,diesel,,stationary,main,2023-01-01,2023-12-31,9,t",
                "S1,AC1,refrigerant,R-134a,,main,2023-06-01,2023-06-01,5,kg",
                "S1,W1,water,,,main,2023-01-01,2023-12-31,1200,m3") + "\n");
        Files.writeString(in.resolve("denominators.csv"),
                "boundary,from,to,name,value,unit\n*,2023-01-01,2023-12-31,headcount,10,person\n");
        return in;
    }

    /** The JSON report alone (quick), or with {@code --format all}-style extra options every file. */
    private JsonNode report(String... extra) throws IOException {
        List<String> args = new ArrayList<>(List.of("report", input().toString(), "--factors",
                "cn@2026.2,ipcc2006@2026.2", "--period", "2023", "--out", dir.resolve("out").toString()));
        if (extra.length == 0) {
            args.addAll(List.of("--format", "json"));
        }
        args.addAll(List.of(extra));
        Cli.Run run = Cli.run(args.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.stderr());
        return JSON.readTree(dir.resolve("out/report.json").toFile());
    }

    private static JsonNode row(JsonNode hkex, String item) {
        for (JsonNode r : hkex) {
            if (r.get("item").asText().equals(item)) {
                return r;
            }
        }
        throw new AssertionError("no HKEX row " + item + " in " + hkex);
    }

    private static void assertValue(String expected, JsonNode row, String unit) {
        assertEquals(0, new BigDecimal(expected).compareTo(row.get("value").decimalValue()),
                row.get("item") + ": expected " + expected + " but was " + row.get("value"));
        assertEquals(unit, row.get("unit").asText(), row.get("item") + " unit");
    }

    @Test
    void hkexTableFromActivityDataAndPublishedFactors() throws IOException {
        JsonNode hkex = report().get("disclosures").get("hkex");
        // A1.2 Scope 1, diesel: GB/T 2589—2020 Appendix A NCV 42.652 GJ/t (cn release) × 9 t = 383.868 GJ
        // = 0.383868 TJ. IPCC 2006 Vol. 2 Table 1.4 CO2 74,100 kg/TJ → 28,444.6188 kg; Table 2.4
        // (stationary, commercial) CH4 10 kg/TJ → 3.83868 kg × GWP 28 (AR5) = 107.48304 kg CO2e; N2O
        // 0.6 kg/TJ → 0.2303208 kg × 265 = 61.035012 kg CO2e. Diesel: 28,613.136852 kg CO2e.
        // R-134a: 5 kg × GWP 1,300 (IPCC AR5 Table 8.A.1) = 6,500 kg. Scope 1 = 35,113.136852 kg.
        assertValue("35.113136852", row(hkex, "scope1"), "t CO2e");
        // A1.2 Scope 2: 200 MWh × 0.5306 t CO2/MWh (MEE/NBS Announcement No. 47 of 2025, Table 1,
        // national average for 2023) = 106.12 t; market-based with the residual proxy 0.6096 t/MWh
        // (Table 4, excluding market-traded non-fossil power) = 121.92 t.
        assertValue("106.12", row(hkex, "scope2Location"), "t CO2e");
        assertValue("121.92", row(hkex, "scope2Market"), "t CO2e");
        // Total (location-based) 35.113136852 + 106.12 = 141.233136852 t; per person / 10 = 14.1233136852.
        assertValue("141.233136852", row(hkex, "scope1_2Location"), "t CO2e");
        assertValue("14.1233136852", row(hkex, "intensity.scope1_2_per_headcount"), "t CO2e/person");
        // A1.1 by gas: CO2 28.4446188 t; HFCs 6.5 t CO2e.
        assertValue("28.4446188", row(hkex, "ghg.CO2"), "t CO2e");
        assertValue("6.5", row(hkex, "ghg.HFCs"), "t CO2e");
        // A2.1: diesel 383,868 MJ / 3,600 = 106.63 MWh (direct); electricity 200 MWh (indirect);
        // total 306.63 MWh ('000 kWh); per person 30.663.
        JsonNode diesel = row(hkex, "energy.diesel.t");
        assertValue("106.63", diesel, "MWh");
        assertEquals("9 t", diesel.get("note").asText(), "the carrier's own quantity and unit");
        assertValue("200", row(hkex, "energy.electricity.kWh"), "MWh");
        assertValue("106.63", row(hkex, "energyDirect"), "MWh");
        assertValue("200", row(hkex, "energyIndirect"), "MWh");
        assertValue("306.63", row(hkex, "energy"), "MWh");
        assertValue("30.663", row(hkex, "intensity.energy_per_headcount"), "MWh/person");
        // A2.2: 1,200 m3; per person 120 m3.
        assertValue("1200", row(hkex, "water"), "m3");
        assertValue("120", row(hkex, "intensity.water_per_headcount"), "m3/person");
        // Waste and packaging are not in the input: said so, with no value.
        for (String kpi : List.of("A1.3", "A1.4", "A1.6", "A2.5")) {
            JsonNode r = null;
            for (JsonNode x : hkex) {
                if (x.get("kpi").asText().equals(kpi)) {
                    r = x;
                }
            }
            assertFalse(r.get("supported").asBoolean(), kpi);
            assertFalse(r.has("value"), kpi + " has no value");
        }
    }

    @Test
    void footnotesNameTheFactorSourcesOfEachFigure() throws IOException {
        JsonNode d = report().get("disclosures");
        List<String> sources = new ArrayList<>();
        d.get("footnotes").forEach(f -> sources.add(f.get("source").asText()));
        List<String> scope2 = new ArrayList<>();
        row(d.get("hkex"), "scope2Location").get("footnotes").forEach(n -> scope2.add(sources.get(n.asInt() - 1)));
        assertEquals(List.of("MEE and NBS, 公告2025年第47号 (Announcement No. 47 of 2025), 31 December 2025, Table 1: "
                + "national average"), scope2, "location-based Scope 2 rests on the grid factor alone");
        assertFalse(row(d.get("hkex"), "water").has("footnotes"), "water uses no factor");
    }

    @Test
    void ghgProtocolSummaryByGasAndCategory() throws IOException {
        JsonNode g = report().get("disclosures").get("ghgProtocol");
        // Stationary combustion: the diesel's 28.613136852 t; fugitive: the R-134a's 6.5 t.
        assertEquals("stationaryCombustion", g.get("scope1ByCategory").get(0).get("category").asText());
        assertEquals(0, new BigDecimal("28.613136852").compareTo(g.get("scope1ByCategory").get(0).get("value").decimalValue()));
        assertEquals("fugitive", g.get("scope1ByCategory").get(1).get("category").asText());
        assertEquals(0, new BigDecimal("6.5").compareTo(g.get("scope1ByCategory").get(1).get("value").decimalValue()));
        // CH4: 3.83868 kg = 0.00383868 t of gas, 107.48304 kg = 0.10748304 t CO2e.
        JsonNode ch4 = g.get("scope1ByGas").get(0);
        assertEquals("CH4", ch4.get("gas").asText());
        assertEquals(0, new BigDecimal("0.00383868").compareTo(ch4.get("mass").get("value").decimalValue()));
        assertEquals(0, new BigDecimal("0.10748304").compareTo(ch4.get("co2e").get("value").decimalValue()));
        assertEquals("AR5", g.get("gwpSet").asText());
    }

    @Test
    void writesTheReportInChineseWithEnglishJson() throws IOException {
        JsonNode english = report("--lang", "en");
        byte[] englishJson = Files.readAllBytes(dir.resolve("out/report.json"));
        JsonNode chinese = report("--lang", "zh");
        assertEquals(english, chinese);
        assertEquals(new String(englishJson, StandardCharsets.UTF_8),
                Files.readString(dir.resolve("out/report.json")), "JSON keys and labels stay English");
        String html = Files.readString(dir.resolve("out/report.html"));
        assertTrue(html.contains("<html lang=\"zh\">"), "the page says its language");
        for (String term : List.of("范围一", "范围二", "基于位置", "基于市场", "综合能源消耗量", "标准煤",
                "直接（范围一）及能源间接（范围二）温室气体排放量")) {
            assertTrue(html.contains(term), "the page uses the filers' term " + term);
        }
        assertTrue(html.contains("\"Noto Sans CJK SC\""), "the page names a CJK font stack");
        try (InputStream in = Files.newInputStream(dir.resolve("out/report.xlsx")); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet summary = wb.getSheet("Summary");
            assertEquals("项目", summary.getRow(0).getCell(0).getStringCellValue());
            assertEquals("范围一", summary.getRow(1).getCell(0).getStringCellValue());
            assertEquals("Microsoft YaHei", wb.getFontAt(0).getFontName(), "a CJK-capable font");
        }
        assertTrue(Files.readString(dir.resolve("out/disclosures.csv")).startsWith(
                "table,kpi,item,label,value,unit,supported,note,footnotes\n"), "CSV headers stay English");
    }

    @Test
    void refusesAnUnknownLanguage() throws IOException {
        Cli.Run run = Cli.run("report", input().toString(), "--factors", "cn@2026.2,ipcc2006@2026.2", "--lang", "fr");
        assertEquals(2, run.exitCode(), run.stderr());
        assertTrue(run.stderr().contains("--lang is en or zh, not 'fr'"), run.stderr());
    }
}
