package org.wattledger.importers;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The columns of each table and the header words that name them, in English and Chinese. A
 * header is matched case-insensitively, ignoring spaces, underscores, hyphens and a unit in
 * brackets ({@code quantity (MWh)}, {@code 用量（万千瓦时）}, {@code 面积【m²】}); the unit is kept
 * for the column.
 */
final class Columns {
    private Columns() {
    }

    static final Map<String, String> READINGS = table(
            col("site", "site", "site id", "site code", "站点", "站点编号", "站点代码", "场地", "厂区", "园区"),
            col("meter", "meter", "meter id", "meter no", "meter number", "meter code", "表计", "表号", "表计编号",
                    "表计名称", "表计号", "电表", "电表编号", "仪表", "计量表", "计量点"),
            col("carrier", "carrier", "energy", "energy type", "energy carrier", "fuel", "fuel type", "commodity",
                    "utility", "能源类型", "能源品种", "能源种类", "能源", "品种", "介质", "能源名称"),
            col("gas", "gas", "refrigerant", "refrigerant type", "气体", "制冷剂", "制冷剂种类", "制冷剂类型"),
            col("use", "use", "combustion", "source type", "用途", "燃烧类型", "排放源类型"),
            col("role", "role", "meter role", "角色", "表计角色", "表计类型", "计量类型"),
            col("measurement_point", "measurement point", "it measurement point", "metering point", "测量点", "计量位置",
                    "IT计量点"),
            col("zone", "zone", "subsystem", "room", "data hall", "分区", "区域", "机房", "模块"),
            col("from", "from", "start", "start date", "start time", "period start", "begin", "date from", "开始日期",
                    "起始日期", "开始时间", "起始时间", "开始", "起始"),
            col("to", "to", "end", "end date", "end time", "period end", "date to", "until", "date", "reading date",
                    "read date", "结束日期", "截止日期", "结束时间", "截止时间", "结束", "截止", "日期", "抄表日期", "抄表时间"),
            col("quantity", "quantity", "value", "amount", "consumption", "usage", "reading", "qty", "用量", "读数",
                    "数量", "消耗量", "消费量", "用电量", "用水量", "用气量", "耗电量", "数值", "示数", "表底数", "表读数"),
            col("unit", "unit", "units", "uom", "unit of measure", "单位", "计量单位"),
            col("type", "type", "reading type", "类型", "读数类型", "数据类型"),
            col("multiplier", "multiplier", "meter constant", "ct ratio", "constant", "倍率", "乘率", "变比", "综合倍率"),
            col("quality", "quality", "data quality", "质量", "数据质量"),
            col("note", "note", "notes", "comment", "comments", "remark", "remarks", "备注", "说明"),
            col("register_digits", "register digits", "digits", "register size", "位数", "表位数", "计数器位数"),
            col("event", "event", "register event", "事件", "换表", "换表标记"),
            col("year", "year", "年份", "年度", "年"),
            col("month", "month", "period", "billing period", "月份", "期间", "账期"));

    static final Map<String, String> SITES = table(
            col("site", "site", "id", "site id", "site code", "站点", "站点编号", "站点代码", "编号"),
            col("name", "name", "site name", "名称", "站点名称"),
            col("region", "region", "grid region", "grid", "区域", "地区", "电网区域", "电网"),
            col("kind", "kind", "type", "site type", "类型", "站点类型"),
            col("floor_area", "floor area", "area", "gross floor area", "面积", "建筑面积"),
            col("it_capacity", "it capacity", "it load capacity", "it load", "IT容量", "IT负载容量", "IT设计容量"),
            col("in_service_from", "in service from", "in service", "commissioned", "installed", "投运日期", "启用日期",
                    "投产日期"),
            col("in_service_to", "in service to", "decommissioned", "removed", "停运日期", "停用日期", "退役日期"),
            col("timezone", "timezone", "time zone", "tz", "时区"));

