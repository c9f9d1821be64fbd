package org.wattledger.importers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

final class CellParsingTest {
    private static String number(String text) {
        Numbers.Parsed p = Numbers.parse(text, CellRow.TEXT, false);
        return p.ok() ? p.value().toPlainString() + (p.suffix().isEmpty() ? "" : " [" + p.suffix() + "]") : "NaN";
    }

    @Test
    void parsesNumbersExactlyWithSeparatorsSignsExponentsAndUnits() {
        assertEquals("1234567.89", number("1,234,567.89"));
        assertEquals("1234", number("1 234"));
        assertEquals("123.5", number("１２３．５"));
        assertEquals("-12.5", number("(12.5)"));
        assertEquals("0.0012", number("1.2E-3"));
        assertEquals("1234 [kWh]", number("1,234 kWh"));
        assertEquals("12.5 [万千瓦时]", number("12.5万千瓦时"));
        assertEquals("3.2 [万]", number("3.2万"));
        assertEquals("0.30000000000000004", number("0.30000000000000004"));
        assertEquals("NaN", number("n/a"));
        assertEquals("NaN", number("1,23"));
        assertEquals("NaN", number("1.2.3"));
        assertEquals("NaN", number("-"));
        assertEquals("NaN", number(""));
    }

    @Test
    void readsRawNumberCellsStraightIntoBigDecimal() {
        assertEquals(0, new BigDecimal("123456.7890123").compareTo(
                Numbers.parse("123456.7890123", CellRow.NUMBER, false).value()));
        assertFalse(Numbers.parse("TRUE", CellRow.BOOLEAN, false).ok());
    }

    private static String date(String text) {
        Dates.Value v = new Dates(false).parse(text, CellRow.TEXT, CellRow.FMT_GENERAL);
        return v == null ? "null" : v.start() + " " + v.span();
    }

    @Test
    void parsesTextDatesInTheFormsUsersWrite() {
        assertEquals("2022-01-31T00:00 DAY", date("2022-01-31"));
        assertEquals("2022-01-31T00:00 DAY", date("2022/1/31"));
        assertEquals("2022-01-31T00:00 DAY", date("2022年1月31日"));
        assertEquals("2022-01-31T00:00 DAY", date("20220131"));
        assertEquals("2022-01-31T00:00 DAY", date("31 Jan 2022"));
        assertEquals("2022-01-31T00:00 DAY", date("Jan 31, 2022"));
        assertEquals("2022-01-01T00:00 MONTH", date("2022年1月"));
        assertEquals("2022-01-01T00:00 MONTH", date("Jan-22"));
        assertEquals("2022-01-01T00:00 MONTH", date("2022-01"));
        assertEquals("2022-01-01T00:00 YEAR", date("2022"));
        assertEquals("2022-01-31T08:30 INSTANT", date("2022-01-31 08:30"));
        assertEquals("2022-01-31T08:30:15.250 INSTANT", date("2022-01-31T08:30:15.25"));
        assertEquals("2022-02-01T00:00 INSTANT", date("2022-01-31 24:00"));
        assertEquals("null", date("2022-02-30"));
        assertEquals("null", date("01/02/2022"));
        assertEquals("null", date("soon"));
    }

    @Test
    void convertsExcelSerialsInBothDateSystemsAroundThe1900LeapYearBug() {
        Dates d1900 = new Dates(false);
        assertEquals(LocalDateTime.parse("1900-01-01T00:00"), d1900.serial(new BigDecimal("1")));
        assertEquals(LocalDateTime.parse("1900-02-28T00:00"), d1900.serial(new BigDecimal("59")));
        assertNull(d1900.serial(new BigDecimal("60")), "1900-02-29 never was");
        assertEquals(LocalDateTime.parse("1900-03-01T00:00"), d1900.serial(new BigDecimal("61")));
        assertEquals(LocalDateTime.parse("2022-01-01T01:00"), d1900.serial(new BigDecimal("44562.041666666664")));
        assertEquals(LocalDateTime.parse("2022-01-01T00:00"), new Dates(true).serial(new BigDecimal("43100")));
        Dates.Value midnight = d1900.parse("44563", CellRow.NUMBER, CellRow.FMT_DATETIME);
        assertEquals(Dates.Span.INSTANT, midnight.span());
        Dates.Value day = d1900.parse("44563", CellRow.NUMBER, CellRow.FMT_DATE);
        assertEquals(LocalDateTime.parse("2022-01-03T00:00"), day.end());
    }

