package org.wattledger.reports;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.math.BigDecimal;
import org.wattledger.engine.calc.Metric;
import org.wattledger.engine.calc.Results;
import org.wattledger.engine.calc.Scope1Breakdown;
import org.wattledger.engine.calc.TargetResult;

/**
 * The {@code disclosures} object of the JSON report (docs/formats/report-json.md): {@code hkex}
 * rows, the {@code ghgProtocol} summary, {@code energyByType} and the numbered {@code footnotes}.
 * Keys and labels are English whatever the report's language.
 */
final class DisclosuresJson {
    private final JsonGenerator g;
    private final Disclosures d;
    private final Labels en = Labels.EN;

    private DisclosuresJson(JsonGenerator g, Disclosures d) {
        this.g = g;
        this.d = d;
    }

    static void write(JsonGenerator g, ReportModel m, ReportMeta meta) throws IOException {
        new DisclosuresJson(g, Disclosures.of(m)).write(meta);
    }

    private void write(ReportMeta meta) throws IOException {
        g.writeObjectFieldStart("disclosures");
        hkex();
        ghgProtocol(meta);
        energyByType();
        g.writeArrayFieldStart("footnotes");
        for (int i = 0; i < d.footnotes.size(); i++) {
            g.writeStartObject();
            g.writeNumberField("id", i + 1);
            g.writeStringField("source", d.footnotes.get(i));
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private void hkex() throws IOException {
        g.writeArrayFieldStart("hkex");
        for (Disclosures.HkexRow r : d.hkex) {
            g.writeStartObject();
            g.writeStringField("kpi", r.kpi());
            g.writeStringField("item", r.item());
            g.writeStringField("label", r.label(en));
            g.writeBooleanField("supported", r.supported());
            if (r.value() != null) {
                number("value", r.value());
            }
            if (r.unit() != null) {
                g.writeStringField("unit", r.unit());
            }
            if (!r.footnotes().isEmpty()) {
                g.writeArrayFieldStart("footnotes");
                for (int n : r.footnotes()) {
                    g.writeNumber(n);
                }
                g.writeEndArray();
            }
            if (r.noteKey() != null) {
                g.writeStringField("note", r.note(en));
            }
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private void ghgProtocol(ReportMeta meta) throws IOException {
        g.writeObjectFieldStart("ghgProtocol");
        for (Metric metric : new Metric[] {Metric.SCOPE1, Metric.SCOPE2_LOCATION, Metric.SCOPE2_MARKET}) {
            var v = d.m.totals.reported(metric);
            if (v.isPresent()) {
                quantity(metric.key(), v.get(), metric.reportUnit());
            }
        }
        g.writeArrayFieldStart("scope1ByGas");
        for (Scope1Breakdown.GasTotal t : d.scope1.byGas()) {
            g.writeStartObject();
            g.writeStringField("gas", t.gas());
            g.writeStringField("group", t.group().id());
            if (t.massKg() != null) {
                quantity("mass", Metric.Canonical.KG_OF_GAS.present(t.massKg()), Metric.Canonical.KG_OF_GAS.reportUnit());
            }
            quantity("co2e", Metric.SCOPE1.present(t.co2eKg()), Metric.SCOPE1.reportUnit());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("scope1ByCategory");
        for (var e : d.scope1ByCategory().entrySet()) {
            g.writeStartObject();
            g.writeStringField("category", e.getKey().id());
            number("value", e.getValue());
            g.writeStringField("unit", Metric.SCOPE1.reportUnit());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("scope1ByCategoryAndGas");
        for (Scope1Breakdown.Cell c : d.scope1.cells()) {
            g.writeStartObject();
            g.writeStringField("category", c.category().id());
            g.writeStringField("gas", c.gas());
            if (c.massKg() != null) {
                quantity("mass", Metric.Canonical.KG_OF_GAS.present(c.massKg()), Metric.Canonical.KG_OF_GAS.reportUnit());
            }
            quantity("co2e", Metric.SCOPE1.present(c.co2eKg()), Metric.SCOPE1.reportUnit());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("baseYears");
        for (TargetResult t : d.baseYears()) {
            g.writeStartObject();
            g.writeStringField("target", t.target().id());
            g.writeStringField("metric", t.target().metric());
            g.writeNumberField("year", t.target().baseYear());
            if (t.baseValue() != null) {
                quantity("value", t.baseValue(), t.unit());
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeStringField("gwpSet", meta.gwpSet());
        g.writeArrayFieldStart("factorSources");
        for (String s : d.footnotes) {
            g.writeString(s);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private void energyByType() throws IOException {
        g.writeArrayFieldStart("energyByType");
        for (Results.EnergyUse e : d.energyByType) {
            g.writeStartObject();
            g.writeStringField("source", e.source().isOnsiteRenewable() ? "onsite_renewable" : e.source().carrier().id());
            g.writeStringField("type", e.direct() ? "direct" : "indirect");
            quantity("quantity", e.quantity(), e.unit());
            if (e.energyMwh() != null) {
                quantity("energy", e.energyMwh(), Metric.ENERGY.reportUnit());
            }
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private void quantity(String name, BigDecimal value, String unit) throws IOException {
        JsonReport.quantity(g, name, value, unit);
    }

    private void number(String name, BigDecimal value) throws IOException {
        JsonReport.number(g, name, value);
    }
}
