package org.wattledger.importers;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.wattledger.engine.model.Carrier;
import org.wattledger.engine.meter.InputStage;
import org.wattledger.engine.model.Inventory;
import org.wattledger.engine.model.Issue;
import org.wattledger.engine.model.Reading;

/** Writes fixture workbooks and CSV files with POI and plain I/O, and reads results back. */
final class Fixtures {
    private Fixtures() {
    }

    /** A formula cell with the cached value POI's evaluator will compute. */
    record Formula(String formula) {
    }

    /** A date cell (yyyy-mm-dd style). */
    record Day(String iso) {
    }

    /** A date-time cell (yyyy-mm-dd hh:mm style). */
    record DateTime(String iso) {
    }

    /** A number cell with a custom format (e.g. yyyy年m月, 0%). */
    record Formatted(double value, String format) {
    }

    /** One sheet: name, rows of cell values (String, Number, Boolean, Day, DateTime, Formula, null). */
    static final class SheetSpec {
        final String name;
        final List<Object[]> rows = new ArrayList<>();
        final List<String> merges = new ArrayList<>();
        boolean hidden;

        SheetSpec(String name) {
            this.name = name;
        }

        SheetSpec row(Object... cells) {
            rows.add(cells);
            return this;
        }

        SheetSpec merge(String range) {
            merges.add(range);
            return this;
        }

        SheetSpec hidden() {
            hidden = true;
            return this;
        }
    }

    static SheetSpec sheet(String name) {
        return new SheetSpec(name);
    }

    static Path xlsx(Path dir, String file, SheetSpec... sheets) throws IOException {
        Path p = dir.resolve(file);
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            fill(wb, sheets);
            try (OutputStream out = Files.newOutputStream(p)) {
                wb.write(out);
            }
        }
        return p;
    }

    static Path xls(Path dir, String file, SheetSpec... sheets) throws IOException {
        Path p = dir.resolve(file);
        try (org.apache.poi.hssf.usermodel.HSSFWorkbook wb = new org.apache.poi.hssf.usermodel.HSSFWorkbook()) {
            fill(wb, sheets);
            try (OutputStream out = Files.newOutputStream(p)) {
                wb.write(out);
            }
        }
        return p;
    }

    private static void fill(Workbook wb, SheetSpec... sheets) {
        CellStyle day = wb.createCellStyle();
        day.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
        CellStyle dateTime = wb.createCellStyle();
        dateTime.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
        Map<String, CellStyle> formats = new java.util.HashMap<>();
        for (SheetSpec spec : sheets) {
            Sheet sh = wb.createSheet(spec.name);
            for (int r = 0; r < spec.rows.size(); r++) {
                Object[] cells = spec.rows.get(r);
                if (cells == null) {
                    continue;
                }
                Row row = sh.createRow(r);
                for (int c = 0; c < cells.length; c++) {
                    Object v = cells[c];
                    if (v == null) {
                        continue;
                    }
                    Cell cell = row.createCell(c);
                    if (v instanceof String s) {
                        cell.setCellValue(s);
                    } else if (v instanceof BigDecimal b) {
                        cell.setCellValue(b.doubleValue());
                    } else if (v instanceof Number n) {
                        cell.setCellValue(n.doubleValue());
                    } else if (v instanceof Boolean b) {
                        cell.setCellValue(b);
                    } else if (v instanceof Day d) {
                        cell.setCellValue(LocalDate.parse(d.iso()));
                        cell.setCellStyle(day);
                    } else if (v instanceof DateTime d) {
                        cell.setCellValue(LocalDateTime.parse(d.iso()));
                        cell.setCellStyle(dateTime);
                    } else if (v instanceof Formatted f) {
                        cell.setCellValue(f.value());
                        CellStyle st = formats.computeIfAbsent(f.format(), k -> {
                            CellStyle s = wb.createCellStyle();
                            s.setDataFormat(wb.createDataFormat().getFormat(k));
                            return s;
                        });
                        cell.setCellStyle(st);
                    } else if (v instanceof Formula f) {
                        cell.setCellFormula(f.formula());
                    } else {
                        throw new IllegalArgumentException(v.getClass().getName());
                    }
                }
            }
            for (String m : spec.merges) {
                sh.addMergedRegion(CellRangeAddress.valueOf(m));
            }
            if (spec.hidden) {
                wb.setSheetHidden(wb.getSheetIndex(sh), true);
            }
        }
        wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
    }

    static Path csv(Path dir, String file, String text) throws IOException {
        return csv(dir, file, text, StandardCharsets.UTF_8, false);
    }

    static Path csv(Path dir, String file, String text, Charset cs, boolean bom) throws IOException {
        Path p = dir.resolve(file);
        Files.createDirectories(p.getParent());
        byte[] body = text.getBytes(cs);
        try (OutputStream out = Files.newOutputStream(p)) {
            if (bom) {
                out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            }
            out.write(body);
        }
        return p;
    }

    /** Imports the inputs and runs the engine's input stage on them, as the command line does. */
    static Inventory read(Path... inputs) {
        return read(ImportOptions.defaults(), inputs);
    }

    static Inventory read(ImportOptions options, Path... inputs) {
        return InputStage.prepare(WorkbookImporter.read(List.of(inputs), options), InputStage.Gaps.REPORT);
    }

    /** As {@link #read(Path...)}, with gaps filled by estimates (the command line's --fill-gaps). */
    static Inventory readFillingGaps(Path... inputs) {
        return InputStage.prepare(WorkbookImporter.read(List.of(inputs), ImportOptions.defaults()),
                InputStage.Gaps.ESTIMATE);
    }

    /** Issues as their toString: "error: f.xlsx, sheet readings, row 3, column F: message". */
    static List<String> issues(Inventory inv) {
        return inv.issues().stream().map(Issue::toString).collect(Collectors.toList());
    }

    static List<String> errors(Inventory inv) {
        return inv.issues().stream().filter(Issue::isError).map(Issue::toString).collect(Collectors.toList());
    }

    /** Sum of quantities per carrier in the canonical unit of each reading's dimension. */
    static Map<Carrier, BigDecimal> totals(Inventory inv) {
        Map<Carrier, BigDecimal> m = new EnumMap<>(Carrier.class);
        for (Reading r : inv.readings()) {
            BigDecimal canonical = r.unit().toCanonical(r.quantity());
            if (r.carrier() == Carrier.WATER && r.unit().dimension() == org.wattledger.engine.units.Dimension.MASS) {
                canonical = canonical.movePointLeft(3); // 1 t of water = 1 m3: kg → m3
            }
            m.merge(r.carrier(), canonical.stripTrailingZeros(), (a, b) -> a.add(b).stripTrailingZeros());
        }
        return m;
    }

    static String describe(Reading r) {
        return r.site() + "/" + r.meter() + " " + r.carrier().id() + " " + r.from() + ".." + r.to() + " "
                + org.wattledger.engine.units.Exact.strip(r.quantity()).toPlainString() + " " + r.unit().symbol() + " @" + r.source();
    }

    static List<String> describe(Inventory inv) {
        return inv.readings().stream().map(Fixtures::describe).collect(Collectors.toList());
    }
}
