package org.wattledger.engine.factor;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Region codes and their fall-back chains. Codes are ISO 3166-1 country codes (CN, GB, US),
 * ISO 3166-2:CN province-level codes (CN-BJ, CN-GD), the seven Chinese regional grids (CN-NORTH,
 * CN-NORTHEAST, CN-EAST, CN-CENTRAL, CN-NORTHWEST, CN-SOUTH, CN-SOUTHWEST, as in the MEE/NBS
 * factor announcements) and eGRID subregions (US-CAMX, US-NYUP ...). A Chinese province falls back
 * to its regional grid, every code to its country, and the country to {@code *}.
 *
 * <p>{@link #parse} is the one place a region as a user writes it (a code, or a Chinese province
 * in Chinese or English, with or without 省/市/自治区) becomes a code.
 */
public final class Regions {
    public static final String ANY = "*";

    /** Province → regional grid, as the MEE/NBS 2022 electricity factors group them. */
    private static final Map<String, String> CN_GRID = Map.ofEntries(
            Map.entry("CN-BJ", "CN-NORTH"), Map.entry("CN-TJ", "CN-NORTH"), Map.entry("CN-HE", "CN-NORTH"),
            Map.entry("CN-SX", "CN-NORTH"), Map.entry("CN-SD", "CN-NORTH"), Map.entry("CN-NM", "CN-NORTH"),
            Map.entry("CN-LN", "CN-NORTHEAST"), Map.entry("CN-JL", "CN-NORTHEAST"), Map.entry("CN-HL", "CN-NORTHEAST"),
            Map.entry("CN-SH", "CN-EAST"), Map.entry("CN-JS", "CN-EAST"), Map.entry("CN-ZJ", "CN-EAST"),
            Map.entry("CN-AH", "CN-EAST"), Map.entry("CN-FJ", "CN-EAST"),
            Map.entry("CN-HA", "CN-CENTRAL"), Map.entry("CN-HB", "CN-CENTRAL"), Map.entry("CN-HN", "CN-CENTRAL"),
            Map.entry("CN-JX", "CN-CENTRAL"),
            Map.entry("CN-SN", "CN-NORTHWEST"), Map.entry("CN-GS", "CN-NORTHWEST"), Map.entry("CN-QH", "CN-NORTHWEST"),
            Map.entry("CN-NX", "CN-NORTHWEST"), Map.entry("CN-XJ", "CN-NORTHWEST"),
            Map.entry("CN-GD", "CN-SOUTH"), Map.entry("CN-GX", "CN-SOUTH"), Map.entry("CN-YN", "CN-SOUTH"),
            Map.entry("CN-GZ", "CN-SOUTH"), Map.entry("CN-HI", "CN-SOUTH"),
            Map.entry("CN-SC", "CN-SOUTHWEST"), Map.entry("CN-CQ", "CN-SOUTHWEST"), Map.entry("CN-XZ", "CN-SOUTHWEST"));

    /** Chinese suffixes and ethnic qualifiers a full name carries: 广西壮族自治区 → 广西. */
    private static final Pattern ZH_SUFFIX = Pattern.compile(
            "(省|市|特别行政区|(壮族|回族|维吾尔)?自治区)$");

    /** English designations: "Guangxi Zhuang Autonomous Region" → "guangxi". */
    private static final Pattern EN_SUFFIX = Pattern.compile(
            "\\b(province|municipality|city|(zhuang|hui|uyghur|uygur|uighur)? ?autonomous region|special administrative region|sar)$");

    /**
     * Every province-level division by code, with its short Chinese name and its English names
     * (ISO 3166-2:CN, 2017 codes). Hong Kong, Macao and Taiwan have grids of their own, so they
     * take their ISO 3166-1 codes (HK, MO, TW): a mainland factor never applies to them through the
     * CN fall-back.
     */
    private static final Map<String, List<String>> NAMES = names();

    /** Normalised name → code. */
    private static final Map<String, String> BY_NAME = byName();

    private static final Pattern CODE = Pattern.compile("[A-Z]{2}(-[A-Z0-9]{1,12})?");

    /** ISO 3166-1 alpha-2 codes, as the JDK knows them. */
    private static final java.util.Set<String> COUNTRIES = java.util.Set.of(Locale.getISOCountries());

    private Regions() {
    }

    /** Upper-case, trimmed. */
    public static String normalise(String code) {
        return code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
    }

