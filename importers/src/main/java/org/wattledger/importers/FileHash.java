package org.wattledger.importers;

import java.nio.file.Path;
import org.wattledger.engine.Background;

/**
 * A file's SHA-256 ({@link WorkbookImporter#sha256(Path)}), either computed when asked or, after
 * {@link #startInBackground()}, on a thread of its own while the file is imported. A workbook's
 * zip entries are read by their offsets, so its hash cannot be taken from the bytes the import
 * reads; hashing it on the import's main thread cost that thread a whole pass over the file.
 */
final class FileHash {
    private final Path file;
    private Background<String> task;

    FileHash(Path file) {
        this.file = file;
    }

    /** Starts hashing the file now, on a daemon thread; {@link #get()} then waits for it. */
    void startInBackground() {
        task = Background.start("file-hash", () -> WorkbookImporter.sha256(file));
    }

    /** The hash, lower-case hex ("" when the file cannot be read), as {@link WorkbookImporter#sha256(Path)} gives it. */
    String get() {
        return task == null ? WorkbookImporter.sha256(file) : task.get();
    }
}
