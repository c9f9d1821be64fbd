package org.wattledger.reports;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.wattledger.engine.calc.DataCentreMetrics;
import org.wattledger.engine.calc.Figures;
import org.wattledger.engine.calc.Intensity;
import org.wattledger.engine.calc.Metric;
import org.wattledger.engine.calc.Results;
import org.wattledger.engine.calc.SiteResult;
import org.wattledger.engine.model.Issue;
import org.wattledger.engine.units.Exact;

/**
 * The report as CSV files: {@value #SUMMARY} (metric, value, unit, estimated_share),
 * {@value #SITES} (one row per site), {@value #MONTHLY} (one row per site and month) and
 * {@value #ISSUES}. Values are the engine's exact decimals in plain notation (never rounded, never
 * in exponent form); a figure that does not apply is an empty cell, never 0. UTF-8 without BOM,
 * comma-separated, LF line ends, fields quoted only where needed (RFC 4180 quoting); headers carry
 * the unit in brackets. Rows are in a fixed order, so equal inputs give byte-identical files.
 */
public final class CsvReport {
    public static final String SUMMARY = "summary.csv";
    public static final String SITES = "sites.csv";
    public static final String MONTHLY = "monthly.csv";
    public static final String ISSUES = "issues.csv";
    /** The HKEX KPI rows, then the GHG Protocol summary rows (docs/formats/report-csv.md): English, for scripts. */
    public static final String DISCLOSURES = "disclosures.csv";

    private CsvReport() {
    }

    /** Writes the CSV files into a folder (created if needed); returns their paths in a fixed order. */
    public static List<Path> write(Results results, ReportMeta meta, Path dir) throws IOException {
        ReportModel m = ReportModel.of(results);
        Files.createDirectories(dir);
        List<Path> out = new ArrayList<>();
        out.add(write(dir.resolve(SUMMARY), summary(m)));
        out.add(write(dir.resolve(SITES), sites(m)));
        out.add(write(dir.resolve(MONTHLY), monthly(m)));
        out.add(write(dir.resolve(ISSUES), issues(m)));
        out.add(write(dir.resolve(DISCLOSURES), disclosures(m)));
        for (var e : m.years.csvFiles().entrySet()) {
            out.add(write(dir.resolve(e.getKey()), e.getValue()));
        }
        for (DataCentreSection.Grid g : m.dataCentre.grids(Labels.EN)) { // English, as every CSV; only with data centres
            if (DataCentreSection.CSV_GRIDS.contains(g.id())) {
                out.add(write(dir.resolve(g.id() + ".csv"), DataCentreSection.csv(g)));
            }
        }
        return out;
    }

    /** {@value #SUMMARY} as text. */
    public static String summary(Results results) {
        return summary(ReportModel.of(results));
    }

    /** {@value #SITES} as text. */
    public static String sites(Results results) {
        return sites(ReportModel.of(results));
    }

    /** {@value #MONTHLY} as text. */
    public static String monthly(Results results) {
        return monthly(ReportModel.of(results));
    }

    private static Path write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    static String summary(ReportModel m) {
        Csv csv = new Csv("metric", "value", "unit", "estimated_share");
        List<Metric> metrics = new ArrayList<>(ReportModel.CONTRACT_TOTALS);
        metrics.addAll(ReportModel.EXTRA_TOTALS);
        for (Metric metric : metrics) {
            Optional<BigDecimal> v = m.totals.reported(metric);
            if (v.isPresent()) {
                csv.row(metric.key(), plain(v.get()), metric.reportUnit(),
                        m.totals.estimatedShare(metric).map(CsvReport::plain).orElse(""));
            }
        }
        m.scope1ByGas.forEach((gas, t) -> csv.row("scope1ByGas." + gas, plain(t),
                Metric.Canonical.KG_OF_GAS.reportUnit(), ""));
        for (Intensity i : m.intensities) {
            csv.row(i.name(), plain(i.value()), i.unit(), "");
        }
        return csv.toString();
    }

    /**
     * {@value #DISCLOSURES}: table ({@code hkex}, {@code ghgProtocol}, {@code energyByType},
     * {@code footnote}), kpi, item, label, value, unit, supported, note, footnotes (numbers joined by
     * {@code ;}). Exact values; English whatever the report's language.
     */
    static String disclosures(ReportModel m) {
        Disclosures d = Disclosures.of(m);
        Labels en = Labels.EN;
        Csv csv = new Csv("table", "kpi", "item", "label", "value", "unit", "supported", "note", "footnotes");
        for (Disclosures.HkexRow r : d.hkex) {
            csv.row("hkex", r.kpi(), r.item(), r.label(en), r.value() == null ? "" : plain(r.value()),
                    r.unit() == null ? "" : r.unit(), Boolean.toString(r.supported()), r.note(en),
                    String.join(";", r.footnotes().stream().map(String::valueOf).toList()));
        }
        String t = Metric.SCOPE1.reportUnit();
        for (var c : d.scope1.cells()) {
            csv.row("ghgProtocol", "", "scope1." + c.category().id() + "." + c.gas(),
                    en.get("disclosure.category." + c.category().id()) + ", " + c.gas(),
                    plain(Metric.SCOPE1.present(c.co2eKg())), t, "true",
                    c.massKg() == null ? "" : plain(Metric.Canonical.KG_OF_GAS.present(c.massKg())) + " t " + c.gas(), "");
        }
        for (Metric metric : List.of(Metric.SCOPE1, Metric.SCOPE2_LOCATION, Metric.SCOPE2_MARKET)) {
            m.totals.reported(metric).ifPresent(v -> csv.row("ghgProtocol", "", metric.key(),
                    Display.label(metric), plain(v), t, "true", "", ""));
        }
        for (Results.EnergyUse e : d.energyByType) {
            String source = e.source().isOnsiteRenewable() ? "onsite_renewable" : e.source().carrier().id();
            csv.row("energyByType", "", source + "." + e.unit(), en.get("disclosure.source." + source),
                    e.energyMwh() == null ? "" : plain(e.energyMwh()), Metric.ENERGY.reportUnit(), "true",
                    (e.direct() ? "direct: " : "indirect: ") + plain(e.quantity()) + " " + e.unit(), "");
        }
        for (int i = 0; i < d.footnotes.size(); i++) {
            csv.row("footnote", "", Integer.toString(i + 1), d.footnotes.get(i), "", "", "", "", "");
        }
        return csv.toString();
    }

