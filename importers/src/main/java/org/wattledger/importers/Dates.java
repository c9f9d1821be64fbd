package org.wattledger.importers;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates and date-times from cells, with what they cover: an instant, a whole day, a whole month
 * or a whole year. A period's start is the beginning of what its cell covers; its end is the end of
 * what its cell covers (a date alone includes that whole day: the next midnight; a month alone,
 * the first day of the next month), except an instant, which is exclusive as written.
 *
 * <p>Excel serials use the 1900 date system (serial 1 = 1900-01-01; Excel counts a 29 February
 * 1900 that never was, serial 60, so serials above 60 are one day ahead: 1899-12-30 + serial), or
 * the 1904 system when the workbook says so (1904-01-01 + serial). Times are the fraction of the
 * day, rounded to the millisecond. Each distinct cell text is parsed once (cached).
 */
final class Dates {
    /** What a date cell covers. */
    enum Span {
        INSTANT, DAY, MONTH, YEAR
    }

    /**
     * A parsed date cell: where it starts and what it covers. {@code offset} is the UTC offset an
     * instant was written with ({@code +08:00}, {@code Z}), null when it was written as local time;
     * an instant with an offset is turned into the site's local time once its time zone is known.
     */
    record Value(LocalDateTime start, Span span, LocalDateTime end, ZoneOffset offset) {
        Value(LocalDateTime start, Span span) {
            this(start, span, null);
        }

        Value(LocalDateTime start, Span span, ZoneOffset offset) {
            this(start, span, switch (span) {
                case INSTANT -> start;
                case DAY -> start == LocalDateTime.MIN ? start : start.plusDays(1);
                case MONTH -> start.plusMonths(1);
                case YEAR -> start.plusYears(1);
            }, offset);
        }
    }

    static final String EXPECTED = "expected a date such as 2022-01-31, 2022/1/31, 2022年1月31日, a month such as"
            + " 2022-01, 2022年1月 or Jan-22, a date-time such as 2022-01-31 08:00 or 2022-01-31T08:00+08:00, or an"
            + " Excel date";

    private static final LocalDate EPOCH_1900 = LocalDate.of(1899, 12, 30);
    private static final LocalDate EPOCH_1900_EARLY = LocalDate.of(1899, 12, 31);
    private static final LocalDate EPOCH_1904 = LocalDate.of(1904, 1, 1);
    private static final BigDecimal MILLIS_PER_DAY = BigDecimal.valueOf(86_400_000L);
    private static final int CACHE_LIMIT = 200_000;

    private static final Pattern YMD = Pattern.compile(
            "(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*[日号]?"
                    + "(?:(?:\\s*T\\s*|\\s+)(\\d{1,2})\\s*[:：时]\\s*(\\d{1,2})(?:\\s*[:：分]\\s*(\\d{1,2})(?:[.,](\\d{1,9}))?)?\\s*[秒分]?"
                    + "\\s*(Z|[+-]\\d{2}(?::?\\d{2})?)?)?");
    /** Day and month both as numbers, in either order: 03/04/2024, 3.4.24, 03-04-2024 08:00. */
    private static final Pattern NUMERIC_DAY_MONTH = Pattern.compile(
            "(\\d{1,2})\\s*[-/.]\\s*(\\d{1,2})\\s*[-/.]\\s*(\\d{2}|\\d{4})(?:(?:\\s*T\\s*|\\s+).*)?");
    /** The largest magnitude of a date serial's exponent read; beyond it a number is no date (9999-12-31 is 2958465). */
    private static final int MAX_SERIAL_EXPONENT = 100;
    private static final Pattern YM = Pattern.compile("(\\d{4})\\s*(?:[-/.]|年)\\s*(\\d{1,2})\\s*月?(?:份)?");
    private static final Pattern Y = Pattern.compile("(\\d{4})\\s*年?(?:度)?");
    private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
    private static final Pattern SERIAL = Pattern.compile("\\d{1,7}(?:\\.\\d+)?");
    private static final Pattern MON_YEAR = Pattern.compile("([A-Za-z]{3,9})\\.?\\s*[-/ ]?\\s*'?(\\d{2}|\\d{4})");
    private static final Pattern YEAR_MON = Pattern.compile("(\\d{4})\\s*[-/ ]\\s*([A-Za-z]{3,9})\\.?");
    private static final Pattern DAY_MON_YEAR = Pattern.compile("(\\d{1,2})\\s*[-/ ]\\s*([A-Za-z]{3,9})\\.?\\s*[-/ ,]\\s*(\\d{2}|\\d{4})");
    /** The month-header patterns, compiled once: a month column runs {@link #monthHeader} on every row. */
    private static final Pattern CN_MONTH = Pattern.compile("(\\d{1,2})月(?:份)?");
    private static final Pattern M_MONTH = Pattern.compile("m(\\d{1,2})");
    private static final Pattern HAS_YEAR = Pattern.compile(".*\\d{4}.*");
    private static final Pattern MON_YY = Pattern.compile("[a-z]{3,9}\\.?-?'?\\d{2}");
    private static final Pattern MON_DAY_YEAR = Pattern.compile("([A-Za-z]{3,9})\\.?\\s+(\\d{1,2}),?\\s+(\\d{4})");

