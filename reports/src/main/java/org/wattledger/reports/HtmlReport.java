package org.wattledger.reports;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.wattledger.engine.calc.DataCentreMetrics;
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
import org.wattledger.engine.model.Severity;

/**
 * The report as one self-contained HTML page: inline CSS, charts embedded as PNG data URIs, no
 * script and no external resource, so it can be mailed, archived or opened offline. Numbers are
 * rounded for display only (2 decimals for t CO2e, MWh, tce and m³; 3 for PUE, WUE and CUE; 4 for
 * intensities) with comma thousands separators whatever the locale; the exact values are in the
 * JSON report. Every text that comes from the input is HTML-escaped.
 */
public final class HtmlReport {
    /** Issues listed in full in the page; beyond this the page points to the JSON report. */
    static final int MAX_ISSUES = 1000;
    /**
     * Lines listed in the lineage section, all sites together (a few hundred bytes each, so the
     * page stays a few MB); the lines beyond are in the xlsx Activity sheet and the JSON lineage.
     */
    static final int MAX_LINES = 5000;

    private HtmlReport() {
    }

    /** Writes the page, replacing the file. */
    public static void write(Results results, ReportMeta meta, Path file) throws IOException {
        Files.writeString(file, render(results, meta), StandardCharsets.UTF_8);
    }

    /**
     * Writes the page with charts already rendered by {@link Charts#renderAll(Results)} for the
     * same results, so a run that also writes the PNG files draws each chart once.
     */
    public static void write(Results results, ReportMeta meta, List<Charts.Rendered> charts, Path file)
            throws IOException {
        Files.writeString(file, new Page(ReportModel.of(results), meta, charts).render(), StandardCharsets.UTF_8);
    }

    /** The page as text. */
    public static String render(Results results, ReportMeta meta) {
        ReportModel m = ReportModel.of(results);
        return new Page(m, meta, Charts.renderAll(m, meta.labels())).render();
    }

    /** Escapes text for HTML element content and attribute values. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    private static final String CSS = """
            :root{--ink:#1f2933;--muted:#5f6b7a;--line:#d9dee5;--zebra:#f6f8fa;--ok:#1d7a3a;--okbg:#e8f5ec;\
            --bad:#b42318;--badbg:#fdecea;--warn:#9a6700;--warnbg:#fff6da;--accent:#2f5f8f}
            *{box-sizing:border-box}
            body{margin:0;background:#fff;color:var(--ink);font:15px/1.5 -apple-system,"Segoe UI",Roboto,\
            "Helvetica Neue",Arial,"Noto Sans","Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif}
            main{max-width:1240px;margin:0 auto;padding:28px 28px 60px}
            h1{font-size:28px;margin:0 0 4px}
            h2{font-size:21px;margin:36px 0 10px;padding-bottom:6px;border-bottom:2px solid var(--line)}
            h3{font-size:16px;margin:18px 0 6px}
            p{margin:6px 0}
            .period{font-size:18px;color:var(--muted);margin:0 0 16px}
            .muted{color:var(--muted)}
            code{font:13px/1.4 "DejaVu Sans Mono",Menlo,Consolas,monospace;background:var(--zebra);padding:1px 4px;\
            border-radius:3px;word-break:break-all}
            pre{font:13px/1.5 "DejaVu Sans Mono",Menlo,Consolas,monospace;background:var(--zebra);padding:12px 14px;\
            border:1px solid var(--line);border-radius:6px;overflow-x:auto;white-space:pre-wrap}
            table{border-collapse:collapse;width:100%;margin:8px 0 4px;font-size:14px}
            th,td{padding:6px 10px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
            th{background:#eef1f5;font-weight:600;white-space:nowrap}
            tbody tr:nth-child(even){background:var(--zebra)}
            td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
            table.meta{width:auto}
            table.meta th{background:none;text-align:left;padding-left:0;color:var(--muted);font-weight:500}
            .banner{padding:14px 18px;border-radius:8px;font-size:16px;margin:18px 0;border:1px solid}
            .banner.ok{background:var(--okbg);color:var(--ok);border-color:#a8d5b5}
            .banner.bad{background:var(--badbg);color:var(--bad);border-color:#f1b0a9}
            .banner strong{font-size:18px}
            nav{font-size:14px;margin:6px 0 0}
            nav a{color:var(--accent);margin-right:14px;text-decoration:none}
            .sev{display:inline-block;padding:0 8px;border-radius:10px;font-size:12px;font-weight:600;\
            text-transform:uppercase}
            .sev.error{background:var(--badbg);color:var(--bad)}
            .sev.warning{background:var(--warnbg);color:var(--warn)}
            .sev.info{background:#e8f0fa;color:var(--accent)}
            .yes{color:var(--ok);font-weight:700}
            .no{color:var(--bad);font-weight:700}
            figure{margin:18px 0 28px}
            figure img{display:block;max-width:100%;height:auto;border:1px solid var(--line);border-radius:6px}
            figcaption{color:var(--muted);font-size:13px;margin-top:6px}
            details{margin:6px 0}
            details>summary{cursor:pointer}
            details.site{border:1px solid var(--line);border-radius:6px;padding:6px 10px}
            details.site>summary{font-size:15px}
            table.lines{font-size:13px}
            table.lines details{margin:0}
            table.lines details>summary{color:var(--accent)}
            table.lines ul{margin:4px 0;padding-left:18px}
            footer{margin-top:40px;color:var(--muted);font-size:13px;border-top:1px solid var(--line);padding-top:10px}
            """;

    /** One page being built. */
    private static final class Page {
        private final ReportModel m;
        private final ReportMeta meta;
        private final List<Charts.Rendered> charts;
        /** The words of the report's language. */
        private final Labels words;
        private final StringBuilder out = new StringBuilder(1 << 16);
        /** Lines the lineage section may still list. */
        private int linesLeft = MAX_LINES;

