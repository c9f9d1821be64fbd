package org.wattledger.importers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.wattledger.importers.Fixtures.csv;
import static org.wattledger.importers.Fixtures.errors;
import static org.wattledger.importers.Fixtures.sheet;
import static org.wattledger.importers.Fixtures.xlsx;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wattledger.engine.meter.InputStage;
import org.wattledger.engine.model.Carrier;
import org.wattledger.engine.model.Inventory;
import org.wattledger.engine.model.Quality;
import org.wattledger.engine.model.Reading;
import org.wattledger.engine.model.ReadingType;
import org.wattledger.engine.model.RegisterEvent;
import org.wattledger.engine.model.Role;
import org.wattledger.engine.model.SourceRef;
import org.wattledger.engine.model.Use;
import org.wattledger.engine.units.UnitParser;

/**
 * The importer→engine contract of the readings table, in its long layout, its wide layout and with
 * register rows: a small real file in, the exact engine readings the importer hands over out (every
 * field), before the engine's input stage; where the input stage matters (end-only rows, registers)
 * also what it makes of them.
 */
final class ReadingsContractTest {
    @TempDir
    Path dir;

    private static Inventory imported(Path file) {
        return WorkbookImporter.read(List.of(file), ImportOptions.defaults());
    }

    private static LocalDateTime at(String isoDateTime) {
        return LocalDateTime.parse(isoDateTime);
    }

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    /**
     * The readings with quantity and multiplier at their shortest scale: an xlsx number cell 2 arrives
     * as 2.0 and a CSV's 2 as 2, the same value, and BigDecimal.equals would tell them apart.
     */
    private static List<Reading> exact(List<Reading> readings) {
        return readings.stream().map(r -> new Reading(r.site(), r.meter(), r.carrier(), r.gas(), r.use(), r.role(),
                r.from(), r.to(), r.quantity().stripTrailingZeros(), r.unit(), r.type(),
                r.multiplier().stripTrailingZeros(), r.registerDigits(), r.event(), r.quality(), r.note(), r.source()))
                .toList();
    }

    private static BigDecimal canonical(Reading r) {
        return r.unit().toCanonical(r.quantity()).stripTrailingZeros();
    }

