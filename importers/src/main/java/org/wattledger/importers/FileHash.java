package org.wattledger.importers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * A file's SHA-256 ({@link WorkbookImporter#sha256(Path)}), either computed when asked or, after
 * {@link #startInBackground()}, on a thread of its own while the file is imported. A workbook's
 * zip entries are read by their offsets, so its hash cannot be taken from the bytes the import
 * reads; hashing it on the import's main thread cost that thread a whole pass over the file.
 */
final class FileHash {
    /** Hashes started before the import asked for them ({@link #startEarly}), by absolute path. */
    private static final Map<Path, FileHash> EARLY = new ConcurrentHashMap<>();

    private final Path file;
    private FutureTask<String> task;
    /** The file's size and modification time when its hashing started. */
    private long size = -1;
    private long modified = -1;

    FileHash(Path file) {
        this.file = file;
    }

    /**
     * Starts hashing a workbook before it is read: called while the command line is parsed, when
     * one core is idle, rather than while the import needs both. {@link #of} hands the result to
     * the import of the same file, unchanged since.
     */
    static void startEarly(Path file) {
        FileHash hash = new FileHash(file);
        hash.startInBackground();
        EARLY.putIfAbsent(key(file), hash);
    }

    /** The hash of {@code file}: the one {@link #startEarly} started when the file has not changed since, else a new one. */
    static FileHash of(Path file) {
        FileHash early = EARLY.remove(key(file));
        return early != null && early.size == sizeOf(file) && early.modified == modifiedOf(file) ? early
                : new FileHash(file);
    }

    private static Path key(Path file) {
        return file.toAbsolutePath().normalize();
    }

    /** Whether hashing has started (on its own thread). */
    boolean started() {
        return task != null;
    }

    /** Starts hashing the file now, on a daemon thread; {@link #get()} then waits for it. */
    void startInBackground() {
        size = sizeOf(file);
        modified = modifiedOf(file);
        task = new FutureTask<>(() -> WorkbookImporter.sha256(file));
        Thread thread = new Thread(task, "wattledger-file-hash");
        thread.setDaemon(true);
        thread.start();
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException | SecurityException e) {
            return -2; // never equal to a size read before
        }
    }

    private static long modifiedOf(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException | SecurityException e) {
            return -2;
        }
    }

    /** The hash, lower-case hex ("" when the file cannot be read), as {@link WorkbookImporter#sha256(Path)} gives it. */
    String get() {
        if (task == null) {
            return WorkbookImporter.sha256(file);
        }
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return task.get();
                } catch (InterruptedException e) {
                    interrupted = true; // the hash is still needed: wait on, and pass the interrupt on after
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof RuntimeException r) {
                        throw r;
                    }
                    if (cause instanceof Error err) {
                        throw err;
                    }
                    throw new IllegalStateException(cause);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
