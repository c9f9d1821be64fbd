package org.wattledger.engine.model;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A value with the unit it is in. Records hold quantities already converted into the unit the
 * engine uses for them (instrument quantity in MWh, a target in its metric's report unit, a
 * denominator in its canonical unit): the importer converts what the user wrote once, through
 * {@link org.wattledger.engine.units.Measures}, and the engine checks the unit where it uses the value.
 */
public record Quantity(BigDecimal value, String unit) {
    public Quantity {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(unit, "unit");
        // 0.30 and 0.3 are the same quantity: equal records, the same text in every output.
        value = org.wattledger.engine.units.Exact.strip(value);
    }

    public static Quantity of(String value, String unit) {
        return new Quantity(new BigDecimal(value), unit);
    }

    @Override
    public String toString() {
        return value.toPlainString() + " " + unit;
    }
}
