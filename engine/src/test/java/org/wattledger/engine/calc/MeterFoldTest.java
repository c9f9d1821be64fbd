package org.wattledger.engine.calc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.wattledger.engine.meter.Coverage;
import org.wattledger.engine.meter.InputStage;
import org.wattledger.engine.meter.MeterKey;
import org.wattledger.engine.model.Carrier;
import org.wattledger.engine.model.Inventory;
import org.wattledger.engine.model.Reading;
import org.wattledger.engine.model.ReadingType;
import org.wattledger.engine.model.ReportingPeriod;
import org.wattledger.engine.model.Role;
import org.wattledger.engine.model.Site;
import org.wattledger.engine.model.SiteKind;
import org.wattledger.engine.model.SourceRef;
import org.wattledger.engine.units.CarbonUnits;

/**
 * The per-meter fold: meters given one at a time, in any order, give the input stage's checks,
 * the grouped lines, the covered time, the tally and each site's first row.
 */
final class MeterFoldTest {
    private static Reading register(String meter, String at, String value, int row) {
        return new Reading("S1", meter, Carrier.ELECTRICITY, null, null, Role.MAIN, null, LocalDateTime.parse(at),
                new BigDecimal(value), CarbonUnits.KWH, ReadingType.REGISTER, null, null, null, null, null,
                SourceRef.row("m.csv", null, row));
    }

    private static Reading consumption(String site, String meter, String from, String to, String kWh, int row) {
        return Reading.consumption(site, meter, Carrier.ELECTRICITY, Role.MAIN, LocalDateTime.parse(from),
                LocalDateTime.parse(to), new BigDecimal(kWh), CarbonUnits.KWH, SourceRef.row("m.csv", null, row));
    }

    private static String show(Calculation.GroupedLine l) {
        return l.site() + "/" + l.meter() + " " + l.from() + ".." + l.to() + " " + l.quantity().toPlainString() + " "
                + l.unit().symbol() + " [" + l.rows() + "]";
    }

