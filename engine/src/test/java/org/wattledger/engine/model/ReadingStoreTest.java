package org.wattledger.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.wattledger.engine.meter.MeterTimeline;
import org.wattledger.engine.units.CarbonUnits;

final class ReadingStoreTest {
    private static Reading hour(String meter, int day, int hour, String quantity, int row) {
        LocalDateTime from = LocalDateTime.of(2024, 1, day, hour, 0);
        return Reading.consumption("DC1", meter, Carrier.ELECTRICITY, Role.IT, from, from.plusHours(1),
                new BigDecimal(quantity), CarbonUnits.KWH, SourceRef.row("readings.csv", null, row));
    }

    @Test
    void everyReadingReadsBackEqualWithItsScaleAndSource() {
        List<Reading> given = List.of(
                hour("M1", 1, 0, "1.500", 2), // scale 3 stays scale 3: 1.500, not 1.5
                hour("M1", 1, 1, "0", 3),
                hour("M2", 1, 0, "-12.25", 4),
                new Reading("DC1", "R1", Carrier.ELECTRICITY, null, null, null, null,
                        LocalDateTime.of(2024, 2, 1, 0, 0), new BigDecimal("98765.4"), CarbonUnits.MWH,
                        ReadingType.REGISTER, new BigDecimal("80"), 6, RegisterEvent.CLOSE, Quality.ESTIMATED,
                        "swapped", new SourceRef("meters.xlsx", "读数", 7, "F")));
        ReadingStore store = ReadingStore.of(given);
        assertEquals(given, store);
        assertEquals(3, store.get(0).quantity().scale());
        assertEquals(new SourceRef("meters.xlsx", "读数", 7, "F"), store.get(3).source());
        assertEquals(false, store.hasStart(3)); // a register reading has no start
        assertTrue(store.anyRegister());
        assertTrue(store.isRegister(3));
    }

    @Test
    void valuesTheColumnsCannotHoldAreKeptWholeAndStillExact() {
        // 19 significant digits do not fit a long's 18 safe ones; scale 200 does not fit a byte;
        // 00:00:00.5 has half a second that the seconds column would drop.
        Reading big = hour("M1", 1, 0, "1234567890.123456789", 2);
        Reading tiny = hour("M1", 1, 1, "1E-200", 3);
        Reading half = Reading.consumption("DC1", "M1", Carrier.ELECTRICITY, null,
                LocalDateTime.of(2024, 1, 1, 2, 0, 0, 500_000_000), LocalDateTime.of(2024, 1, 1, 3, 0),
                BigDecimal.ONE, CarbonUnits.KWH, SourceRef.row("readings.csv", null, 4));
        ReadingStore store = ReadingStore.of(List.of(big, tiny, half));
        assertEquals(List.of(big, tiny, half), store);
        assertEquals(new BigDecimal("1234567890.123456789"), store.get(0).quantity());
        assertEquals(200, store.get(1).quantity().scale());
        // half's start, 02:00:00.5, is after tiny's end 02:00 by half a second: compared exactly
        assertEquals(1, store.compareTimes(2, false, 1, true));
        assertEquals(LocalDateTime.of(2024, 1, 1, 2, 0, 0, 500_000_000), store.time(2, false));
    }

    @Test
    void aReadingAddedStraightToTheColumnsReadsBackAsTheReadingItStandsFor() {
        ReadingStore store = new ReadingStore();
        store.add(hour("M1", 1, 0, "1.500", 2));
        int d = store.descriptorOf(0);
        // 2024-01-01 01:00 is 19,723 days after 1970-01-01: 19,723 × 86,400 + 3,600 = 1,704,070,800 s;
        // 02:00 is 3,600 s later. Unscaled -1225 with scale 2 is -12.25, scale 2 kept.
        long one = 1_704_070_800L;
        assertEquals(one, ReadingStore.heldSeconds(LocalDateTime.of(2024, 1, 1, 1, 0)));
        assertTrue(store.addColumns(d, one, one + 3_600, -1225, 2, 3));
        assertEquals(hour("M1", 1, 1, "-12.25", 3), store.get(1));
        assertEquals(2, store.get(1).quantity().scale());
        // a register reading (no start): 999,999,999,999,999,999 is the largest 18-digit unscaled value
        store.add(new Reading("DC1", "R1", Carrier.ELECTRICITY, null, null, null, null,
                LocalDateTime.of(2024, 2, 1, 0, 0), new BigDecimal("1"), CarbonUnits.MWH, ReadingType.REGISTER,
                null, null, null, null, null, SourceRef.row("readings.csv", null, 4)));
        assertTrue(store.addColumns(store.descriptorOf(2), ReadingStore.NO_START, one, 999_999_999_999_999_999L, 3, 5));
        assertEquals(new BigDecimal("999999999999999.999"), store.get(3).quantity());
        assertEquals(null, store.get(3).from());
        assertEquals(LocalDateTime.of(2024, 1, 1, 1, 0), store.get(3).to());
        assertEquals(4, store.size());
    }

