package org.wattledger.engine.model;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A reporting period [from, to): {@code to} is exclusive, so calendar year 2022 is 2022-01-01..2023-01-01. */
public record ReportingPeriod(LocalDate from, LocalDate to) {
    public ReportingPeriod {
        Objects.requireNonNull(from);
        Objects.requireNonNull(to);
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("period must end after it starts: " + from + ".." + to);
        }
    }

    public static ReportingPeriod year(int year) {
        return new ReportingPeriod(LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1));
    }

    /** What {@link #parse} accepts, for messages. */
    public static final String FORMS = "YYYY, YYYY-MM, or FROM..TO where each end is YYYY, YYYY-MM or YYYY-MM-DD"
            + " (both ends included)";

    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    /**
     * Parses a period as users write it: "2024" (a calendar year), "2024-03" (a month), or a range
     * whose ends are years, months or days, both included: "2024-01..2024-06" is January to June,
     * "2024-01-01..2024-06-30" the same days.
     *
     * @throws IllegalArgumentException naming the text and the accepted forms
     */
    public static ReportingPeriod parse(String text) {
        String t = text.strip();
        String[] ends = t.split("\\.\\.", -1);
        if (ends.length > 2) {
            throw notAPeriod(text);
        }
        LocalDate first = unit(ends[0].strip(), text).first();
        LocalDate last = unit(ends[ends.length - 1].strip(), text).last();
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("the period " + UserText.quote(t) + " ends before it starts");
        }
        DateRange range = DateRange.ofInclusive(first, last);
        return new ReportingPeriod(range.from(), range.to());
    }

    /** A year, a month or a day, as the days it spans (both included). */
    private record Unit(LocalDate first, LocalDate last) {
    }

    private static Unit unit(String end, String text) {
        try {
            Matcher m;
            if ((m = YEAR.matcher(end)).matches()) {
                Year y = Year.of(Integer.parseInt(m.group(1)));
                return new Unit(y.atDay(1), y.atMonth(12).atEndOfMonth());
            }
            if ((m = MONTH.matcher(end)).matches()) {
                YearMonth ym = YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
                return new Unit(ym.atDay(1), ym.atEndOfMonth());
            }
            if (DAY.matcher(end).matches()) {
                LocalDate d = LocalDate.parse(end);
                return new Unit(d, d);
            }
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(UserText.quote(end) + " in the period " + UserText.quote(text.strip())
                    + " is not a real date");
        }
        throw notAPeriod(text);
    }

    private static IllegalArgumentException notAPeriod(String text) {
        return new IllegalArgumentException(UserText.quote(text.strip()) + " is not a period; write " + FORMS);
    }

    public LocalDateTime start() {
        return from.atStartOfDay();
    }

    public LocalDateTime end() {
        return to.atStartOfDay();
    }

    public boolean isCalendarYear() {
        return from.getDayOfYear() == 1 && to.equals(from.plusYears(1));
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(from) && day.isBefore(to);
    }

    @Override
    public String toString() {
        return from + ".." + to.minusDays(1);
    }
}
