package org.wattledger.reports;

import static org.wattledger.reports.JsonReport.number;
import static org.wattledger.reports.JsonReport.quantity;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.math.BigDecimal;
import org.wattledger.engine.calc.ContractSettlement;
import org.wattledger.engine.calc.DataCentreDetails;

/**
 * The data-centre keys of report.json (docs/formats/report-json.md, "Data centres"): {@code pue} with
 * its category and months, {@code partialPue[]}, {@code itCapacityUtilisation} per site, and
 * {@code contracts[]} at the top level. Additive; keys in a fixed order.
 */
final class DataCentreJson {
    private DataCentreJson() {
    }

    /** {@code "pue": {"value", "unit", "category", "months": [{"month", "value"}]}}. */
    static void pue(JsonGenerator g, BigDecimal pue, DataCentreDetails.Detail d) throws IOException {
        if (pue == null) {
            return;
        }
        g.writeObjectFieldStart("pue");
        number(g, "value", pue);
        g.writeStringField("unit", "1");
        if (d != null) {
            if (d.category() != null) {
                g.writeStringField("category", d.category());
            }
            g.writeArrayFieldStart("months");
            for (var e : d.monthlyPue().entrySet()) {
                g.writeStartObject();
                g.writeStringField("month", e.getKey().toString());
                number(g, "value", e.getValue());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    /** {@code partialPue[]} and {@code itCapacityUtilisation} of a data centre, when it has them. */
    static void siteExtras(JsonGenerator g, DataCentreDetails.Detail d) throws IOException {
        if (d == null) {
            return;
        }
        if (!d.partialPue().isEmpty()) {
            g.writeArrayFieldStart("partialPue");
            for (DataCentreDetails.PartialPue p : d.partialPue()) {
                g.writeStartObject();
                g.writeStringField("zone", p.zone());
                number(g, "value", p.value());
                g.writeStringField("unit", "1");
                quantity(g, "itEnergy", p.itMwh(), "MWh");
                quantity(g, "infrastructureEnergy", p.infrastructureMwh(), "MWh");
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        quantity(g, "itCapacityUtilisation", d.itCapacityUtilisation(), "1");
    }

    /** {@code contracts[]}: each contract with its settlement periods. */
    static void contracts(JsonGenerator g, java.util.List<ContractSettlement.Settlement> settlements)
            throws IOException {
        if (settlements.isEmpty()) {
            return;
        }
        g.writeArrayFieldStart("contracts");
        for (ContractSettlement.Settlement s : settlements) {
            var c = s.contract();
            g.writeStartObject();
            g.writeStringField("site", c.site());
            if (c.counterparty() != null) {
                g.writeStringField("counterparty", c.counterparty());
            }
            g.writeStringField("basis", c.basis().id());
            g.writeStringField("from", c.period().from().toString());
            g.writeStringField("to", c.period().to().toString());
            number(g, "targetPue", c.targetPue());
            number(g, "step", ContractSettlement.STEP);
            quantity(g, "amountPerStep", c.amountPerStep(), c.currency());
            quantity(g, "cap", c.cap(), c.currency());
            if (s.actualPue() != null) {
                number(g, "actualPue", s.actualPue());
                number(g, "deviation", s.deviation());
            }
            quantity(g, "amount", s.amount(), c.currency());
            g.writeBooleanField("complete", s.complete());
            g.writeStringField("rounding", DataCentreSection.ROUNDING_RULE);
            g.writeArrayFieldStart("periods");
            for (ContractSettlement.Period p : s.periods()) {
                g.writeStartObject();
                g.writeStringField("from", p.period().from().toString());
                g.writeStringField("to", p.period().to().toString());
                if (p.partial()) {
                    g.writeBooleanField("partial", true);
                }
                if (p.actualPue() != null) {
                    number(g, "actualPue", p.actualPue());
                    number(g, "deviation", p.deviation());
                    number(g, "steps", p.steps());
                    quantity(g, "uncappedAmount", p.uncapped(), c.currency());
                    quantity(g, "amount", p.amount(), c.currency());
                    g.writeBooleanField("capped", p.capped());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
    }


}
