package org.wattledger.reports;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.wattledger.engine.calc.DataCentreMetrics;
import org.wattledger.engine.calc.Intensity;
import org.wattledger.engine.calc.Metric;
import org.wattledger.engine.calc.Results;
import org.wattledger.engine.calc.SiteResult;
import org.wattledger.engine.calc.TargetResult;
import org.wattledger.engine.model.Severity;

/**
 * A compact plain-text summary for the terminal ({@code --format text}): period, completeness,
 * row tally, totals, one line per site, targets and issue counts, in aligned columns without box
 * drawing. Figures are rounded for display; lines end with LF. The caller lists the files it
 * wrote with {@link #render(Results, ReportMeta, List)}.
 */
public final class TextSummary {
    private TextSummary() {
    }

    /** The summary, ending with a newline. */
    public static String render(Results results, ReportMeta meta) {
        return render(ReportModel.of(results), meta, List.of());
    }

    /** The summary followed by the files written (paths as the caller wants them shown). */
    public static String render(Results results, ReportMeta meta, List<String> filesWritten) {
        return render(ReportModel.of(results), meta, filesWritten);
    }

    static String render(ReportModel m, ReportMeta meta, List<String> filesWritten) {
        StringBuilder out = new StringBuilder();
        Labels l = meta.labels();
        long errors = m.count(Severity.ERROR);
        List<String[]> head = new ArrayList<>();
        head.add(new String[] {l.get("text.period"), m.period.from() + " .. " + m.period.to().minusDays(1)});
        head.add(new String[] {l.get("text.status"), m.complete ? l.get("text.complete")
                : l.format("text.incomplete", m.incompleteBecause())});
        long uncovered = m.coverage.stream().filter(c -> !c.complete()).count();
        head.add(new String[] {l.get("text.meters"), m.coverage.isEmpty() ? l.get("text.metersNone")
                : uncovered == 0 ? l.format("text.metersAll", count(m.coverage.size()))
                : l.format("text.metersUncovered", count(m.coverage.size()), uncovered)});
        head.add(new String[] {l.get("text.rows"), l.format("text.rowsValue", count(m.rows.read()),
                count(m.rows.accepted()), count(m.rows.rejected()))});
        head.add(new String[] {l.get("text.factors"), meta.factorSetLabel() + sheets(meta)});
        head.add(new String[] {l.get("text.basis"), l.format("text.basisValue", meta.energyBasis(), meta.gwpSet())});
        out.append(l.format("text.title", meta.engineVersion())).append("\n");
        table(out, List.of(Align.LEFT, Align.LEFT), null, head, "  ");

        out.append("\n").append(l.get("text.totals")).append("\n");
        List<String[]> totals = new ArrayList<>();
        List<Metric> metrics = new ArrayList<>(ReportModel.CONTRACT_TOTALS);
        metrics.add(Metric.ELECTRICITY);
        metrics.add(Metric.IT_ENERGY);
        for (Metric metric : metrics) {
            Optional<BigDecimal> v = m.totals.reported(metric);
            if (v.isEmpty()) {
                continue;
            }
            String estimated = m.totals.estimatedShare(metric).map(s -> l.format("text.estimated", Display.percent(s, 1))).orElse("");
            totals.add(new String[] {Display.label(metric, l), Display.number(v.get(), metric.reportUnit()),
                    metric.reportUnit(), estimated});
        }
        for (Intensity i : m.intensities) {
            totals.add(new String[] {i.name(), Display.number(i.value(), i.unit()), i.unit(), ""});
        }
        if (totals.isEmpty()) {
            out.append("  ").append(l.get("text.noFigures")).append("\n");
        } else {
            table(out, List.of(Align.LEFT, Align.RIGHT, Align.LEFT, Align.LEFT), null, totals, "  ");
        }

        if (!m.sites.isEmpty()) {
            out.append("\n").append(l.get("text.sites")).append("\n");
            List<String[]> rows = new ArrayList<>();
            for (SiteResult s : m.sites) {
                Optional<DataCentreMetrics> dc = s.dataCentre();
                rows.add(new String[] {s.site().id(), s.site().kind().id(),
                        value(s.figures().reported(Metric.SCOPE1).orElse(null), "t CO2e"),
                        value(s.figures().reported(Metric.SCOPE2_LOCATION).orElse(null), "t CO2e"),
                        value(s.figures().reported(Metric.ENERGY).orElse(null), "MWh"),
                        dc.isPresent() ? m.dataCentre.pueWithCategory(s.site().id(), dc.get().pue()) : value(null, "1"),
                        value(dc.map(DataCentreMetrics::wue).orElse(null), "L/kWh")});
            }
            table(out, List.of(Align.LEFT, Align.LEFT, Align.RIGHT, Align.RIGHT, Align.RIGHT, Align.RIGHT, Align.RIGHT),
                    words(l, "text.col.site", "text.col.kind", "text.col.scope1", "text.col.scope2Location",
                        "text.col.energy", "text.col.pue", "text.col.wue"), rows, "  ");
        }
        m.dataCentre.text(out, l);

        if (!m.targets.isEmpty()) {
            out.append("\n").append(l.get("text.targets")).append("\n");
            List<String[]> rows = new ArrayList<>();
            for (TargetResult t : m.targets) {
                String status = t.onTrack() == null ? l.format("text.noDataFor", t.currentYear())
                        : l.get(t.onTrack() ? "text.onTrack" : "text.offTrack");
                rows.add(new String[] {t.target().id(), t.target().metric(), Integer.toString(t.currentYear()),
                        value(t.current(), t.unit()), value(t.pathValue(), t.unit()), t.unit(),
                        t.progress() == null ? "-" : Display.percent(t.progress(), 1), status});
            }
            table(out, List.of(Align.LEFT, Align.LEFT, Align.LEFT, Align.RIGHT, Align.RIGHT, Align.LEFT, Align.RIGHT,
                    Align.LEFT), words(l, "text.col.target", "text.col.metric", "text.col.year", "text.col.current",
                        "text.col.path", "text.col.unit", "text.col.progress", "text.col.status"), rows, "  ");
        }

        m.years.text(out, l);

        out.append("\n").append(l.get("text.issues")).append(plural(l, errors, "error")).append(l.get("text.comma"))
                .append(plural(l, m.count(Severity.WARNING), "warning")).append(l.get("text.comma"))
                .append(plural(l, m.count(Severity.INFO), "notice")).append('\n');

        if (!filesWritten.isEmpty()) {
            out.append("\n").append(l.get("text.filesWritten")).append("\n");
            for (String f : filesWritten) {
                out.append("  ").append(f).append('\n');
            }
        }
        return out.toString();
    }

