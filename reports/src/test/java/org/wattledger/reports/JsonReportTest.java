package org.wattledger.reports;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wattledger.engine.calc.Metric;
import org.wattledger.engine.calc.Results;
import org.wattledger.engine.model.ReportingPeriod;

final class JsonReportTest {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private static String json(Results results) {
        return JsonReport.toJson(results, Fixtures.meta(results));
    }

    private static JsonNode tree(String json) throws IOException {
        return MAPPER.readTree(json);
    }

    private static List<String> keys(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }

    /** The value as written: plain decimal text. */
    private static String value(JsonNode figure) {
        return figure.get("value").decimalValue().toPlainString();
    }

    @Test
    void startsWithTheSchemaAndKeepsTheContractKeyOrder() throws IOException {
        String json = json(Fixtures.small());
        assertTrue(json.startsWith("{\n  \"schema\": \"wattledger.report/1\",\n  \"engineVersion\": \"0.1.0\",\n"), json);
        assertEquals(List.of("schema", "engineVersion", "period", "factorSet", "energyBasis", "complete", "rows",
                "totals", "intensities", "sites", "targets", "issues", "gwpSet", "inputs", "factors", "coverage", "disclosures"),
                keys(tree(json)));
    }

    @Test
    void statesEachMetersCoverageOfThePeriod() throws IOException {
        JsonNode coverage = tree(json(Fixtures.uncovered())).get("coverage");
        // E: January and February read, the rest of 2024 not: 31 + 29 = 60 of 366 days, uncovered from
        // 2024-03-01 to 2025-01-01 (end excluded, like the period's "to").
        assertEquals("[{\"site\":\"OFF3\",\"meter\":\"E\",\"carrier\":\"electricity\",\"periodDays\":366,"
                + "\"expectedDays\":366,\"coveredDays\":60,\"uncovered\":[{\"from\":\"2024-03-01\",\"to\":\"2025-01-01\"}]}]",
                coverage.toString());
        assertFalse(tree(json(Fixtures.uncovered())).get("complete").asBoolean());
    }

    @Test
    void writesTheHandComputedTotalsExactlyInReportUnits() throws IOException {
        JsonNode totals = tree(json(Fixtures.small())).get("totals");
        // 100 m3 gas: 200 kg CO2 + 0.1 kg CH4 × 28 = 202.8 kg
        assertEquals("0.2028", value(totals.get("scope1")));
        assertEquals("t CO2e", totals.get("scope1").get("unit").asText());
        // (1000 + 1200 + 500) kWh × 0.5 t/MWh
        assertEquals("1.35", value(totals.get("scope2Location")));
        assertEquals("1.35", value(totals.get("scope2Market")));
        // 2.7 MWh electricity + 100 m3 × 36 MJ/m3 = 1 MWh
        assertEquals("3.7", value(totals.get("energy")));
        assertEquals("MWh", totals.get("energy").get("unit").asText());
        assertEquals("1", value(totals.get("energyDirect")));
        assertEquals("2.7", value(totals.get("energyIndirect")));
        assertEquals("5", value(totals.get("water")));
        assertEquals("m3", totals.get("water").get("unit").asText());
        assertEquals("2", value(totals.get("itEnergy")));
        assertEquals("0.2", value(totals.get("scope1ByGas").get("CO2")));
        assertEquals("0.0001", value(totals.get("scope1ByGas").get("CH4")));
        assertEquals(List.of("scope1", "scope2Location", "scope2Market", "energy", "energyDirect", "energyIndirect",
                "water", "electricity", "itEnergy", "scope1ByGas"), keys(totals));
    }

    @Test
    void writesNumbersAsPlainJsonNumbersNeverRoundedNorInExponentForm() {
        String json = JsonReport.toJson(Fixtures.small(), Fixtures.meta(Fixtures.small()).withLineage(true));
        assertTrue(json.contains("\"value\": 0.2028,"), json);
        assertTrue(json.contains("\"value\": 0.0001,"), json);
        // 250 kg estimated of 1350 kg: 34 significant digits, the engine's one rounding
        assertTrue(json.contains("\"estimatedShare\": 0.1851851851851851851851851851851852\n"), json);
        assertFalse(json.matches("(?s).*\\d[eE][+-]?\\d.*"), "no exponent notation");
        assertFalse(json.contains("\"value\": \""), "values are numbers, not strings");
    }

