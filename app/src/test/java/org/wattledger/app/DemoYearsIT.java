package org.wattledger.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's multi-year view, in process: 2024 reported beside 2022 and 2023 ({@code --years-from
 * 2022}, as {@code demo} does), checked against tools/demo/expected.md ("Company totals" and
 * "Years side by side", worked out by its generator from the rows it wrote).
 */
final class DemoYearsIT {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    @TempDir
    static Path dir;
    static JsonNode report;
    static JsonNode threeYears;

    @BeforeAll
    static void run() throws Exception {
        Path demo = DemoCommand.extract(dir.resolve("demo"));
        Cli.Run run = Cli.run("report", demo.toString(), "--period", "2024", "--years-from", "2022", "--format", "json");
        assertEquals(ExitCode.OK, run.exitCode(), run.stderr());
        report = JSON.readTree(run.stdout());
        Cli.Run all = Cli.run("report", demo.toString(), "--period", "2022..2024", "--format", "json");
        assertEquals(ExitCode.OK, all.exitCode(), all.stderr());
        threeYears = JSON.readTree(all.stdout());
    }

    private static BigDecimal value(JsonNode figure) {
        return figure.get("value").decimalValue();
    }

    private static void assertDecimal(String expected, BigDecimal actual, String what) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), what + ": expected " + expected + " but was " + actual);
    }

    @Test
    void yearsTableMatchesExpectedMd() {
        JsonNode years = report.get("years");
        assertEquals(3, years.size());
        // expected.md "Years side by side": electricity MWh, change MWh, water m3, change m3.
        String[][] rows = {
            {"2022", "279873.9479", null, "262615.0", null},
            {"2023", "298162.55", "18288.6021", "285183.6", "22568.6"},
            {"2024", "311615.1384", "13452.5884", "300218.3", "15034.7"}};
        for (int i = 0; i < 3; i++) {
            JsonNode y = years.get(i);
            String[] row = rows[i];
            assertEquals(Integer.parseInt(row[0]), y.get("year").asInt());
            assertTrue(y.get("complete").asBoolean(), row[0]);
            assertDecimal(row[1], value(y.get("totals").get("electricity")), row[0] + " electricity MWh");
            assertDecimal(row[3], value(y.get("totals").get("water")), row[0] + " water m3");
            if (row[2] == null) {
                assertTrue(y.get("change") == null, "the first year has no change");
            } else {
                assertDecimal(row[2], value(y.get("change").get("electricity")), row[0] + " electricity change");
                assertDecimal(row[4], value(y.get("change").get("water")), row[0] + " water change");
            }
        }
        // expected.md's 2022 location-based Scope 2 illustration: 174,510.79897574 t.
        assertDecimal("174510.79897574", value(years.get(0).get("totals").get("scope2Location")), "2022 scope 2 loc");
        // The headline stays 2024's own: its totals are the 2024 year's.
        assertEquals(report.get("totals").get("scope2Location").get("value").decimalValue(),
                years.get(2).get("totals").get("scope2Location").get("value").decimalValue());
    }

    @Test
    void decompositionUsesHeadcountAndItsEffectsAddUpToTheExactChange() {
        JsonNode d = report.get("decomposition");
        assertEquals(2, d.size());
        for (JsonNode pair : d) {
            int from = pair.get("from").asInt();
            assertEquals("LMDI-I", pair.get("method").asText());
            assertEquals("scope1_2", pair.get("metric").asText());
            assertEquals("headcount", pair.get("activity").get("name").asText());
            // The change is exact: (Scope 1 + Scope 2 location) of the later year minus the earlier's.
            JsonNode a = report.get("years").get(from - 2022).get("totals");
            JsonNode b = report.get("years").get(from - 2021).get("totals");
            BigDecimal change = value(b.get("scope1")).add(value(b.get("scope2Location")))
                    .subtract(value(a.get("scope1")).add(value(a.get("scope2Location"))));
            assertDecimal(change.toPlainString(), value(pair.get("change")), from + " change");
            List<String> drivers = new ArrayList<>();
            BigDecimal sum = BigDecimal.ZERO;
            for (JsonNode e : pair.get("effects")) {
                drivers.add(e.get("driver").asText());
                sum = sum.add(value(e));
            }
            assertEquals(List.of("activity", "energyIntensity", "mix", "factor", "nonEnergy"), drivers);
            // |Σ effects − change| < 1e-9 × |change| (the stated precision), and the residual says exactly how much.
            assertTrue(sum.subtract(change).abs().doubleValue() < 1e-9 * change.abs().doubleValue(), sum + " vs " + change);
            assertDecimal(change.subtract(sum).toPlainString(), value(pair.get("residual")), "residual");
            // Headcount grew (8,200 → 8,900 → 9,400): the activity effect is an increase both years.
            assertTrue(value(pair.get("effects").get(0)).signum() > 0, from + " activity effect");
        }
    }

    @Test
    void theDemoPrintsTheYearsAndWritesThemAsCsv() throws Exception {
        Path out = dir.resolve("demo-out");
        Cli.Run run = Cli.run("demo", "--out", out.toString());
        assertEquals(ExitCode.OK, run.exitCode(), run.stderr());
        // expected.md, rounded to 2 decimals: 279,873.9479 / 298,162.55 / 311,615.1384 MWh; changes
        // +18,288.6021 and +13,452.5884 MWh.
        assertTrue(run.stdout().contains("\nYears side by side\n"), run.stdout());
        assertTrue(run.stdout().matches("(?s).*\n  Electricity +MWh +279,873\\.95 +298,162\\.55 +311,615\\.14"
                + " +\\+18,288\\.60 +\\+13,452\\.59\n.*"), run.stdout());
        assertTrue(run.stdout().contains("\nWhy Scope 1 + 2 (location-based) changed: LMDI-I decomposition\n"));
        assertTrue(run.stdout().contains("  Activity: headcount (person)."), run.stdout());
        String years = java.nio.file.Files.readString(out.resolve("years.csv"));
        assertTrue(years.startsWith("year,from,to,complete,metric,value,unit,change,relative_change\n"), years);
        assertTrue(years.contains("\n2023,2023-01-01,2023-12-31,true,electricity,298162.55,MWh,18288.6021,"), years);
        String drivers = java.nio.file.Files.readString(out.resolve("decomposition.csv"));
        assertTrue(drivers.contains("\n2022,2023,LMDI-I,scope1_2,headcount,activity,"), drivers);
    }

    /** The same tables in Chinese (the figures as in the English test above); the CSV files stay English. */
    @Test
    void theChineseDemoNamesTheYearsDriversAndAnomaliesInChinese() throws Exception {
        Path out = dir.resolve("demo-zh");
        Cli.Run run = Cli.run("demo", "--lang", "zh", "--out", out.toString());
        assertEquals(ExitCode.OK, run.exitCode(), run.stderr());
        assertTrue(run.stdout().contains("\n逐年对比\n"), run.stdout());
        assertTrue(run.stdout().matches("(?s).*\n  指标 +单位 +2022 +2023 +2024 +2023年变动 +2024年变动\n.*"), run.stdout());
        assertTrue(run.stdout().matches("(?s).*\n  电力 +MWh +279,873\\.95 +298,162\\.55 +311,615\\.14"
                + " +\\+18,288\\.60 +\\+13,452\\.59\n.*"), run.stdout());
        assertTrue(run.stdout().contains("\n范围一 + 范围二（基于位置）变动驱动因素（LMDI-I 分解）\n"), run.stdout());
        assertTrue(run.stdout().matches("(?s).*\n  年度 +变动量 +活动量效应 +能源强度效应 +能源结构效应 +排放因子效应"
                + " +非能源排放效应\n.*"), run.stdout());
        assertTrue(run.stdout().contains("  活动量：headcount（person）。"), run.stdout());
        assertTrue(!run.stdout().contains("Years side by side") && !run.stdout().contains("PUE contract settlement"),
                run.stdout());
        String years = java.nio.file.Files.readString(out.resolve("years.csv"));
        assertTrue(years.startsWith("year,from,to,complete,metric,value,unit,change,relative_change\n"), years);
        String contracts = java.nio.file.Files.readString(out.resolve("pue-contracts.csv"));
        assertTrue(contracts.startsWith("Site,Counterparty,Basis,Period,"), contracts);
        // 2022-2024: the grid outage of the test below, under the Chinese heading and headers.
        Cli.Run all = Cli.run("report", DemoCommand.extract(dir.resolve("demo-zh-input")).toString(), "--period",
                "2022..2024", "--lang", "zh", "--format", "html");
        assertEquals(ExitCode.OK, all.exitCode(), all.stderr());
        assertTrue(all.stdout().contains("<h2 id=\"anomalies\">异常值</h2>\n<table>\n<thead><tr><th>计量表</th><th>月份</th>"
                + "<th class=\"num\">数值</th><th class=\"num\">中位数</th><th class=\"num\">绝对中位差（MAD）</th>"
                + "<th>单位</th></tr></thead>\n<tbody>\n<tr><td>DC-GUIAN/DG-DIESEL (diesel)</td><td>2023-07</td>"
                + "<td class=\"num\">5,611.70</td><td class=\"num\">1,166.30</td><td class=\"num\">162.40</td>"
                + "<td>kg</td></tr>"), all.stdout());
    }

    /**
     * A base-year recalculation in Chinese: the demo plus an acquisition (+12,000 t, 2023-07-01) and an error
     * correction (−45.5 t, 2024-05-01). Base 2022 = 649.26 + 174,510.80 = 175,160.06 t (the years table above);
     * cumulative 12,000 + 45.5 = 12,045.5 t = 6.88 % of it, over 5 %: 2022 restated 175,160.06 + 12,000 − 45.5 =
     * 187,114.56, 2023 (before the correction only) 167,533.69 − 45.5 = 167,488.19.
     */
    @Test
    void aChineseRecalculationNamesItsColumnsAndChangeTypesInChinese() throws Exception {
        Path input = DemoCommand.extract(dir.resolve("demo-changes"));
        java.nio.file.Files.writeString(input.resolve("changes.csv"), "type,date,sites,emissions (t CO2e),note\n"
                + "acquisition,2023-07-01,DC-GUIAN,12000,bought the hall\nerror,2024-05-01,,-45.5,keyed twice\n");
        Cli.Run text = Cli.run("report", input.toString(), "--period", "2024", "--years-from", "2022", "--lang", "zh");
        assertEquals(ExitCode.OK, text.exitCode(), text.stderr());
        assertTrue(text.stdout().contains("\n基准年重新计算\n  基准年 2022：175,160.06 t CO2e。此后的变更累计 12,045.50 t CO2e，"
                + "占基准年排放量的 6.88 %；阈值 5.00 %。基准年及每项变化之前的年份均已重新计算；目标以重新计算后的基准为准。\n"),
                text.stdout());
        assertTrue(text.stdout().matches("(?s).*\n  年份 +原值 +重新计算值\n  2022 +175,160\\.06 +187,114\\.56\n"
                + "  2023 +167,533\\.69 +167,488\\.19\n.*"), text.stdout());
        Cli.Run html = Cli.run("report", input.toString(), "--period", "2024", "--years-from", "2022", "--lang", "zh",
                "--format", "html");
        assertEquals(ExitCode.OK, html.exitCode(), html.stderr());
        assertTrue(html.stdout().contains("<tr><td>收购</td><td>2023-07-01</td><td>DC-GUIAN</td><td class=\"num\">+12,000.00</td>"),
                html.stdout());
        assertTrue(html.stdout().contains("<tr><td>差错更正</td><td>2024-05-01</td><td>*</td><td class=\"num\">-45.50</td>"),
                html.stdout());
    }

    @Test
    void theDemosSeasonsAreNotAnomaliesButItsGridOutageIs() {
        // District heat only in winter, load-bank tests every May and October, summer cooling: none is an
        // anomaly, so the 2024 report has none.
        for (JsonNode i : report.get("issues")) {
            assertTrue(i.get("code") == null, i.toString());
        }
        assertTrue(report.get("anomalies") == null);
        // 2022-2024 holds the real events the generator wrote (the demo README): Gui'an's generators carried the
        // load in a grid outage on 2023-07-14 — its other 35 months: median 1,166.3 kg, MAD 162.4 kg,
        // 5 × 1.4826 × 162.4 = 1,203.87 < |5,611.7 − 1,166.3| = 4,445.4 kg, and far from July 2022 and 2024
        // (1,331.0 and 1,347.0 kg: median 1,339, MAD 8) — and the Shanghai office closed in the April 2022
        // lockdown: canteen gas 1,495.4 m3 (median 3,455.2, MAD 207.6: 1,538.9 < 1,959.8 and 0.5 × 3,455.2 =
        // 1,727.6 < 1,959.8) and water 888.4 t (median 2,116, MAD 156.6: 1,160.9 < 1,227.6 and 1,058 < 1,227.6).
        List<String> anomalies = new ArrayList<>();
        for (JsonNode i : threeYears.get("issues")) {
            if (i.get("code") != null) {
                assertEquals("anomaly", i.get("code").asText());
                anomalies.add(i.get("message").asText());
            }
        }
        assertEquals(List.of("meter DC-GUIAN/DG-DIESEL (diesel), 2023-07: 5611.7 kg is far from the meter's usual"
                + " month (median 1166.3 kg, MAD 162.4 kg over 35 other months; the same month of 2 other years:"
                + " median 1339 kg); check the reading",
                "meter OFF-SH/NG-CANTEEN (natural_gas), 2022-04: 1495.4 m3 is far from the meter's usual month (median"
                + " 3455.2 m3, MAD 207.6 m3 over 35 other months; the same month of 2 other years: median 3487.35 m3);"
                + " check the reading",
                "meter OFF-SH/W-MAIN (water), 2022-04: 888.4 t is far from the meter's usual month (median 2116 t, MAD"
                + " 156.6 t over 35 other months; the same month of 2 other years: median 2087.7 t); check the reading"),
                anomalies);
        JsonNode a = threeYears.get("anomalies").get(0);
        assertEquals("2023-07", a.get("month").asText());
        assertEquals("DG-DIESEL", a.get("meter").asText());
    }

    @Test
    void aThreeYearPeriodIsExactlyTheSumOfItsYears() {
        // t CO2e, tce and m3 are kg/1000 and m3: exact decimals, so the years add up to the last digit.
        for (String key : List.of("scope1", "scope2Location", "scope2Market", "energyTce", "water")) {
            BigDecimal sum = BigDecimal.ZERO;
            for (JsonNode y : threeYears.get("years")) {
                sum = sum.add(value(y.get("totals").get(key)));
            }
            assertDecimal(value(threeYears.get("totals").get(key)).toPlainString(), sum, key);
        }
        // MWh is MJ / 3600, rounded to 34 significant digits where it does not terminate: the years' MWh add up
        // to the period's within the last digit of each (3 × 1E-28 for six-digit MWh); the MJ sums are exact
        // (the engine's YearsAndDriversTest checks them to the last digit).
        for (String key : List.of("energy", "electricity")) {
            BigDecimal sum = BigDecimal.ZERO;
            for (JsonNode y : threeYears.get("years")) {
                sum = sum.add(value(y.get("totals").get(key)));
            }
            assertTrue(sum.subtract(value(threeYears.get("totals").get(key))).abs()
                    .compareTo(new BigDecimal("3E-28")) <= 0, key + ": " + sum);
        }
        // expected.md company electricity: 279,873.9479 + 298,162.55 + 311,615.1384 = 889,651.6363 MWh.
        assertDecimal("889651.6363", value(threeYears.get("totals").get("electricity")), "electricity 2022-2024");
    }
}
