package org.wattledger.importers;

import java.math.BigDecimal;
import java.text.Normalizer;
import org.wattledger.engine.units.Exact;

/**
 * Numbers from cell text straight to {@link BigDecimal}, never through {@code double}. Text cells
 * may carry thousands separators ({@code 1,234,567.8}), full-width digits ({@code １２３}, folded by
 * NFKC), a sign, an exponent, accounting brackets for negatives ({@code (12.5)}), and a unit or a
 * magnitude after the number ({@code 1,234 kWh}, {@code 12.5万千瓦时}, {@code 3.2万}); the unit
 * text is returned for the caller to resolve. In a semicolon-separated CSV a single comma is a
 * decimal comma ({@code 12,5}), unless it is followed by exactly three digits, which is ambiguous
 * and refused.
 */
final class Numbers {
    private Numbers() {
    }

    /** A parsed number and the text after it (a unit, "万", "%"), or a reason it is not a number. */
    record Parsed(BigDecimal value, String suffix, String problem) {
        boolean ok() {
            return value != null;
        }
    }

    private static final Parsed NOT_A_NUMBER = new Parsed(null, null, null);

    /** Digits before the decimal point a number may have (quoting numbers plainly stays short below it). */
    static final int MAX_INTEGER_DIGITS = 18;
    /** Significant digits a number may have (decimal128's 34; Excel stores 17). */
    static final int MAX_SIGNIFICANT_DIGITS = 34;

    /** Parses a cell. {@code decimalComma}: the file is semicolon-separated. */
    static Parsed parse(String text, byte kind, boolean decimalComma) {
        if (kind == CellRow.NUMBER) {
            BigDecimal fast = fastDecimal(text);
            if (fast != null) {
                return new Parsed(fast, "", null);
            }
            try {
                return bounded(new BigDecimal(text), "");
            } catch (NumberFormatException e) {
                return NOT_A_NUMBER;
            }
        }
        if (kind != CellRow.TEXT) {
            return NOT_A_NUMBER;
        }
        if (isPlain(text)) {
            BigDecimal fast = fastDecimal(text);
            if (fast != null) {
                return new Parsed(fast, "", null);
            }
            try {
                return bounded(new BigDecimal(text), "");
            } catch (NumberFormatException e) {
                // fall through to the full parse ("1.2.3", "-")
            }
        }
        return parseText(text, decimalComma);
    }

    /**
     * The number, or a problem when it is outside the range read ({@link Exact#inInputRange}).
     * Checked on every path but the fast one (at most 18 digits, no exponent: always inside), so
     * the hot path pays nothing.
     */
    private static Parsed bounded(BigDecimal v, String suffix) {
        if (!Exact.inInputRange(v)) {
            return new Parsed(null, null, "is out of range (" + Exact.INPUT_RANGE + ")");
        }
        return new Parsed(v, suffix, null);
    }

    /**
     * A plain decimal's digits as an unscaled {@code long} and a scale ({@link #fastPlain}); one
     * holder is reused row after row, so the hot path makes no object per number.
     */
    static final class Plain {
        long unscaled;
        int scale;

        /** The number as {@code new BigDecimal(text)} gives it: same value, same scale. */
        BigDecimal toBigDecimal() {
            return BigDecimal.valueOf(unscaled, scale);
        }
    }

    /**
     * "123.456" or "-7" with at most 18 digits, as {@link #fastPlain} reads it; null otherwise.
     */
    static BigDecimal fastDecimal(CharSequence s) {
        Plain p = new Plain();
        return fastPlain(s, p) ? p.toBigDecimal() : null;
    }

