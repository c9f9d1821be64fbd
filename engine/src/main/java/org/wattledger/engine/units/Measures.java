package org.wattledger.engine.units;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.wattledger.engine.model.Quantity;

/**
 * The units of the values that are not meter readings: instrument quantities and factors,
 * target values and denominators. The one place such unit text is understood and converted:
 * an instrument quantity into MWh, an instrument factor into t CO2e/MWh, a target value into its
 * metric's report unit (t CO2e, MWh, m3, 1, L/kWh, or those per a denominator's unit), a
 * denominator into the canonical unit of what it counts (person, m2, or its currency). A unit
 * that is unknown, or measures something else than expected, throws {@link UnitException}
 * naming both units.
 */
public final class Measures {
    public static final String MWH = "MWh";
    public static final String T_CO2E_PER_MWH = "t CO2e/MWh";
    public static final String PERSON = "person";
    public static final String SQUARE_METRE = "m2";

    private Measures() {
    }

    /** What a denominator counts. A name not listed here takes its unit as written, unconverted. */
    public enum DenominatorKind {
        COUNT, AREA, CURRENCY;

        public static Optional<DenominatorKind> of(String name) {
            return switch (name.strip().toLowerCase(Locale.ROOT)) {
                case "headcount", "employees", "staff", "fte", "people", "persons", "人数", "员工", "员工人数" ->
                        Optional.of(COUNT);
                case "floor_area", "area", "面积", "建筑面积" -> Optional.of(AREA);
                case "revenue", "turnover", "sales", "营收", "营业收入", "收入" -> Optional.of(CURRENCY);
                default -> Optional.empty();
            };
        }
    }

    /** One side of a unit: what it measures, how many canonical units one of it is, and the canonical unit. */
    record Side(String kind, BigDecimal toCanonical, String canonical) {
    }

    /** A unit as written: a numerator and, for a ratio, a denominator. */
    record Parsed(String text, Side numerator, Side denominator) {
        String measures() {
            return numerator.kind + (denominator == null ? "" : " per " + denominator.kind);
        }
    }

    /** A unit that is unknown or measures something else than expected; the message names both units. */
    public static final class UnitException extends IllegalArgumentException {
        public UnitException(String message) {
            super(message);
        }
    }

    // ---- instruments ----

    /** An instrument quantity in MWh; {@code unit} null means MWh. */
    public static Quantity instrumentQuantity(BigDecimal value, String unit) {
        return new Quantity(convert(value, unit, MWH, "an energy such as MWh, kWh, GWh or 万kWh"), MWH);
    }

    /** An instrument's emission factor in t CO2e/MWh (300 g/kWh = 0.3 t/MWh); {@code unit} null means t CO2e/MWh. */
    public static Quantity instrumentFactor(BigDecimal value, String unit) {
        return new Quantity(convert(value, unit, T_CO2E_PER_MWH, "a mass of CO2e per energy such as t CO2e/MWh,"
                + " kg/kWh or g/kWh"), T_CO2E_PER_MWH);
    }

    // ---- targets ----

    /**
     * The report unit of a target metric: {@code t CO2e}, {@code MWh}, {@code m3}, {@code 1},
     * {@code L/kWh}; for an intensity {@code <metric>_per_<name>} the numerator's unit; null when
     * the metric is unknown.
     */
    public static String metricUnit(String metric) {
        int per = metric.indexOf("_per_");
        String numerator = per > 0 ? metric.substring(0, per) : metric;
        return switch (numerator) {
            case "scope1", "scope2_location", "scope2_market", "scope1_2", "scope1_2_location", "scope1_2_market" ->
                    "t CO2e";
            case "energy", "electricity" -> "MWh";
            case "water" -> "m3";
            case "pue", "renewable_share" -> "1";
            case "wue" -> per > 0 ? null : "L/kWh";
            default -> null;
        };
    }

    /**
     * A target value in its metric's report unit. Without a unit the value is taken as already in
     * it; an intensity per revenue needs its currency unit. The metric must be known
     * ({@link #metricUnit} not null).
     */
    public static Quantity targetValue(String metric, BigDecimal value, String unit) {
        String report = metricUnit(metric);
        int per = metric.indexOf("_per_");
        if (per < 0) {
            return new Quantity(convert(value, unit, report, "a unit such as " + report), report);
        }
        String name = metric.substring(per + 5);
        Optional<DenominatorKind> kind = DenominatorKind.of(name);
        if (unit == null) {
            if (kind.isPresent() && kind.get() == DenominatorKind.CURRENCY) {
                throw new UnitException(metric + " needs its unit, with the currency (e.g. " + report + "/万元)");
            }
            return new Quantity(value, report + "/" + kind.map(Measures::canonical).orElse(name));
        }
        int slash = unit.indexOf('/');
        if (slash < 0) {
            throw new UnitException("'" + unit + "' is not a unit of " + metric + " (expected " + report + " per "
                    + kind.map(k -> k == DenominatorKind.CURRENCY ? "a currency unit" : canonical(k)).orElse(name)
                    + ", e.g. " + report + "/" + kind.map(k -> k == DenominatorKind.CURRENCY ? "万元" : canonical(k))
                            .orElse(name) + ")");
        }
        String numeratorText = unit.substring(0, slash).strip();
        String denominatorText = unit.substring(slash + 1).strip();
        BigDecimal numerator = convert(value, numeratorText, report, "a unit such as " + report + " in the numerator");
        if (kind.isEmpty()) {
            // A denominator wattledger does not know ("racks"): its unit is compared as written.
            return new Quantity(numerator, report + "/" + denominatorText);
        }
        Side den = denominatorSide(kind.get(), denominatorText, "'" + unit + "' in " + metric);
        return new Quantity(Exact.divide(numerator, den.toCanonical), report + "/" + den.canonical);
    }

