package org.wattledger.reports;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The workbook writer, read back by Apache POI: what it writes is what a spreadsheet reads. */
final class XlsxWriterTest {
    private static final LocalDateTime STAMP = LocalDateTime.of(2025, 1, 1, 0, 0);

    private static XSSFWorkbook open(XlsxWriter wb) throws IOException {
        return new XSSFWorkbook(new ByteArrayInputStream(wb.toBytes(STAMP, "me", "a title")));
    }

    @Test
    void quotesSheetNamesOnlyWhereAFormulaNeedsIt() {
        assertEquals("Summary", XlsxWriter.sheetReference("Summary"));
        assertEquals("'GHG Protocol'", XlsxWriter.sheetReference("GHG Protocol"));
        assertEquals("'O''Brien'", XlsxWriter.sheetReference("O'Brien"));
        assertEquals("'2024'", XlsxWriter.sheetReference("2024"));
        assertEquals("'A1'", XlsxWriter.sheetReference("A1"), "else it reads as a cell");
        assertEquals("'R1C1'", XlsxWriter.sheetReference("R1C1"));
        assertEquals("Partial_PUE", XlsxWriter.sheetReference("Partial_PUE"));
        assertEquals("'用电'", XlsxWriter.sheetReference("用电"));
    }

    @Test
    void countsDaysAsThe1900DateSystem() {
        // Excel: 1900-03-01 is serial 61 (it counts a 29 February 1900); 2024-01-01 is 45292.
        assertEquals(61, XlsxWriter.dateSerial(LocalDate.of(1900, 3, 1)));
        assertEquals(45_292, XlsxWriter.dateSerial(LocalDate.of(2024, 1, 1)));
        assertThrows(IllegalArgumentException.class, () -> XlsxWriter.dateSerial(LocalDate.of(1900, 2, 28)));
    }

    @Test
    void cellsComeBackAsWrittenWithTheirStyles() throws IOException {
        XlsxWriter wb = new XlsxWriter("Calibri");
        XlsxWriter.Sheet s = wb.addSheet("Data");
        s.row(0).text(0, "Name", XlsxWriter.HEADER);
        s.text(1, "Value", XlsxWriter.HEADER);
        s.row(1).text(0, "a", XlsxWriter.TEXT);
        s.number(1, 0.1, XlsxWriter.decimals(2));
        s.row(2).text(0, "b", XlsxWriter.TEXT);
        s.number(1, 1.7976931348623157e308, XlsxWriter.decimals(15));
        s.row(3);
        s.row(4).number(1, 4.9e-324, XlsxWriter.decimals(0));
        s.row(6).text(0, "Total", XlsxWriter.BOLD);
        s.formula(1, "SUM(B2:B5)", 0.30000000000000004, XlsxWriter.decimals(3));
        s.date(2, LocalDate.of(2024, 2, 29), XlsxWriter.DAY);
        s.date(3, LocalDate.of(2024, 2, 1), XlsxWriter.MONTH);
        s.number(4, 0.125, XlsxWriter.PERCENT);
        s.number(5, 366, XlsxWriter.INTEGER);
        try (XSSFWorkbook read = open(wb)) {
            XSSFSheet data = read.getSheet("Data");
            assertEquals(0.1, data.getRow(1).getCell(1).getNumericCellValue(), 0);
            assertEquals("#,##0.00", data.getRow(1).getCell(1).getCellStyle().getDataFormatString());
            assertEquals(1.7976931348623157e308, data.getRow(2).getCell(1).getNumericCellValue(), 0);
            assertEquals("#,##0.000000000000000", data.getRow(2).getCell(1).getCellStyle().getDataFormatString());
            Row empty = data.getRow(3);
            assertEquals(-1, empty.getLastCellNum(), "a row with no cells is there, empty");
            assertEquals(4.9e-324, data.getRow(4).getCell(1).getNumericCellValue(), 0);
            assertEquals("#,##0", data.getRow(4).getCell(1).getCellStyle().getDataFormatString());
            assertNull(data.getRow(5), "a row never started is absent");
            Row total = data.getRow(6);
            assertTrue(read.getFontAt(total.getCell(0).getCellStyle().getFontIndex()).getBold());
            assertEquals(CellType.FORMULA, total.getCell(1).getCellType());
            assertEquals("SUM(B2:B5)", total.getCell(1).getCellFormula());
            assertEquals(0.30000000000000004, total.getCell(1).getNumericCellValue(), 0, "the cached value");
            assertEquals("#,##0.000", total.getCell(1).getCellStyle().getDataFormatString());
            assertEquals(LocalDate.of(2024, 2, 29), total.getCell(2).getLocalDateTimeCellValue().toLocalDate());
            assertEquals("yyyy-mm-dd", total.getCell(2).getCellStyle().getDataFormatString());
            assertEquals(LocalDate.of(2024, 2, 1), total.getCell(3).getLocalDateTimeCellValue().toLocalDate());
            assertEquals("yyyy-mm", total.getCell(3).getCellStyle().getDataFormatString());
            assertEquals("0.00%", total.getCell(4).getCellStyle().getDataFormatString());
            assertEquals("0", total.getCell(5).getCellStyle().getDataFormatString());
            var header = data.getRow(0).getCell(0).getCellStyle();
            assertTrue(read.getFontAt(header.getFontIndex()).getBold());
            assertTrue(header.getWrapText());
            assertEquals(org.apache.poi.ss.usermodel.BorderStyle.THIN, header.getBorderBottom());
            assertEquals(org.apache.poi.ss.usermodel.FillPatternType.SOLID_FOREGROUND, header.getFillPattern());
        }
    }

