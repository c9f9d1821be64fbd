package org.wattledger.engine.calc;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import org.wattledger.engine.model.Carrier;
import org.wattledger.engine.model.Role;
import org.wattledger.engine.model.Use;
import org.wattledger.engine.units.CarbonUnit;
import org.wattledger.engine.units.Dimension;

/**
 * One group of readings: a meter's readings of one carrier in one bucket (a calendar month,
 * further cut at the reporting period's bounds), summed exactly in the unit they were given in,
 * then converted once. Holds the figures computed from it and their lineage.
 */
public final class Line {
    final String site;
    final String meter;
    final Carrier carrier;
    final String gas;
    final Use use;
    final Role role;
    final LocalDate bucketStart;
    final LocalDate bucketEnd;
    final CarbonUnit unit;
    BigDecimal quantity = BigDecimal.ZERO;
    BigDecimal estimatedQuantity = BigDecimal.ZERO;
    final Figures figures = new Figures();
    final Lineage lineage = new Lineage();
    /** Canonical activity (MJ, m3 or kg) after conversion. */
    BigDecimal activity;
    /** Calorific energy in MJ, when it could be determined. */
    BigDecimal energyMj;
    /** True when the energy of a fuel could not be determined (its error says why). */
    boolean energyUnknown;
    /** energyMj is gross (from a higher heating value), not net. */
    boolean energyGross;
    /** A volume's mass through the carrier's density, kg; null until a per-mass factor needs it. */
    BigDecimal massKg;
    /** Electricity covered by instruments, MJ; set by the market-based allocation. */
    BigDecimal coveredMj = BigDecimal.ZERO;
    /** Scope 1 mass per gas (CO2, CH4, N2O, or the refrigerant), kg of that gas. */
    final java.util.TreeMap<String, BigDecimal> scope1Gas = new java.util.TreeMap<>();
    /**
     * Scope 1 per gas in kg CO2e (mass × GWP), adding up exactly to the line's Scope 1; key
     * {@code CO2e} for an amount from a factor already in CO2 equivalents, which no gas split exists for.
     */
    final java.util.TreeMap<String, BigDecimal> scope1GasCo2e = new java.util.TreeMap<>();
    /** True when the factor set has no GB/T 2589 coefficient for this line's carrier. */
    boolean tceMissing;
    /** The first input row of the line, where its errors are reported. */
    org.wattledger.engine.model.SourceRef firstSource;

    Line(String site, String meter, Carrier carrier, String gas, Use use, Role role, LocalDate bucketStart,
            LocalDate bucketEnd, CarbonUnit unit) {
        this.site = site;
        this.meter = meter;
        this.carrier = carrier;
        this.gas = gas;
        this.use = use;
        this.role = role;
        this.bucketStart = bucketStart;
        this.bucketEnd = bucketEnd;
        this.unit = unit;
    }

    public String site() {
        return site;
    }

    public String meter() {
        return meter;
    }

    public Carrier carrier() {
        return carrier;
    }

    /** The refrigerant, for refrigerant lines. */
    public String gas() {
        return gas;
    }

    public Use use() {
        return use;
    }

    public Role role() {
        return role;
    }

    public LocalDate from() {
        return bucketStart;
    }

    /** Exclusive end of the bucket. */
    public LocalDate to() {
        return bucketEnd;
    }

    public YearMonth month() {
        return YearMonth.from(bucketStart);
    }

    public int year() {
        return bucketStart.getYear();
    }

    /** The summed quantity in the unit the readings were given in. */
    public BigDecimal quantity() {
        return quantity;
    }

    public CarbonUnit unit() {
        return unit;
    }

    public Dimension dimension() {
        return unit.dimension();
    }

    public BigDecimal activity() {
        return activity;
    }

    /** Scope 1 mass per gas, kg of that gas. */
    public java.util.Map<String, BigDecimal> scope1ByGas() {
        return java.util.Collections.unmodifiableMap(scope1Gas);
    }

    /** Calorific energy in MJ, if known. */
    public BigDecimal energyMj() {
        return energyMj;
    }

    public boolean tceMissing() {
        return tceMissing;
    }

    public Figures figures() {
        return figures;
    }

    public Lineage lineage() {
        return lineage;
    }

    /** Share of the quantity from estimated readings, 0..1. */
    BigDecimal estimatedFraction() {
        return quantity.signum() == 0 || estimatedQuantity.signum() == 0 ? BigDecimal.ZERO
                : org.wattledger.engine.units.Exact.divide(estimatedQuantity, quantity);
    }

    /** Adds a figure, and its estimated part in proportion to the estimated readings. */
    void put(Metric metric, BigDecimal amount) {
        figures.add(metric, amount);
        if (estimatedQuantity.signum() != 0) {
            figures.addEstimated(metric, amount.multiply(estimatedFraction()));
        }
    }

    /** Replaces a figure, keeping its estimated part in proportion. */
    void replace(Metric metric, BigDecimal amount) {
        figures.set(metric, amount);
        figures.setEstimated(metric, amount.multiply(estimatedFraction()));
    }

    /** "DC1 / M1 electricity 2024-01". */
    public String label() {
        return site + " / " + meter + " " + carrier.id() + (gas == null ? "" : " " + gas) + " " + bucketStart
                + ".." + bucketEnd.minusDays(1);
    }
}