        Page(ReportModel m, ReportMeta meta, List<Charts.Rendered> charts) {
            this.m = m;
            this.meta = meta;
            this.charts = charts;
            this.words = meta.labels();
        }

        private String w(String key) {
            return words.get(key);
        }

        String render() {
            String period = words.format("html.periodRange", m.period.from(), m.period.to().minusDays(1));
            out.append("<!DOCTYPE html>\n<html lang=\"").append(words.language().id()).append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                    .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                    .append("<meta name=\"generator\" content=\"wattledger ").append(escape(meta.engineVersion()))
                    .append("\">\n<title>").append(escape(words.format("html.title", period))).append("</title>\n<style>\n")
                    .append(CSS).append("</style>\n</head>\n<body>\n<main>\n");
            header(period);
            banner();
            summary();
            intensities();
            sites();
            m.dataCentre.html(out, words);
            lineage();
            coverage();
            targets();
            m.years.html(out, words);
            out.append(DisclosuresHtml.render(m, meta));
            charts();
            issues();
            factors();
            reproduce();
            out.append("<footer>").append(words.format("html.footer", escape(meta.engineVersion()),
                    "<code>" + escape(JsonReport.SCHEMA) + "</code>")).append("</footer>\n");
            out.append("</main>\n</body>\n</html>\n");
            return out.toString();
        }

        private void header(String period) {
            out.append("<header>\n<h1>").append(w("html.h1")).append("</h1>\n<p class=\"period\">")
                    .append(w("html.reportingPeriod")).append(escape(period)).append("</p>\n<table class=\"meta\">\n");
            meta(w("html.meta.factorSets"), escape(meta.factorSetLabel()));
            if (!meta.factorSheets().isEmpty()) {
                meta(w("html.meta.factorSheets"), digests(meta.factorSheets()));
            }
            meta(w("html.meta.energyBasis"), escape(meta.energyBasis()));
            meta(w("html.meta.gwpSet"), escape(meta.gwpSet()));
            if (!m.results.options().gridBasis().isDefault()) {
                meta(w("html.meta.gridBasis"), escape(m.results.options().gridBasis().id()));
            }
            meta(w("html.meta.inputs"), meta.inputs().isEmpty() ? "<span class=\"muted\">" + w("html.noneNamed") + "</span>" : digests(meta.inputs()));
            meta(w("html.meta.rows"), words.format("html.rowsValue", count(m.rows.read()), count(m.rows.accepted()),
                    count(m.rows.rejected())));
            meta(w("html.meta.engine"), "wattledger " + escape(meta.engineVersion()));
            out.append("</table>\n");
            out.append("<nav>");
            for (String id : NAV) {
                out.append("<a href=\"#").append(id).append("\">").append(w("html.nav." + id)).append("</a>");
            }
            out.append("</nav>\n</header>\n");
        }

