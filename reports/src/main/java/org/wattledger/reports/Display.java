package org.wattledger.reports;

import java.math.BigDecimal;
import org.wattledger.engine.calc.Metric;
import org.wattledger.engine.units.Exact;

/**
 * Rounding and wording for people (HTML, xlsx display columns, the terminal), in one place.
 * Numbers are rounded with {@link Exact#forDisplay} (half-up) and grouped in thousands with a
 * comma, whatever the JVM's locale: the same results always read the same. Machine outputs (JSON,
 * CSV, the xlsx "exact" columns) never go through here.
 */
final class Display {
    /** Shown for a figure that does not apply (no water readings, no IT meter). */
    static final String NONE = "—";

    private Display() {
    }

    /** Decimals shown for a unit: 3 for ratios (PUE, WUE, CUE), 4 for intensities, else 2. */
    static int places(String unit) {
        if (unit.equals("1") || unit.equals("L/kWh") || unit.startsWith("kg CO2e/kWh")) {
            return 3;
        }
        return unit.contains("/") ? 4 : 2;
    }

    /** {@code 1234567.891} with 2 places → {@code 1,234,567.89}. */
    static String number(BigDecimal value, int places) {
        String plain = Exact.forDisplay(value, places).toPlainString();
        boolean negative = plain.startsWith("-");
        if (negative) {
            plain = plain.substring(1);
        }
        int dot = plain.indexOf('.');
        String integer = dot < 0 ? plain : plain.substring(0, dot);
        String fraction = dot < 0 ? "" : plain.substring(dot);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < integer.length(); i++) {
            if (i > 0 && (integer.length() - i) % 3 == 0) {
                sb.append(',');
            }
            sb.append(integer.charAt(i));
        }
        String out = sb + fraction;
        return negative && !out.matches("[0,.]*") ? "-" + out : out;
    }

    /** A value in its unit's display precision; {@link #NONE} for null. */
    static String number(BigDecimal value, String unit) {
        return value == null ? NONE : number(value, places(unit));
    }

    /** A fraction as a percentage: 0.1234 → {@code 12.34 %}. */
    static String percent(BigDecimal fraction, int places) {
        return number(fraction.movePointRight(2), places) + " %";
    }

    /** People's name of a metric, in English. */
    static String label(Metric metric) {
        return label(metric, Labels.EN);
    }

    /** People's name of a metric in a report's language (labels {@code metric.KEY}). */
    static String label(Metric metric, Labels words) {
        return words.get("metric." + metric.key());
    }

    /** A unit as people write it: {@code m³} for {@code m3}, {@code ratio} for {@code 1}. */
    static String unit(String unit) {
        return unit.equals("1") ? "ratio" : unit.replace("m3", "m³").replace("m2", "m²");
    }
}
