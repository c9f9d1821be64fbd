package org.wattledger.importers;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes the blank input workbook ({@code template [--lang en|zh] --out FILE.xlsx}): a sheet per
 * table with its headers in English or Chinese and no data, an {@code examples} sheet with one
 * valid example row per table (never read as data), drop-down lists (data validation) for carrier,
 * role, unit, type and the other word columns, and an instructions sheet. The lists live in a
 * hidden sheet {@code lists}. A blank template imports as 0 rows.
 */
public final class TemplateWriter {
    private TemplateWriter() {
    }

    /** The language of the headers and instructions. */
    public enum Language {
        EN, ZH;

        /** "en" or "zh" (also "cn", "zh-CN", "中文"). */
        public static Language parse(String text) {
            String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
            return switch (t) {
                case "en", "english" -> EN;
                case "zh", "zh-cn", "zh_cn", "cn", "chinese", "中文" -> ZH;
                default -> throw new IllegalArgumentException("unknown language '" + text + "' (expected en or zh)");
            };
        }
    }

    private static final int VALIDATED_ROWS = 10_000;

    /** Writes the template to a file. */
    public static void write(Path out, Language language) throws IOException {
        try (OutputStream os = Files.newOutputStream(out)) {
            write(os, language);
        }
    }

    /** Writes the template to a stream (not closed). */
    public static void write(OutputStream out, Language language) throws IOException {
        boolean zh = language == Language.ZH;
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            CellStyle head = wb.createCellStyle();
            Font bold = wb.createFont();
            bold.setBold(true);
            head.setFont(bold);
            CellStyle dateStyle = wb.createCellStyle();
            dateStyle.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));

            Sheet lists = wb.createSheet("lists");
            String[][] listValues = {
                {"carrier", "electricity", "heat", "steam", "cooling", "natural_gas", "diesel", "gasoline", "lpg", "water",
                    "refrigerant", "电力", "热力", "蒸汽", "冷量", "天然气", "柴油", "汽油", "液化石油气", "水", "制冷剂"},
                {"role", "main", "it", "sub", "onsite_renewable", "reuse", "总表", "IT负载", "分表", "光伏", "余热回收"},
                {"unit", "kWh", "MWh", "GWh", "万kWh", "万千瓦时", "度", "MJ", "GJ", "吉焦", "t", "吨", "万吨", "kg", "L",
                    "m3", "万m3", "万立方米", "Nm3", "万Nm3", "tce"},
                {"type", "consumption", "register", "用量", "读数"},
                {"use", "stationary", "mobile", "固定", "移动"},
                {"quality", "measured", "estimated", "实测", "估算"},
                {"event", "read", "close", "open", "拆表", "装表"},
                {"kind", "datacenter", "office", "other", "数据中心", "办公", "其他"},
                {"instrument", "gec", "i-rec", "rec", "go", "green_power_trade", "ppa", "supplier_specific", "绿证",
                    "绿电交易"},
                {"yesno", "yes", "no", "是", "否"},
                {"path", "linear", "sbti_1.5c", "sbti_wb2c"}};
            for (int c = 0; c < listValues.length; c++) {
                for (int r = 0; r < listValues[c].length; r++) {
                    Row row = lists.getRow(r) != null ? lists.getRow(r) : lists.createRow(r);
                    row.createCell(c).setCellValue(listValues[c][r]);
                }
            }

            List<String> readingsHeaders = zh ? List.of("站点", "表计", "能源类型", "气体", "用途", "角色", "开始日期", "结束日期",
                    "用量", "单位", "类型", "倍率", "质量", "备注", "位数", "事件")
                    : List.of("site", "meter", "carrier", "gas", "use", "role", "from", "to", "quantity", "unit", "type",
                            "multiplier", "quality", "note", "register_digits", "event");
            Sheet readings = wb.createSheet(zh ? "读数" : "readings");
            header(readings, head, readingsHeaders);
            validate(readings, listValues, "carrier", 2);
            validate(readings, listValues, "use", 4);
            validate(readings, listValues, "role", 5);
            validate(readings, listValues, "unit", 9, zh ? UNIT_NOTE_ZH : UNIT_NOTE_EN);
            validate(readings, listValues, "type", 10);
            validate(readings, listValues, "quality", 12);
            validate(readings, listValues, "event", 15);

            List<String> sitesHeaders = zh ? List.of("站点", "名称", "区域", "类型", "建筑面积（m²）", "IT容量（kW）")
                    : List.of("site", "name", "region", "kind", "floor_area (m²)", "it_capacity (kW)");
            Sheet sites = wb.createSheet(zh ? "站点" : "sites");
            header(sites, head, sitesHeaders);
            validate(sites, listValues, "kind", 3);

            List<String> instrumentsHeaders = zh ? List.of("编号", "类型", "站点", "市场", "发电开始日期", "发电结束日期",
                    "数量（MWh）", "排放因子", "已注销", "声明方", "备注")
                    : List.of("id", "type", "site", "market", "generation_from", "generation_to", "quantity (MWh)",
                            "factor", "retired", "claimant", "note");
            Sheet instruments = wb.createSheet(zh ? "绿证" : "instruments");
            header(instruments, head, instrumentsHeaders);
            validate(instruments, listValues, "instrument", 1);
            validate(instruments, listValues, "yesno", 8);

            List<String> targetsHeaders = zh ? List.of("编号", "指标", "边界", "基准年", "基准值", "目标年", "目标值", "减排比例",
                    "路径")
                    : List.of("id", "metric", "boundary", "base_year", "base_value", "target_year", "target_value",
                            "reduction_pct", "path");
            Sheet targets = wb.createSheet(zh ? "目标" : "targets");
            header(targets, head, targetsHeaders);
            validate(targets, listValues, "path", 8);

            List<String> denominatorsHeaders = zh ? List.of("边界", "开始日期", "结束日期", "名称", "数值", "单位")
                    : List.of("boundary", "from", "to", "name", "value", "unit");
            Sheet denominators = wb.createSheet(zh ? "分母" : "denominators");
            header(denominators, head, denominatorsHeaders);

            List<String> factorsHeaders = List.of("id", "carrier", "kind", "gas", "value", "unit", "region", "valid_from",
                    "valid_to", "source", "version");
            Sheet factors = wb.createSheet(zh ? "因子" : "factors");
            header(factors, head, factorsHeaders);
            validate(factors, listValues, "carrier", 1);

            // The example rows live in a sheet of their own that the importer never reads (a sheet named
            // examples / 示例 is, like the instructions, not a table): a blank template holds no data.
            Sheet examples = wb.createSheet(zh ? "示例" : "examples");
            int at = 0;
            examples.createRow(at++).createCell(0).setCellValue(zh ? EXAMPLES_NOTE_ZH : EXAMPLES_NOTE_EN);
            LocalDate jan1 = LocalDate.of(2022, 1, 1);
            at = example(examples, at, head, dateStyle, readings.getSheetName(), readingsHeaders, "DC1", "M1",
                    zh ? "电力" : "electricity", null, null, zh ? "总表" : "main", jan1, LocalDate.of(2022, 1, 31), 125000,
                    "kWh", zh ? "用量" : "consumption", null, zh ? "实测" : "measured", zh ? "一月电费单" : "January bill");
            at = example(examples, at, head, dateStyle, sites.getSheetName(), sitesHeaders, "DC1",
                    zh ? "北京一号数据中心" : "Beijing data centre 1", "CN-BJ", zh ? "数据中心" : "datacenter", 12000, 8000);
            at = example(examples, at, head, dateStyle, instruments.getSheetName(), instrumentsHeaders, "GEC-2022-001",
                    "gec", "DC1", "CN", jan1, LocalDate.of(2022, 12, 31), 500, 0, zh ? "是" : "yes",
                    zh ? "示例公司" : "Example Ltd");
            at = example(examples, at, head, dateStyle, targets.getSheetName(), targetsHeaders, "T1", "scope1_2", "*",
                    2021, null, 2030, null, 42, "linear");
            at = example(examples, at, head, dateStyle, denominators.getSheetName(), denominatorsHeaders, "*", jan1,
                    LocalDate.of(2022, 12, 31), "headcount", 1200, zh ? "人" : "person");
            example(examples, at, head, dateStyle, factors.getSheetName(), factorsHeaders, "my.grid.2022", "electricity",
                    "emission", "CO2e", 0.5703, "t/MWh", "CN-BJ", jan1, null, "supplier letter 2023-03", "1");
            for (int c = 0; c < readingsHeaders.size(); c++) {
                examples.setColumnWidth(c, 16 * 256);
            }

            Sheet help = wb.createSheet(zh ? "说明" : "instructions");
            String[] lines = zh ? INSTRUCTIONS_ZH : INSTRUCTIONS_EN;
            for (int i = 0; i < lines.length; i++) {
                help.createRow(i).createCell(0).setCellValue(lines[i]);
            }
            help.setColumnWidth(0, 120 * 256);

            for (Sheet sh : List.of(readings, sites, instruments, targets, denominators, factors)) {
                sh.createFreezePane(0, 1);
                for (int c = 0; c < sh.getRow(0).getLastCellNum(); c++) {
                    sh.setColumnWidth(c, 16 * 256);
                }
            }
            wb.setSheetOrder(readings.getSheetName(), 0);
            wb.setSheetOrder("lists", wb.getNumberOfSheets() - 1);
            wb.setSheetHidden(wb.getSheetIndex("lists"), true);
            wb.setActiveSheet(0);
            wb.setSelectedTab(0);
            wb.getProperties().getCoreProperties().setCreator("wattledger");
            wb.getProperties().getCoreProperties().setCreated(java.util.Optional.of(java.util.Date.from(
                    java.time.Instant.parse("2026-01-01T00:00:00Z"))));
            wb.write(out);
        }
    }

    private static void header(Sheet sheet, CellStyle style, List<String> names) {
        Row row = sheet.createRow(0);
        for (int c = 0; c < names.size(); c++) {
            row.createCell(c).setCellValue(names.get(c));
            row.getCell(c).setCellStyle(style);
        }
    }

    /** One table's example in the examples sheet: the sheet's name, its header row, one row; returns the next free row. */
    private static int example(Sheet examples, int at, CellStyle head, CellStyle dateStyle, String sheetName,
            List<String> headers, Object... values) {
        Row title = examples.createRow(at + 1);
        title.createCell(0).setCellValue(sheetName);
        title.getCell(0).setCellStyle(head);
        Row names = examples.createRow(at + 2);
        for (int c = 0; c < headers.size(); c++) {
            names.createCell(c).setCellValue(headers.get(c));
        }
        Row row = examples.createRow(at + 3);
        for (int c = 0; c < values.length; c++) {
            Object v = values[c];
            if (v instanceof String t) {
                row.createCell(c).setCellValue(t);
            } else if (v instanceof Number n) {
                row.createCell(c).setCellValue(n.doubleValue());
            } else if (v instanceof LocalDate d) {
                row.createCell(c).setCellValue(d);
                row.getCell(c).setCellStyle(dateStyle);
            }
        }
        return at + 4;
    }

    private static void validate(Sheet sheet, String[][] lists, String name, int column) {
        validate(sheet, lists, name, column, null);
    }

    /** A drop-down list on a column; {@code note}, if given, shows when one of its cells is selected. */
    private static void validate(Sheet sheet, String[][] lists, String name, int column, String note) {
        int listColumn = -1;
        int length = 0;
        for (int c = 0; c < lists.length; c++) {
            if (lists[c][0].equals(name)) {
                listColumn = c;
                length = lists[c].length;
            }
        }
        String letter = org.wattledger.engine.model.SourceRef.columnLetter(listColumn);
        DataValidationHelper helper = sheet.getDataValidationHelper();
        DataValidationConstraint constraint = helper.createFormulaListConstraint(
                "lists!$" + letter + "$2:$" + letter + "$" + length);
        DataValidation v = helper.createValidation(constraint, new CellRangeAddressList(1, VALIDATED_ROWS, column,
                column));
        v.setShowErrorBox(false);
        v.setSuppressDropDownArrow(true);
        if (note != null) {
            v.createPromptBox(name, note);
            v.setShowPromptBox(true);
        }
        sheet.addValidationData(v);
    }

    private static final String EXAMPLES_NOTE_EN = "Example rows, one per sheet. This sheet is never read as data:"
            + " copy a row into the sheet named above it and change it.";
    private static final String EXAMPLES_NOTE_ZH = "每个工作表的示例行。本工作表不会作为数据读取：请把示例行复制到其上方所写的工作表中再修改。";

    /** Litres and cubic metres of a liquid fuel need a density with the bundled sets (under 255 characters: Excel's limit). */
    static final String UNIT_NOTE_EN = "L or m3 of diesel, gasoline or LPG: the bundled CN and IPCC factors are per"
            + " tonne, so give kg or t, or add a density row (kind density, e.g. kg/L) to the factors sheet.";
    static final String UNIT_NOTE_ZH = "柴油、汽油、液化石油气以 L 或 m3 计量时：内置的中国和 IPCC 因子按吨给出，请填 kg 或 t，"
            + "或在因子表中加一行密度（kind 为 density，单位如 kg/L）。";

    private static final String[] INSTRUCTIONS_EN = {
        "wattledger input workbook",
        "",
        "Fill one row per meter reading in the sheet 'readings'; the other sheets are optional.",
        "Required reading columns: site, meter, carrier, from, to, quantity and unit (or a unit in the quantity header,"
            + " such as quantity (MWh)).",
        "A date alone in 'to' includes that whole day (2022-01-01 to 2022-01-31 is January); a date-time is the"
            + " exclusive end.",
        "Numbers may have thousands separators and a unit in the cell (1,234 kWh, 12.5万kWh). Text that is not a number"
            + " is an error, never 0.",
        "type = register: the quantity is a cumulative meter reading; consumption is the difference between successive"
            + " readings × multiplier. Give register_digits to allow a rollover; event close/open marks a meter exchange.",
        "Rows whose site or meter says Total / 合计 are left out. Title rows above the header are allowed.",
        "A wide layout also works: site, meter, carrier, unit, year and one column per month (1月…12月 or Jan…Dec).",
        "Drop-down lists offer the accepted words; Chinese names are accepted too.",
        "The sheet 'examples' shows one example row per sheet; it is never read as data.",
        "Units: L and m3 of a liquid fuel (diesel, gasoline, LPG) cannot be computed with the bundled CN and IPCC"
            + " factors, which are per tonne: give kg or t, or add a density row (kind density, unit kg/L, with its"
            + " source) to the factors sheet. Per-litre factors exist in the UK (DESNZ) and per-gallon in the US (EPA) sets.",
        "Region: a code (CN-GD, CN-NORTH, CN, GB, US-CAMX) or a Chinese province by name (广东, 广东省, Guangdong).",
        "Full reference: docs/formats/workbook.md."};

    private static final String[] INSTRUCTIONS_ZH = {
        "wattledger 数据模板",
        "",
        "在“读数”表中每行填写一条抄表或用量记录；其他工作表可选。",
        "必填列：站点、表计、能源类型、开始日期、结束日期、用量、单位（也可把单位写在用量列标题中，如 用量（万千瓦时））。",
        "结束日期只写日期时包含当天（2022-01-01 至 2022-01-31 即一月）；写到时刻时为不含该时刻的结束点。",
        "数字可带千位分隔符和单位（1,234 kWh、12.5万千瓦时）。非数字文本会报错，绝不当作 0。",
        "类型为“读数”（register）时，用量为表底数，用量 = 相邻两次读数之差 × 倍率；填写位数可识别翻转，事件 拆表/装表 表示换表。",
        "站点或表计为“合计”“总计”的行不计入。标题行可以在表头之上。",
        "也可用宽表：站点、表计、能源类型、单位、年份，加 1月…12月 十二列。",
        "下拉列表给出可用的词；英文和中文名称均可。",
        "“示例”工作表给出每个工作表的一行示例，不会作为数据读取。",
        "单位：液体燃料（柴油、汽油、液化石油气）以 L 或 m3 计量时，内置的中国和 IPCC 因子按吨给出，无法计算：请填 kg 或 t，"
            + "或在因子表中加一行密度（kind 为 density，单位 kg/L，并注明来源）。英国（DESNZ）有按升、美国（EPA）有按加仑的因子。",
        "区域：填代码（CN-GD、CN-NORTH、CN、GB、US-CAMX）或省级行政区名称（广东、广东省、Guangdong）。",
        "完整说明见 docs/formats/workbook.md。"};
}
