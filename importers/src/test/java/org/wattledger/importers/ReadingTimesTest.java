package org.wattledger.importers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.wattledger.importers.Fixtures.csv;
import static org.wattledger.importers.Fixtures.describe;
import static org.wattledger.importers.Fixtures.issues;
import static org.wattledger.importers.Fixtures.read;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wattledger.engine.model.DateRange;
import org.wattledger.engine.model.Inventory;

/** Times in the site's local time, month-end rows, end-only rows, and dates that are refused with a reason. */
final class ReadingTimesTest {
    @TempDir
    Path dir;

    private static final String HEADER = "site,meter,carrier,from,to,quantity,unit\n";

    @Test
    void utcOffsetsAreTurnedIntoTheSitesLocalTime() throws Exception {
        Path in = dir.resolve("in");
        csv(dir, "in/sites.csv", "site,region,timezone\nBJ,CN-BJ,\nLON,GB,\nTYO,JP,Asia/Tokyo\nOSA,JP,\n");
        csv(dir, "in/readings.csv", HEADER
                + "BJ,M1,electricity,2024-03-09T16:00:00Z,2024-03-10T12:00:00+08:00,5,kWh\n"
                + "LON,M1,electricity,2024-07-01T00:00Z,2024-07-01T06:00+0000,6,kWh\n"
                + "TYO,M1,electricity,2024-07-01T00:00+09:00,2024-07-01T00:00+01:00,7,kWh\n"
                + "OSA,M1,electricity,2024-07-01T00:00+09:00,2024-07-01T01:00+09:00,8,kWh\n");
        Inventory inv = read(in);

        // BJ: 16:00Z + 8 h (Asia/Shanghai, CN default) = 2024-03-10 00:00; 12:00+08:00 is 12:00 local.
        // LON: July is British Summer Time (UTC+1, GB default): 00:00Z = 01:00, 06:00Z = 07:00.
        // TYO (timezone Asia/Tokyo, UTC+9): 00:00+09:00 = 00:00; 00:00+01:00 = 23:00Z = 08:00 local.
        assertEquals(List.of(
                "BJ/M1 electricity 2024-03-10T00:00..2024-03-10T12:00 5 kWh @readings.csv, row 2",
                "LON/M1 electricity 2024-07-01T01:00..2024-07-01T07:00 6 kWh @readings.csv, row 3",
                "TYO/M1 electricity 2024-07-01T00:00..2024-07-01T08:00 7 kWh @readings.csv, row 4"), describe(inv));
        assertEquals(List.of("error: readings.csv, row 5, column E: '2024-07-01T01:00+09:00' gives a UTC offset,"
                + " but site OSA has no timezone and its region has no default time zone to turn it into local time:"
                + " add a timezone column to the sites table (an IANA id such as Asia/Shanghai or Europe/London)"),
                issues(inv));
        assertEquals(new Inventory.RowTally(4, 3, 1), inv.rows());
    }

    @Test
    void anOffsetOnOneEndOnlyOrAtASiteWithoutSitesTableIsAnError() throws Exception {
        Path p = csv(dir, "mixed.csv", HEADER
                + "S,M1,electricity,2024-07-01T00:00+08:00,2024-07-01 08:00,5,kWh\n"
                + "S,M2,electricity,2024-07-01T00:00+08:00,2024-07-01T08:00+08:00,5,kWh\n");
        Inventory inv = read(p);

        assertEquals(List.of("error: mixed.csv, row 2, column E: '2024-07-01 08:00' has no UTC offset but"
                + " '2024-07-01T00:00+08:00' has one: give both with an offset (such as +08:00 or Z) or neither",
                "error: mixed.csv, row 3, column E: '2024-07-01T08:00+08:00' gives a UTC offset, but site S is not in"
                        + " the sites table, so it has no time zone to turn it into local time: add a timezone column"
                        + " to the sites table (an IANA id such as Asia/Shanghai or Europe/London)"), issues(inv));
        assertEquals(new Inventory.RowTally(2, 0, 2), inv.rows());
    }

    @Test
    void aLocalTimeTheClocksSkipIsARowPreciseError() throws Exception {
        Path in = dir.resolve("in");
        csv(dir, "in/sites.csv", "site,region\nNY,US-NYUP\nSH,CN-SH\n");
        csv(dir, "in/readings.csv", HEADER
                + "NY,M1,electricity,2024-03-10 01:00,2024-03-10 02:30,5,kWh\n"
                + "SH,M1,electricity,2024-03-10 01:00,2024-03-10 02:30,5,kWh\n");
        Inventory inv = read(in);

        // New York springs forward on 2024-03-10 at 02:00 EST to 03:00 EDT: 02:30 never happens there.
        // Shanghai has no daylight saving time: the same row is fine.
        assertEquals(List.of("error: readings.csv, row 2, column E: 2024-03-10 02:30 does not exist in time zone"
                + " America/New_York: the clocks go forward from 02:00 to 03:00 that day (write the time with its UTC"
                + " offset, such as 2024-03-10T02:30-05:00, or the local time after the change)"), issues(inv));
        assertEquals(List.of("SH/M1 electricity 2024-03-10T01:00..2024-03-10T02:30 5 kWh @readings.csv, row 3"),
                describe(inv));
        assertEquals(new Inventory.RowTally(2, 1, 1), inv.rows());
    }