    @Test
    void longLayoutCsvGivesTheseReadings() throws Exception {
        Path f = csv(dir, "readings.csv", "site,meter,carrier,gas,use,role,from,to,quantity,unit,quality,note\n"
                + "DC1,M1,electricity,,,main,2024-01-01,2024-01-31,\"1,234.5\",kWh,measured,January bill\n"
                + "DC1,IT1,电,,,IT负载,2024-01-01 00:00,2024-01-01 12:00,3.2万,kWh,,\n"
                + "DC1,G1,diesel,,mobile,,2024-02-01,2024-02-29,0.5,t,estimated,\n"
                + "DC1,AC1,refrigerant,R-134a,,,2024-03-05,2024-03-05,12,kg,,\n"
                + "DC1,M1,electricity,,,,,2024-03-01 00:00,1000,kWh,,\n");
        Inventory inv = imported(f);
        assertEquals(List.of(), errors(inv));
        // Row 2: a date-only to is inclusive, so 2024-01-31 is held as the exclusive end 2024-02-01T00:00;
        //        "1,234.5" is 1234.5 (a thousands separator, not a decimal comma: the delimiter is ',').
        // Row 3: date-time ends are exclusive as written; "3.2万" with unit kWh is 3.2 万kWh, which is
        //        3.2 × 10,000 kWh × 3.6 MJ/kWh = 115,200 MJ in the energy dimension's canonical unit.
        // Row 4: diesel is a fuel (use given: mobile); February 2024 has 29 days, so the end is 2024-03-01.
        // Row 5: a refrigerant recharge on one day is [2024-03-05, 2024-03-06); use stays null (not a fuel).
        // Row 6: only its end: from stays null for the engine's input stage to fill in.
        assertEquals(exact(List.of(
                new Reading("DC1", "M1", Carrier.ELECTRICITY, null, null, Role.MAIN, at("2024-01-01T00:00"),
                        at("2024-02-01T00:00"), d("1234.5"), UnitParser.parse("kWh"), ReadingType.CONSUMPTION,
                        BigDecimal.ONE, null, RegisterEvent.READ, Quality.MEASURED, "January bill",
                        SourceRef.row("readings.csv", null, 2)),
                new Reading("DC1", "IT1", Carrier.ELECTRICITY, null, null, Role.IT, at("2024-01-01T00:00"),
                        at("2024-01-01T12:00"), d("3.2"), UnitParser.parse("万kWh"), ReadingType.CONSUMPTION,
                        BigDecimal.ONE, null, RegisterEvent.READ, Quality.MEASURED, null,
                        SourceRef.row("readings.csv", null, 3)),
                new Reading("DC1", "G1", Carrier.DIESEL, null, Use.MOBILE, Role.MAIN, at("2024-02-01T00:00"),
                        at("2024-03-01T00:00"), d("0.5"), UnitParser.parse("t"), ReadingType.CONSUMPTION,
                        BigDecimal.ONE, null, RegisterEvent.READ, Quality.ESTIMATED, null,
                        SourceRef.row("readings.csv", null, 4)),
                new Reading("DC1", "AC1", Carrier.REFRIGERANT, "R-134a", null, Role.MAIN, at("2024-03-05T00:00"),
                        at("2024-03-06T00:00"), d("12"), UnitParser.parse("kg"), ReadingType.CONSUMPTION,
                        BigDecimal.ONE, null, RegisterEvent.READ, Quality.MEASURED, null,
                        SourceRef.row("readings.csv", null, 5)),
                new Reading("DC1", "M1", Carrier.ELECTRICITY, null, null, Role.MAIN, null, at("2024-03-01T00:00"),
                        d("1000"), UnitParser.parse("kWh"), ReadingType.CONSUMPTION, BigDecimal.ONE, null,
                        RegisterEvent.READ, Quality.MEASURED, null, SourceRef.row("readings.csv", null, 6)))),
                exact(inv.readings()));
        assertEquals(d("115200").stripTrailingZeros(), canonical(inv.readings().get(1)));
        assertEquals(new Inventory.RowTally(5, 5, 0), inv.rows());
        assertEquals(List.of(new Inventory.ReadingColumns("readings.csv", null, "I", "G", "H")), inv.readingColumns());

        // The input stage starts row 6 where M1's previous reading (row 2) ended: [2024-02-01, 2024-03-01).
        Reading endOnly = InputStage.prepare(inv, InputStage.Gaps.REPORT).readings().get(4);
        assertEquals(List.of(at("2024-02-01T00:00"), at("2024-03-01T00:00")), List.of(endOnly.from(), endOnly.to()));
    }

    @Test
    void wideLayoutXlsxGivesOneReadingPerMonthCellLocatedByItsColumn() throws Exception {
        Path f = xlsx(dir, "wide.xlsx", sheet("读数")
                .row("站点", "表计", "能源类型", "角色", "单位", "年份", "1月", "2月", "3月")
                .row("DC1", "M1", "电", "总表", "万kWh", 2024, 1.5, 2, null)
                .row("DC1", "W1", "水", null, "m3", 2024, null, 310, 295.5));
        Inventory inv = imported(f);
        assertEquals(List.of(), errors(inv));
        // Each month cell is one reading over its whole month, [first of the month, first of the next),
        // located by its month column (G = 1月, H = 2月, I = 3月). 1.5 万kWh = 15,000 kWh; the row's blank 3月
        // cell gives no reading. W1 has no January value; 2月 is [2024-02-01, 2024-03-01) in a leap year.
        assertEquals(exact(List.of(
                new Reading("DC1", "M1", Carrier.ELECTRICITY, null, null, Role.MAIN, at("2024-01-01T00:00"),
                        at("2024-02-01T00:00"), d("1.5"), UnitParser.parse("万kWh"), ReadingType.CONSUMPTION,
                        BigDecimal.ONE, null, RegisterEvent.READ, Quality.MEASURED, null,
                        new SourceRef("wide.xlsx", "读数", 2, "G")),
                new Reading("DC1", "M1", Carrier.ELECTRICITY, null, null, Role.MAIN, at("2024-02-01T00:00"),
                        at("2024-03-01T00:00"), d("2"), UnitParser.parse("万kWh"), ReadingType.CONSUMPTION,
                        BigDecimal.ONE, null, RegisterEvent.READ, Quality.MEASURED, null,
                        new SourceRef("wide.xlsx", "读数", 2, "H")),
                new Reading("DC1", "W1", Carrier.WATER, null, null, Role.MAIN, at("2024-02-01T00:00"),
                        at("2024-03-01T00:00"), d("310"), UnitParser.parse("m3"), ReadingType.CONSUMPTION,
                        BigDecimal.ONE, null, RegisterEvent.READ, Quality.MEASURED, null,
                        new SourceRef("wide.xlsx", "读数", 3, "H")),
                new Reading("DC1", "W1", Carrier.WATER, null, null, Role.MAIN, at("2024-03-01T00:00"),
                        at("2024-04-01T00:00"), d("295.5"), UnitParser.parse("m3"), ReadingType.CONSUMPTION,
                        BigDecimal.ONE, null, RegisterEvent.READ, Quality.MEASURED, null,
                        new SourceRef("wide.xlsx", "读数", 3, "I")))), exact(inv.readings()));
        // 1.5 万kWh = 1.5 × 10,000 × 3.6 MJ = 54,000 MJ.
        assertEquals(d("54000").stripTrailingZeros(), canonical(inv.readings().get(0)));
        // Each month cell is one row of the tally: 2 + 2.
        assertEquals(new Inventory.RowTally(4, 4, 0), inv.rows());
    }

