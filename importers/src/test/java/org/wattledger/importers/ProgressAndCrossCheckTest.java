package org.wattledger.importers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ProgressAndCrossCheckTest {
    @TempDir
    Path dir;

    @Test
    void reportsProgressUpToTheTotalSizeOfTheInputs() throws Exception {
        StringBuilder sb = new StringBuilder("site,meter,carrier,from,to,quantity,unit\n");
        for (int i = 0; i < 20_000; i++) {
            sb.append("S,M").append(i).append(",electricity,2022-01-01,2022-01-31,").append(i).append(",kWh\n");
        }
        Path csv = Fixtures.csv(dir, "readings.csv", sb.toString());
        Path xlsx = Fixtures.xlsx(dir, "x.xlsx", Fixtures.sheet("readings").row("site", "meter", "carrier", "to",
                "quantity", "unit").row("S", "X", "water", "2022-01-31", 1, "m3"));
        List<long[]> calls = new ArrayList<>();
        ImportOptions options = ImportOptions.builder().progress((done, total, rows) -> calls.add(
                new long[] {done, total, rows})).build();
        WorkbookImporter.read(List.of(csv, xlsx), options);
        long total = Files.size(csv) + Files.size(xlsx);
        assertTrue(calls.size() >= 3, "calls: " + calls.size());
        long[] last = calls.get(calls.size() - 1);
        assertEquals(total, last[0]);
        assertEquals(total, last[1]);
        assertEquals(20_001, last[2]);
        for (int i = 1; i < calls.size(); i++) {
            assertTrue(calls.get(i)[0] >= calls.get(i - 1)[0], "progress never goes back");
        }
    }

    @Test
    void rawCellTextMatchesAnIndependentReader() throws Exception {
        Path f = Fixtures.xlsx(dir, "x.xlsx", Fixtures.sheet("readings")
                .row("site", "meter", "quantity", "when")
                .row("S", "M", 123456.7890123, new Fixtures.DateTime("2022-01-01T01:00"))
                .row("S", "M", 0.1, new Fixtures.Formula("1/3"))
                .row("S", "M", "text", true));
        List<String> ours = new ArrayList<>();
        try (XlsxWorkbook wb = XlsxWorkbook.open(f, ImportOptions.defaults())) {
            wb.readSheet(wb.sheets().get(0), new RowSink() {
                @Override
                public boolean row(CellRow row) {
                    for (int c = 0; c < row.width(); c++) {
                        ours.add(row.number + ":" + c + "=" + row.text(c));
                    }
                    return true;
                }

                @Override
                public void end(List<Merge> merges) {
                }
            });
        }
        List<String> theirs = new ArrayList<>();
        try (ReadableWorkbook wb = new ReadableWorkbook(new File(f.toString()));
                Stream<Row> rows = wb.getFirstSheet().openStream()) {
            for (Iterator<Row> it = rows.iterator(); it.hasNext();) {
                Row r = it.next();
                for (Cell c : r) {
                    if (c == null) {
                        continue;
                    }
                    String raw = c.getType() == org.dhatim.fastexcel.reader.CellType.STRING ? c.asString()
                            : c.getType() == org.dhatim.fastexcel.reader.CellType.BOOLEAN ? (c.asBoolean() ? "TRUE"
                                    : "FALSE") : c.getRawValue();
                    theirs.add(r.getRowNum() + ":" + c.getColumnIndex() + "=" + raw);
                }
            }
        }
        assertEquals(theirs, ours);
    }
}
