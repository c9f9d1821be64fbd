package org.wattledger.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** {@code --period} as users write it: years, months and days, both ends included. */
final class ReportingPeriodTest {
    private static void assertPeriod(String from, String toExclusive, String text) {
        assertEquals(new ReportingPeriod(LocalDate.parse(from), LocalDate.parse(toExclusive)), ReportingPeriod.parse(text),
                text);
    }

    @Test
    void yearsMonthsAndDays() {
        assertPeriod("2024-01-01", "2025-01-01", "2024");
        // March 2024: 1 to 31 March, so the first day not included is 1 April.
        assertPeriod("2024-03-01", "2024-04-01", "2024-03");
        // January to June 2024 (June included): the first day not included is 1 July.
        assertPeriod("2024-01-01", "2024-07-01", "2024-01..2024-06");
        assertPeriod("2024-01-01", "2024-07-01", "2024-01-01..2024-06-30");
        // February of a leap year ends on the 29th.
        assertPeriod("2024-02-01", "2024-03-01", " 2024-02 ");
        assertPeriod("2022-01-01", "2024-01-01", "2022..2023");
    }

    @Test
    void anythingElseIsAClearError() {
        String forms = "write YYYY, YYYY-MM, or FROM..TO where each end is YYYY, YYYY-MM or YYYY-MM-DD (both ends included)";
        assertEquals("'24-01' is not a period; " + forms,
                assertThrows(IllegalArgumentException.class, () -> ReportingPeriod.parse("24-01")).getMessage());
        assertEquals("'2024-01..2024-03..2024-06' is not a period; " + forms,
                assertThrows(IllegalArgumentException.class, () -> ReportingPeriod.parse("2024-01..2024-03..2024-06"))
                        .getMessage());
        assertEquals("'2024-13' in the period '2024-13' is not a real date",
                assertThrows(IllegalArgumentException.class, () -> ReportingPeriod.parse("2024-13")).getMessage());
        assertEquals("'2023-02-29' in the period '2023-01-01..2023-02-29' is not a real date",
                assertThrows(IllegalArgumentException.class, () -> ReportingPeriod.parse("2023-01-01..2023-02-29"))
                        .getMessage());
        assertEquals("the period '2024-06..2024-01' ends before it starts",
                assertThrows(IllegalArgumentException.class, () -> ReportingPeriod.parse("2024-06..2024-01")).getMessage());
    }
}
