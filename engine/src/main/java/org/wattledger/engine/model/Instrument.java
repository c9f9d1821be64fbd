package org.wattledger.engine.model;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import org.wattledger.engine.units.Measures;

/**
 * A contractual instrument for market-based Scope 2 (GHG Protocol Scope 2 Guidance, ch. 7):
 * certificates (GEC 绿证, I-REC, REC, GO), green power trades, PPAs and supplier-specific factors.
 *
 * @param site null for the whole organisation
 * @param market region code of the market boundary the instrument belongs to
 * @param vintage the days the covered electricity was generated; null when the input gave none
 *     (such an instrument cannot be matched to a consumption year and is not applied)
 * @param quantity energy covered, in MWh
 * @param factor t CO2e/MWh the instrument conveys (0 for renewable certificates)
 */
public record Instrument(String id, Type type, String site, String market, DateRange vintage, Quantity quantity,
        Quantity factor, boolean retired, String claimant, String note, SourceRef source) {

    public Instrument {
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(factor, "factor");
        if (!quantity.unit().equals(Measures.MWH) || !factor.unit().equals(Measures.T_CO2E_PER_MWH)) {
            throw new IllegalArgumentException("instrument " + id + ": quantity must be in " + Measures.MWH
                    + " and factor in " + Measures.T_CO2E_PER_MWH + ", not " + quantity + " and " + factor);
        }
    }

    /** The energy covered in MWh. */
    public BigDecimal quantityMwh() {
        return quantity.value();
    }

    /** The factor conveyed in t CO2e/MWh. */
    public BigDecimal factorTPerMwh() {
        return factor.value();
    }

    public enum Type {
        GEC, I_REC, REC, GO, GREEN_POWER_TRADE, PPA, SUPPLIER_SPECIFIC;

        private static final Aliases<Type> ALIASES = new Aliases<Type>()
                .add(GEC, "gec", "绿证", "绿色电力证书")
                .add(I_REC, "i-rec", "irec")
                .add(REC, "rec")
                .add(GO, "go", "guarantee of origin")
                .add(GREEN_POWER_TRADE, "green_power_trade", "green power", "绿电交易", "绿电")
                .add(PPA, "ppa", "power purchase agreement")
                .add(SUPPLIER_SPECIFIC, "supplier_specific", "supplier", "供应商");

        public static Optional<Type> parse(String text) {
            return ALIASES.find(text);
        }

        public String id() {
            return this == I_REC ? "i-rec" : name().toLowerCase(java.util.Locale.ROOT);
        }

        /** Certificates and contracts rank above a supplier-specific factor in the hierarchy. */
        public boolean isCertificateOrContract() {
            return this != SUPPLIER_SPECIFIC;
        }
    }
}