        private void meta(String name, String html) {
            out.append("<tr><th>").append(escape(name)).append("</th><td>").append(html).append("</td></tr>\n");
        }

        private static String digests(List<ReportMeta.FileDigest> files) {
            List<String> parts = new ArrayList<>();
            for (ReportMeta.FileDigest f : files) {
                parts.add(escape(f.file()) + " <span class=\"muted\">SHA-256</span> <code>" + escape(f.sha256())
                        + "</code>");
            }
            return String.join("<br>", parts);
        }

        private void banner() {
            long warnings = m.count(Severity.WARNING);
            if (m.complete) {
                out.append("<div class=\"banner ok\" id=\"status\"><strong>").append(w("html.complete"))
                        .append("</strong>").append(w("html.completeText"));
                if (warnings > 0) {
                    out.append(w("html.semicolon")).append(plural(warnings, "warning"));
                }
                out.append(w("html.fullStop")).append("</div>\n");
            } else {
                out.append("<div class=\"banner bad\" id=\"status\"><strong>").append(w("html.incomplete"))
                        .append(escape(m.incompleteBecause())).append(w("html.fullStop")).append("</strong>")
                        .append(words.format("html.incompleteText", "<a href=\"#issues\">" + w("html.nav.issues") + "</a>"))
                        .append("</div>\n");
            }
        }

        private void summary() {
            section("summary", w("html.section.summary"));
            out.append("<table>\n<thead><tr><th>" + w("html.th.figure") + "</th><th class=\"num\">" + w("html.th.value") + "</th><th>" + w("html.th.unit") + "</th>"
                    + "<th class=\"num\">" + w("html.th.estimatedShare") + "</th></tr></thead>\n<tbody>\n");
            for (Metric metric : ReportModel.CONTRACT_TOTALS) {
                summaryRow(metric, true);
            }
            for (Metric metric : List.of(Metric.ELECTRICITY, Metric.IT_ENERGY, Metric.ONSITE_RENEWABLE,
                    Metric.CERTIFIED_RENEWABLE, Metric.REUSE)) {
                summaryRow(metric, false);
            }
            out.append("</tbody>\n</table>\n");
            if (!m.scope1ByGas.isEmpty()) {
                out.append("<p class=\"muted\">").append(w("html.scope1ByGas"));
                List<String> parts = new ArrayList<>();
                m.scope1ByGas.forEach((gas, t) -> parts.add(escape(gas) + " "
                        + Display.number(t, 3) + " " + Metric.Canonical.KG_OF_GAS.reportUnit()));
                out.append(String.join(" · ", parts)).append(w("html.fullStop")).append("</p>\n");
            }
            out.append("<p class=\"muted\">").append(w("html.notApplicable")).append("</p>\n");
        }

        private void summaryRow(Metric metric, boolean always) {
            Optional<BigDecimal> v = m.totals.reported(metric);
            if (v.isEmpty() && !always) {
                return;
            }
            out.append("<tr><td>").append(escape(Display.label(metric, words))).append("</td><td class=\"num\">")
                    .append(v.map(x -> Display.number(x, metric.reportUnit())).orElse(Display.NONE))
                    .append("</td><td>").append(escape(Display.unit(metric.reportUnit()))).append("</td><td class=\"num\">")
                    .append(m.totals.estimatedShare(metric).map(s -> Display.percent(s, 2)).orElse(""))
                    .append("</td></tr>\n");
        }

