package org.wattledger.importers;

import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * A file's SHA-256 ({@link WorkbookImporter#sha256(Path)}), either computed when asked or, after
 * {@link #startInBackground()}, on a thread of its own while the file is imported. A workbook's
 * zip entries are read by their offsets, so its hash cannot be taken from the bytes the import
 * reads; hashing it on the import's main thread cost that thread a whole pass over the file.
 */
final class FileHash {
    private final Path file;
    private FutureTask<String> task;

    FileHash(Path file) {
        this.file = file;
    }

    /** Starts hashing the file now, on a daemon thread; {@link #get()} then waits for it. */
    void startInBackground() {
        task = new FutureTask<>(() -> WorkbookImporter.sha256(file));
        Thread thread = new Thread(task, "wattledger-file-hash");
        thread.setDaemon(true);
        thread.start();
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
