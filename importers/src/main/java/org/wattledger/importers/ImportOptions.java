package org.wattledger.importers;

import java.util.Objects;
import java.util.function.LongConsumer;

/**
 * How to import: whom to tell about progress, and the limits that make
 * a hostile file end in a clear error instead of exhausting memory or time. Built like Tablesaw's
 * {@code CsvReadOptions}:
 *
 * <pre>{@code
 * ImportOptions options = ImportOptions.builder().progress(bar::update).build();
 * Inventory inventory = WorkbookImporter.read(List.of(Path.of("meters.xlsx")), options);
 * }</pre>
 *
 * <p>Every limit has a default that accepts any workbook Excel itself can write; see
 * docs/formats/workbook.md, "Hostile files".
 */
public final class ImportOptions {
    /** Excel's largest sheet: 1,048,576 rows. */
    public static final int EXCEL_MAX_ROWS = 1_048_576;
    /** Excel's widest sheet: 16,384 columns (A to XFD). */
    public static final int EXCEL_MAX_COLUMNS = 16_384;
    /** Excel's longest cell text: 32,767 characters. */
    public static final int EXCEL_MAX_CELL_CHARS = 32_767;

    private final ImportProgress progress;
    private final int maxSheetRows;
    private final long maxCsvRows;
    private final long maxEntryBytes;
    private final long maxTotalInflatedBytes;
    private final int maxInflationRatio;
    private final int maxZipEntries;
    private final int maxSharedStrings;
    private final long maxSharedStringChars;
    private final int maxTokenBytes;
    private final int maxCellChars;
    private final long maxXlsBytes;
    private final int maxPendingMergedRows;