    @Test
    void monthEndRowsAreReadWithTheEndExcludedAndSaidOnce() throws Exception {
        Path p = csv(dir, "bms.csv", HEADER
                + "S,M1,electricity,2024-01-01,2024-02-01,310,kWh\n"
                + "S,M1,electricity,2024-02-01,2024-03-01,290,kWh\n"
                + "S,M1,electricity,2024-03-01,2024-04-01,310,kWh\n"
                + "S,M2,electricity,2024-01-01,2024-01-31,31,kWh\n"
                + "S,M2,electricity,2024-02-01,2024-02-29,29,kWh\n");
        Inventory inv = read(p);

        // M1: each end is the next start, so the ends are exclusive: January 2024-01-01..2024-02-01 (31 days),
        // not 2024-01-01..2024-02-02 overlapping February by a day. M2 writes inclusive ends and stays as written.
        assertEquals(List.of(
                "S/M1 electricity 2024-01-01T00:00..2024-02-01T00:00 310 kWh @bms.csv, row 2",
                "S/M1 electricity 2024-02-01T00:00..2024-03-01T00:00 290 kWh @bms.csv, row 3",
                "S/M1 electricity 2024-03-01T00:00..2024-04-01T00:00 310 kWh @bms.csv, row 4",
                "S/M2 electricity 2024-01-01T00:00..2024-02-01T00:00 31 kWh @bms.csv, row 5",
                "S/M2 electricity 2024-02-01T00:00..2024-03-01T00:00 29 kWh @bms.csv, row 6"), describe(inv));
        assertEquals(List.of("info: bms.csv, row 2, column E: meter S/M1 (electricity): each of its 3 rows ends on the"
                + " date the next starts (2024-01-01 to 2024-02-01, then 2024-02-01 to 2024-03-01), so to is read as"
                + " the first day not included"), issues(inv));
        assertEquals(new Inventory.RowTally(5, 5, 0), inv.rows());
    }

    @Test
    void oneRowBreakingTheMonthEndPatternLeavesTheMeterAsWritten() throws Exception {
        Path p = csv(dir, "mixed.csv", HEADER
                + "S,M1,electricity,2024-01-01,2024-02-01,310,kWh\n"
                + "S,M1,electricity,2024-02-01,2024-02-29,290,kWh\n"
                + "S,M1,electricity,2024-03-01,2024-03-31,310,kWh\n");
        Inventory inv = read(p);

        // row 3 ends 2024-02-29 and row 4 starts 2024-03-01: not the month-end pattern, so every to includes its
        // day; row 2 is then 2024-01-01..2024-02-01 (both included) and overlaps row 3 on 2024-02-01.
        assertEquals(List.of("error: mixed.csv, row 3, column D: period 2024-02-01..2024-02-29 overlaps row 2"
                + " (2024-01-01..2024-02-01) of the same meter S/M1 (electricity)", "warning: mixed.csv, row 4, column D:"
                + " gap before this reading: meter S/M1 (electricity) has no reading for 2024-02-02..2024-02-29"),
                issues(inv)); // row 3 rejected: row 2 ends with 2024-02-01, row 4 starts 2024-03-01
        assertEquals(new Inventory.RowTally(3, 2, 1), inv.rows());
    }

    @Test
    void rowsGivingOnlyTheirEndStartAtTheMetersPreviousReading() throws Exception {
        Path p = csv(dir, "ends.csv", HEADER
                + "S,M1,electricity,,2024-01-01 08:00,2,kWh\n"
                + "S,M1,electricity,,2024-01-01 09:00,3,kWh\n"
                + "S,M1,electricity,,2024-01-01 10:30,4,kWh\n");
        Inventory inv = read(p);

        // row 2 is the meter's first reading: no start (error), but it was read at 08:00, so row 3 is 08:00..09:00
        // and row 4 09:00..10:30.
        assertEquals(List.of(
                "S/M1 electricity 2024-01-01T08:00..2024-01-01T09:00 3 kWh @ends.csv, row 3",
                "S/M1 electricity 2024-01-01T09:00..2024-01-01T10:30 4 kWh @ends.csv, row 4"), describe(inv));
        assertEquals(List.of("error: ends.csv, row 2, column D: this row gives only an end time (2024-01-01 08:00)"
                + " and is the first reading of meter S/M1 (electricity), so nothing gives its start: fill in from"),
                issues(inv));
        assertEquals(new Inventory.RowTally(3, 2, 1), inv.rows());
    }