    @Test
    void everyDecimalPlacesStyleHasItsFormat() throws IOException {
        XlsxWriter wb = new XlsxWriter("Calibri");
        XlsxWriter.Sheet s = wb.addSheet("Places").row(0);
        for (int places = 0; places <= XlsxWriter.MAX_PLACES; places++) {
            s.number(places, 1.5, XlsxWriter.decimals(places));
        }
        try (XSSFWorkbook read = open(wb)) {
            Row row = read.getSheet("Places").getRow(0);
            for (int places = 0; places <= XlsxWriter.MAX_PLACES; places++) {
                assertEquals(places == 0 ? "#,##0" : "#,##0." + "0".repeat(places),
                        row.getCell(places).getCellStyle().getDataFormatString(), places + " places");
            }
        }
        assertThrows(IllegalArgumentException.class, () -> XlsxWriter.decimals(16));
    }

    @Test
    void sheetsKeepTheirOrderFrozenHeaderWidthsFilterAndPrintSetup() throws IOException {
        XlsxWriter wb = new XlsxWriter("Microsoft YaHei");
        for (String name : List.of("First", "GHG Protocol", "Last")) {
            XlsxWriter.Sheet s = wb.addSheet(name);
            s.row(0).text(0, "A", XlsxWriter.HEADER).text(1, "B", XlsxWriter.HEADER);
            s.row(1).text(0, "x", XlsxWriter.TEXT);
            s.row(2).text(1, "y", XlsxWriter.TEXT);
        }
        XlsxWriter.Sheet ghg = wb.sheet("GHG Protocol");
        ghg.freezeHeader();
        ghg.columnWidths(new int[] {12, 30});
        ghg.autoFilter(2, 1);
        ghg.printOnePageWide();
        try (XSSFWorkbook read = open(wb)) {
            assertEquals(List.of("First", "GHG Protocol", "Last"),
                    List.of(read.getSheetName(0), read.getSheetName(1), read.getSheetName(2)));
            assertEquals("Microsoft YaHei", read.getFontAt(0).getFontName());
            XSSFSheet s = read.getSheet("GHG Protocol");
            assertTrue(s.getPaneInformation().isFreezePane());
            assertEquals(1, s.getPaneInformation().getHorizontalSplitPosition());
            assertEquals(12 * 256, s.getColumnWidth(0));
            assertEquals(30 * 256, s.getColumnWidth(1));
            assertEquals("A1:B3", s.getCTWorksheet().getAutoFilter().getRef());
            assertTrue(s.getFitToPage());
            assertTrue(s.getAutobreaks());
            assertEquals(1, s.getPrintSetup().getFitWidth());
            assertEquals(0, s.getPrintSetup().getFitHeight());
            assertTrue(s.getPrintSetup().getLandscape());
            assertEquals(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE, s.getPrintSetup().getPaperSize());
            assertEquals("1:1", s.getRepeatingRows().formatAsString());
            assertEquals("'GHG Protocol'!$A$1:$B$3",
                    read.getName("_xlnm._FilterDatabase") == null ? null : filterName(read));
            XSSFSheet first = read.getSheet("First");
            assertNull(first.getPaneInformation(), "only where asked");
            assertNull(first.getCTWorksheet().getAutoFilter());
            assertEquals("me", read.getProperties().getCoreProperties().getCreator());
            assertEquals("a title", read.getProperties().getCoreProperties().getTitle());
        }
    }