    private static String sheets(ReportMeta meta) {
        if (meta.factorSheets().isEmpty()) {
            return "";
        }
        List<String> names = new ArrayList<>();
        meta.factorSheets().forEach(s -> names.add(s.file()));
        return " + " + meta.labels().get("text.sheet") + " " + String.join(", ", names);
    }

    private static String value(BigDecimal v, String unit) {
        return v == null ? "-" : Display.number(v, unit);
    }

    /** "1 error", "3 warnings" in the language ({@code html.count.WORD.one|many}, shared with the page). */
    private static String plural(Labels l, long n, String word) {
        return l.format("html.count." + word + (n == 1 ? ".one" : ".many"), count(n));
    }

    private static String[] words(Labels l, String... keys) {
        String[] out = new String[keys.length];
        for (int i = 0; i < keys.length; i++) {
            out[i] = l.get(keys[i]);
        }
        return out;
    }

    private static String count(long n) {
        return Display.number(BigDecimal.valueOf(n), 0);
    }

    enum Align { LEFT, RIGHT }

    static void table(StringBuilder out, List<Align> align, String[] header, List<String[]> rows,
            String indent) {
        int cols = align.size();
        int[] widths = new int[cols];
        List<String[]> all = new ArrayList<>();
        if (header != null) {
            all.add(header);
        }
        all.addAll(rows);
        for (String[] r : all) {
            for (int c = 0; c < cols; c++) {
                widths[c] = Math.max(widths[c], width(r[c]));
            }
        }
        for (String[] r : all) {
            StringBuilder line = new StringBuilder(indent);
            for (int c = 0; c < cols; c++) {
                String cell = r[c] == null ? "" : r[c];
                int pad = widths[c] - width(cell);
                if (c > 0) {
                    line.append("  ");
                }
                if (align.get(c) == Align.RIGHT) {
                    line.append(" ".repeat(pad)).append(cell);
                } else {
                    line.append(cell).append(" ".repeat(pad));
                }
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
    }

    /** Display width: East Asian wide characters take two columns. */
    private static int width(String s) {
        if (s == null) {
            return 0;
        }
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            w += isWide(cp) ? 2 : 1;
            i += Character.charCount(cp);
        }
        return w;
    }

    private static boolean isWide(int cp) {
        return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3)
                || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60)
                || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
    }
}
