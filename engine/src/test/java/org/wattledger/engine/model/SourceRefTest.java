package org.wattledger.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

final class SourceRefTest {
    @Test
    void namesColumnsAsSpreadsheetsDo() {
        assertEquals("A", SourceRef.columnLetter(0));
        assertEquals("Z", SourceRef.columnLetter(25));
        assertEquals("AA", SourceRef.columnLetter(26));
        assertEquals("AZ", SourceRef.columnLetter(51));
        assertEquals("BA", SourceRef.columnLetter(52));
        assertEquals("ZZ", SourceRef.columnLetter(701));
        assertEquals("AAA", SourceRef.columnLetter(702));
        assertEquals("XFD", SourceRef.columnLetter(16_383), "Excel's last column");
    }

    @Test
    void saysWhereAsTheUserSeesIt() {
        assertEquals("meters.xlsx, sheet readings, row 14, column F",
                SourceRef.row("meters.xlsx", "readings", 14).atColumn("F").toString());
        assertEquals("readings.csv, row 3", SourceRef.row("readings.csv", null, 3).toString());
    }
}