    private static String filterName(XSSFWorkbook read) {
        return read.getAllNames().stream().filter(n -> n.getNameName().equals("_xlnm._FilterDatabase")).findFirst()
                .orElseThrow().getRefersToFormula();
    }

    @Test
    void refusesWhatAWorkbookCannotHold() {
        XlsxWriter wb = new XlsxWriter("Calibri");
        XlsxWriter.Sheet s = wb.addSheet("Sheet");
        assertThrows(IllegalArgumentException.class, () -> wb.addSheet("sheet"), "names are unique, whatever the case");
        assertThrows(IllegalArgumentException.class, () -> wb.addSheet("a/b"));
        assertThrows(IllegalArgumentException.class, () -> wb.addSheet("x".repeat(32)));
        assertThrows(IllegalArgumentException.class, () -> wb.addSheet(""));
        assertThrows(IllegalArgumentException.class, () -> wb.sheet("Missing"));
        s.row(1).text(2, "c", XlsxWriter.TEXT);
        assertThrows(IllegalStateException.class, () -> s.text(1, "b", XlsxWriter.TEXT), "cells left to right");
        assertThrows(IllegalStateException.class, () -> s.row(1), "rows top to bottom");
        assertThrows(IllegalArgumentException.class, () -> s.number(3, Double.POSITIVE_INFINITY, XlsxWriter.DEFAULT));
        assertThrows(IllegalArgumentException.class, () -> s.formula(4, "1/0", Double.NaN, XlsxWriter.DEFAULT));
    }

    @Test
    void theSameWorkbookGivesTheSameBytesEveryPartStampedFirstTheContentTypes() throws IOException {
        byte[] a = sample().toBytes(STAMP, "me", "t");
        assertArrayEquals(a, sample().toBytes(STAMP, "me", "t"));
        List<String> names = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(a))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                names.add(e.getName());
                assertEquals(STAMP, e.getTimeLocal(), e.getName());
            }
        }
        assertEquals("[Content_Types].xml", names.get(0));
        assertTrue(names.containsAll(List.of("xl/workbook.xml", "xl/styles.xml", "xl/sharedStrings.xml",
                "xl/worksheets/sheet1.xml", "docProps/core.xml")), names.toString());
    }

    private static XlsxWriter sample() {
        XlsxWriter wb = new XlsxWriter("Calibri");
        XlsxWriter.Sheet s = wb.addSheet("S");
        s.row(0).text(0, "same", XlsxWriter.TEXT).number(1, 2.5, XlsxWriter.DEFAULT);
        s.row(1).text(0, "same", XlsxWriter.TEXT);
        return wb;
    }
}
