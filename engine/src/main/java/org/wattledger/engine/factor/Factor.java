package org.wattledger.engine.factor;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import org.wattledger.engine.model.Carrier;
import org.wattledger.engine.model.SourceRef;
import org.wattledger.engine.model.Use;
import org.wattledger.engine.units.FactorUnit;

/**
 * One row of a factor set (docs/formats/factors.md). Immutable.
 *
 * @param carrier null for {@code *} (any carrier: GWP values)
 * @param gas CO2, CH4, N2O, CO2e, or a refrigerant name (for GWP rows); null where not applicable
 * @param region a region code or {@code *}
 * @param validTo last day it applies to, inclusive; null = open
 * @param basis which variant of a value this is, blank for the default: {@code ets_reporting} or
 *     {@code fossil_only} for grid factors, {@code AR4}/{@code AR5}/{@code AR6} for GWP rows,
 *     {@code energy_industries} for IPCC Table 2.2 rows
 * @param use stationary or mobile combustion; null = either
 * @param set the set (or sheet) this row belongs to, e.g. {@code cn@2026.1} or {@code factors.csv}
 * @param origin file and row it was read from
 */
public record Factor(String id, Carrier carrier, FactorKind kind, String gas, BigDecimal value, FactorUnit unit,
        String region, LocalDate validFrom, LocalDate validTo, String source, String version, String note,
        String basis, Use use, String set, SourceRef origin) {
    public Factor {
        Objects.requireNonNull(id);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(value);
        Objects.requireNonNull(unit);
        Objects.requireNonNull(region);
        Objects.requireNonNull(validFrom);
        basis = basis == null ? "" : basis;
        note = note == null ? "" : note;
        version = version == null ? "" : version;
    }

    public boolean validOn(LocalDate day) {
        return !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
    }

    /** "2022-01-01..2022-12-31" or "2022-01-01.." when open. */
    public String validity() {
        return validFrom + ".." + (validTo == null ? "" : validTo.toString());
    }

    /** "0.5366 t/MWh". */
    public String valueWithUnit() {
        return value.toPlainString() + " " + unit.text();
    }
}
