package org.wattledger.engine.model;

import java.util.Objects;

/**
 * A value to divide by for an intensity (headcount, floor area, revenue), for a boundary (site id
 * or {@code *}) over a period of days. The value is in the canonical unit of what it counts
 * (person, m2, its currency; see {@link org.wattledger.engine.units.Measures#denominator}).
 */
public record Denominator(String boundary, DateRange period, String name, Quantity value, SourceRef source) {
    public Denominator {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(value, "value");
        if (period.isOpen()) {
            throw new IllegalArgumentException("denominator " + name + ": the period must have an end: " + period);
        }
    }

    public boolean coversOrganisation() {
        return "*".equals(boundary);
    }
}