    private static final Map<String, Integer> MONTHS = new HashMap<>();

    static {
        String[] names = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
        String[] full = {"january", "february", "march", "april", "may", "june", "july", "august", "september",
            "october", "november", "december"};
        for (int i = 0; i < 12; i++) {
            MONTHS.put(names[i], i + 1);
            MONTHS.put(full[i], i + 1);
        }
        MONTHS.put("sept", 9);
    }

    private final boolean date1904;
    private final Map<String, Value> textCache = new HashMap<>();
    @SuppressWarnings("unchecked")
    private final Map<String, Value>[] numberCache = new Map[6];
    private static final Value INVALID = new Value(LocalDateTime.MIN, Span.INSTANT);

    Dates(boolean date1904) {
        this.date1904 = date1904;
        for (int i = 0; i < numberCache.length; i++) {
            numberCache[i] = new HashMap<>();
        }
    }

    /** The date in a cell, or null when it is not one. */
    Value parse(String text, byte kind, byte format) {
        Map<String, Value> cache;
        if (kind == CellRow.NUMBER) {
            cache = numberCache[format < numberCache.length ? format : 0];
        } else if (kind == CellRow.TEXT) {
            cache = textCache;
        } else {
            return null;
        }
        Value v = cache.get(text);
        if (v == null) {
            v = kind == CellRow.NUMBER ? number(text, format) : text(text);
            if (v == null) {
                v = INVALID;
            }
            if (cache.size() >= CACHE_LIMIT) {
                cache.clear();
            }
            cache.put(text, v);
        }
        return v == INVALID ? null : v;
    }

    private Value number(String raw, byte format) {
        BigDecimal serial = serialNumber(raw);
        if (serial == null) {
            return null;
        }
        if (format == CellRow.FMT_GENERAL && serial.signum() > 0 && serial.stripTrailingZeros().scale() <= 0
                && serial.compareTo(BigDecimal.valueOf(21_001_231L)) <= 0) {
            int whole = serial.intValueExact();
            if (whole >= 1900 && whole <= 2100) {
                return new Value(LocalDate.of(whole, 1, 1).atStartOfDay(), Span.YEAR);
            }
            if (whole >= 19_000_101 && whole <= 21_001_231) {
                return compact(Integer.toString(whole));
            }
        }
        if (format == CellRow.FMT_TIME) {
            return null;
        }
        LocalDateTime t = serial(serial);
        if (t == null) {
            return null;
        }
        boolean integral = serial.signum() == 0 || serial.stripTrailingZeros().scale() <= 0;
        return switch (format) {
            case CellRow.FMT_DATETIME -> new Value(t, Span.INSTANT);
            case CellRow.FMT_MONTH -> new Value(t.toLocalDate().withDayOfMonth(1).atStartOfDay(), Span.MONTH);
            default -> integral ? new Value(t, Span.DAY) : new Value(t, Span.INSTANT);
        };
    }

