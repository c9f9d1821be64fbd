package org.wattledger.engine.units;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place unit text becomes a {@link CarbonUnit}: English and Chinese names, with the
 * magnitudes 万 (10^4), 亿 (10^8) and 10^n written in front ("万千瓦时", "亿kWh", "10^4 Nm3").
 */
public final class UnitParser {
    private static final Pattern POWER_OF_TEN = Pattern.compile("^10\\^(\\d{1,2})\\s*(.*)$");

    private UnitParser() {
    }

    /** Parses unit text, or throws {@link UnknownUnitException} naming the text. */
    public static CarbonUnit parse(String text) {
        return tryParse(text).orElseThrow(() -> new UnknownUnitException(text));
    }

    /** Parses unit text, or empty when it names no known unit. */
    public static Optional<CarbonUnit> tryParse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String symbol = text.strip();
        String raw = symbol.replace("10⁴", "10^4").replace("10⁸", "10^8").replace("10³", "10^3");
        Optional<CarbonUnit> direct = CarbonUnits.byName(raw);
        if (direct.isPresent()) {
            return direct.map(u -> u.symbol().equals(symbol) ? u : u.named(symbol));
        }
        Matcher power = POWER_OF_TEN.matcher(raw);
        if (power.matches()) {
            return CarbonUnits.byName(power.group(2))
                    .map(u -> u.scaled(symbol, BigDecimal.TEN.pow(Integer.parseInt(power.group(1)))));
        }
        BigDecimal scale = switch (raw.charAt(0)) {
            case '万' -> BigDecimal.TEN.pow(4);
            case '亿' -> BigDecimal.TEN.pow(8);
            default -> null;
        };
        if (scale == null || raw.length() < 2) {
            return Optional.empty();
        }
        return CarbonUnits.byName(raw.substring(1)).map(u -> u.scaled(symbol, scale));
    }

    /** Unit text that names no unit wattledger knows. */
    public static final class UnknownUnitException extends IllegalArgumentException {
        private final String text;

        public UnknownUnitException(String text) {
            super("unknown unit '" + text + "'");
            this.text = text;
        }

        public String text() {
            return text;
        }
    }
}
