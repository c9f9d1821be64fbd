package org.wattledger.importers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.wattledger.importers.Fixtures.csv;
import static org.wattledger.importers.Fixtures.errors;
import static org.wattledger.importers.Fixtures.read;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wattledger.engine.model.Carrier;
import org.wattledger.engine.model.Inventory;
import org.wattledger.engine.model.Reading;
import org.wattledger.engine.model.Role;

/**
 * Word cells (carrier, role ...) are parsed once per distinct text of their column and remembered:
 * a remembered word must give each row exactly what parsing it would, and a remembered unknown word
 * must still reject every row that holds it.
 */
final class WordCellsTest {
    @TempDir
    Path dir;

    @Test
    void aWordSeenBeforeInItsColumnGivesTheSameValueAndAnUnknownOneRejectsEveryRowItIsIn() throws Exception {
        // Rows 2-4 alternate main / IT / main (row 4 repeats row 2, not the row above it); rows 5 and 6
        // both say "bogus"; row 7 writes "  it " with spaces; row 8's carrier "Electricity" differs from
        // "electricity" only in case; rows 9 and 10 both say "plasma".
        Path p = csv(dir, "words.csv", "site,meter,carrier,role,from,to,quantity,unit\n"
                + "DC1,M1,electricity,main,2022-01-01,2022-01-01,10,kWh\n"
                + "DC1,M2,electricity,IT,2022-01-01,2022-01-01,20,kWh\n"
                + "DC1,M3,electricity,main,2022-01-01,2022-01-01,40,kWh\n"
                + "DC1,M4,electricity,bogus,2022-01-01,2022-01-01,80,kWh\n"
                + "DC1,M5,electricity,bogus,2022-01-01,2022-01-01,160,kWh\n"
                + "DC1,M6,electricity,  it ,2022-01-01,2022-01-01,320,kWh\n"
                + "DC1,M7,Electricity,main,2022-01-01,2022-01-01,640,kWh\n"
                + "DC1,M8,plasma,main,2022-01-01,2022-01-01,1280,kWh\n"
                + "DC1,M9,plasma,main,2022-01-01,2022-01-01,2560,kWh\n");
        Inventory inv = read(p);
        assertEquals(List.of(Role.MAIN, Role.IT, Role.MAIN, Role.IT, Role.MAIN),
                inv.readings().stream().map(Reading::role).toList());
        assertEquals(List.of("M1", "M2", "M3", "M6", "M7"), inv.readings().stream().map(Reading::meter).toList());
        // accepted: 10 + 20 + 40 + 320 + 640 = 1,030 kWh = 1,030 × 3.6 = 3,708 MJ (the canonical energy unit);
        // rows 5, 6, 9 and 10 (80, 160, 1,280 and 2,560 kWh) are rejected
        assertEquals(Map.of(Carrier.ELECTRICITY, new BigDecimal("3708")), Fixtures.totals(inv));
        String carriers = "(expected electricity, heat, steam, cooling, natural_gas, diesel, gasoline, lpg, water or"
                + " refrigerant, or a Chinese name such as 电力, 热力, 蒸汽, 天然气, 柴油, 汽油, 液化石油气, 水, 制冷剂)";
        assertEquals(List.of(
                "error: words.csv, row 5, column D: unknown role 'bogus' (expected main, it, sub, onsite_renewable or reuse)",
                "error: words.csv, row 6, column D: unknown role 'bogus' (expected main, it, sub, onsite_renewable or reuse)",
                "error: words.csv, row 9, column C: unknown carrier 'plasma' " + carriers,
                "error: words.csv, row 10, column C: unknown carrier 'plasma' " + carriers), errors(inv));
    }
}
