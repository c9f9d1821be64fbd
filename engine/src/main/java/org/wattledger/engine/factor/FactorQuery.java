package org.wattledger.engine.factor;

import java.time.LocalDate;
import org.wattledger.engine.model.Carrier;
import org.wattledger.engine.model.Use;

/** What the calculator asks a catalogue for. {@code basis} blank asks for the default variant. */
public record FactorQuery(Carrier carrier, FactorKind kind, String gas, String region, LocalDate date, String basis,
        Use use) {
    public FactorQuery {
        basis = basis == null ? "" : basis;
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