    @Test
    void writesSiteFiguresAndDataCentreMetricsInContractOrder() throws IOException {
        JsonNode sites = tree(json(Fixtures.small())).get("sites");
        assertEquals(2, sites.size());
        JsonNode dc = sites.get(0);
        assertEquals(List.of("site", "name", "kind", "region", "scope2Location", "scope2Market", "energy",
                "energyIndirect", "energyTce", "water", "pue", "wue", "cue", "cueMarket", "ref", "electricity",
                "itEnergy", "facilityEnergy", "itCapacity", "itCapacityUtilisation", "intensities"), keys(dc));
        // A data centre's Scope 1 + 2 (location) per MWh of IT energy: 1.1 t / 2 MWh = 0.55 t CO2e/MWh.
        assertEquals("scope1_2_per_it_energy", dc.get("intensities").get(0).get("name").asText());
        assertEquals("0.55", value(dc.get("intensities").get(0)));
        assertEquals("t CO2e/MWh", dc.get("intensities").get(0).get("unit").asText());
        assertEquals("DC1", dc.get("site").asText());
        assertEquals("datacenter", dc.get("kind").asText());
        assertEquals("1.1", value(dc.get("scope2Location")));
        // 2200 kWh × 0.1229 kgce/kWh = 270.38 kgce
        assertEquals("0.27038", value(dc.get("energyTce")));
        assertEquals("tce", dc.get("energyTce").get("unit").asText());
        // PUE 2200 / 2000 kWh; WUE 5000 L / 2000 kWh; CUE 1100 kg / 2000 kWh
        assertEquals("1.1", value(dc.get("pue")));
        assertEquals("1", dc.get("pue").get("unit").asText());
        assertEquals("2.5", value(dc.get("wue")));
        assertEquals("L/kWh", dc.get("wue").get("unit").asText());
        assertEquals("0.55", value(dc.get("cue")));
        assertEquals("0", value(dc.get("ref")));
    }

    @Test
    void omitsFiguresThatDoNotApplyRatherThanWritingZero() throws IOException {
        JsonNode small = tree(json(Fixtures.small()));
        assertFalse(small.get("totals").has("energyTce"), "natural gas has no GB/T 2589 coefficient");
        JsonNode dc = small.get("sites").get(0);
        assertFalse(dc.has("scope1"), "DC1 burns no fuel");
        assertFalse(dc.has("erf"), "DC1 exports no energy for reuse");
        JsonNode office = small.get("sites").get(1);
        assertEquals("OFF1", office.get("site").asText());
        for (String absent : List.of("pue", "wue", "cue", "water", "itEnergy", "energyTce")) {
            assertFalse(office.has(absent), absent);
        }

        JsonNode officeOnly = tree(json(Fixtures.officeOnly()));
        assertFalse(officeOnly.get("totals").has("water"), "no water readings → no water key");
        assertFalse(officeOnly.get("totals").has("scope1"), "no fuel → no scope1 key");
        assertFalse(officeOnly.get("totals").has("scope1ByGas"));
        assertEquals("2", value(officeOnly.get("totals").get("scope2Location")));
    }