    @Test
    void metersInAnyOrderGiveTheChecksLinesSpansTallyAndFirstRows() {
        // m.csv in input order: row 2 A baseline, 3 B January, 4 C February (site S2), 5 A February 1st,
        // 6 B January again (a duplicate), 7 B March (after a gap in February). Positions = rows.
        Reading a1 = register("A", "2024-01-01T00:00", "100", 2);
        Reading b1 = consumption("S1", "B", "2024-01-01T00:00", "2024-02-01T00:00", "10", 3);
        Reading c1 = consumption("S2", "C", "2024-02-01T00:00", "2024-03-01T00:00", "20", 4);
        Reading a2 = register("A", "2024-02-01T00:00", "250", 5);
        Reading b2 = consumption("S1", "B", "2024-01-01T00:00", "2024-02-01T00:00", "10", 6);
        Reading b3 = consumption("S1", "B", "2024-03-01T00:00", "2024-04-01T00:00", "30", 7);
        MeterFold fold = new MeterFold(ReportingPeriod.year(2024), InputStage.Gaps.REPORT, List.of());
        fold.meter(List.of(c1), new long[] {4});
        fold.meter(List.of(a1, a2), new long[] {2, 5});
        fold.meter(List.of(b1, b2, b3), new long[] {3, 6, 7});
        MeterFold.Result r = fold.result();

        List<String> lines = new ArrayList<>(r.lines().stream().map(MeterFoldTest::show).toList());
        lines.sort(null);
        // A: 250 − 100 = 150 kWh over January (its first register reading is the baseline, row 5 the difference);
        // B: 10 in January (row 6, the duplicate, rejected), 30 in March; C: 20 in February.
        assertEquals(List.of("S1/A 2024-01-01..2024-02-01 150 kWh [m.csv, row 5]",
                "S1/B 2024-01-01..2024-02-01 10 kWh [m.csv, row 3]",
                "S1/B 2024-03-01..2024-04-01 30 kWh [m.csv, row 7]",
                "S2/C 2024-02-01..2024-03-01 20 kWh [m.csv, row 4]"), lines);
        assertEquals(1, r.rejected());
        assertEquals(4, r.readings()); // A's difference, B's two kept, C's one
        assertEquals(Optional.of(LocalDateTime.parse("2024-04-01T00:00")), r.latestEnd());
        List<String> issues = r.issues().stream().map(i -> i.severity() + " row " + i.row() + ": " + i.message())
                .sorted().toList();
        assertEquals(List.of("ERROR row 6: duplicate reading: row 3 has the same meter and period (2024-01-01..2024-01-31)",
                "WARNING row 7: gap before this reading: meter S1/B (electricity) has no reading for"
                        + " 2024-02-01..2024-02-29"), issues);
        // S1's first consumption reading is B's row 3 (position 3), not A's: A's row 2 is only a baseline and
        // its first reading is row 5. S2's is row 4. In input order: S1 (3), then S2 (4).
        assertEquals(List.of("S1", "S2"), List.copyOf(r.firstRowOfSite().keySet()));
        assertEquals(SourceRef.row("m.csv", null, 3), r.firstRowOfSite().get("S1"));
        assertEquals(SourceRef.row("m.csv", null, 4), r.firstRowOfSite().get("S2"));
        assertEquals(new MeterFold.FirstRow(3, SourceRef.row("m.csv", null, 3)), r.firstRows().get("S1"));
        MeterKey b = new MeterKey("S1", "B", Carrier.ELECTRICITY);
        assertEquals(List.of(new Coverage.Span(LocalDateTime.parse("2024-01-01T00:00"), LocalDateTime.parse("2024-02-01T00:00")),
                new Coverage.Span(LocalDateTime.parse("2024-03-01T00:00"), LocalDateTime.parse("2024-04-01T00:00"))),
                r.spans().get(b));
        assertEquals(3, r.spans().size());

        // As InputStage.prepare: a sites table listing S1 only; 6 rows read, all accepted by the importer.
        Site s1 = new Site("S1", "S1", "CN", SiteKind.OFFICE, null, null, SourceRef.row("sites.csv", null, 2));
        Inventory imported = new Inventory(List.of(s1), List.of(), List.of(), List.of(), List.of(), List.of(),
                new Inventory.RowTally(6, 6, 0), List.of());
        Inventory prepared = r.prepare(imported);
        assertEquals(new Inventory.RowTally(6, 5, 1), prepared.rows()); // the duplicate moves to rejected
        assertEquals(List.of(), prepared.readings());
        List<String> all = prepared.issues().stream().map(i -> i.severity() + " row " + i.row() + ": " + i.message())
                .toList();
        // Sorted by row: S2's warning at its first row (4), then the duplicate (6) and the gap (7).
        assertEquals(List.of("WARNING row 4: site 'S2' is not in the sites table",
                "ERROR row 6: duplicate reading: row 3 has the same meter and period (2024-01-01..2024-01-31)",
                "WARNING row 7: gap before this reading: meter S1/B (electricity) has no reading for"
                        + " 2024-02-01..2024-02-29"), all);
    }

    @Test
    void readingsOfTwoMetersInOneCallAreRefused() {
        MeterFold fold = new MeterFold(ReportingPeriod.year(2024), InputStage.Gaps.REPORT, List.of());
        Reading b1 = consumption("S1", "B", "2024-01-01T00:00", "2024-02-01T00:00", "10", 3);
        Reading c1 = consumption("S2", "C", "2024-02-01T00:00", "2024-03-01T00:00", "20", 4);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> fold.meter(List.of(b1, c1), new long[] {3, 4}));
        assertEquals("m.csv, row 4 is meter S2/C (electricity), not S1/B (electricity): a meter's readings must be"
                + " given together", e.getMessage());
        assertEquals(Map.of(), fold.result().spans());
    }
}
