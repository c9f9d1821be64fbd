package org.wattledger.engine.calc;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wattledger.engine.factor.Factor;

/**
 * Where one line's numbers came from: its input rows, each conversion, each factor with what it
 * was used for, the route taken, and any proration of a reading across a period boundary.
 */
public final class Lineage {
    /** A factor and what it was used for ("CO2, route B: emission per energy"). */
    public record FactorUse(String purpose, Factor factor, List<String> fallbacks) {
    }

    private final RowRanges rows = new RowRanges();
    private final List<String> conversions = new ArrayList<>();
    private final List<String> prorations = new ArrayList<>();
    private final List<String> derivations = new ArrayList<>();
    private final Map<String, FactorUse> factors = new LinkedHashMap<>();
    private final Map<String, String> formulas = new LinkedHashMap<>();

    public RowRanges rows() {
        return rows;
    }

    public List<String> conversions() {
        return conversions;
    }

    public List<String> prorations() {
        return prorations;
    }

    /**
     * How quantities that were not read directly were made: a register difference (both readings
     * and the multiplier), an estimate (the reading's note: the user's, or the engine's for a gap
     * it filled), each prefixed by its row.
     */
    public List<String> derivations() {
        return derivations;
    }

    public List<FactorUse> factors() {
        return new ArrayList<>(factors.values());
    }

    /** Metric key → the formula that produced it with the numbers filled in. */
    public Map<String, String> formulas() {
        return formulas;
    }

    void addFactor(String purpose, Factor factor, List<String> fallbacks) {
        factors.putIfAbsent(purpose + "|" + factor.id(), new FactorUse(purpose, factor, fallbacks));
    }

    void formula(Metric metric, String text) {
        formulas.merge(metric.key(), text, (a, b) -> a + " + " + b);
    }

    void proration(String text) {
        prorations.add(text);
    }

    void derivation(String text) {
        if (!derivations.contains(text)) {
            derivations.add(text);
        }
    }

    void conversion(String text) {
        if (!conversions.contains(text)) {
            conversions.add(text);
        }
    }

    static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }
}
