package org.wattledger.factors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.wattledger.engine.model.Issue;

/** A factor value with an absurd exponent is a row error, not a figure that hangs the arithmetic later. */
@Timeout(10)
final class FactorValueRangeTest {
    @TempDir
    Path dir;

    @Test
    void refusesValuesOutsideTheInputRange() throws IOException {
        Path file = dir.resolve("range.csv");
        // 1E+999999999 and 1E+18 (19 digits before the point) are too large, 1E-31 too small; 0.5703 is kept
        Files.writeString(file, "id,carrier,kind,gas,value,unit,region,valid_from,valid_to,source\n"
                + "a,electricity,emission,CO2,1E+999999999,t/MWh,CN,2022-01-01,,Src\n"
                + "b,electricity,emission,CO2,1E+18,t/MWh,CN,2022-01-01,,Src\n"
                + "c,electricity,emission,CO2,1E-31,t/MWh,CN,2022-01-01,,Src\n"
                + "d,electricity,emission,CO2,0.5703,t/MWh,CN,2022-01-01,,Src\n", StandardCharsets.UTF_8);
        LoadedSheet sheet = FactorSheetLoader.loadCsv(file);
        String range = " is out of range (numbers are read with at most 18 digits before the decimal point, down to"
                + " 1E-30, and at most 34 significant digits)";
        assertEquals(List.of("error: range.csv, row 2, column E: '1E+999999999'" + range,
                "error: range.csv, row 3, column E: '1E+18'" + range,
                "error: range.csv, row 4, column E: '1E-31'" + range),
                sheet.issues().stream().map(Issue::toString).toList());
        assertEquals(4, sheet.rowsRead());
        assertEquals(3, sheet.rejected());
        assertEquals("0.5703", sheet.factors().get(0).value().toPlainString());
    }
}
