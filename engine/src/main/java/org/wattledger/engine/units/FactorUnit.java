package org.wattledger.engine.units;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The unit of a factor: a numerator per denominator (t/MWh, kg/TJ, GJ/10^4 Nm3, kgce/kg), or a
 * plain number (GWP, oxidation fraction). Applying a factor checks that the activity's dimension
 * is the denominator's: {@link #apply} is the one place a factor meets an amount.
 */
public record FactorUnit(String text, CarbonUnit numerator, CarbonUnit denominator) {
    /** A substance written after a mass unit: "t CO2e", "kgCH4", "tC". */
    private static final Pattern SUBSTANCE = Pattern.compile("(?i)\\s*(co2e|co2-eq|co2eq|co2|ch4|n2o|c)$");

    public FactorUnit {
        Objects.requireNonNull(text);
        Objects.requireNonNull(numerator);
    }

    /**
     * Units parsed so far, by their text: a factor release repeats a few dozen units over its
     * rows, and parsing one costs far more than a look-up. Bounded, as the texts may be a user's.
     */
    private static final ConcurrentHashMap<String, FactorUnit> PARSED =
            new ConcurrentHashMap<>();
    private static final int PARSED_MAX = 1_000;

    /** Parses "t/MWh", "kg CO2e/kWh", "tC/TJ", "GJ/10^4 Nm3", "kgce/kg", "1", "%". */
    public static FactorUnit parse(String text) {
        FactorUnit known = text == null ? null : PARSED.get(text);
        if (known != null) {
            return known;
        }
        FactorUnit parsed = parseText(text); // a text that is no unit throws, and is not kept
        if (text != null && PARSED.size() < PARSED_MAX) {
            PARSED.put(text, parsed);
        }
        return parsed;
    }

    private static FactorUnit parseText(String text) {
        String t = text == null ? "" : text.strip();
        int slash = t.indexOf('/');
        if (slash < 0) {
            return new FactorUnit(t, UnitParser.parse(stripGas(t)), null);
        }
        String num = stripGas(t.substring(0, slash).strip());
        String den = t.substring(slash + 1).strip();
        return new FactorUnit(t, UnitParser.parse(num), UnitParser.parse(den));
    }

    /** A mass of a named gas or of carbon is a mass: "t CO2e", "kgCO2", "tC" mean t, kg, t. */
    private static String stripGas(String numerator) {
        String s = SUBSTANCE.matcher(numerator).replaceAll("").strip();
        return s.isEmpty() ? numerator : s;
    }

    /**
     * The substance the numerator names: CO2e, CO2, CH4, N2O or C (carbon), as in "kg CH4/TJ" or
     * "tC/TJ"; null when it names none ("t/MWh"). The factor sheet loader checks it against the
     * gas column.
     */
    public String substance() {
        int slash = text.indexOf('/');
        String num = (slash < 0 ? text : text.substring(0, slash)).strip();
        Matcher m = SUBSTANCE.matcher(num);
        if (!m.find() || m.start() == 0) {
            return null;
        }
        String s = m.group(1).toUpperCase(Locale.ROOT).replace("-EQ", "E").replace("EQ", "E");
        return s.equals("CO2E") ? "CO2e" : s;
    }

    public boolean isRatio() {
        return denominator != null;
    }

    /**
     * Applies a factor of this unit to an amount: amount × value, expressed in {@code resultUnit}
     * (which must have the numerator's dimension). The amount is in the canonical unit of its
     * dimension. One division at the end, exact where it terminates. Throws
     * {@link UnitMismatchException} when the amount's dimension is not the denominator's.
     */
    public BigDecimal apply(BigDecimal canonicalAmount, CarbonUnit amountUnit, BigDecimal value, CarbonUnit resultUnit) {
        if (resultUnit.dimension() != numerator.dimension()) {
            throw new IllegalArgumentException("'" + text + "' gives " + numerator.dimension().label() + ", not "
                    + resultUnit.dimension().label());
        }
        BigDecimal product = canonicalAmount.multiply(value).multiply(numerator.toCanonicalFactor());
        if (denominator == null) {
            return Exact.divide(product, resultUnit.toCanonicalFactor());
        }
        if (denominator.dimension() != amountUnit.dimension()) {
            throw new UnitMismatchException(amountUnit, this);
        }
        return Exact.divide(product, denominator.toCanonicalFactor().multiply(resultUnit.toCanonicalFactor()));
    }

    /** True when this factor can apply to an amount of that dimension. */
    public boolean appliesTo(Dimension amountDimension) {
        return denominator == null || denominator.dimension() == amountDimension;
    }

    /** The plain number this unit stands for (oxidation 99 % = 0.99; GWP 28 = 28). */
    public BigDecimal asNumber(BigDecimal value) {
        if (denominator != null || numerator.dimension() != Dimension.DIMENSIONLESS) {
            throw new IllegalStateException("'" + text + "' is not a plain number");
        }
        return value.multiply(numerator.toCanonicalFactor());
    }

    @Override
    public String toString() {
        return text;
    }

    /** A factor applied to an activity of another dimension. The message names both units. */
    public static final class UnitMismatchException extends IllegalArgumentException {
        public UnitMismatchException(CarbonUnit activityUnit, FactorUnit factorUnit) {
            super("cannot apply a factor in " + factorUnit.text() + " to an activity in " + activityUnit.symbol()
                    + ": " + activityUnit.dimension().label() + " is not " + factorUnit.denominator().dimension().label());
        }
    }
}