    /**
     * The number in a date cell, or null when it is none or its exponent is absurd: {@code 1E-999999999}
     * would otherwise cost a huge scale in every later step (and overflow it).
     */
    private static BigDecimal serialNumber(String raw) {
        try {
            BigDecimal v = new BigDecimal(raw);
            return absurd(v) ? null : v;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean absurd(BigDecimal v) {
        long exponent = (long) v.precision() - v.scale() - 1;
        return Math.abs(exponent) > MAX_SERIAL_EXPONENT;
    }

    /**
     * Why a cell that is not a date is none, for the error after the quoted cell: numeric day and
     * month in either order are called ambiguous with the two readings spelled out.
     */
    static String notADate(String text, byte kind) {
        if (kind == CellRow.NUMBER && serialNumber(text) == null) {
            return "is not a date (a number this far from 1 to 2958465 is no Excel date serial; " + EXPECTED + ")";
        }
        Matcher m = NUMERIC_DAY_MONTH.matcher(Numbers.normalize(text));
        if (kind == CellRow.TEXT && m.matches()) {
            int a = Integer.parseInt(m.group(1));
            int b = Integer.parseInt(m.group(2));
            int year = year(m.group(3));
            String dayFirst = isoDate(year, b, a);
            String monthFirst = isoDate(year, a, b);
            String readings = dayFirst != null && monthFirst != null
                    ? dayFirst + " (day/month) or " + monthFirst + " (month/day)"
                    : "day/month or month/day, which differ by country";
            String example = dayFirst != null ? dayFirst : monthFirst != null ? monthFirst : "2022-01-31";
            return "is ambiguous: a day and a month written as numbers can be " + readings
                    + "; write the year first, such as " + example;
        }
        return "is not a date (" + EXPECTED + ")";
    }

    private static String isoDate(int year, int month, int day) {
        try {
            return LocalDate.of(year, month, day).toString();
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** An Excel serial as a date-time; null outside 1900-01-01..9999-12-31 or for the phantom 1900-02-29. */
    LocalDateTime serial(BigDecimal serial) {
        if (serial.signum() <= 0 || absurd(serial) || serial.compareTo(BigDecimal.valueOf(2_958_466L)) >= 0) {
            return null;
        }
        long days = serial.setScale(0, RoundingMode.FLOOR).longValueExact();
        BigDecimal fraction = serial.subtract(BigDecimal.valueOf(days));
        long millis = fraction.multiply(MILLIS_PER_DAY).setScale(0, RoundingMode.HALF_UP).longValueExact();
        if (millis >= 86_400_000L) {
            days++;
            millis -= 86_400_000L;
        }
        LocalDate date;
        if (date1904) {
            date = EPOCH_1904.plusDays(days);
        } else if (days == 60) {
            return null;
        } else if (days < 60) {
            date = EPOCH_1900_EARLY.plusDays(days);
        } else {
            date = EPOCH_1900.plusDays(days);
        }
        return date.atStartOfDay().plusNanos(millis * 1_000_000L);
    }

    private Value text(String original) {
        String s = Numbers.normalize(original);
        if (s.isEmpty()) {
            return null;
        }
        try {
            Matcher m = YMD.matcher(s);
            if (m.matches()) {
                LocalDate d = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)));
                if (m.group(4) == null) {
                    return new Value(d.atStartOfDay(), Span.DAY);
                }
                int nanos = 0;
                if (m.group(7) != null) {
                    String f = (m.group(7) + "000000000").substring(0, 9);
                    nanos = Integer.parseInt(f);
                }
                int hour = Integer.parseInt(m.group(4));
                LocalTime time = LocalTime.of(hour == 24 ? 0 : hour, Integer.parseInt(m.group(5)),
                        m.group(6) == null ? 0 : Integer.parseInt(m.group(6)), nanos);
                LocalDateTime t = d.atTime(time);
                if (hour == 24) {
                    if (time.toNanoOfDay() != 0) {
                        return null;
                    }
                    t = t.plusDays(1);
                }
                return new Value(t, Span.INSTANT, m.group(8) == null ? null : ZoneOffset.of(m.group(8)));
            }
            m = YM.matcher(s);
            if (m.matches()) {
                return month(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            }
            m = COMPACT.matcher(s);
            if (m.matches()) {
                return compact(s);
            }
            m = Y.matcher(s);
            if (m.matches()) {
                int y = Integer.parseInt(m.group(1));
                return y >= 1900 && y <= 2200 ? new Value(LocalDate.of(y, 1, 1).atStartOfDay(), Span.YEAR) : null;
            }
            m = MON_YEAR.matcher(s);
            if (m.matches()) {
                Integer mon = MONTHS.get(m.group(1).toLowerCase(Locale.ROOT));
                return mon == null ? null : month(year(m.group(2)), mon);
            }
            m = YEAR_MON.matcher(s);
            if (m.matches()) {
                Integer mon = MONTHS.get(m.group(2).toLowerCase(Locale.ROOT));
                return mon == null ? null : month(Integer.parseInt(m.group(1)), mon);
            }
            m = DAY_MON_YEAR.matcher(s);
            if (m.matches()) {
                Integer mon = MONTHS.get(m.group(2).toLowerCase(Locale.ROOT));
                return mon == null ? null
                        : new Value(LocalDate.of(year(m.group(3)), mon, Integer.parseInt(m.group(1))).atStartOfDay(),
                                Span.DAY);
            }
            m = MON_DAY_YEAR.matcher(s);
            if (m.matches()) {
                Integer mon = MONTHS.get(m.group(1).toLowerCase(Locale.ROOT));
                return mon == null ? null
                        : new Value(LocalDate.of(Integer.parseInt(m.group(3)), mon, Integer.parseInt(m.group(2)))
                                .atStartOfDay(), Span.DAY);
            }
            if (SERIAL.matcher(s).matches()) {
                return number(s, CellRow.FMT_GENERAL);
            }
        } catch (DateTimeException | NumberFormatException | ArithmeticException e) {
            return null;
        }
        return null;
    }

    private static Value compact(String s) {
        try {
            LocalDate d = LocalDate.of(Integer.parseInt(s.substring(0, 4)), Integer.parseInt(s.substring(4, 6)),
                    Integer.parseInt(s.substring(6, 8)));
            return new Value(d.atStartOfDay(), Span.DAY);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static Value month(int year, int month) {
        if (month < 1 || month > 12) {
            return null;
        }
        return new Value(LocalDate.of(year, month, 1).atStartOfDay(), Span.MONTH);
    }

    private static int year(String yy) {
        int y = Integer.parseInt(yy);
        return yy.length() == 2 ? 2000 + y : y;
    }

    /**
     * A month named by a header: "1月", "一月", "Jan", "January", "M01", "2022-01", "2022年1月",
     * "Jan-22", or a date serial. Returns {year (0 when not given), month}, or null.
     */
    static int[] monthHeader(String text, byte kind, Dates dates) {
        if (kind == CellRow.NUMBER) {
            try {
                BigDecimal v = new BigDecimal(text);
                if (v.stripTrailingZeros().scale() <= 0) {
                    int whole = v.intValueExact();
                    if (whole >= 1 && whole <= 12) {
                        return new int[] {0, whole};
                    }
                }
                LocalDateTime t = dates.serial(v);
                return t == null || v.compareTo(BigDecimal.valueOf(3000)) < 0 ? null
                        : new int[] {t.getYear(), t.getMonthValue()};
            } catch (NumberFormatException | ArithmeticException e) {
                return null;
            }
        }
        String s = Numbers.normalize(text).toLowerCase(Locale.ROOT).replace(" ", "");
        Matcher m = CN_MONTH.matcher(s);
        if (m.matches()) {
            int mon = Integer.parseInt(m.group(1));
            return mon >= 1 && mon <= 12 ? new int[] {0, mon} : null;
        }
        String[] cn = {"一月", "二月", "三月", "四月", "五月", "六月", "七月", "八月", "九月", "十月", "十一月", "十二月"};
        for (int i = 0; i < 12; i++) {
            if (s.equals(cn[i]) || s.equals(cn[i] + "份")) {
                return new int[] {0, i + 1};
            }
        }
        String plain = s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
        Integer named = MONTHS.get(plain);
        if (named != null) {
            return new int[] {0, named};
        }
        m = M_MONTH.matcher(s);
        if (m.matches()) {
            int mon = Integer.parseInt(m.group(1));
            return mon >= 1 && mon <= 12 ? new int[] {0, mon} : null;
        }
        if (HAS_YEAR.matcher(s).matches() || MON_YY.matcher(s).matches()) {
            Value v = dates.parse(text, CellRow.TEXT, CellRow.FMT_GENERAL);
            if (v != null && v.span() == Span.MONTH) {
                return new int[] {v.start().getYear(), v.start().getMonthValue()};
            }
        }
        return null;
    }
}
