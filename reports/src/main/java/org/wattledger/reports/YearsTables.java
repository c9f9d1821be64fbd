package org.wattledger.reports;

import static org.wattledger.reports.JsonReport.number;
import static org.wattledger.reports.JsonReport.quantity;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.wattledger.engine.calc.Anomalies;
import org.wattledger.engine.calc.Decomposition;
import org.wattledger.engine.calc.Intensity;
import org.wattledger.engine.calc.Metric;
import org.wattledger.engine.calc.Recalculation;
import org.wattledger.engine.calc.Results;
import org.wattledger.engine.calc.YearResult;
import org.wattledger.engine.model.StructuralChange;
import org.wattledger.engine.units.Exact;

/**
 * The multi-year sections of every report: years side by side, the LMDI drivers of each year's
 * change, the base-year recalculation and the anomalies, taken from the engine once and laid out
 * as rows that the JSON, text, CSV, HTML and xlsx writers print (they only add a few lines each).
 * Nothing here sums: every figure is the engine's. Every word people read comes from the report's
 * {@link Labels} (keys {@code years.*}); the CSV files stay English by design.
 */
final class YearsTables {
    /** People's name of an LMDI driver (labels {@code years.driver.ID}); the engine's id for one the bundle lacks. */
    static String driver(Labels l, String id) {
        String key = "years.driver." + id;
        return l.has(key) ? l.get(key) : id;
    }

    /** The totals the years table shows, in order. */
    static final List<Metric> METRICS = List.of(Metric.SCOPE1, Metric.SCOPE2_LOCATION, Metric.SCOPE2_MARKET,
            Metric.ENERGY, Metric.ENERGY_DIRECT, Metric.ENERGY_INDIRECT, Metric.ENERGY_TCE, Metric.ELECTRICITY,
            Metric.IT_ENERGY, Metric.WATER);

    final List<YearResult> years;
    final List<Decomposition> decomposition;
    final Optional<Recalculation> recalculation;
    final List<Anomalies.Anomaly> anomalies;

    private YearsTables(Results results) {
        this.years = results.years();
        this.decomposition = results.decomposition();
        this.recalculation = results.recalculation();
        this.anomalies = results.anomalies();
    }

    static YearsTables of(Results results) {
        return new YearsTables(results);
    }

    boolean hasYears() {
        return !years.isEmpty();
    }

    // ---- rows, shared by the text, CSV, HTML and xlsx writers ----

    /** One row of the years table: a figure's label, unit, value per year and change per later year. */
    record Row(String label, String unit, List<BigDecimal> values, List<BigDecimal> changes, List<BigDecimal> relative) {
    }

    /** Header: metric, unit, each year, "change 2023", … */
    List<String> yearsHeader(Labels l) {
        List<String> h = new ArrayList<>(List.of(l.get("years.col.metric"), l.get("years.col.unit")));
        years.forEach(y -> h.add(label(y)));
        years.stream().skip(1).forEach(y -> h.add(l.format("years.col.changeIn", y.year())));
        return h;
    }

    /** "2024", or "2024-01-01..2024-06-30" for a year cut by the period. */
    static String label(YearResult y) {
        boolean whole = y.period().isCalendarYear();
        return whole ? Integer.toString(y.year()) : y.period().from() + ".." + y.period().to().minusDays(1);
    }

    List<Row> yearsRows(Labels l) {
        List<Row> out = new ArrayList<>();
        for (Metric metric : METRICS) {
            if (years.stream().noneMatch(y -> y.totals().has(metric))) {
                continue;
            }
            List<BigDecimal> values = new ArrayList<>();
            List<BigDecimal> changes = new ArrayList<>();
            List<BigDecimal> relative = new ArrayList<>();
            for (YearResult y : years) {
                values.add(y.totals().reported(metric).orElse(null));
            }
            years.stream().skip(1).forEach(y -> {
                YearResult.Change c = y.change().get(metric);
                changes.add(c == null ? null : c.value());
                relative.add(c == null ? null : c.relative());
            });
            out.add(new Row(Display.label(metric, l), metric.reportUnit(), values, changes, relative));
        }
        Set<String> names = new LinkedHashSet<>();
        Map<String, String> units = new LinkedHashMap<>();
        years.forEach(y -> y.intensities().forEach(i -> {
            names.add(i.name());
            units.putIfAbsent(i.name(), i.unit());
        }));
        for (String name : names) {
            List<BigDecimal> values = new ArrayList<>();
            for (YearResult y : years) {
                values.add(y.intensities().stream().filter(i -> i.name().equals(name)).map(Intensity::value)
                        .findFirst().orElse(null));
            }
            List<BigDecimal> none = new ArrayList<>();
            years.stream().skip(1).forEach(y -> none.add(null));
            out.add(new Row(name, units.get(name), values, none, none));
        }
        return out;
    }

