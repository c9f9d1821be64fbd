package org.wattledger.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wattledger.engine.calc.Results;
import org.wattledger.engine.model.Carrier;
import org.wattledger.engine.model.DateRange;
import org.wattledger.engine.model.Inventory;
import org.wattledger.engine.model.MeasurementPoint;
import org.wattledger.engine.model.MeterTag;
import org.wattledger.engine.model.PueContract;
import org.wattledger.engine.model.Reading;
import org.wattledger.engine.model.Role;
import org.wattledger.engine.model.Site;
import org.wattledger.engine.model.SiteKind;
import org.wattledger.engine.model.SourceRef;
import org.wattledger.engine.units.CarbonUnits;

/**
 * The data-centre outputs, on one data centre worked out by hand (2024, in service January and February):
 * <pre>
 *            MAIN   IT-A (PDU output, zone A)  IT-B (IT input, zone B)  CRAH-A (sub, zone A)  water  PUE
 * 2024-01    1300            600                       400                     180          4 m3  1.3
 * 2024-02    1200            300                       500                      90          5 m3  1.5
 * year       2500            900                       900                     270          9 m3  2500/1800
 * </pre>
 * Category PUE2 (the lower of PUE2 and PUE3); zone A partial PUE (900 + 270) / 900 = 1.3; WUE 9000 L /
 * 1800 kWh = 5 L/kWh. A monthly contract, target 1.35, 1000 CNY per 0.01, cap 3000: January −5 steps =
 * −5000 → −3000 (capped bonus), February +15 steps = 15000 → +3000 (capped penalty), total 0.
 */
