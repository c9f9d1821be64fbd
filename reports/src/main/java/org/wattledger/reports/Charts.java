package org.wattledger.reports;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.annotations.XYTitleAnnotation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainCategoryPlot;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeriesCollection;
import org.wattledger.engine.Background;
import org.wattledger.engine.calc.Results;
import org.wattledger.engine.calc.SiteResult;
import org.wattledger.engine.calc.TargetResult;

/**
 * Charts of a period's results, rendered with JFreeChart to PNG: emissions by month, data-centre
 * PUE and WUE by month, target trajectories and energy by carrier. The data comes from
 * {@link ChartData}; this class only draws it. Rendering uses fixed fonts, colours, sizes and
 * number formats (locale {@code ROOT}), never the clock, so equal results give equal images on one
 * platform. Needs AWT; run headless with {@code -Djava.awt.headless=true}.
 */
public final class Charts {
    public static final String EMISSIONS_BY_MONTH = "emissions-by-month.png";
    public static final String PUE_WUE_BY_MONTH = "pue-wue-by-month.png";
    public static final String TARGET_TRAJECTORY = "target-trajectory.png";
    public static final String ENERGY_BY_CARRIER = "energy-by-carrier.png";
    /** Only when the input has PUE contracts. */
    public static final String PUE_CONTRACTS = "pue-contracts.png";
    /** Default size of a chart, in pixels. */
    public static final int WIDTH = 1200;
    public static final int HEIGHT = 700;

