package org.wattledger.engine.model;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A half-open range of days [from, to): {@code to} is the first day <em>not</em> included, so the
 * calendar year 2024 is 2024-01-01..2025-01-01 and January is 2024-01-01..2024-02-01. A null
 * {@code to} is open-ended.
 *
 * <p>Every record that holds dates (instruments, denominators, factors, targets) holds one of
 * these. Users write inclusive last days ("2024-01-01 to 2024-12-31"); that input is converted
 * once, at the importer, with {@link #ofInclusive}, and nowhere else.
 */
public record DateRange(LocalDate from, LocalDate to) {
    public DateRange {
        Objects.requireNonNull(from, "from");
        if (to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("a date range must end after it starts: " + from + " .. " + to
                    + " (end excluded)");
        }
    }

    /** The range from {@code first} to {@code last}, both days included; a null {@code last} is open-ended. */
    public static DateRange ofInclusive(LocalDate first, LocalDate last) {
        return new DateRange(first, last == null ? null : last.plusDays(1));
    }

    /** Calendar year {@code year}. */
    public static DateRange year(int year) {
        return new DateRange(LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1));
    }

    public boolean isOpen() {
        return to == null;
    }

    /** The last day included, or null when open-ended. */
    public LocalDate lastDay() {
        return to == null ? null : to.minusDays(1);
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(from) && (to == null || day.isBefore(to));
    }

    /** True when every day of {@code other} lies in this range. */
    public boolean encloses(DateRange other) {
        return !other.from.isBefore(from) && (to == null || (other.to != null && !other.to.isAfter(to)));
    }

    public boolean overlaps(DateRange other) {
        return (other.to == null || from.isBefore(other.to)) && (to == null || other.from.isBefore(to));
    }

    /** The days both ranges share, or null when they share none. */
    public DateRange intersection(DateRange other) {
        if (!overlaps(other)) {
            return null;
        }
        LocalDate start = from.isAfter(other.from) ? from : other.from;
        LocalDate end = to == null ? other.to : other.to == null ? to : (to.isBefore(other.to) ? to : other.to);
        return new DateRange(start, end);
    }

    /** Number of days in the range; an open range has no length. */
    public long days() {
        if (to == null) {
            throw new IllegalStateException("an open-ended range has no length: " + this);
        }
        return ChronoUnit.DAYS.between(from, to);
    }

    /** As users write it: both days included ("2024-01-01..2024-12-31"), or "2024-01-01.." when open. */
    @Override
    public String toString() {
        return from + ".." + (to == null ? "" : to.minusDays(1).toString());
    }
}
