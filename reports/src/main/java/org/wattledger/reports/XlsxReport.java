package org.wattledger.reports;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
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
import org.wattledger.engine.model.SourceRef;
import org.wattledger.engine.units.Exact;

/**
 * The report as an Excel workbook: sheets Summary, Sites, Coverage, Monthly, Activity, Targets,
 * Issues, Factors and About. Activity has one row per calculated line (site, meter, carrier, month,
 * quantity, the factor applied, each figure, the input rows); every total on Summary, Sites and
 * Monthly is a live formula over it (SUM, SUMPRODUCT) with the engine's value cached, so a
 * spreadsheet's recalculation gives the same figures to the precision of binary floating point.
 * The exact decimals stay beside them as text (Summary's "Exact value"; Factors' "Exact value").
 * Months and days are real dates; each sheet has an autofilter and prints one page wide.
 *
 * <p>The file is byte-identical for identical inputs: document properties carry a date derived
 * from the period (its exclusive end, 00:00 UTC) rather than the clock, and every part of the
 * package is stamped with that time ({@link XlsxWriter}).
 */
public final class XlsxReport {
    private static final int MAX_WIDTH_CHARS = 80;
    /** The most characters an Excel cell holds (Excel's specification limits). */
    static final int MAX_CELL_CHARS = 32_767;
    /** The workbook's font: Excel's default; for a Chinese report Microsoft YaHei, on every Windows since Vista. */
    static final String FONT = "Calibri";
    static final String CJK_FONT = "Microsoft YaHei";

    private XlsxReport() {
    }

    /** Writes the workbook, replacing the file. */
    public static void write(Results results, ReportMeta meta, Path file) throws IOException {
        Files.write(file, toBytes(results, meta));
    }

    /** The workbook's bytes. */
    public static byte[] toBytes(Results results, ReportMeta meta) {
        return toBytes(results, meta, MAX_SHEET_ROWS);
    }

    /** The rows one sheet holds (Excel's limit, header included). */
    static final int MAX_SHEET_ROWS = 1_048_576;

    /** The workbook's bytes, as if a sheet held {@code sheetRows} rows (tests use a small number). */
    static byte[] toBytes(Results results, ReportMeta meta, int sheetRows) {
        ReportModel m = ReportModel.of(results);
        // A CJK-capable font for every cell; Excel and LibreOffice substitute a similar one where it is not installed.
        XlsxWriter wb = new XlsxWriter(meta.labels().language() == Labels.Language.ZH ? CJK_FONT : FONT);
        new Book(wb, m, meta, sheetRows).build();
        return wb.toBytes(fixedTime(m), "wattledger " + meta.engineVersion(), "wattledger report " + m.period);
    }

    /** The timestamp written into the file: the end of the period. */
    static LocalDateTime fixedTime(ReportModel m) {
        return m.period.to().atStartOfDay();
    }

    /** One workbook being built. */
    private static final class Book {
        /** The sheets in their order; made up front, since a formula can only name a sheet that exists. */
        private static final List<String> SHEETS = List.of("Summary", "Sites", "Coverage", "Monthly", "Activity",
                "Targets", "Issues", "Factors", "Disclosures", "GHG Protocol", "About");
        /** The figures each Activity row carries, one column each: every total on Summary, Sites and Monthly sums one. */
        static final List<Metric> ACTIVITY_METRICS;

        static {
            List<Metric> metrics = new ArrayList<>(ReportModel.CONTRACT_TOTALS);
            metrics.addAll(ReportModel.EXTRA_TOTALS);
            ACTIVITY_METRICS = List.copyOf(metrics);
        }

        /** Activity columns before the figures: site, meter, carrier, role, month, then quantity and factor columns. */
        private static final int ACTIVITY_SITE = 0;
        private static final int ACTIVITY_MONTH = 4;
        private static final int ACTIVITY_FIRST_FIGURE = 13;

        private final XlsxWriter wb;
        private final ReportModel m;
        private final ReportMeta meta;
        /** The words of the report's language: column headers and figure names (sheet names stay English). */
        private final Labels words;
        /** The last Activity row (1-based, as a formula names it); 1 when there are no lines. */
        private final int activityEnd;