    // ---- denominators ----

    /**
     * A denominator value in the canonical unit of what it counts: headcount in person, floor area
     * in m2 (10,000 ft2 = 929.0304 m2), revenue in its currency (12 万元 = 120,000 CNY). Without a
     * unit a count is in person and an area in m2; revenue needs its currency. A name wattledger
     * does not know keeps its unit as written (or its own name without one).
     */
    public static Quantity denominator(String name, BigDecimal value, String unit) {
        Optional<DenominatorKind> kind = DenominatorKind.of(name);
        if (kind.isEmpty()) {
            return new Quantity(value, unit == null ? name : unit);
        }
        if (unit == null) {
            if (kind.get() == DenominatorKind.CURRENCY) {
                throw new UnitException(name + " needs its currency unit (e.g. CNY, 万元, USD, million USD)");
            }
            return new Quantity(value, canonical(kind.get()));
        }
        Side side = denominatorSide(kind.get(), unit, name);
        return new Quantity(value.multiply(side.toCanonical), side.canonical);
    }

    /** The unit a denominator name is counted in when wattledger knows it (person, m2); else empty. */
    public static Optional<String> denominatorUnit(String name) {
        return DenominatorKind.of(name).filter(k -> k != DenominatorKind.CURRENCY).map(Measures::canonical);
    }

    private static String canonical(DenominatorKind kind) {
        return switch (kind) {
            case COUNT -> PERSON;
            case AREA -> SQUARE_METRE;
            case CURRENCY -> "CNY";
        };
    }

    private static Side denominatorSide(DenominatorKind kind, String text, String what) {
        Optional<Side> side = side(text);
        String expected = switch (kind) {
            case COUNT -> "a count such as person, 人 or FTE";
            case AREA -> "an area such as m2, ㎡, 平方米, 万平方米 or ft2";
            case CURRENCY -> "a currency such as CNY, 元, 万元, 亿元, USD or million USD";
        };
        if (side.isEmpty()) {
            throw new UnitException("unknown unit '" + text + "' for " + what + " (expected " + expected + ")");
        }
        boolean matches = switch (kind) {
            case COUNT -> side.get().kind.equals("count");
            case AREA -> side.get().kind.equals("area");
            case CURRENCY -> side.get().kind.startsWith("currency");
        };
        if (!matches) {
            throw new UnitException("'" + text + "' is " + side.get().kind + ", not a unit of " + what + " (expected "
                    + expected + ")");
        }
        return side.get();
    }

    // ---- conversion ----

    /** value in {@code from} (null: already in {@code to}) expressed in {@code to}: one exact division. */
    private static BigDecimal convert(BigDecimal value, String from, String to, String expected) {
        if (from == null) {
            return value;
        }
        Parsed target = parse(to).orElseThrow();
        Parsed given = parse(from).orElseThrow(() -> new UnitException("unknown unit '" + from.strip() + "' (expected "
                + expected + ")"));
        boolean sameDenominator = given.denominator == null ? target.denominator == null
                : target.denominator != null && given.denominator.kind.equals(target.denominator.kind);
        if (!given.numerator.kind.equals(target.numerator.kind) || !sameDenominator) {
            throw new UnitException("'" + from.strip() + "' is " + given.measures() + ", but " + to + " is "
                    + target.measures() + " (expected " + expected + ")");
        }
        BigDecimal num = value.multiply(given.numerator.toCanonical)
                .multiply(target.denominator == null ? BigDecimal.ONE : target.denominator.toCanonical);
        BigDecimal den = target.numerator.toCanonical
                .multiply(given.denominator == null ? BigDecimal.ONE : given.denominator.toCanonical);
        return Exact.divide(num, den);
    }

    static Optional<Parsed> parse(String text) {
        String t = text.strip();
        int slash = t.indexOf('/');
        if (slash < 0) {
            return side(t).map(s -> new Parsed(t, s, null));
        }
        Optional<Side> num = side(t.substring(0, slash));
        Optional<Side> den = side(t.substring(slash + 1));
        return num.isPresent() && den.isPresent() ? Optional.of(new Parsed(t, num.get(), den.get())) : Optional.empty();
    }