    private ImportOptions(Builder b) {
        this.progress = b.progress;
        this.maxSheetRows = b.maxSheetRows;
        this.maxCsvRows = b.maxCsvRows;
        this.maxEntryBytes = b.maxEntryBytes;
        this.maxTotalInflatedBytes = b.maxTotalInflatedBytes;
        this.maxInflationRatio = b.maxInflationRatio;
        this.maxZipEntries = b.maxZipEntries;
        this.maxSharedStrings = b.maxSharedStrings;
        this.maxSharedStringChars = b.maxSharedStringChars;
        this.maxTokenBytes = b.maxTokenBytes;
        this.maxCellChars = b.maxCellChars;
        this.maxXlsBytes = b.maxXlsBytes;
        this.maxPendingMergedRows = b.maxPendingMergedRows;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The defaults: no progress, Excel's own limits. */
    public static ImportOptions defaults() {
        return builder().build();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.progress = progress;
        b.maxSheetRows = maxSheetRows;
        b.maxCsvRows = maxCsvRows;
        b.maxEntryBytes = maxEntryBytes;
        b.maxTotalInflatedBytes = maxTotalInflatedBytes;
        b.maxInflationRatio = maxInflationRatio;
        b.maxZipEntries = maxZipEntries;
        b.maxSharedStrings = maxSharedStrings;
        b.maxSharedStringChars = maxSharedStringChars;
        b.maxTokenBytes = maxTokenBytes;
        b.maxCellChars = maxCellChars;
        b.maxXlsBytes = maxXlsBytes;
        b.maxPendingMergedRows = maxPendingMergedRows;
        return b;
    }

    public ImportProgress progress() {
        return progress;
    }

    /** Rows a sheet may have (default 1,048,576, Excel's limit); more is a hostile or broken file. */
    public int maxSheetRows() {
        return maxSheetRows;
    }

    /** Lines a CSV file may have (default 50,000,000). */
    public long maxCsvRows() {
        return maxCsvRows;
    }

    /** Bytes one zip entry of an .xlsx may inflate to (default 4 GiB). */
    public long maxEntryBytes() {
        return maxEntryBytes;
    }

    /** Bytes all entries of an .xlsx read together may inflate to (default 8 GiB). */
    public long maxTotalInflatedBytes() {
        return maxTotalInflatedBytes;
    }

    /** Largest inflated/compressed ratio of a zip entry beyond its first MiB (default 100, as Apache POI). */
    public int maxInflationRatio() {
        return maxInflationRatio;
    }

    public int maxZipEntries() {
        return maxZipEntries;
    }

    /** Strings the shared-strings table may hold (default 5,000,000). */
    public int maxSharedStrings() {
        return maxSharedStrings;
    }

    /** Characters the shared-strings table may hold in all (default 50,000,000: about 100 MB of heap). */
    public long maxSharedStringChars() {
        return maxSharedStringChars;
    }

    /** Bytes of XML between two '&lt;' (one text or tag): default 1 MiB, far above Excel's 32,767-character cells. */
    public int maxTokenBytes() {
        return maxTokenBytes;
    }

    /** Characters a CSV field may have (default 32,767 × 4). */
    public int maxCellChars() {
        return maxCellChars;
    }

    /** Size of an .xls file, which is read whole (default 256 MiB). */
    public long maxXlsBytes() {
        return maxXlsBytes;
    }

    /** Rows with an empty id cell kept aside per sheet until merged cells are known (default 100,000). */
    public int maxPendingMergedRows() {
        return maxPendingMergedRows;
    }

    /** Builds {@link ImportOptions}. */
    public static final class Builder {
        private ImportProgress progress = ImportProgress.NONE;
        private int maxSheetRows = EXCEL_MAX_ROWS;
        private long maxCsvRows = 50_000_000L;
        private long maxEntryBytes = 4L << 30;
        private long maxTotalInflatedBytes = 8L << 30;
        private int maxInflationRatio = 100;
        private int maxZipEntries = 10_000;
        private int maxSharedStrings = 5_000_000;
        private long maxSharedStringChars = 50_000_000L;
        private int maxTokenBytes = 1 << 20;
        private int maxCellChars = EXCEL_MAX_CELL_CHARS * 4;
        private long maxXlsBytes = 256L << 20;
        private int maxPendingMergedRows = 100_000;

        private Builder() {
        }

        public Builder progress(ImportProgress listener) {
            this.progress = Objects.requireNonNull(listener);
            return this;
        }

        /** Progress as bytes done only, for a listener that knows the total itself. */
        public Builder progress(LongConsumer bytesDone) {
            Objects.requireNonNull(bytesDone);
            this.progress = (done, total, rows) -> bytesDone.accept(done);
            return this;
        }

        public Builder maxSheetRows(int rows) {
            this.maxSheetRows = positive(rows);
            return this;
        }

        public Builder maxCsvRows(long rows) {
            this.maxCsvRows = positive(rows);
            return this;
        }

        public Builder maxEntryBytes(long bytes) {
            this.maxEntryBytes = positive(bytes);
            return this;
        }

        public Builder maxTotalInflatedBytes(long bytes) {
            this.maxTotalInflatedBytes = positive(bytes);
            return this;
        }

        public Builder maxInflationRatio(int ratio) {
            this.maxInflationRatio = (int) positive(ratio);
            return this;
        }

        public Builder maxZipEntries(int entries) {
            this.maxZipEntries = (int) positive(entries);
            return this;
        }

        public Builder maxSharedStrings(int strings) {
            this.maxSharedStrings = (int) positive(strings);
            return this;
        }

        public Builder maxSharedStringChars(long chars) {
            this.maxSharedStringChars = positive(chars);
            return this;
        }

        public Builder maxTokenBytes(int bytes) {
            this.maxTokenBytes = (int) positive(bytes);
            return this;
        }

        public Builder maxCellChars(int chars) {
            this.maxCellChars = (int) positive(chars);
            return this;
        }

        public Builder maxXlsBytes(long bytes) {
            this.maxXlsBytes = positive(bytes);
            return this;
        }

        public Builder maxPendingMergedRows(int rows) {
            this.maxPendingMergedRows = (int) positive(rows);
            return this;
        }

        public ImportOptions build() {
            return new ImportOptions(this);
        }

        private static long positive(long v) {
            if (v <= 0) {
                throw new IllegalArgumentException("a limit must be positive: " + v);
            }
            return v;
        }

        private static int positive(int v) {
            if (v <= 0) {
                throw new IllegalArgumentException("a limit must be positive: " + v);
            }
            return v;
        }
    }
}
