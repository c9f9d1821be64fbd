package org.wattledger.reports;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.wattledger.engine.calc.EuDataCentreIndicators;
import org.wattledger.engine.calc.Results;
import org.wattledger.engine.units.Exact;

/**
 * {@code report --format eu-dc}: for each data centre, the information and key performance indicators
 * of Commission Delegated Regulation (EU) 2024/1364 that the input supports, each with the regulation's
 * name and its unit, and those it cannot support listed as missing with the reason
 * (docs/formats/eu-datacentre.md). Two files with the same content: {@value #JSON_FILE} and
 * {@value #CSV_FILE}.
 */
public final class EuDataCentreExport {
    public static final String SCHEMA = "wattledger.eu-datacentre/1";
    public static final String JSON_FILE = "eu-datacentre.json";
    public static final String CSV_FILE = "eu-datacentre.csv";
    static final String REGULATION = "Commission Delegated Regulation (EU) 2024/1364";
    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private EuDataCentreExport() {
    }

    /** Writes both files into {@code dir}; returns their paths, JSON first. */
    public static List<Path> write(Results results, ReportMeta meta, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path json = dir.resolve(JSON_FILE);
        Path csv = dir.resolve(CSV_FILE);
        Files.write(json, json(results, meta));
        Files.writeString(csv, csv(results), StandardCharsets.UTF_8);
        return List.of(json, csv);
    }

    /** The JSON file's bytes. */
    public static byte[] json(Results results, ReportMeta meta) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            DefaultPrettyPrinter p = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER).withObjectEmptySeparator("")
                    .withArrayEmptySeparator(""));
            p.indentObjectsWith(new DefaultIndenter("  ", "\n"));
            p.indentArraysWith(new DefaultIndenter("  ", "\n"));
            g.setPrettyPrinter(p);
            g.writeStartObject();
            g.writeStringField("schema", SCHEMA);
            g.writeStringField("engineVersion", meta.engineVersion());
            g.writeStringField("regulation", REGULATION);
            g.writeObjectFieldStart("period");
            g.writeStringField("from", results.period().from().toString());
            g.writeStringField("to", results.period().to().toString());
            g.writeEndObject();
            g.writeBooleanField("complete", results.complete());
            g.writeArrayFieldStart("dataCentres");
            for (EuDataCentreIndicators.Centre c : EuDataCentreIndicators.of(results)) {
                g.writeStartObject();
                g.writeStringField("site", c.site());
                g.writeStringField("name", c.name());
                g.writeArrayFieldStart("items");
                for (EuDataCentreIndicators.Item i : c.items()) {
                    if (i.supported()) {
                        g.writeStartObject();
                        field(g, i);
                        if (i.value() != null) {
                            g.writeFieldName("value");
                            g.writeNumber(Exact.strip(i.value()));
                        } else {
                            g.writeStringField("value", i.text());
                        }
                        g.writeEndObject();
                    }
                }
                g.writeEndArray();
                g.writeArrayFieldStart("missing");
                for (EuDataCentreIndicators.Item i : c.items()) {
                    if (!i.supported()) {
                        g.writeStartObject();
                        field(g, i);
                        g.writeStringField("reason", i.missing());
                        g.writeEndObject();
                    }
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void field(JsonGenerator g, EuDataCentreIndicators.Item i) throws IOException {
        g.writeStringField("annex", i.field().annex());
        g.writeStringField("key", i.field().key());
        g.writeStringField("name", i.field().regulationName());
        if (!i.field().unit().isEmpty()) {
            g.writeStringField("unit", i.field().unit());
        }
    }

    /** The CSV file: one row per data centre and field, supported or missing (LF line ends, RFC 4180 quoting). */
    public static String csv(Results results) {
        StringBuilder out = new StringBuilder("site,annex,key,name,value,unit,status,reason\n");
        for (EuDataCentreIndicators.Centre c : EuDataCentreIndicators.of(results)) {
            for (EuDataCentreIndicators.Item i : c.items()) {
                String value = i.value() != null ? Exact.strip(i.value()).toPlainString() : i.text() == null ? "" : i.text();
                out.append(String.join(",", List.of(quote(c.site()), i.field().annex(), i.field().key(),
                        quote(i.field().regulationName()), quote(value), quote(i.field().unit()),
                        i.supported() ? "reported" : "missing", quote(i.missing() == null ? "" : i.missing()))))
                        .append('\n');
            }
        }
        return out.toString();
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")
                ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
