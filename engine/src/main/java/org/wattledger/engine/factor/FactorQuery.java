package org.wattledger.engine.factor;

import java.time.LocalDate;
import org.wattledger.engine.model.Carrier;
import org.wattledger.engine.model.Use;
import org.wattledger.engine.units.Dimension;

/**
 * What the calculator asks a catalogue for. {@code basis} blank asks for the default variant.
 * {@code activity}, when given, is the dimension of the amount the factor will multiply: only
 * factors whose denominator has that dimension answer (a per-m3 and a per-kWh natural-gas factor
 * live side by side; a volume reading takes the first).
 */
public record FactorQuery(Carrier carrier, FactorKind kind, String gas, String region, LocalDate date, String basis,
        Use use, Dimension activity) {
    public FactorQuery {
        basis = basis == null ? "" : basis;
    }

    /** A query that takes a factor whatever its denominator. */
    public FactorQuery(Carrier carrier, FactorKind kind, String gas, String region, LocalDate date, String basis, Use use) {
        this(carrier, kind, gas, region, date, basis, use, null);
    }

    /** The same query for an amount of the given dimension (null: any). */
    public FactorQuery forActivity(Dimension dimension) {
        return new FactorQuery(carrier, kind, gas, region, date, basis, use, dimension);
    }

    /** "electricity emission CO2 factor for CN-GZ on 2024-01-01". */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        sb.append(carrier == null ? "*" : carrier.id()).append(' ').append(kind.id());
        if (gas != null) {
            sb.append(' ').append(gas);
        }
        if (!basis.isEmpty()) {
            sb.append(" (").append(basis).append(')');
        }
        if (use != null) {
            sb.append(' ').append(use.id());
        }
        return sb.append(" factor for region ").append(region).append(", year ").append(date.getYear()).toString();
    }
}
