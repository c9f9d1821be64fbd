package org.wattledger.engine.calc;

import java.math.BigDecimal;
import java.util.List;

/** The answer to "why is this number what it is?": the total and every line behind it. */
public record Explanation(String site, Metric metric, BigDecimal total, String unit, List<Part> parts) {
    /** One line's contribution. */
    public record Part(String line, BigDecimal value, BigDecimal quantity, String quantityUnit, String formula,
            String rows, List<Lineage.FactorUse> factors, List<String> conversions, List<String> prorations,
            List<String> derivations) {
    }
}
