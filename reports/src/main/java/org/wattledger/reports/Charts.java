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
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
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
import javax.imageio.ImageIO;
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
        return write(renderAll(ReportModel.of(results)), dir);
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
     * writer) by drawing a small empty chart and discarding it: the first chart of a run costs
     * about half a second of class loading, which a caller can so move to a thread that would
     * otherwise wait. Has no effect on any chart drawn later.
     */
    public static void preload() {
        CategoryPlot plot = new CategoryPlot(new DefaultCategoryDataset(), new CategoryAxis(), new NumberAxis(),
                new StackedBarRenderer());
        png(chart("", plot, ""), 32, 32);
    }

    /** All charts, rendered, in a fixed order. */
    public static List<Rendered> renderAll(Results results) {
        return renderAll(ReportModel.of(results));
    }

    static List<Rendered> renderAll(ReportModel m) {
        Map<String, JFreeChart> charts = new LinkedHashMap<>();
        charts.put(EMISSIONS_BY_MONTH, emissionsByMonth(m));
        charts.put(PUE_WUE_BY_MONTH, pueWueByMonth(m));
        charts.put(TARGET_TRAJECTORY, targetTrajectory(m));
        charts.put(ENERGY_BY_CARRIER, energyByCarrier(m));
        if (!m.dataCentre.settlements.isEmpty()) {
            charts.put(PUE_CONTRACTS, pueContracts(m));
        }
        List<Rendered> out = new ArrayList<>();
        charts.forEach((file, chart) -> {
            int height = file.equals(TARGET_TRAJECTORY) ? targetChartHeight(m.targets.size()) : HEIGHT;
            out.add(new Rendered(file, chart.getTitle().getText(), WIDTH, height, png(chart, WIDTH, height)));
        });
        return out;
    }

    /** Taller when there are many targets: one subplot each. */
    static int targetChartHeight(int targets) {
        return targets <= 2 ? HEIGHT : Math.min(100 + 300 * targets, 6000);
    }

    /** Draws a chart into a PNG of the given size. */
    public static byte[] png(JFreeChart chart, int width, int height) {
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
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    // ---- the charts ----

    /** Stacked bars of Scope 1 and Scope 2 location-based per month, market-based as a line. */
    public static JFreeChart emissionsByMonth(Results results) {
        return emissionsByMonth(ReportModel.of(results));
    }

    static JFreeChart emissionsByMonth(ReportModel m) {
        DefaultCategoryDataset stacked = ChartData.emissionsStacked(m);
        CategoryAxis months = monthAxis(m);
        NumberAxis tonnes = valueAxis("t CO2e", "#,##0.##");
        StackedBarRenderer bars = new StackedBarRenderer();
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setItemMargin(0);
        bars.setMaximumBarWidth(0.06);
        CategoryPlot plot = new CategoryPlot(stacked, months, tonnes, bars);
        LineAndShapeRenderer market = new LineAndShapeRenderer(true, true);
        plot.setDataset(1, ChartData.scope2Market(m));
        plot.setRenderer(1, market);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        plot.setNoDataMessage("No emissions in this period");
        JFreeChart chart = chart("Emissions by month (t CO2e)", plot,
                "Scope 1 and Scope 2 location-based stacked; Scope 2 market-based as a line");
        bars.setSeriesPaint(0, SCOPE1);
        bars.setSeriesPaint(1, SCOPE2);
        market.setSeriesPaint(0, MARKET);
        market.setSeriesStroke(0, DASHED);
        market.setSeriesShape(0, DOT);
        return chart;
    }

    /** PUE and WUE per data centre per month: two subplots sharing the month axis, one line per data centre. */
    public static JFreeChart pueWueByMonth(Results results) {
        return pueWueByMonth(ReportModel.of(results));
    }

    static JFreeChart pueWueByMonth(ReportModel m) {
        Map<String, Color> colours = new LinkedHashMap<>();
        List<SiteResult> dcs = m.dataCentres();
        for (int i = 0; i < dcs.size(); i++) {
            colours.put(dcs.get(i).site().id(), PALETTE[i % PALETTE.length]);
        }
        CombinedDomainCategoryPlot plot = new CombinedDomainCategoryPlot(monthAxis(m));
        plot.setGap(18);
        CategoryPlot pue = linePlot(ChartData.pue(m), valueAxis("PUE (1)", "0.00"), colours);
        CategoryPlot wue = linePlot(ChartData.wue(m), valueAxis("WUE (L/kWh)", "0.00"), colours);
        pue.setNoDataMessage("No data centre with an IT-energy meter in this period");
        wue.setNoDataMessage("No data centre with both water and IT-energy readings in this period");
        plot.add(pue, 1);
        plot.add(wue, 1);
        JFreeChart chart = chart("Data-centre PUE (1) and WUE (L/kWh) by month", plot,
                "PUE = facility energy / IT energy; WUE = site water (L) / IT energy (kWh); one line per data centre");
        recolour(pue, colours);
        recolour(wue, colours);
        plot.setFixedLegendItems(pue.getLegendItems());
        return chart;
    }

    /** Each PUE contract's site PUE by month (solid) against the contract's target (dashed). */
    static JFreeChart pueContracts(ReportModel m) {
        DefaultCategoryDataset d = new DefaultCategoryDataset();
        m.dataCentre.contractChart().forEach((contract, months) -> months.forEach((month, pair) -> {
            d.addValue(pair[0].doubleValue(), contract + ", " + DataCentreSection.CHART_ACTUAL, ChartData.monthKey(month));
            d.addValue(pair[1].doubleValue(), contract + ", " + DataCentreSection.CHART_TARGET, ChartData.monthKey(month));
        }));
        NumberAxis axis = valueAxis(DataCentreSection.CHART_AXIS, "0.00");
        axis.setAutoRangeIncludesZero(false);
        axis.setAutoRangeMinimumSize(0.1);
        LineAndShapeRenderer r = new LineAndShapeRenderer(true, true);
        CategoryPlot plot = new CategoryPlot(d, monthAxis(m), axis, r);
        plot.setNoDataMessage(DataCentreSection.CHART_NO_DATA);
        JFreeChart chart = chart(DataCentreSection.CHART_TITLE, plot, DataCentreSection.NOTE_CONTRACTS);
        for (int row = 0; row < d.getRowCount(); row++) { // after chart(): its theme would reset the series
            boolean target = ((String) d.getRowKey(row)).endsWith(DataCentreSection.CHART_TARGET);
            r.setSeriesPaint(row, target ? TARGET : PALETTE[(row / 2) % PALETTE.length]);
            r.setSeriesStroke(row, target ? DASHED : LINE);
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
        return targetTrajectory(ReportModel.of(results));
    }

    static JFreeChart targetTrajectory(ReportModel m) {
        NumberAxis years = new NumberAxis("Year");
        years.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        years.setNumberFormatOverride(format("0"));
        years.setAutoRangeIncludesZero(false);
        years.setLowerMargin(0.03);
        years.setUpperMargin(0.03);
        List<ChartData.TargetSeries> series = ChartData.targets(m);
        JFreeChart chart;
        if (series.isEmpty()) {
            XYPlot empty = new XYPlot(new XYSeriesCollection(), years, valueAxis("", "#,##0.##"),
                    new XYLineAndShapeRenderer());
            empty.setNoDataMessage("No targets in the input");
            chart = chart("Targets: path and actual by year", empty, null);
            chart.removeLegend();
            return chart;
        }
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(years);
        plot.setGap(22);
        List<XYPlot> subplots = new ArrayList<>();
        for (ChartData.TargetSeries s : series) {
            XYPlot sub = targetPlot(s);
            plot.add(sub, 1);
            subplots.add(sub);
        }
        chart = chart("Targets: path and actual by year", plot,
                "Dashed: the path from the base value to the target; solid: the actual value; dotted: the target value");
        LegendItemCollection legend = new LegendItemCollection();
        for (XYPlot sub : subplots) {
            styleTarget(sub);
        }
        legend.add(new LegendItem("Path", null, null, null, new Line2D.Double(-12, 0, 12, 0), DASHED, PATH));
        legend.add(new LegendItem("Actual", null, null, null, new Line2D.Double(-12, 0, 12, 0), LINE, ACTUAL));
        legend.add(new LegendItem("Target value", null, null, null, new Line2D.Double(-12, 0, 12, 0), DOTTED, TARGET));
        plot.setFixedLegendItems(legend);
        return chart;
    }

    private static XYPlot targetPlot(ChartData.TargetSeries s) {
        TargetResult t = s.target();
        NumberAxis values = valueAxis(targetAxisLabel(t), "#,##0.###");
        values.setAutoRangeIncludesZero(false);
        XYPlot sub = new XYPlot(s.data(), null, values, new XYLineAndShapeRenderer(true, true));
        ValueMarker target = new ValueMarker(t.targetValue().doubleValue(), TARGET, DOTTED);
        target.setLabel("target " + t.target().targetYear() + ": " + Display.number(t.targetValue(), t.unit()));
        target.setLabelFont(new Font(FONT, Font.PLAIN, 13));
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
        TextTitle caption = new TextTitle(targetCaption(t), new Font(FONT, Font.BOLD, 14));
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

    private static String targetCaption(TargetResult t) {
        StringBuilder sb = new StringBuilder(t.target().id()).append(": ").append(t.target().metric())
                .append(", boundary ").append(ReportModel.boundary(t));
        if (t.current() != null) {
            sb.append(" — ").append(t.currentYear()).append(' ').append(Display.number(t.current(), t.unit()))
                    .append(" vs path ").append(Display.number(t.pathValue(), t.unit()));
        }
        if (t.onTrack() != null) {
            sb.append(t.onTrack() ? " — on track" : " — off track");
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
        return energyByCarrier(ReportModel.of(results));
    }

    static JFreeChart energyByCarrier(ReportModel m) {
        DefaultCategoryDataset data = ChartData.energyByCarrier(m);
        StackedBarRenderer bars = new StackedBarRenderer();
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setMaximumBarWidth(0.06);
        CategoryPlot plot = new CategoryPlot(data, monthAxis(m), valueAxis("MWh", "#,##0.##"), bars);
        plot.setNoDataMessage("No energy in this period");
        JFreeChart chart = chart("Energy by carrier and month (MWh)", plot,
                m.results.options().energyBasis().id().equals("calorific") ? "Calorific basis"
                        : "GB/T 2589 basis: standard coal restated as MWh");
        for (int row = 0; row < data.getRowCount(); row++) {
            bars.setSeriesPaint(row, carrierColour((String) data.getRowKey(row), row));
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

    private static CategoryAxis monthAxis(ReportModel m) {
        CategoryAxis axis = new CategoryAxis("Month");
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

    private static JFreeChart chart(String title, org.jfree.chart.plot.Plot plot, String subtitle) {
        JFreeChart chart = new JFreeChart(title, new Font(FONT, Font.BOLD, 24), plot, true);
        theme().apply(chart);
        chart.setPadding(new RectangleInsets(12, 14, 10, 18));
        chart.getTitle().setHorizontalAlignment(HorizontalAlignment.LEFT);
        if (subtitle != null) {
            TextTitle sub = new TextTitle(subtitle, new Font(FONT, Font.PLAIN, 15));
            sub.setPaint(new Color(0x55, 0x5E, 0x6B));
            sub.setHorizontalAlignment(HorizontalAlignment.LEFT);
            sub.setPadding(new RectangleInsets(2, 0, 8, 0));
            chart.addSubtitle(sub);
        }
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setPosition(RectangleEdge.BOTTOM);
            legend.setFrame(BlockBorder.NONE);
            legend.setItemFont(new Font(FONT, Font.PLAIN, 15));
            legend.setItemLabelPadding(new RectangleInsets(2, 4, 2, 16));
        }
        return chart;
    }

    private static StandardChartTheme theme() {
        StandardChartTheme t = new StandardChartTheme("wattledger", false);
        t.setExtraLargeFont(new Font(FONT, Font.BOLD, 24));
        t.setLargeFont(new Font(FONT, Font.BOLD, 15));
        t.setRegularFont(new Font(FONT, Font.PLAIN, 14));
        t.setSmallFont(new Font(FONT, Font.PLAIN, 12));
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
