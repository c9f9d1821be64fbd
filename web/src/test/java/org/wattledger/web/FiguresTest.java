package org.wattledger.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class FiguresTest {
    @Test
    void aReportsDecimalIsReadExactly() {
        // 0.1 + 0.2 as doubles is 0.30000000000000004: the report's decimals must not pass through a double.
        var json = Figures.parse("{\"totals\": {\"scope1\": {\"value\": 689.2694402951101123, \"unit\": \"t CO2e\"}}}"
                .getBytes(StandardCharsets.UTF_8));
        assertEquals("689.2694402951101123", Figures.exact(Figures.value(json.path("totals").path("scope1"))));
        assertNull(Figures.value(json.path("totals").path("water")), "a figure the report leaves out is no figure, not 0");
    }

    @Test
    void displayRoundsHalfUpWithThousandsSeparators() {
        assertEquals("173,800.9", Figures.display(new BigDecimal("173800.94")));   // from 100 up: 1 decimal
        assertEquals("100.00", Figures.display(new BigDecimal("99.995")));         // below 100: 2 decimals, 99.995 -> 100.00
        assertEquals("1.35", Figures.display(new BigDecimal("1.345")));            // half up: 1.345 -> 1.35
        assertEquals("0.6994", Figures.display(new BigDecimal("0.69935")));        // below 1: 4 decimals, half up
        assertEquals("–", Figures.display(null));
    }

    @Test
    void svgEscapesEveryLabel() {
        String svg = Svg.bars(List.of("2024"), List.of("<script>x</script>"), List.of(List.of(BigDecimal.TEN)), "t & u");
        assertFalse(svg.contains("<script>"));
        assertTrue(svg.contains("&lt;script&gt;x&lt;/script&gt;"));
        assertTrue(svg.contains("t &amp; u"));
    }
}
