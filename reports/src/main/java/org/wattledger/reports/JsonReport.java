package org.wattledger.reports;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.wattledger.engine.calc.CalcOptions;
import org.wattledger.engine.calc.DataCentreMetrics;
import org.wattledger.engine.calc.Explanation;
import org.wattledger.engine.calc.Figures;
import org.wattledger.engine.calc.Intensity;
import org.wattledger.engine.calc.Line;
import org.wattledger.engine.calc.Lineage;
import org.wattledger.engine.calc.Metric;
import org.wattledger.engine.calc.Results;
import org.wattledger.engine.calc.SiteResult;
import org.wattledger.engine.calc.TargetResult;
import org.wattledger.engine.factor.Factor;
import org.wattledger.engine.meter.Coverage;
import org.wattledger.engine.model.Issue;
import org.wattledger.engine.units.Exact;

/**
 * The JSON report, {@code "schema": "wattledger.report/1"} (docs/formats/report-json.md; every field is
 * described in {@code docs/formats/report-json.md}). Written with Jackson's streaming generator in
 * a fixed key order: the contract's keys first, in the contract's order, then additive keys.
 * Numbers are the engine's exact decimals in plain notation (trailing zeros removed), never
 * rounded; a figure that does not apply is omitted, never written as 0. UTF-8, two-space
 * indentation, {@code "key": value}, LF line ends and a final newline; no clock, no hash order:
 * equal inputs give byte-identical output.
 */
public final class JsonReport {
    /** The value of the {@code schema} key. */
    public static final String SCHEMA = "wattledger.report/1";

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    private JsonReport() {
    }

    /** Writes the report to a stream (left open: it may be standard output). */
    public static void write(Results results, ReportMeta meta, OutputStream out) throws IOException {
        write(ReportModel.of(results), meta, out);
    }

