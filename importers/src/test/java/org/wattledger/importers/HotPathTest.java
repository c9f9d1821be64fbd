package org.wattledger.importers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.wattledger.importers.Fixtures.csv;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wattledger.engine.model.Carrier;
import org.wattledger.engine.model.Inventory;
import org.wattledger.engine.model.Reading;
import org.wattledger.engine.model.ReadingStore;
import org.wattledger.engine.model.ReadingType;
import org.wattledger.engine.model.SourceRef;
import org.wattledger.engine.units.CarbonUnits;

/** The import's hot path: plain numbers into unscaled longs, rows straight into the store's columns, the file's hash. */
final class HotPathTest {
    @TempDir
    Path dir;

    @Test
    void aPlainDecimalIsReadIntoAnUnscaledLongAndAScale() {
        Numbers.Plain p = new Numbers.Plain();
        assertEquals(true, Numbers.fastPlain("-12.50", p));
        assertEquals(-1250, p.unscaled); // -12.50 = -1250 × 10^-2
        assertEquals(2, p.scale);
        assertEquals(new BigDecimal("-12.50"), p.toBigDecimal()); // equals: same value and scale
        assertEquals(true, Numbers.fastPlain("7", p));
        assertEquals(7, p.unscaled);
        assertEquals(0, p.scale);
        assertEquals(true, Numbers.fastPlain("123456789012345678", p)); // 18 digits: the most a long holds safely
        assertEquals(123_456_789_012_345_678L, p.unscaled);
        for (String notPlain : new String[] {"", "-", "12.", ".", "1e5", "1,5", " 1", "1234567890123456789", "1.2.3"}) {
            assertEquals(false, Numbers.fastPlain(notPlain, p), notPlain);
        }
        assertEquals(null, Numbers.fastDecimal("1e5"));
        assertEquals(new BigDecimal("0.000"), Numbers.fastDecimal("0.000"));
    }

    @Test
    void rowsOfOneMeterGoStraightIntoTheColumnsAndReadBackAsTheReadingsTheyAre() throws Exception {
        // rows 2-3 share their fields (the second goes into the columns); row 4 another meter; row 5 a
        // quantity of 19 digits (kept whole); row 6 a number with a thousands separator (parsed, not plain);
        // row 7 back to M1 with its own fields again
        Path f = csv(dir, "readings.csv", """
                site,meter,carrier,from,to,quantity,unit
                DC1,M1,electricity,2024-01-01 00:00,2024-01-01 01:00,1.500,kWh
                DC1,M1,electricity,2024-01-01 01:00,2024-01-01 02:00,-0.25,kWh
                DC1,M2,electricity,2024-01-01 00:00,2024-01-01 01:00,3,kWh
                DC1,M2,electricity,2024-01-01 01:00,2024-01-01 02:00,1234567890.123456789,kWh
                DC1,M2,electricity,2024-01-01 02:00,2024-01-01 03:00,"1,234.5",kWh
                DC1,M1,electricity,2024-01-01 02:00,2024-01-01 03:00,0,kWh
                """);
        Inventory inv = imported(f);
        assertEquals(new Inventory.RowTally(6, 5, 1), inv.rows()); // -0.25 is refused: a consumption cannot be below 0
        assertEquals(List.of(
                hour("M1", 0, "1.500", 2), hour("M2", 0, "3", 4), hour("M2", 1, "1234567890.123456789", 5),
                hour("M2", 2, "1234.5", 6), hour("M1", 2, "0", 7)), inv.readings());
        ReadingStore store = (ReadingStore) inv.readings();
        assertEquals(3, store.get(0).quantity().scale());
        assertEquals(-1, store.descriptorOf(2)); // 19 digits: kept whole
        assertEquals(store.descriptorOf(0), store.descriptorOf(4)); // M1 again: the same descriptor
    }

