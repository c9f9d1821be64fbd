package org.wattledger.engine.meter;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import org.wattledger.engine.model.SourceRef;

/** How periods, instants and other rows are written in messages, the way users wrote them. */
public final class Periods {
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
    private static final DateTimeFormatter DATE_TIME_SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss",
            Locale.ROOT);

    private Periods() {
    }

    /**
     * A half-open period [from, to) as a user would write it: whole days as both days included
     * ("2022-01-01..2022-01-31"), otherwise date-times with the end excluded
     * ("2022-01-01 00:00..2022-01-01 01:00 (end excluded)").
     */
    public static String describe(LocalDateTime from, LocalDateTime to) {
        if (from.toLocalTime().equals(LocalTime.MIDNIGHT) && to.toLocalTime().equals(LocalTime.MIDNIGHT)) {
            return from.toLocalDate() + ".." + to.toLocalDate().minusDays(1);
        }
        return instant(from) + ".." + instant(to) + " (end excluded)";
    }

    /** An instant: "2022-01-31 00:00", with seconds only when there are some. */
    public static String instant(LocalDateTime t) {
        LocalDateTime whole = t.withNano(0);
        return (whole.getSecond() == 0 ? DATE_TIME : DATE_TIME_SECONDS).format(whole);
    }

    /**
     * Another row as seen from an issue at {@code here}: "row 4" (or "row 4, column C") in the
     * same file and sheet, otherwise the full location.
     */
    public static String otherRow(SourceRef other, SourceRef here) {
        boolean sameTable = Objects.equals(other.file(), here.file()) && Objects.equals(other.sheet(), here.sheet());
        if (!sameTable) {
            return other.toString();
        }
        return "row " + other.row() + (other.column() == null ? "" : ", column " + other.column());
    }
}
