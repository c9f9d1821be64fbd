package org.wattledger.web;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Reads a {@code wattledger.report/1} JSON report and shows its exact decimals rounded for the eye. */
public final class Figures {
    /** Decimals stay BigDecimal: a figure on a page is the report's figure, never a double's approximation. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);

    private Figures() {
    }

    public static JsonNode parse(byte[] json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The exact value of {@code {"value": …}} under {@code node}, or null when the report leaves it out. */
    public static BigDecimal value(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return null;
        }
        JsonNode v = node.isNumber() ? node : node.path("value");
        return v.isNumber() ? v.decimalValue() : null;
    }

    /**
     * For display: 1 decimal from 100 up (12,345.7), 2 from 1 (1.35), else 4 (0.5821); half up, with
     * thousands separators. "–" for a figure the report does not have (never 0).
     */
    public static String display(BigDecimal v) {
        if (v == null) {
            return "–";
        }
        BigDecimal abs = v.abs();
        int scale = abs.compareTo(BigDecimal.valueOf(100)) >= 0 ? 1 : abs.compareTo(BigDecimal.ONE) >= 0 ? 2 : 4;
        DecimalFormat f = new DecimalFormat(scale == 1 ? "#,##0.0" : scale == 2 ? "#,##0.00" : "#,##0.0000",
                DecimalFormatSymbols.getInstance(Locale.ROOT));
        f.setRoundingMode(RoundingMode.HALF_UP);
        return f.format(v);
    }

    /** The exact decimal as the report has it (plain, no exponent). */
    public static String exact(BigDecimal v) {
        return v == null ? "" : v.toPlainString();
    }
}
