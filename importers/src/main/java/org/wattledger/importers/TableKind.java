package org.wattledger.importers;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.wattledger.engine.model.Aliases;

/** The tables of the input workbook (docs/formats/workbook.md), with the sheet and file names that denote each. */
public enum TableKind {
    READINGS("readings", "reading", "meter readings", "meterreadings", "meters", "读数", "抄表", "抄表数据", "抄表记录",
            "能耗", "能耗数据", "用量", "计量数据", "表计读数"),
    SITES("sites", "site", "站点", "站点信息", "场地", "场站"),
    INSTRUMENTS("instruments", "instrument", "certificates", "eac", "eacs", "绿证", "证书", "绿电", "绿电绿证", "环境权益"),
    TARGETS("targets", "target", "目标", "减排目标"),
    DENOMINATORS("denominators", "denominator", "intensity", "intensities", "分母", "人数", "强度分母", "员工人数"),
    /** Structural changes for base-year recalculation: acquisitions, divestments, corrections. */
    CHANGES("changes", "change", "structural changes", "base year changes", "recalculations", "变更", "结构变更",
            "基准年调整", "基准年重算"),
    CONTRACTS("contracts", "contract", "pue contracts", "合同", "PUE合同", "能效合同"),
    FACTORS("factors", "factor", "emission factors", "因子", "排放因子"),
    /** Sheets that are not tables and are never read: instructions, the template's lists and its examples. */
    INSTRUCTIONS("instructions", "readme", "read me", "help", "lists", "说明", "填写说明", "使用说明", "列表", "examples",
            "example", "示例", "样例", "填写示例");

    private final String id;
    private final String[] aliases;
    private static final Map<String, TableKind> BY_NAME = new LinkedHashMap<>();

    static {
        for (TableKind k : values()) {
            BY_NAME.putIfAbsent(Aliases.key(k.id), k);
            for (String a : k.aliases) {
                BY_NAME.putIfAbsent(Aliases.key(a), k);
            }
        }
    }

    TableKind(String id, String... aliases) {
        this.id = id;
        this.aliases = aliases;
    }

    /** The English table name: readings, sites ... */
    public String id() {
        return id;
    }

    /** The table a sheet name or a file stem denotes ("抄表", "Readings", "readings.csv"), if any. */
    public static Optional<TableKind> byName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String n = name.strip();
        String lower = n.toLowerCase(Locale.ROOT);
        for (String ext : new String[] {".csv", ".tsv", ".txt"}) {
            if (lower.endsWith(ext)) {
                n = n.substring(0, n.length() - ext.length());
            }
        }
        return Optional.ofNullable(BY_NAME.get(Aliases.key(n)));
    }
}
