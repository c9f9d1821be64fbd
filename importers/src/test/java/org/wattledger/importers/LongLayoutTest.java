package org.wattledger.importers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wattledger.importers.Fixtures.describe;
import static org.wattledger.importers.Fixtures.errors;
import static org.wattledger.importers.Fixtures.issues;
import static org.wattledger.importers.Fixtures.read;
import static org.wattledger.importers.Fixtures.sheet;
import static org.wattledger.importers.Fixtures.xlsx;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wattledger.engine.model.Inventory;
import org.wattledger.engine.model.Reading;

final class LongLayoutTest {
    @TempDir
    Path dir;

    private static final Object[] HEADER = {"site", "meter", "carrier", "from", "to", "quantity", "unit"};

    @Test
    void readsRowsWithDateOnlyToIncludingTheWholeDay() throws Exception {
        Path f = xlsx(dir, "meters.xlsx", sheet("readings").row(HEADER)
                .row("DC1", "M1", "electricity", new Fixtures.Day("2022-01-01"), new Fixtures.Day("2022-01-31"), 1500, "kWh")
                .row("DC1", "M1", "electricity", "2022-02-01", "2022-02-28", "2,500.5", "kWh"));
        Inventory inv = read(f);
        assertEquals(List.of(
                "DC1/M1 electricity 2022-01-01T00:00..2022-02-01T00:00 1500 kWh @meters.xlsx, sheet readings, row 2",
                "DC1/M1 electricity 2022-02-01T00:00..2022-03-01T00:00 2500.5 kWh @meters.xlsx, sheet readings, row 3"),
                describe(inv));
        assertEquals(new Inventory.RowTally(2, 2, 0), inv.rows());
        assertEquals(List.of(), issues(inv));
        assertEquals(1, inv.files().size());
        assertEquals("meters.xlsx", inv.files().get(0).name());
        assertEquals(64, inv.files().get(0).sha256().length());
    }

    @Test
    void readsAMonthColumnInsteadOfFromAndTo() throws Exception {
        // a utility bill's layout: one row per meter and month, no from or to column (this crashed
        // with an index of -1 when the month-end check asked for the missing to column's letter)
        Path f = xlsx(dir, "bills.xlsx", sheet("readings").row("site", "meter", "carrier", "month", "quantity", "unit")
                .row("DC1", "M1", "electricity", "2024-01", 100, "kWh")
                .row("DC1", "M1", "electricity", "2024年2月", "110.5", "kWh")
                .row("DC1", "M1", "electricity", "2024-13", 5, "kWh"));
        Inventory inv = read(f);
        assertEquals(List.of(
                "DC1/M1 electricity 2024-01-01T00:00..2024-02-01T00:00 100 kWh @bills.xlsx, sheet readings, row 2",
                "DC1/M1 electricity 2024-02-01T00:00..2024-03-01T00:00 110.5 kWh @bills.xlsx, sheet readings, row 3"),
                describe(inv));
        assertEquals(new Inventory.RowTally(3, 2, 1), inv.rows());
        assertEquals(1, errors(inv).size(), issues(inv).toString());
        assertTrue(errors(inv).get(0).contains("row 4, column D"), errors(inv).toString());
    }

    @Test
    void rejectsNonNumberQuantityWithRowAndColumn() throws Exception {
        Path f = xlsx(dir, "meters.xlsx", sheet("readings").row(HEADER)
                .row("DC1", "M1", "electricity", "2022-01-01", "2022-01-31", 10, "kWh")
                .row("DC1", "M2", "electricity", "2022-01-01", "2022-01-31", "n/a", "kWh"));
        Inventory inv = read(f);
        assertEquals(new Inventory.RowTally(2, 1, 1), inv.rows());
        assertEquals(List.of("error: meters.xlsx, sheet readings, row 3, column F: 'n/a' is not a number"
                + " (expected a quantity in kWh)"), issues(inv));
    }