        private void intensities() {
            section("intensities", w("html.section.intensities"));
            if (m.intensities.isEmpty()) {
                out.append("<p class=\"muted\">").append(w("html.noIntensities")).append("</p>\n");
                return;
            }
            out.append("<table>\n<thead><tr><th>" + w("html.th.intensity") + "</th><th class=\"num\">" + w("html.th.value") + "</th><th>" + w("html.th.unit") + "</th></tr>"
                    + "</thead>\n<tbody>\n");
            for (Intensity i : m.intensities) {
                out.append("<tr><td>").append(escape(i.name())).append("</td><td class=\"num\">")
                        .append(Display.number(i.value(), i.unit())).append("</td><td>")
                        .append(escape(Display.unit(i.unit()))).append("</td></tr>\n");
            }
            out.append("</tbody>\n</table>\n");
        }

        private void sites() {
            section("sites", w("html.section.sites"));
            if (m.sites.isEmpty()) {
                out.append("<p class=\"muted\">" + w("html.noSiteReadings") + "</p>\n");
                return;
            }
            out.append("<table>\n<thead><tr><th>" + w("html.th.site") + "</th><th>" + w("html.th.name") + "</th><th>" + w("html.th.kind") + "</th><th>" + w("html.th.region") + "</th>"
                    + "<th class=\"num\">" + w("html.th.scope1") + "</th><th class=\"num\">" + w("html.th.scope2Location") + "</th>"
                    + "<th class=\"num\">" + w("html.th.scope2Market") + "</th><th class=\"num\">" + w("html.th.energy") + "</th>"
                    + "<th class=\"num\">" + w("html.th.water") + "</th><th class=\"num\">PUE</th><th class=\"num\">WUE<br>L/kWh</th>"
                    + "<th class=\"num\">CUE<br>kg CO2e/kWh</th></tr></thead>\n<tbody>\n");
            for (SiteResult s : m.sites) {
                Figures f = s.figures();
                Optional<DataCentreMetrics> dc = s.dataCentre();
                out.append("<tr><td><a href=\"#lines-").append(m.sites.indexOf(s) + 1).append("\">")
                        .append(escape(s.site().id())).append("</a></td><td>").append(escape(s.site().name()))
                        .append("</td><td>").append(escape(s.site().kind().id())).append("</td><td>")
                        .append(escape(s.site().region())).append("</td>");
                for (Metric metric : List.of(Metric.SCOPE1, Metric.SCOPE2_LOCATION, Metric.SCOPE2_MARKET,
                        Metric.ENERGY, Metric.WATER)) {
                    numCell(f.reported(metric).orElse(null), metric.reportUnit());
                }
                out.append("<td class=\"num\">").append(escape(m.dataCentre.pueWithCategory(s.site().id(),
                        dc.map(DataCentreMetrics::pue).orElse(null)))).append("</td>");
                numCell(dc.map(DataCentreMetrics::wue).orElse(null), "L/kWh");
                numCell(dc.map(DataCentreMetrics::cueLocation).orElse(null), "kg CO2e/kWh");
                out.append("</tr>\n");
            }
            out.append("</tbody>\n</table>\n<p class=\"muted\">" + w("html.dcNote") + "</p>\n");
        }

        /** The sections the header links to, in order (their words: {@code html.nav.ID}). */
        private static final List<String> NAV = List.of("summary", "intensities", "sites", "lineage", "coverage",
                "targets", "disclosures", "charts", "issues", "factors", "reproduce");

        /** The figures a site's line shows, in its columns. */
        private static final List<Metric> LINE_METRICS = List.of(Metric.SCOPE1, Metric.SCOPE2_LOCATION,
                Metric.SCOPE2_MARKET, Metric.ENERGY, Metric.WATER);

