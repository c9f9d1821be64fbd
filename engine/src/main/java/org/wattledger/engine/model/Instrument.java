package org.wattledger.engine.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A contractual instrument for market-based Scope 2 (GHG Protocol Scope 2 Guidance, ch. 7):
 * certificates (GEC 绿证, I-REC, REC, GO), green power trades, PPAs and supplier-specific factors.
 *
 * @param site null for the whole organisation
 * @param market region code of the market boundary the instrument belongs to
 * @param quantityMwh MWh covered
 * @param factorTPerMwh t CO2e/MWh the instrument conveys (0 for renewable certificates)
 */
public record Instrument(String id, Type type, String site, String market, LocalDate generationFrom,
        LocalDate generationTo, BigDecimal quantityMwh, BigDecimal factorTPerMwh, boolean retired, String claimant,
        String note, SourceRef source) {

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
