package org.wattledger.engine.model;

import java.math.BigDecimal;
import java.util.List;

/**
 * A reduction target over calendar years. Either {@code targetValue} or {@code reductionPct} is
 * given; a null {@code baseValue} is computed from the base year's data. The values are in the
 * metric's report unit ({@link org.wattledger.engine.units.Measures#targetValue}). {@code boundary}
 * lists site ids, or holds only {@code *} for the whole organisation.
 */
public record Target(String id, String metric, List<String> boundary, int baseYear, Quantity baseValue,
        int targetYear, Quantity targetValue, BigDecimal reductionPct, Path path, SourceRef source) {

    /** How the expected value moves from base to target year. */
    public enum Path {
        /** Straight line from base value to target value. */
        LINEAR,
        /** SBTi 1.5 °C absolute contraction: 4.2 % of the base value per year. */
        SBTI_1_5C,
        /** SBTi well-below 2 °C absolute contraction: 2.5 % of the base value per year. */
        SBTI_WB2C;

        public static java.util.Optional<Path> parse(String text) {
            if (text == null || text.isBlank()) {
                return java.util.Optional.of(LINEAR);
            }
            return switch (Aliases.key(text).replace(".", "")) {
                case "linear" -> java.util.Optional.of(LINEAR);
                case "sbti15c", "15c", "sbti15" -> java.util.Optional.of(SBTI_1_5C);
                case "sbtiwb2c", "wb2c", "sbti2c" -> java.util.Optional.of(SBTI_WB2C);
                default -> java.util.Optional.empty();
            };
        }

        public String id() {
            return switch (this) {
                case LINEAR -> "linear";
                case SBTI_1_5C -> "sbti_1.5c";
                case SBTI_WB2C -> "sbti_wb2c";
            };
        }
    }

    public boolean wholeOrganisation() {
        return boundary.contains("*");
    }
}
