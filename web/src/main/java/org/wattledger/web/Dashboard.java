package org.wattledger.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The dashboard's figures: one {@code wattledger.report/1} report per calendar year (each exactly
 * {@code report --ledger … --period YEAR}), put side by side.
 */
public final class Dashboard {
    /** The totals shown per year, in this order: the report's keys. */
    public static final List<String> TOTALS = List.of("scope1", "scope2Location", "scope2Market", "energy", "water");

    /** One year's report. */
    public record Year(int year, JsonNode report) {
        public boolean complete() {
            return report.path("complete").asBoolean(false);
        }

        public long issueCount() {
            long n = 0;
            for (JsonNode i : report.path("issues")) {
                if (!"info".equals(i.path("severity").asText())) {
                    n++;
                }
            }
            return n;
        }
    }

    /** A row of the years table: a total or an intensity, its unit and its value per year (null: not in that year's report). */
    public record Row(String key, boolean total, String unit, List<BigDecimal> values) {
    }

    /** A data centre's PUE and WUE per year. */
    public record Trend(String site, String name, List<BigDecimal> pue, List<BigDecimal> wue) {
    }

    private final List<Year> years;

    public Dashboard(List<Year> years) {
        this.years = List.copyOf(years);
    }

    public List<Year> years() {
        return years;
    }

    public boolean isEmpty() {
        return years.isEmpty();
    }

    /** The latest year: its sites and targets are shown. */
    public Year latest() {
        return years.get(years.size() - 1);
    }

    public List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        for (String key : TOTALS) {
            List<BigDecimal> values = new ArrayList<>();
            String unit = "";
            for (Year y : years) {
                JsonNode t = y.report().path("totals").path(key);
                values.add(Figures.value(t));
                unit = t.has("unit") ? t.path("unit").asText() : unit;
            }
            rows.add(new Row(key, true, unit, values));
        }
        Set<String> names = new LinkedHashSet<>();
        for (Year y : years) {
            y.report().path("intensities").forEach(i -> names.add(i.path("name").asText()));
        }
        for (String name : names) {
            List<BigDecimal> values = new ArrayList<>();
            String unit = "";
            for (Year y : years) {
                BigDecimal v = null;
                for (JsonNode i : y.report().path("intensities")) {
                    if (name.equals(i.path("name").asText())) {
                        v = Figures.value(i);
                        unit = i.path("unit").asText();
                    }
                }
                values.add(v);
            }
            rows.add(new Row(name, false, unit, values));
        }
        return rows;
    }

    /** PUE and WUE per data centre across the years (the sites whose reports give a PUE or WUE). */
    public List<Trend> trends() {
        Map<String, Trend> bySite = new LinkedHashMap<>();
        for (int k = 0; k < years.size(); k++) {
            for (JsonNode s : years.get(k).report().path("sites")) {
                if (!s.has("pue") && !s.has("wue")) {
                    continue;
                }
                String id = s.path("site").asText();
                Trend t = bySite.computeIfAbsent(id, x -> new Trend(id, s.path("name").asText(),
                        nulls(years.size()), nulls(years.size())));
                t.pue().set(k, Figures.value(s.path("pue")));
                t.wue().set(k, Figures.value(s.path("wue")));
            }
        }
        return List.copyOf(bySite.values());
    }

    /** Scope 1 and Scope 2 (location, market) per year, as bars. */
    public String emissionsChart(Texts t) {
        List<String> labels = years.stream().map(y -> Integer.toString(y.year())).toList();
        List<String> keys = List.of("scope1", "scope2Location", "scope2Market");
        List<List<BigDecimal>> series = new ArrayList<>();
        for (String key : keys) {
            series.add(years.stream().map(y -> Figures.value(y.report().path("totals").path(key))).toList());
        }
        return Svg.bars(labels, keys.stream().map(k -> t.get("metric." + k)).toList(), series, "t CO2e");
    }

    /** PUE per data centre per year, as lines. */
    public String pueChart(Texts t) {
        List<String> labels = years.stream().map(y -> Integer.toString(y.year())).toList();
        List<Trend> trends = trends();
        return Svg.lines(labels, trends.stream().map(Trend::site).toList(), trends.stream().map(Trend::pue).toList(),
                "PUE");
    }

    private static List<BigDecimal> nulls(int n) {
        List<BigDecimal> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(null);
        }
        return list;
    }
}
