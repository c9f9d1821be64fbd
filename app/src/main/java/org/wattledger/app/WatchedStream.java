package org.wattledger.app;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** An output stream that remembers its first write failure, which a PrintWriter over it would hide. */
final class WatchedStream extends FilterOutputStream {
    private IOException failure;

    WatchedStream(OutputStream out) {
        super(out);
    }

    @Override
    public void write(int b) throws IOException {
        watch(() -> out.write(b));
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        watch(() -> out.write(b, off, len));
    }

    @Override
    public void flush() throws IOException {
        watch(out::flush);
    }

    /** The first write or flush that failed, or null. */
    IOException failure() {
        return failure;
    }

    private interface Io {
        void run() throws IOException;
    }

    private void watch(Io io) throws IOException {
        try {
            io.run();
        } catch (IOException e) {
            if (failure == null) {
                failure = e;
            }
            throw e;
        }
    }
}
