package org.wattledger.importers;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The SHA-256 of the bytes a reader takes from a file, taken as they pass. For a small file on the
 * reading thread; for a large one ({@value #BACKGROUND_FROM} bytes and up) on a thread of its own,
 * to which the bytes read are handed as copies in blocks: the hash is always of exactly the bytes
 * that were read, and hashing runs beside the reading (docs/benchmarks.md, "Issue 10: the heap, the
 * hash, the engine's seconds and the command line"), by NSS where the system has it ({@link Sha256}).
 */
final class StreamDigest implements AutoCloseable {
    static final long BACKGROUND_FROM = 4L << 20;
    private static final int BLOCK = 1 << 16;
    private static final int BLOCKS = 8;

    private static final class Block {
        final byte[] bytes;
        int length;

        Block(int size) {
            bytes = new byte[size];
        }
    }

    /** Handed over last: no more bytes. */
    private static final Block END = new Block(0);

    /** The digest of a small file, taken on the reading thread; null for a large one. */
    private final MessageDigest md;
    private final long size;
    private final Thread thread;
    private final BlockingQueue<Block> full;
    private final BlockingQueue<Block> free;
    private Block current;
    private boolean ended;
    private volatile String hex;
    private volatile Throwable failure;

    private StreamDigest(long size) {
        this.size = size;
        if (size < BACKGROUND_FROM) {
            md = Sha256.forSize(size);
            thread = null;
            full = null;
            free = null;
            return;
        }
        md = null; // made on the hashing thread, which may take a moment to load NSS
        full = new ArrayBlockingQueue<>(BLOCKS + 1);
        free = new ArrayBlockingQueue<>(BLOCKS);
        for (int i = 0; i < BLOCKS; i++) {
            free.add(new Block(BLOCK));
        }
        thread = new Thread(this::hashBlocks, "wattledger-file-hash");
        thread.setDaemon(true);
        thread.start();
    }

    /** A digest for a file of {@code size} bytes: on a thread of its own from {@link #BACKGROUND_FROM} bytes. */
    static StreamDigest forSize(long size) {
        return new StreamDigest(size);
    }

    void update(byte b) {
        if (thread == null) {
            md.update(b);
            return;
        }
        update(new byte[] {b}, 0, 1);
    }

    void update(byte[] b, int off, int len) {
        if (thread == null) {
            md.update(b, off, len);
            return;
        }
        while (len > 0) {
            if (current == null) {
                current = take(free);
                current.length = 0;
            }
            int n = Math.min(len, BLOCK - current.length);
            System.arraycopy(b, off, current.bytes, current.length, n);
            current.length += n;
            off += n;
            len -= n;
            if (current.length == BLOCK) {
                put(current);
                current = null;
            }
        }
    }

    /**
     * The hash of every byte given, lower-case hex. No byte may be given after this; called, like
     * {@link #close}, once the reading thread is done (a reader's {@link Pipeline} joins it).
     */
    String hex() {
        if (thread == null) {
            return HexFormat.of().formatHex(md.digest());
        }
        end();
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true; // the hash is still needed: wait on, and pass the interrupt on after
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure != null) {
            throw new IllegalStateException("hashing the file failed", failure);
        }
        return hex;
    }

    /** Lets the hashing thread end (a file whose reading failed); its hash is not asked for. */
    @Override
    public void close() {
        if (thread != null) {
            end();
        }
    }

    private void end() {
        if (ended) {
            return;
        }
        ended = true;
        if (current != null && current.length > 0) {
            put(current);
        }
        current = null;
        put(END);
    }

    private void hashBlocks() {
        MessageDigest md = null;
        Throwable failed = null;
        try {
            md = Sha256.forSize(size);
        } catch (RuntimeException | Error e) {
            failed = e;
        }
        while (true) {
            Block b = take(full);
            if (b == END) {
                break;
            }
            if (failed == null) {
                try {
                    md.update(b.bytes, 0, b.length);
                } catch (RuntimeException | Error e) {
                    failed = e; // blocks are still taken back, so the reader never waits for one that will not come
                }
            }
            free.add(b); // never full: it holds at most the blocks made
        }
        failure = failed;
        if (failed == null) {
            hex = HexFormat.of().formatHex(md.digest());
        }
    }

    private void put(Block b) {
        boolean interrupted = false;
        while (true) {
            try {
                full.put(b);
                break;
            } catch (InterruptedException e) {
                interrupted = true; // the block must reach the hash, or it is not of the bytes read
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static Block take(BlockingQueue<Block> queue) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return queue.take();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
