package org.wattledger.reports;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.wattledger.engine.calc.DataCentreMetrics;
import org.wattledger.engine.calc.Figures;
import org.wattledger.engine.calc.Intensity;
import org.wattledger.engine.calc.Metric;
import org.wattledger.engine.calc.Results;
import org.wattledger.engine.calc.SiteResult;
import org.wattledger.engine.calc.TargetResult;
import org.wattledger.engine.factor.Factor;
import org.wattledger.engine.meter.Coverage;
import org.wattledger.engine.model.Issue;
import org.wattledger.engine.units.Exact;

/**
 * The report as an Excel workbook: sheets Summary, Sites, Monthly, Targets, Issues, Factors and
 * About. Figures are numeric cells (binary doubles: fine for reading and charting); the Summary
 * and Factors sheets also carry each exact decimal as text in an "exact" column. Header rows are
 * styled and frozen; column widths are computed from the text, not from font metrics.
 *
 * <p>The file is byte-identical for identical inputs: document properties carry a date derived
 * from the period (its exclusive end, 00:00 UTC) rather than the clock, and the package is
 * re-zipped with that timestamp on every entry, in POI's entry order.
 */
public final class XlsxReport {
    private static final int MAX_WIDTH_CHARS = 80;
    /** The most characters an Excel cell holds (Excel's specification limits). */
    static final int MAX_CELL_CHARS = 32_767;

    private XlsxReport() {
    }

    /** Writes the workbook, replacing the file. */
    public static void write(Results results, ReportMeta meta, Path file) throws IOException {
        Files.write(file, toBytes(results, meta));
    }