    @Test
    void whatTheColumnsCannotHoldOrWhatIsNoReadingIsRefusedAndNothingAdded() {
        ReadingStore store = new ReadingStore();
        store.add(hour("M1", 1, 0, "1", 2));
        int d = store.descriptorOf(0);
        long t = 1_704_070_800L;
        long half = ReadingStore.heldSeconds(LocalDateTime.of(2024, 1, 1, 1, 0, 0, 500_000_000));
        assertEquals(ReadingStore.NOT_HELD, half); // half a second: the seconds column would drop it
        assertEquals(false, store.addColumns(d, half, t + 3_600, 1, 0, 3));
        assertEquals(false, store.addColumns(d, t, half, 1, 0, 3));
        assertEquals(false, store.addColumns(d, t, t, 1, 0, 3)); // a start not before its end
        assertEquals(false, store.addColumns(d, t + 1, t, 1, 0, 3));
        assertEquals(false, store.addColumns(d, t, t + 3_600, 1_000_000_000_000_000_000L, 0, 3)); // 19 digits
        assertEquals(false, store.addColumns(d, t, t + 3_600, -1_000_000_000_000_000_000L, 0, 3));
        assertEquals(false, store.addColumns(d, t, t + 3_600, 1, 128, 3)); // a scale beyond a byte
        assertEquals(1, store.size());
        assertThrows(IndexOutOfBoundsException.class, () -> store.addColumns(1, t, t + 3_600, 1, 0, 3));
        // a reading kept whole has no descriptor to share
        store.add(hour("M1", 1, 1, "1234567890.123456789", 3));
        assertEquals(-1, store.descriptorOf(1));
    }

    @Test
    void readingsOfOneMeterShareOneDescriptorAndReadingsAreCopiedWithoutBuildingThem() {
        ReadingStore store = ReadingStore.of(List.of(hour("M1", 1, 0, "1", 2), hour("M1", 1, 1, "2", 3),
                hour("M2", 1, 0, "3", 4), hour("M1", 1, 2, "4", 5)));
        assertEquals(store.group(0), store.group(1));
        assertEquals(store.group(0), store.group(3)); // found again after M2, not a new one
        assertTrue(store.group(0) != store.group(2));
        ReadingStore copy = new ReadingStore();
        copy.addFrom(store, 3);
        copy.addFrom(store, 0);
        assertEquals(List.of(hour("M1", 1, 2, "4", 5), hour("M1", 1, 0, "1", 2)), copy);
    }

    @Test
    void aSealedStoreTakesNoMoreReadingsAndAnInventoryKeepsItAsItIs() {
        ReadingStore store = ReadingStore.of(List.of(hour("M1", 1, 0, "1", 2)));
        Inventory inv = new Inventory(List.of(), store, List.of(), List.of(), List.of(), List.of(),
                new Inventory.RowTally(1, 1, 0), List.of());
        assertSame(store, inv.readings());
        assertThrows(UnsupportedOperationException.class, () -> store.add(hour("M1", 1, 1, "2", 3)));
        assertThrows(UnsupportedOperationException.class, () -> inv.readings().remove(0));
    }

    @Test
    void theLatestEndComesFromTheColumns() {
        // ends: 01-01 01:00, 01-03 06:00, 01-02 00:00 → the latest is 2024-01-03 06:00
        ReadingStore store = ReadingStore.of(List.of(hour("M1", 1, 0, "1", 2), hour("M1", 3, 5, "1", 3),
                hour("M2", 1, 23, "1", 4)));
        assertEquals(Optional.of(LocalDateTime.of(2024, 1, 3, 6, 0)), ReadingStore.latestEnd(store));
        assertEquals(Optional.of(LocalDateTime.of(2024, 1, 3, 6, 0)), ReadingStore.latestEnd(new ArrayList<>(store)));
        assertEquals(Optional.empty(), ReadingStore.latestEnd(new ReadingStore()));
    }

    @Test
    void theTimelineCheckGivesTheSameAnswerOnAStoreAsOnAList() {
        // M1: 00-01 (2), 01-02 (3), 01-02 again (duplicate of row 3), 03-04 (gap 02:00..03:00)
        List<Reading> given = List.of(hour("M1", 1, 0, "2", 2), hour("M1", 1, 1, "3", 3), hour("M1", 1, 1, "3", 4),
                hour("M1", 1, 3, "4", 5));
        MeterTimeline.Result onList = MeterTimeline.check(new ArrayList<>(given), true);
        MeterTimeline.Result onStore = MeterTimeline.check(ReadingStore.of(given), true);
        assertEquals(onList, onStore);
        // the gap estimate: (3 + 4) kWh × 3,600 s / (3,600 + 3,600) s = 3.5 kWh, placed before row 5
        assertEquals(new BigDecimal("3.5"), onStore.readings().get(2).quantity().stripTrailingZeros());
        assertEquals(4, onStore.readings().size()); // rows 2, 3, the estimate, row 5; row 4 rejected
        assertEquals(List.of(given.get(2)), onStore.rejected());
    }
}
