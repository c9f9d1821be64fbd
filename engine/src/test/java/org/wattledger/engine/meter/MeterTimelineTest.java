package org.wattledger.engine.meter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wattledger.engine.model.Carrier;
import org.wattledger.engine.model.Issue;
import org.wattledger.engine.model.Quality;
import org.wattledger.engine.model.Reading;
import org.wattledger.engine.model.SourceRef;
import org.wattledger.engine.units.CarbonUnit;
import org.wattledger.engine.units.CarbonUnits;

final class MeterTimelineTest {
    static Reading reading(String meter, String from, String to, String q, CarbonUnit unit, int row) {
        return Reading.consumption("S", meter, Carrier.ELECTRICITY, null, LocalDateTime.parse(from),
                LocalDateTime.parse(to), new BigDecimal(q), unit, SourceRef.row("m.xlsx", "readings", row));
    }

    static Reading reading(String meter, String from, String to, String q, int row) {
        return reading(meter, from, to, q, CarbonUnits.KWH, row);
    }

    private static List<String> messages(MeterTimeline.Result r) {
        return r.issues().stream().map(Issue::toString).toList();
    }

    static Reading endOnly(String meter, String to, String q, int row) {
        return new Reading("S", meter, Carrier.ELECTRICITY, null, null, null, null, LocalDateTime.parse(to),
                new BigDecimal(q), CarbonUnits.KWH, null, null, null, null, null, null,
                SourceRef.row("m.xlsx", "readings", row));
    }

    @Test
    void anEndOnlyRowStartsWhereTheMetersPreviousReadingEnded() {
        // rows 2 (00:00..01:00, 5 kWh), 3 (end 02:30 only, 7 kWh), 4 (end 03:00 only, 1 kWh), in any input order:
        // row 3 becomes 01:00..02:30 and row 4 02:30..03:00; nothing is a gap or an overlap.
        MeterTimeline.Result r = MeterTimeline.check(List.of(
                endOnly("A", "2022-01-01T03:00", "1", 4),
                reading("A", "2022-01-01T00:00", "2022-01-01T01:00", "5", 2),
                endOnly("A", "2022-01-01T02:30", "7", 3)), false);
        assertEquals(List.of(), r.issues());
        assertEquals(List.of("2022-01-01T02:30..2022-01-01T03:00=1", "2022-01-01T00:00..2022-01-01T01:00=5",
                "2022-01-01T01:00..2022-01-01T02:30=7"), r.readings().stream()
                        .map(x -> x.from() + ".." + x.to() + "=" + x.quantity()).toList());
    }

    @Test
    void theFirstEndOnlyRowOfAMeterIsARowPreciseError() {
        MeterTimeline.Result r = MeterTimeline.check(List.of(
                endOnly("A", "2022-01-01T01:00", "5", 2),
                endOnly("A", "2022-01-01T02:00", "6", 3)), false);
        assertEquals(List.of("error: m.xlsx, sheet readings, row 2: this row gives only an end time (2022-01-01 01:00)"
                + " and is the first reading of meter S/A (electricity), so nothing gives its start: fill in from"),
                messages(r));
        // row 2 has no start and is rejected; its end (01:00) is still when the meter was read, so row 3
        // covers 01:00..02:00 with its 6 kWh.
        assertEquals(List.of("2022-01-01T01:00..2022-01-01T02:00=6"), r.readings().stream()
                .map(x -> x.from() + ".." + x.to() + "=" + x.quantity()).toList());
        assertEquals(1, r.rejected().size());
        assertEquals(2, r.rejected().get(0).source().row());
    }

    @Test
    void anEndOnlyRowEndingWithThePreviousReadingIsRejected() {
        MeterTimeline.Result r = MeterTimeline.check(List.of(
                reading("A", "2022-01-01T00:00", "2022-01-01T01:00", "5", 2),
                endOnly("A", "2022-01-01T01:00", "6", 3)), false);
        assertEquals(List.of("error: m.xlsx, sheet readings, row 3: this row gives only an end time (2022-01-01 01:00),"
                + " the same as the end of row 2 of meter S/A (electricity), so it covers no time: fill in from, or"
                + " remove the duplicate"), messages(r));
        assertEquals(1, r.readings().size());
    }

    @Test
    void acceptsAContinuousSeriesInAnyInputOrder() {
        MeterTimeline.Result r = MeterTimeline.check(List.of(
                reading("A", "2022-02-01T00:00", "2022-03-01T00:00", "2", 3),
                reading("A", "2022-01-01T00:00", "2022-02-01T00:00", "1", 2)), false);
        assertEquals(2, r.readings().size());
        assertEquals(List.of(), r.issues());
    }