        /**
         * Lineage for people: each site opens (a {@code <details>}, no script) to its lines — meter,
         * month, quantity, main factor, figures — and each line to its rows (file, sheet, row ranges),
         * how its quantity was made (register readings and multiplier, estimates, prorations), every
         * factor and formula. Row ranges keep the page small; beyond {@value HtmlReport#MAX_LINES}
         * lines in all the page points to the xlsx Activity sheet and the JSON lineage.
         */
        private void lineage() {
            section("lineage", w("html.section.lineage"));
            if (m.sites.isEmpty()) {
                out.append("<p class=\"muted\">" + w("html.noSiteReadings") + "</p>\n");
                return;
            }
            out.append("<p class=\"muted\">").append(w("html.lineageIntro")).append("</p>\n");
            java.util.Map<String, List<Line>> bySite = m.linesBySite();
            for (SiteResult s : m.sites) {
                List<Line> lines = bySite.getOrDefault(s.site().id(), List.of());
                out.append("<details class=\"site\" id=\"lines-").append(m.sites.indexOf(s) + 1).append("\"><summary><strong>")
                        .append(escape(s.site().id())).append("</strong>");
                for (Metric metric : LINE_METRICS) {
                    s.figures().reported(metric).ifPresent(v -> out.append(" · ").append(escape(Display.label(metric, words)))
                            .append(' ').append(Display.number(v, metric.reportUnit())).append(' ')
                            .append(escape(Display.unit(metric.reportUnit()))));
                }
                out.append(" · ").append(plural(lines.size(), "line")).append("</summary>\n");
                out.append("<table class=\"lines\">\n<thead><tr><th>" + w("html.th.meter") + "</th><th>" + w("html.th.month") + "</th>"
                        + "<th class=\"num\">" + w("html.th.quantity") + "</th><th>" + w("html.th.factor") + "</th>");
                for (Metric metric : LINE_METRICS) {
                    out.append("<th class=\"num\">").append(escape(Display.label(metric, words))).append("<br>")
                            .append(escape(Display.unit(metric.reportUnit()))).append("</th>");
                }
                out.append("<th>" + w("html.th.rows") + "</th></tr></thead>\n<tbody>\n");
                int shown = Math.min(lines.size(), linesLeft);
                lines.subList(0, shown).forEach(this::line);
                linesLeft -= shown;
                out.append("</tbody>\n</table>\n");
                if (shown < lines.size()) {
                    out.append("<p class=\"muted\">Not listed here (the page lists at most ").append(count(MAX_LINES))
                            .append(" lines): ").append(plural(lines.size() - shown, "more line"))
                            .append(" of this site, in the Activity sheet of report.xlsx and in report.json with"
                                    + " --lineage.</p>\n");
                }
                out.append("</details>\n");
            }
        }

        private void line(Line l) {
            out.append("<tr><td>").append(escape(l.meter())).append("<br><span class=\"muted\">")
                    .append(escape(l.carrier().id() + (l.gas() == null ? "" : " " + l.gas()) + ", " + l.role().id()))
                    .append("</span></td><td>").append(escape(l.month().toString())).append("</td><td class=\"num\">")
                    .append(Display.number(l.quantity(), Math.max(0, Math.min(6, l.quantity().stripTrailingZeros().scale()))))
                    .append(' ').append(escape(Display.unit(l.unit().symbol()))).append("</td><td>");
            LineText.mainFactor(l).ifPresent(u -> out.append("<code>").append(escape(u.factor().id())).append("</code><br>")
                    .append(escape(u.factor().value().toPlainString())).append(' ').append(escape(u.factor().unit().text())));
            out.append("</td>");
            for (Metric metric : LINE_METRICS) {
                numCell(l.figures().reported(metric).orElse(null), metric.reportUnit());
            }
            out.append("<td><details><summary>").append(escape(l.lineage().rows().toString())).append("</summary><ul>");
            for (String how : l.lineage().derivations()) {
                out.append("<li>").append(escape(how)).append("</li>");
            }
            for (String how : l.lineage().prorations()) {
                out.append("<li>").append(escape(how)).append("</li>");
            }
            for (String conversion : l.lineage().conversions()) {
                out.append("<li>").append(escape(conversion)).append("</li>");
            }
            for (Lineage.FactorUse u : l.lineage().factors()) {
                out.append("<li>").append(escape(u.purpose())).append(": <code>").append(escape(u.factor().id()))
                        .append("</code> (").append(escape(u.factor().set())).append(") ")
                        .append(escape(u.factor().value().toPlainString())).append(' ')
                        .append(escape(u.factor().unit().text()));
                for (String fallback : u.fallbacks()) {
                    out.append("<br><span class=\"muted\">").append(escape(fallback)).append("</span>");
                }
                out.append("</li>");
            }
            l.lineage().formulas().forEach((metric, formula) -> out.append("<li>").append(escape(metric)).append(": ")
                    .append(escape(formula)).append("</li>"));
            out.append("</ul></details></td></tr>\n");
        }