    @Test
    void classifiesNumberFormats() {
        assertEquals(CellRow.FMT_DATE, NumberFormats.classify("yyyy-mm-dd"));
        assertEquals(CellRow.FMT_DATETIME, NumberFormats.classify("yyyy-mm-dd hh:mm"));
        assertEquals(CellRow.FMT_MONTH, NumberFormats.classify("yyyy\"年\"m\"月\""));
        assertEquals(CellRow.FMT_PERCENT, NumberFormats.classify("0.0%"));
        assertEquals(CellRow.FMT_GENERAL, NumberFormats.classify("General"));
        assertEquals(CellRow.FMT_GENERAL, NumberFormats.classify("#,##0.00;[Red]-#,##0.00"));
        assertEquals(CellRow.FMT_TIME, NumberFormats.classify("[h]:mm:ss"));
    }

    @Test
    void namesMonthHeaders() {
        Dates d = new Dates(false);
        assertEquals("0-3", ym(Dates.monthHeader("3月", CellRow.TEXT, d)));
        assertEquals("0-12", ym(Dates.monthHeader("十二月", CellRow.TEXT, d)));
        assertEquals("0-9", ym(Dates.monthHeader("Sept", CellRow.TEXT, d)));
        assertEquals("2022-2", ym(Dates.monthHeader("2022-02", CellRow.TEXT, d)));
        assertEquals("2022-2", ym(Dates.monthHeader("2022年2月", CellRow.TEXT, d)));
        assertEquals("2022-1", ym(Dates.monthHeader("44562", CellRow.NUMBER, d)));
        assertNull(Dates.monthHeader("quantity", CellRow.TEXT, d));
    }

    private static String ym(int[] v) {
        return v[0] + "-" + v[1];
    }

    @Test
    void detectsEncodingAndDelimiter() {
        byte[] gbk = "站点;表计\nA;B\n".getBytes(CsvSource.GB18030);
        CsvSource.Dialect d = CsvSource.detect(gbk, true);
        assertEquals(CsvSource.GB18030, d.charset());
        assertEquals(';', d.delimiter());
        CsvSource.Dialect u = CsvSource.detect("sep=\t\na\tb\n".getBytes(StandardCharsets.UTF_8), true);
        assertEquals(StandardCharsets.UTF_8, u.charset());
        assertEquals('\t', u.delimiter());
        byte[] cut = "站点".getBytes(StandardCharsets.UTF_8);
        assertEquals(true, CsvSource.isUtf8(java.util.Arrays.copyOf(cut, 4), false), "a character cut at the end is fine");
    }

    @Test
    void findsColumnsByAliasIgnoringCaseSpacesAndBracketedUnits() {
        assertEquals(new Columns.Split("quantity", "MWh"), Columns.split("Quantity (MWh)"));
        assertEquals(new Columns.Split("用量", "万千瓦时"), Columns.split("用量（万千瓦时）"));
        assertEquals(new Columns.Split("floorarea", "m2"), Columns.split("floor_area【m²】"));
        assertEquals("meter", Columns.READINGS.get(Columns.key("Meter ID")));
        assertEquals("meter", Columns.READINGS.get(Columns.key("表号")));
        assertEquals("from", Columns.READINGS.get(Columns.key("起始日期")));
        assertEquals("to", Columns.READINGS.get(Columns.key("截止日期")));
        assertEquals("carrier", Columns.READINGS.get(Columns.key("能源品种")));
    }
}
