package org.wattledger.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

final class DisplayTest {
    @Test
    void roundsHalfUpAndGroupsThousandsWithCommas() {
        assertEquals("1,234,567.90", Display.number(new BigDecimal("1234567.895"), 2));
        assertEquals("999.00", Display.number(new BigDecimal("999"), 2));
        assertEquals("1,000", Display.number(new BigDecimal("999.5"), 0));
        assertEquals("-1,234.50", Display.number(new BigDecimal("-1234.5"), 2));
        assertEquals("0.00", Display.number(new BigDecimal("-0.001"), 2), "no negative zero");
        assertEquals("12.35 %", Display.percent(new BigDecimal("0.12345"), 2));
    }

    @Test
    void choosesDecimalsByUnit() {
        assertEquals(2, Display.places("t CO2e"));
        assertEquals(2, Display.places("MWh"));
        assertEquals(3, Display.places("1"));
        assertEquals(3, Display.places("L/kWh"));
        assertEquals(3, Display.places("kg CO2e/kWh"));
        assertEquals(4, Display.places("t CO2e/person"));
        assertEquals("—", Display.number(null, "MWh"));
    }
}
