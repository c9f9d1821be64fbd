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

    /** What every number read from an input must keep, as said in messages. */
    public static final String INPUT_RANGE = "numbers are read with at most 18 digits before the decimal point,"
            + " down to 1E-30, and at most 34 significant digits";

    private Exact() {
    }

    /**
     * Whether a number read from an input is inside the range the engine computes with: below
     * 10^18, not below 10^-30, at most 34 significant digits. Outside it a value is a mistake, and
     * 1E+999999999 written out or rounded would hang the arithmetic. Cheap for any value: only
     * precision and scale are looked at.
     */
    public static boolean inInputRange(BigDecimal value) {
        int exponent = value.precision() - value.scale() - 1; // the power of ten of the leading digit
        return exponent < 18 && exponent >= -30 && value.precision() <= 34;
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
