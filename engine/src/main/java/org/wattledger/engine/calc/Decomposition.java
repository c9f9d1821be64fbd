package org.wattledger.engine.calc;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.wattledger.engine.units.Exact;

/**
 * Why Scope 1 + 2 (location-based) emissions changed from one year to the next: the additive
 * LMDI-I decomposition (Ang 2005, "The LMDI approach to decomposition analysis: a practical guide",
 * Energy Policy 33). With activity A (a denominator), energy E = Σ E_i over carriers i, and the
 * carrier's emissions C_i:
 *
 * <pre>
 *   C = Σ_i A · (E/A) · (E_i/E) · (C_i/E_i)  =  Σ_i A · I · S_i · F_i
 *   ΔC_activity  = Σ_i L(C_i¹, C_i⁰) · ln(A¹/A⁰)
 *   ΔC_intensity = Σ_i L(C_i¹, C_i⁰) · ln(I¹/I⁰)
 *   ΔC_mix       = Σ_i L(C_i¹, C_i⁰) · ln(S_i¹/S_i⁰)
 *   ΔC_factor    = Σ_i L(C_i¹, C_i⁰) · ln(F_i¹/F_i⁰)
 *   L(a, b) = (a − b) / (ln a − ln b),  L(a, a) = a
 * </pre>
 *
 * The four effects add up to C¹ − C⁰ exactly in real arithmetic. Zero values (Ang and Liu 2007,
 * the limit of the δ substitution as δ → 0): a carrier used in only one of the two years puts its
 * whole change into the mix effect; a carrier used in both years whose emissions are 0 in one of
 * them puts its whole change into the factor effect; a carrier with no emissions in either year
 * contributes nothing (its energy still moves E and so the other carriers' shares). Emissions
 * that come with no energy (refrigerant leaks) are a fifth effect, {@code nonEnergy}, equal to
 * their change. The change is exact; the logarithms are computed in double ({@link StrictMath},
 * so every platform gives the same bits), so the effects add up to the change within
 * {@link #RELATIVE_PRECISION} of its size; {@code residual} = change − Σ effects shows the difference.
 */
