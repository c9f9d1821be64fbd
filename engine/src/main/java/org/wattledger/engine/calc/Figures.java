package org.wattledger.engine.calc;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Sums of {@link Metric}s in canonical units, with the part of each that rests on estimated
 * readings. A metric that never received a value is absent, not zero: a site without water
 * meters has no water figure.
 */
public final class Figures {
    private final EnumMap<Metric, BigDecimal> values = new EnumMap<>(Metric.class);
    private final EnumMap<Metric, BigDecimal> estimated = new EnumMap<>(Metric.class);

    public void add(Metric metric, BigDecimal amount) {
        values.merge(metric, amount, BigDecimal::add);
    }

    public void addEstimated(Metric metric, BigDecimal amount) {
        estimated.merge(metric, amount, BigDecimal::add);
    }

    public void addAll(Figures other) {
        other.values.forEach(this::add);
        other.estimated.forEach(this::addEstimated);
    }

    /** Replaces a metric's value (market-based Scope 2 after instruments are allocated). */
    void set(Metric metric, BigDecimal amount) {
        values.put(metric, amount);
    }

    void remove(Metric metric) {
        values.remove(metric);
        estimated.remove(metric);
    }

    void setEstimated(Metric metric, BigDecimal amount) {
        if (amount.signum() == 0) {
            estimated.remove(metric);
        } else {
            estimated.put(metric, amount);
        }
    }

    public Optional<BigDecimal> get(Metric metric) {
        return Optional.ofNullable(values.get(metric));
    }

    public BigDecimal getOrZero(Metric metric) {
        return values.getOrDefault(metric, BigDecimal.ZERO);
    }

    public boolean has(Metric metric) {
        return values.containsKey(metric);
    }

    /** The metric in its report unit (t CO2e, MWh, tce, m3), if present. */
    public Optional<BigDecimal> reported(Metric metric) {
        return get(metric).map(metric::present);
    }

    /** Share (0..1) of the metric that rests on estimated readings; empty when none does. */
    public Optional<BigDecimal> estimatedShare(Metric metric) {
        BigDecimal est = estimated.get(metric);
        BigDecimal total = values.get(metric);
        if (est == null || est.signum() == 0 || total == null || total.signum() == 0) {
            return Optional.empty();
        }
        return Optional.of(org.wattledger.engine.units.Exact.divide(est, total));
    }

    public Map<Metric, BigDecimal> values() {
        return Collections.unmodifiableMap(values);
    }
}