    static final Map<String, String> INSTRUMENTS = table(
            col("id", "id", "certificate id", "instrument id", "编号", "证书编号"),
            col("type", "type", "instrument", "instrument type", "类型", "工具类型"),
            col("site", "site", "站点"),
            col("market", "market", "market boundary", "市场", "市场边界"),
            col("generation_from", "generation from", "vintage from", "generation start", "发电开始日期", "生产开始日期",
                    "发电起始日期"),
            col("generation_to", "generation to", "vintage to", "generation end", "发电结束日期", "生产结束日期",
                    "发电截止日期"),
            col("quantity", "quantity", "amount", "volume", "数量", "电量"),
            col("factor", "factor", "emission factor", "排放因子", "因子"),
            col("retired", "retired", "cancelled", "canceled", "redeemed", "已注销", "注销", "已核销"),
            col("claimant", "claimant", "beneficiary", "owner", "声明方", "受益方", "持有方"),
            col("note", "note", "notes", "comment", "remark", "备注", "说明"));

    static final Map<String, String> TARGETS = table(
            col("id", "id", "target id", "编号"),
            col("metric", "metric", "indicator", "指标"),
            col("boundary", "boundary", "sites", "边界", "范围"),
            col("base_year", "base year", "基准年"),
            col("base_value", "base value", "baseline", "基准值"),
            col("target_year", "target year", "目标年"),
            col("target_value", "target value", "target", "目标值"),
            col("reduction_pct", "reduction pct", "reduction percent", "reduction", "reduction %", "减排比例", "降幅",
                    "下降比例", "减排幅度"),
            col("path", "path", "pathway", "路径"),
            col("unit", "unit", "units", "单位"));

    static final Map<String, String> DENOMINATORS = table(
            col("boundary", "boundary", "site", "边界", "站点", "范围"),
            col("from", "from", "start", "start date", "开始日期", "起始日期"),
            col("to", "to", "end", "end date", "结束日期", "截止日期"),
            col("year", "year", "年份", "年度", "年"),
            col("name", "name", "denominator", "metric", "名称", "指标"),
            col("value", "value", "quantity", "数值", "值", "数量"),
            col("unit", "unit", "单位"));

    static final Map<String, String> CHANGES = table(
            col("type", "type", "change", "kind", "类型", "变更类型"),
            col("date", "date", "effective date", "effective", "日期", "生效日期"),
            col("sites", "sites", "site", "boundary", "affected sites", "站点", "涉及站点", "边界"),
            col("emissions", "emissions", "co2e", "emissions t co2e", "排放量", "排放"),
            col("note", "note", "notes", "comment", "remark", "备注", "说明"));
    static final Map<String, String> CONTRACTS = table(
            col("site", "site", "站点"),
            col("counterparty", "counterparty", "customer", "provider", "supplier", "对方", "客户", "服务商"),
            col("target_pue", "target pue", "pue target", "目标PUE", "PUE目标"),
            col("amount_per_0.01", "amount per 0.01", "amount per step", "amount", "每0.01金额", "金额"),
            col("currency", "currency", "币种", "货币"),
            col("cap", "cap", "maximum", "limit", "上限", "封顶"),
            col("basis", "basis", "settlement", "period", "结算方式", "结算周期"),
            col("from", "from", "start", "start date", "开始日期", "起始日期"),
            col("to", "to", "end", "end date", "结束日期", "截止日期"));

    static Map<String, String> forKind(TableKind kind) {
        return switch (kind) {
            case READINGS -> READINGS;
            case SITES -> SITES;
            case INSTRUMENTS -> INSTRUMENTS;
            case TARGETS -> TARGETS;
            case DENOMINATORS -> DENOMINATORS;
            case CHANGES -> CHANGES;
            case CONTRACTS -> CONTRACTS;
            default -> Map.of();
        };
    }

    private static String[] col(String canonical, String... aliases) {
        String[] out = new String[aliases.length + 2];
        out[0] = canonical;
        out[1] = canonical;
        System.arraycopy(aliases, 0, out, 2, aliases.length);
        return out;
    }