    @Test
    void keepsEveryDigitOfTheStoredNumber() throws Exception {
        Path f = xlsx(dir, "meters.xlsx", sheet("readings").row(HEADER)
                .row("DC1", "M1", "electricity", "2022-01-01", "2022-01-31", 123456.7890123, "kWh"));
        Reading r = read(f).readings().get(0);
        assertEquals(0, new BigDecimal("123456.7890123").compareTo(r.quantity()));
    }

    @Test
    void understandsThousandsFullWidthDigitsAndUnitsInCells() throws Exception {
        Path f = xlsx(dir, "meters.xlsx", sheet("readings").row("site", "meter", "carrier", "from", "to", "quantity")
                .row("DC1", "M1", "electricity", "2022-01-01", "2022-01-31", "1,234 kWh")
                .row("DC1", "M2", "electricity", "2022-01-01", "2022-01-31", "１２．５万千瓦时")
                .row("DC1", "M3", "water", "2022-01-01", "2022-01-31", "3.2 m³")
                .row("DC1", "M4", "electricity", "2022-01-01", "2022-01-31", "12"));
        Inventory inv = read(f);
        assertEquals(List.of(
                "DC1/M1 electricity 2022-01-01T00:00..2022-02-01T00:00 1234 kWh @meters.xlsx, sheet readings, row 2",
                "DC1/M2 electricity 2022-01-01T00:00..2022-02-01T00:00 12.5 万千瓦时 @meters.xlsx, sheet readings, row 3",
                "DC1/M3 water 2022-01-01T00:00..2022-02-01T00:00 3.2 m3 @meters.xlsx, sheet readings, row 4"),
                describe(inv));
        assertEquals(List.of("error: meters.xlsx, sheet readings, row 5, column F: unit is empty (expected "
                + ReadingsTable.UNITS + "; or put the unit in the quantity header, such as quantity (kWh))"),
                issues(inv));
        assertEquals(new Inventory.RowTally(4, 3, 1), inv.rows());
    }

    @Test
    void takesTheUnitFromTheHeaderAndFindsTheHeaderBelowTitleRows() throws Exception {
        Path f = xlsx(dir, "meters.xlsx", sheet("readings")
                .row("2022 electricity, campus A")
                .row("exported from BMS")
                .row()
                .row("Site", "Meter ID", "Carrier", "Period Start", "Period_End", "Quantity (MWh)")
                .row("DC1", "M1", "electricity", "2022-01-01", "2022-01-31", 1.5));
        Inventory inv = read(f);
        assertEquals(List.of(
                "DC1/M1 electricity 2022-01-01T00:00..2022-02-01T00:00 1.5 MWh @meters.xlsx, sheet readings, row 5"),
                describe(inv));
        assertEquals(List.of("info: meters.xlsx, sheet readings, row 4: header row is row 4; the 2 rows above it are"
                + " taken as a title and not read"), issues(inv));
    }

    @Test
    void leavesTotalsRowsOutWithAnInfoIssueAndSkipsBlankRows() throws Exception {
        Path f = xlsx(dir, "meters.xlsx", sheet("readings").row(HEADER)
                .row("DC1", "M1", "electricity", "2022-01-01", "2022-01-31", 10, "kWh")
                .row()
                .row("DC1", "M2", "electricity", "2022-01-01", "2022-01-31", 20, "kWh")
                .row("合计", null, null, null, null, 30, "kWh")
                .row("Total", null, null, null, null, 30, "kWh"));
        Inventory inv = read(f);
        assertEquals(new Inventory.RowTally(2, 2, 0), inv.rows());
        assertEquals(List.of(
                "info: meters.xlsx, sheet readings, row 5, column A: row 5 is a totals row ('合计'); it is left out and"
                        + " not counted as a data row",
                "info: meters.xlsx, sheet readings, row 6, column A: row 6 is a totals row ('Total'); it is left out and"
                        + " not counted as a data row"), issues(inv));
    }

