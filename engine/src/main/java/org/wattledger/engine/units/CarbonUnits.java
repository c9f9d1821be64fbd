package org.wattledger.engine.units;

import static javax.measure.MetricPrefix.GIGA;
import static javax.measure.MetricPrefix.KILO;
import static javax.measure.MetricPrefix.MEGA;
import static javax.measure.MetricPrefix.TERA;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.measure.Unit;
import javax.measure.UnitConverter;
import javax.measure.quantity.Energy;
import javax.measure.quantity.Mass;
import javax.measure.quantity.Volume;
import tech.units.indriya.AbstractUnit;
import tech.units.indriya.function.RationalNumber;
import tech.units.indriya.unit.Units;

/**
 * The catalogue of units wattledger understands, built on Indriya. Each constant cites where its
 * size comes from. Names users write (kWh, 度, 千瓦时, 吉焦, 立方米 ...) are aliases of these
 * constants; {@link UnitParser} adds the Chinese magnitudes 万 (10^4) and 亿 (10^8).
 */
public final class CarbonUnits {
    private CarbonUnits() {
    }

    private static final Unit<Energy> JOULE_UNIT = Units.JOULE;
    private static final Unit<Energy> MJ_UNIT = MEGA(Units.JOULE);
    private static final Unit<Energy> WH_UNIT = Units.WATT.multiply(Units.HOUR).asType(Energy.class);
    private static final Unit<Volume> M3_UNIT = Units.CUBIC_METRE;
    private static final Unit<Mass> KG_UNIT = Units.KILOGRAM;

    // ---- energy (canonical MJ) ----
    public static final CarbonUnit J = unit("J", JOULE_UNIT, Dimension.ENERGY);
    public static final CarbonUnit KJ = unit("kJ", KILO(JOULE_UNIT), Dimension.ENERGY);
    public static final CarbonUnit MJ = unit("MJ", MJ_UNIT, Dimension.ENERGY);
    public static final CarbonUnit GJ = unit("GJ", GIGA(JOULE_UNIT), Dimension.ENERGY);
    public static final CarbonUnit TJ = unit("TJ", TERA(JOULE_UNIT), Dimension.ENERGY);
    public static final CarbonUnit WH = unit("Wh", WH_UNIT, Dimension.ENERGY);
    public static final CarbonUnit KWH = unit("kWh", KILO(WH_UNIT), Dimension.ENERGY);
    public static final CarbonUnit MWH = unit("MWh", MEGA(WH_UNIT), Dimension.ENERGY);
    public static final CarbonUnit GWH = unit("GWh", GIGA(WH_UNIT), Dimension.ENERGY);
    public static final CarbonUnit TWH = unit("TWh", TERA(WH_UNIT), Dimension.ENERGY);
    /** International Table Btu = 1055.05585262 J exactly (ISO 31-4); mmBtu = 10^6 Btu, as used by US EPA. */
    public static final CarbonUnit MMBTU = unit("mmBtu", JOULE_UNIT.multiply(new BigDecimal("1055055852.62")), Dimension.ENERGY);
    /** US therm = 100,000 Btu (IT). */
    public static final CarbonUnit THERM = unit("therm", JOULE_UNIT.multiply(new BigDecimal("105505585.262")), Dimension.ENERGY);
    /** Kilogram of coal equivalent: 29,307.6 kJ = 7,000 kcal(IT) × 4.1868 (GB/T 2589-2020, 3.5). */
    public static final CarbonUnit KGCE = unit("kgce", KILO(JOULE_UNIT).multiply(new BigDecimal("29307.6")), Dimension.ENERGY);
    /** Tonne of coal equivalent: 1000 kgce. */
    public static final CarbonUnit TCE = unit("tce", KILO(JOULE_UNIT).multiply(new BigDecimal("29307600")), Dimension.ENERGY);

    // ---- volume (canonical m3) ----
    public static final CarbonUnit M3 = unit("m3", M3_UNIT, Dimension.VOLUME);
    /** Normal cubic metre: gas volume at reference conditions; summed as a plain volume. */
    public static final CarbonUnit NM3 = M3.named("Nm3");
    public static final CarbonUnit LITRE = unit("L", Units.LITRE, Dimension.VOLUME);
    public static final CarbonUnit KILOLITRE = unit("kL", KILO(Units.LITRE), Dimension.VOLUME);
    /** US liquid gallon = 231 in^3 = 3.785411784 L exactly (NIST SP 811, B.8). */
    public static final CarbonUnit US_GALLON = unit("gal", Units.LITRE.multiply(new BigDecimal("3.785411784")), Dimension.VOLUME);
    /** Standard cubic foot = 0.3048^3 m3 = 0.028316846592 m3 exactly. */
    public static final CarbonUnit SCF = unit("scf", M3_UNIT.multiply(new BigDecimal("0.028316846592")), Dimension.VOLUME);