    /** The drivers in the order the tables show them, those present in any year pair. */
    List<String> drivers() {
        Set<String> out = new LinkedHashSet<>();
        decomposition.forEach(d -> d.effects().forEach(e -> out.add(e.driver())));
        return new ArrayList<>(out);
    }

    /** years, change, each driver; the residual (change − Σ effects, ~1e-12) only where exact values are shown. */
    List<String> driversHeader(Labels l, boolean withResidual) {
        List<String> h = new ArrayList<>(List.of(l.get("years.col.years"), l.get("years.col.change")));
        drivers().forEach(d -> h.add(driver(l, d)));
        if (withResidual) {
            h.add(l.get("years.col.residual"));
        }
        return h;
    }

    /** Per year pair: "2022→2023", change, each driver's effect (null when absent), residual. */
    record DriverRow(String years, BigDecimal change, List<BigDecimal> effects, BigDecimal residual, String unavailable) {
    }

    List<DriverRow> driverRows() {
        List<DriverRow> out = new ArrayList<>();
        List<String> drivers = drivers();
        for (Decomposition d : decomposition) {
            Map<String, BigDecimal> by = d.byDriver();
            List<BigDecimal> effects = new ArrayList<>();
            drivers.forEach(k -> effects.add(by.get(k)));
            out.add(new DriverRow(d.fromYear() + "→" + d.toYear(), d.change(), effects, d.residual(), d.unavailable()));
        }
        return out;
    }

    String activityNote(Labels l) {
        if (decomposition.isEmpty()) {
            return "";
        }
        Decomposition d = decomposition.get(0);
        return l.format("years.note.activity", d.activity(), d.activityUnit());
    }

    String recalculationNote(Labels l) {
        Recalculation r = recalculation.orElseThrow();
        return l.format("years.note.recalculation", r.baseYear(),
                Display.number(r.baseEmissions(), "t CO2e"), Display.number(r.cumulative(), "t CO2e"),
                r.share() == null ? Display.NONE : Display.percent(r.share(), 2), Display.percent(r.threshold(), 2),
                l.get(r.triggered() ? "years.note.restated" : "years.note.notRestated"));
    }

    /** Months with an anomaly on any meter, for the monthly chart's markers. */
    Set<YearMonth> anomalyMonths() {
        Set<YearMonth> out = new java.util.TreeSet<>();
        anomalies.forEach(a -> out.add(a.month()));
        return out;
    }

    // ---- JSON (additive keys: years, decomposition, recalculation, anomalies) ----