    @Test
    void readsFormulasByCachedValueAndRejectsFormulaErrors() throws Exception {
        Path f = xlsx(dir, "meters.xlsx", sheet("readings").row(HEADER)
                .row("DC1", "M1", "electricity", "2022-01-01", "2022-01-31", new Fixtures.Formula("100+23.5"), "kWh")
                .row("DC1", "M2", "electricity", "2022-01-01", "2022-01-31", new Fixtures.Formula("1/0"), "kWh"));
        Inventory inv = read(f);
        assertEquals(List.of(
                "DC1/M1 electricity 2022-01-01T00:00..2022-02-01T00:00 123.5 kWh @meters.xlsx, sheet readings, row 2"),
                describe(inv));
        assertEquals(List.of("error: meters.xlsx, sheet readings, row 3, column F: '#DIV/0!' is a formula error"
                + " (expected a quantity in kWh)"), issues(inv));
        assertEquals(new Inventory.RowTally(2, 1, 1), inv.rows());
    }

    @Test
    void rejectsNegativeConsumptionUnknownCarrierAndUnknownUnitNamingTheText() throws Exception {
        Path f = xlsx(dir, "meters.xlsx", sheet("readings").row(HEADER)
                .row("DC1", "M1", "electricity", "2022-01-01", "2022-01-31", -5, "kWh")
                .row("DC1", "M2", "coal", "2022-01-01", "2022-01-31", 5, "t")
                .row("DC1", "M3", "electricity", "2022-01-01", "2022-01-31", 5, "kwhh")
                .row("DC1", "M4", "electricity", "2022-01-01", "2022-01-31", 5, "m3")
                .row("", "M5", "electricity", "2022-01-01", "2022-01-31", 5, "kWh"));
        Inventory inv = read(f);
        assertEquals(new Inventory.RowTally(5, 0, 5), inv.rows());
        assertEquals(List.of(
                "error: meters.xlsx, sheet readings, row 2, column F: '-5' is negative (a consumption cannot be below 0)",
                "error: meters.xlsx, sheet readings, row 3, column C: unknown carrier 'coal' (expected "
                        + ReadingsTable.CARRIERS + ")",
                "error: meters.xlsx, sheet readings, row 4, column G: unknown unit 'kwhh' (expected "
                        + ReadingsTable.UNITS + ")",
                "error: meters.xlsx, sheet readings, row 5, column F: a quantity of electricity cannot be in m3"
                        + " (expected an energy unit such as kWh, MWh or GJ)",
                "error: meters.xlsx, sheet readings, row 6, column A: site is empty"), errors(inv));
    }

    @Test
    void readsExcelDateTimesAsExclusiveEndsAndTextDatesInManyForms() throws Exception {
        Path f = xlsx(dir, "meters.xlsx", sheet("readings").row(HEADER)
                .row("DC1", "H1", "electricity", new Fixtures.DateTime("2022-01-01T00:00"),
                        new Fixtures.DateTime("2022-01-01T01:00"), 1, "kWh")
                .row("DC1", "H1", "electricity", new Fixtures.DateTime("2022-01-01T01:00"),
                        new Fixtures.DateTime("2022-01-02T00:00"), 1, "kWh")
                .row("DC1", "A", "electricity", "2022/1/1", "2022/1/31", 1, "kWh")
                .row("DC1", "B", "electricity", "2022年1月1日", "2022年1月31日", 1, "kWh")
                .row("DC1", "C", "electricity", null, "2022年1月", 1, "kWh")
                .row("DC1", "D", "electricity", "Jan-22", "Feb-22", 1, "kWh")
                .row("DC1", "E", "electricity", "2022-01", "2022-03", 1, "kWh")
                .row("DC1", "F", "electricity", "2022-01-01 08:00", "2022-01-01 09:30", 1, "kWh")
                .row("DC1", "G", "electricity", "2022-13-01", "2022-01-31", 1, "kWh"));
        Inventory inv = read(f);
        assertEquals(List.of(
                "DC1/H1 electricity 2022-01-01T00:00..2022-01-01T01:00 1 kWh @meters.xlsx, sheet readings, row 2",
                "DC1/H1 electricity 2022-01-01T01:00..2022-01-02T00:00 1 kWh @meters.xlsx, sheet readings, row 3",
                "DC1/A electricity 2022-01-01T00:00..2022-02-01T00:00 1 kWh @meters.xlsx, sheet readings, row 4",
                "DC1/B electricity 2022-01-01T00:00..2022-02-01T00:00 1 kWh @meters.xlsx, sheet readings, row 5",
                "DC1/C electricity 2022-01-01T00:00..2022-02-01T00:00 1 kWh @meters.xlsx, sheet readings, row 6",
                "DC1/D electricity 2022-01-01T00:00..2022-03-01T00:00 1 kWh @meters.xlsx, sheet readings, row 7",
                "DC1/E electricity 2022-01-01T00:00..2022-04-01T00:00 1 kWh @meters.xlsx, sheet readings, row 8",
                "DC1/F electricity 2022-01-01T08:00..2022-01-01T09:30 1 kWh @meters.xlsx, sheet readings, row 9"),
                describe(inv));
        assertEquals(List.of("error: meters.xlsx, sheet readings, row 10, column D: '2022-13-01' is not a date ("
                + Dates.EXPECTED + ")"), errors(inv));
    }

