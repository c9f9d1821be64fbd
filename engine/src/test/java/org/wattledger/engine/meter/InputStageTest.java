package org.wattledger.engine.meter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wattledger.engine.model.Carrier;
import org.wattledger.engine.model.Inventory;
import org.wattledger.engine.model.Issue;
import org.wattledger.engine.model.Quality;
import org.wattledger.engine.model.Reading;
import org.wattledger.engine.model.ReadingType;
import org.wattledger.engine.model.Severity;
import org.wattledger.engine.model.Site;
import org.wattledger.engine.model.SiteKind;
import org.wattledger.engine.model.SourceRef;
import org.wattledger.engine.units.CarbonUnits;

final class InputStageTest {
    private static SourceRef row(int row) {
        return SourceRef.row("m.xlsx", "readings", row);
    }

    private static Reading consumption(String site, String meter, String from, String to, String kWh, int row) {
        return Reading.consumption(site, meter, Carrier.ELECTRICITY, null, LocalDateTime.parse(from + "T00:00"),
                LocalDateTime.parse(to + "T00:00"), new BigDecimal(kWh), CarbonUnits.KWH, row(row));
    }

    private static Reading register(String at, String value, int row) {
        return new Reading("S", "R", Carrier.ELECTRICITY, null, null, null, null, LocalDateTime.parse(at + "T00:00"),
                new BigDecimal(value), CarbonUnits.KWH, ReadingType.REGISTER, null, null, null, null, null, row(row));
    }

    /**
     * As an importer hands it over: 8 reading rows read, row 8 already rejected by the importer; register
     * rows 2–4 of meter S/R; consumption rows 5–7 of meter S/A; row 9 of a site the sites table lacks.
     * The readings table keeps the quantity in F, from in D and to in E.
     */
    private static Inventory imported() {
        List<Reading> readings = List.of(
                register("2022-01-01", "100", 2),
                register("2022-02-01", "60", 3),
                register("2022-03-01", "400", 4),
                consumption("S", "A", "2022-01-01", "2022-01-11", "10", 5),
                consumption("S", "A", "2022-01-05", "2022-01-15", "99", 6),
                consumption("S", "A", "2022-01-21", "2022-01-31", "30", 7),
                consumption("T", "B", "2022-01-01", "2022-02-01", "5", 9));
        Site s = new Site("S", "S", "CN", SiteKind.OFFICE, null, null, SourceRef.row("m.xlsx", "sites", 2));
        Issue rejectedByImporter = new Issue(Severity.ERROR, "m.xlsx", "readings", 8, "F",
                "quantity is empty (expected a quantity)");
        return new Inventory(List.of(s), readings, List.of(), List.of(), List.of(), List.of(rejectedByImporter),
                new Inventory.RowTally(8, 7, 1), List.of(),
                List.of(new Inventory.ReadingColumns("m.xlsx", "readings", "F", "D", "E")), java.util.Map.of());
    }

    private static List<String> describe(Inventory inv) {
        return inv.readings().stream().map(r -> r.meter() + " " + r.from().toLocalDate() + ".." + r.to().toLocalDate()
                + " = " + r.quantity().stripTrailingZeros().toPlainString() + " kWh" + (r.quality() == Quality.ESTIMATED
                        ? " (estimated)" : "") + " @row " + r.source().row()).toList();
    }

    @Test
    void turnsAcceptedRowsIntoConsumptionAndMovesTheRowsItRejectsToRejected() {
        Inventory prepared = InputStage.prepare(imported(), InputStage.Gaps.ESTIMATE);
        // R: row 2 (100) is the baseline; row 3 (60) is below it without register_digits, rejected; row 4
        //    is taken against row 2: (400 − 100) × 1 = 300 kWh over [2022-01-01, 2022-03-01).
        // A: row 6 [01-05, 01-15) starts before row 5 ends (01-11): an overlap, rejected. The 10 days
        //    [01-11, 01-21) between rows 5 and 7 are a gap, estimated at the average rate of both:
        //    (10 + 30) kWh × 10 days / (10 + 10) days = 20 kWh, placed before row 7.
        assertEquals(List.of(
                "R 2022-01-01..2022-03-01 = 300 kWh @row 4",
                "A 2022-01-01..2022-01-11 = 10 kWh @row 5",
                "A 2022-01-11..2022-01-21 = 20 kWh (estimated) @row 7",
                "A 2022-01-21..2022-01-31 = 30 kWh @row 7",
                "B 2022-01-01..2022-02-01 = 5 kWh @row 9"), describe(prepared));
        // Rows 3 and 6 were accepted by the importer and are rejected here: accepted 7 − 2 = 5,
        // rejected 1 + 2 = 3, and still 8 = 5 + 3. The estimate is no row.
        assertEquals(new Inventory.RowTally(8, 5, 3), prepared.rows());
        // Register findings name the quantity column (F), period findings the from column (D).
        assertEquals(List.of(
                "error: m.xlsx, sheet readings, row 3, column F: register reading 60 is below the previous reading 100"
                        + " (row 2); give register_digits for a rollover, or mark a meter replacement with event close"
                        + " and open",
                "error: m.xlsx, sheet readings, row 6, column D: period 2022-01-05..2022-01-14 overlaps row 5"
                        + " (2022-01-01..2022-01-10) of the same meter S/A (electricity)",
                "warning: m.xlsx, sheet readings, row 7, column D: gap before this reading: meter S/A (electricity) has"
                        + " no reading for 2022-01-11..2022-01-20; estimated 20 kWh at the average rate of row 5 and"
                        + " this row (marked estimated)",
                "error: m.xlsx, sheet readings, row 8, column F: quantity is empty (expected a quantity)",
                "warning: m.xlsx, sheet readings, row 9: site 'T' is not in the sites table"),
                prepared.issues().stream().map(Issue::toString).toList());
    }

    @Test
    void withoutGapFillingAGapIsOnlyWarnedAbout() {
        Inventory prepared = InputStage.prepare(imported(), InputStage.Gaps.REPORT);
        assertEquals(List.of(
                "R 2022-01-01..2022-03-01 = 300 kWh @row 4",
                "A 2022-01-01..2022-01-11 = 10 kWh @row 5",
                "A 2022-01-21..2022-01-31 = 30 kWh @row 7",
                "B 2022-01-01..2022-02-01 = 5 kWh @row 9"), describe(prepared));
        assertEquals("warning: m.xlsx, sheet readings, row 7, column D: gap before this reading: meter S/A"
                + " (electricity) has no reading for 2022-01-11..2022-01-20", prepared.issues().get(2).toString());
        assertEquals(new Inventory.RowTally(8, 5, 3), prepared.rows());
    }
}