    @Test
    void rejectsTheLaterOfTwoDuplicates() {
        MeterTimeline.Result r = MeterTimeline.check(List.of(
                reading("A", "2022-01-01T00:00", "2022-02-01T00:00", "1", 2),
                reading("A", "2022-01-01T00:00", "2022-02-01T00:00", "1", 7)), false);
        assertEquals(List.of("error: m.xlsx, sheet readings, row 7: duplicate reading: row 2 has the same meter and"
                + " period (2022-01-01..2022-01-31)"), messages(r));
        assertEquals(7, r.rejected().get(0).source().row());
    }

    @Test
    void rejectsOverlapsNamingBothPeriods() {
        MeterTimeline.Result r = MeterTimeline.check(List.of(
                reading("A", "2022-01-01T00:00", "2022-01-01T02:00", "1", 2),
                reading("A", "2022-01-01T01:00", "2022-01-01T03:00", "1", 3)), false);
        assertEquals(List.of("error: m.xlsx, sheet readings, row 3: period 2022-01-01 01:00..2022-01-01 03:00 (end"
                + " excluded) overlaps row 2 (2022-01-01 00:00..2022-01-01 02:00 (end excluded)) of the same meter S/A"
                + " (electricity)"), messages(r));
    }

    @Test
    void keepsMetersApart() {
        MeterTimeline.Result r = MeterTimeline.check(List.of(
                reading("A", "2022-01-01T00:00", "2022-02-01T00:00", "1", 2),
                reading("B", "2022-01-01T00:00", "2022-02-01T00:00", "1", 3)), false);
        assertEquals(List.of(), r.issues());
    }

    @Test
    void warnsAboutAGapWithoutFillingIt() {
        MeterTimeline.Result r = MeterTimeline.check(List.of(
                reading("A", "2022-01-01T00:00", "2022-01-02T00:00", "24", 2),
                reading("A", "2022-01-03T00:00", "2022-01-04T00:00", "48", 3)), false);
        assertEquals(2, r.readings().size());
        assertEquals(List.of("warning: m.xlsx, sheet readings, row 3: gap before this reading: meter S/A (electricity) has"
                + " no reading for 2022-01-02..2022-01-02"), messages(r));
    }

    @Test
    void fillsAGapAtTheAverageRateOfItsNeighboursInTheUnitBeforeIt() {
        MeterTimeline.Result r = MeterTimeline.check(List.of(
                reading("A", "2022-01-01T00:00", "2022-01-02T00:00", "24", 2),
                reading("A", "2022-01-04T00:00", "2022-01-05T00:00", "0.048", CarbonUnits.MWH, 3)), true);
        assertEquals(3, r.readings().size());
        Reading est = r.readings().get(1);
        assertEquals(Quality.ESTIMATED, est.quality());
        assertEquals(LocalDateTime.parse("2022-01-02T00:00"), est.from());
        assertEquals(LocalDateTime.parse("2022-01-04T00:00"), est.to());
        assertEquals(0, new BigDecimal("72").compareTo(est.quantity()), est.quantity().toPlainString());
        assertEquals("kWh", est.unit().symbol());
        assertEquals(1, r.estimated());
        assertEquals("estimated for the gap 2022-01-02..2022-01-03 at the average rate of row 2 and row 3", est.note());
    }

    @Test
    void seesNoGapsBetweenRefrigerantRecharges() {
        Reading a = Reading.consumption("S", "RF", Carrier.REFRIGERANT, null, LocalDateTime.parse("2022-04-18T00:00"),
                LocalDateTime.parse("2022-04-19T00:00"), BigDecimal.TEN, CarbonUnits.KG, SourceRef.row("r.csv", null, 2));
        Reading b = Reading.consumption("S", "RF", Carrier.REFRIGERANT, null, LocalDateTime.parse("2022-09-07T00:00"),
                LocalDateTime.parse("2022-09-08T00:00"), BigDecimal.ONE, CarbonUnits.KG, SourceRef.row("r.csv", null, 3));
        MeterTimeline.Result r = MeterTimeline.check(List.of(a, b), true);
        assertEquals(List.of(), r.issues());
        assertEquals(2, r.readings().size());
    }

