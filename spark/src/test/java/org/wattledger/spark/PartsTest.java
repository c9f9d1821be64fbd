package org.wattledger.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A line's rows as the driver receives them. */
class PartsTest {
    /**
     * "2-13" is 12 rows from 2 by 1; "40", "52", "64" are 3 rows from 40 by 12; "5", "7" are 2 rows
     * from 5 by 2, then "20-21" (2 rows by 1) and "30" alone (1 row).
     */
    @Test
    void runsBecomeProgressions() {
        Map<String, int[]> p = Parts.LinePart.progressions(Map.of(
                "a.csv", List.of("2-13", "40", "52", "64"),
                "b.csv", List.of("5", "7", "20-21", "30")));
        assertArrayEquals(new int[] {2, 1, 12, 40, 12, 3}, p.get("a.csv"));
        assertArrayEquals(new int[] {5, 2, 2, 20, 1, 2, 30, 1, 1}, p.get("b.csv"));
        assertEquals(List.of("a.csv", "b.csv"), List.copyOf(p.keySet()));
    }
}
