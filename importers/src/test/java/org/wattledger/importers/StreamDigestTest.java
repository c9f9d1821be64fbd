package org.wattledger.importers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The hash of the bytes given, whether taken on the reading thread or on a thread of its own. */
final class StreamDigestTest {
    @Test
    void givesTheSha256OfExactlyTheBytesGivenInPiecesOfAnySize() throws Exception {
        byte[] data = new byte[3 * (1 << 16) + 12_345]; // blocks are 64 KiB: three full, one partial
        new Random(42).nextBytes(data);
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        for (long size : new long[] {data.length, StreamDigest.BACKGROUND_FROM}) {
            try (StreamDigest d = StreamDigest.forSize(size)) {
                Random pieces = new Random(7);
                int off = 0;
                while (off < data.length) {
                    if (pieces.nextInt(10) == 0) {
                        d.update(data[off++]); // a single byte, as InputStream.read() gives one
                        continue;
                    }
                    int n = Math.min(data.length - off, pieces.nextInt(200_000));
                    d.update(data, off, n);
                    off += n;
                }
                assertEquals(expected, d.hex(), "file size " + size);
            }
        }
        // The hash of nothing, on either path.
        for (long size : new long[] {0, StreamDigest.BACKGROUND_FROM}) {
            try (StreamDigest d = StreamDigest.forSize(size)) {
                assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", d.hex());
            }
        }
    }

    @Test
    void aFileWhoseReadingFailedLetsItsHashingThreadEnd() {
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            for (int i = 0; i < 20; i++) {
                try (StreamDigest d = StreamDigest.forSize(StreamDigest.BACKGROUND_FROM)) {
                    d.update(new byte[100_000], 0, 100_000); // then the reading fails: no hash is asked for
                }
            }
            // Every hashing thread ends (one left waiting for blocks would be a leak in a long-running server).
            while (Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("wattledger-file-hash"))) {
                Thread.sleep(10);
            }
        });
    }
}
