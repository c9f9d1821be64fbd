package org.wattledger.reports;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

final class AuditBundleTest {
    private static final AuditBundle.Description DESCRIPTION = new AuditBundle.Description("0.1.0", "report",
            List.of("meters.csv"), List.of("--period", "2024"), List.of(), List.of("report.json"));

    private static AuditBundle.Bundle bundle(String reading) {
        return new AuditBundle.Bundle(DESCRIPTION, List.of(
                new AuditBundle.Blob("outputs/report.json", "{}\n".getBytes(StandardCharsets.UTF_8)),
                new AuditBundle.Blob("inputs/meters.csv", reading.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void writesSortedEntriesWithOneTimestampAndAManifestSha256sumChecks() throws IOException {
        byte[] zip = AuditBundle.write(bundle("a,b\n1,2\n"));
        assertArrayEquals(zip, AuditBundle.write(bundle("a,b\n1,2\n")), "byte-identical for identical contents");
        List<String> names = new ArrayList<>();
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
                entries.put(e.getName(), in.readAllBytes());
                assertEquals(LocalDateTime.of(2000, 1, 1, 0, 0), e.getTimeLocal(), e.getName());
            }
        }
        assertEquals(List.of("SHA256SUMS", "bundle.json", "inputs/meters.csv", "outputs/report.json"), names);
        // sha256sum of "a,b\n1,2\n" (printf 'a,b\n1,2\n' | sha256sum), and of "{}\n"
        String sums = new String(entries.get("SHA256SUMS"), StandardCharsets.UTF_8);
        assertEquals(AuditBundle.sha256(entries.get("bundle.json")) + "  bundle.json\n"
                + "492d5ea496056f1a6a6592241032fab764c321596317930b4fa0e1e8bc3b7470  inputs/meters.csv\n"
                + "ca3d163bab055381827226140568f3bef7eaac187cebd76878e0b63e9e442356  outputs/report.json\n", sums);
        AuditBundle.Bundle back = AuditBundle.read(zip);
        assertEquals(DESCRIPTION, back.description());
        assertEquals("a,b\n1,2\n", new String(back.under("inputs/").get("meters.csv"), StandardCharsets.UTF_8));
    }

    @Test
    void refusesAnEntryThatNoLongerMatchesTheManifest() throws IOException {
        Map<String, byte[]> entries = unzip(AuditBundle.write(bundle("a,b\n1,2\n")));
        entries.put("inputs/meters.csv", "a,b\n1,3\n".getBytes(StandardCharsets.UTF_8));
        AuditBundle.Refused e = assertThrows(AuditBundle.Refused.class, () -> AuditBundle.read(zip(entries)));
        assertEquals("it was altered: inputs/meters.csv has SHA-256 "
                + AuditBundle.sha256("a,b\n1,3\n".getBytes(StandardCharsets.UTF_8)) + ", but SHA256SUMS says "
                + AuditBundle.sha256("a,b\n1,2\n".getBytes(StandardCharsets.UTF_8)), e.getMessage());

        Map<String, byte[]> extra = unzip(AuditBundle.write(bundle("a,b\n1,2\n")));
        extra.put("inputs/more.csv", new byte[] {1});
        assertEquals("it was altered: inputs/more.csv is not listed in SHA256SUMS",
                assertThrows(AuditBundle.Refused.class, () -> AuditBundle.read(zip(extra))).getMessage());

        Map<String, byte[]> fewer = unzip(AuditBundle.write(bundle("a,b\n1,2\n")));
        fewer.remove("outputs/report.json");
        assertEquals("it was altered: outputs/report.json is listed in SHA256SUMS but missing",
                assertThrows(AuditBundle.Refused.class, () -> AuditBundle.read(zip(fewer))).getMessage());
    }

    @Test
    void refusesAZipBombWhileInflatingNotAfter() throws IOException {
        // 2 MiB of zeros deflate to about 2 KiB; with a 1 MiB bound the entry is refused part-way.
        Map<String, byte[]> entries = unzip(AuditBundle.write(bundle("a,b\n1,2\n")));
        entries.put("inputs/zeros.csv", new byte[2 << 20]);
        byte[] zip = zip(entries);
        AuditBundle.Refused e = assertThrows(AuditBundle.Refused.class, () -> AuditBundle.read(zip, 1 << 20));
        assertEquals("it inflates to more than 1048576 bytes (at entry 'inputs/zeros.csv'); refused as a possible zip bomb",
                e.getMessage());
    }

    @Test
    void refusesNamesThatLeaveTheBundle() {
        for (String name : List.of("../x", "inputs/../../x", "/etc/passwd", "C:/x", "inputs\\..\\x", "a//b", "./a",
                "a/\u0000b")) {
            AuditBundle.Refused e = assertThrows(AuditBundle.Refused.class, () -> AuditBundle.checkName(name), name);
            assertEquals(true, e.getMessage().endsWith("which is not a plain relative path; refused (a bundle never"
                    + " names a place outside itself)"), e.getMessage());
        }
        AuditBundle.checkName("inputs/demo/readings.csv");
        AuditBundle.checkName("inputs/数据/读数.csv");
    }

    @Test
    void refusesTwoEntriesOfOneName() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // java.util.zip refuses to write a duplicate name, so the second entry differs by case only in writing,
        // then the bytes are patched: both local headers then say inputs/a.csv
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("inputs/a.csv"));
            z.write(1);
            z.closeEntry();
            z.putNextEntry(new ZipEntry("inputs/A.csv"));
            z.write(2);
            z.closeEntry();
        }
        byte[] zip = out.toByteArray();
        String latin = new String(zip, StandardCharsets.ISO_8859_1).replace("inputs/A.csv", "inputs/a.csv");
        byte[] patched = latin.getBytes(StandardCharsets.ISO_8859_1);
        assertEquals("it has two entries named 'inputs/a.csv'",
                assertThrows(AuditBundle.Refused.class, () -> AuditBundle.read(patched)).getMessage());
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                out.put(e.getName(), in.readAllBytes());
            }
        }
        return out;
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