    @Test
    void aDateColumnsRememberedNextTextIsOnlyAHint() throws Exception {
        // M1 runs 00→01→02→03, so after "01:00" the to column went to "02:00" and after "02:00" to "03:00";
        // M2 runs out of that order (00-01, 02-03, 01-02): each of its dates must still be its own
        Path f = csv(dir, "readings.csv", """
                site,meter,carrier,from,to,quantity,unit
                DC1,M1,electricity,2024-01-01 00:00,2024-01-01 01:00,1,kWh
                DC1,M1,electricity,2024-01-01 01:00,2024-01-01 02:00,2,kWh
                DC1,M1,electricity,2024-01-01 02:00,2024-01-01 03:00,3,kWh
                DC1,M2,electricity,2024-01-01 00:00,2024-01-01 01:00,4,kWh
                DC1,M2,electricity,2024-01-01 02:00,2024-01-01 03:00,5,kWh
                DC1,M2,electricity,2024-01-01 01:00,2024-01-01 02:00,6,kWh
                """);
        assertEquals(List.of(hour("M1", 0, "1", 2), hour("M1", 1, "2", 3), hour("M1", 2, "3", 4),
                hour("M2", 0, "4", 5), hour("M2", 2, "5", 6), hour("M2", 1, "6", 7)), imported(f).readings());
    }

    @Test
    void aRegisterRowAfterAnotherGoesIntoTheColumnsWithoutAStart() throws Exception {
        Path f = csv(dir, "readings.csv", """
                site,meter,carrier,type,to,quantity,unit
                DC1,R1,electricity,register,2024-01-01 00:00,100.5,kWh
                DC1,R1,electricity,register,2024-01-02 00:00,130.25,kWh
                """);
        List<Reading> readings = imported(f).readings(); // as imported, before the input stage takes differences
        assertEquals(2, readings.size());
        assertEquals(register("2024-01-01T00:00", "100.5", 2), readings.get(0));
        assertEquals(register("2024-01-02T00:00", "130.25", 3), readings.get(1));
    }

    @Test
    void aWorkbookIsHashedOnItsOwnThreadToTheSameHash() throws Exception {
        Path f = dir.resolve("abc.bin");
        Files.write(f, "abc".getBytes(StandardCharsets.US_ASCII));
        // SHA-256("abc"), FIPS 180-2 appendix B.1
        String abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
        FileHash background = new FileHash(f);
        background.startInBackground();
        assertEquals(abc, background.get());
        assertEquals(abc, new FileHash(f).get());
        FileHash missing = new FileHash(dir.resolve("missing.xlsx"));
        missing.startInBackground();
        assertEquals("", missing.get()); // as WorkbookImporter.sha256 gives for a file that cannot be read
    }

    @Test
    void aReferenceInsideACellDoesNotChangeTheCellsOwn() {
        // a hostile <f r="Z9"> inside cell B2: the cell is still B2 (its reference is a reused view of bytes)
        String xml = "<worksheet><sheetData><row r=\"2\"><c r=\"B2\"><f r=\"Z9\">1+1</f><v>2</v></c>"
                + "<c r=\"C2\" t=\"s\"><v>0</v></c></row></sheetData></worksheet>";
        List<String> seen = new ArrayList<>();
        new SheetScanner(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), 1 << 20).scan(
                new SheetScanner.Handler() {
                    @Override
                    public void startRow(String r) {
                        seen.add("row " + r);
                    }

                    @Override
                    public void cell(String ref, String type, String style, String value, String inline,
                            boolean formula) {
                        seen.add(ref + "=" + value + (formula ? " (formula)" : ""));
                    }

                    @Override
                    public boolean endRow() {
                        return true;
                    }

                    @Override
                    public void merge(String ref) {
                    }
                });
        assertEquals(List.of("row 2", "B2=2 (formula)", "C2=0"), seen);
    }

    /** The import alone, without the engine's input stage. */
    private static Inventory imported(Path f) {
        return WorkbookImporter.read(List.of(f), ImportOptions.defaults());
    }

    private static Reading hour(String meter, int hour, String quantity, int row) {
        LocalDateTime from = LocalDateTime.of(2024, 1, 1, hour, 0);
        return new Reading("DC1", meter, Carrier.ELECTRICITY, null, null, null, from, from.plusHours(1),
                new BigDecimal(quantity), CarbonUnits.KWH, ReadingType.CONSUMPTION, null, null, null, null, null,
                SourceRef.row("readings.csv", null, row));
    }

    private static Reading register(String to, String quantity, int row) {
        return new Reading("DC1", "R1", Carrier.ELECTRICITY, null, null, null, null, LocalDateTime.parse(to),
                new BigDecimal(quantity), CarbonUnits.KWH, ReadingType.REGISTER, null, null, null, null, null,
                SourceRef.row("readings.csv", null, row));
    }
}