        Book(XlsxWriter wb, ReportModel m, ReportMeta meta, int sheetRows) {
            this.wb = wb;
            this.m = m;
            this.meta = meta;
            this.words = meta.labels();
            activityEnd = 1 + m.results.lines().size();
            this.sheetRows = sheetRows;
            live = activityEnd <= sheetRows;
        }

        /**
         * False when the lines do not fit one sheet: then Activity says so, and the totals are
         * values, never formulas over a partial list.
         */
        private final boolean live;
        private final int sheetRows;

        void build() {
            SHEETS.forEach(wb::addSheet);
            summary();
            sites();
            coverage();
            monthly();
            activity();
            targets();
            issues();
            factors();
            disclosures();
            about();
            years();
            dataCentreSheets();
        }

        /** Years, Drivers and Recalculation sheets (after About), from {@link YearsTables}'s rows. */
        private void years() {
            YearsTables y = m.years;
            if (y.hasYears()) {
                wb.addSheet("Years");
                Table t = new Table("Years", y.yearsHeader(words).toArray(String[]::new));
                for (YearsTables.Row row : y.yearsRows(words)) {
                    Table.R r = t.row().text(row.label()).text(row.unit());
                    row.values().forEach(v -> r.number(v, row.unit()));
                    row.changes().forEach(v -> r.number(v, row.unit()));
                }
                t.finish();
            }
            if (!y.decomposition.isEmpty()) {
                wb.addSheet("Drivers");
                Table t = new Table("Drivers", y.driversHeader(words, true).toArray(String[]::new));
                for (YearsTables.DriverRow d : y.driverRows()) {
                    Table.R r = t.row().text(d.years()).number(d.change(), "t CO2e");
                    d.effects().forEach(v -> r.number(v, "t CO2e"));
                    r.number(d.residual(), 15);
                }
                t.note(y.activityNote(words));
                t.finish();
            }
            if (y.recalculation.isPresent()) {
                wb.addSheet("Recalculation");
                Table t = new Table("Recalculation", words.get("years.col.year"),
                        words.get("years.col.original") + " t CO2e", words.get("years.col.restated") + " t CO2e");
                for (var row : y.recalculation.get().series()) {
                    t.row().integer(row.year()).number(row.original(), "t CO2e").number(row.restated(), "t CO2e");
                }
                t.note(y.recalculationNote(words));
                t.finish();
            }
        }

        /** The data-centre tables (indicators, monthly and partial PUE, years, contracts), a sheet each. */
        private void dataCentreSheets() {
            for (DataCentreSection.Grid g : m.dataCentre.grids(words)) {
                wb.addSheet(g.sheet());
                Table t = new Table(g.sheet(), g.headers().toArray(String[]::new));
                for (List<DataCentreSection.Cell> cells : g.rows()) {
                    Table.R r = t.row();
                    for (DataCentreSection.Cell c : cells) {
                        if (!c.isNumber()) {
                            r.text(c.text());
                        } else if (c.percent()) {
                            r.percent(c.number());
                        } else {
                            r.number(c.number(), c.places());
                        }
                    }
                }
                if (g.note() != null) {
                    t.note(g.note());
                }
                t.finish();
            }
        }

        // ---- formulas over the Activity sheet ----

        /** {@code Activity!$N$2:$N$700}: one column of the Activity rows. */
        private String activityColumn(int column) {
            String letter = SourceRef.columnLetter(column);
            return "Activity!$" + letter + "$2:$" + letter + "$" + activityEnd;
        }

        private String activityFigures(Metric metric) {
            return activityColumn(ACTIVITY_FIRST_FIGURE + ACTIVITY_METRICS.indexOf(metric));
        }

        /**
         * The sum of a metric over the Activity rows of one site (and month). EXACT compares site ids
         * as the engine does, case and all, and unlike SUMIFS reads no wildcard or operator in them.
         */
        private String siteSum(Metric metric, int row, Integer monthColumn) {
            String formula = "SUMPRODUCT(--EXACT(" + activityColumn(ACTIVITY_SITE) + ",$A" + row + ")";
            if (monthColumn != null) {
                formula += ",--(" + activityColumn(ACTIVITY_MONTH) + "=$" + SourceRef.columnLetter(monthColumn)
                        + row + ")";
            }
            return formula + "," + activityFigures(metric) + ")";
        }

