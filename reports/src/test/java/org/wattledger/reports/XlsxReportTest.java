package org.wattledger.reports;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.wattledger.engine.units.CarbonUnits;
import org.wattledger.engine.calc.Results;
import org.wattledger.engine.model.Role;
import org.wattledger.engine.model.Carrier;
import org.wattledger.engine.model.SourceRef;
import org.wattledger.engine.model.Severity;
import org.wattledger.engine.model.Issue;
import org.wattledger.engine.model.Inventory;
import org.junit.jupiter.api.io.TempDir;

final class XlsxReportTest {
    private static XSSFWorkbook open(byte[] bytes) throws IOException {
        return new XSSFWorkbook(new ByteArrayInputStream(bytes));
    }

    private static byte[] small() {
        return XlsxReport.toBytes(Fixtures.small(), Fixtures.meta(Fixtures.small()));
    }

    /** The first row whose column {@code col} holds {@code text}. */
    private static Row rowWhere(Sheet sheet, int col, String text) {
        for (Row r : sheet) {
            Cell c = r.getCell(col);
            if (c != null && c.getCellType() == CellType.STRING && c.getStringCellValue().equals(text)) {
                return r;
            }
        }
        throw new AssertionError("no row with " + text + " in " + sheet.getSheetName());
    }

    @Test
    void writesByteIdenticalFilesForIdenticalInput(@TempDir Path dir) throws IOException {
        Path a = dir.resolve("a.xlsx");
        Path b = dir.resolve("b.xlsx");
        XlsxReport.write(Fixtures.small(), Fixtures.meta(Fixtures.small()), a);
        XlsxReport.write(Fixtures.small(), Fixtures.meta(Fixtures.small()), b);
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
        assertArrayEquals(XlsxReport.toBytes(Fixtures.rich(), Fixtures.meta(Fixtures.rich())),
                XlsxReport.toBytes(Fixtures.rich(), Fixtures.meta(Fixtures.rich())));
    }