    private static Map<String, String> table(String[]... cols) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String[] c : cols) {
            for (int i = 1; i < c.length; i++) {
                m.putIfAbsent(key(c[i]), c[0]);
            }
        }
        return m;
    }

    /** A header split into its matching key and the unit written in brackets (or null). */
    record Split(String key, String unit) {
    }

    /** Normalised header text: NFKC, lower case, without spaces, underscores, hyphens, dots, colons. */
    static String key(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || c == '_' || c == '-' || c == '.' || c == ':' || c == '*' || c == '#'
                    || c == '\u3000') {
                continue;
            }
            sb.append(c);
        }
        return sb.toString();
    }

    static Split split(String header) {
        String s = Normalizer.normalize(header, Normalizer.Form.NFKC).strip();
        String unit = null;
        int open = indexOfAny(s, "([【〔");
        if (open >= 0) {
            char o = s.charAt(open);
            char close = switch (o) {
                case '(' -> ')';
                case '[' -> ']';
                case '【' -> '】';
                default -> '〕';
            };
            int end = s.indexOf(close, open + 1);
            String inside = end < 0 ? s.substring(open + 1) : s.substring(open + 1, end);
            unit = inside.strip();
            s = (s.substring(0, open) + (end < 0 ? "" : s.substring(end + 1))).strip();
        }
        return new Split(key(s), unit == null || unit.isEmpty() ? null : unit);
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    /** The columns a header row names. */
    static final class Header {
        final Map<String, Integer> columns = new LinkedHashMap<>();
        final Map<Integer, String> units = new LinkedHashMap<>();
        final Map<Integer, int[]> months = new LinkedHashMap<>();
        final List<String> notes = new ArrayList<>();
        final List<int[]> unknown = new ArrayList<>();
        final int row;

        Header(int row) {
            this.row = row;
        }

        int col(String canonical) {
            Integer c = columns.get(canonical);
            return c == null ? -1 : c;
        }

        boolean has(String canonical) {
            return columns.containsKey(canonical);
        }
    }

    /**
     * Matches a row against a table's columns. Unmatched text cells are tried as "name unit"
     * ("用量/万千瓦时", "consumption kWh"), then as month headers when {@code dates} is given.
     */
    static Header match(CellRow row, Map<String, String> table, Dates dates) {
        Header h = new Header(row.number);
        for (int c = 0; c < row.width(); c++) {
            if (row.isBlank(c)) {
                continue;
            }
            byte kind = row.kind(c);
            String text = row.text(c);
            String canonical = null;
            String unit = null;
            if (kind == CellRow.TEXT) {
                Split sp = split(text);
                canonical = table.get(sp.key());
                unit = sp.unit();
                if (canonical == null) {
                    String norm = Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
                    int cut = Math.max(norm.lastIndexOf('/'), norm.lastIndexOf(' '));
                    if (cut > 0 && cut < norm.length() - 1) {
                        String left = table.get(key(norm.substring(0, cut)));
                        String right = norm.substring(cut + 1).strip();
                        if (left != null && org.wattledger.engine.units.UnitParser.tryParse(right).isPresent()) {
                            canonical = left;
                            unit = right;
                        }
                    }
                }
            }
            if (canonical != null) {
                if (h.columns.containsKey(canonical)) {
                    h.notes.add(c + "\u0000" + canonical);
                } else {
                    h.columns.put(canonical, c);
                    if (unit != null) {
                        h.units.put(c, unit);
                    }
                }
                continue;
            }
            if (dates != null && (kind == CellRow.TEXT || kind == CellRow.NUMBER)) {
                String monthText = text;
                String monthUnit = null;
                if (kind == CellRow.TEXT) {
                    Split sp = split(text);
                    if (sp.unit() != null) {
                        monthUnit = sp.unit();
                        monthText = Normalizer.normalize(text, Normalizer.Form.NFKC);
                        monthText = monthText.substring(0, indexOfAny(monthText, "([【〔")).strip();
                    }
                }
                int[] ym = Dates.monthHeader(monthText, kind, dates);
                if (ym != null) {
                    h.months.put(c, ym);
                    if (monthUnit != null) {
                        h.units.put(c, monthUnit);
                    }
                    continue;
                }
            }
            h.unknown.add(new int[] {c});
        }
        return h;
    }
}
