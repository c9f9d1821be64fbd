package org.wattledger.reports;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;
import org.wattledger.engine.calc.Metric;
import org.wattledger.engine.calc.Results;
import org.wattledger.engine.calc.Scope1Breakdown;
import org.wattledger.engine.calc.TargetResult;

/**
 * The disclosure tables of the HTML page, in the report's language: the HKEX KPI table (each KPI's
 * text, then its rows with footnote numbers), the GHG Protocol summary and energy by type, and
 * the numbered factor sources. Numbers are rounded for display ({@link Display}).
 */
final class DisclosuresHtml {
    private final Disclosures d;
    private final Labels words;
    private final ReportMeta meta;
    private final StringBuilder out = new StringBuilder(8192);

    private DisclosuresHtml(Disclosures d, ReportMeta meta) {
        this.d = d;
        this.meta = meta;
        this.words = meta.labels();
    }

    static String render(ReportModel m, ReportMeta meta) {
        return new DisclosuresHtml(Disclosures.of(m), meta).render();
    }

    private String w(String key) {
        return HtmlReport.escape(words.get(key));
    }

    private String render() {
        out.append("<h2 id=\"disclosures\">").append(w("disclosure.hkex.title")).append("</h2>\n");
        hkex();
        out.append("<h2 id=\"ghg-protocol\">").append(w("disclosure.ghg.title")).append("</h2>\n");
        ghg();
        out.append("<h3>").append(w("disclosure.energyByType.title")).append("</h3>\n");
        energy();
        out.append("<h3>").append(w("disclosure.footnotes.title")).append("</h3>\n<ol class=\"footnotes\">\n");
        for (String source : d.footnotes) {
            out.append("<li>").append(HtmlReport.escape(source)).append("</li>\n");
        }
        out.append("</ol>\n");
        return out.toString();
    }

    private void hkex() {
        out.append("<table>\n<thead><tr><th>").append(w("disclosure.col.kpi")).append("</th><th>")
                .append(w("disclosure.col.item")).append("</th><th class=\"num\">").append(w("disclosure.col.value"))
                .append("</th><th>").append(w("disclosure.col.unit")).append("</th><th>")
                .append(w("disclosure.col.note")).append("</th><th>").append(w("disclosure.col.footnotes"))
                .append("</th></tr></thead>\n<tbody>\n");
        String kpi = null;
        for (Disclosures.HkexRow r : d.hkex) {
            if (!r.kpi().equals(kpi)) {
                kpi = r.kpi();
                out.append("<tr><th>").append(HtmlReport.escape(kpi)).append("</th><th colspan=\"5\">")
                        .append(w("disclosure.kpi." + kpi)).append("</th></tr>\n");
            }
            out.append("<tr><td></td><td>").append(HtmlReport.escape(r.label(words))).append("</td><td class=\"num\">")
                    .append(r.supported() ? Display.number(r.value(), r.unit() == null ? "" : r.unit())
                            : w("disclosure.notSupported"))
                    .append("</td><td>").append(r.unit() == null ? "" : HtmlReport.escape(Display.unit(r.unit())))
                    .append("</td><td>").append(HtmlReport.escape(r.note(words))).append("</td><td>")
                    .append(r.footnotes().stream().map(String::valueOf).collect(Collectors.joining(", ")))
                    .append("</td></tr>\n");
        }
        out.append("</tbody>\n</table>\n");
    }

