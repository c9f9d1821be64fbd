package org.wattledger.importers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wattledger.engine.meter.InputStage;
import org.wattledger.engine.model.Inventory;
import org.wattledger.engine.model.Issue;

/**
 * A seeded fuzzer: mutates a good CSV file, a good workbook's XML parts, a good workbook's bytes
 * and a good .xls workbook's bytes, imports each mutant and checks the invariants every input must keep — the import
 * returns (no exception escapes, whatever the bytes), in bounded time, rows read = accepted +
 * rejected, every rejected row has an error, and no message carries a Java exception. The
 * budget is small in the normal build ({@value #DEFAULT_TRIES} tries per kind, seed
 * {@value #DEFAULT_SEED}); a longer run: {@code -Dwattledger.fuzz.tries=20000 -Dwattledger.fuzz.seed=7}
 * (docs/formats/workbook.md, "Hostile files").
 */
final class FuzzTest {
    static final int DEFAULT_TRIES = 150;
    static final long DEFAULT_SEED = 20_261_201L;
    private static final Duration PER_FILE = Duration.ofSeconds(10);

    /** Fragments worth splicing in: quoting, markup, encodings, numbers and dates at their edges. */
    private static final String[] SPLICES = {"\"", "\"\"", ",", ";", "\n", "\r", "<", ">", "&", "&amp;", "&#0;",
        "&#x110000;", "<!DOCTYPE x>", "<![CDATA[", "]]>", "</row>", "<row r=\"0\">", "<row r=\"99999999999\">",
        "<c r=\"XFE1\">", "t=\"s\"", "<v>1E+999999999</v>", "<v>-1E-999999999</v>", "1E+100000000", "9".repeat(40),
        "0.", ".5", "-", "(", ")", "万", "\u00FF", "\uFFFD", "sep=", "2022-13-45", "24:00", "44562.999999999",
        "#DIV/0!", "\t", " ", "=SUM(A1)", "<is><t>x</t></is>", "<f>1+1</f>", "<mergeCell ref=\"A1:XFD1048576\"/>"};

    @TempDir
    Path dir;

    private final int tries = Integer.getInteger("wattledger.fuzz.tries", DEFAULT_TRIES);
    private final Random random = new Random(Long.getLong("wattledger.fuzz.seed", DEFAULT_SEED));

    private static final String CSV = "site,meter,carrier,type,from,to,quantity,unit,note\n"
            + "S1,M1,electricity,consumption,2022-01-01,2022-01-31,\"1,234.5\",kWh,\"a, note\"\n"
            + "S1,M1,electricity,consumption,2022-02-01,2022-02-28,1200,kWh,\n"
            + "北京,电表1,电力,用量,2022-01-01,2022-01-31,3.2万,kWh,备注\n"
            + "S2,R1,electricity,register,,2022-01-31,1000,kWh,\n"
            + "S2,R1,electricity,register,,2022-02-28,1500,kWh,\n";