        /** A note under a table: spreadsheet recalculation is binary floating point, the exact decimals are elsewhere. */
        private String floatingPointNote() {
            return live ? FLOATING_POINT_NOTE : "Too many lines for the Activity sheet: totals are values, not formulas.";
        }

        private static final String FLOATING_POINT_NOTE = "Totals are live formulas over the Activity sheet. A spreadsheet"
                + " recalculates them in binary floating point (about 15 significant digits), so the last digits may"
                + " differ from the exact decimals, which are in the Exact value column of Summary, in report.json and"
                + " in the CSV files.";

        /** A column header in the report's language: label {@code xlsx.col.WORDS} (non-alphanumerics as _), if there is one. */
        private String header(String english) {
            String key = "xlsx.col." + english.replaceAll("[^A-Za-z0-9]+", "_");
            return words.has(key) ? words.get(key) : english;
        }

        // ---- sheets ----

        /** The HKEX KPI rows and, on its own sheet, the GHG Protocol summary (numbers as shown, exact beside). */
        private void disclosures() {
            Disclosures d = Disclosures.of(m);
            Table t = new Table("Disclosures", "KPI", "Item", "Label", "Value", "Unit", "Exact value", "Note", "Sources");
            for (Disclosures.HkexRow r : d.hkex) {
                t.row().text(r.kpi()).text(r.item()).text(r.label(words))
                        .number(r.value(), r.unit() == null ? "" : r.unit()).text(r.unit() == null ? "" : r.unit())
                        .text(r.value() == null ? (r.supported() ? "" : words.get("disclosure.notSupported")) : plain(r.value()))
                        .text(r.note(words))
                        .text(String.join(", ", r.footnotes().stream().map(String::valueOf).toList()));
            }
            for (int i = 0; i < d.footnotes.size(); i++) {
                t.row().text("[" + (i + 1) + "]").text("footnote").text(d.footnotes.get(i)).blank().blank().blank().blank()
                        .blank();
            }
            t.finish();
            Table g = new Table("GHG Protocol", "Table", "Category", "Gas", "Group", "Mass (t)", "CO2e (t CO2e)",
                    "Exact CO2e");
            String byGas = words.get("disclosure.ghg.scope1ByGas");
            for (var c : d.scope1.cells()) {
                BigDecimal t1 = Metric.SCOPE1.present(c.co2eKg());
                g.row().text(byGas).text(words.get("disclosure.category." + c.category().id())).text(c.gas())
                        .text(words.get("disclosure.group." + c.group().id()))
                        .number(c.massKg() == null ? null : Metric.Canonical.KG_OF_GAS.present(c.massKg()), 6)
                        .number(t1, Metric.SCOPE1.reportUnit()).text(plain(t1));
            }
            for (Metric metric : List.of(Metric.SCOPE1, Metric.SCOPE2_LOCATION, Metric.SCOPE2_MARKET)) {
                BigDecimal v = m.totals.reported(metric).orElse(null);
                g.row().text(Display.label(metric, words)).blank().blank().blank().blank()
                        .number(v, Metric.SCOPE1.reportUnit()).text(v == null ? "" : plain(v));
            }
            for (TargetResult b : d.baseYears()) {
                g.row().text(words.get("disclosure.ghg.baseYear")).text(b.target().id() + " " + b.target().metric())
                        .text(Integer.toString(b.target().baseYear())).blank().blank()
                        .number(b.baseValue(), b.unit()).text(b.baseValue() == null ? "" : plain(b.baseValue()) + " " + b.unit());
            }
            g.note(words.format("disclosure.ghg.gwp", meta.gwpSet()));
            g.finish();
        }

