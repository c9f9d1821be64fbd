package org.wattledger.engine.model;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A value to divide by for an intensity (headcount, floor area, revenue), for a boundary (site id
 * or {@code *}) over [from, to).
 */
public record Denominator(String boundary, LocalDate from, LocalDate to, String name, BigDecimal value,
        String unit, SourceRef source) {
    public boolean coversOrganisation() {
        return "*".equals(boundary);
    }
}