    @Test
    void registerRowsAreHandedOverAsReadAndTheInputStageDifferencesThem() throws Exception {
        Path f = xlsx(dir, "reg.xlsx", sheet("readings")
                .row("site", "meter", "carrier", "to", "quantity", "unit", "type", "multiplier", "register_digits",
                        "event")
                .row("DC1", "M1", "electricity", "2024-01-01 00:00", 99900, "kWh", "register", 40, 5, null)
                .row("DC1", "M1", "electricity", "2024-02-01 00:00", 120, "kWh", "register", 40, 5, null)
                .row("DC1", "M1", "electricity", "2024-03-01 00:00", 150, "kWh", "register", 40, 5, "close")
                .row("DC1", "M1", "electricity", "2024-03-01 00:00", 7, "kWh", "读数", 80, null, "装表"));
        Inventory inv = imported(f);
        assertEquals(List.of(), errors(inv));
        // A register reading has no period of its own (from null): the value on the register at to.
        assertEquals(exact(List.of(
                new Reading("DC1", "M1", Carrier.ELECTRICITY, null, null, Role.MAIN, null, at("2024-01-01T00:00"),
                        d("99900"), UnitParser.parse("kWh"), ReadingType.REGISTER, d("40"), 5, RegisterEvent.READ,
                        Quality.MEASURED, null, SourceRef.row("reg.xlsx", "readings", 2)),
                new Reading("DC1", "M1", Carrier.ELECTRICITY, null, null, Role.MAIN, null, at("2024-02-01T00:00"),
                        d("120"), UnitParser.parse("kWh"), ReadingType.REGISTER, d("40"), 5, RegisterEvent.READ,
                        Quality.MEASURED, null, SourceRef.row("reg.xlsx", "readings", 3)),
                new Reading("DC1", "M1", Carrier.ELECTRICITY, null, null, Role.MAIN, null, at("2024-03-01T00:00"),
                        d("150"), UnitParser.parse("kWh"), ReadingType.REGISTER, d("40"), 5, RegisterEvent.CLOSE,
                        Quality.MEASURED, null, SourceRef.row("reg.xlsx", "readings", 4)),
                new Reading("DC1", "M1", Carrier.ELECTRICITY, null, null, Role.MAIN, null, at("2024-03-01T00:00"),
                        d("7"), UnitParser.parse("kWh"), ReadingType.REGISTER, d("80"), null, RegisterEvent.OPEN,
                        Quality.MEASURED, null, SourceRef.row("reg.xlsx", "readings", 5)))), exact(inv.readings()));
        assertEquals(new Inventory.RowTally(4, 4, 0), inv.rows());

        Inventory prepared = InputStage.prepare(inv, InputStage.Gaps.REPORT);
        // Row 3 rolled over a 5-digit register: (10^5 − 99,900 + 120) × 40 = 220 × 40 = 8,800 kWh.
        // Row 4: (150 − 120) × 40 = 30 × 40 = 1,200 kWh. Row 2 is the baseline and row 5 the new meter's
        // baseline: accepted rows that yield no consumption of their own.
        assertEquals(List.of(
                "DC1/M1 electricity 2024-01-01T00:00..2024-02-01T00:00 8800 kWh @reg.xlsx, sheet readings, row 3",
                "DC1/M1 electricity 2024-02-01T00:00..2024-03-01T00:00 1200 kWh @reg.xlsx, sheet readings, row 4"),
                Fixtures.describe(prepared));
        assertEquals(new Inventory.RowTally(4, 4, 0), prepared.rows());
    }
}
