package org.wattledger.engine.model;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Objects;

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

    /** Parses "2022" (a calendar year) or "2022-01-01..2022-12-31" (both days included, as users write). */
    public static ReportingPeriod parse(String text) {
        String t = text.strip();
        if (t.matches("\\d{4}")) {
            return year(Integer.parseInt(t));
        }
        String[] parts = t.split("\\.\\.");
        if (parts.length != 2) {
            throw new IllegalArgumentException("a period is YYYY or YYYY-MM-DD..YYYY-MM-DD, not '" + text + "'");
        }
        return new ReportingPeriod(LocalDate.parse(parts[0].strip()), LocalDate.parse(parts[1].strip()).plusDays(1));
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
