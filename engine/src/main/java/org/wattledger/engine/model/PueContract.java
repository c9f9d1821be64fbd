package org.wattledger.engine.model;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A colocation contract that pays a bonus or a penalty for each 0.01 of PUE below or above a target
 * (the contracts table). {@code amountPerStep} is in {@code currency} for each whole 0.01 of
 * deviation; {@code cap} (null: none) bounds the amount of each settlement period, bonus or penalty.
 */
public record PueContract(String site, String counterparty, BigDecimal targetPue, BigDecimal amountPerStep,
        String currency, BigDecimal cap, Basis basis, DateRange period, SourceRef source) {
    public PueContract {
        Objects.requireNonNull(site);
        Objects.requireNonNull(targetPue);
        Objects.requireNonNull(amountPerStep);
        Objects.requireNonNull(currency);
        Objects.requireNonNull(basis);
        Objects.requireNonNull(period);
    }

    /** How often the contract is settled: once per calendar year, or once per calendar month. */
    public enum Basis {
        ANNUAL,
        MONTHLY;

        private static final Aliases<Basis> ALIASES = new Aliases<Basis>()
                .add(ANNUAL, "annual", "yearly", "year", "年", "年度", "按年")
                .add(MONTHLY, "monthly", "month", "月", "月度", "按月");

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Basis> parse(String text) {
            return ALIASES.find(text);
        }
    }
}
