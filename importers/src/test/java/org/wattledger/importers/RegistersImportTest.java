package org.wattledger.importers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.wattledger.importers.Fixtures.describe;
import static org.wattledger.importers.Fixtures.issues;
import static org.wattledger.importers.Fixtures.read;
import static org.wattledger.importers.Fixtures.sheet;
import static org.wattledger.importers.Fixtures.xlsx;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wattledger.engine.model.Inventory;
import org.wattledger.engine.model.Quality;

final class RegistersImportTest {
    @TempDir
    Path dir;

    private static final Object[] HEADER = {"site", "meter", "carrier", "type", "to", "quantity", "unit", "multiplier",
        "register_digits", "event"};

    @Test
    void turnsRegisterReadingsIntoConsumptionTimesTheMultiplier() throws Exception {
        Path f = xlsx(dir, "reg.xlsx", sheet("readings").row(HEADER)
                .row("DC1", "R1", "electricity", "register", "2021-12-31", 1000, "kWh", 80)
                .row("DC1", "R1", "electricity", "register", "2022-01-31", 1100, "kWh", 80)
                .row("DC1", "R1", "electricity", "表底数", "2022-02-28", 1250.5, "kWh", 80));
        Inventory inv = read(f);
        assertEquals(List.of(
                "DC1/R1 electricity 2022-01-01T00:00..2022-02-01T00:00 8000 kWh @reg.xlsx, sheet readings, row 3",
                "DC1/R1 electricity 2022-02-01T00:00..2022-03-01T00:00 12040 kWh @reg.xlsx, sheet readings, row 4"),
                describe(inv));
        assertEquals(new Inventory.RowTally(3, 3, 0), inv.rows());
        assertEquals(List.of(), issues(inv));
    }

    @Test
    void rollsOverOnlyWhenTheDigitsAreGivenAndRejectsOtherDecreases() throws Exception {
        Path f = xlsx(dir, "reg.xlsx", sheet("readings").row(HEADER)
                .row("DC1", "A", "electricity", "register", "2021-12-31", 99950, "kWh", null, 5)
                .row("DC1", "A", "electricity", "register", "2022-01-31", 120, "kWh", null, 5)
                .row("DC1", "B", "electricity", "register", "2021-12-31", 500, "kWh")
                .row("DC1", "B", "electricity", "register", "2022-01-31", 400, "kWh")
                .row("DC1", "B", "electricity", "register", "2022-02-28", 600, "kWh"));
        Inventory inv = read(f);
        assertEquals(List.of(
                "DC1/A electricity 2022-01-01T00:00..2022-02-01T00:00 170 kWh @reg.xlsx, sheet readings, row 3",
                "DC1/B electricity 2022-01-01T00:00..2022-03-01T00:00 100 kWh @reg.xlsx, sheet readings, row 6"),
                describe(inv));
        assertEquals(new Inventory.RowTally(5, 4, 1), inv.rows());
        assertEquals(List.of(
                "info: reg.xlsx, sheet readings, row 3, column F: register of 5 digits rolled over: 99950 (row 2) to 120,"
                        + " consumption 170 kWh",
                "error: reg.xlsx, sheet readings, row 5, column F: register reading 400 is below the previous reading 500 (row 4);"
                        + " give register_digits for a rollover, or mark a meter replacement with event close and open"),
                issues(inv));
    }

    @Test
    void followsAMeterReplacementThroughClosingAndOpeningReadings() throws Exception {
        Path f = xlsx(dir, "reg.xlsx", sheet("readings").row(HEADER)
                .row("DC1", "M", "water", "register", "2021-12-31", 700, "m3")
                .row("DC1", "M", "water", "register", "2022-01-15", 750, "m3", null, null, "close")
                .row("DC1", "M", "water", "register", "2022-01-15", 3, "m3", null, null, "装表")
                .row("DC1", "M", "water", "register", "2022-01-31", 23, "m3"));
        Inventory inv = read(f);
        assertEquals(List.of(
                "DC1/M water 2022-01-01T00:00..2022-01-16T00:00 50 m3 @reg.xlsx, sheet readings, row 3",
                "DC1/M water 2022-01-16T00:00..2022-02-01T00:00 20 m3 @reg.xlsx, sheet readings, row 5"),
                describe(inv));
        assertEquals(List.of("info: reg.xlsx, sheet readings, row 4, column F: meter DC1/M (water) replaced: closing reading 750"
                + " (row 3), opening reading 3"), issues(inv));
    }

    @Test
    void rejectsDuplicateAndOverlappingConsumptionRowsAndWarnsAboutGaps() throws Exception {
        Path f = xlsx(dir, "t.xlsx", sheet("readings").row("site", "meter", "carrier", "from", "to", "quantity", "unit")
                .row("DC1", "M", "electricity", "2022-01-01", "2022-01-31", 310, "kWh")
                .row("DC1", "M", "electricity", "2022-01-01", "2022-01-31", 310, "kWh")
                .row("DC1", "M", "electricity", "2022-01-20", "2022-02-10", 5, "kWh")
                .row("DC1", "M", "electricity", "2022-03-01", "2022-03-31", 310, "kWh"));
        Inventory inv = read(f);
        assertEquals(new Inventory.RowTally(4, 2, 2), inv.rows());
        assertEquals(List.of(
                "error: t.xlsx, sheet readings, row 3, column D: duplicate reading: row 2 has the same meter and period"
                        + " (2022-01-01..2022-01-31)",
                "error: t.xlsx, sheet readings, row 4, column D: period 2022-01-20..2022-02-10 overlaps row 2 (2022-01-01..2022-01-31)"
                        + " of the same meter DC1/M (electricity)",
                "warning: t.xlsx, sheet readings, row 5, column D: gap before this reading: meter DC1/M (electricity) has no"
                        + " reading for 2022-02-01..2022-02-28"), issues(inv));
    }

    @Test
    void fillsGapsWhenAskedAndMarksThemEstimated() throws Exception {
        Path f = xlsx(dir, "t.xlsx", sheet("readings").row("site", "meter", "carrier", "from", "to", "quantity", "unit")
                .row("DC1", "M", "electricity", "2022-01-01", "2022-01-31", 310, "kWh")
                .row("DC1", "M", "electricity", "2022-03-01", "2022-03-31", 0.62, "MWh"));
        Inventory inv = Fixtures.readFillingGaps(f);
        assertEquals(List.of(
                "DC1/M electricity 2022-01-01T00:00..2022-02-01T00:00 310 kWh @t.xlsx, sheet readings, row 2",
                "DC1/M electricity 2022-02-01T00:00..2022-03-01T00:00 420 kWh @t.xlsx, sheet readings, row 3",
                "DC1/M electricity 2022-03-01T00:00..2022-04-01T00:00 0.62 MWh @t.xlsx, sheet readings, row 3"),
                describe(inv));
        assertEquals(Quality.ESTIMATED, inv.readings().get(1).quality());
        assertEquals(new Inventory.RowTally(2, 2, 0), inv.rows());
        assertEquals(List.of("warning: t.xlsx, sheet readings, row 3, column D: gap before this reading: meter DC1/M (electricity)"
                + " has no reading for 2022-02-01..2022-02-28; estimated 420 kWh at the average rate of row 2 and this"
                + " row (marked estimated)"), issues(inv));
    }
}