    /** One side of a unit: an activity unit (a mass of CO2e is a mass), else a count, an area or a currency. */
    static Optional<Side> side(String text) {
        String t = Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
        if (t.isEmpty()) {
            return Optional.empty();
        }
        String withoutGas = t.replaceAll("(?i)\\s*(co2e|co2-eq|co2eq|co2)$", "").strip();
        Optional<CarbonUnit> u = UnitParser.tryParse(withoutGas.isEmpty() ? t : withoutGas);
        if (u.isPresent()) {
            Dimension d = u.get().dimension();
            return Optional.of(new Side(d.label(), u.get().toCanonicalFactor(), d.canonicalSymbol()));
        }
        String key = t.toLowerCase(Locale.ROOT).replace(" ", "");
        for (Map.Entry<String, BigDecimal> prefix : CHINESE_MAGNITUDES.entrySet()) {
            if (key.length() > prefix.getKey().length() && key.startsWith(prefix.getKey())) {
                Optional<Side> rest = plainSide(key.substring(prefix.getKey().length()));
                if (rest.isPresent()) {
                    return rest.map(s -> new Side(s.kind, s.toCanonical.multiply(prefix.getValue()), s.canonical));
                }
            }
        }
        Optional<Side> plain = plainSide(key);
        if (plain.isPresent()) {
            return plain;
        }
        // "million USD", "USD million", "USD m", "k CNY"
        String[] words = t.toLowerCase(Locale.ROOT).split("\\s+");
        if (words.length == 2) {
            for (int i = 0; i < 2; i++) {
                BigDecimal scale = ENGLISH_MAGNITUDES.get(words[i]);
                Optional<Side> s = plainSide(words[1 - i]);
                if (scale != null && s.isPresent() && s.get().kind.startsWith("currency")) {
                    return Optional.of(new Side(s.get().kind, scale, s.get().canonical));
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Side> plainSide(String key) {
        if (COUNT.containsKey(key)) {
            return Optional.of(new Side("count", BigDecimal.ONE, PERSON));
        }
        if (AREA.containsKey(key)) {
            return Optional.of(new Side("area", AREA.get(key), SQUARE_METRE));
        }
        String code = CURRENCIES.get(key);
        return code == null ? Optional.empty() : Optional.of(new Side("currency " + code, BigDecimal.ONE, code));
    }

    private static final Map<String, BigDecimal> CHINESE_MAGNITUDES = new LinkedHashMap<>();
    private static final Map<String, BigDecimal> ENGLISH_MAGNITUDES = new LinkedHashMap<>();
    private static final Map<String, Boolean> COUNT = new LinkedHashMap<>();
    private static final Map<String, BigDecimal> AREA = new LinkedHashMap<>();
    private static final Map<String, String> CURRENCIES = new LinkedHashMap<>();

    static {
        // Longest first, so 百万 is not read as 百 + 万.
        CHINESE_MAGNITUDES.put("百万", new BigDecimal("1000000"));
        CHINESE_MAGNITUDES.put("千万", new BigDecimal("10000000"));
        CHINESE_MAGNITUDES.put("千", new BigDecimal("1000"));
        CHINESE_MAGNITUDES.put("万", new BigDecimal("10000"));
        CHINESE_MAGNITUDES.put("亿", new BigDecimal("100000000"));
        ENGLISH_MAGNITUDES.put("thousand", new BigDecimal("1000"));
        ENGLISH_MAGNITUDES.put("k", new BigDecimal("1000"));
        ENGLISH_MAGNITUDES.put("million", new BigDecimal("1000000"));
        ENGLISH_MAGNITUDES.put("m", new BigDecimal("1000000"));
        ENGLISH_MAGNITUDES.put("mn", new BigDecimal("1000000"));
        ENGLISH_MAGNITUDES.put("billion", new BigDecimal("1000000000"));
        ENGLISH_MAGNITUDES.put("bn", new BigDecimal("1000000000"));
        for (String s : new String[] {"person", "persons", "people", "人", "名", "人员", "fte", "employee",
                "employees", "headcount", "capita"}) {
            COUNT.put(s, Boolean.TRUE);
        }
        for (String s : new String[] {"m2", "m²", "㎡", "平方米", "sqm", "sq.m"}) {
            AREA.put(s, BigDecimal.ONE);
        }
        // International foot = 0.3048 m exactly, so ft2 = 0.09290304 m2.
        for (String s : new String[] {"ft2", "ft²", "sqft", "sq.ft", "平方英尺"}) {
            AREA.put(s, new BigDecimal("0.09290304"));
        }
        for (String s : new String[] {"cny", "rmb", "元", "人民币", "¥", "￥"}) {
            CURRENCIES.put(s, "CNY");
        }
        for (String s : new String[] {"usd", "$", "美元"}) {
            CURRENCIES.put(s, "USD");
        }
        for (String s : new String[] {"eur", "€", "欧元"}) {
            CURRENCIES.put(s, "EUR");
        }
        for (String s : new String[] {"gbp", "£", "英镑"}) {
            CURRENCIES.put(s, "GBP");
        }
        for (String s : new String[] {"hkd", "港元", "港币"}) {
            CURRENCIES.put(s, "HKD");
        }
        for (String s : new String[] {"jpy", "日元"}) {
            CURRENCIES.put(s, "JPY");
        }
    }
}
