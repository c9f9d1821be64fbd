package org.wattledger.importers;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Inflates a zip entry on its own thread, ahead of the XML parser: chunks of {@value #CHUNK} bytes
 * through a queue of at most {@value #CHUNKS}, so at most about a MiB is held. Inflating is about
 * half the work of reading an .xlsx sheet; overlapping it with parsing is the only way to make
 * one sheet faster on more than one core. Failures of the source (a zip bomb detected by the
 * {@link GuardedInputStream} beneath, or any Error) are rethrown to the reader, which never waits
 * on a thread that has died.
 */
final class PrefetchInputStream extends InputStream {
    static final int CHUNK = 256 * 1024;
    static final int CHUNKS = 4;
    private static final Object END = new Object();

    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(CHUNKS);
    /**
     * Chunks the reader is done with, for the worker to fill again: a sheet's hundreds of MB pass
     * through a few buffers rather than a new 256 KiB array per chunk for the collector to clear.
     */
    private final BlockingQueue<byte[]> spare = new ArrayBlockingQueue<>(CHUNKS + 2);
    private final Thread worker;
    private volatile boolean closed;
    private volatile Throwable failure;
    private byte[] current;
    private int length;
    private int pos;
    private boolean finished;

    /** A filled chunk. */
    private record Chunk(byte[] bytes, int length) {
    }

    PrefetchInputStream(InputStream source) {
        worker = new Thread(() -> {
            try (InputStream in = source) {
                while (!closed) {
                    byte[] buf = spare.poll();
                    if (buf == null) {
                        buf = new byte[CHUNK];
                    }
                    int n = in.readNBytes(buf, 0, CHUNK);
                    if (n > 0 && !offer(new Chunk(buf, n))) {
                        return;
                    }
                    if (n < CHUNK) {
                        break;
                    }
                }
                offer(END);
            } catch (Throwable t) {
                failure = t; // recorded first: offering may fail (closed, or out of memory again)
                offer(t);
            }
        }, "wattledger-inflater");
        worker.setDaemon(true);
        worker.start();
    }

    private boolean offer(Object o) {
        try {
            while (!closed) {
                if (queue.offer(o, 100, TimeUnit.MILLISECONDS)) {
                    return true;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    private boolean fill() throws IOException {
        if (finished) {
            return false;
        }
        if (current != null) {
            spare.offer(current); // read to its end: not touched again here
            current = null;
            length = 0;
            pos = 0;
        }
        Object o;
        try {
            // polled, not taken: a worker that died without a word must not leave the reader waiting forever
            while ((o = queue.poll(50, TimeUnit.MILLISECONDS)) == null) {
                if (!worker.isAlive() && queue.isEmpty()) {
                    o = failure != null ? failure : new IOException("the inflating thread ended without a result");
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
        if (o == END) {
            finished = true;
            return false;
        }
        if (o instanceof Throwable t) {
            finished = true;
            if (t instanceof RuntimeException r) {
                throw r;
            }
            if (t instanceof Error e) {
                throw e;
            }
            if (t instanceof IOException io) {
                throw io;
            }
            throw new IOException(t);
        }
        Chunk c = (Chunk) o;
        current = c.bytes();
        length = c.length();
        pos = 0;
        return true;
    }

    @Override
    public int read() throws IOException {
        if (pos >= length && !fill()) {
            return -1;
        }
        return current[pos++] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (pos >= length && !fill()) {
            return -1;
        }
        int n = Math.min(len, length - pos);
        System.arraycopy(current, pos, b, off, n);
        pos += n;
        return n;
    }

    @Override
    public void close() {
        closed = true;
        queue.clear();
        try {
            worker.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