    /**
     * Loads and initialises POI's workbook classes by building a one-cell workbook and discarding
     * it: the first workbook of a run costs more than a second of class loading, which a caller
     * can so move to a thread that would otherwise wait. Has no effect on any workbook built later.
     */
    public static void preload() {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Cell cell = wb.createSheet("preload").createRow(0).createCell(0);
            cell.setCellValue("preload");
            CellStyle style = wb.createCellStyle();
            style.setFont(wb.createFont());
            cell.setCellStyle(style);
            wb.getProperties().getCoreProperties().setCreator("wattledger");
            wb.write(java.io.OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The workbook's bytes. */
    public static byte[] toBytes(Results results, ReportMeta meta) {
        ReportModel m = ReportModel.of(results);
        LocalDateTime fixed = fixedTime(m);
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            new Book(wb, m, meta).build();
            POIXMLProperties.CoreProperties core = wb.getProperties().getCoreProperties();
            Date date = Date.from(fixed.toInstant(ZoneOffset.UTC));
            core.setCreated(Optional.of(date));
            core.setModified(Optional.of(date));
            core.setCreator("wattledger " + meta.engineVersion());
            core.setTitle("wattledger report " + m.period);
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            wb.write(raw);
            return normalise(raw.toByteArray(), fixed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The timestamp written into the file: the end of the period. */
    static LocalDateTime fixedTime(ReportModel m) {
        return m.period.to().atStartOfDay();
    }

    /** Re-zips a package with one fixed timestamp on every entry, keeping the entry order. */
    static byte[] normalise(byte[] zip, LocalDateTime time) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(zip.length);
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
                ZipOutputStream z = new ZipOutputStream(out)) {
            z.setLevel(java.util.zip.Deflater.DEFAULT_COMPRESSION);
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                ZipEntry copy = new ZipEntry(e.getName());
                copy.setTimeLocal(time);
                copy.setMethod(ZipEntry.DEFLATED);
                z.putNextEntry(copy);
                in.transferTo(z);
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /** One workbook being built. */
    private static final class Book {
        private final XSSFWorkbook wb;
        private final ReportModel m;
        private final ReportMeta meta;
        private final CellStyle header;
        private final CellStyle text;
        private final Map<Integer, CellStyle> decimals = new HashMap<>();
        private final CellStyle percent;
        private final CellStyle integer;

        Book(XSSFWorkbook wb, ReportModel m, ReportMeta meta) {
            this.wb = wb;
            this.m = m;
            this.meta = meta;
            Font bold = wb.createFont();
            bold.setBold(true);
            header = wb.createCellStyle();
            header.setFont(bold);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            header.setBorderBottom(BorderStyle.THIN);
            header.setWrapText(true);
            text = wb.createCellStyle();
            percent = wb.createCellStyle();
            percent.setDataFormat(wb.createDataFormat().getFormat("0.00%"));
            integer = wb.createCellStyle();
            integer.setDataFormat(wb.createDataFormat().getFormat("0"));
        }

        private CellStyle decimals(int places) {
            return decimals.computeIfAbsent(places, p -> {
                CellStyle s = wb.createCellStyle();
                s.setDataFormat(wb.createDataFormat().getFormat(p == 0 ? "#,##0" : "#,##0." + "0".repeat(p)));
                return s;
            });
        }

        void build() {
            summary();
            sites();
            coverage();
            monthly();
            targets();
            issues();
            factors();
            about();
        }

        // ---- sheets ----

        private void summary() {
            Table t = new Table("Summary", "Figure", "Key", "Value", "Unit", "Exact value", "Estimated share");
            List<Metric> metrics = new ArrayList<>(ReportModel.CONTRACT_TOTALS);
            metrics.addAll(ReportModel.EXTRA_TOTALS);
            for (Metric metric : metrics) {
                Optional<BigDecimal> v = m.totals.reported(metric);
                if (v.isEmpty()) {
                    continue;
                }
                Table.R r = t.row();
                r.text(Display.label(metric)).text(metric.key()).number(v.get(), metric.reportUnit())
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
            t.finish();
        }

        private void sites() {
            Table t = new Table("Sites", "Site", "Name", "Kind", "Region", "Scope 1 (t CO2e)",
                    "Scope 2 location (t CO2e)", "Scope 2 market (t CO2e)", "Energy (MWh)", "Energy direct (MWh)",
                    "Energy indirect (MWh)", "Energy (tce)", "Water (m3)", "Electricity (MWh)", "IT energy (MWh)",
                    "PUE", "WUE (L/kWh)", "CUE (kg CO2e/kWh)", "CUE market (kg CO2e/kWh)", "ERF", "REF");
            for (SiteResult s : m.sites) {
                Figures f = s.figures();
                Table.R r = t.row().text(s.site().id()).text(s.site().name()).text(s.site().kind().id())
                        .text(s.site().region());
                for (Metric metric : List.of(Metric.SCOPE1, Metric.SCOPE2_LOCATION, Metric.SCOPE2_MARKET,
                        Metric.ENERGY, Metric.ENERGY_DIRECT, Metric.ENERGY_INDIRECT, Metric.ENERGY_TCE, Metric.WATER,
                        Metric.ELECTRICITY, Metric.IT_ENERGY)) {
                    r.number(f.reported(metric).orElse(null), metric.reportUnit());
                }
                Optional<DataCentreMetrics> dc = s.dataCentre();
                r.number(dc.map(DataCentreMetrics::pue).orElse(null), 3)
                        .number(dc.map(DataCentreMetrics::wue).orElse(null), 3)
                        .number(dc.map(DataCentreMetrics::cueLocation).orElse(null), 3)
                        .number(dc.map(DataCentreMetrics::cueMarket).orElse(null), 3)
                        .number(dc.map(DataCentreMetrics::erf).orElse(null), 3)
                        .number(dc.map(DataCentreMetrics::ref).orElse(null), 3);
            }
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

        private void monthly() {
            Table t = new Table("Monthly", "Site", "Month", "Scope 1 (t CO2e)", "Scope 2 location (t CO2e)",
                    "Scope 2 market (t CO2e)", "Energy (MWh)", "IT energy (MWh)", "Water (m3)", "PUE", "WUE (L/kWh)");
            for (ReportModel.MonthRow row : m.monthRows()) {
                Figures f = row.figures();
                Table.R r = t.row().text(row.site().site().id()).text(row.month().toString());
                for (Metric metric : List.of(Metric.SCOPE1, Metric.SCOPE2_LOCATION, Metric.SCOPE2_MARKET,
                        Metric.ENERGY, Metric.IT_ENERGY, Metric.WATER)) {
                    r.number(f.reported(metric).orElse(null), metric.reportUnit());
                }
                r.number(row.dataCentre().map(DataCentreMetrics::pue).orElse(null), 3)
                        .number(row.dataCentre().map(DataCentreMetrics::wue).orElse(null), 3);
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
                        .text(f.validFrom().toString()).text(f.validTo() == null ? "" : f.validTo().toString())
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

        /** A sheet with a frozen, styled header row; widths fitted to the text on finish. */
        private final class Table {
            private final Sheet sheet;
            private final int[] widths;
            private int next = 1;

            Table(String name, String... headers) {
                sheet = wb.createSheet(name);
                widths = new int[headers.length];
                Row row = sheet.createRow(0);
                for (int c = 0; c < headers.length; c++) {
                    Cell cell = row.createCell(c);
                    cell.setCellValue(headers[c]);
                    cell.setCellStyle(header);
                    widths[c] = Math.max(8, Math.min(headers[c].length(), 28));
                }
                sheet.createFreezePane(0, 1);
            }

            R row() {
                return new R(sheet.createRow(next++));
            }

            void finish() {
                for (int c = 0; c < widths.length; c++) {
                    sheet.setColumnWidth(c, (Math.min(widths[c], MAX_WIDTH_CHARS) + 2) * 256);
                }
            }

            /** A row being filled left to right. */
            final class R {
                private final Row row;
                private int col;

                R(Row row) {
                    this.row = row;
                }

                private Cell cell(int width) {
                    widths[col] = Math.max(widths[col], width);
                    return row.createCell(col++);
                }

                R text(String value) {
                    if (value == null || value.isEmpty()) {
                        return blank();
                    }
                    Cell c = cell(value.length());
                    c.setCellValue(fitCell(value));
                    c.setCellStyle(text);
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
                    Cell c = cell(Display.number(value, places).length());
                    c.setCellValue(value.doubleValue());
                    c.setCellStyle(decimals(places));
                    return this;
                }

                R percent(BigDecimal fraction) {
                    Cell c = cell(9);
                    c.setCellValue(fraction.doubleValue());
                    c.setCellStyle(percent);
                    return this;
                }

                R integer(long value) {
                    Cell c = cell(Long.toString(value).length());
                    c.setCellValue(value);
                    c.setCellStyle(integer);
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
