package org.wattledger.importers;

/**
 * Told how far an import has come, for a progress bar. Work is measured in bytes of the input
 * files: {@code total} is the sum of their sizes (a folder counts the CSV files it holds),
 * {@code done} grows to {@code total} as they are read (for an .xlsx, in proportion to the sheet
 * XML inflated so far). Calls come from the importer's reading threads (not necessarily the
 * caller's), one at a time (they are serialised, so a listener need not be thread-safe), with
 * {@code done} never decreasing, at most every 256 KiB and once at the end of each file; keep it
 * cheap.
 */
@FunctionalInterface
public interface ImportProgress {
    void update(long done, long total, long rowsRead);

    /** Does nothing. */
    ImportProgress NONE = (done, total, rows) -> {
    };
}