final class DataCentreReportTest {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    static Results dataCentre() {
        Site dc = new Site("DC1", "Hall One", "CN", SiteKind.DATACENTER, new BigDecimal("100"), new BigDecimal("2"),
                null, true, new DateRange(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 3, 1)), null);
        List<Reading> r = new ArrayList<>();
        int row = 2;
        String[][] data = {{"MAIN", "1300", "1200"}, {"IT-A", "600", "300"}, {"IT-B", "400", "500"},
            {"CRAH-A", "180", "90"}};
        Role[] roles = {Role.MAIN, Role.IT, Role.IT, Role.SUB};
        for (int i = 0; i < data.length; i++) {
            for (int m = 1; m <= 2; m++) {
                r.add(Fixtures.month("DC1", data[i][0], Carrier.ELECTRICITY, roles[i], 2024, m, data[i][m],
                        CarbonUnits.KWH, row++));
            }
        }
        r.add(Fixtures.month("DC1", "W", Carrier.WATER, Role.MAIN, 2024, 1, "4", CarbonUnits.M3, row++));
        r.add(Fixtures.month("DC1", "W", Carrier.WATER, Role.MAIN, 2024, 2, "5", CarbonUnits.M3, row++));
        List<MeterTag> tags = List.of(
                new MeterTag("DC1", "IT-A", MeasurementPoint.PDU_OUTPUT, "A", SourceRef.row("meters.xlsx", "readings", 4)),
                new MeterTag("DC1", "IT-B", MeasurementPoint.IT_INPUT, "B", SourceRef.row("meters.xlsx", "readings", 6)),
                new MeterTag("DC1", "CRAH-A", null, "A", SourceRef.row("meters.xlsx", "readings", 8)));
        List<PueContract> contracts = List.of(new PueContract("DC1", "ColoCo", new BigDecimal("1.35"),
                new BigDecimal("1000"), "CNY", new BigDecimal("3000"), PueContract.Basis.MONTHLY,
                new DateRange(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 3, 1)),
                SourceRef.row("meters.xlsx", "contracts", 2)));
        Inventory inv = new Inventory(List.of(dc), r, List.of(), List.of(), List.of(), List.of(),
                new Inventory.RowTally(r.size(), r.size(), 0), List.of(), List.of(), Map.of(), tags, contracts, List.of());
        return Fixtures.run(inv, Fixtures.smallFactors(), 2024);
    }

    private static JsonNode json(Results r) throws IOException {
        return MAPPER.readTree(JsonReport.toJson(r, Fixtures.meta(r)));
    }

    @Test
    void jsonGivesThePueWithItsCategoryAndMonthsAndThePartialPue() throws IOException {
        JsonNode site = json(dataCentre()).get("sites").get(0);
        JsonNode pue = site.get("pue");
        assertEquals("1.388888888888888888888888888888889", pue.get("value").decimalValue().toPlainString());
        assertEquals("PUE2", pue.get("category").asText());
        assertEquals("2024-01", pue.get("months").get(0).get("month").asText());
        assertEquals(0, new BigDecimal("1.3").compareTo(pue.get("months").get(0).get("value").decimalValue()));
        assertEquals(0, new BigDecimal("1.5").compareTo(pue.get("months").get(1).get("value").decimalValue()));
        JsonNode zone = site.get("partialPue").get(0);
        assertEquals("A", zone.get("zone").asText());
        assertEquals(0, new BigDecimal("1.3").compareTo(zone.get("value").decimalValue()));
        assertEquals(1, site.get("partialPue").size(), "zone B has no infrastructure meter");
        assertEquals(0, new BigDecimal("5").compareTo(site.get("wue").get("value").decimalValue()));
        // 1800 kWh / (2 kW × 60 days × 24 h = 2880 kWh)
        assertEquals(0, new BigDecimal("0.625").compareTo(site.get("itCapacityUtilisation").get("value").decimalValue()));
    }

    @Test
    void jsonSettlesTheContractMonthByMonthWithTheCap() throws IOException {
        JsonNode c = json(dataCentre()).get("contracts").get(0);
        assertEquals("monthly", c.get("basis").asText());
        assertEquals(0, c.get("amount").get("value").decimalValue().signum()); // −3000 + 3000
        assertEquals("CNY", c.get("amount").get("unit").asText());
        JsonNode jan = c.get("periods").get(0);
        assertEquals("2024-01-01", jan.get("from").asText());
        assertEquals("2024-02-01", jan.get("to").asText());
        assertEquals(0, new BigDecimal("-0.05").compareTo(jan.get("deviation").decimalValue()));
        assertEquals(0, new BigDecimal("-5000").compareTo(jan.get("uncappedAmount").get("value").decimalValue()));
        assertEquals(0, new BigDecimal("-3000").compareTo(jan.get("amount").get("value").decimalValue()));
        assertTrue(jan.get("capped").asBoolean());
        JsonNode feb = c.get("periods").get(1);
        assertEquals(0, new BigDecimal("15").compareTo(feb.get("steps").decimalValue()));
        assertEquals(0, new BigDecimal("3000").compareTo(feb.get("amount").get("value").decimalValue()));
    }

    @Test
    void htmlTextAndXlsxShowTheCategoryAndTheSettlement() throws IOException {
        Results r = dataCentre();
        String html = HtmlReport.render(r, Fixtures.meta(r));
        assertTrue(html.contains("<td class=\"num\">1.389 (PUE2)</td>"), "the sites table's PUE with its category");
        assertTrue(html.contains("<h2 id=\"pue-contracts\">PUE contract settlement</h2>"), html);
        assertTrue(html.contains("<td>2024-01-01..2024-01-31</td><td class=\"num\">1.350</td><td class=\"num\">1.300</td>"
                + "<td class=\"num\">-0.050</td>"), html);
        String text = TextSummary.render(r, Fixtures.meta(r));
        assertTrue(text.contains("1.389 (PUE2)"), text);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(XlsxReport.toBytes(r, Fixtures.meta(r))))) {
            Sheet s = wb.getSheet("PUE contracts");
            Row jan = s.getRow(1);
            assertEquals("2024-01-01..2024-01-31", jan.getCell(3).getStringCellValue());
            assertEquals(-5000.0, jan.getCell(8).getNumericCellValue());
            assertEquals(-3000.0, jan.getCell(10).getNumericCellValue());
            assertEquals("capped", jan.getCell(12).getStringCellValue());
            assertEquals("PUE2", wb.getSheet("Data centres").getRow(1).getCell(2).getStringCellValue());
        }
        assertTrue(Charts.renderAll(r).stream().anyMatch(c -> c.file().equals(Charts.PUE_CONTRACTS)));
    }

    /** The same settlement in a Chinese report: words from the zh bundle, figures unchanged; the CSV stays English. */
    @Test
    void aChineseReportNamesTheSectionInChineseAndItsCsvStaysEnglish(@TempDir Path dir) throws IOException {
        Results r = dataCentre();
        ReportMeta zh = Fixtures.meta(r).withLanguage(Labels.Language.ZH);
        String html = HtmlReport.render(r, zh);
        assertTrue(html.contains("<h2 id=\"pue-contracts\">PUE 合同结算</h2>"), html);
        assertTrue(html.contains("<th>金额（+ 罚金，− 奖励）</th>"), html);
        assertTrue(html.contains("<h2 id=\"partial-pue\">按区域的局部PUE</h2>"), html);
        // January: −5 steps × 1000 = −5000, capped at −3000 (the class comment's arithmetic).
        assertTrue(html.contains("<td>按月</td><td>2024-01-01..2024-01-31</td><td class=\"num\">1.350</td>"
                + "<td class=\"num\">1.300</td><td class=\"num\">-0.050</td><td class=\"num\">-5</td>"
                + "<td class=\"num\">-5,000.00</td><td class=\"num\">3,000.00</td><td class=\"num\">-3,000.00</td>"
                + "<td>CNY</td><td>已封顶</td>"), html);
        assertTrue(!html.contains("PUE contract settlement") && !html.contains(">capped<"), "no English left in the section");
        String text = TextSummary.render(r, zh);
        assertTrue(text.contains("\nPUE 合同结算\n"), text);
        assertTrue(text.contains("已封顶"), text);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(XlsxReport.toBytes(r, zh)))) {
            Sheet s = wb.getSheet("PUE contracts"); // sheet names stay English
            assertEquals("金额（+ 罚金，− 奖励）", s.getRow(0).getCell(10).getStringCellValue());
            Row jan = s.getRow(1);
            assertEquals("按月", jan.getCell(2).getStringCellValue());
            assertEquals(-3000.0, jan.getCell(10).getNumericCellValue());
            assertEquals("已封顶", jan.getCell(12).getStringCellValue());
            assertEquals("PUE 等级", wb.getSheet("Data centres").getRow(0).getCell(2).getStringCellValue());
        }
        CsvReport.write(r, zh, dir);
        String csv = java.nio.file.Files.readString(dir.resolve("pue-contracts.csv"));
        assertTrue(csv.startsWith("Site,Counterparty,Basis,Period,Target PUE,Actual PUE,Deviation,Steps of 0.01,"
                + "Amount before cap,Cap,\"Amount (+ penalty, − bonus)\",Currency,\n"), csv);
        assertTrue(csv.contains("\nDC1,ColoCo,monthly,2024-01-01..2024-01-31,1.35,1.3,-0.05,-5,-5000,3000,-3000,CNY,capped\n"),
                csv);
        Charts.Rendered chart = Charts.renderAll(r, Labels.ZH).stream()
                .filter(c -> c.file().equals(Charts.PUE_CONTRACTS)).findFirst().orElseThrow();
        assertEquals("按月实际 PUE 与目标 PUE", chart.title());
    }

    @Test
    void theEuExportListsSupportedAndMissingFieldsWithUnits() throws IOException {
        Results r = dataCentre();
        JsonNode centre = MAPPER.readTree(EuDataCentreExport.json(r, Fixtures.meta(r))).get("dataCentres").get(0);
        Map<String, JsonNode> items = new java.util.LinkedHashMap<>();
        centre.get("items").forEach(i -> items.put(i.get("key").asText(), i));
        assertEquals(0, new BigDecimal("1800").compareTo(items.get("itEnergyConsumption").get("value").decimalValue()));
        assertEquals("kWh", items.get("itEnergyConsumption").get("unit").asText());
        assertEquals(0, new BigDecimal("2500").compareTo(items.get("totalEnergyConsumption").get("value").decimalValue()));
        assertEquals(0, new BigDecimal("9").compareTo(items.get("totalWaterInput").get("value").decimalValue()));
        assertEquals(0, new BigDecimal("5").compareTo(items.get("wue").get("value").decimalValue()));
        assertEquals(0, new BigDecimal("2").compareTo(items.get("installedItPowerDemand").get("value").decimalValue()));
        List<String> missing = new ArrayList<>();
        centre.get("missing").forEach(m -> missing.add(m.get("key").asText()));
        assertTrue(missing.contains("ownerAndOperator") && missing.contains("wasteHeatReused")
                && missing.contains("totalPotableWaterInput"), missing.toString());
        String csv = EuDataCentreExport.csv(r);
        assertTrue(csv.startsWith("site,annex,key,name,value,unit,status,reason\n"), csv);
        assertTrue(csv.contains("\nDC1,II,itEnergyConsumption,total energy consumption of the information technology"
                + " equipment (E_IT),1800,kWh,reported,\n"), csv);
        assertTrue(csv.contains("\nDC1,II,wasteHeatReused,waste heat reused (E_REUSE),,kWh,missing,"
                + "no meter of the site has role reuse\n"), csv);
        assertEquals(csv, EuDataCentreExport.csv(dataCentre()), "deterministic");
        assertEquals(new String(EuDataCentreExport.json(r, Fixtures.meta(r)), StandardCharsets.UTF_8),
                new String(EuDataCentreExport.json(dataCentre(), Fixtures.meta(r)), StandardCharsets.UTF_8));
    }
}