    @Test
    void readsAMonthFormattedDateCellAsTheWholeMonth() throws Exception {
        Path f = xlsx(dir, "meters.xlsx", sheet("readings").row("site", "meter", "carrier", "to", "quantity", "unit")
                .row("DC1", "M1", "electricity", new Fixtures.Formatted(44562, "yyyy\"年\"m\"月\""), 7, "kWh"));
        assertEquals(List.of(
                "DC1/M1 electricity 2022-01-01T00:00..2022-02-01T00:00 7 kWh @meters.xlsx, sheet readings, row 2"),
                describe(read(f)));
    }

    @Test
    void reportsAMissingHeaderWithTheClosestRow() throws Exception {
        Path f = xlsx(dir, "meters.xlsx", sheet("readings").row("site", "meter", "amount?")
                .row("DC1", "M1", 5));
        Inventory inv = read(f);
        assertEquals(new Inventory.RowTally(0, 0, 0), inv.rows());
        assertTrue(errors(inv).contains("error: meters.xlsx, sheet readings: no readings header row in the first 20 rows"
                + " of sheet readings: expected columns site, meter, carrier, to, quantity (or month columns 1月…12月,"
                + " Jan…Dec with a year); the closest, row 1, has site, meter but lacks carrier, to, quantity"),
                errors(inv).toString());
    }

    @Test
    void readsAnUnnamedSheetWhoseHeaderIsAReadingsHeaderAndSkipsHiddenSheets() throws Exception {
        Path f = xlsx(dir, "export.xlsx",
                sheet("Sheet1").row(HEADER).row("DC1", "M1", "electricity", "2022-01-01", "2022-01-31", 1, "kWh"),
                sheet("scratch").hidden().row(HEADER).row("DC1", "M9", "electricity", "2022-01-01", "2022-01-31", 1,
                        "kWh"),
                sheet("notes").row("just notes"));
        Inventory inv = read(f);
        assertEquals(1, inv.readings().size());
        assertEquals(List.of(
                "info: export.xlsx, sheet Sheet1: sheet Sheet1 is read as readings: its name is not a table name, but"
                        + " its header row is a readings header",
                "info: export.xlsx, sheet notes: sheet notes is not read: its name is not a table name (readings, sites,"
                        + " instruments, targets, denominators, factors or 读数, 抄表, 站点, 绿证, 目标, 分母) and it has no"
                        + " readings header",
                "info: export.xlsx, sheet scratch: sheet scratch is hidden and not named after a table; it is not read"),
                issues(inv));
    }

    @Test
    void readsAHiddenSheetNamedAfterATable() throws Exception {
        Path f = xlsx(dir, "m.xlsx", sheet("readings").hidden().row(HEADER)
                .row("DC1", "M1", "electricity", "2022-01-01", "2022-01-31", 1, "kWh"));
        Inventory inv = read(f);
        assertEquals(1, inv.readings().size());
        assertEquals(List.of("info: m.xlsx, sheet readings: sheet readings is hidden; it is read because it is named"
                + " after the readings table"), issues(inv));
    }