        private void summary() {
            Table t = new Table("Summary", "Figure", "Key", "Value", "Unit", "Exact value", "Estimated share");
            for (Metric metric : ACTIVITY_METRICS) {
                Optional<BigDecimal> v = m.totals.reported(metric);
                if (v.isEmpty()) {
                    continue;
                }
                Table.R r = t.row();
                r.text(Display.label(metric, words)).text(metric.key())
                        .figure(v.get(), metric, "SUM(" + activityFigures(metric) + ")")
                        .text(metric.reportUnit()).text(plain(v.get()));
                m.totals.estimatedShare(metric).ifPresentOrElse(r::percent, r::blank);
            }
            m.scope1ByGas.forEach((gas, tonnes) -> {
                t.row().text("Scope 1, " + gas + " (mass of gas)").text("scope1ByGas." + gas).number(tonnes, 3)
                        .text(Metric.Canonical.KG_OF_GAS.reportUnit()).text(plain(tonnes)).blank();
            });
            for (Intensity i : m.intensities) {
                t.row().text("Intensity").text(i.name()).number(i.value(), i.unit()).text(i.unit())
                        .text(plain(i.value())).blank();
            }
            t.note(floatingPointNote());
            t.finish();
        }

        private static final List<Metric> SITE_METRICS = List.of(Metric.SCOPE1, Metric.SCOPE2_LOCATION,
                Metric.SCOPE2_MARKET, Metric.ENERGY, Metric.ENERGY_DIRECT, Metric.ENERGY_INDIRECT, Metric.ENERGY_TCE,
                Metric.WATER, Metric.ELECTRICITY, Metric.IT_ENERGY);

        private void sites() {
            Table t = new Table("Sites", "Site", "Name", "Kind", "Region", "Scope 1 (t CO2e)",
                    "Scope 2 location (t CO2e)", "Scope 2 market (t CO2e)", "Energy (MWh)", "Energy direct (MWh)",
                    "Energy indirect (MWh)", "Energy (tce)", "Water (m3)", "Electricity (MWh)", "IT energy (MWh)",
                    "PUE", "WUE (L/kWh)", "CUE (kg CO2e/kWh)", "CUE market (kg CO2e/kWh)", "ERF", "REF");
            for (SiteResult s : m.sites) {
                Figures f = s.figures();
                Table.R r = t.row().text(s.site().id()).text(s.site().name()).text(s.site().kind().id())
                        .text(s.site().region());
                for (Metric metric : SITE_METRICS) {
                    r.figure(f.reported(metric).orElse(null), metric, siteSum(metric, r.number(), null));
                }
                Optional<DataCentreMetrics> dc = s.dataCentre();
                r.number(dc.map(DataCentreMetrics::pue).orElse(null), 3)
                        .number(dc.map(DataCentreMetrics::wue).orElse(null), 3)
                        .number(dc.map(DataCentreMetrics::cueLocation).orElse(null), 3)
                        .number(dc.map(DataCentreMetrics::cueMarket).orElse(null), 3)
                        .number(dc.map(DataCentreMetrics::erf).orElse(null), 3)
                        .number(dc.map(DataCentreMetrics::ref).orElse(null), 3);
            }
            t.totals(4, SITE_METRICS);
            t.note(floatingPointNote());
            t.finish();
        }

        private void coverage() {
            Table t = new Table("Coverage", "Site", "Meter", "Carrier", "Days in period", "Days in service",
                    "Days covered", "Not covered");
            for (Coverage c : m.coverage) {
                t.row().text(c.meter().site()).text(c.meter().meter()).text(c.meter().carrier().id())
                        .integer(c.periodDays()).integer(c.expectedDays()).number(c.coveredDays(), 2)
                        .text(ReportModel.uncovered(c));
            }
            t.finish();
        }

        private static final List<Metric> MONTH_METRICS = List.of(Metric.SCOPE1, Metric.SCOPE2_LOCATION,
                Metric.SCOPE2_MARKET, Metric.ENERGY, Metric.IT_ENERGY, Metric.WATER);

        private void monthly() {
            Table t = new Table("Monthly", "Site", "Month", "Scope 1 (t CO2e)", "Scope 2 location (t CO2e)",
                    "Scope 2 market (t CO2e)", "Energy (MWh)", "IT energy (MWh)", "Water (m3)", "PUE", "WUE (L/kWh)");
            for (ReportModel.MonthRow row : m.monthRows()) {
                Figures f = row.figures();
                Table.R r = t.row().text(row.site().site().id()).month(row.month());
                for (Metric metric : MONTH_METRICS) {
                    r.figure(f.reported(metric).orElse(null), metric, siteSum(metric, r.number(), 1));
                }
                r.number(row.dataCentre().map(DataCentreMetrics::pue).orElse(null), 3)
                        .number(row.dataCentre().map(DataCentreMetrics::wue).orElse(null), 3);
            }
            t.totals(2, MONTH_METRICS);
            t.note(floatingPointNote());
            t.finish();
        }

