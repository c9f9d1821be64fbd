package org.wattledger.engine.units;

import java.math.BigDecimal;
import java.util.Objects;
import javax.measure.Unit;

/**
 * A unit as the user wrote it (kWh, 万千瓦时, GJ, t ...), backed by an Indriya unit, with its
 * dimension and the exact factor into the dimension's canonical unit. Values travel through the
 * engine as exact decimals next to one of these, never as bare numbers.
 */
public final class CarbonUnit {
    private final String symbol;
    private final Unit<?> unit;
    private final Dimension dimension;
    private final BigDecimal toCanonical;

    CarbonUnit(String symbol, Unit<?> unit, Dimension dimension, BigDecimal toCanonical) {
        this.symbol = Objects.requireNonNull(symbol);
        this.unit = Objects.requireNonNull(unit);
        this.dimension = Objects.requireNonNull(dimension);
        this.toCanonical = toCanonical.stripTrailingZeros();
    }

    /** The text the unit is shown with. */
    public String symbol() {
        return symbol;
    }

    /** The Indriya unit behind it. */
    public Unit<?> indriyaUnit() {
        return unit;
    }

    public Dimension dimension() {
        return dimension;
    }

    /** How many canonical units one of this unit is, exactly (kWh: 3.6 MJ). */
    public BigDecimal toCanonicalFactor() {
        return toCanonical;
    }

    /** Converts an amount in this unit into the canonical unit of its dimension, exactly. */
    public BigDecimal toCanonical(BigDecimal amount) {
        return amount.multiply(toCanonical);
    }

    /** The same unit under another name (万千瓦时 for 万kWh): equal in every respect but the symbol. */
    public CarbonUnit named(String newSymbol) {
        return new CarbonUnit(newSymbol, unit, dimension, toCanonical);
    }

    /** This unit multiplied by an exact scale, e.g. 10^4 for 万. */
    public CarbonUnit scaled(String newSymbol, BigDecimal scale) {
        return new CarbonUnit(newSymbol, unit.multiply(scale), dimension, toCanonical.multiply(scale));
    }

    /** True when both name the same amount of the same dimension (万kWh and 万千瓦时). */
    public boolean sameMagnitude(CarbonUnit other) {
        return dimension == other.dimension && toCanonical.compareTo(other.toCanonical) == 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CarbonUnit other && symbol.equals(other.symbol) && sameMagnitude(other);
    }

    @Override
    public int hashCode() {
        return symbol.hashCode();
    }

    @Override
    public String toString() {
        return symbol;
    }
}