    @Test
    void mutatedCsvFilesKeepTheInvariants() throws Exception {
        byte[] base = CSV.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < tries; i++) {
            byte[] mutant = mutate(base, 1 + random.nextInt(4));
            check(write("t" + i + "/readings.csv", mutant), mutant);
        }
    }

    @Test
    void workbooksWithMutatedXmlKeepTheInvariants() throws Exception {
        Map<String, byte[]> parts = entries(Files.readAllBytes(goodWorkbook()));
        List<String> names = List.copyOf(parts.keySet());
        for (int i = 0; i < tries; i++) {
            Map<String, byte[]> copy = new LinkedHashMap<>(parts);
            String name = names.get(random.nextInt(names.size()));
            copy.put(name, mutate(copy.get(name), 1 + random.nextInt(3)));
            byte[] zip = zip(copy);
            check(write("x" + i + ".xlsx", zip), zip);
        }
    }

    @Test
    void workbooksWithMutatedBytesKeepTheInvariants() throws Exception {
        byte[] base = Files.readAllBytes(goodWorkbook());
        for (int i = 0; i < tries; i++) {
            byte[] mutant = base.clone();
            int kind = random.nextInt(3);
            if (kind == 0) {
                mutant = java.util.Arrays.copyOf(mutant, random.nextInt(mutant.length)); // truncated
            } else {
                for (int k = 0; k < 1 + random.nextInt(8); k++) {
                    mutant[random.nextInt(mutant.length)] ^= (byte) (1 << random.nextInt(8)); // bit flips
                }
            }
            check(write("b" + i + ".xlsx", mutant), mutant);
        }
    }

    private Path goodXls() throws IOException {
        return Fixtures.xls(dir, "good.xls", Fixtures.sheet("readings")
                .row("site", "meter", "carrier", "from", "to", "quantity", "unit")
                .row("S1", "M1", "electricity", "2022-01-01", "2022-01-31", 1234.5, "kWh")
                .row("北京", "电表1", "电力", "2022-01-01", "2022-01-31", "3.2万", "kWh"));
    }

    /** Found by this fuzzer (seed 20261201, .xls mutant 279): a sheet list POI cannot read crashed the run. */
    @Test
    void anXlsWhoseSheetListIsDamagedIsOneError() throws Exception {
        Random seeded = new Random(DEFAULT_SEED);
        Path good = goodXls();
        byte[] mutant = null;
        for (int i = 0; i <= 279; i++) {
            mutant = xlsMutant(good, seeded);
        }
        Path p = write("damaged.xls", mutant);
        Inventory inv = WorkbookImporter.read(List.of(p), ImportOptions.defaults());
        assertEquals(List.of("error: damaged.xls: damaged.xls is a damaged .xls workbook (Index 0 out of bounds for"
                + " length 0); the file was not read"), Fixtures.issues(inv));
        assertEquals(new Inventory.RowTally(0, 0, 0), inv.rows());
    }

    @Test
    void xlsWorkbooksWithMutatedBytesKeepTheInvariants() throws Exception {
        Path good = goodXls();
        for (int i = 0; i < tries / 2; i++) {
            byte[] mutant = xlsMutant(good, random);
            check(write("o" + i + ".xls", mutant), mutant);
        }
    }

    private static byte[] xlsMutant(Path good, Random random) throws IOException {
        byte[] mutant = Files.readAllBytes(good);
        for (int k = 0; k < 1 + random.nextInt(8); k++) {
            mutant[random.nextInt(mutant.length)] ^= (byte) (1 << random.nextInt(8)); // bit flips
        }
        return mutant;
    }

    private Path goodWorkbook() throws IOException {
        return Fixtures.xlsx(dir, "good.xlsx", Fixtures.sheet("readings")
                .row("site", "meter", "carrier", "from", "to", "quantity", "unit")
                .row("S1", "M1", "electricity", "2022-01-01", "2022-01-31", 1234.5, "kWh")
                .row("S1", "M1", "electricity", "2022-02-01", "2022-02-28", "1,200", "kWh")
                .row("北京", "电表1", "电力", "2022-01-01", "2022-01-31", "3.2万", "kWh")
                .merge("A5:A6").row("S2", "M2", "water", "2022-01-01", "2022-01-31", 5, "m3")
                .row(null, "M3", "water", "2022-01-01", "2022-01-31", 6, "m3"),
                Fixtures.sheet("sites").row("site", "region", "kind").row("S1", "CN-BJ", "office"),
                Fixtures.sheet("factors").row("id", "value").row("my.grid", "0.5"));
    }

    /** 1-n edits: delete, duplicate or splice a fragment, or replace a byte. */
    private byte[] mutate(byte[] base, int edits) {
        byte[] b = base;
        for (int e = 0; e < edits; e++) {
            int at = b.length == 0 ? 0 : random.nextInt(b.length);
            ByteArrayOutputStream out = new ByteArrayOutputStream(b.length + 64);
            out.write(b, 0, at);
            switch (random.nextInt(4)) {
                case 0 -> at += Math.min(1 + random.nextInt(8), b.length - at); // delete
                case 1 -> out.write(b, at, Math.min(random.nextInt(64), b.length - at)); // duplicate
                case 2 -> out.writeBytes(SPLICES[random.nextInt(SPLICES.length)].getBytes(StandardCharsets.UTF_8));
                default -> {
                    out.write(random.nextInt(256));
                    at = Math.min(at + 1, b.length);
                }
            }
            out.write(b, at, b.length - at);
            b = out.toByteArray();
        }
        return b;
    }

    private Path write(String name, byte[] bytes) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.write(p, bytes);
        return p;
    }

    /** The invariants; on failure the message carries the mutant so it can be replayed. */
    private void check(Path file, byte[] bytes) {
        String replay = file.getFileName() + " (" + bytes.length + " bytes): "
                + new String(bytes, 0, Math.min(bytes.length, 600), StandardCharsets.ISO_8859_1);
        Inventory inv = assertTimeoutPreemptively(PER_FILE, () -> {
            try {
                return InputStage.prepare(WorkbookImporter.read(List.of(file), ImportOptions.defaults()),
                        InputStage.Gaps.REPORT);
            } catch (RuntimeException e) {
                throw new AssertionError("an exception escaped the import of " + replay, e);
            }
        }, replay);
        Inventory.RowTally t = inv.rows();
        assertEquals(t.read(), t.accepted() + t.rejected(), replay);
        if (t.rejected() > 0) {
            assertTrue(inv.issues().stream().anyMatch(Issue::isError), replay);
        }
        for (Issue i : inv.issues()) {
            assertFalse(i.message().contains("Exception") || i.message().contains("\tat "), i + " / " + replay);
        }
    }

    private static Map<String, byte[]> entries(byte[] zip) throws IOException {
        Map<String, byte[]> m = new LinkedHashMap<>();
        try (ZipInputStream z = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = z.getNextEntry(); e != null; e = z.getNextEntry()) {
                m.put(e.getName(), z.readAllBytes());
            }
        }
        return m;
    }

    private static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