        /** One row per calculated line: what was measured, the factor applied, each figure, and the rows behind it. */
        private void activity() {
            List<String> headers = new ArrayList<>(List.of("Site", "Meter", "Carrier", "Role", "Month", "Quantity",
                    "Unit", "Canonical quantity", "Canonical unit", "Factor", "Factor set", "Factor value",
                    "Factor unit"));
            for (Metric metric : ACTIVITY_METRICS) {
                headers.add(Display.label(metric, words) + " (" + metric.reportUnit() + ")");
            }
            headers.addAll(List.of("Other factors", "Rows", "How"));
            Table t = new Table("Activity", headers.toArray(String[]::new));
            if (!live) {
                t.note(m.results.lines().size() + " lines are more than one sheet holds (" + (sheetRows - 1)
                        + "), so they are not listed and the totals are values, not formulas; report.json --lineage"
                        + " and report.html list them.");
                t.finish();
                return;
            }
            for (Line l : m.results.lines()) {
                Table.R r = t.row().text(l.site()).text(l.meter()).text(l.carrier().id() + (l.gas() == null ? "" : " " + l.gas()))
                        .text(l.role().id()).month(l.month())
                        .number(l.quantity(), Math.max(0, Math.min(10, l.quantity().stripTrailingZeros().scale())))
                        .text(l.unit().symbol());
                if (l.activity() == null) {
                    r.blank().blank();
                } else {
                    r.number(l.activity(), Math.max(0, Math.min(10, l.activity().stripTrailingZeros().scale())))
                            .text(l.dimension().canonicalSymbol());
                }
                Optional<Lineage.FactorUse> main = LineText.mainFactor(l);
                if (main.isPresent()) {
                    Factor f = main.get().factor();
                    r.text(f.id()).text(f.set())
                            .number(f.value(), Math.max(0, Math.min(10, f.value().stripTrailingZeros().scale())))
                            .text(f.unit().text());
                } else {
                    r.blank().blank().blank().blank();
                }
                for (Metric metric : ACTIVITY_METRICS) {
                    r.number(l.figures().reported(metric).orElse(null), metric.reportUnit());
                }
                r.text(LineText.otherFactors(l)).text(l.lineage().rows().toString()).text(LineText.how(l));
            }
            t.finish();
        }

        private void targets() {
            Table t = new Table("Targets", "Target", "Metric", "Boundary", "Path", "Unit", "Base year", "Base value",
                    "Base computed", "Target year", "Target value", "Current year", "Current", "Path value",
                    "Progress", "On track");
            for (TargetResult tr : m.targets) {
                Table.R r = t.row().text(tr.target().id()).text(tr.target().metric()).text(ReportModel.boundary(tr))
                        .text(tr.target().path().id()).text(tr.unit()).integer(tr.target().baseYear())
                        .number(tr.baseValue(), tr.unit()).text(tr.baseComputed() ? "yes" : "no")
                        .integer(tr.target().targetYear()).number(tr.targetValue(), tr.unit())
                        .integer(tr.currentYear()).number(tr.current(), tr.unit()).number(tr.pathValue(), tr.unit());
                if (tr.progress() == null) {
                    r.blank();
                } else {
                    r.percent(tr.progress());
                }
                r.text(tr.onTrack() == null ? "" : tr.onTrack() ? "yes" : "no");
            }
            t.finish();
        }

        private void issues() {
            Table t = new Table("Issues", "Severity", "File", "Sheet", "Row", "Column", "Message");
            for (Issue i : m.issues) {
                Table.R r = t.row().text(i.severity().id()).text(i.file()).text(i.sheet());
                if (i.row() == null) {
                    r.blank();
                } else {
                    r.integer(i.row());
                }
                r.text(i.column()).text(i.message());
            }
            t.finish();
        }