    /**
     * "123.456" or "-7" with at most 18 digits into {@code out} (unscaled 123456, scale 3): the
     * value and scale {@code new BigDecimal(text)} gives, several times faster; false (and
     * {@code out} unspecified) for anything else. The one definition of this fast path: a cell's
     * bytes come here through {@link CellRow}'s view.
     */
    static boolean fastPlain(CharSequence s, Plain out) {
        int n = s.length();
        if (n == 0 || n > 19) {
            return false;
        }
        int i = 0;
        boolean negative = false;
        if (s.charAt(0) == '-') {
            negative = true;
            i = 1;
        }
        long unscaled = 0;
        int digits = 0;
        int scale = -1;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                unscaled = unscaled * 10 + (c - '0');
                digits++;
                if (scale >= 0) {
                    scale++;
                }
            } else if (c == '.' && scale < 0) {
                scale = 0;
            } else {
                return false;
            }
        }
        if (digits == 0 || digits > 18 || scale == 0) {
            return false;
        }
        out.unscaled = negative ? -unscaled : unscaled;
        out.scale = Math.max(scale, 0);
        return true;
    }

    private static boolean isPlain(String s) {
        int n = s.length();
        if (n == 0 || n > 40) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if ((c < '0' || c > '9') && c != '.' && (c != '-' || i != 0)) {
                return false;
            }
        }
        return true;
    }

    /** A calendar year written as 2022, 2022年 or 2022年度 (1900-2200), or null when it is not one. */
    static Integer year(String text) {
        String t = normalize(text).replace("年", "").replace("度", "").strip();
        try {
            BigDecimal v = new BigDecimal(t);
            if (v.stripTrailingZeros().scale() <= 0 && v.compareTo(BigDecimal.valueOf(1900)) >= 0
                    && v.compareTo(BigDecimal.valueOf(2200)) <= 0) {
                return v.intValue();
            }
        } catch (NumberFormatException e) {
            // not a number: not a year
        }
        return null;
    }

    static String normalize(String text) {
        String s = text;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                s = Normalizer.normalize(s, Normalizer.Form.NFKC);
                break;
            }
        }
        return s.replace('\u2212', '-').replace('\u00A0', ' ').replace('\u202F', ' ').strip();
    }

    private static Parsed parseText(String text, boolean decimalComma) {
        String s = normalize(text);
        boolean bracketNegative = false;
        if (s.length() > 2 && s.charAt(0) == '(' && s.indexOf(')') > 0) {
            int close = s.indexOf(')');
            s = s.substring(1, close).strip() + s.substring(close + 1);
            bracketNegative = true;
        }
        int n = s.length();
        int i = 0;
        StringBuilder num = new StringBuilder(n);
        if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
            if (s.charAt(i) == '-') {
                num.append('-');
            }
            i++;
        }
        while (i < n && s.charAt(i) == ' ') {
            i++;
        }
        int intStart = i;
        int digits = 0;
        while (i < n && (isDigit(s.charAt(i)) || s.charAt(i) == ',' || s.charAt(i) == '.' || s.charAt(i) == '\''
                || (s.charAt(i) == ' ' && i + 1 < n && isDigit(s.charAt(i + 1)) && digits > 0))) {
            if (isDigit(s.charAt(i))) {
                digits++;
            }
            i++;
        }
        if (digits == 0) {
            return NOT_A_NUMBER;
        }
        String body = s.substring(intStart, i).strip();
        String mantissa = mantissa(body, decimalComma);
        if (mantissa == null) {
            return NOT_A_NUMBER;
        }
        if (mantissa.startsWith("?")) {
            return new Parsed(null, null, mantissa.substring(1));
        }
        num.append(mantissa);
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E') && i + 1 < n) {
            int j = i + 1;
            if (j < n && (s.charAt(j) == '+' || s.charAt(j) == '-')) {
                j++;
            }
            int expStart = j;
            while (j < n && isDigit(s.charAt(j))) {
                j++;
            }
            if (j > expStart && j - expStart <= 4) {
                num.append('E').append(s, i + 1, j);
                i = j;
            }
        }
        String suffix = s.substring(i).strip();
        try {
            BigDecimal v = new BigDecimal(num.toString());
            return bounded(bracketNegative ? v.negate() : v, suffix);
        } catch (NumberFormatException e) {
            return NOT_A_NUMBER;
        }
    }

    /**
     * The plain decimal of "1,234,567.89" / "1 234,5" (decimal comma) / "1'234.5"; null when the
     * separators are not well placed; "?reason" when ambiguous.
     */
    private static String mantissa(String body, boolean decimalComma) {
        char decimal = '.';
        char group = ',';
        int commas = count(body, ',');
        int dots = count(body, '.');
        if (decimalComma) {
            if (commas == 1 && dots == 0) {
                int after = body.length() - body.indexOf(',') - 1;
                if (after == 3) {
                    return "?is ambiguous in a semicolon-separated file: write 1234 or 1,5 (decimal comma) without"
                            + " thousands separators";
                }
                decimal = ',';
                group = '.';
            } else if (commas <= 1 && dots >= 1 && (commas == 0 || body.lastIndexOf(',') > body.lastIndexOf('.'))
                    && !(commas == 0 && dots == 1)) {
                decimal = ',';
                group = '.';
            }
        }
        int decimalAt = body.indexOf(decimal);
        if (decimalAt >= 0 && body.indexOf(decimal, decimalAt + 1) >= 0) {
            return null;
        }
        String intPart = decimalAt >= 0 ? body.substring(0, decimalAt) : body;
        String fraction = decimalAt >= 0 ? body.substring(decimalAt + 1) : "";
        for (int k = 0; k < fraction.length(); k++) {
            if (!isDigit(fraction.charAt(k))) {
                return null;
            }
        }
        StringBuilder out = new StringBuilder(body.length());
        boolean grouped = false;
        int sinceGroup = -1;
        for (int k = 0; k < intPart.length(); k++) {
            char c = intPart.charAt(k);
            if (isDigit(c)) {
                out.append(c);
                if (sinceGroup >= 0) {
                    sinceGroup++;
                }
            } else if (c == group || c == ' ' || c == '\'') {
                if (out.length() == 0 || (grouped && sinceGroup != 3) || (!grouped && out.length() > 3)) {
                    return null;
                }
                grouped = true;
                sinceGroup = 0;
            } else {
                return null;
            }
        }
        if (grouped && sinceGroup != 3) {
            return null;
        }
        if (out.length() == 0) {
            out.append('0');
        }
        if (!fraction.isEmpty()) {
            out.append('.').append(fraction);
        } else if (decimalAt >= 0 && out.length() == 0) {
            return null;
        }
        return out.toString();
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
