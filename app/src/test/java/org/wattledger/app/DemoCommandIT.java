package org.wattledger.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled demo company, 2022 to 2024, in process: every figure {@code tools/demo/expected.md}
 * pins. The tables below are copied from that file (worked out by its generator from the rows it
 * wrote, independently of the engine); quantities per meter come from the report's lineage.
 */
final class DemoCommandIT {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final BigDecimal THOUSAND = new BigDecimal(1000);
    /** The cn set's diesel NCV, 42.652 GJ/t = 42.652 MJ/kg; 1 kWh = 3.6 MJ. */
    private static final BigDecimal DIESEL_MJ_PER_KG = new BigDecimal("42.652");
    private static final BigDecimal MJ_PER_KWH = new BigDecimal("3.6");

    @TempDir
    static Path dir;

    /** The JSON report with lineage, by year. */
    static final Map<Integer, JsonNode> REPORTS = new TreeMap<>();

    @BeforeAll
    static void runEachYear() throws Exception {
        Path demo = DemoCommand.extract(dir.resolve("demo"));
        for (int year = 2022; year <= 2024; year++) {
            Cli.Run run = Cli.run("report", demo.toString(), "--period", Integer.toString(year), "--lineage",
                    "--format", "json");
            assertEquals(ExitCode.OK, run.exitCode(), run.stderr());
            REPORTS.put(year, JSON.readTree(run.stdout()));
        }
    }

    // ---- reading the report ----

    private static JsonNode site(int year, String id) {
        for (JsonNode s : REPORTS.get(year).get("sites")) {
            if (s.get("site").asText().equals(id)) {
                return s;
            }
        }
        throw new AssertionError("no site " + id + " in " + year);
    }

    private static BigDecimal value(JsonNode figure) {
        return figure.get("value").decimalValue();
    }

    /** A site's figure in kWh (the report gives MWh). */
    private static BigDecimal kwh(int year, String site, String figure) {
        return value(site(year, site).get(figure)).multiply(THOUSAND);
    }