        /** Each meter's coverage of the period, as the engine measured it; uncovered time makes the report incomplete. */
        private void coverage() {
            section("coverage", w("html.section.coverage"));
            if (m.coverage.isEmpty()) {
                out.append("<p class=\"muted\">" + w("html.noCoverage") + "</p>\n");
                return;
            }
            out.append("<table>\n<thead><tr><th>" + w("html.th.meter") + "</th><th class=\"num\">" + w("html.th.daysInPeriod") + "</th>"
                    + "<th class=\"num\">" + w("html.th.daysInService") + "</th><th class=\"num\">" + w("html.th.daysCovered") + "</th>"
                    + "<th>" + w("html.th.notCovered") + "</th></tr></thead>\n<tbody>\n");
            for (Coverage c : m.coverage) {
                out.append("<tr><td>").append(escape(c.meter().toString())).append("</td><td class=\"num\">")
                        .append(c.periodDays()).append("</td><td class=\"num\">").append(c.expectedDays())
                        .append("</td><td class=\"num\">").append(Display.number(c.coveredDays(), 2))
                        .append("</td><td>").append(c.complete() ? "" : "<span class=\"no\">"
                                + escape(ReportModel.uncovered(c)) + "</span>").append("</td></tr>\n");
            }
            out.append("</tbody>\n</table>\n<p class=\"muted\">" + w("html.coverageNote") + "</p>\n");
        }

        private void numCell(BigDecimal value, String unit) {
            out.append("<td class=\"num\">").append(Display.number(value, unit)).append("</td>");
        }

        private void targets() {
            section("targets", w("html.section.targets"));
            if (m.targets.isEmpty()) {
                out.append("<p class=\"muted\">" + w("html.noTargets") + "</p>\n");
                return;
            }
            out.append("<table>\n<thead><tr><th>" + w("html.th.target") + "</th><th>" + w("html.th.metric") + "</th><th>" + w("html.th.boundary") + "</th><th>" + w("html.th.unit") + "</th>"
                    + "<th class=\"num\">" + w("html.th.base") + "</th><th class=\"num\">" + w("html.th.target") + "</th><th class=\"num\">" + w("html.th.current") + "</th>"
                    + "<th class=\"num\">" + w("html.th.path") + "</th><th class=\"num\">" + w("html.th.progress") + "</th><th>" + w("html.th.onTrack") + "</th></tr></thead>\n<tbody>\n");
            for (TargetResult t : m.targets) {
                String unit = t.unit();
                out.append("<tr><td>").append(escape(t.target().id())).append("</td><td>")
                        .append(escape(t.target().metric())).append("<br><span class=\"muted\">")
                        .append(escape(words.format("html.pathKind", t.target().path().id()))).append("</span></td><td>")
                        .append(escape(ReportModel.boundary(t))).append("</td><td>").append(escape(Display.unit(unit)))
                        .append("</td>");
                yearValue(t.target().baseYear(), t.baseValue(), unit, w(t.baseComputed() ? "html.computed" : "html.given"));
                yearValue(t.target().targetYear(), t.targetValue(), unit, null);
                yearValue(t.currentYear(), t.current(), unit, null);
                yearValue(t.currentYear(), t.pathValue(), unit, null);
                out.append("<td class=\"num\">").append(t.progress() == null ? Display.NONE : Display.percent(t.progress(), 1))
                        .append("</td><td>");
                if (t.onTrack() == null) {
                    out.append("<span class=\"muted\">").append(w("html.noData")).append("</span>");
                } else if (t.onTrack()) {
                    out.append("<span class=\"yes\">").append(w("html.onTrack")).append("</span>");
                } else {
                    out.append("<span class=\"no\">").append(w("html.offTrack")).append("</span>");
                }
                out.append("</td></tr>\n");
            }
            out.append("</tbody>\n</table>\n<p class=\"muted\">" + w("html.progressNote") + "</p>\n");
        }

