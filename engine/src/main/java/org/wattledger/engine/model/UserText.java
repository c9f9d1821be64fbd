package org.wattledger.engine.model;

/**
 * Text that came from a user's file, made safe to show: control characters (a terminal escape
 * sequence in a cell, a stray bell or carriage return) become visible (ESC is shown as a backslash,
 * u and 001B), and a value quoted in a message is shortened, so a 50 MB cell cannot flood a
 * terminal or overflow a spreadsheet cell. The one place messages quote a user's value.
 */
public final class UserText {
    /** The most characters of a value a message quotes; the rest is counted, not shown. */
    public static final int QUOTE_LIMIT = 200;

    private UserText() {
    }

    /** {@code 'value'}: escaped and, beyond {@link #QUOTE_LIMIT} characters, cut with a marker giving the full length. */
    public static String quote(String value) {
        String v = value == null ? "" : value;
        int length = v.codePointCount(0, v.length());
        String shown = length <= QUOTE_LIMIT ? v : v.substring(0, v.offsetByCodePoints(0, QUOTE_LIMIT));
        return "'" + escapeControls(shown) + (length <= QUOTE_LIMIT ? "" : "… [truncated, " + length + " characters]")
                + "'";
    }

    /**
     * Every control character (C0, DEL, C1) and every invisible direction override as a backslash,
     * u and four upper-case hex digits; everything else unchanged (a backslash stays a backslash).
     */
    public static String escapeControls(String text) {
        if (text == null || text.chars().noneMatch(UserText::isControl)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.chars().forEach(c -> {
            if (isControl(c)) {
                out.append(String.format("\\u%04X", c));
            } else {
                out.append((char) c);
            }
        });
        return out.toString();
    }

    /** C0 controls, DEL, C1 controls, line/paragraph separators and bidirectional overrides: never shown raw. */
    public static boolean isControl(int c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x2028 || c == 0x2029 || (c >= 0x202A && c <= 0x202E)
                || (c >= 0x2066 && c <= 0x2069);
    }
}
