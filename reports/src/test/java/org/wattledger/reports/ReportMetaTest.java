package org.wattledger.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wattledger.engine.calc.Results;

final class ReportMetaTest {
    @Test
    void parsesASetWithAndWithoutItsVersion() {
        assertEquals(new ReportMeta.FactorSetRef("cn", "2026.1"), ReportMeta.FactorSetRef.parse("cn@2026.1"));
        assertEquals(new ReportMeta.FactorSetRef("cn", ""), ReportMeta.FactorSetRef.parse(" cn "));
        assertEquals("cn@2026.1", ReportMeta.FactorSetRef.parse("cn@2026.1").toString());
    }

    @Test
    void joinsSeveralSetsWithAPlusPositionByPosition() {
        ReportMeta meta = new ReportMeta("0.1.0", List.of(ReportMeta.FactorSetRef.parse("cn@2026.1"),
                ReportMeta.FactorSetRef.parse("ipcc2006@2019.1")), List.of(), null, null, List.of(), false);
        assertEquals("cn+ipcc2006", meta.factorSetId());
        assertEquals("2026.1+2019.1", meta.factorSetVersion());
        assertEquals("cn@2026.1, ipcc2006@2019.1", meta.factorSetLabel());
        assertEquals("calorific", meta.energyBasis(), "default");
        assertEquals("AR5", meta.gwpSet(), "default");
    }

    @Test
    void namesNoSetAsNone() {
        ReportMeta meta = new ReportMeta("0.1.0", List.of(), List.of(), "gbt2589", "AR6", List.of(), false);
        assertEquals("none", meta.factorSetId());
        assertEquals("", meta.factorSetVersion());
    }

    @Test
    void digestsAFileWithSha256(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("abc.txt");
        Files.writeString(file, "abc", StandardCharsets.US_ASCII);
        assertEquals(new ReportMeta.FileDigest("abc.txt",
                "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"), ReportMeta.FileDigest.of(file));
    }

    @Test
    void takesBasisGwpAndInputsFromTheResults() {
        Results r = Fixtures.small();
        ReportMeta meta = ReportMeta.of("0.1.0", List.of(), List.of(), r);
        assertEquals("calorific", meta.energyBasis());
        assertEquals("AR5", meta.gwpSet());
        assertEquals(List.of(new ReportMeta.FileDigest("meters.xlsx", "ab".repeat(32))), meta.inputs());
        assertFalse(meta.includeLineage());
        assertTrue(meta.withLineage(true).includeLineage());
    }
}