        private void yearValue(int year, BigDecimal value, String unit, String note) {
            out.append("<td class=\"num\">").append(Display.number(value, unit)).append("<br><span class=\"muted\">")
                    .append(year).append(note == null ? "" : ", " + note).append("</span></td>");
        }

        private void charts() {
            section("charts", w("html.section.charts"));
            for (Charts.Rendered c : charts) {
                out.append("<figure><img src=\"data:image/png;base64,")
                        .append(Base64.getEncoder().encodeToString(c.png())).append("\" width=\"").append(c.width())
                        .append("\" height=\"").append(c.height()).append("\" alt=\"").append(escape(c.title()))
                        .append("\"><figcaption>").append(escape(c.title())).append(" (").append(escape(c.file()))
                        .append(")</figcaption></figure>\n");
            }
        }

        private void issues() {
            section("issues", w("html.section.issues"));
            // Errors first, then warnings, then notices.
            out.append("<p>").append(plural(m.count(Severity.ERROR), "error")).append(w("html.comma"))
                    .append(plural(m.count(Severity.WARNING), "warning")).append(w("html.comma"))
                    .append(plural(m.count(Severity.INFO), "notice")).append(w("html.fullStop")).append("</p>\n");
            if (m.issues.isEmpty()) {
                return;
            }
            out.append("<table>\n<thead><tr><th>" + w("html.th.severity") + "</th><th>" + w("html.th.file") + "</th><th>" + w("html.th.sheet") + "</th><th class=\"num\">" + w("html.th.row") + "</th>"
                    + "<th>" + w("html.th.column") + "</th><th>" + w("html.th.message") + "</th></tr></thead>\n<tbody>\n");
            int shown = 0;
            List<Issue> bySeverity = new ArrayList<>(m.issues);
            bySeverity.sort(java.util.Comparator.comparing(Issue::severity)); // stable: engine order within
            for (Issue i : bySeverity) {
                if (shown++ == MAX_ISSUES) {
                    break;
                }
                out.append("<tr><td><span class=\"sev ").append(i.severity().id()).append("\">")
                        .append(i.severity().id()).append("</span></td><td>").append(escape(i.file()))
                        .append("</td><td>").append(escape(i.sheet())).append("</td><td class=\"num\">")
                        .append(i.row() == null ? "" : i.row().toString()).append("</td><td>")
                        .append(escape(i.column())).append("</td><td>").append(escape(i.message()))
                        .append("</td></tr>\n");
            }
            out.append("</tbody>\n</table>\n");
            if (m.issues.size() > MAX_ISSUES) {
                out.append("<p class=\"muted\">").append(words.format("html.moreIssues", count(m.issues.size() - MAX_ISSUES)))
                        .append("</p>\n");
            }
        }

