package org.wattledger.importers;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes the blank input workbook ({@code template [--lang en|zh] --out FILE.xlsx}): a sheet per
 * table of docs/formats/workbook.md with its headers in English or Chinese, one example row each,
 * drop-down lists (data validation) for carrier, role, unit, type and the other word columns, and
 * an instructions sheet. The lists live in a hidden sheet {@code lists}. The template imports
 * cleanly: its example rows are valid input.
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

            Sheet readings = wb.createSheet(zh ? "读数" : "readings");
            header(readings, head, zh ? List.of("站点", "表计", "能源类型", "气体", "用途", "角色", "开始日期", "结束日期", "用量",
                    "单位", "类型", "倍率", "质量", "备注", "位数", "事件")
                    : List.of("site", "meter", "carrier", "gas", "use", "role", "from", "to", "quantity", "unit", "type",
                            "multiplier", "quality", "note", "register_digits", "event"));
            Row r1 = readings.createRow(1);
            r1.createCell(0).setCellValue("DC1");
            r1.createCell(1).setCellValue("M1");
            r1.createCell(2).setCellValue(zh ? "电力" : "electricity");
            r1.createCell(5).setCellValue(zh ? "总表" : "main");
            date(r1, 6, "2022-01-01", dateStyle);
            date(r1, 7, "2022-01-31", dateStyle);
            r1.createCell(8).setCellValue(125000);
            r1.createCell(9).setCellValue("kWh");
            r1.createCell(10).setCellValue(zh ? "用量" : "consumption");
            r1.createCell(12).setCellValue(zh ? "实测" : "measured");
            r1.createCell(13).setCellValue(zh ? "一月电费单" : "January bill");
            validate(readings, listValues, "carrier", 2);
            validate(readings, listValues, "use", 4);
            validate(readings, listValues, "role", 5);
            validate(readings, listValues, "unit", 9);
            validate(readings, listValues, "type", 10);
            validate(readings, listValues, "quality", 12);
            validate(readings, listValues, "event", 15);

            Sheet sites = wb.createSheet(zh ? "站点" : "sites");
            header(sites, head, zh ? List.of("站点", "名称", "区域", "类型", "建筑面积（m²）", "IT容量（kW）")
                    : List.of("site", "name", "region", "kind", "floor_area (m²)", "it_capacity (kW)"));
            Row s1 = sites.createRow(1);
            s1.createCell(0).setCellValue("DC1");
            s1.createCell(1).setCellValue(zh ? "北京一号数据中心" : "Beijing data centre 1");
            s1.createCell(2).setCellValue("CN-BJ");
            s1.createCell(3).setCellValue(zh ? "数据中心" : "datacenter");
            s1.createCell(4).setCellValue(12000);
            s1.createCell(5).setCellValue(8000);
            validate(sites, listValues, "kind", 3);

            Sheet instruments = wb.createSheet(zh ? "绿证" : "instruments");
            header(instruments, head, zh ? List.of("编号", "类型", "站点", "市场", "发电开始日期", "发电结束日期", "数量（MWh）",
                    "排放因子", "已注销", "声明方", "备注")
                    : List.of("id", "type", "site", "market", "generation_from", "generation_to", "quantity (MWh)",
                            "factor", "retired", "claimant", "note"));
            Row i1 = instruments.createRow(1);
            i1.createCell(0).setCellValue("GEC-2022-001");
            i1.createCell(1).setCellValue("gec");
            i1.createCell(2).setCellValue("DC1");
            i1.createCell(3).setCellValue("CN");
            date(i1, 4, "2022-01-01", dateStyle);
            date(i1, 5, "2022-12-31", dateStyle);
            i1.createCell(6).setCellValue(500);
            i1.createCell(7).setCellValue(0);
            i1.createCell(8).setCellValue(zh ? "是" : "yes");
            i1.createCell(9).setCellValue(zh ? "示例公司" : "Example Ltd");
            validate(instruments, listValues, "instrument", 1);
            validate(instruments, listValues, "yesno", 8);

            Sheet targets = wb.createSheet(zh ? "目标" : "targets");
            header(targets, head, zh ? List.of("编号", "指标", "边界", "基准年", "基准值", "目标年", "目标值", "减排比例", "路径")
                    : List.of("id", "metric", "boundary", "base_year", "base_value", "target_year", "target_value",
                            "reduction_pct", "path"));
            Row t1 = targets.createRow(1);
            t1.createCell(0).setCellValue("T1");
            t1.createCell(1).setCellValue("scope1_2");
            t1.createCell(2).setCellValue("*");
            t1.createCell(3).setCellValue(2021);
            t1.createCell(5).setCellValue(2030);
            t1.createCell(7).setCellValue(42);
            t1.createCell(8).setCellValue("linear");
            validate(targets, listValues, "path", 8);

            Sheet denominators = wb.createSheet(zh ? "分母" : "denominators");
            header(denominators, head, zh ? List.of("边界", "开始日期", "结束日期", "名称", "数值", "单位")
                    : List.of("boundary", "from", "to", "name", "value", "unit"));
            Row d1 = denominators.createRow(1);
            d1.createCell(0).setCellValue("*");
            date(d1, 1, "2022-01-01", dateStyle);
            date(d1, 2, "2022-12-31", dateStyle);
            d1.createCell(3).setCellValue("headcount");
            d1.createCell(4).setCellValue(1200);
            d1.createCell(5).setCellValue(zh ? "人" : "person");

            Sheet factors = wb.createSheet(zh ? "因子" : "factors");
            header(factors, head, List.of("id", "carrier", "kind", "gas", "value", "unit", "region", "valid_from",
                    "valid_to", "source", "version"));
            Row f1 = factors.createRow(1);
            String[] f = {"my.grid.2022", "electricity", "emission", "CO2e", "", "t/MWh", "CN-BJ", "", "",
                "supplier letter 2023-03", "1"};
            for (int c = 0; c < f.length; c++) {
                if (!f[c].isEmpty()) {
                    f1.createCell(c).setCellValue(f[c]);
                }
            }
            f1.createCell(4).setCellValue(0.5703);
            date(f1, 7, "2022-01-01", dateStyle);
            validate(factors, listValues, "carrier", 1);

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

    private static void date(Row row, int column, String iso, CellStyle style) {
        row.createCell(column).setCellValue(java.time.LocalDate.parse(iso));
        row.getCell(column).setCellStyle(style);
    }

    private static void validate(Sheet sheet, String[][] lists, String name, int column) {
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
        sheet.addValidationData(v);
    }

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
        "完整说明见 docs/formats/workbook.md。"};
}
