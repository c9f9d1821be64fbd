package org.wattledger.engine.calc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wattledger.engine.model.Carrier;
import org.wattledger.engine.model.Inventory;
import org.wattledger.engine.model.Quality;
import org.wattledger.engine.model.Reading;
import org.wattledger.engine.model.ReadingStore;
import org.wattledger.engine.model.ReadingType;
import org.wattledger.engine.model.ReportingPeriod;
import org.wattledger.engine.model.SourceRef;
import org.wattledger.engine.units.CarbonUnits;

/** The calculation's lines are the same whether the readings come as a list or as a columnar store. */
final class ColumnarCalculationTest {
    private static Reading hourly(String meter, String from, String to, String kwh, Quality quality, int row) {
        return new Reading("S", meter, Carrier.ELECTRICITY, null, null, null, LocalDateTime.parse(from),
                LocalDateTime.parse(to), new BigDecimal(kwh), CarbonUnits.KWH, ReadingType.CONSUMPTION, null, null, null,
                quality, null, SourceRef.row("hourly.csv", null, row));
    }

    private static List<String> lines(List<Reading> readings) {
        Inventory inv = new Inventory(List.of(), readings, List.of(), List.of(), List.of(), List.of(),
                new Inventory.RowTally(readings.size(), readings.size(), 0), List.of());
        Calculation calc = Calculation.run(inv, s -> Fixtures.catalog(List.of()), CalcOptions.of(ReportingPeriod.year(2024)));
        List<String> out = new ArrayList<>();
        for (Line l : calc.lines()) {
            out.add(l.meter() + " " + l.month() + " " + l.quantity().stripTrailingZeros().toPlainString() + " kWh, estimated "
                    + l.estimatedFraction().stripTrailingZeros().toPlainString() + ", " + l.lineage().rows());
        }
        return out;
    }

    @Test
    void linesFromTheStoreEqualLinesFromTheList() {
        List<Reading> readings = List.of(
                hourly("M1", "2024-01-31T22:00", "2024-01-31T23:00", "1.5", Quality.MEASURED, 2),
                hourly("M1", "2024-01-31T23:00", "2024-02-01T01:00", "4", Quality.MEASURED, 3),
                hourly("M1", "2024-02-01T01:00", "2024-02-01T02:00", "2.25", Quality.ESTIMATED, 4),
                hourly("M1", "2024-02-01T02:00", "2024-02-01T03:00", "3", Quality.MEASURED, 5),
                hourly("M1", "2024-02-01T03:00", "2024-02-01T04:00", "1.25", Quality.MEASURED, 6),
                hourly("M2", "2024-02-01T00:00", "2024-02-01T01:00", "7", Quality.MEASURED, 7),
                hourly("M2", "2024-02-01T01:00", "2024-02-01T02:00", "0.5", Quality.MEASURED, 8),
                hourly("M2", "2024-02-29T23:00", "2024-03-01T00:00", "1", Quality.MEASURED, 9),
                hourly("M2", "2024-03-01T00:00", "2024-03-01T01:00", "2", Quality.MEASURED, 10));
        // Row 3 spans the month end: 4 kWh × 3,600 s / 7,200 s = 2 kWh to January, the rest (2 kWh) to February.
        // M1 January: 1.5 + 2 = 3.5 kWh (rows 2-3). M1 February: 2 + 2.25 + 3 + 1.25 = 8.5 kWh (rows 3-6), of
        // which 2.25 estimated: 2.25 / 8.5 = 0.2647058823529411764705882352941176 (34 digits).
        // M2 (rows 8 and 9 follow a reading of the same meter in the same month: the store's shortcut):
        // February 7 + 0.5 + 1 = 8.5 kWh (rows 7-9; row 9 ends at March's first instant, still February);
        // March 2 kWh (row 10, outside February's bucket: a line of its own).
        List<String> expected = List.of(
                "M1 2024-01 3.5 kWh, estimated 0, hourly.csv, rows 2-3",
                "M1 2024-02 8.5 kWh, estimated 0.2647058823529411764705882352941176, hourly.csv, rows 3-6",
                "M2 2024-02 8.5 kWh, estimated 0, hourly.csv, rows 7-9",
                "M2 2024-03 2 kWh, estimated 0, hourly.csv, row 10");
        assertEquals(expected, lines(new ArrayList<>(readings)));
        assertEquals(expected, lines(ReadingStore.of(readings)));
    }
}
