package org.wattledger.engine.units;

/**
 * The physical dimensions an activity or a factor denominator can have, each with the canonical
 * unit the engine sums in. Canonical units are chosen so that every conversion into them
 * terminates as a decimal (kWh = 3.6 MJ, GJ = 1000 MJ, L = 0.001 m3).
 */
public enum Dimension {
    ENERGY("MJ"),
    VOLUME("m3"),
    MASS("kg"),
    DIMENSIONLESS("1");

    private final String canonicalSymbol;

    Dimension(String canonicalSymbol) {
        this.canonicalSymbol = canonicalSymbol;
    }

    public String canonicalSymbol() {
        return canonicalSymbol;
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
