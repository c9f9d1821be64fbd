package org.wattledger.web;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;

/**
 * Small charts drawn as inline SVG: they scale, carry the page's fonts (Chinese included) and need
 * nothing from a network. Every text is escaped here, as the template cannot escape inside raw SVG.
 */
public final class Svg {
    /** The series' colours, in order (scope 1, scope 2 location, scope 2 market). */
    private static final List<String> COLOURS = List.of("#1f6f5c", "#4f8fd6", "#e0a030", "#8e5bb5");
    private static final int WIDTH = 640;
    private static final int HEIGHT = 240;
    private static final int LEFT = 70;
    private static final int BOTTOM = 30;
    private static final int TOP = 16;

    private Svg() {
    }

    /** Grouped bars: one group per year (labels), one bar per series; a null value draws no bar. */
    public static String bars(List<String> labels, List<String> seriesNames, List<List<BigDecimal>> series,
            String unit) {
        BigDecimal max = max(series);
        StringBuilder sb = start(unit);
        axis(sb, max);
        int plotW = WIDTH - LEFT - 10;
        int group = labels.isEmpty() ? plotW : plotW / labels.size();
        int bar = Math.max(6, (group - 24) / Math.max(1, series.size()));
        for (int g = 0; g < labels.size(); g++) {
            int x0 = LEFT + g * group + 12;
            for (int s = 0; s < series.size(); s++) {
                BigDecimal v = series.get(s).get(g);
                if (v == null || max.signum() == 0) {
                    continue;
                }
                double h = v.max(BigDecimal.ZERO).doubleValue() / max.doubleValue() * plotHeight();
                sb.append(String.format(java.util.Locale.ROOT,
                        "<rect x=\"%d\" y=\"%.1f\" width=\"%d\" height=\"%.1f\" fill=\"%s\"><title>%s %s: %s %s</title></rect>",
                        x0 + s * bar, HEIGHT - BOTTOM - h, bar - 2, h, COLOURS.get(s % COLOURS.size()),
                        escape(seriesNames.get(s)), escape(labels.get(g)), Figures.display(v), escape(unit)));
            }
            sb.append(String.format(java.util.Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>",
                    x0 + (series.size() * bar) / 2, HEIGHT - 10, escape(labels.get(g))));
        }
        legend(sb, seriesNames);
        return sb.append("</svg>").toString();
    }

    /** Lines: one per series over the labels (years); a null value breaks the line. */
    public static String lines(List<String> labels, List<String> seriesNames, List<List<BigDecimal>> series,
            String unit) {
        BigDecimal max = max(series);
        StringBuilder sb = start(unit);
        axis(sb, max);
        int plotW = WIDTH - LEFT - 30;
        int step = labels.size() <= 1 ? 0 : plotW / (labels.size() - 1);
        for (int g = 0; g < labels.size(); g++) {
            sb.append(String.format(java.util.Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>",
                    LEFT + 10 + g * step, HEIGHT - 10, escape(labels.get(g))));
        }
        for (int s = 0; s < series.size(); s++) {
            String colour = COLOURS.get(s % COLOURS.size());
            StringBuilder path = new StringBuilder();
            for (int g = 0; g < labels.size(); g++) {
                BigDecimal v = series.get(s).get(g);
                if (v == null || max.signum() == 0) {
                    continue;
                }
                double x = LEFT + 10 + g * step;
                double y = HEIGHT - BOTTOM - v.max(BigDecimal.ZERO).doubleValue() / max.doubleValue() * plotHeight();
                path.append(path.length() == 0 ? "M" : " L").append(String.format(java.util.Locale.ROOT, "%.1f %.1f", x, y));
                sb.append(String.format(java.util.Locale.ROOT,
                        "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"%s\"><title>%s %s: %s</title></circle>", x, y,
                        colour, escape(seriesNames.get(s)), escape(labels.get(g)), Figures.display(v)));
            }
            if (path.length() > 0) {
                sb.append("<path d=\"").append(path).append("\" fill=\"none\" stroke=\"").append(colour)
                        .append("\" stroke-width=\"2\"/>");
            }
        }
        legend(sb, seriesNames);
        return sb.append("</svg>").toString();
    }

    private static StringBuilder start(String unit) {
        StringBuilder sb = new StringBuilder();
        sb.append("<svg class=\"chart\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\">");
        sb.append("<text x=\"4\" y=\"12\" class=\"unit\">").append(escape(unit)).append("</text>");
        return sb;
    }

    private static int plotHeight() {
        return HEIGHT - BOTTOM - TOP - 14;
    }

    /** Four grid lines from 0 to the largest value. */
    private static void axis(StringBuilder sb, BigDecimal max) {
        for (int i = 0; i <= 4; i++) {
            double y = HEIGHT - BOTTOM - plotHeight() * i / 4.0;
            BigDecimal v = max.multiply(BigDecimal.valueOf(i)).divide(BigDecimal.valueOf(4), MathContext.DECIMAL64);
            sb.append(String.format(java.util.Locale.ROOT,
                    "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" class=\"grid\"/>"
                            + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>",
                    LEFT, y, WIDTH - 10, y, LEFT - 6, y + 4, axisLabel(v, max)));
        }
    }

    private static void legend(StringBuilder sb, List<String> names) {
        int x = LEFT + 10;
        for (int s = 0; s < names.size(); s++) {
            sb.append(String.format(java.util.Locale.ROOT,
                    "<rect x=\"%d\" y=\"4\" width=\"10\" height=\"10\" fill=\"%s\"/><text x=\"%d\" y=\"13\">%s</text>",
                    x, COLOURS.get(s % COLOURS.size()), x + 14, escape(names.get(s))));
            x += 24 + textWidth(names.get(s));
        }
    }

    /** Whole numbers on an axis that reaches 100 or more, else two decimals: 0, 45,988, 91,977 … or 0.34, 0.68 … */
    private static String axisLabel(BigDecimal v, BigDecimal max) {
        java.text.DecimalFormat f = new java.text.DecimalFormat(max.compareTo(BigDecimal.valueOf(100)) >= 0 ? "#,##0" : "0.00",
                java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT));
        f.setRoundingMode(java.math.RoundingMode.HALF_UP);
        return f.format(v);
    }

    /** About how wide a legend text is at 11 px: Chinese characters take about twice a Latin letter. */
    private static int textWidth(String text) {
        int w = 0;
        for (int i = 0; i < text.length(); i++) {
            w += text.charAt(i) < 0x2E80 ? 7 : 12;
        }
        return w;
    }

    private static BigDecimal max(List<List<BigDecimal>> series) {
        BigDecimal max = BigDecimal.ZERO;
        for (List<BigDecimal> s : series) {
            for (BigDecimal v : s) {
                if (v != null && v.compareTo(max) > 0) {
                    max = v;
                }
            }
        }
        return max;
    }

    /** XML text and attribute escaping. */
    static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