    /** The lineage lines of a site's metric whose label passes a test. */
    private static List<JsonNode> lines(int year, String site, String metric, Predicate<String> label) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode entry : REPORTS.get(year).get("lineage")) {
            if (entry.get("site").asText().equals(site) && entry.get("metric").asText().equals(metric)) {
                entry.get("lines").forEach(l -> {
                    if (label.test(l.get("line").asText())) {
                        out.add(l);
                    }
                });
            }
        }
        return out;
    }

    /** Σ quantity of a site's lines for one carrier (or meter), in the unit the rows were read in. */
    private static BigDecimal quantity(int year, String site, String metric, String labelPart, String unit) {
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode l : lines(year, site, metric, t -> t.contains(labelPart))) {
            assertEquals(unit, l.get("quantityUnit").asText(), l.get("line").asText());
            sum = sum.add(l.get("quantity").decimalValue());
        }
        return sum;
    }

    private static void assertDecimal(String expected, BigDecimal actual, String what) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), what + ": expected " + expected + " but was "
                + actual.toPlainString());
    }

    /** expected.md's ratios are rounded half-even to the decimals shown. */
    private static void assertRounded(String expected, BigDecimal actual, String what) {
        int places = new BigDecimal(expected).scale();
        assertEquals(expected, actual.setScale(places, RoundingMode.HALF_EVEN).toPlainString(), what);
    }

    private static BigDecimal ratio(BigDecimal a, BigDecimal b) {
        return a.divide(b, MathContext.DECIMAL128);
    }

    // ---- Data centres ----

    /** site, year, feed A kWh, feed B kWh, Σ main kWh, Σ IT kWh, PUE, WUE, water m3, diesel kg, R-134a kg, monthly PUE min, max. */
    private static final String[][] DATA_CENTRES = {
        {"DC-ULANQAB", "2022", "96997888.1", "76100783.2", "173098671.3", "132954371.5", "1.3019", "0.6994", "92990.7", "23198.7", "69.5", "1.2544", "1.3576"},
        {"DC-ULANQAB", "2023", "103408231.5", "80733274.4", "184141505.9", "143061631.1", "1.2871", "0.7010", "100281.3", "22640.0", "56.5", "1.2426", "1.3419"},
        {"DC-ULANQAB", "2024", "106675700.6", "83883289.6", "190558990.2", "150977316.2", "1.2622", "0.6937", "104737.3", "21907.4", "68.5", "1.2122", "1.3189"},
        {"DC-GUIAN", "2022", null, null, "100261877.2", "73659593.0", "1.3612", "1.0969", "80795.8", "16286.7", "35.0", "1.2987", "1.4339"},
        {"DC-GUIAN", "2023", null, null, "107137501.6", "79590902.0", "1.3461", "1.1079", "88178.9", "20185.5", "64.5", "1.2849", "1.4169"},
        {"DC-GUIAN", "2024", null, null, "114165858.4", "85937762.4", "1.3285", "1.1014", "94653.1", "15963.9", "30.0", "1.2652", "1.4015"},
    };

    @Test
    void dataCentreTablesMatch() {
        for (String[] row : DATA_CENTRES) {
            String id = row[0];
            int year = Integer.parseInt(row[1]);
            String at = id + " " + year;
            if (row[2] != null) {
                // Feed B is the register meter: (reading − previous reading) × 80, the opening reading making January count.
                assertDecimal(row[2], quantity(year, id, "electricity", "/ E-FEED-A ", "kWh"), at + " feed A");
                assertDecimal(row[3], quantity(year, id, "electricity", "/ E-FEED-B ", "kWh"), at + " feed B");
            }
            BigDecimal main = kwh(year, id, "electricity");
            BigDecimal it = kwh(year, id, "itEnergy");
            assertDecimal(row[4], main, at + " Σ main kWh");
            assertDecimal(row[5], it, at + " Σ IT kWh");
            assertRounded(row[6], ratio(main, it), at + " PUE (electricity only)");
            BigDecimal diesel = quantity(year, id, "energyDirect", " diesel ", "kg");
            assertDecimal(row[9], diesel, at + " diesel kg");
            // The engine's PUE counts the generator diesel too: (Σ main × 3.6 + diesel kg × 42.652) MJ / (Σ IT × 3.6) MJ.
            BigDecimal pue = ratio(main.multiply(MJ_PER_KWH).add(diesel.multiply(DIESEL_MJ_PER_KG)), it.multiply(MJ_PER_KWH));
            assertEquals(0, pue.round(new MathContext(30)).compareTo(value(site(year, id).get("pue")).round(new MathContext(30))),
                    at + " PUE with diesel: " + pue + " vs " + site(year, id).get("pue"));
            assertDecimal(row[8], value(site(year, id).get("water")), at + " water m3");
            // WUE = Σ water L / Σ IT kWh (1 m3 = 1000 L).
            assertRounded(row[7], value(site(year, id).get("wue")), at + " WUE");
            assertRounded(row[7], ratio(new BigDecimal(row[8]).multiply(THOUSAND), new BigDecimal(row[5])), at + " WUE by hand");
            assertDecimal(row[10], value(site(year, id).get("scope1ByGas").get("R-134a")).multiply(THOUSAND), at + " R-134a kg");
            List<BigDecimal> monthly = monthlyElectricityPue(year, id);
            assertEquals(12, monthly.size(), at);
            assertRounded(row[11], monthly.stream().min(BigDecimal::compareTo).orElseThrow(), at + " monthly PUE min");
            assertRounded(row[12], monthly.stream().max(BigDecimal::compareTo).orElseThrow(), at + " monthly PUE max");
        }
    }

    /** Each month's Σ main kWh / Σ IT kWh, from the lineage lines (every demo reading is one whole month). */
    private static List<BigDecimal> monthlyElectricityPue(int year, String site) {
        Map<String, BigDecimal> main = byMonth(lines(year, site, "electricity", t -> true));
        Map<String, BigDecimal> it = byMonth(lines(year, site, "itEnergy", t -> true));
        assertEquals(main.keySet(), it.keySet(), site + " " + year + " months");
        List<BigDecimal> out = new ArrayList<>();
        main.forEach((month, kwh) -> out.add(ratio(kwh, it.get(month))));
        return out;
    }

    private static Map<String, BigDecimal> byMonth(List<JsonNode> lines) {
        Map<String, BigDecimal> out = new TreeMap<>();
        for (JsonNode l : lines) {
            String label = l.get("line").asText();
            String month = label.substring(label.lastIndexOf(' ') + 1, label.lastIndexOf(' ') + 8);
            out.merge(month, l.get("quantity").decimalValue(), BigDecimal::add);
        }
        return out;
    }

    // ---- Offices ----

    /** site, year, electricity kWh, natural gas m3, water m3, heat GJ (null: none), gasoline kg. */
    private static final String[][] OFFICES = {
        {"OFF-BJ", "2022", "4389373.3", "132759.5", "67206.4", "20393.23", "6229.52"},
        {"OFF-BJ", "2023", "4618155.1", "144022.5", "71679.6", "19945.62", "6045.30"},
        {"OFF-BJ", "2024", "4525226.3", "149795.4", "74794.3", "20556.04", "6233.96"},
        {"OFF-SH", "2022", "2124026.1", "35077.6", "21622.1", null, "1553.03"},
        {"OFF-SH", "2023", "2265387.4", "40959.8", "25043.8", null, "1802.71"},
        {"OFF-SH", "2024", "2365063.5", "42092.1", "26033.6", null, "1804.10"},
    };

    @Test
    void officeTablesMatch() {
        for (String[] row : OFFICES) {
            String id = row[0];
            int year = Integer.parseInt(row[1]);
            String at = id + " " + year;
            assertDecimal(row[2], kwh(year, id, "electricity"), at + " electricity kWh");
            assertDecimal(row[3], quantity(year, id, "energy", " natural_gas ", "m3"), at + " natural gas m3");
            // OFF-SH's water is billed in t, counted 1 t = 1 m3.
            assertDecimal(row[4], value(site(year, id).get("water")), at + " water m3");
            assertDecimal(row[5] == null ? "0" : row[5], quantity(year, id, "energy", " heat ", "GJ"), at + " heat GJ");
            assertDecimal(row[6], quantity(year, id, "energy", " gasoline ", "kg"), at + " gasoline kg");
            assertFalse(site(year, id).has("pue"), at + ": an office has no PUE");
        }
    }

    // ---- Company totals ----

    /** year, electricity kWh, of which data centres, natural gas m3, diesel kg, gasoline kg, heat GJ, water m3, R-134a kg. */
    private static final String[][] COMPANY = {
        {"2022", "279873947.9", "273360548.5", "167837.1", "39485.4", "7782.55", "20393.23", "262615.0", "104.5"},
        {"2023", "298162550.0", "291279007.5", "184982.3", "42825.5", "7848.01", "19945.62", "285183.6", "121.0"},
        {"2024", "311615138.4", "304724848.6", "191887.5", "37871.3", "8038.06", "20556.04", "300218.3", "98.5"},
    };

    private static final List<String> SITES = List.of("DC-GUIAN", "DC-ULANQAB", "OFF-BJ", "OFF-SH");

    private static BigDecimal company(int year, String metric, String labelPart, String unit) {
        return SITES.stream().map(s -> quantity(year, s, metric, labelPart, unit)).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Test
    void companyTotalsMatch() {
        for (String[] row : COMPANY) {
            int year = Integer.parseInt(row[0]);
            JsonNode totals = REPORTS.get(year).get("totals");
            // Company electricity = Σ role main over the four sites; IT meters never add.
            assertDecimal(row[1], value(totals.get("electricity")).multiply(THOUSAND), year + " electricity kWh");
            assertDecimal(row[2], kwh(year, "DC-ULANQAB", "electricity").add(kwh(year, "DC-GUIAN", "electricity")),
                    year + " of which data centres");
            assertDecimal(row[3], company(year, "energy", " natural_gas ", "m3"), year + " natural gas m3");
            assertDecimal(row[4], company(year, "energyDirect", " diesel ", "kg"), year + " diesel kg");
            assertDecimal(row[5], company(year, "energy", " gasoline ", "kg"), year + " gasoline kg");
            assertDecimal(row[6], company(year, "energy", " heat ", "GJ"), year + " heat GJ");
            assertDecimal(row[7], value(totals.get("water")), year + " water m3");
            assertDecimal(row[8], value(totals.get("scope1ByGas").get("R-134a")).multiply(THOUSAND), year + " R-134a kg");
            assertEquals(String.format("%d-01-01", year), REPORTS.get(year).get("period").get("from").asText());
            // 695 readings (incl. 1 opening register reading and 36 of DC-GUIAN's hall 1 cooling submeter), 0 invalid.
            JsonNode rows = REPORTS.get(year).get("rows");
            assertEquals(List.of(695, 695, 0), List.of(rows.get("read").asInt(), rows.get("accepted").asInt(),
                    rows.get("rejected").asInt()));
        }
    }

    private static BigDecimal intensity(int year, String name) {
        for (JsonNode i : REPORTS.get(year).get("intensities")) {
            if (i.get("name").asText().equals(name)) {
                assertEquals("MWh/person", i.get("unit").asText());
                return i.get("value").decimalValue();
            }
        }
        throw new AssertionError("no intensity " + name + " in " + year);
    }

    /**
     * Electricity per person, expected.md: 34,130.9693 / 33,501.4101 / 33,150.5466 kWh (headcount
     * 8,200 / 8,900 / 9,400). PENDING the denominators fix on another branch: a headcount row
     * stretched by one day makes 2023 and 2024 come out 33.5086 and 33.1554 MWh today.
     */
    @Test
    void electricityPerHeadcountMatchesExpectedMd() {
        // 279,873,947.9 kWh / 8,200 = 34,130.9693 kWh; 298,162,550.0 / 8,900 = 33,501.4101; 311,615,138.4 / 9,400 = 33,150.5466.
        assertRounded("34.1309693", intensity(2022, "electricity_per_headcount"), "2022");
        assertRounded("33.5014101", intensity(2023, "electricity_per_headcount"), "2023");
        assertRounded("33.1505466", intensity(2024, "electricity_per_headcount"), "2024");
    }

    // ---- Targets ----

    private static JsonNode target(String id) {
        for (JsonNode t : REPORTS.get(2024).get("targets")) {
            if (t.get("id").asText().equals(id)) {
                return t;
            }
        }
        throw new AssertionError("no target " + id);
    }

    @Test
    void pueTargetsHaveTheExpectedBasesPathsAndVerdicts() {
        for (String[] t : new String[][] {{"T2", "DC-GUIAN", "1.3612", "1.3056", "false"},
                {"T4", "DC-ULANQAB", "1.3019", "1.2760", "true"}}) {
            JsonNode target = target(t[0]);
            // Electricity-only base 2022 (expected.md); its 2024 path value = base + (1.25 − base) × 2/4:
            // T2 1.3612 − 0.1112 / 2 = 1.3056; T4 1.3019 − 0.0519 / 2 = 1.27595, shown 1.2760.
            assertRounded(t[2], ratio(kwh(2022, t[1], "electricity"), kwh(2022, t[1], "itEnergy")), t[0] + " base");
            BigDecimal base = new BigDecimal(t[2]);
            assertRounded(t[3], base.add(new BigDecimal("1.25").subtract(base).multiply(new BigDecimal("0.5"))), t[0] + " path");
            // The engine's PUE adds the generator diesel to base and current alike; the verdict holds.
            BigDecimal engineBase = value(target.get("baseValue"));
            assertEquals(0, value(site(2022, t[1]).get("pue")).compareTo(engineBase), t[0] + " base is the 2022 PUE");
            assertEquals(0, engineBase.add(new BigDecimal("1.25").subtract(engineBase).multiply(new BigDecimal("0.5")))
                    .compareTo(value(target.get("pathValue"))), t[0] + " engine path");
            assertEquals(0, value(site(2024, t[1]).get("pue")).compareTo(value(target.get("current"))), t[0] + " current");
            assertEquals(Boolean.parseBoolean(t[4]), target.get("onTrack").asBoolean(), t[0] + " on track");
        }
    }

    /** T3, electricity per headcount −8 % by 2025. PENDING for "current" (33,150.5466 kWh/person): the denominators fix. */
    @Test
    void electricityPerHeadcountTargetMatchesExpectedMd() {
        JsonNode t3 = target("T3");
        assertRounded("34.1309693", value(t3.get("baseValue")), "T3 base 2022");
        // Target 2025 = 34,130.9693 × 0.92 = 31,400.4917; path 2024 = base − (base − target) × 2/3 = 32,310.6509.
        assertRounded("31.4004917", value(t3.get("targetValue")), "T3 target 2025");
        assertRounded("32.3106509", value(t3.get("pathValue")), "T3 path 2024");
        assertFalse(t3.get("onTrack").asBoolean(), "T3 is off track");
        assertRounded("33.1505466", value(t3.get("current")), "T3 current 2024");
    }

    @Test
    void scienceBasedTargetIsBaseTimesZeroPointSixSixFour() {
        JsonNode t1 = target("T1");
        // SBTi 1.5 °C from 2022 to 2030: target = base × (1 − 0.042 × 8) = base × 0.664.
        assertEquals(0, value(t1.get("baseValue")).multiply(new BigDecimal("0.664")).compareTo(value(t1.get("targetValue"))));
        assertEquals(0, value(REPORTS.get(2022).get("totals").get("scope1")).add(value(REPORTS.get(2022).get("totals")
                .get("scope2Location"))).compareTo(value(t1.get("baseValue"))), "T1 base = 2022 Scope 1 + 2 (location)");
    }

    // ---- Instruments and location-based Scope 2 ----

    @Test
    void retiredInstrumentsOnlyAreApplied() {
        // GEC-2024-001 30,000 + GPT-2024-001 36,000 + GEC-2024-002 20,000 = 86,000 MWh; GEC-2024-003 is not retired.
        assertDecimal("86000", value(REPORTS.get(2024).get("totals").get("certifiedRenewable")), "applied MWh");
        List<String> messages = new ArrayList<>();
        REPORTS.get(2024).get("issues").forEach(i -> messages.add(i.get("message").asText()));
        assertTrue(messages.contains("instrument GEC-2024-003 is not retired: it is not applied (a certificate must be"
                + " claimed once, by or for the reporter)"), messages.toString());
        assertFalse(messages.stream().anyMatch(m -> m.contains("exceed")), messages.toString());
    }

    @Test
    void marketBasedScope2For2024IsExactlyTheResidualMixOnTheUncoveredElectricityPlusHeat() {
        // Every 2024 electricity line falls back to the same residual-mix proxy, 0.6096 t/MWh, so however the
        // 86,000 MWh are spread over the months the total is (311,615.1384 − 86,000) MWh × 0.6096 = 137,534.98836864 t,
        // plus heat 20,556.04 GJ × 0.11 t/GJ = 2,261.1644 t: 139,796.15276864 t to the last digit, with no residue
        // of a rounded division.
        assertEquals(new BigDecimal("139796.15276864"),
                value(REPORTS.get(2024).get("totals").get("scope2Market")).stripTrailingZeros());
    }

    @Test
    void locationBasedScope2For2022MatchesTheIllustration() {
        // MWh × t/MWh (MEE/NBS 2022 provincial, cn@2026.2): 173,098.6713 × 0.6849 (Inner Mongolia);
        // 100,261.8772 × 0.4989 (Guizhou) = 50,020.65053508; 4,389.3733 × 0.5580 (Beijing);
        // 2,124.0261 × 0.5849 (Shanghai) = 1,242.34286589; OFF-BJ heat 20,393.23 GJ × 0.11 t/GJ = 2,243.2553 t.
        assertDecimal("118555.27997337", value(site(2022, "DC-ULANQAB").get("scope2Location")), "DC-ULANQAB");
        assertDecimal("50020.65053508", value(site(2022, "DC-GUIAN").get("scope2Location")), "DC-GUIAN");
        assertDecimal("4692.52560140", value(site(2022, "OFF-BJ").get("scope2Location")), "OFF-BJ 2,449.27030140 + 2,243.2553");
        assertDecimal("1242.34286589", value(site(2022, "OFF-SH").get("scope2Location")), "OFF-SH");
        assertDecimal("174510.79897574", value(REPORTS.get(2022).get("totals").get("scope2Location")), "total");
    }

    @Test
    void gasolineNoticesAppearInEveryYear() {
        // No CH4/N2O factor for gasoline in the bundled sets: the notice belongs to each year's report.
        for (int year = 2022; year <= 2024; year++) {
            List<String> messages = new ArrayList<>();
            REPORTS.get(year).get("issues").forEach(i -> messages.add(i.get("message").asText()));
            assertTrue(messages.contains("site OFF-BJ: no CH4 factor for gasoline in cn@2026.2, ipcc2006@2026.2; CH4 is"
                    + " not counted"), year + ": " + messages);
        }
    }

    // ---- Data-centre depth (expected.md, "Data-centre depth (2024)") ----

    @Test
    void pueCategoriesComeFromTheItMetersMeasurementPoints() {
        assertEquals("PUE1", site(2024, "DC-ULANQAB").get("pue").get("category").asText(), "ups_output");
        assertEquals("PUE2", site(2024, "DC-GUIAN").get("pue").get("category").asText(), "pdu_output");
    }

    @Test
    void hallOnePartialPueIsItPlusItsCoolingOverIt() {
        // (85,937,762.4 + 19,759,667.2) kWh / 85,937,762.4 kWh = 1.229929970808734950259770785002426
        JsonNode zone = site(2024, "DC-GUIAN").get("partialPue").get(0);
        assertEquals("HALL-1", zone.get("zone").asText());
        assertDecimal("1.229929970808734950259770785002426", zone.get("value").decimalValue(), "pPUE HALL-1");
    }

    /** month, steps, amount before the cap, amount (CNY): expected.md's contract table. */
    private static final String[][] SETTLEMENT = {
        {"2024-01-01", "-6", "-120000", "-100000"}, {"2024-02-01", "-5", "-100000", "-100000"},
        {"2024-03-01", "-3", "-60000", "-60000"}, {"2024-04-01", "0", "0", "0"},
        {"2024-05-01", "3", "60000", "60000"}, {"2024-06-01", "5", "100000", "100000"},
        {"2024-07-01", "7", "140000", "100000"}, {"2024-08-01", "6", "120000", "100000"},
        {"2024-09-01", "3", "60000", "60000"}, {"2024-10-01", "0", "0", "0"},
        {"2024-11-01", "-4", "-80000", "-80000"}, {"2024-12-01", "-6", "-120000", "-100000"},
    };

    @Test
    void theGuiAnContractIsSettledMonthByMonthWithTheCap() {
        JsonNode contract = REPORTS.get(2024).get("contracts").get(0);
        assertEquals("DC-GUIAN", contract.get("site").asText());
        JsonNode periods = contract.get("periods");
        assertEquals(SETTLEMENT.length, periods.size());
        for (int i = 0; i < SETTLEMENT.length; i++) {
            JsonNode p = periods.get(i);
            String[] row = SETTLEMENT[i];
            assertEquals(row[0], p.get("from").asText());
            assertDecimal(row[1], p.get("steps").decimalValue(), row[0] + " steps");
            assertDecimal(row[2], value(p.get("uncappedAmount")), row[0] + " before cap");
            assertDecimal(row[3], value(p.get("amount")), row[0] + " amount");
            assertEquals(!row[2].equals(row[3]), p.get("capped").asBoolean(), row[0] + " capped");
        }
        // −100,000 − 100,000 − 60,000 + 60,000 + 100,000 × 3 + 60,000 − 80,000 − 100,000 = −20,000: a net bonus
        assertDecimal("-20000", value(contract.get("amount")), "total");
        assertEquals("CNY", contract.get("amount").get("unit").asText());
    }

    @Test
    void theEuExportWritesJsonAndCsvForEachDataCentre() throws Exception {
        Path demo = dir.resolve("demo");
        Path out = dir.resolve("eu");
        Cli.Run run = Cli.run("report", demo.toString(), "--period", "2024", "--format", "eu-dc", "--out", out.toString());
        assertEquals(ExitCode.OK, run.exitCode(), run.stderr());
        JsonNode eu = JSON.readTree(java.nio.file.Files.readString(out.resolve("eu-datacentre.json")));
        assertEquals("Commission Delegated Regulation (EU) 2024/1364", eu.get("regulation").asText());
        assertEquals(2, eu.get("dataCentres").size());
        JsonNode guian = eu.get("dataCentres").get(0);
        assertEquals("DC-GUIAN", guian.get("site").asText());
        Map<String, JsonNode> items = new TreeMap<>();
        guian.get("items").forEach(i -> items.put(i.get("key").asText(), i));
        // expected.md: DC-GUIAN's 2024 IT energy 85,937,762.4 kWh; it_capacity 12,000 kW (sites.csv)
        assertDecimal("85937762.4", items.get("itEnergyConsumption").get("value").decimalValue(), "E_IT kWh");
        assertDecimal("12000", items.get("installedItPowerDemand").get("value").decimalValue(), "P_IT kW");
        assertEquals("kW", items.get("installedItPowerDemand").get("unit").asText());
        String csv = java.nio.file.Files.readString(out.resolve("eu-datacentre.csv"));
        assertTrue(csv.contains("\nDC-GUIAN,II,itEnergyConsumption,total energy consumption of the information"
                + " technology equipment (E_IT),85937762.4,kWh,reported,\n"), csv);
    }
}