public record Decomposition(int fromYear, int toYear, String metric, BigDecimal change, String activity,
        String activityUnit, List<Effect> effects, BigDecimal residual, String unavailable) {
    /** The metric decomposed: Scope 1 + Scope 2 location-based, t CO2e. */
    public static final String METRIC = "scope1_2";
    public static final String METHOD = "LMDI-I";
    public static final String ACTIVITY = "activity";
    public static final String ENERGY_INTENSITY = "energyIntensity";
    public static final String MIX = "mix";
    public static final String FACTOR = "factor";
    public static final String NON_ENERGY = "nonEnergy";
    /** |Σ effects − change| ≤ this × max(|change|, Σ |effects|): double's 1e-16 with room for a dozen terms. */
    public static final double RELATIVE_PRECISION = 1e-9;

    /** One driver's share of the change, t CO2e. */
    public record Effect(String driver, BigDecimal value) {
    }

    /** One carrier in one year: energy (any one unit for all) and emissions, t CO2e. */
    public record CarrierYear(BigDecimal energy, BigDecimal emissions) {
    }

    /** What one year gives the decomposition. */
    public record YearInput(int year, BigDecimal activity, SortedMap<String, CarrierYear> carriers,
            BigDecimal nonEnergyEmissions) {
        BigDecimal energy() {
            return carriers.values().stream().map(CarrierYear::energy).reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        BigDecimal emissions() {
            return carriers.values().stream().map(CarrierYear::emissions).reduce(nonEnergyEmissions, BigDecimal::add);
        }
    }

    /** A year pair that cannot be decomposed, with its exact change and the reason. */
    static Decomposition unavailable(YearInput y0, YearInput y1, String activity, String unit, String why) {
        return new Decomposition(y0.year(), y1.year(), METRIC, Exact.strip(y1.emissions().subtract(y0.emissions())),
                activity, unit, List.of(), null, why);
    }

    /** The decomposition of the change from {@code y0} to {@code y1}. */
    public static Decomposition of(YearInput y0, YearInput y1, String activity, String activityUnit) {
        if (y0.activity() == null || y1.activity() == null || y0.activity().signum() <= 0
                || y1.activity().signum() <= 0) {
            return unavailable(y0, y1, activity, activityUnit, "the activity " + activity + " is not above 0 in both years");
        }
        BigDecimal e0 = y0.energy();
        BigDecimal e1 = y1.energy();
        if (e0.signum() <= 0 || e1.signum() <= 0) {
            return unavailable(y0, y1, activity, activityUnit, "energy is not above 0 in both years");
        }
        double lnActivity = ln(y1.activity()) - ln(y0.activity());
        double lnIntensity = ln(e1) - ln(y1.activity()) - (ln(e0) - ln(y0.activity()));
        double act = 0;
        double intensity = 0;
        double mix = 0;
        double factor = 0;
        TreeMap<String, Boolean> keys = new TreeMap<>();
        y0.carriers().keySet().forEach(k -> keys.put(k, true));
        y1.carriers().keySet().forEach(k -> keys.put(k, true));
        CarrierYear none = new CarrierYear(BigDecimal.ZERO, BigDecimal.ZERO);
        for (String k : keys.keySet()) {
            CarrierYear c0 = y0.carriers().getOrDefault(k, none);
            CarrierYear c1 = y1.carriers().getOrDefault(k, none);
            double change = c1.emissions().subtract(c0.emissions()).doubleValue();
            boolean used0 = c0.energy().signum() > 0;
            boolean used1 = c1.energy().signum() > 0;
            if (c0.emissions().signum() == 0 && c1.emissions().signum() == 0) {
                continue; // L(0, 0) = 0: no share of the change
            }
            if (!used0 || !used1) {
                mix += change; // the limit of L(x, δ)·ln(x/δ) as δ → 0 is x: all of it enters through the share
                continue;
            }
            if (c0.emissions().signum() == 0 || c1.emissions().signum() == 0) {
                factor += change; // the factor went from or to 0: all of it enters through the factor
                continue;
            }
            double w = logMean(c1.emissions(), c0.emissions());
            act += w * lnActivity;
            intensity += w * lnIntensity;
            mix += w * (ln(c1.energy()) - ln(e1) - (ln(c0.energy()) - ln(e0)));
            factor += w * (ln(c1.emissions()) - ln(c1.energy()) - (ln(c0.emissions()) - ln(c0.energy())));
        }
        List<Effect> effects = new ArrayList<>();
        effects.add(new Effect(ACTIVITY, decimal(act)));
        effects.add(new Effect(ENERGY_INTENSITY, decimal(intensity)));
        effects.add(new Effect(MIX, decimal(mix)));
        effects.add(new Effect(FACTOR, decimal(factor)));
        BigDecimal nonEnergy = y1.nonEnergyEmissions().subtract(y0.nonEnergyEmissions());
        if (y0.nonEnergyEmissions().signum() != 0 || y1.nonEnergyEmissions().signum() != 0) {
            effects.add(new Effect(NON_ENERGY, Exact.strip(nonEnergy)));
        }
        BigDecimal change = Exact.strip(y1.emissions().subtract(y0.emissions()));
        BigDecimal sum = effects.stream().map(Effect::value).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Decomposition(y0.year(), y1.year(), METRIC, change, activity, activityUnit, List.copyOf(effects),
                Exact.strip(change.subtract(sum)), null);
    }

    /** L(a, b) = (a − b) / (ln a − ln b), and a when a = b (its limit). */
    static double logMean(BigDecimal a, BigDecimal b) {
        if (a.compareTo(b) == 0) {
            return a.doubleValue();
        }
        return (a.doubleValue() - b.doubleValue()) / (ln(a) - ln(b));
    }

    /** ln of a positive decimal: StrictMath gives the same bits on every platform. */
    static double ln(BigDecimal x) {
        return StrictMath.log(x.doubleValue());
    }

    /** A double as the shortest decimal that reads back as it (deterministic). */
    private static BigDecimal decimal(double v) {
        return Exact.strip(BigDecimal.valueOf(v));
    }

    /** Whether the effects add up to the change within {@link #RELATIVE_PRECISION}. */
    public boolean effectsAddUp() {
        if (unavailable != null) {
            return true;
        }
        BigDecimal size = change.abs().max(effects.stream().map(e -> e.value().abs()).reduce(BigDecimal.ZERO,
                BigDecimal::add));
        return residual.abs().doubleValue() <= RELATIVE_PRECISION * size.doubleValue();
    }

    /** The effects by driver, in their order. */
    public Map<String, BigDecimal> byDriver() {
        Map<String, BigDecimal> out = new java.util.LinkedHashMap<>();
        effects.forEach(e -> out.put(e.driver(), e.value()));
        return out;
    }
}