    /**
     * A region as written in a sites table or a factor sheet, as a code: {@code *}, a code
     * (CN-GD, cn-nm, GB, US-CAMX), or a Chinese province-level division, regional grid or China
     * itself by name (广东, 广东省, Guangdong, Guangdong Province, 内蒙古自治区, Inner Mongolia, 华北,
     * 中国). Empty when the text is none of these, including a CN- code that is neither a province
     * nor a grid (CN-GUANGDONG).
     */
    public static Optional<String> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
        if (t.equals(ANY)) {
            return Optional.of(ANY);
        }
        String byName = BY_NAME.get(key(t));
        if (byName != null) {
            return Optional.of(byName);
        }
        String code = t.toUpperCase(Locale.ROOT).replace('_', '-');
        if (!CODE.matcher(code).matches()) {
            return Optional.empty();
        }
        if (!COUNTRIES.contains(country(code))) {
            return Optional.empty();
        }
        if (code.startsWith("CN-")) {
            return NAMES.containsKey(code) || CN_GRID.containsValue(code) ? Optional.of(code) : Optional.empty();
        }
        return Optional.of(code);
    }

    /** The English name of a code that has one (Guangdong for CN-GD), else empty. */
    public static Optional<String> name(String code) {
        List<String> names = NAMES.get(normalise(code));
        return names == null ? Optional.empty() : Optional.of(names.get(1));
    }

    /** The country part: CN for CN-BJ, US for US-CAMX. */
    public static String country(String region) {
        String r = normalise(region);
        int dash = r.indexOf('-');
        return dash < 0 ? r : r.substring(0, dash);
    }

    /** The region itself, then each coarser region, ending with {@code *}: CN-BJ, CN-NORTH, CN, *. */
    public static List<String> chain(String region) {
        String r = normalise(region);
        List<String> chain = new ArrayList<>();
        if (r.isEmpty() || r.equals(ANY)) {
            chain.add(ANY);
            return chain;
        }
        chain.add(r);
        String grid = CN_GRID.get(r);
        if (grid != null) {
            chain.add(grid);
        }
        String country = country(r);
        if (!country.equals(r)) {
            chain.add(country);
        }
        chain.add(ANY);
        return chain;
    }

    /** True when a market boundary (CN, CN-SOUTH, US-CAMX) contains a site's region. */
    public static boolean within(String siteRegion, String market) {
        return chain(siteRegion).contains(normalise(market));
    }

    /** Lower case, designations and qualifiers dropped, no spaces, hyphens, dots or apostrophes. */
    private static String key(String name) {
        String s = name.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s\\-.'’_]+", " ").strip();
        s = ZH_SUFFIX.matcher(s).replaceAll("");
        s = EN_SUFFIX.matcher(s).replaceAll("").strip();
        return s.replace(" ", "");
    }

    private static void put(Map<String, List<String>> m, String code, String... names) {
        m.put(code, List.of(names));
    }

    private static Map<String, List<String>> names() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        put(m, "CN-AH", "安徽", "Anhui");
        put(m, "CN-BJ", "北京", "Beijing", "Peking");
        put(m, "CN-CQ", "重庆", "Chongqing");
        put(m, "CN-FJ", "福建", "Fujian");
        put(m, "CN-GD", "广东", "Guangdong");
        put(m, "CN-GS", "甘肃", "Gansu");
        put(m, "CN-GX", "广西", "Guangxi");
        put(m, "CN-GZ", "贵州", "Guizhou");
        put(m, "CN-HA", "河南", "Henan");
        put(m, "CN-HB", "湖北", "Hubei");
        put(m, "CN-HE", "河北", "Hebei");
        put(m, "CN-HI", "海南", "Hainan");
        put(m, "CN-HL", "黑龙江", "Heilongjiang");
        put(m, "CN-HN", "湖南", "Hunan");
        put(m, "CN-JL", "吉林", "Jilin");
        put(m, "CN-JS", "江苏", "Jiangsu");
        put(m, "CN-JX", "江西", "Jiangxi");
        put(m, "CN-LN", "辽宁", "Liaoning");
        put(m, "CN-NM", "内蒙古", "Inner Mongolia", "Nei Mongol", "Neimenggu");
        put(m, "CN-NX", "宁夏", "Ningxia");
        put(m, "CN-QH", "青海", "Qinghai");
        put(m, "CN-SC", "四川", "Sichuan");
        put(m, "CN-SD", "山东", "Shandong");
        put(m, "CN-SH", "上海", "Shanghai");
        put(m, "CN-SN", "陕西", "Shaanxi");
        put(m, "CN-SX", "山西", "Shanxi");
        put(m, "CN-TJ", "天津", "Tianjin");
        put(m, "CN-XJ", "新疆", "Xinjiang");
        put(m, "CN-XZ", "西藏", "Tibet", "Xizang");
        put(m, "CN-YN", "云南", "Yunnan");
        put(m, "CN-ZJ", "浙江", "Zhejiang");
        put(m, "HK", "香港", "Hong Kong");
        put(m, "MO", "澳门", "Macao", "Macau", "澳門");
        put(m, "TW", "台湾", "Taiwan", "臺灣", "台灣");
        return Collections.unmodifiableMap(m);
    }

    private static Map<String, String> byName() {
        Map<String, String> m = new HashMap<>();
        NAMES.forEach((code, names) -> names.forEach(n -> m.put(key(n), code)));
        // Hong Kong, Macao and Taiwan written as CN subdivisions still get their own codes.
        m.put(key("CN-HK"), "HK");
        m.put(key("CN-MO"), "MO");
        m.put(key("CN-TW"), "TW");
        for (String china : List.of("中国", "China", "全国", "中国大陆", "Mainland China", "PRC")) {
            m.put(key(china), "CN");
        }
        for (String uk : List.of("UK", "United Kingdom", "Great Britain", "英国")) {
            m.put(key(uk), "GB");
        }
        for (String us : List.of("USA", "United States", "美国")) {
            m.put(key(us), "US");
        }
        String[][] grids = {{"CN-NORTH", "华北"}, {"CN-NORTHEAST", "东北"}, {"CN-EAST", "华东"},
                {"CN-CENTRAL", "华中"}, {"CN-NORTHWEST", "西北"}, {"CN-SOUTH", "南方"}, {"CN-SOUTHWEST", "西南"}};
        for (String[] g : grids) {
            for (String suffix : List.of("", "电网", "区域电网")) {
                m.put(key(g[1] + suffix), g[0]);
            }
        }
        return Map.copyOf(m);
    }
}
