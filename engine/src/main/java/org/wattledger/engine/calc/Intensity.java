package org.wattledger.engine.calc;

import java.math.BigDecimal;

/** A figure divided by a denominator: {@code scope1_2_per_headcount} in t CO2e/person. */
public record Intensity(String name, BigDecimal value, String unit) {
}