    static String sites(ReportModel m) {
        List<Metric> metrics = List.of(Metric.SCOPE1, Metric.SCOPE2_LOCATION, Metric.SCOPE2_MARKET, Metric.ENERGY,
                Metric.ENERGY_DIRECT, Metric.ENERGY_INDIRECT, Metric.ENERGY_TCE, Metric.WATER, Metric.ELECTRICITY,
                Metric.IT_ENERGY);
        List<String> headers = new ArrayList<>(List.of("site", "name", "kind", "region"));
        for (Metric metric : metrics) {
            headers.add(metric.key() + " (" + metric.reportUnit() + ")");
        }
        headers.addAll(List.of("pue (1)", "wue (L/kWh)", "cue (kg CO2e/kWh)", "cueMarket (kg CO2e/kWh)", "erf (1)",
                "ref (1)"));
        Csv csv = new Csv(headers.toArray(String[]::new));
        for (SiteResult s : m.sites) {
            List<String> cells = new ArrayList<>(List.of(s.site().id(), s.site().name(), s.site().kind().id(),
                    s.site().region()));
            for (Metric metric : metrics) {
                cells.add(s.figures().reported(metric).map(CsvReport::plain).orElse(""));
            }
            Optional<DataCentreMetrics> dc = s.dataCentre();
            cells.add(dc.map(DataCentreMetrics::pue).map(CsvReport::plain).orElse(""));
            cells.add(dc.map(DataCentreMetrics::wue).map(CsvReport::plain).orElse(""));
            cells.add(dc.map(DataCentreMetrics::cueLocation).map(CsvReport::plain).orElse(""));
            cells.add(dc.map(DataCentreMetrics::cueMarket).map(CsvReport::plain).orElse(""));
            cells.add(dc.map(DataCentreMetrics::erf).map(CsvReport::plain).orElse(""));
            cells.add(dc.map(DataCentreMetrics::ref).map(CsvReport::plain).orElse(""));
            csv.row(cells.toArray(String[]::new));
        }
        return csv.toString();
    }

    static String monthly(ReportModel m) {
        List<Metric> metrics = List.of(Metric.SCOPE1, Metric.SCOPE2_LOCATION, Metric.SCOPE2_MARKET, Metric.ENERGY,
                Metric.IT_ENERGY, Metric.WATER);
        List<String> headers = new ArrayList<>(List.of("site", "month"));
        for (Metric metric : metrics) {
            headers.add(metric.key() + " (" + metric.reportUnit() + ")");
        }
        headers.addAll(List.of("pue (1)", "wue (L/kWh)"));
        Csv csv = new Csv(headers.toArray(String[]::new));
        for (ReportModel.MonthRow row : m.monthRows()) {
            Figures f = row.figures();
            List<String> cells = new ArrayList<>(List.of(row.site().site().id(), row.month().toString()));
            for (Metric metric : metrics) {
                cells.add(f.reported(metric).map(CsvReport::plain).orElse(""));
            }
            cells.add(row.dataCentre().map(DataCentreMetrics::pue).map(CsvReport::plain).orElse(""));
            cells.add(row.dataCentre().map(DataCentreMetrics::wue).map(CsvReport::plain).orElse(""));
            csv.row(cells.toArray(String[]::new));
        }
        return csv.toString();
    }

    static String issues(ReportModel m) {
        Csv csv = new Csv("severity", "file", "sheet", "row", "column", "message");
        for (Issue i : m.issues) {
            csv.row(i.severity().id(), i.file(), i.sheet(), i.row() == null ? "" : i.row().toString(), i.column(),
                    i.message());
        }
        return csv.toString();
    }

    private static String plain(BigDecimal v) {
        return Exact.strip(v).toPlainString();
    }

    /** Rows of text, quoted where needed. */
    static final class Csv {
        private final StringBuilder sb = new StringBuilder();

        Csv(String... headers) {
            row(headers);
        }

        void row(String... cells) {
            for (int i = 0; i < cells.length; i++) {
                if (i > 0) {
                    sb.append(',');
                }
                sb.append(quote(cells[i]));
            }
            sb.append('\n');
        }

        private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("-?\\d+(\\.\\d+)?");

        private static String quote(String text) {
            if (text == null) {
                return "";
            }
            // A text cell that a spreadsheet would run as a formula (=, +, -, @) is kept as text (OWASP CSV injection).
            String cell = !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 && !NUMBER.matcher(text).matches()
                    ? "'" + text : text;
            boolean needs = cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0
                    || cell.indexOf('\r') >= 0 || (!cell.isEmpty() && (cell.charAt(0) == ' '
                            || cell.charAt(cell.length() - 1) == ' '));
            return needs ? '"' + cell.replace("\"", "\"\"") + '"' : cell;
        }

        @Override
        public String toString() {
            return sb.toString();
        }
    }
}
