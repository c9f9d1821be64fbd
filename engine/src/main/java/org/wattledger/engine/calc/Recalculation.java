package org.wattledger.engine.calc;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.wattledger.engine.model.StructuralChange;
import org.wattledger.engine.units.Exact;

/**
 * Base-year recalculation (GHG Protocol Corporate Standard, chapter 5). The changes dated after
 * the base year count: their cumulative size Σ |signed emissions| divided by the base year's
 * Scope 1 + 2 (location-based) emissions is compared with the threshold; at or above it the base
 * year and every year before a change's date are restated by adding the change's signed
 * emissions, below it nothing is restated. Emissions in t CO2e; every step exact.
 *
 * @param baseYear the base year
 * @param baseEmissions the base year's emissions as calculated (or as a target gave them), t CO2e
 * @param threshold the share that triggers a recalculation (0.05)
 * @param changes the changes dated after the base year, the ones that count, in date order
 * @param cumulative Σ |signed emissions| of {@code changes}
 * @param share {@code cumulative / baseEmissions}; null when the base year's emissions are 0
 * @param triggered whether {@code share ≥ threshold}
 * @param restatedBaseEmissions the base year's emissions after restatement (the original when not triggered)
 * @param series each year from the base year on: original and restated emissions, t CO2e
 */
public record Recalculation(int baseYear, BigDecimal baseEmissions, BigDecimal threshold,
        List<StructuralChange> changes, BigDecimal cumulative, BigDecimal share, boolean triggered,
        BigDecimal restatedBaseEmissions, List<YearRow> series) {

    /** One year: its emissions as calculated and as restated. */
    public record YearRow(int year, BigDecimal original, BigDecimal restated) {
    }

    /**
     * The recalculation of a base year.
     *
     * @param allChanges the changes table
     * @param originalByYear emissions per year as calculated, t CO2e, from the base year on (at least the base year)
     */
    public static Recalculation of(List<StructuralChange> allChanges, int baseYear,
            SortedMap<Integer, BigDecimal> originalByYear, BigDecimal threshold) {
        BigDecimal base = originalByYear.get(baseYear);
        if (base == null) {
            throw new IllegalArgumentException("no emissions for base year " + baseYear);
        }
        List<StructuralChange> counted = allChanges.stream().filter(c -> c.date().getYear() > baseYear)
                .sorted(java.util.Comparator.comparing(StructuralChange::date)).toList();
        BigDecimal cumulative = BigDecimal.ZERO;
        for (StructuralChange c : counted) {
            cumulative = cumulative.add(c.signedEmissions().abs());
        }
        BigDecimal share = base.signum() == 0 ? null : Exact.divide(cumulative, base);
        boolean triggered = share != null && share.compareTo(threshold) >= 0;
        List<YearRow> series = new ArrayList<>();
        for (Map.Entry<Integer, BigDecimal> e : originalByYear.tailMap(baseYear).entrySet()) {
            int year = e.getKey();
            BigDecimal restated = e.getValue();
            if (triggered) {
                // A change restates the years before the one it took effect in: they lack (or wrongly hold) it.
                for (StructuralChange c : counted) {
                    if (c.date().getYear() > year) {
                        restated = restated.add(c.signedEmissions());
                    }
                }
            }
            series.add(new YearRow(year, e.getValue(), Exact.strip(restated)));
        }
        return new Recalculation(baseYear, base, threshold, counted, Exact.strip(cumulative), share, triggered,
                series.get(0).restated(), series);
    }

    /** A target's base value, restated when the changes of its boundary reach the threshold. */
    static BigDecimal restatedBase(List<StructuralChange> changes, int baseYear, BigDecimal base, BigDecimal threshold) {
        SortedMap<Integer, BigDecimal> one = new TreeMap<>();
        one.put(baseYear, base);
        return of(changes, baseYear, one, threshold).restatedBaseEmissions();
    }

    /** The change that a restatement adds to the base year, t CO2e: 0 when not triggered. */
    public BigDecimal baseChange() {
        return Exact.strip(restatedBaseEmissions.subtract(baseEmissions));
    }

    /** The year's row of the series, if the series reaches it. */
    public Optional<YearRow> year(int year) {
        return series.stream().filter(r -> r.year() == year).findFirst();
    }
}