    @Test
    void readsXlsThroughHssfWithTheSameResults() throws Exception {
        Fixtures.SheetSpec spec = sheet("readings").row(HEADER)
                .row("DC1", "M1", "electricity", new Fixtures.Day("2022-01-01"), new Fixtures.Day("2022-01-31"), 0.1, "kWh")
                .row("DC1", "M1", "electricity", "2022-02-01", "2022-02-28", "n/a", "kWh");
        Inventory xls = read(Fixtures.xls(dir, "m.xls", spec));
        assertEquals(List.of(
                "DC1/M1 electricity 2022-01-01T00:00..2022-02-01T00:00 0.1 kWh @m.xls, sheet readings, row 2"),
                describe(xls));
        assertEquals(List.of("error: m.xls, sheet readings, row 3, column F: 'n/a' is not a number (expected a quantity"
                + " in kWh)"), issues(xls));
    }

    @Test
    void readsRefrigerantRowsWithTheirGas() throws Exception {
        Path f = xlsx(dir, "m.xlsx", sheet("readings").row("site", "meter", "carrier", "gas", "from", "to", "quantity",
                "unit")
                .row("DC1", "CRAC1", "refrigerant", "R-134a", "2022-01-01", "2022-12-31", 3.5, "kg")
                .row("DC1", "CRAC2", "制冷剂", null, "2022-01-01", "2022-12-31", 2, "kg"));
        Inventory inv = read(f);
        assertEquals("R-134a", inv.readings().get(0).gas());
        assertEquals(List.of("error: m.xlsx, sheet readings, row 3, column D: gas is empty (a refrigerant row names the"
                + " refrigerant, such as R-134a or R-410A)"), errors(inv));
    }

    @Test
    void aRowWithTheFieldsOfTheRowAboveHasItsOwnDatesAndQuantityChecked() throws Exception {
        // Rows 3-6 repeat row 2's site, meter, carrier and unit (their fields are not read again),
        // row 7 is a totals row, row 8 leaves its meter empty: every row is judged as on its own.
        Path f = Fixtures.csv(dir, "meters.csv", "site,meter,carrier,from,to,quantity,unit\n"
                + "DC1,M1,electricity,2022-01-01,2022-01-31,10,kWh\n"
                + "DC1,M1,electricity,2022-02-01,2022-02-28,20,kWh\n"
                + "DC1,M1,electricity,2022-03-01,2022-03-31,,kWh\n"
                + "DC1,M1,electricity,2022-04-31,2022-05-31,40,kWh\n"
                + "DC1,M1,electricity,2022-06-30,2022-06-01,50,kWh\n"
                + "合计,M1,electricity,2022-01-01,2022-06-30,70,kWh\n"
                + "DC1,,electricity,2022-07-01,2022-07-31,60,kWh\n"
                + "DC1,M1,electricity,2022-08-01,2022-08-31,-5,kWh\n");
        Inventory inv = read(f);
        assertEquals(List.of(
                "DC1/M1 electricity 2022-01-01T00:00..2022-02-01T00:00 10 kWh @meters.csv, row 2",
                "DC1/M1 electricity 2022-02-01T00:00..2022-03-01T00:00 20 kWh @meters.csv, row 3"), describe(inv));
        assertEquals(new Inventory.RowTally(7, 2, 5), inv.rows());
        List<String> issues = issues(inv);
        assertEquals(6, issues.size(), issues.toString());
        assertTrue(issues.get(0).startsWith("error: meters.csv, row 4, column F: quantity is empty"), issues.get(0));
        assertTrue(issues.get(1).startsWith("error: meters.csv, row 5, column D: '2022-04-31'"), issues.get(1));
        assertTrue(issues.get(2).startsWith("error: meters.csv, row 6, column E: '2022-06-01' ends the period"),
                issues.get(2));
        assertTrue(issues.get(3).startsWith("info: meters.csv, row 7, column A: row 7 is a totals row"), issues.get(3));
        assertTrue(issues.get(4).startsWith("error: meters.csv, row 8, column B: meter is empty"), issues.get(4));
        assertTrue(issues.get(5).startsWith("error: meters.csv, row 9, column F: '-5' is negative"), issues.get(5));
    }
}