    @Test
    void numericDayAndMonthAreCalledAmbiguousWithBothReadings() throws Exception {
        Path p = csv(dir, "dmy.csv", HEADER
                + "S,M1,electricity,03/04/2024,03/05/2024,2,kWh\n"
                + "S,M2,electricity,2024-01-01,25/12/2024,2,kWh\n");
        Inventory inv = read(p);

        assertEquals(List.of(
                "error: dmy.csv, row 2, column D: '03/04/2024' is ambiguous: a day and a month written as numbers can"
                        + " be 2024-04-03 (day/month) or 2024-03-04 (month/day); write the year first, such as 2024-04-03",
                "error: dmy.csv, row 2, column E: '03/05/2024' is ambiguous: a day and a month written as numbers can"
                        + " be 2024-05-03 (day/month) or 2024-03-05 (month/day); write the year first, such as 2024-05-03",
                "error: dmy.csv, row 3, column E: '25/12/2024' is ambiguous: a day and a month written as numbers can"
                        + " be day/month or month/day, which differ by country; write the year first, such as"
                        + " 2024-12-25"), issues(inv));
        assertEquals(new Inventory.RowTally(2, 0, 2), inv.rows());
    }

    @Test
    void anAbsurdDateSerialIsARowPreciseError() throws Exception {
        Path p = dir.resolve("serial.xlsx");
        Map<String, byte[]> wb = HostileFilesTest.workbook(HostileFilesTest.sheet(
                "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>site</t></is></c><c r=\"B1\" t=\"inlineStr\"><is><t>meter"
                        + "</t></is></c><c r=\"C1\" t=\"inlineStr\"><is><t>carrier</t></is></c><c r=\"D1\" t=\"inlineStr\">"
                        + "<is><t>to</t></is></c><c r=\"E1\" t=\"inlineStr\"><is><t>quantity (kWh)</t></is></c></row>"
                        + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>S</t></is></c><c r=\"B2\" t=\"inlineStr\"><is>"
                        + "<t>M</t></is></c><c r=\"C2\" t=\"inlineStr\"><is><t>electricity</t></is></c><c r=\"D2\"><v>"
                        + "1E-999999999</v></c><c r=\"E2\"><v>5</v></c></row>"));
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(p))) {
            for (Map.Entry<String, byte[]> e : wb.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        Inventory inv = read(p);

        assertEquals(List.of("error: serial.xlsx, sheet readings, row 2, column D: '1E-999999999' is not a date (a"
                + " number this far from 1 to 2958465 is no Excel date serial; expected a date such as 2022-01-31,"
                + " 2022/1/31, 2022年1月31日, a month such as 2022-01, 2022年1月 or Jan-22, a date-time such as"
                + " 2022-01-31 08:00 or 2022-01-31T08:00+08:00, or an Excel date)"), issues(inv));
        assertEquals(new Inventory.RowTally(1, 0, 1), inv.rows());
    }

    @Test
    void sitesDeclareTheirDaysInServiceAndTimeZone() throws Exception {
        Path in = dir.resolve("in");
        csv(dir, "in/sites.csv", "site,region,in_service_from,in_service_to,timezone\n"
                + "A,CN,2024-03-01,,\n"
                + "B,CN,,2024-06-30,Asia/Urumqi\n"
                + "C,CN,2024-07-01,2024-06-30,Asia/Shangai\n");
        csv(dir, "in/readings.csv", HEADER + "A,M1,electricity,2024-03-01,2024-03-31,5,kWh\n");
        Inventory inv = read(in);

        // in_service_to 2024-06-30 includes that day: the range ends before 2024-07-01.
        assertEquals(new DateRange(LocalDate.of(2024, 3, 1), null), inv.sites().get(0).inService());
        assertEquals(new DateRange(LocalDate.MIN, LocalDate.of(2024, 7, 1)), inv.sites().get(1).inService());
        assertEquals(ZoneId.of("Asia/Urumqi"), inv.sites().get(1).timezone());
        assertEquals(List.of("error: sites.csv, row 4, column D: '2024-06-30' is before in_service_from"
                + " '2024-07-01'", "error: sites.csv, row 4, column E: unknown time zone 'Asia/Shangai' (expected"
                + " an IANA id such as Asia/Shanghai, Europe/London or America/New_York)"), issues(inv));
        assertEquals(2, inv.sites().size());
    }
}