    private void ghg() {
        String t = Metric.SCOPE1.reportUnit();
        out.append("<h3>").append(w("disclosure.ghg.scope1ByGas")).append("</h3>\n<table>\n<thead><tr><th>")
                .append(w("disclosure.col.gas")).append("</th><th>").append(w("disclosure.col.group"))
                .append("</th><th class=\"num\">").append(w("disclosure.col.mass")).append(" (t)</th><th class=\"num\">")
                .append(w("disclosure.col.co2e")).append(" (").append(t).append(")</th></tr></thead>\n<tbody>\n");
        for (Scope1Breakdown.GasTotal g : d.scope1.byGas()) {
            out.append("<tr><td>").append(HtmlReport.escape(g.gas())).append("</td><td>")
                    .append(w("disclosure.group." + g.group().id())).append("</td><td class=\"num\">")
                    .append(g.massKg() == null ? Display.NONE
                            : Display.number(Metric.Canonical.KG_OF_GAS.present(g.massKg()), 6))
                    .append("</td><td class=\"num\">").append(Display.number(Metric.SCOPE1.present(g.co2eKg()), t))
                    .append("</td></tr>\n");
        }
        out.append("</tbody>\n</table>\n<h3>").append(w("disclosure.ghg.scope1ByCategory"))
                .append("</h3>\n<table>\n<thead><tr><th>").append(w("disclosure.col.category"))
                .append("</th><th class=\"num\">").append(w("disclosure.col.co2e")).append(" (").append(t)
                .append(")</th></tr></thead>\n<tbody>\n");
        d.scope1ByCategory().forEach((c, v) -> out.append("<tr><td>").append(w("disclosure.category." + c.id()))
                .append("</td><td class=\"num\">").append(Display.number(v, t)).append("</td></tr>\n"));
        out.append("</tbody>\n</table>\n<h3>").append(w("disclosure.ghg.scope2")).append("</h3>\n<table>\n<tbody>\n");
        for (Metric metric : List.of(Metric.SCOPE1, Metric.SCOPE2_LOCATION, Metric.SCOPE2_MARKET)) {
            BigDecimal v = d.m.totals.reported(metric).orElse(null);
            out.append("<tr><td>").append(HtmlReport.escape(Display.label(metric, words))).append("</td><td class=\"num\">")
                    .append(Display.number(v, t)).append("</td><td>").append(t).append("</td></tr>\n");
        }
        out.append("</tbody>\n</table>\n<h3>").append(w("disclosure.ghg.baseYear")).append("</h3>\n");
        List<TargetResult> bases = d.baseYears();
        if (bases.isEmpty()) {
            out.append("<p class=\"muted\">").append(w("disclosure.ghg.noBaseYear")).append("</p>\n");
        } else {
            out.append("<table>\n<tbody>\n");
            for (TargetResult b : bases) {
                out.append("<tr><td>").append(HtmlReport.escape(b.target().id() + " " + b.target().metric()))
                        .append("</td><td class=\"num\">").append(b.target().baseYear()).append("</td><td class=\"num\">")
                        .append(Display.number(b.baseValue(), b.unit())).append("</td><td>")
                        .append(HtmlReport.escape(Display.unit(b.unit()))).append("</td></tr>\n");
            }
            out.append("</tbody>\n</table>\n");
        }
        out.append("<p class=\"muted\">").append(HtmlReport.escape(words.format("disclosure.ghg.gwp", meta.gwpSet())))
                .append("</p>\n");
    }

    private void energy() {
        out.append("<table>\n<thead><tr><th>").append(w("disclosure.col.source")).append("</th><th>")
                .append(w("disclosure.col.direct")).append("</th><th class=\"num\">").append(w("disclosure.col.quantity"))
                .append("</th><th>").append(w("disclosure.col.unit")).append("</th><th class=\"num\">")
                .append(w("disclosure.col.energy")).append(" (MWh)</th></tr></thead>\n<tbody>\n");
        for (Results.EnergyUse e : d.energyByType) {
            String source = e.source().isOnsiteRenewable() ? "onsite_renewable" : e.source().carrier().id();
            out.append("<tr><td>").append(w("disclosure.source." + source)).append("</td><td>")
                    .append(w(e.direct() ? "disclosure.word.direct" : "disclosure.word.indirect"))
                    .append("</td><td class=\"num\">").append(Display.number(e.quantity(), 2)).append("</td><td>")
                    .append(HtmlReport.escape(Display.unit(e.unit()))).append("</td><td class=\"num\">")
                    .append(Display.number(e.energyMwh(), Metric.ENERGY.reportUnit())).append("</td></tr>\n");
        }
        out.append("</tbody>\n</table>\n");
    }
}
