package org.wattledger.importers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A workbook's hash started before the import is the import's only while the file is unchanged. */
final class FileHashTest {
    @TempDir
    Path dir;

    @Test
    void theImportTakesAHashStartedEarlyForTheSameUnchangedFile() throws Exception {
        Path file = Files.writeString(dir.resolve("a.xlsx"), "abc", StandardCharsets.US_ASCII);
        FileHash.startEarly(file);
        FileHash hash = FileHash.of(dir.resolve("./a.xlsx")); // the same file, named otherwise
        assertTrue(hash.started());
        // SHA-256("abc"), FIPS 180-2 appendix B.1
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", hash.get());
        assertFalse(FileHash.of(file).started(), "taken once: a second read of the file hashes it again");
    }

    @Test
    void aFileChangedSinceItsHashStartedIsHashedAgain() throws Exception {
        Path file = Files.writeString(dir.resolve("b.xlsx"), "abc", StandardCharsets.US_ASCII);
        FileHash.startEarly(file);
        Files.writeString(file, "abcd", StandardCharsets.US_ASCII);
        FileHash hash = FileHash.of(file);
        assertFalse(hash.started());
        assertEquals(WorkbookImporter.sha256(file), hash.get());
        assertEquals("88d4266fd4e6338d13b845fcf289579d209c897823b9217da3e161936f031589", hash.get()); // SHA-256("abcd")
    }
}
