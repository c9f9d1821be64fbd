package org.wattledger.engine.units;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The engine's one rounding policy. Sums and products of decimals are exact. A division is exact
 * when its quotient terminates (3,600,000 MJ / 3600 = 1000 MWh); otherwise it is rounded to 34
 * significant digits, half-even ({@link MathContext#DECIMAL128}), the only place the engine
 * rounds. Rounding for display happens in the reports, through {@link #forDisplay}.
 */
public final class Exact {
    /** The precision of divisions whose quotient does not terminate. */
    public static final MathContext DIVISION = MathContext.DECIMAL128;

    private Exact() {
    }

    /** a / b: exact when the quotient terminates, else to {@link #DIVISION}; trailing zeros removed. */
    public static BigDecimal divide(BigDecimal a, BigDecimal b) {
        try {
            return strip(a.divide(b));
        } catch (ArithmeticException nonTerminating) {
            return strip(a.divide(b, DIVISION));
        }
    }

    /** Removes trailing zeros and writes zero as plain 0 so that equal values print the same. */
    public static BigDecimal strip(BigDecimal value) {
        if (value.signum() == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal s = value.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    /** Rounds for display only: {@code places} decimals, half-up, as people expect on paper. */
    public static BigDecimal forDisplay(BigDecimal value, int places) {
        return value.setScale(places, RoundingMode.HALF_UP);
    }
}