    @Test
    void writesThePeriodWithAnExclusiveEnd() throws IOException {
        JsonNode year = tree(json(Fixtures.small())).get("period");
        assertEquals("2024-01-01", year.get("from").asText());
        assertEquals("2025-01-01", year.get("to").asText());

        ReportingPeriod half = new ReportingPeriod(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 7, 1));
        Results h = Fixtures.small().calculation().results(half);
        JsonNode firstHalf = tree(json(h)).get("period");
        assertEquals("2024-07-01", firstHalf.get("to").asText());
    }

    @Test
    void writesTheEstimatedShareBesideTheTotalsItEnters() throws IOException {
        JsonNode totals = tree(json(Fixtures.small())).get("totals");
        assertEquals(List.of("value", "unit", "estimatedShare"), keys(totals.get("scope2Location")));
        assertEquals(List.of("value", "unit"), keys(totals.get("scope1")), "no estimated gas reading");
        JsonNode office = tree(json(Fixtures.small())).get("sites").get(1);
        assertEquals("1", office.get("scope2Location").get("estimatedShare").decimalValue().toPlainString());
    }

    @Test
    void writesRowsCompletenessAndIntensities() throws IOException {
        JsonNode root = tree(json(Fixtures.small()));
        assertFalse(root.get("complete").asBoolean());
        assertEquals(9, root.get("rows").get("read").asInt());
        assertEquals(8, root.get("rows").get("accepted").asInt());
        assertEquals(1, root.get("rows").get("rejected").asInt());
        JsonNode first = root.get("intensities").get(0);
        assertEquals(List.of("name", "value", "unit"), keys(first));
        assertEquals("scope1_2_per_headcount", first.get("name").asText());
        // (0.2028 + 1.35) t / 10 persons
        assertEquals("0.15528", first.get("value").decimalValue().toPlainString());
        assertEquals("t CO2e/person", first.get("unit").asText());
        assertTrue(tree(json(Fixtures.officeOnly())).get("complete").asBoolean());
    }

    @Test
    void writesTargetsWithPathProgressAndTrackStatus() throws IOException {
        JsonNode targets = tree(json(Fixtures.small())).get("targets");
        JsonNode t1 = targets.get(0);
        assertEquals(List.of("id", "metric", "boundary", "baseYear", "baseValue", "targetYear", "targetValue",
                "current", "pathValue", "progress", "onTrack", "path", "baseComputed", "currentYear", "unit",
                "trajectory"), keys(t1));
        assertEquals("T1", t1.get("id").asText());
        assertEquals("*", t1.get("boundary").asText());
        assertEquals(2023, t1.get("baseYear").asInt());
        assertEquals("2", value(t1.get("baseValue")));
        assertEquals("1", value(t1.get("targetValue")));
        // current = 0.2028 + 1.35; path halfway from 2 (2023) to 1 (2025); progress (2 − 1.5528) / (2 − 1)
        assertEquals("1.5528", value(t1.get("current")));
        assertEquals("1.5", value(t1.get("pathValue")));
        assertEquals("0.4472", t1.get("progress").decimalValue().toPlainString());
        assertFalse(t1.get("onTrack").asBoolean());
        assertEquals(3, t1.get("trajectory").size());
        assertFalse(t1.get("trajectory").get(0).has("actual"), "no data for 2023");

        JsonNode t2 = targets.get(1);
        assertEquals("DC1", t2.get("boundary").asText());
        assertEquals("1.1", value(t2.get("baseValue")));
        assertEquals("1", t2.get("baseValue").get("unit").asText());
        assertTrue(t2.get("onTrack").asBoolean());
    }

    @Test
    void writesIssuesWithLowerCaseSeverityAndWithoutNullFields() throws IOException {
        JsonNode issues = tree(json(Fixtures.small())).get("issues");
        JsonNode error = null;
        for (JsonNode i : issues) {
            if (i.get("severity").asText().equals("error")) {
                error = i;
            } else {
                assertEquals(List.of("severity", "message"), keys(i), i.toString());
            }
        }
        assertEquals(List.of("severity", "file", "sheet", "row", "column", "message"), keys(error));
        assertEquals("meters.xlsx", error.get("file").asText());
        assertEquals(14, error.get("row").asInt());
        assertEquals("F", error.get("column").asText());
        assertEquals("'n/a' is not a number (expected a quantity in kWh)", error.get("message").asText());
    }

    @Test
    void namesTheFactorSetSheetsAndInputsWithTheirDigests() throws IOException {
        Results r = Fixtures.small();
        ReportMeta meta = ReportMeta.of("0.1.0", List.of(ReportMeta.FactorSetRef.parse("cn@2026.1"),
                ReportMeta.FactorSetRef.parse("ipcc2006@2026.2")), List.of(new ReportMeta.FileDigest("factors.csv",
                        "12".repeat(32))), r);
        JsonNode root = tree(JsonReport.toJson(r, meta));
        JsonNode set = root.get("factorSet");
        assertEquals(List.of("id", "version", "sheets", "sets"), keys(set));
        assertEquals("cn+ipcc2006", set.get("id").asText());
        assertEquals("2026.1+2026.2", set.get("version").asText());
        assertEquals("factors.csv", set.get("sheets").get(0).get("file").asText());
        assertEquals("12".repeat(32), set.get("sheets").get(0).get("sha256").asText());
        assertEquals("ipcc2006", set.get("sets").get(1).get("id").asText());
        assertEquals("calorific", root.get("energyBasis").asText());
        assertEquals("AR5", root.get("gwpSet").asText());
        assertEquals("meters.xlsx", root.get("inputs").get(0).get("file").asText());
    }

    @Test
    void listsTheFactorsUsedWithTheirCitations() throws IOException {
        JsonNode factors = tree(json(Fixtures.small())).get("factors");
        List<String> ids = new ArrayList<>();
        factors.forEach(f -> ids.add(f.get("id").asText()));
        assertEquals(List.of("ipcc.ar5.gwp.ch4", "test.grid.cn", "test.ng.ch4", "test.ng.co2", "test.ng.ncv",
                "test.tce.electricity"), ids);
        JsonNode grid = factors.get(1);
        assertEquals(List.of("id", "set", "version", "kind", "carrier", "gas", "value", "unit", "region", "validity",
                "source"), keys(grid));
        assertEquals("0.5", grid.get("value").decimalValue().toPlainString());
        assertEquals("t/MWh", grid.get("unit").asText());
        assertEquals("2020-01-01..", grid.get("validity").asText());
        assertEquals("Test grid factor, table 1", grid.get("source").asText());
        assertEquals("equivalent value", factors.get(5).get("note").asText());
    }

    @Test
    void includesLineageOnlyWhenAsked() throws IOException {
        Results r = Fixtures.small();
        assertFalse(tree(JsonReport.toJson(r, Fixtures.meta(r))).has("lineage"));
        JsonNode lineage = tree(JsonReport.toJson(r, Fixtures.meta(r).withLineage(true))).get("lineage");
        JsonNode first = lineage.get(0);
        assertEquals("DC1", first.get("site").asText());
        assertEquals("scope2Location", first.get("metric").asText());
        assertEquals("1.1", value(first));
        JsonNode line = first.get("lines").get(0);
        assertEquals("DC1 / E-MAIN electricity 2024-01-01..2024-01-31", line.get("line").asText());
        assertEquals("0.5", value(line));
        assertEquals("1000", line.get("quantity").decimalValue().toPlainString());
        assertEquals("kWh", line.get("quantityUnit").asText());
        assertTrue(line.get("formula").asText().endsWith("= 500 kg"), line.toString());
        assertTrue(line.get("rows").asText().contains("meters.xlsx, sheet readings"), line.toString());
        List<String> factorIds = new ArrayList<>();
        line.get("factors").forEach(f -> factorIds.add(f.get("id").asText()));
        assertTrue(factorIds.contains("test.grid.cn"), factorIds.toString());
        assertFalse(line.has("derivations"), "a measured reading needs no derivation");
        // OFF1's January electricity rests on an estimated reading with no note
        for (JsonNode entry : lineage) {
            if (entry.get("site").asText().equals("OFF1") && entry.get("metric").asText().equals("electricity")) {
                String how = entry.get("lines").get(0).get("derivations").get(0).asText();
                assertTrue(how.matches("meters\\.xlsx, sheet readings, row \\d+: estimated, no note given"), how);
                return;
            }
        }
        throw new AssertionError("no OFF1 electricity lineage");
    }

    @Test
    void explainsEachSiteFigureAsTheEngineDoes() {
        for (Results r : List.of(Fixtures.small(), Fixtures.rich())) {
            ReportModel m = ReportModel.of(r);
            var bySite = m.linesBySite();
            for (var s : m.sites) {
                for (Metric metric : Metric.values()) {
                    assertEquals(r.explain(s.site().id(), metric),
                            Results.explain(s.site().id(), metric, bySite.getOrDefault(s.site().id(), List.of())),
                            s.site().id() + " " + metric);
                }
            }
        }
    }

    @Test
    void writesIdenticalBytesForIdenticalInput(@TempDir Path dir) throws IOException {
        Path a = dir.resolve("a.json");
        Path b = dir.resolve("b.json");
        Results first = Fixtures.small();
        Results second = Fixtures.small();
        JsonReport.write(first, Fixtures.meta(first).withLineage(true), a);
        JsonReport.write(second, Fixtures.meta(second).withLineage(true), b);
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
        assertArrayEquals(JsonReport.toBytes(Fixtures.rich(), Fixtures.meta(Fixtures.rich())),
                JsonReport.toBytes(Fixtures.rich(), Fixtures.meta(Fixtures.rich())));
    }

    @Test
    void writesUtf8WithTwoSpaceIndentLfAndATrailingNewline() {
        byte[] bytes = JsonReport.toBytes(Fixtures.officeOnly(), Fixtures.meta(Fixtures.officeOnly()));
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertTrue(text.contains("\"name\": \"Branch, Shenzhen 深圳\""), "non-ASCII written as UTF-8, not escaped");
        assertTrue(text.endsWith("}\n"));
        assertFalse(text.endsWith("\n\n"));
        assertFalse(text.contains("\r"));
        assertFalse(text.contains("\t"));
        assertTrue(text.contains("\n  \"totals\": {\n    \"scope2Location\": {\n      \"value\": 2,\n"), text);
        assertTrue(text.contains("\"intensities\": [],"), "empty arrays written as []");
    }

    @Test
    void leavesTheCallersStreamOpen() throws IOException {
        final class Tracking extends ByteArrayOutputStream {
            boolean closed;

            @Override
            public void close() {
                closed = true;
            }
        }
        Tracking out = new Tracking();
        JsonReport.write(Fixtures.officeOnly(), Fixtures.meta(Fixtures.officeOnly()), (OutputStream) out);
        assertFalse(out.closed, "standard output must stay usable");
        assertEquals(JsonReport.toJson(Fixtures.officeOnly(), Fixtures.meta(Fixtures.officeOnly())),
                out.toString(java.nio.charset.StandardCharsets.UTF_8), "the whole report, flushed");
    }
}
