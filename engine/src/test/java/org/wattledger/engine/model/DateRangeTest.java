package org.wattledger.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

final class DateRangeTest {
    private static final LocalDate JAN_1 = LocalDate.of(2024, 1, 1);

    @Test
    void inclusiveInputEndsTheDayAfterTheLastDay() {
        DateRange year = DateRange.ofInclusive(JAN_1, LocalDate.of(2024, 12, 31));
        assertEquals(DateRange.year(2024), year);
        assertEquals(LocalDate.of(2025, 1, 1), year.to());
        assertEquals(366, year.days()); // 2024 is a leap year
        assertEquals("2024-01-01..2024-12-31", year.toString());
    }

    @Test
    void theEndDayIsNotContained() {
        DateRange year = DateRange.year(2023);
        assertTrue(year.contains(LocalDate.of(2023, 12, 31)));
        assertFalse(year.contains(LocalDate.of(2024, 1, 1)));
        assertFalse(year.overlaps(DateRange.year(2024)));
        assertNull(year.intersection(DateRange.year(2024)));
    }

    @Test
    void openRangesOverlapEverythingLater() {
        DateRange open = DateRange.ofInclusive(LocalDate.of(2022, 7, 1), null);
        assertTrue(open.isOpen());
        assertTrue(open.overlaps(DateRange.year(2030)));
        assertFalse(open.overlaps(DateRange.year(2021)));
        assertEquals(new DateRange(LocalDate.of(2022, 7, 1), LocalDate.of(2023, 1, 1)),
                open.intersection(DateRange.year(2022)));
        assertTrue(open.encloses(DateRange.year(2023)));
        assertFalse(DateRange.year(2023).encloses(open));
    }

    @Test
    void refusesAnEmptyRange() {
        assertThrows(IllegalArgumentException.class, () -> new DateRange(JAN_1, JAN_1));
    }
}