        private void factors() {
            Table t = new Table("Factors", "ID", "Set", "Version", "Kind", "Carrier", "Gas", "Value", "Exact value",
                    "Unit", "Region", "Valid from", "Valid to", "Basis", "Use", "Source", "Note");
            for (Factor f : m.factors) {
                t.row().text(f.id()).text(f.set()).text(f.version()).text(f.kind().id())
                        .text(f.carrier() == null ? "*" : f.carrier().id()).text(f.gas())
                        .number(f.value(), Math.max(0, Math.min(10, f.value().stripTrailingZeros().scale())))
                        .text(f.value().toPlainString()).text(f.unit().text()).text(f.region())
                        .day(f.validFrom()).day(f.validTo())
                        .text(f.basis()).text(f.use() == null ? "" : f.use().id()).text(f.source()).text(f.note());
            }
            t.finish();
        }

        private void about() {
            Table t = new Table("About", "Item", "Value", "SHA-256");
            t.row().text("Schema").text(JsonReport.SCHEMA).blank();
            t.row().text("Engine version").text(meta.engineVersion()).blank();
            t.row().text("Period from").text(m.period.from().toString()).blank();
            t.row().text("Period to (exclusive)").text(m.period.to().toString()).blank();
            t.row().text("Complete").text(m.complete ? "yes" : "no").blank();
            t.row().text("Rows read").integer(m.rows.read()).blank();
            t.row().text("Rows accepted").integer(m.rows.accepted()).blank();
            t.row().text("Rows rejected").integer(m.rows.rejected()).blank();
            t.row().text("Factor set").text(meta.factorSetId()).blank();
            t.row().text("Factor set version").text(meta.factorSetVersion()).blank();
            for (ReportMeta.FileDigest f : meta.factorSheets()) {
                t.row().text("Factor sheet").text(f.file()).text(f.sha256());
            }
            t.row().text("Energy basis").text(meta.energyBasis()).blank();
            t.row().text("GWP set").text(meta.gwpSet()).blank();
            for (ReportMeta.FileDigest f : meta.inputs()) {
                t.row().text("Input").text(f.file()).text(f.sha256());
            }
            t.finish();
        }

        private static String plain(BigDecimal v) {
            return Exact.strip(v).toPlainString();
        }

        /**
         * A sheet with a frozen, styled header row, an autofilter over its data rows, a print setup
         * one page wide (landscape, header row repeated); widths fitted to the text on finish.
         */
        private final class Table {
            private final XlsxWriter.Sheet sheet;
            private final int[] widths;
            private int next = 1;
            /** The last data row (0-based), fixed by a totals row or a note; the autofilter stops there. */
            private int dataEnd = -1;

            Table(String name, String... englishHeaders) {
                sheet = wb.sheet(name);
                widths = new int[englishHeaders.length];
                sheet.row(0);
                for (int c = 0; c < englishHeaders.length; c++) {
                    String header = header(englishHeaders[c]);
                    sheet.text(c, header, XlsxWriter.HEADER);
                    widths[c] = Math.max(8, Math.min(header.length(), 28));
                }
                sheet.freezeHeader();
            }

            R row() {
                return new R(next++);
            }

            private void endData() {
                if (dataEnd < 0) {
                    dataEnd = next - 1;
                }
            }

            /**
             * A bold "Total" row under the data: each metric column (from {@code firstColumn}, in
             * order) the sum of the cells above, where the organisation has that figure.
             */
            void totals(int firstColumn, List<Metric> metrics) {
                endData();
                if (dataEnd < 1) {
                    return;
                }
                R r = row();
                sheet.text(0, "Total", XlsxWriter.BOLD);
                r.col = firstColumn;
                for (Metric metric : metrics) {
                    String letter = SourceRef.columnLetter(r.col);
                    r.figure(m.totals.reported(metric).orElse(null), metric,
                            "SUM(" + letter + "2:" + letter + (dataEnd + 1) + ")");
                }
            }

            /** A line of text under the table, after a blank row. */
            void note(String note) {
                endData();
                next++;
                sheet.row(next++).text(0, fitCell(note), XlsxWriter.TEXT);
            }