    @Test
    void doesNotEstimateAcrossUnitsOfDifferentDimensions() {
        Reading a = Reading.consumption("S", "G", Carrier.NATURAL_GAS, null, LocalDateTime.parse("2022-01-01T00:00"),
                LocalDateTime.parse("2022-02-01T00:00"), BigDecimal.ONE, CarbonUnits.M3, SourceRef.row("g.csv", null, 2));
        Reading b = Reading.consumption("S", "G", Carrier.NATURAL_GAS, null, LocalDateTime.parse("2022-03-01T00:00"),
                LocalDateTime.parse("2022-04-01T00:00"), BigDecimal.ONE, CarbonUnits.KWH, SourceRef.row("g.csv", null, 3));
        MeterTimeline.Result r = MeterTimeline.check(List.of(a, b), true);
        assertEquals(List.of("warning: g.csv, row 3: gap before this reading: meter S/G (natural_gas) has no reading for"
                + " 2022-02-01..2022-02-28; not estimated: the readings around it are in m3 and kWh"), messages(r));
    }

    @Test
    void aLargeInputCheckedInPartsGivesWhatEachMeterGivesAlone() {
        // 20 meters of 3,500 hours each, every meter with a duplicate, an overlap, a gap and an
        // end-only row: above the size from which the first half of the meters is checked on a
        // thread of its own. Each meter checked alone (a small input, one thread) is the reference.
        int meters = 20;
        int hours = 3500;
        LocalDateTime start = LocalDateTime.parse("2022-01-01T00:00");
        List<Reading> all = new java.util.ArrayList<>();
        java.util.Map<String, List<Reading>> byMeter = new java.util.LinkedHashMap<>();
        for (int m = 0; m < meters; m++) {
            String meter = "M" + m;
            List<Reading> own = byMeter.computeIfAbsent(meter, k -> new java.util.ArrayList<>());
            for (int h = 0; h < hours; h++) {
                if (h == 200 + m) {
                    continue; // a gap
                }
                LocalDateTime from = start.plusHours(h).plusMinutes(h == 300 ? 30 : 0); // 300: overlaps 301
                int row = all.size() + 2;
                Reading r = h == 400 ? new Reading("S", meter, Carrier.ELECTRICITY, null, null, null, null,
                        from.plusHours(1), BigDecimal.ONE, CarbonUnits.KWH, null, null, null, null, null, null,
                        SourceRef.row("m.xlsx", "readings", row))
                        : Reading.consumption("S", meter, Carrier.ELECTRICITY, null, from, from.plusHours(1),
                                new BigDecimal(h % 7 + "." + m), CarbonUnits.KWH, SourceRef.row("m.xlsx", "readings", row));
                all.add(r);
                own.add(r);
                if (h == 100) { // the same period again on the next row
                    Reading again = Reading.consumption("S", meter, Carrier.ELECTRICITY, null, from, from.plusHours(1),
                            BigDecimal.TEN, CarbonUnits.KWH, SourceRef.row("m.xlsx", "readings", row + 1));
                    all.add(again);
                    own.add(again);
                }
            }
        }
        assertTrue(all.size() >= org.wattledger.engine.Background.FROM_ITEMS, "the input must be checked in parts");

        MeterTimeline.Result whole = MeterTimeline.check(all, true);

        List<Issue> issues = new java.util.ArrayList<>();
        int estimated = 0;
        List<Reading> rejected = new java.util.ArrayList<>();
        for (List<Reading> own : byMeter.values()) {
            MeterTimeline.Result alone = MeterTimeline.check(own, true);
            issues.addAll(alone.issues());
            estimated += alone.estimated();
            rejected.addAll(alone.rejected());
            String meter = own.get(0).meter();
            assertSameLines(describe(alone.readings()), describe(whole.readings().stream()
                    .filter(r -> r.meter().equals(meter)).toList()), meter);
            // per meter: the duplicate and the hour after the shifted one rejected; the gap and the half hours
            // either side of the shifted hour estimated; the end-only row given its start
            assertEquals(2, alone.rejected().size(), meter);
            assertEquals(3, alone.estimated(), meter);
        }
        issues.sort(Issue.ORDER);
        assertSameLines(issues.stream().map(Issue::toString).toList(), messages(whole), "issues");
        assertEquals(estimated, whole.estimated());
        assertSameLines(describe(rejected), describe(whole.rejected().stream()
                .sorted(java.util.Comparator.comparing(r -> Integer.parseInt(r.meter().substring(1)))).toList()), "rejected");
    }

    /** Fails at the first line that differs (the lists are thousands of lines long). */
    private static void assertSameLines(List<String> expected, List<String> actual, String what) {
        for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
            assertEquals(expected.get(i), actual.get(i), what + ", line " + i);
        }
        assertEquals(expected.size(), actual.size(), what + ": lines");
    }

    private static List<String> describe(List<Reading> readings) {
        return readings.stream().map(r -> r.meter() + " " + r.from() + ".." + r.to() + "=" + r.quantity() + " "
                + r.quality() + " " + r.source()).toList();
    }
}
