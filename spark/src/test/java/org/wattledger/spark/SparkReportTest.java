package org.wattledger.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A few rows worked out by hand, through the Spark job on local[2]. */
class SparkReportTest {
    @TempDir
    Path dir;

    /**
     * Meter M1 (consumption rows) and M2 (register readings) of site S1, January–February 2024,
     * with a factor sheet of 0.5 t CO2/MWh for electricity and no bundled set:
     * <pre>
     * row 2  M1 2024-01-01..01-16  150 kWh                 → January 150
     * row 3  M1 2024-01-16..02-10  250 kWh over 25 days    → prorated: January 16/25 × 250 = 160, February 90
     * row 4  M1 2024-02-10..03-01  "abc"                   → rejected (not a number): M1 has a gap 02-10..03-01
     * row 5  M2 register 2024-01-01  1000 kWh              → the first register reading: no consumption of its own
     * row 6  M2 register 2024-02-01  1300 kWh              → January 1300 − 1000 = 300
     * row 7  M2 register 2024-03-01  1500 kWh              → February 1500 − 1300 = 200
     * row 8  M1 2024-01-01..01-16  150 kWh                 → rejected: duplicate of row 2
     * electricity = 150 + 160 + 90 + 300 + 200 = 900 kWh = 0.9 MWh
     * Scope 2 location-based = 0.9 MWh × 0.5 t/MWh = 0.45 t CO2e
     * rows read 7 = accepted 5 (2, 3, 5, 6, 7) + rejected 2 (4, 8); the gap makes the report incomplete
     * </pre>
     */
    @Test
    void fewRowsByHand() throws Exception {
        Path readings = dir.resolve("readings.csv");
        Files.writeString(readings, String.join("\n",
                "site,meter,carrier,type,from,to,quantity,unit",
                "S1,M1,electricity,,2024-01-01 00:00,2024-01-16 00:00,150,kWh",
                "S1,M1,electricity,,2024-01-16 00:00,2024-02-10 00:00,250,kWh",
                "S1,M1,electricity,,2024-02-10 00:00,2024-03-01 00:00,abc,kWh",
                "S1,M2,electricity,register,,2024-01-01 00:00,1000,kWh",
                "S1,M2,electricity,register,,2024-02-01 00:00,1300,kWh",
                "S1,M2,electricity,register,,2024-03-01 00:00,1500,kWh",
                "S1,M1,electricity,,2024-01-01 00:00,2024-01-16 00:00,150,kWh") + "\n", StandardCharsets.UTF_8);
        Path sites = dir.resolve("sites.csv");
        Files.writeString(sites, "site,region\nS1,CN\n", StandardCharsets.UTF_8);
        Path factors = dir.resolve("factors-test.csv");
        Files.writeString(factors, "id,carrier,kind,gas,value,unit,region,valid_from,valid_to,source\n"
                + "test.grid,electricity,emission,CO2,0.5,t/MWh,CN,2024-01-01,2024-12-31,hand-worked test\n",
                StandardCharsets.UTF_8);
        Path out = dir.resolve("out");

        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = SparkReport.run(LocalSpark.get(), SparkReport.Options.parse("--readings", readings.toString(),
                "--sites", sites.toString(), "--factors", "none", "--factor-sheet", factors.toString(),
                "--period", "2024-01..2024-02", "--out", out.toString(), "--format", "json"),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        String log = err.toString(StandardCharsets.UTF_8);
        assertEquals(SparkReport.INCOMPLETE, code, log);
        assertTrue(log.contains("rows read 7, accepted 5, rejected 2"), log);
        JsonNode json = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .readTree(out.resolve("report.json").toFile());
        assertEquals(0, new BigDecimal("0.9").compareTo(json.at("/totals/electricity/value").decimalValue()),
                json.at("/totals").toString());
        assertEquals(0, new BigDecimal("0.45").compareTo(json.at("/totals/scope2Location/value").decimalValue()),
                json.at("/totals").toString());

        List<String> rejected = Files.readAllLines(out.resolve(Rejected.FILE), StandardCharsets.UTF_8);
        assertEquals(3, rejected.size(), String.join("\n", rejected)); // the header and the two rejected rows
        assertTrue(rejected.get(1).startsWith("readings.csv,,4,G,"), rejected.get(1));
        assertTrue(rejected.get(2).startsWith("readings.csv,,8,E,duplicate reading: row 2 "), rejected.get(2));
    }

    /**
     * A data centre's measurement point and its PUE contract reach the report as on the command line:
     * <pre>
     * MAIN (role main)  2024-01  1300 kWh;  IT (role it, measurement_point pdu_output)  2024-01  1000 kWh
     * PUE = 1300 / 1000 = 1.3, category PUE2 (ISO/IEC 30134-2: IT energy at the PDU outputs)
     * contract: target 1.35, 1000 CNY per 0.01, monthly, January 2024, no cap
     *   deviation 1.3 − 1.35 = −0.05 = −5 steps of 0.01 → −5 × 1000 = −5000 CNY (a bonus)
     * </pre>
     */
    @Test
    void aDataCentresMeasurementPointAndContractAreSettled() throws Exception {
        Path readings = dir.resolve("dc-readings.csv");
        Files.writeString(readings, String.join("\n",
                "site,meter,carrier,role,measurement_point,from,to,quantity,unit",
                "DC1,MAIN,electricity,main,,2024-01-01,2024-01-31,1300,kWh",
                "DC1,IT,electricity,it,pdu_output,2024-01-01,2024-01-31,1000,kWh") + "\n", StandardCharsets.UTF_8);
        Path organisation = Files.createDirectories(dir.resolve("organisation"));
        Files.writeString(organisation.resolve("sites.csv"), "site,region,kind\nDC1,CN,datacenter\n",
                StandardCharsets.UTF_8);
        Files.writeString(organisation.resolve("contracts.csv"),
                "site,counterparty,target_pue,amount_per_0.01,currency,cap,basis,from,to\n"
                        + "DC1,Colo Ltd,1.35,1000,CNY,,monthly,2024-01-01,2024-01-31\n", StandardCharsets.UTF_8);
        Path factors = dir.resolve("factors-test.csv");
        Files.writeString(factors, "id,carrier,kind,gas,value,unit,region,valid_from,valid_to,source\n"
                + "test.grid,electricity,emission,CO2,0.5,t/MWh,CN,2024-01-01,2024-12-31,hand-worked test\n",
                StandardCharsets.UTF_8);
        Path out = dir.resolve("dc-out");

        ByteArrayOutputStream err = new ByteArrayOutputStream();
        SparkReport.run(LocalSpark.get(), SparkReport.Options.parse("--readings", readings.toString(),
                "--sites", organisation.toString(), "--factors", "none", "--factor-sheet", factors.toString(),
                "--period", "2024-01", "--out", out.toString(), "--format", "json"),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        String log = err.toString(StandardCharsets.UTF_8);
        JsonNode json = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .readTree(out.resolve("report.json").toFile());
        JsonNode pue = json.at("/sites/0/pue");
        assertEquals(0, new BigDecimal("1.3").compareTo(pue.get("value").decimalValue()), log + pue);
        assertEquals("PUE2", pue.path("category").asText(), log + pue);
        JsonNode contract = json.at("/contracts/0");
        assertEquals(0, new BigDecimal("-5000").compareTo(contract.at("/amount/value").decimalValue()), log + contract);
        assertEquals("CNY", contract.at("/amount/unit").asText(), contract.toString());
    }

    /**
     * The importers' month-end convention (a meter whose date-only rows each end on the date the
     * next starts reads its "to" dates as the first day not included) sees each meter's rows of the
     * file, though the job converts most rows before the shuffle:
     * <pre>
     * row 2  B 2024-01-01..2024-02-01  310 kWh  date-only, chains with row 3
     * row 3  B 2024-02-01..2024-03-01  290 kWh  → B follows the convention: January 310, February 290
     * row 4  X 2024-01-01..2024-01-02   10 kWh  date-only, chains with row 5, but X also has row 6,
     * row 5  X 2024-01-02..2024-01-03   10 kWh  not date-only: no convention for X, "to" includes its day:
     * row 6  X 2024-01-03 00:00..01:00   1 kWh    row 4 = [01-01, 01-03), row 5 = [01-02, 01-04) overlaps
     *                                              row 4 and is rejected, row 6 starts where row 4 ends
     * electricity = 310 + 290 + 10 + 1 = 611 kWh = 0.611 MWh (with the convention wrongly applied to X:
     * rows 4 and 5 both kept, 621 kWh)
     * rows read 5 = accepted 4 + rejected 1 (row 5); one month-end note, B's
     * </pre>
     */
    @Test
    void theMonthEndConventionSeesAMetersRowsOfTheFile() throws Exception {
        Path readings = dir.resolve("month-ends.csv");
        Files.writeString(readings, String.join("\n",
                "site,meter,carrier,from,to,quantity,unit",
                "S1,B,electricity,2024-01-01,2024-02-01,310,kWh",
                "S1,B,electricity,2024-02-01,2024-03-01,290,kWh",
                "S1,X,electricity,2024-01-01,2024-01-02,10,kWh",
                "S1,X,electricity,2024-01-02,2024-01-03,10,kWh",
                "S1,X,electricity,2024-01-03 00:00,2024-01-03 01:00,1,kWh") + "\n", StandardCharsets.UTF_8);
        Path sites = dir.resolve("sites.csv");
        Files.writeString(sites, "site,region\nS1,CN\n", StandardCharsets.UTF_8);
        Path out = dir.resolve("month-ends-out");

        ByteArrayOutputStream err = new ByteArrayOutputStream();
        SparkReport.run(LocalSpark.get(), SparkReport.Options.parse("--readings", readings.toString(),
                "--sites", sites.toString(), "--period", "2024-01..2024-02", "--out",
                out.toString(), "--format", "json"), new PrintStream(err, true, StandardCharsets.UTF_8));

        String log = err.toString(StandardCharsets.UTF_8);
        assertTrue(log.contains("rows read 5, accepted 4, rejected 1"), log);
        JsonNode json = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .readTree(out.resolve("report.json").toFile());
        assertEquals(0, new BigDecimal("0.611").compareTo(json.at("/totals/electricity/value").decimalValue()),
                json.at("/totals").toString());
        List<String> notes = new java.util.ArrayList<>();
        json.at("/issues").forEach(i -> {
            if (i.path("message").asText().contains("so to is read as the first day not included")) {
                notes.add(i.path("row").asText() + " " + i.path("message").asText());
            }
        });
        assertEquals(1, notes.size(), notes.toString());
        assertTrue(notes.get(0).startsWith("2 ") && notes.get(0).contains("B"), notes.get(0));
        List<String> rejected = Files.readAllLines(out.resolve(Rejected.FILE), StandardCharsets.UTF_8);
        assertEquals(2, rejected.size(), String.join("\n", rejected)); // the header and row 5
        assertTrue(rejected.get(1).startsWith("month-ends.csv,,5,"), rejected.get(1));
    }
}