    void json(JsonGenerator g) throws IOException {
        if (!years.isEmpty()) {
            g.writeArrayFieldStart("years");
            for (YearResult y : years) {
                g.writeStartObject();
                g.writeNumberField("year", y.year());
                g.writeObjectFieldStart("period");
                g.writeStringField("from", y.period().from().toString());
                g.writeStringField("to", y.period().to().toString());
                g.writeEndObject();
                g.writeBooleanField("complete", y.complete());
                g.writeObjectFieldStart("totals");
                for (Metric metric : ReportModel.CONTRACT_TOTALS) {
                    figure(g, y, metric);
                }
                for (Metric metric : ReportModel.EXTRA_TOTALS) {
                    figure(g, y, metric);
                }
                g.writeEndObject();
                g.writeArrayFieldStart("intensities");
                for (Intensity i : y.intensities()) {
                    g.writeStartObject();
                    g.writeStringField("name", i.name());
                    number(g, "value", i.value());
                    g.writeStringField("unit", i.unit());
                    g.writeEndObject();
                }
                g.writeEndArray();
                if (!y.change().isEmpty()) {
                    g.writeObjectFieldStart("change");
                    for (Metric metric : y.change().keySet()) {
                        if (!ReportModel.CONTRACT_TOTALS.contains(metric) && !ReportModel.EXTRA_TOTALS.contains(metric)) {
                            continue;
                        }
                        YearResult.Change c = y.change().get(metric);
                        g.writeObjectFieldStart(metric.key());
                        number(g, "value", c.value());
                        g.writeStringField("unit", metric.reportUnit());
                        if (c.relative() != null) {
                            number(g, "relative", c.relative());
                        }
                        g.writeEndObject();
                    }
                    g.writeEndObject();
                }
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        if (!decomposition.isEmpty()) {
            g.writeArrayFieldStart("decomposition");
            for (Decomposition d : decomposition) {
                g.writeStartObject();
                g.writeNumberField("from", d.fromYear());
                g.writeNumberField("to", d.toYear());
                g.writeStringField("method", Decomposition.METHOD);
                g.writeStringField("metric", d.metric());
                quantity(g, "change", d.change(), "t CO2e");
                g.writeArrayFieldStart("effects");
                for (Decomposition.Effect e : d.effects()) {
                    g.writeStartObject();
                    g.writeStringField("driver", e.driver());
                    number(g, "value", e.value());
                    g.writeStringField("unit", "t CO2e");
                    g.writeEndObject();
                }
                g.writeEndArray();
                // additive
                g.writeObjectFieldStart("activity");
                g.writeStringField("name", d.activity());
                g.writeStringField("unit", d.activityUnit());
                g.writeEndObject();
                if (d.residual() != null) {
                    quantity(g, "residual", d.residual(), "t CO2e");
                }
                if (d.unavailable() != null) {
                    g.writeStringField("unavailable", d.unavailable());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        if (recalculation.isPresent()) {
            Recalculation r = recalculation.get();
            g.writeObjectFieldStart("recalculation");
            g.writeNumberField("baseYear", r.baseYear());
            number(g, "threshold", r.threshold());
            quantity(g, "baseEmissions", r.baseEmissions(), "t CO2e");
            quantity(g, "cumulativeChange", r.cumulative(), "t CO2e");
            if (r.share() != null) {
                number(g, "share", r.share());
            }
            g.writeBooleanField("triggered", r.triggered());
            quantity(g, "restatedBaseEmissions", r.restatedBaseEmissions(), "t CO2e");
            g.writeArrayFieldStart("changes");
            for (StructuralChange c : r.changes()) {
                g.writeStartObject();
                g.writeStringField("type", c.type().id());
                g.writeStringField("date", c.date().toString());
                g.writeStringField("sites", String.join(";", c.sites()));
                quantity(g, "emissions", c.signedEmissions(), "t CO2e");
                if (!c.note().isEmpty()) {
                    g.writeStringField("note", c.note());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("series");
            for (Recalculation.YearRow y : r.series()) {
                g.writeStartObject();
                g.writeNumberField("year", y.year());
                quantity(g, "original", y.original(), "t CO2e");
                quantity(g, "restated", y.restated(), "t CO2e");
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        if (!anomalies.isEmpty()) {
            g.writeArrayFieldStart("anomalies");
            for (Anomalies.Anomaly a : anomalies) {
                g.writeStartObject();
                g.writeStringField("site", a.site());
                g.writeStringField("meter", a.meter());
                g.writeStringField("carrier", a.carrier());
                g.writeStringField("month", a.month().toString());
                quantity(g, "value", a.value(), a.unit());
                quantity(g, "median", a.median(), a.unit());
                quantity(g, "mad", a.mad(), a.unit());
                g.writeNumberField("otherMonths", a.otherMonths());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
    }

    private static void figure(JsonGenerator g, YearResult y, Metric metric) throws IOException {
        Optional<BigDecimal> v = y.totals().reported(metric);
        if (v.isPresent()) {
            quantity(g, metric.key(), v.get(), metric.reportUnit());
        }
    }



    // ---- CSV ----

    static final String YEARS_CSV = "years.csv";
    static final String DECOMPOSITION_CSV = "decomposition.csv";
    static final String RECALCULATION_CSV = "recalculation.csv";

    /** The CSV files of these sections by name, in order; none for a one-year report without changes. */
    Map<String, String> csvFiles() {
        Map<String, String> out = new LinkedHashMap<>();
        if (!years.isEmpty()) {
            CsvReport.Csv csv = new CsvReport.Csv("year", "from", "to", "complete", "metric", "value", "unit", "change",
                    "relative_change");
            for (YearResult y : years) {
                String[] head = {Integer.toString(y.year()), y.period().from().toString(),
                        y.period().to().minusDays(1).toString(), Boolean.toString(y.complete())};
                for (Metric metric : METRICS) {
                    Optional<BigDecimal> v = y.totals().reported(metric);
                    if (v.isPresent()) {
                        YearResult.Change c = y.change().get(metric);
                        csv.row(cat(head, metric.key(), plain(v.get()), metric.reportUnit(),
                                c == null ? "" : plain(c.value()), c == null || c.relative() == null ? "" : plain(c.relative())));
                    }
                }
                for (Intensity i : y.intensities()) {
                    csv.row(cat(head, i.name(), plain(i.value()), i.unit(), "", ""));
                }
            }
            out.put(YEARS_CSV, csv.toString());
        }
        if (!decomposition.isEmpty()) {
            CsvReport.Csv csv = new CsvReport.Csv("from", "to", "method", "metric", "activity", "driver", "value", "unit");
            for (Decomposition d : decomposition) {
                String[] head = {Integer.toString(d.fromYear()), Integer.toString(d.toYear()), Decomposition.METHOD,
                        d.metric(), d.activity()};
                csv.row(cat(head, "change", plain(d.change()), "t CO2e"));
                for (Decomposition.Effect e : d.effects()) {
                    csv.row(cat(head, e.driver(), plain(e.value()), "t CO2e"));
                }
                if (d.residual() != null) {
                    csv.row(cat(head, "residual", plain(d.residual()), "t CO2e"));
                }
            }
            out.put(DECOMPOSITION_CSV, csv.toString());
        }
        recalculation.ifPresent(r -> {
            CsvReport.Csv csv = new CsvReport.Csv("year", "original", "restated", "unit", "base_year", "triggered");
            for (Recalculation.YearRow y : r.series()) {
                csv.row(Integer.toString(y.year()), plain(y.original()), plain(y.restated()), "t CO2e",
                        Integer.toString(r.baseYear()), Boolean.toString(r.triggered()));
            }
            out.put(RECALCULATION_CSV, csv.toString());
        });
        return out;
    }

    private static String[] cat(String[] head, String... tail) {
        String[] out = java.util.Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, out, head.length, tail.length);
        return out;
    }

    private static String plain(BigDecimal v) {
        return Exact.strip(v).toPlainString();
    }

    // ---- HTML ----

    /** The HTML sections (headings with ids years, drivers, recalculation); nothing when there is nothing to show. */
    void html(StringBuilder out, Labels l) {
        if (!years.isEmpty()) {
            heading(out, "years", l.get("years.title"));
            out.append("<table>\n<thead><tr>");
            List<String> header = yearsHeader(l);
            for (int i = 0; i < header.size(); i++) {
                out.append(i < 2 ? "<th>" : "<th class=\"num\">").append(HtmlReport.escape(header.get(i))).append("</th>");
            }
            out.append("</tr></thead>\n<tbody>\n");
            for (Row r : yearsRows(l)) {
                out.append("<tr><td>").append(HtmlReport.escape(r.label())).append("</td><td>")
                        .append(HtmlReport.escape(Display.unit(r.unit()))).append("</td>");
                r.values().forEach(v -> out.append("<td class=\"num\">")
                        .append(v == null ? Display.NONE : Display.number(v, r.unit())).append("</td>"));
                for (int i = 0; i < r.changes().size(); i++) {
                    BigDecimal c = r.changes().get(i);
                    BigDecimal rel = r.relative().get(i);
                    out.append("<td class=\"num\">").append(c == null ? "" : signed(Display.number(c, r.unit()), c))
                            .append(rel == null ? "" : "<br><span class=\"muted\">" + signed(Display.percent(rel, 1), rel)
                                    + "</span>").append("</td>");
                }
                out.append("</tr>\n");
            }
            out.append("</tbody>\n</table>\n");
        }
        if (!decomposition.isEmpty()) {
            heading(out, "drivers", l.get("years.drivers.title"));
            out.append("<table>\n<thead><tr>");
            List<String> header = driversHeader(l, false);
            for (int i = 0; i < header.size(); i++) {
                out.append(i < 1 ? "<th>" : "<th class=\"num\">").append(HtmlReport.escape(header.get(i))).append("</th>");
            }
            out.append("</tr></thead>\n<tbody>\n");
            for (DriverRow d : driverRows()) {
                out.append("<tr><td>").append(HtmlReport.escape(d.years())).append("</td><td class=\"num\">")
                        .append(signed(Display.number(d.change(), "t CO2e"), d.change())).append("</td>");
                d.effects().forEach(v -> out.append("<td class=\"num\">")
                        .append(v == null ? Display.NONE : signed(Display.number(v, "t CO2e"), v)).append("</td>"));
                out.append("</tr>\n");
                if (d.unavailable() != null) {
                    out.append("<tr><td></td><td colspan=\"").append(header.size() - 1).append("\" class=\"muted\">")
                            .append(HtmlReport.escape(d.unavailable())).append("</td></tr>\n");
                }
            }
            out.append("</tbody>\n</table>\n<p class=\"muted\">").append(HtmlReport.escape(activityNote(l)))
                    .append("</p>\n");
        }
        if (recalculation.isPresent()) {
            heading(out, "recalculation", l.get("years.recalculation.title"));
            out.append("<p>").append(HtmlReport.escape(recalculationNote(l))).append("</p>\n");
            out.append("<table>\n<thead><tr><th>").append(HtmlReport.escape(l.get("years.col.year"))).append("</th><th class=\"num\">")
                    .append(HtmlReport.escape(l.get("years.col.original"))).append("<br>t CO2e</th><th class=\"num\">")
                    .append(HtmlReport.escape(l.get("years.col.restated")))
                    .append("<br>t CO2e</th></tr></thead>\n<tbody>\n");
            for (Recalculation.YearRow y : recalculation.get().series()) {
                out.append("<tr><td>").append(y.year()).append("</td><td class=\"num\">")
                        .append(Display.number(y.original(), "t CO2e")).append("</td><td class=\"num\">")
                        .append(Display.number(y.restated(), "t CO2e")).append("</td></tr>\n");
            }
            out.append("</tbody>\n</table>\n<table>\n<thead><tr><th>").append(HtmlReport.escape(l.get("years.col.type")))
                    .append("</th><th>").append(HtmlReport.escape(l.get("years.col.date"))).append("</th><th>")
                    .append(HtmlReport.escape(l.get("years.col.sites"))).append("</th><th class=\"num\">")
                    .append(HtmlReport.escape(l.get("years.col.emissions"))).append("</th><th>")
                    .append(HtmlReport.escape(l.get("years.col.note"))).append("</th></tr></thead>\n<tbody>\n");
            for (StructuralChange c : recalculation.get().changes()) {
                out.append("<tr><td>").append(HtmlReport.escape(changeType(l, c.type()))).append("</td><td>").append(c.date()).append("</td><td>")
                        .append(HtmlReport.escape(String.join(";", c.sites()))).append("</td><td class=\"num\">")
                        .append(signed(Display.number(c.signedEmissions(), "t CO2e"), c.signedEmissions()))
                        .append("</td><td>").append(HtmlReport.escape(c.note())).append("</td></tr>\n");
            }
            out.append("</tbody>\n</table>\n");
        }
        if (!anomalies.isEmpty()) {
            heading(out, "anomalies", l.get("years.anomalies.title"));
            out.append("<table>\n<thead><tr><th>").append(HtmlReport.escape(l.get("years.col.meter")))
                    .append("</th><th>").append(HtmlReport.escape(l.get("years.col.month")))
                    .append("</th><th class=\"num\">").append(HtmlReport.escape(l.get("years.col.value")))
                    .append("</th><th class=\"num\">").append(HtmlReport.escape(l.get("years.col.median")))
                    .append("</th><th class=\"num\">").append(HtmlReport.escape(l.get("years.col.mad")))
                    .append("</th><th>").append(HtmlReport.escape(l.get("years.col.unit")))
                    .append("</th></tr></thead>\n<tbody>\n");
            for (Anomalies.Anomaly a : anomalies) {
                out.append("<tr><td>").append(HtmlReport.escape(a.site() + "/" + a.meter() + " (" + a.carrier() + ")"))
                        .append("</td><td>").append(a.month()).append("</td><td class=\"num\">")
                        .append(Display.number(a.value(), 2)).append("</td><td class=\"num\">")
                        .append(Display.number(a.median(), 2)).append("</td><td class=\"num\">")
                        .append(Display.number(a.mad(), 2)).append("</td><td>").append(HtmlReport.escape(a.unit()))
                        .append("</td></tr>\n");
            }
            out.append("</tbody>\n</table>\n<p class=\"muted\">").append(HtmlReport.escape(l.get("years.note.anomalyRule")))
                    .append("</p>\n");
        }
    }

    /** People's name of a structural change type (labels {@code years.changeType.ID}). */
    private static String changeType(Labels l, StructuralChange.Type type) {
        return l.get("years.changeType." + type.id());
    }

    private static void heading(StringBuilder out, String id, String title) {
        out.append("<h2 id=\"").append(id).append("\">").append(HtmlReport.escape(title)).append("</h2>\n");
    }

    // ---- text ----

    /** The text summary's sections: years, drivers, recalculation; nothing for a one-year comparison. */
    void text(StringBuilder out, Labels l) {
        if (!years.isEmpty()) {
            out.append('\n').append(l.get("years.title")).append('\n');
            List<String[]> rows = new ArrayList<>();
            for (Row r : yearsRows(l)) {
                List<String> cells = new ArrayList<>(List.of(r.label(), r.unit()));
                r.values().forEach(v -> cells.add(v == null ? "-" : Display.number(v, r.unit())));
                r.changes().forEach(v -> cells.add(v == null ? "" : signed(Display.number(v, r.unit()), v)));
                rows.add(cells.toArray(String[]::new));
            }
            List<String> header = yearsHeader(l);
            TextSummary.table(out, aligns(2, header.size() - 2), header.toArray(String[]::new), rows, "  ");
        }
        if (!decomposition.isEmpty()) {
            out.append('\n').append(l.get("years.drivers.title")).append('\n');
            List<String[]> rows = new ArrayList<>();
            for (DriverRow d : driverRows()) {
                List<String> cells = new ArrayList<>(List.of(d.years(), signed(Display.number(d.change(), "t CO2e"),
                        d.change())));
                d.effects().forEach(v -> cells.add(v == null ? (d.unavailable() == null ? "" : "-")
                        : signed(Display.number(v, "t CO2e"), v)));
                rows.add(cells.toArray(String[]::new));
            }
            List<String> header = driversHeader(l, false);
            TextSummary.table(out, aligns(1, header.size() - 1), header.toArray(String[]::new), rows, "  ");
            for (DriverRow d : driverRows()) {
                if (d.unavailable() != null) {
                    out.append("  ").append(d.years()).append(": ").append(d.unavailable()).append('\n');
                }
            }
            out.append("  ").append(activityNote(l)).append('\n');
        }
        if (recalculation.isPresent()) {
            out.append('\n').append(l.get("years.recalculation.title")).append('\n');
            out.append("  ").append(recalculationNote(l)).append('\n');
            List<String[]> rows = new ArrayList<>();
            for (Recalculation.YearRow y : recalculation.get().series()) {
                rows.add(new String[] {Integer.toString(y.year()), Display.number(y.original(), "t CO2e"),
                        Display.number(y.restated(), "t CO2e")});
            }
            TextSummary.table(out, aligns(1, 2), new String[] {l.get("years.col.year"),
                    l.get("years.col.original"), l.get("years.col.restated")}, rows, "  ");
        }
    }

    private static String signed(String shown, BigDecimal v) {
        return v.signum() > 0 ? "+" + shown : shown;
    }

    private static List<TextSummary.Align> aligns(int left, int right) {
        List<TextSummary.Align> out = new ArrayList<>();
        for (int i = 0; i < left; i++) {
            out.add(TextSummary.Align.LEFT);
        }
        for (int i = 0; i < right; i++) {
            out.add(TextSummary.Align.RIGHT);
        }
        return out;
    }
}
