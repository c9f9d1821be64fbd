package org.wattledger.engine.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A row of the {@code changes} table: an event that makes past years incomparable with today's
 * (GHG Protocol Corporate Standard, chapter 5) and may require the base year to be restated.
 *
 * @param date the day the change took effect; the years before it are restated
 * @param sites the sites it touches ({@code *} for the whole organisation)
 * @param emissions the Scope 1 + 2 (location-based) emissions it changes in one year of the past,
 *     t CO2e, as written: for acquisition, insourcing, divestment and outsourcing the amount (its sign
 *     comes from the type, see {@link #signedEmissions}); for a methodology change or an error
 *     correction the signed difference (negative when the corrected figure is lower)
 */
public record StructuralChange(Type type, LocalDate date, List<String> sites, BigDecimal emissions, String note,
        SourceRef source) {
    public StructuralChange {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(emissions, "emissions");
        emissions = org.wattledger.engine.units.Exact.strip(emissions);
        sites = List.copyOf(sites);
        note = note == null ? "" : note;
    }

    /** The kinds of change chapter 5 names. */
    public enum Type {
        ACQUISITION, DIVESTMENT, INSOURCING, OUTSOURCING, METHODOLOGY, ERROR;

        private static final Aliases<Type> ALIASES = new Aliases<Type>()
                .add(ACQUISITION, "acquisition", "acquired", "merger", "收购", "并购")
                .add(DIVESTMENT, "divestment", "divested", "sale", "disposal", "剥离", "出售")
                .add(INSOURCING, "insourcing", "insourced", "外包转自营", "业务内包")
                .add(OUTSOURCING, "outsourcing", "outsourced", "外包")
                .add(METHODOLOGY, "methodology", "method", "methodology change", "方法变更", "方法学变更")
                .add(ERROR, "error", "error correction", "correction", "差错更正", "错误更正");

        public static Optional<Type> parse(String text) {
            return ALIASES.find(text);
        }

        /** The word in files and reports: {@code acquisition}. */
        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        /** Whether the row's emissions carry their own sign (a correction) rather than taking it from the type. */
        public boolean signedByUser() {
            return this == METHODOLOGY || this == ERROR;
        }
    }

    /**
     * What the change adds to a past year's emissions: + for an acquisition or insourcing (those
     * emissions belong in the past years too), − for a divestment or outsourcing, as written for a
     * methodology change or an error correction.
     */
    public BigDecimal signedEmissions() {
        if (type.signedByUser()) {
            return emissions;
        }
        BigDecimal amount = emissions.abs();
        return type == Type.DIVESTMENT || type == Type.OUTSOURCING ? amount.negate() : amount;
    }
}
