package org.wattledger.importers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A large file's digest (NSS where the system has it) is the same SHA-256 as the JDK's. */
final class Sha256Test {
    private static String hex(MessageDigest md, byte[] data) {
        md.update(data);
        return HexFormat.of().formatHex(md.digest());
    }

    @Test
    void givesTheStandardsExamplesOnEitherPath() {
        // FIPS 180-2, appendix B.1 and B.2: one block and two blocks
        for (long size : new long[] {1, Sha256.NATIVE_FROM}) {
            assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                    hex(Sha256.forSize(size), "abc".getBytes(StandardCharsets.US_ASCII)), "size " + size);
            assertEquals("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
                    hex(Sha256.forSize(size), "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"
                            .getBytes(StandardCharsets.US_ASCII)), "size " + size);
        }
    }

    @Test
    void givesTheJdksHashOfAnyBytesInPiecesOfAnySize() throws Exception {
        Random random = new Random(180_4);
        for (int length : new int[] {0, 1, 55, 56, 63, 64, 65, 1000, 300_001}) {
            byte[] data = new byte[length];
            random.nextBytes(data);
            MessageDigest large = Sha256.forSize(Sha256.NATIVE_FROM);
            int off = 0;
            while (off < length) {
                int n = Math.min(length - off, random.nextInt(70_000));
                large.update(data, off, n);
                off += n;
            }
            assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data)),
                    HexFormat.of().formatHex(large.digest()), length + " bytes");
        }
    }

    @Test
    void usesNssWhereTheSystemHasIt() {
        boolean nssInstalled = List.of("/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib64", "/usr/lib")
                .stream().anyMatch(dir -> Files.isRegularFile(Path.of(dir, "libsoftokn3.so")));
        // small files never load it; large ones use it when it is there (the build machine has it: .ci/run)
        assertEquals("SUN", Sha256.forSize(Sha256.NATIVE_FROM - 1).getProvider().getName());
        assertEquals(nssInstalled, Sha256.loadNative(), "NSS installed: " + nssInstalled);
        if (nssInstalled) {
            assertTrue(Sha256.forSize(Sha256.NATIVE_FROM).getProvider().getName().startsWith("SunPKCS11"));
        }
    }
}