    // ---- mass (canonical kg) ----
    public static final CarbonUnit G = unit("g", Units.GRAM, Dimension.MASS);
    public static final CarbonUnit KG = unit("kg", KG_UNIT, Dimension.MASS);
    public static final CarbonUnit TONNE = unit("t", KG_UNIT.multiply(1000), Dimension.MASS);
    /** Avoirdupois pound = 0.45359237 kg exactly (international yard and pound agreement, 1959). */
    public static final CarbonUnit LB = unit("lb", KG_UNIT.multiply(new BigDecimal("0.45359237")), Dimension.MASS);

    // ---- dimensionless ----
    public static final CarbonUnit ONE = unit("1", AbstractUnit.ONE, Dimension.DIMENSIONLESS);
    public static final CarbonUnit PERCENT = unit("%", AbstractUnit.ONE.divide(100), Dimension.DIMENSIONLESS);

    private static final Map<String, CarbonUnit> BY_NAME = buildAliases();

    /** The unit a name denotes without any 万/亿 magnitude, if it is known. */
    public static Optional<CarbonUnit> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(key(name)));
    }

    /** Every accepted name and the unit it stands for, in a stable order (for templates and docs). */
    public static Map<String, CarbonUnit> aliases() {
        return Collections.unmodifiableMap(BY_NAME);
    }

    /** The canonical unit of a dimension. */
    public static CarbonUnit canonical(Dimension dimension) {
        return switch (dimension) {
            case ENERGY -> MJ;
            case VOLUME -> M3;
            case MASS -> KG;
            case DIMENSIONLESS -> ONE;
        };
    }

    static String key(String name) {
        String s = Normalizer.normalize(name, Normalizer.Form.NFKC).trim();
        s = s.replace("³", "3").replace("·", "").replace(" ", "");
        return s.toLowerCase(Locale.ROOT);
    }

    private static Map<String, CarbonUnit> buildAliases() {
        Map<String, CarbonUnit> m = new LinkedHashMap<>();
        alias(m, J, "J", "joule", "焦", "焦耳");
        alias(m, KJ, "kJ", "千焦");
        alias(m, MJ, "MJ", "兆焦");
        alias(m, GJ, "GJ", "吉焦", "百万千焦");
        alias(m, TJ, "TJ", "太焦");
        alias(m, WH, "Wh");
        alias(m, KWH, "kWh", "kW h", "度", "千瓦时", "千瓦小时");
        alias(m, MWH, "MWh", "兆瓦时");
        alias(m, GWH, "GWh", "吉瓦时");
        alias(m, TWH, "TWh");
        alias(m, MMBTU, "mmBtu", "MMBtu", "million Btu");
        alias(m, THERM, "therm", "therms");
        alias(m, KGCE, "kgce", "千克标准煤", "千克标煤", "kg标准煤");
        alias(m, TCE, "tce", "吨标准煤", "吨标煤", "t标准煤");
        alias(m, M3, "m3", "m^3", "cubic metre", "cubic meter", "立方米", "方");
        alias(m, NM3, "Nm3", "Nm^3", "标准立方米", "标立方米", "标方");
        alias(m, LITRE, "L", "l", "litre", "liter", "litres", "liters", "升");
        alias(m, KILOLITRE, "kL", "千升");
        alias(m, US_GALLON, "gal", "gallon", "gallons", "加仑");
        alias(m, SCF, "scf");
        alias(m, G, "g", "克");
        alias(m, KG, "kg", "千克", "公斤");
        alias(m, TONNE, "t", "tonne", "tonnes", "吨");
        alias(m, LB, "lb", "lbs");
        alias(m, ONE, "1", "-", "fraction");
        alias(m, PERCENT, "%", "percent", "％");
        return m;
    }

    private static void alias(Map<String, CarbonUnit> m, CarbonUnit unit, String... names) {
        for (String name : names) {
            m.putIfAbsent(key(name), name.equals(unit.symbol()) ? unit : unit.named(name));
        }
    }

    private static CarbonUnit unit(String symbol, Unit<?> unit, Dimension dimension) {
        return new CarbonUnit(symbol, unit, dimension, exactFactor(unit, dimension));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static BigDecimal exactFactor(Unit<?> unit, Dimension dimension) {
        Unit<?> target = switch (dimension) {
            case ENERGY -> MJ_UNIT;
            case VOLUME -> M3_UNIT;
            case MASS -> KG_UNIT;
            case DIMENSIONLESS -> AbstractUnit.ONE;
        };
        if (!unit.isCompatible(target)) {
            throw new IllegalStateException(unit + " is not of dimension " + dimension.label());
        }
        UnitConverter converter = ((Unit) unit).getConverterTo((Unit) target);
        return toBigDecimal(converter.convert(BigDecimal.ONE));
    }

    private static BigDecimal toBigDecimal(Number n) {
        if (n instanceof BigDecimal bd) {
            return bd;
        }
        if (n instanceof RationalNumber r) {
            // Every unit in this catalogue converts by a terminating decimal; fail loudly if not.
            return new BigDecimal(r.getDividend()).divide(new BigDecimal(r.getDivisor()));
        }
        return new BigDecimal(n.toString());
    }

}
