package org.wattledger.reports;

import java.awt.Color;
import java.awt.Font;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryMarker;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainCategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.wattledger.engine.calc.Decomposition;
import org.wattledger.engine.calc.Metric;
import org.wattledger.engine.calc.YearResult;

/**
 * The multi-year charts: one bar per year for each metric (a subplot each, sharing the year axis)
 * and the LMDI waterfall (each year's total, then the effects that lead to the next). Data come
 * from {@link YearsTables}; the engine computed every value.
 */
final class YearsCharts {
    static final String YEARS = "years-side-by-side.png";
    static final String WATERFALL = "drivers-waterfall.png";
    /** The metrics charted year by year, one subplot each. */
    static final List<Metric> METRICS = List.of(Metric.SCOPE1, Metric.SCOPE2_LOCATION, Metric.ENERGY, Metric.WATER);
    private static final Color BAR = new Color(0x4E, 0x79, 0xA7);
    private static final Color UP = new Color(0xE1, 0x57, 0x59);
    private static final Color DOWN = new Color(0x59, 0xA1, 0x4F);
    private static final Color TOTAL = new Color(0x8C, 0x8C, 0x8C);
    private static final Color ANOMALY = new Color(0xE1, 0x57, 0x59, 60);

    private YearsCharts() {
    }

    /** The charts by file name, in order; none when fewer than two years are compared. */
    static Map<String, JFreeChart> all(ReportModel m, Labels l) {
        Map<String, JFreeChart> out = new LinkedHashMap<>();
        if (m.years.hasYears()) {
            out.put(YEARS, years(m.years, l));
        }
        if (!m.years.decomposition.isEmpty()) {
            out.put(WATERFALL, waterfall(m.years, l));
        }
        return out;
    }

    static JFreeChart years(YearsTables y, Labels l) {
        CombinedDomainCategoryPlot plot = new CombinedDomainCategoryPlot(new CategoryAxis(l.get("chart.years.axis")));
        List<BarRenderer> renderers = new java.util.ArrayList<>();
        List<NumberAxis> axes = new java.util.ArrayList<>();
        for (Metric metric : METRICS) {
            if (y.years.stream().noneMatch(r -> r.totals().has(metric))) {
                continue;
            }
            DefaultCategoryDataset d = new DefaultCategoryDataset();
            for (YearResult r : y.years) {
                d.addValue(r.totals().reported(metric).map(BigDecimal::doubleValue).orElse(null),
                        Display.label(metric, l), YearsTables.label(r));
            }
            BarRenderer bars = new BarRenderer();
            bars.setBarPainter(new StandardBarPainter());
            bars.setShadowVisible(false);
            bars.setMaximumBarWidth(0.15);
            bars.setDefaultSeriesVisibleInLegend(false);
            renderers.add(bars);
            NumberAxis axis = new NumberAxis(l.get("chart.years.axis." + metric.key()));
            axes.add(axis);
            plot.add(new CategoryPlot(d, null, axis, bars));
        }
        JFreeChart chart = Charts.chart(l, l.get("chart.years.title"), plot, null);
        renderers.forEach(r -> r.setSeriesPaint(0, BAR)); // after the theme
        axes.forEach(a -> a.setLabelFont(Charts.font(l, Font.PLAIN, 13)));
        chart.removeLegend();
        return chart;
    }

    /**
     * A waterfall drawn as stacked bars: an invisible base lifts each effect to the running total;
     * increases red, decreases green, year totals grey.
     */
    static JFreeChart waterfall(YearsTables y, Labels l) {
        DefaultCategoryDataset d = new DefaultCategoryDataset();
        String base = "base";
        List<YearResult> years = y.years;
        double running = 0;
        double low = Double.MAX_VALUE;
        double high = 0;
        for (int i = 0; i < years.size(); i++) {
            YearResult yr = years.get(i);
            double total = yr.totals().getOrZero(Metric.SCOPE1).add(yr.totals().getOrZero(Metric.SCOPE2_LOCATION))
                    .doubleValue() / 1000; // kg → t, for drawing only
            put(d, l, base, YearsTables.label(yr), 0, 0, 0, total);
            running = total;
            low = Math.min(low, total);
            high = Math.max(high, total);
            if (i < y.decomposition.size()) {
                Decomposition dec = y.decomposition.get(i);
                for (Decomposition.Effect e : dec.effects()) {
                    double v = e.value().doubleValue();
                    String key = dec.toYear() + " " + YearsTables.driver(l, e.driver());
                    put(d, l, base, key, Math.min(running, running + v), Math.max(v, 0), Math.max(-v, 0), 0);
                    running += v;
                    low = Math.min(low, running);
                    high = Math.max(high, running - v);
                    high = Math.max(high, running);
                }
            }
        }
        StackedBarRenderer bars = new StackedBarRenderer();
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        CategoryAxis axis = new CategoryAxis();
        axis.setCategoryLabelPositions(org.jfree.chart.axis.CategoryLabelPositions.UP_45);
        NumberAxis tonnes = new NumberAxis("t CO2e");
        CategoryPlot plot = new CategoryPlot(d, axis, tonnes, bars);
        JFreeChart chart = Charts.chart(l, l.get("chart.drivers.title"), plot, l.get("chart.drivers.subtitle"));
        // After the theme, which sets its own series colours: the base is invisible, the axis starts near the lowest total.
        bars.setSeriesPaint(0, new Color(0, 0, 0, 0));
        bars.setSeriesVisibleInLegend(0, false);
        bars.setSeriesPaint(1, UP);
        bars.setSeriesPaint(2, DOWN);
        bars.setSeriesPaint(3, TOTAL);
        if (high > low) {
            double pad = (high - low) * 0.5;
            tonnes.setRange(Math.max(0, low - pad), high + pad * 0.5);
        }
        tonnes.setNumberFormatOverride(new java.text.DecimalFormat("#,##0", java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT)));
        return chart;
    }

    private static void put(DefaultCategoryDataset d, Labels l, String base, String category, double lift, double up,
            double down, double total) {
        d.addValue(lift, base, category);
        d.addValue(up, l.get("chart.drivers.increase"), category);
        d.addValue(down, l.get("chart.drivers.decrease"), category);
        d.addValue(total, l.get("chart.drivers.total"), category);
    }

    /** Shades the months with an anomaly on the monthly chart and labels them. */
    static void markAnomalies(CategoryPlot plot, ReportModel m, Labels l) {
        for (java.time.YearMonth month : m.years.anomalyMonths()) {
            CategoryMarker marker = new CategoryMarker(ChartData.monthKey(month), ANOMALY,
                    new java.awt.BasicStroke(1f));
            marker.setDrawAsLine(false);
            marker.setLabel(l.get("chart.anomaly"));
            marker.setLabelFont(Charts.font(l, Font.PLAIN, 12));
            marker.setLabelAnchor(RectangleAnchor.TOP);
            marker.setLabelTextAnchor(TextAnchor.TOP_CENTER);
            plot.addDomainMarker(marker, Layer.BACKGROUND);
        }
    }
}
