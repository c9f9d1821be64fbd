package org.wattledger.importers;

/**
 * Classifies an Excel number format as general, percent, date, date-time, month or time, so that a
 * date serial is read as the user sees it: a whole day, an instant, or a whole month. The value
 * itself is never formatted (no DataFormatter): only the class of its format matters.
 */
final class NumberFormats {
    private NumberFormats() {
    }

    /** The class of a built-in format id (ECMA-376 Part 1, 18.8.30; ids 27–36 and 50–58 are the CJK date formats). */
    static byte builtIn(int id) {
        return switch (id) {
            case 9, 10 -> CellRow.FMT_PERCENT;
            case 14, 15, 16 -> CellRow.FMT_DATE;
            case 17 -> CellRow.FMT_MONTH;
            case 18, 19, 20, 21, 45, 46, 47 -> CellRow.FMT_TIME;
            case 22 -> CellRow.FMT_DATETIME;
            case 27, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54 -> CellRow.FMT_DATE;
            case 28, 29, 57 -> CellRow.FMT_MONTH;
            case 58 -> CellRow.FMT_DATE;
            case 32, 33, 55, 56 -> CellRow.FMT_TIME;
            default -> CellRow.FMT_GENERAL;
        };
    }

    /** The class of a format code such as {@code yyyy-mm-dd hh:mm} or {@code 0.0%}. */
    static byte classify(String code) {
        if (code == null || code.isEmpty()) {
            return CellRow.FMT_GENERAL;
        }
        int semicolon = code.indexOf(';');
        String section = semicolon >= 0 ? code.substring(0, semicolon) : code;
        StringBuilder sb = new StringBuilder(section.length());
        boolean quoted = false;
        for (int i = 0; i < section.length(); i++) {
            char c = section.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (quoted) {
                continue;
            } else if (c == '\\' || c == '_' || c == '*') {
                i++;
            } else if (c == '[') {
                int end = section.indexOf(']', i);
                if (end < 0) {
                    break;
                }
                String inside = section.substring(i + 1, end).toLowerCase(java.util.Locale.ROOT);
                if (inside.equals("h") || inside.equals("hh") || inside.equals("m") || inside.equals("mm")
                        || inside.equals("s") || inside.equals("ss")) {
                    sb.append(inside.charAt(0));
                }
                i = end;
            } else {
                sb.append(Character.toLowerCase(c));
            }
        }
        String s = sb.toString().replace("general", "");
        if (s.indexOf('%') >= 0) {
            return CellRow.FMT_PERCENT;
        }
        boolean y = s.indexOf('y') >= 0 || s.indexOf('e') >= 0 && s.indexOf('0') < 0 && s.indexOf('#') < 0;
        boolean d = s.indexOf('d') >= 0;
        boolean h = s.indexOf('h') >= 0;
        boolean sec = s.indexOf('s') >= 0;
        boolean m = s.indexOf('m') >= 0;
        if (y || d) {
            if (h || sec) {
                return CellRow.FMT_DATETIME;
            }
            if (y && m && !d) {
                return CellRow.FMT_MONTH;
            }
            return CellRow.FMT_DATE;
        }
        if (h || sec) {
            return CellRow.FMT_TIME;
        }
        if (m && s.indexOf('0') < 0 && s.indexOf('#') < 0) {
            return CellRow.FMT_DATE;
        }
        return CellRow.FMT_GENERAL;
    }
}
