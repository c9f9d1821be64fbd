package org.wattledger.importers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A reader thread's death always reaches the thread waiting for it. Before, a reader that died
 * without handing over its failure (out of memory again while reporting it, or interrupted while
 * queueing it) left the main thread waiting forever on its queue; these reproduce that with an
 * interrupt, deterministically, and fail by timeout if it comes back.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
final class ReaderThreadTest {
    private static final RowSink NOTHING = new RowSink() {
        @Override
        public boolean row(CellRow row) {
            return true;
        }

        @Override
        public void end(List<Merge> merges) {
            // nothing
        }
    };

    @Test
    void aSheetReaderThatDiesWithoutReportingIsStillAFailureHere() {
        OutOfMemoryError thrown = assertThrows(OutOfMemoryError.class, () -> Pipeline.run(sink -> {
            Thread.currentThread().interrupt(); // queueing the failure will now fail
            throw new OutOfMemoryError("Java heap space (in a test)");
        }, NOTHING));
        assertEquals("Java heap space (in a test)", thrown.getMessage());
    }

    @Test
    void anInflaterThatDiesWithoutReportingIsStillAFailureHere() {
        InputStream dying = new InputStream() {
            @Override
            public int read() throws IOException {
                Thread.currentThread().interrupt(); // offering the failure to the queue will now fail
                throw new IOException("zip entry vanished (in a test)");
            }
        };
        try (PrefetchInputStream in = new PrefetchInputStream(dying)) {
            IOException thrown = assertThrows(IOException.class, () -> in.read());
            assertEquals("zip entry vanished (in a test)", thrown.getMessage());
        }
    }

    @Test
    void chunksFilledAgainAfterTheReaderIsDoneWithThemKeepEveryByte() throws IOException {
        // 12 chunks and 7 bytes: the 4-chunk queue is refilled from spare buffers three times over. Byte i is
        // (i + i / CHUNK) mod 256, so a chunk overwritten while still being read, or handed out twice, would
        // show as a byte from another chunk (chunk k shifts its bytes by k).
        int size = 12 * PrefetchInputStream.CHUNK + 7;
        InputStream source = new InputStream() {
            int next;

            @Override
            public int read() {
                return next < size ? expected(next++) : -1;
            }
        };
        byte[] piece = new byte[1000]; // not a divisor of the chunk size: reads straddle chunks
        int at = 0;
        try (PrefetchInputStream in = new PrefetchInputStream(source)) {
            for (int n; (n = in.read(piece, 0, piece.length)) > 0; ) {
                for (int k = 0; k < n; k++, at++) {
                    assertEquals(expected(at), piece[k] & 0xFF, "byte " + at);
                }
            }
        }
        assertEquals(size, at);
    }

    private static int expected(int i) {
        return (i + i / PrefetchInputStream.CHUNK) & 0xFF;
    }
}