    @Test
    void stampsEveryEntryAndTheDocumentWithTheEndOfThePeriod() throws IOException {
        byte[] bytes = small();
        List<String> names = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                names.add(e.getName());
                assertEquals(LocalDateTime.of(2025, 1, 1, 0, 0), e.getTimeLocal(), e.getName());
            }
        }
        assertEquals("[Content_Types].xml", names.get(0));
        try (XSSFWorkbook wb = open(bytes)) {
            Date expected = Date.from(LocalDateTime.of(2025, 1, 1, 0, 0).toInstant(ZoneOffset.UTC));
            assertEquals(expected, wb.getProperties().getCoreProperties().getCreated());
            assertEquals(expected, wb.getProperties().getCoreProperties().getModified());
        }
    }

    @Test
    void writesEachMetersCoverageWithItsUncoveredTime() throws IOException {
        try (XSSFWorkbook wb = open(XlsxReport.toBytes(Fixtures.uncovered(), Fixtures.meta(Fixtures.uncovered())))) {
            Row r = rowWhere(wb.getSheet("Coverage"), 1, "E");
            // January and February 2024: 31 + 29 = 60 of 366 days; March to December uncovered.
            assertEquals("OFF3", r.getCell(0).getStringCellValue());
            assertEquals("electricity", r.getCell(2).getStringCellValue());
            assertEquals(366, r.getCell(3).getNumericCellValue());
            assertEquals(366, r.getCell(4).getNumericCellValue());
            assertEquals(60, r.getCell(5).getNumericCellValue());
            assertEquals("2024-03-01..2024-12-31", r.getCell(6).getStringCellValue());
        }
    }

    @Test
    void hasTheSheetsInOrderWithFrozenStyledHeaderRows() throws IOException {
        try (XSSFWorkbook wb = open(small())) {
            List<String> names = new ArrayList<>();
            wb.forEach(s -> names.add(s.getSheetName()));
            assertEquals(List.of("Summary", "Sites", "Coverage", "Monthly", "Activity", "Targets", "Issues", "Factors",
                    "Disclosures", "GHG Protocol", "About", "Data centres", "PUE by month", "Data centres by year"), names);
            for (Sheet s : wb) {
                assertNotNull(s.getPaneInformation(), s.getSheetName());
                assertTrue(s.getPaneInformation().isFreezePane(), s.getSheetName());
                assertEquals(1, s.getPaneInformation().getHorizontalSplitPosition(), s.getSheetName());
                Cell first = s.getRow(0).getCell(0);
                assertTrue(wb.getFontAt(first.getCellStyle().getFontIndex()).getBold(), s.getSheetName());
                assertTrue(s.getColumnWidth(0) >= 10 * 256, s.getSheetName());
            }
        }
    }

    @Test
    void writesTotalsAsNumbersWithTheExactDecimalBesideThem() throws IOException {
        try (XSSFWorkbook wb = open(small())) {
            Sheet summary = wb.getSheet("Summary");
            assertEquals(List.of("Figure", "Key", "Value", "Unit", "Exact value", "Estimated share"), header(summary));
            Row scope1 = rowWhere(summary, 1, "scope1");
            assertEquals(0.2028, scope1.getCell(2).getNumericCellValue(), 0);
            assertEquals("t CO2e", scope1.getCell(3).getStringCellValue());
            assertEquals("0.2028", scope1.getCell(4).getStringCellValue());
            assertEquals("#,##0.00", scope1.getCell(2).getCellStyle().getDataFormatString());
            Row scope2 = rowWhere(summary, 1, "scope2Location");
            assertEquals(250.0 / 1350.0, scope2.getCell(5).getNumericCellValue(), 1e-15);
            Row intensity = rowWhere(summary, 1, "scope1_2_per_headcount");
            assertEquals("0.15528", intensity.getCell(4).getStringCellValue());
            assertTrue(noRowWhere(summary, 1, "energyTce"), "not applicable → no row");
        }
    }

    @Test
    void writesOneMonthlyRowPerSiteAndMonthWithDataCentreMetrics() throws IOException {
        try (XSSFWorkbook wb = open(small())) {
            Sheet monthly = wb.getSheet("Monthly");
            assertEquals(List.of("Site", "Month", "Scope 1 (t CO2e)", "Scope 2 location (t CO2e)",
                    "Scope 2 market (t CO2e)", "Energy (MWh)", "IT energy (MWh)", "Water (m3)", "PUE", "WUE (L/kWh)"),
                    header(monthly));
            assertEquals("Total", monthly.getRow(4).getCell(0).getStringCellValue(),
                    "DC1 January and February, OFF1 January, then the totals row");
            Row jan = monthly.getRow(1);
            assertEquals("DC1", jan.getCell(0).getStringCellValue());
            assertEquals(LocalDate.of(2024, 1, 1), jan.getCell(1).getLocalDateTimeCellValue().toLocalDate(), "a real date");
            assertEquals("yyyy-mm", jan.getCell(1).getCellStyle().getDataFormatString());
            assertNull(jan.getCell(2), "no Scope 1 at DC1: an empty cell, not 0");
            assertEquals(0.5, jan.getCell(3).getNumericCellValue(), 0);
            assertEquals(0.8, jan.getCell(6).getNumericCellValue(), 0);
            assertEquals(1.25, jan.getCell(8).getNumericCellValue(), 0);
            assertEquals(2.5, jan.getCell(9).getNumericCellValue(), 0);
            Row office = monthly.getRow(3);
            assertEquals("OFF1", office.getCell(0).getStringCellValue());
            assertNull(office.getCell(8), "no PUE for an office");
        }
    }

    @Test
    void writesOneActivityRowPerLineWithItsFactorFiguresAndRows() throws IOException {
        try (XSSFWorkbook wb = open(small())) {
            Sheet activity = wb.getSheet("Activity");
            // 8 lines: DC1 main, IT and water in January and February; OFF1 electricity and gas in January
            assertEquals(8, activity.getLastRowNum());
            Row jan = null;
            for (Row r : activity) {
                if (r.getRowNum() > 0 && r.getCell(1).getStringCellValue().equals("E-MAIN")
                        && r.getCell(4).getLocalDateTimeCellValue().getMonthValue() == 1) {
                    jan = r;
                }
            }
            assertNotNull(jan);
            assertEquals("DC1", jan.getCell(0).getStringCellValue());
            assertEquals("electricity", jan.getCell(2).getStringCellValue());
            assertEquals("main", jan.getCell(3).getStringCellValue());
            assertEquals(LocalDate.of(2024, 1, 1), jan.getCell(4).getLocalDateTimeCellValue().toLocalDate());
            assertEquals(1000, jan.getCell(5).getNumericCellValue(), 0);
            assertEquals("kWh", jan.getCell(6).getStringCellValue());
            assertEquals(3600, jan.getCell(7).getNumericCellValue(), 0, "1000 kWh × 3.6 = 3600 MJ");
            assertEquals("MJ", jan.getCell(8).getStringCellValue());
            assertEquals("test.grid.cn", jan.getCell(9).getStringCellValue());
            assertEquals("test@2026.1", jan.getCell(10).getStringCellValue());
            assertEquals(0.5, jan.getCell(11).getNumericCellValue(), 0);
            assertEquals("t/MWh", jan.getCell(12).getStringCellValue());
            assertEquals("Scope 2, location-based (t CO2e)", activity.getRow(0).getCell(14).getStringCellValue());
            assertEquals(0.5, jan.getCell(14).getNumericCellValue(), 0, "1 MWh × 0.5 t/MWh");
            assertEquals(1, jan.getCell(16).getNumericCellValue(), 0, "energy 1 MWh");
            assertNull(jan.getCell(13), "no Scope 1 on an electricity line: empty, not 0");
            assertEquals("meters.xlsx, sheet readings, row 2", jan.getCell(27).getStringCellValue());
            Row estimated = rowWhere(activity, 1, "E");
            assertTrue(estimated.getCell(28).getStringCellValue().endsWith(": estimated, no note given"),
                    estimated.getCell(28).getStringCellValue());
        }
    }

    @Test
    void totalsAreFormulasOverTheActivitySheetWithTheEngineValuesCached() throws IOException {
        try (XSSFWorkbook wb = open(small())) {
            // Activity rows 2..9 (8 lines); Scope 2 location is its column O.
            Cell summary = rowWhere(wb.getSheet("Summary"), 1, "scope2Location").getCell(2);
            assertEquals("SUM(Activity!$O$2:$O$9)", summary.getCellFormula());
            assertEquals(1.35, summary.getNumericCellValue(), 0, "cached: 2.2 MWh × 0.5 + 0.5 MWh × 0.5 = 1.35 t");
            Cell dc1 = rowWhere(wb.getSheet("Sites"), 0, "DC1").getCell(5);
            assertEquals("SUMPRODUCT(--EXACT(Activity!$A$2:$A$9,$A2),Activity!$O$2:$O$9)", dc1.getCellFormula());
            assertEquals(1.1, dc1.getNumericCellValue(), 0, "2.2 MWh × 0.5 t/MWh");
            Row sitesTotal = rowWhere(wb.getSheet("Sites"), 0, "Total");
            assertEquals("SUM(F2:F3)", sitesTotal.getCell(5).getCellFormula());
            assertEquals(1.35, sitesTotal.getCell(5).getNumericCellValue(), 0);
            assertNull(sitesTotal.getCell(10), "no tce total (gas has no coefficient): empty, not a formula giving 0");
            Cell jan = wb.getSheet("Monthly").getRow(1).getCell(3);
            assertEquals("SUMPRODUCT(--EXACT(Activity!$A$2:$A$9,$A2),--(Activity!$E$2:$E$9=$B2),Activity!$O$2:$O$9)",
                    jan.getCellFormula());
            assertEquals(0.5, jan.getNumericCellValue(), 0, "DC1 January: 1 MWh × 0.5");
            for (String sheet : List.of("Summary", "Sites", "Monthly")) {
                Sheet s = wb.getSheet(sheet);
                String note = s.getRow(s.getLastRowNum()).getCell(0).getStringCellValue();
                assertTrue(note.startsWith("Totals are live formulas over the Activity sheet. A spreadsheet recalculates"
                        + " them in binary floating point"), sheet + ": " + note);
            }
        }
    }

    @Test
    void linesThatDoNotFitASheetLeaveTotalsAsValuesNeverFormulasOverAPart() throws IOException {
        // small() has 8 lines: with room for 5 rows (header + 4) they do not fit
        try (XSSFWorkbook wb = open(XlsxReport.toBytes(Fixtures.small(), Fixtures.meta(Fixtures.small()), 5))) {
            Sheet activity = wb.getSheet("Activity");
            assertEquals("8 lines are more than one sheet holds (4), so they are not listed and the totals are values,"
                    + " not formulas; report.json --lineage and report.html list them.",
                    activity.getRow(activity.getLastRowNum()).getCell(0).getStringCellValue());
            Cell summary = rowWhere(wb.getSheet("Summary"), 1, "scope2Location").getCell(2);
            assertEquals(CellType.NUMERIC, summary.getCellType());
            assertEquals(1.35, summary.getNumericCellValue(), 0);
            Cell dc1 = rowWhere(wb.getSheet("Sites"), 0, "DC1").getCell(5);
            assertEquals(CellType.NUMERIC, dc1.getCellType());
            assertEquals(1.1, dc1.getNumericCellValue(), 0);
            Sheet sites = wb.getSheet("Sites");
            assertEquals("Too many lines for the Activity sheet: totals are values, not formulas.",
                    sites.getRow(sites.getLastRowNum()).getCell(0).getStringCellValue());
        }
    }

    @Test
    void everySheetHasAnAutofilterAndPrintsOnePageWide() throws IOException {
        try (XSSFWorkbook wb = open(small())) {
            for (Sheet s : wb) {
                assertTrue(s.getFitToPage(), s.getSheetName());
                assertEquals(1, s.getPrintSetup().getFitWidth(), s.getSheetName());
                assertEquals(0, s.getPrintSetup().getFitHeight(), s.getSheetName());
                assertTrue(s.getPrintSetup().getLandscape(), s.getSheetName());
            }
            // Sites: header and 2 site rows, not the totals row
            assertEquals("A1:T3", ((org.apache.poi.xssf.usermodel.XSSFSheet) wb.getSheet("Sites")).getCTWorksheet().getAutoFilter().getRef());
        }
    }

    @Test
    void writesSitesTargetsIssuesAndFactors() throws IOException {
        try (XSSFWorkbook wb = open(small())) {
            Row dc = rowWhere(wb.getSheet("Sites"), 0, "DC1");
            assertEquals(1.1, dc.getCell(14).getNumericCellValue(), 0);
            Row office = rowWhere(wb.getSheet("Sites"), 0, "OFF1");
            assertEquals(Fixtures.SCRIPT_NAME, office.getCell(1).getStringCellValue());
            Row t1 = rowWhere(wb.getSheet("Targets"), 0, "T1");
            assertEquals(0.4472, t1.getCell(13).getNumericCellValue(), 0);
            assertEquals("no", t1.getCell(14).getStringCellValue());
            Row error = rowWhere(wb.getSheet("Issues"), 0, "error");
            assertEquals(14, (int) error.getCell(3).getNumericCellValue());
            assertEquals("F", error.getCell(4).getStringCellValue());
            Row grid = rowWhere(wb.getSheet("Factors"), 0, "test.grid.cn");
            assertEquals("0.5", grid.getCell(7).getStringCellValue());
            assertEquals("Test grid factor, table 1", grid.getCell(14).getStringCellValue());
            Row complete = rowWhere(wb.getSheet("About"), 0, "Complete");
            assertEquals("no", complete.getCell(1).getStringCellValue());
        }
    }

    private static List<String> header(Sheet sheet) {
        List<String> out = new ArrayList<>();
        sheet.getRow(0).forEach(c -> out.add(c.getStringCellValue()));
        return out;
    }

    private static boolean noRowWhere(Sheet sheet, int col, String text) {
        try {
            rowWhere(sheet, col, text);
            return false;
        } catch (AssertionError expected) {
            return true;
        }
    }

    @Test
    void aMessageLongerThanACellHoldsIsCutWithAMarkerInTheXlsxOnly() throws IOException {
        // An issue quoting a 40,000-character value: Excel cells hold at most 32,767 characters.
        String message = "x".repeat(40_000);
        Results results = oneReading("4000", Issue.at(Severity.WARNING, SourceRef.row("long.csv", null, 3), message));
        try (XSSFWorkbook wb = open(XlsxReport.toBytes(results, Fixtures.meta(results)))) {
            String cell = rowWhere(wb.getSheet("Issues"), 1, "long.csv").getCell(5).getStringCellValue();
            // The marker "… [truncated, 40000 characters]" is 1 + 13 + 5 + 12 = 31 characters,
            // so 32,767 − 31 = 32,736 of the x's are kept.
            assertEquals("x".repeat(32_736) + "… [truncated, 40000 characters]", cell);
        }
        assertTrue(JsonReport.toJson(results, Fixtures.meta(results)).contains("\"" + message + "\""),
                "the JSON keeps the whole message");
    }

    @Test
    void textAnXmlFileCannotCarryComesBackWhole() throws IOException {
        // Control characters, a carriage return, an unpaired surrogate and a literal escape: XML 1.0
        // cannot hold the first three, and a reader decodes the last unless its underscore is escaped.
        String message = "bad\u0001cell\r\nline _x0041_ \uD800 & <tag> \"q\" 电表 \uD83D\uDE00 ";
        Results results = oneReading("4000", Issue.at(Severity.WARNING, SourceRef.row("odd.csv", null, 3), message));
        try (XSSFWorkbook wb = open(XlsxReport.toBytes(results, Fixtures.meta(results)))) {
            assertEquals(message, rowWhere(wb.getSheet("Issues"), 1, "odd.csv").getCell(5).getStringCellValue());
        }
    }

    @Test
    void aFigureBeyondFloatingPointIsItsExactTextNeverAnInfinity() throws IOException {
        // 10^400 kWh: a double holds at most about 1.8 × 10^308.
        String huge = "1" + "0".repeat(400);
        Results results = oneReading(huge);
        try (XSSFWorkbook wb = open(XlsxReport.toBytes(results, Fixtures.meta(results)))) {
            Cell quantity = wb.getSheet("Activity").getRow(1).getCell(5);
            assertEquals(CellType.STRING, quantity.getCellType());
            assertEquals(huge, quantity.getStringCellValue());
            Cell energy = rowWhere(wb.getSheet("Summary"), 1, "energy").getCell(2);
            assertEquals(CellType.STRING, energy.getCellType(), "10^400 kWh = 10^397 MWh, as text");
            assertEquals("1" + "0".repeat(397), energy.getStringCellValue());
        }
    }

    /** The 2024 results of one March reading of {@code kWh} at site S, with the import's issues given. */
    private static Results oneReading(String kWh, Issue... importIssues) {
        Inventory inventory = new Inventory(List.of(), List.of(Fixtures.month("S", "E", Carrier.ELECTRICITY, Role.MAIN,
                2024, 3, kWh, CarbonUnits.KWH, 2)), List.of(), List.of(), List.of(), List.of(importIssues),
                new Inventory.RowTally(1, 1, 0), List.of());
        return Fixtures.run(inventory, Fixtures.smallFactors(), 2024);
    }
}