        private void factors() {
            section("factors", w("html.section.factors"));
            if (m.factors.isEmpty()) {
                out.append("<p class=\"muted\">" + w("html.noFactors") + "</p>\n");
                return;
            }
            out.append("<table>\n<thead><tr><th>" + w("html.th.id") + "</th><th>" + w("html.th.set") + "</th><th class=\"num\">" + w("html.th.value") + "</th><th>" + w("html.th.unit") + "</th>"
                    + "<th>" + w("html.th.region") + "</th><th>" + w("html.th.valid") + "</th><th>" + w("html.th.source") + "</th><th>" + w("html.th.note") + "</th></tr></thead>\n<tbody>\n");
            for (Factor f : m.factors) {
                String gas = f.gas() == null ? "" : " " + f.gas();
                out.append("<tr><td><code>").append(escape(f.id())).append("</code><br><span class=\"muted\">")
                        .append(escape(f.kind().id() + gas + (f.basis().isEmpty() ? "" : ", " + f.basis())))
                        .append("</span></td><td>").append(escape(f.set()))
                        .append(f.version().isEmpty() || f.set().contains(f.version()) ? ""
                                : "<br><span class=\"muted\">" + escape(f.version()) + "</span>")
                        .append("</td><td class=\"num\">").append(escape(f.value().toPlainString())).append("</td><td>")
                        .append(escape(f.unit().text())).append("</td><td>").append(escape(f.region()))
                        .append("</td><td>").append(escape(validity(f))).append("</td><td>").append(escape(f.source()))
                        .append("</td><td>").append(escape(f.note())).append("</td></tr>\n");
            }
            out.append("</tbody>\n</table>\n<p class=\"muted\">" + w("html.factorsNote") + "</p>\n");
        }

        private void reproduce() {
            section("reproduce", w("html.section.reproduce"));
            out.append("<ol>\n<li>Check that you hold the same inputs");
            if (!meta.inputs().isEmpty() || !meta.factorSheets().isEmpty()) {
                out.append(": each file's SHA-256 must equal the one above.\n<pre>");
                for (ReportMeta.FileDigest f : meta.inputs()) {
                    out.append("sha256sum ").append(escape(shellWord(f.file()))).append("   # ").append(escape(f.sha256()))
                            .append('\n');
                }
                for (ReportMeta.FileDigest f : meta.factorSheets()) {
                    out.append("sha256sum ").append(escape(shellWord(f.file()))).append("   # ").append(escape(f.sha256()))
                            .append('\n');
                }
                out.append("</pre></li>\n");
            } else {
                out.append(".</li>\n");
            }
            out.append("<li>Run wattledger ").append(escape(meta.engineVersion()))
                    .append(" with the same factor release and options:\n<pre>").append(escape(command()))
                    .append("</pre>");
            if (meta.options().isEmpty()) {
                out.append("<p class=\"muted\">This report was not made by the command line, so its options "
                        + "were not recorded: give the factor sets, period and bases named above.</p>");
            }
            out.append("</li>\n");
            out.append("<li>Compare the JSON report with this one: every value must match to the last digit. "
                    + "The JSON's <code>lineage</code> section (when included) lists, for each site and figure, "
                    + "the input rows, conversions, factors and formula behind it.</li>\n</ol>\n");
        }

        /**
         * The command line, one option per line with shell continuations: the inputs, then the
         * options exactly as the run recorded them ({@link ReportMeta#options()}).
         */
        private String command() {
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder("java -jar wattledger.jar report");
            for (ReportMeta.FileDigest f : meta.inputs()) {
                line.append(' ').append(shellWord(f.file()));
            }
            if (meta.inputs().isEmpty()) {
                line.append(" INPUT...");
            }
            for (String word : meta.options()) {
                if (word.startsWith("--")) {
                    lines.add(line.toString());
                    line = new StringBuilder(word);
                } else {
                    line.append(' ').append(shellWord(word));
                }
            }
            lines.add(line.toString());
            lines.add("--format json --out out/");
            return String.join(" \\\n    ", lines);
        }

        private static String shellWord(String s) {
            return s.matches("[A-Za-z0-9@%+=:,./_-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
        }

        private void section(String id, String title) {
            out.append("<h2 id=\"").append(id).append("\">").append(escape(title)).append("</h2>\n");
        }

        /** "from 2020-01-01" for an open factor, else "2022-01-01 – 2022-12-31". */
        private static String validity(Factor f) {
            return f.validTo() == null ? "from " + f.validFrom() : f.validFrom() + " – " + f.validTo();
        }

        /** "1 warning", "3 errors": the count and the word of the language ({@code html.count.WORD.one|many}). */
        private String plural(long n, String word) {
            return words.format("html.count." + word.replace(' ', '_') + (n == 1 ? ".one" : ".many"), count(n));
        }

        private static String count(long n) {
            return Display.number(BigDecimal.valueOf(n), 0);
        }
    }
}