    private static final String FONT = "SansSerif";
    private static final Color TEXT = new Color(0x26, 0x2B, 0x33);
    private static final Color GRID = new Color(0xDD, 0xE1, 0xE6);
    private static final Color SCOPE1 = new Color(0xF2, 0x8E, 0x2B);
    private static final Color SCOPE2 = new Color(0x4E, 0x79, 0xA7);
    private static final Color MARKET = new Color(0x26, 0x2B, 0x33);
    private static final Color PATH = new Color(0x8C, 0x8C, 0x8C);
    private static final Color ACTUAL = new Color(0x4E, 0x79, 0xA7);
    private static final Color TARGET = new Color(0x3B, 0x8E, 0x3B);
    /** Series colours (Tableau 10), assigned by position. */
    private static final Color[] PALETTE = {
        new Color(0x4E, 0x79, 0xA7), new Color(0xF2, 0x8E, 0x2B), new Color(0xE1, 0x57, 0x59),
        new Color(0x76, 0xB7, 0xB2), new Color(0x59, 0xA1, 0x4F), new Color(0xED, 0xC9, 0x48),
        new Color(0xB0, 0x7A, 0xA1), new Color(0xFF, 0x9D, 0xA7), new Color(0x9C, 0x75, 0x5F),
        new Color(0xBA, 0xB0, 0xAC)};
    private static final Stroke LINE = new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    private static final Stroke DASHED = new BasicStroke(2.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
            new float[] {9f, 6f}, 0f);
    private static final Stroke DOTTED = new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
            new float[] {3f, 4f}, 0f);
    private static final Shape DOT = new Ellipse2D.Double(-4, -4, 8, 8);

    private Charts() {
    }

    /** A chart's file name, title, size and PNG bytes. */
    public record Rendered(String file, String title, int width, int height, byte[] png) {
    }

    /**
     * Writes {@value #EMISSIONS_BY_MONTH}, {@value #PUE_WUE_BY_MONTH}, {@value #TARGET_TRAJECTORY}
     * and {@value #ENERGY_BY_CARRIER} into a folder (created if needed); returns their paths.
     */
    public static List<Path> writeAll(Results results, Path dir) throws IOException {
        return write(renderAll(ReportModel.of(results), Labels.EN), dir);
    }

    /** Writes charts already rendered into a folder (created if needed); returns their paths. */
    public static List<Path> write(List<Rendered> charts, Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Path> out = new ArrayList<>();
        for (Rendered r : charts) {
            Path file = dir.resolve(r.file());
            Files.write(file, r.png());
            out.add(file);
        }
        return out;
    }

    /**
     * Loads and initialises what drawing a chart needs (JFreeChart, Java2D, the fonts, the PNG
     * encoder and its deflater) by drawing a small empty chart, encoding it and discarding it: the
     * first chart of a run costs about half a second of class loading, which a caller can so move to
     * a thread that would otherwise wait. Has no effect on any chart drawn later.
     */
    public static void preload() {
        CategoryPlot plot = new CategoryPlot(new DefaultCategoryDataset(), new CategoryAxis(), new NumberAxis(),
                new StackedBarRenderer());
        png(chart(Labels.EN, "", plot, ""), 32, 32);
    }

    /** All charts, rendered, in a fixed order. */
    public static List<Rendered> renderAll(Results results) {
        return renderAll(ReportModel.of(results), Labels.EN);
    }

    /** All charts with the words of a language, rendered, in a fixed order. */
    public static List<Rendered> renderAll(Results results, Labels l) {
        return renderAll(ReportModel.of(results), l);
    }

    static List<Rendered> renderAll(ReportModel m, Labels l) {
        Map<String, JFreeChart> charts = new LinkedHashMap<>();
        charts.put(EMISSIONS_BY_MONTH, emissionsByMonth(m, l));
        charts.put(PUE_WUE_BY_MONTH, pueWueByMonth(m, l));
        charts.put(TARGET_TRAJECTORY, targetTrajectory(m, l));
        charts.put(ENERGY_BY_CARRIER, energyByCarrier(m, l));
        charts.putAll(YearsCharts.all(m, l));
        if (!m.dataCentre.settlements.isEmpty()) {
            charts.put(PUE_CONTRACTS, pueContracts(m, l));
        }
        // Drawing and encoding are most of a report's last second: two threads share the charts,
        // each taking the next one not yet taken. Each chart is drawn by one thread only.
        List<Map.Entry<String, JFreeChart>> todo = new ArrayList<>(charts.entrySet());
        Rendered[] out = new Rendered[todo.size()];
        AtomicInteger next = new AtomicInteger();
        Runnable drawRemaining = () -> {
            for (int i = next.getAndIncrement(); i < out.length; i = next.getAndIncrement()) {
                String file = todo.get(i).getKey();
                JFreeChart chart = todo.get(i).getValue();
                int height = file.equals(TARGET_TRAJECTORY) ? targetChartHeight(m.targets.size()) : HEIGHT;
                out[i] = new Rendered(file, chart.getTitle().getText(), WIDTH, height, png(chart, WIDTH, height));
            }
        };
        Background<Void> second = Background.start("charts-2", () -> {
            drawRemaining.run();
            return null;
        });
        drawRemaining.run();
        second.get();
        return List.of(out);
    }

    /** Taller when there are many targets: one subplot each. */
    static int targetChartHeight(int targets) {
        return targets <= 2 ? HEIGHT : Math.min(100 + 300 * targets, 6000);
    }

    /** Draws a chart into a PNG of the given size. */
    public static byte[] png(JFreeChart chart, int width, int height) {
        return PngEncoder.encode(image(chart, width, height));
    }

    /** Draws a chart into an image of the given size, as {@link #png} encodes it. */
    static BufferedImage image(JFreeChart chart, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g2 = image.createGraphics();
        try {
            g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g2.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_OFF);
            g2.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            chart.draw(g2, new Rectangle2D.Double(0, 0, width, height));
        } finally {
            g2.dispose();
        }
        return image;
    }

    // ---- the charts ----

    /** Stacked bars of Scope 1 and Scope 2 location-based per month, market-based as a line. */
    public static JFreeChart emissionsByMonth(Results results) {
        return emissionsByMonth(ReportModel.of(results), Labels.EN);
    }

    static JFreeChart emissionsByMonth(ReportModel m, Labels l) {
        DefaultCategoryDataset stacked = ChartData.emissionsStacked(m, l);
        CategoryAxis months = monthAxis(m, l);
        NumberAxis tonnes = valueAxis("t CO2e", "#,##0.##");
        StackedBarRenderer bars = new StackedBarRenderer();
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setItemMargin(0);
        bars.setMaximumBarWidth(0.06);
        CategoryPlot plot = new CategoryPlot(stacked, months, tonnes, bars);
        LineAndShapeRenderer market = new LineAndShapeRenderer(true, true);
        plot.setDataset(1, ChartData.scope2Market(m, l));
        plot.setRenderer(1, market);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        noData(plot, l, "chart.noEmissions");
        YearsCharts.markAnomalies(plot, m, l);
        JFreeChart chart = chart(l, l.get("chart.emissions.title"), plot, l.get("chart.emissions.subtitle"));
        bars.setSeriesPaint(0, SCOPE1);
        bars.setSeriesPaint(1, SCOPE2);
        market.setSeriesPaint(0, MARKET);
        market.setSeriesStroke(0, DASHED);
        market.setSeriesShape(0, DOT);
        return chart;
    }

    /** PUE and WUE per data centre per month: two subplots sharing the month axis, one line per data centre. */
    public static JFreeChart pueWueByMonth(Results results) {
        return pueWueByMonth(ReportModel.of(results), Labels.EN);
    }

    static JFreeChart pueWueByMonth(ReportModel m, Labels l) {
        Map<String, Color> colours = new LinkedHashMap<>();
        List<SiteResult> dcs = m.dataCentres();
        for (int i = 0; i < dcs.size(); i++) {
            colours.put(dcs.get(i).site().id(), PALETTE[i % PALETTE.length]);
        }
        CombinedDomainCategoryPlot plot = new CombinedDomainCategoryPlot(monthAxis(m, l));
        plot.setGap(18);
        CategoryPlot pue = linePlot(ChartData.pue(m), valueAxis(l.get("chart.pue.axis"), "0.00"), colours);
        CategoryPlot wue = linePlot(ChartData.wue(m), valueAxis(l.get("chart.wue.axis"), "0.00"), colours);
        noData(pue, l, "chart.pue.noData");
        noData(wue, l, "chart.wue.noData");
        plot.add(pue, 1);
        plot.add(wue, 1);
        JFreeChart chart = chart(l, l.get("chart.pueWue.title"), plot, l.get("chart.pueWue.subtitle"));
        recolour(pue, colours);
        recolour(wue, colours);
        plot.setFixedLegendItems(pue.getLegendItems());
        return chart;
    }

    /** Each PUE contract's site PUE by month (solid) against the contract's target (dashed). */
    static JFreeChart pueContracts(ReportModel m, Labels l) {
        DefaultCategoryDataset d = new DefaultCategoryDataset();
        String actual = l.get("chart.pueContracts.actual");
        String target = l.get("chart.pueContracts.target");
        m.dataCentre.contractChart().forEach((contract, months) -> months.forEach((month, pair) -> {
            d.addValue(pair[0].doubleValue(), l.format("chart.pueContracts.series", contract, actual),
                    ChartData.monthKey(month));
            d.addValue(pair[1].doubleValue(), l.format("chart.pueContracts.series", contract, target),
                    ChartData.monthKey(month));
        }));
        NumberAxis axis = valueAxis(l.get("chart.pueContracts.axis"), "0.00");
        axis.setAutoRangeIncludesZero(false);
        axis.setAutoRangeMinimumSize(0.1);
        LineAndShapeRenderer r = new LineAndShapeRenderer(true, true);
        CategoryPlot plot = new CategoryPlot(d, monthAxis(m, l), axis, r);
        noData(plot, l, "chart.pueContracts.noData");
        JFreeChart chart = chart(l, l.get("chart.pueContracts.title"), plot, l.get("dc.note.contracts"));
        for (int row = 0; row < d.getRowCount(); row++) { // after chart(): its theme would reset the series
            boolean isTarget = ((String) d.getRowKey(row)).endsWith(target);
            r.setSeriesPaint(row, isTarget ? TARGET : PALETTE[(row / 2) % PALETTE.length]);
            r.setSeriesStroke(row, isTarget ? DASHED : LINE);
            r.setSeriesShape(row, DOT);
        }
        return chart;
    }

    private static CategoryPlot linePlot(CategoryDataset data, NumberAxis axis, Map<String, Color> colours) {
        axis.setAutoRangeIncludesZero(false);
        axis.setAutoRangeMinimumSize(0.1);
        LineAndShapeRenderer r = new LineAndShapeRenderer(true, true);
        CategoryPlot plot = new CategoryPlot(data, null, axis, r);
        recolour(plot, colours);
        return plot;
    }

    private static void recolour(CategoryPlot plot, Map<String, Color> colours) {
        LineAndShapeRenderer r = (LineAndShapeRenderer) plot.getRenderer();
        CategoryDataset data = plot.getDataset();
        for (int row = 0; row < data.getRowCount(); row++) {
            r.setSeriesPaint(row, colours.getOrDefault((String) data.getRowKey(row), PALETTE[row % PALETTE.length]));
            r.setSeriesStroke(row, LINE);
            r.setSeriesShape(row, DOT);
        }
    }

    /** Each target's path and actual values per year: one subplot per target. */
    public static JFreeChart targetTrajectory(Results results) {
        return targetTrajectory(ReportModel.of(results), Labels.EN);
    }

    static JFreeChart targetTrajectory(ReportModel m, Labels l) {
        NumberAxis years = new NumberAxis(l.get("chart.year"));
        years.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        years.setNumberFormatOverride(format("0"));
        years.setAutoRangeIncludesZero(false);
        years.setLowerMargin(0.03);
        years.setUpperMargin(0.03);
        List<ChartData.TargetSeries> series = ChartData.targets(m, l);
        JFreeChart chart;
        if (series.isEmpty()) {
            XYPlot empty = new XYPlot(new XYSeriesCollection(), years, valueAxis("", "#,##0.##"),
                    new XYLineAndShapeRenderer());
            noData(empty, l, "chart.noTargets");
            chart = chart(l, l.get("chart.targets.title"), empty, null);
            chart.removeLegend();
            return chart;
        }
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(years);
        plot.setGap(22);
        List<XYPlot> subplots = new ArrayList<>();
        for (ChartData.TargetSeries s : series) {
            XYPlot sub = targetPlot(s, l);
            plot.add(sub, 1);
            subplots.add(sub);
        }
        chart = chart(l, l.get("chart.targets.title"), plot, l.get("chart.targets.subtitle"));
        LegendItemCollection legend = new LegendItemCollection();
        for (XYPlot sub : subplots) {
            styleTarget(sub);
        }
        legend.add(new LegendItem(l.get("chart.path"), null, null, null, new Line2D.Double(-12, 0, 12, 0), DASHED, PATH));
        legend.add(new LegendItem(l.get("chart.actual"), null, null, null, new Line2D.Double(-12, 0, 12, 0), LINE, ACTUAL));
        legend.add(new LegendItem(l.get("chart.targetValue"), null, null, null, new Line2D.Double(-12, 0, 12, 0), DOTTED, TARGET));
        plot.setFixedLegendItems(legend);
        return chart;
    }

    private static XYPlot targetPlot(ChartData.TargetSeries s, Labels l) {
        TargetResult t = s.target();
        NumberAxis values = valueAxis(targetAxisLabel(t), "#,##0.###");
        values.setAutoRangeIncludesZero(false);
        XYPlot sub = new XYPlot(s.data(), null, values, new XYLineAndShapeRenderer(true, true));
        ValueMarker target = new ValueMarker(t.targetValue().doubleValue(), TARGET, DOTTED);
        target.setLabel(l.format("chart.targetMarker", t.target().targetYear(), Display.number(t.targetValue(), t.unit())));
        target.setLabelFont(font(l, Font.PLAIN, 13));
        target.setLabelPaint(TARGET);
        target.setLabelBackgroundColor(new Color(255, 255, 255, 0));
        target.setLabelAnchor(RectangleAnchor.BOTTOM_RIGHT);
        target.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
        sub.addRangeMarker(target);
        // Keep the target line in view even when the values stay far from it, and leave room
        // above the data for the caption.
        double lo = t.targetValue().doubleValue();
        double hi = lo;
        for (TargetResult.Point p : t.trajectory()) {
            for (BigDecimal v : new BigDecimal[] {p.path(), p.actual()}) {
                if (v != null) {
                    lo = Math.min(lo, v.doubleValue());
                    hi = Math.max(hi, v.doubleValue());
                }
            }
        }
        double span = hi > lo ? hi - lo : Math.max(Math.abs(hi) * 0.1, 1e-9);
        values.setRange(lo - span * 0.12, hi + span * 0.32);
        TextTitle caption = new TextTitle(targetCaption(t, l), font(l, Font.BOLD, 14));
        caption.setPaint(TEXT);
        caption.setBackgroundPaint(new Color(255, 255, 255, 220));
        caption.setPadding(new RectangleInsets(2, 4, 2, 4));
        XYTitleAnnotation note = new XYTitleAnnotation(0.01, 0.98, caption, RectangleAnchor.TOP_LEFT);
        sub.addAnnotation(note);
        return sub;
    }

    /** The unit; for a plain ratio the metric itself ("PUE", "renewable share"). */
    private static String targetAxisLabel(TargetResult t) {
        if (!t.unit().equals("1")) {
            return Display.unit(t.unit());
        }
        String metric = t.target().metric();
        return metric.length() <= 3 ? metric.toUpperCase(Locale.ROOT) : metric.replace('_', ' ');
    }

    private static String targetCaption(TargetResult t, Labels l) {
        StringBuilder sb = new StringBuilder(l.format("chart.caption", t.target().id(), t.target().metric(),
                ReportModel.boundary(t)));
        if (t.current() != null) {
            sb.append(l.format("chart.caption.current", t.currentYear(), Display.number(t.current(), t.unit()),
                    Display.number(t.pathValue(), t.unit())));
        }
        if (t.onTrack() != null) {
            sb.append(l.get(t.onTrack() ? "chart.caption.onTrack" : "chart.caption.offTrack"));
        }
        return sb.toString();
    }

    private static void styleTarget(XYPlot sub) {
        XYLineAndShapeRenderer r = (XYLineAndShapeRenderer) sub.getRenderer();
        r.setSeriesPaint(0, PATH);
        r.setSeriesStroke(0, DASHED);
        r.setSeriesShapesVisible(0, false);
        r.setSeriesPaint(1, ACTUAL);
        r.setSeriesStroke(1, LINE);
        r.setSeriesShape(1, DOT);
        r.setSeriesShapesVisible(1, true);
    }

    /** Energy per carrier per month, stacked (MWh). */
    public static JFreeChart energyByCarrier(Results results) {
        return energyByCarrier(ReportModel.of(results), Labels.EN);
    }

    static JFreeChart energyByCarrier(ReportModel m, Labels l) {
        List<String> carriers = new ArrayList<>();
        DefaultCategoryDataset data = ChartData.energyByCarrier(m, l, carriers);
        StackedBarRenderer bars = new StackedBarRenderer();
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setMaximumBarWidth(0.06);
        CategoryPlot plot = new CategoryPlot(data, monthAxis(m, l), valueAxis("MWh", "#,##0.##"), bars);
        noData(plot, l, "chart.noEnergy");
        JFreeChart chart = chart(l, l.get("chart.energy.title"), plot,
                l.get(m.results.options().energyBasis().id().equals("calorific") ? "chart.energy.calorific"
                        : "chart.energy.gbt2589"));
        for (int row = 0; row < data.getRowCount(); row++) {
            bars.setSeriesPaint(row, carrierColour(carriers.get(row), row));
        }
        return chart;
    }

    private static Paint carrierColour(String series, int row) {
        return switch (series) {
            case "electricity" -> PALETTE[0];
            case "natural gas" -> PALETTE[1];
            case "heat" -> PALETTE[2];
            case "cooling" -> PALETTE[3];
            case "on-site renewable" -> PALETTE[4];
            case "lpg" -> PALETTE[5];
            case "gasoline" -> PALETTE[6];
            case "steam" -> PALETTE[7];
            case "diesel" -> PALETTE[8];
            default -> PALETTE[row % PALETTE.length];
        };
    }

    // ---- shared styling ----

    private static CategoryAxis monthAxis(ReportModel m, Labels l) {
        CategoryAxis axis = new CategoryAxis(l.get("chart.month"));
        axis.setLowerMargin(0.01);
        axis.setUpperMargin(0.01);
        axis.setCategoryMargin(0.25);
        if (m.months().size() > 12) {
            axis.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
        return axis;
    }

    private static NumberAxis valueAxis(String label, String pattern) {
        NumberAxis axis = new NumberAxis(label);
        axis.setNumberFormatOverride(format(pattern));
        return axis;
    }

    private static NumberFormat format(String pattern) {
        return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT));
    }

    /**
     * A font of the chart's language: Java's logical SansSerif for English, the font carried in
     * the jar ({@link CjkFont}) for Chinese, so hanzi draw on a machine without CJK fonts.
     */
    static Font font(Labels l, int style, int size) {
        return l.language() == Labels.Language.ZH ? CjkFont.font().deriveFont(style, (float) size)
                : new Font(FONT, style, size);
    }

    private static void noData(org.jfree.chart.plot.Plot plot, Labels l, String key) {
        plot.setNoDataMessage(l.get(key));
        if (l.language() == Labels.Language.ZH) {
            plot.setNoDataMessageFont(font(l, Font.PLAIN, 14));
        }
    }

    static JFreeChart chart(Labels l, String title, org.jfree.chart.plot.Plot plot, String subtitle) {
        JFreeChart chart = new JFreeChart(title, font(l, Font.BOLD, 24), plot, true);
        theme(l).apply(chart);
        chart.setPadding(new RectangleInsets(12, 14, 10, 18));
        chart.getTitle().setHorizontalAlignment(HorizontalAlignment.LEFT);
        if (subtitle != null) {
            TextTitle sub = new TextTitle(subtitle, font(l, Font.PLAIN, 15));
            sub.setPaint(new Color(0x55, 0x5E, 0x6B));
            sub.setHorizontalAlignment(HorizontalAlignment.LEFT);
            sub.setPadding(new RectangleInsets(2, 0, 8, 0));
            chart.addSubtitle(sub);
        }
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setPosition(RectangleEdge.BOTTOM);
            legend.setFrame(BlockBorder.NONE);
            legend.setItemFont(font(l, Font.PLAIN, 15));
            legend.setItemLabelPadding(new RectangleInsets(2, 4, 2, 16));
        }
        return chart;
    }

    private static StandardChartTheme theme(Labels l) {
        StandardChartTheme t = new StandardChartTheme("wattledger", false);
        t.setExtraLargeFont(font(l, Font.BOLD, 24));
        t.setLargeFont(font(l, Font.BOLD, 15));
        t.setRegularFont(font(l, Font.PLAIN, 14));
        t.setSmallFont(font(l, Font.PLAIN, 12));
        t.setTitlePaint(TEXT);
        t.setSubtitlePaint(TEXT);
        t.setChartBackgroundPaint(Color.WHITE);
        t.setPlotBackgroundPaint(Color.WHITE);
        t.setPlotOutlinePaint(GRID);
        t.setDomainGridlinePaint(GRID);
        t.setRangeGridlinePaint(GRID);
        t.setAxisLabelPaint(TEXT);
        t.setTickLabelPaint(TEXT);
        t.setLegendBackgroundPaint(Color.WHITE);
        t.setLegendItemPaint(TEXT);
        t.setBarPainter(new StandardBarPainter());
        t.setXYBarPainter(new StandardXYBarPainter());
        t.setShadowVisible(false);
        return t;
    }
}