    /** Writes the report to a file, replacing it. */
    public static void write(Results results, ReportMeta meta, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            write(results, meta, out);
        }
    }

    /** The report as UTF-8 bytes. */
    public static byte[] toBytes(Results results, ReportMeta meta) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            write(results, meta, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The report as text. */
    public static String toJson(Results results, ReportMeta meta) {
        return new String(toBytes(results, meta), StandardCharsets.UTF_8);
    }

    static void write(ReportModel model, ReportMeta meta, OutputStream out) throws IOException {
        try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            g.setPrettyPrinter(printer());
            new Writer(g, model, meta).report();
            g.writeRaw('\n');
        }
    }

    private static DefaultPrettyPrinter printer() {
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter p = new DefaultPrettyPrinter(separators);
        p.indentObjectsWith(indenter);
        p.indentArraysWith(indenter);
        return p;
    }

    /** One report being written. */
    private static final class Writer {
        private final JsonGenerator g;
        private final ReportModel m;
        private final ReportMeta meta;

        Writer(JsonGenerator g, ReportModel m, ReportMeta meta) {
            this.g = g;
            this.m = m;
            this.meta = meta;
        }

        void report() throws IOException {
            g.writeStartObject();
            g.writeStringField("schema", SCHEMA);
            g.writeStringField("engineVersion", meta.engineVersion());
            g.writeObjectFieldStart("period");
            g.writeStringField("from", m.period.from().toString());
            g.writeStringField("to", m.period.to().toString());
            g.writeEndObject();
            factorSet();
            g.writeStringField("energyBasis", meta.energyBasis());
            g.writeBooleanField("complete", m.complete);
            g.writeObjectFieldStart("rows");
            g.writeNumberField("read", m.rows.read());
            g.writeNumberField("accepted", m.rows.accepted());
            g.writeNumberField("rejected", m.rows.rejected());
            g.writeEndObject();
            totals();
            intensities("intensities", m.intensities);
            sites();
            targets();
            issues();
            // ---- additive keys ----
            g.writeStringField("gwpSet", meta.gwpSet());
            CalcOptions.GridBasis gridBasis = m.results.options().gridBasis();
            if (!gridBasis.isDefault()) {
                g.writeStringField("gridBasis", gridBasis.id());
            }
            files("inputs", meta.inputs());
            factors();
            coverage();
            DisclosuresJson.write(g, m, meta);
            m.years.json(g);
            DataCentreJson.contracts(g, m.dataCentre.settlements);
            if (meta.includeLineage()) {
                lineage();
            }
            g.writeEndObject();
        }

        private void factorSet() throws IOException {
            g.writeObjectFieldStart("factorSet");
            g.writeStringField("id", meta.factorSetId());
            g.writeStringField("version", meta.factorSetVersion());
            files("sheets", meta.factorSheets());
            g.writeArrayFieldStart("sets");
            for (ReportMeta.FactorSetRef s : meta.factorSets()) {
                g.writeStartObject();
                g.writeStringField("id", s.id());
                g.writeStringField("version", s.version());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }

        private void files(String name, List<ReportMeta.FileDigest> files) throws IOException {
            g.writeArrayFieldStart(name);
            for (ReportMeta.FileDigest f : files) {
                g.writeStartObject();
                g.writeStringField("file", f.file());
                g.writeStringField("sha256", f.sha256());
                g.writeEndObject();
            }
            g.writeEndArray();
        }

        private void totals() throws IOException {
            g.writeObjectFieldStart("totals");
            for (Metric metric : ReportModel.CONTRACT_TOTALS) {
                figure(m.totals, metric);
            }
            for (Metric metric : ReportModel.EXTRA_TOTALS) {
                figure(m.totals, metric);
            }
            scope1ByGas(m.scope1ByGas);
            g.writeEndObject();
        }

        /** {@code "scope1": {"value": 1.5, "unit": "t CO2e", "estimatedShare": 0.1}}, or nothing when absent. */
        private void figure(Figures f, Metric metric) throws IOException {
            Optional<BigDecimal> value = f.reported(metric);
            if (value.isEmpty()) {
                return;
            }
            g.writeObjectFieldStart(metric.key());
            number("value", value.get());
            g.writeStringField("unit", metric.reportUnit());
            Optional<BigDecimal> estimated = f.estimatedShare(metric);
            if (estimated.isPresent()) {
                number("estimatedShare", estimated.get());
            }
            g.writeEndObject();
        }

        /** Scope 1 mass per gas in tonnes of that gas (not CO2e). */
        private void scope1ByGas(Map<String, BigDecimal> tonnesByGas) throws IOException {
            if (tonnesByGas.isEmpty()) {
                return;
            }
            g.writeObjectFieldStart("scope1ByGas");
            for (Map.Entry<String, BigDecimal> e : tonnesByGas.entrySet()) {
                quantity(e.getKey(), e.getValue(), Metric.Canonical.KG_OF_GAS.reportUnit());
            }
            g.writeEndObject();
        }

        private void quantity(String name, BigDecimal value, String unit) throws IOException {
            JsonReport.quantity(g, name, value, unit);
        }

        private void number(String name, BigDecimal value) throws IOException {
            JsonReport.number(g, name, value);
        }

        private void intensities(String name, List<Intensity> intensities) throws IOException {
            g.writeArrayFieldStart(name);
            for (Intensity i : intensities) {
                g.writeStartObject();
                g.writeStringField("name", i.name());
                number("value", i.value());
                g.writeStringField("unit", i.unit());
                g.writeEndObject();
            }
            g.writeEndArray();
        }

        private void sites() throws IOException {
            g.writeArrayFieldStart("sites");
            for (SiteResult s : m.sites) {
                g.writeStartObject();
                g.writeStringField("site", s.site().id());
                g.writeStringField("name", s.site().name());
                g.writeStringField("kind", s.site().kind().id());
                g.writeStringField("region", s.site().region());
                for (Metric metric : ReportModel.CONTRACT_TOTALS) {
                    figure(s.figures(), metric);
                }
                if (s.dataCentre().isPresent()) {
                    DataCentreMetrics dc = s.dataCentre().get();
                    DataCentreJson.pue(g, dc.pue(), m.dataCentre.detail(s.site().id()).orElse(null));
                    quantity("wue", dc.wue(), "L/kWh");
                    quantity("cue", dc.cueLocation(), "kg CO2e/kWh");
                    quantity("cueMarket", dc.cueMarket(), "kg CO2e/kWh");
                    quantity("erf", dc.erf(), "1");
                    quantity("ref", dc.ref(), "1");
                }
                for (Metric metric : ReportModel.EXTRA_TOTALS) {
                    figure(s.figures(), metric);
                }
                if (s.dataCentre().isPresent()) {
                    figure(s.figures(), Metric.FACILITY_ENERGY);
                }
                if (s.site().floorArea() != null) {
                    quantity("floorArea", s.site().floorArea(), "m2");
                }
                if (s.site().itCapacityKw() != null) {
                    quantity("itCapacity", s.site().itCapacityKw(), "kW");
                }
                scope1ByGas(s.scope1ByGasReported());
                DataCentreJson.siteExtras(g, m.dataCentre.detail(s.site().id()).orElse(null));
                if (!s.intensities().isEmpty()) {
                    intensities("intensities", s.intensities());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
        }

        private void targets() throws IOException {
            g.writeArrayFieldStart("targets");
            for (TargetResult t : m.targets) {
                g.writeStartObject();
                g.writeStringField("id", t.target().id());
                g.writeStringField("metric", t.target().metric());
                g.writeStringField("boundary", ReportModel.boundary(t));
                g.writeNumberField("baseYear", t.target().baseYear());
                quantity("baseValue", t.baseValue(), t.unit());
                g.writeNumberField("targetYear", t.target().targetYear());
                quantity("targetValue", t.targetValue(), t.unit());
                quantity("current", t.current(), t.unit());
                quantity("pathValue", t.pathValue(), t.unit());
                if (t.progress() != null) {
                    number("progress", t.progress());
                }
                if (t.onTrack() != null) {
                    g.writeBooleanField("onTrack", t.onTrack());
                }
                // additive
                g.writeStringField("path", t.target().path().id());
                g.writeBooleanField("baseComputed", t.baseComputed());
                g.writeNumberField("currentYear", t.currentYear());
                g.writeStringField("unit", t.unit());
                g.writeArrayFieldStart("trajectory");
                for (TargetResult.Point p : t.trajectory()) {
                    g.writeStartObject();
                    g.writeNumberField("year", p.year());
                    if (p.path() != null) {
                        number("path", p.path());
                    }
                    if (p.actual() != null) {
                        number("actual", p.actual());
                    }
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
        }

        /** Each meter's coverage of the period; uncovered spans are half-open like {@code period}. */
        private void coverage() throws IOException {
            g.writeArrayFieldStart("coverage");
            for (Coverage c : m.coverage) {
                g.writeStartObject();
                g.writeStringField("site", c.meter().site());
                g.writeStringField("meter", c.meter().meter());
                g.writeStringField("carrier", c.meter().carrier().id());
                g.writeNumberField("periodDays", c.periodDays());
                g.writeNumberField("expectedDays", c.expectedDays());
                number("coveredDays", c.coveredDays());
                g.writeArrayFieldStart("uncovered");
                for (Coverage.Span s : c.uncovered()) {
                    g.writeStartObject();
                    g.writeStringField("from", moment(s.from()));
                    g.writeStringField("to", moment(s.to()));
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
        }

        /** "2024-12-01" at midnight, else "2024-12-01T08:30" (ISO 8601, local time of the site). */
        private static String moment(java.time.LocalDateTime t) {
            return t.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? t.toLocalDate().toString() : t.toString();
        }

        private void issues() throws IOException {
            g.writeArrayFieldStart("issues");
            for (Issue i : m.issues) {
                g.writeStartObject();
                g.writeStringField("severity", i.severity().id());
                if (i.file() != null) {
                    g.writeStringField("file", i.file());
                }
                if (i.sheet() != null) {
                    g.writeStringField("sheet", i.sheet());
                }
                if (i.row() != null) {
                    g.writeNumberField("row", i.row());
                }
                if (i.column() != null) {
                    g.writeStringField("column", i.column());
                }
                g.writeStringField("message", i.message());
                if (i.code() != null) {
                    g.writeStringField("code", i.code());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
        }

        private void factors() throws IOException {
            g.writeArrayFieldStart("factors");
            for (Factor f : m.factors) {
                g.writeStartObject();
                g.writeStringField("id", f.id());
                stringIfPresent("set", f.set());
                stringIfPresent("version", f.version());
                g.writeStringField("kind", f.kind().id());
                g.writeStringField("carrier", f.carrier() == null ? "*" : f.carrier().id());
                stringIfPresent("gas", f.gas());
                number("value", f.value());
                g.writeStringField("unit", f.unit().text());
                g.writeStringField("region", f.region());
                g.writeStringField("validity", f.validity());
                stringIfPresent("basis", f.basis());
                if (f.use() != null) {
                    g.writeStringField("use", f.use().id());
                }
                stringIfPresent("source", f.source());
                stringIfPresent("note", f.note());
                if (f.origin() != null) {
                    g.writeStringField("origin", f.origin().toString());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
        }

        private void stringIfPresent(String name, String value) throws IOException {
            if (value != null && !value.isEmpty()) {
                g.writeStringField(name, value);
            }
        }

        private void lineage() throws IOException {
            g.writeArrayFieldStart("lineage");
            Map<String, List<Line>> linesBySite = m.linesBySite();
            for (SiteResult s : m.sites) {
                List<Line> lines = linesBySite.getOrDefault(s.site().id(), List.of());
                for (Metric metric : Metric.values()) {
                    if (!s.figures().has(metric)) {
                        continue;
                    }
                    Explanation e = Results.explain(s.site().id(), metric, lines);
                    g.writeStartObject();
                    g.writeStringField("site", s.site().id());
                    g.writeStringField("metric", metric.key());
                    number("value", e.total());
                    g.writeStringField("unit", e.unit());
                    g.writeArrayFieldStart("lines");
                    for (Explanation.Part p : e.parts()) {
                        part(p);
                    }
                    g.writeEndArray();
                    g.writeEndObject();
                }
            }
            g.writeEndArray();
        }

        private void part(Explanation.Part p) throws IOException {
            g.writeStartObject();
            g.writeStringField("line", p.line());
            number("value", p.value());
            number("quantity", p.quantity());
            g.writeStringField("quantityUnit", p.quantityUnit());
            stringIfPresent("formula", p.formula());
            stringIfPresent("rows", p.rows());
            strings("conversions", p.conversions());
            strings("prorations", p.prorations());
            strings("derivations", p.derivations());
            if (!p.factors().isEmpty()) {
                g.writeArrayFieldStart("factors");
                for (Lineage.FactorUse u : p.factors()) {
                    g.writeStartObject();
                    g.writeStringField("purpose", u.purpose());
                    g.writeStringField("id", u.factor().id());
                    stringIfPresent("set", u.factor().set());
                    strings("fallbacks", u.fallbacks());
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            g.writeEndObject();
        }

        private void strings(String name, List<String> values) throws IOException {
            if (values == null || values.isEmpty()) {
                return;
            }
            g.writeArrayFieldStart(name);
            for (String v : values) {
                g.writeString(v);
            }
            g.writeEndArray();
        }
    }

    /**
     * {@code "name": {"value": …, "unit": …}} with the exact value; left out when there is no value
     * (an unknown figure has no key, never a 0). The one way every section writes a quantity.
     */
    static void quantity(JsonGenerator g, String name, BigDecimal value, String unit) throws IOException {
        if (value == null) {
            return;
        }
        g.writeObjectFieldStart(name);
        number(g, "value", value);
        g.writeStringField("unit", unit);
        g.writeEndObject();
    }

    /** {@code "name": value}, the exact decimal without trailing zeros. */
    static void number(JsonGenerator g, String name, BigDecimal value) throws IOException {
        g.writeFieldName(name);
        g.writeNumber(Exact.strip(value));
    }
}