            void finish() {
                endData();
                int[] characters = new int[widths.length];
                for (int c = 0; c < widths.length; c++) {
                    characters[c] = Math.min(widths[c], MAX_WIDTH_CHARS) + 2;
                }
                sheet.columnWidths(characters);
                if (dataEnd >= 1) {
                    sheet.autoFilter(dataEnd, widths.length - 1);
                }
                sheet.printOnePageWide();
            }

            /** A row being filled left to right. */
            final class R {
                /** The row, 0-based. */
                private final int row;
                private int col;

                R(int row) {
                    this.row = row;
                    sheet.row(row);
                }

                /** The row's number as formulas name it (1-based). */
                int number() {
                    return row + 1;
                }

                /** The next cell's column, its width noted for the column. */
                private int cell(int width) {
                    widths[col] = Math.max(widths[col], width);
                    return col++;
                }

                R text(String value) {
                    if (value == null || value.isEmpty()) {
                        return blank();
                    }
                    sheet.text(cell(value.length()), fitCell(value), XlsxWriter.TEXT);
                    return this;
                }

                R blank() {
                    col++;
                    return this;
                }

                R number(BigDecimal value, String unit) {
                    return number(value, Display.places(unit));
                }

                R number(BigDecimal value, int places) {
                    if (value == null) {
                        return blank();
                    }
                    double number = value.doubleValue();
                    if (!Double.isFinite(number)) {
                        return beyondFloatingPoint(value);
                    }
                    sheet.number(cell(Display.number(value, places).length()), number, XlsxWriter.decimals(places));
                    return this;
                }

                /**
                 * A value a spreadsheet's binary floating point cannot hold (beyond about 1.8e308):
                 * its exact decimal as text, never an infinity or an error cell.
                 */
                private R beyondFloatingPoint(BigDecimal value) {
                    return text(plain(value));
                }

                /**
                 * A figure as a live formula with the engine's value cached, so a reader that does not
                 * recalculate shows it too; empty (no formula) where the figure does not apply.
                 */
                R figure(BigDecimal value, Metric metric, String formula) {
                    if (value == null) {
                        return blank();
                    }
                    int places = Display.places(metric.reportUnit());
                    return live ? formula(formula, value, places) : number(value, places);
                }

                R formula(String formula, BigDecimal cached, int places) {
                    double number = cached.doubleValue();
                    if (!Double.isFinite(number)) {
                        return beyondFloatingPoint(cached);
                    }
                    sheet.formula(cell(Display.number(cached, places).length()), formula, number,
                            XlsxWriter.decimals(places));
                    return this;
                }

                R percent(BigDecimal fraction) {
                    double number = fraction.doubleValue();
                    if (!Double.isFinite(number)) {
                        return beyondFloatingPoint(fraction);
                    }
                    sheet.number(cell(9), number, XlsxWriter.PERCENT);
                    return this;
                }

                R integer(long value) {
                    sheet.number(cell(Long.toString(value).length()), value, XlsxWriter.INTEGER);
                    return this;
                }

                /** A calendar month as a real date (its first day) shown as 2024-01. */
                R month(YearMonth value) {
                    sheet.date(cell(7), value.atDay(1), XlsxWriter.MONTH);
                    return this;
                }

                /** A day as a real date; one before 1900-03-01, which no workbook date names exactly, as text. */
                R day(LocalDate value) {
                    if (value == null) {
                        return blank();
                    }
                    if (value.isBefore(XlsxWriter.FIRST_SERIAL_DAY)) {
                        return text(value.toString());
                    }
                    sheet.date(cell(10), value, XlsxWriter.DAY);
                    return this;
                }
            }
        }
    }

    /**
     * The text as a cell can hold it: beyond {@value #MAX_CELL_CHARS} characters the end is cut and
     * a marker with the full length put in its place (the JSON report keeps the whole text).
     */
    static String fitCell(String value) {
        if (value.length() <= MAX_CELL_CHARS) {
            return value;
        }
        String marker = "… [truncated, " + value.length() + " characters]";
        int keep = MAX_CELL_CHARS - marker.length();
        if (Character.isHighSurrogate(value.charAt(keep - 1))) {
            keep--; // never split a character outside the BMP in two
        }
        return value.substring(0, keep) + marker;
    }
}
