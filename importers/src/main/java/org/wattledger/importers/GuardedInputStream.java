package org.wattledger.importers;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongConsumer;
import java.util.zip.CRC32;

/**
 * The stream of one inflated zip entry, counted as it is read: it ends the read with a clear
 * error when the entry inflates beyond its size limit, beyond {@code maxInflationRatio} times its
 * compressed size (after a first MiB of grace, as Apache POI's ZipSecureFile does), or beyond the
 * workbook's total limit, or when one XML token (the bytes between two '&lt;') grows beyond
 * {@code maxTokenBytes}. Declared sizes in a zip directory can lie; counted bytes cannot: an entry
 * that inflates past its declared size is refused at once, and at its end the count must equal
 * the declared size and the CRC-32 of the bytes the checksum in the directory (java.util.zip
 * checks neither for entries read through {@code ZipFile}).
 */
final class GuardedInputStream extends FilterInputStream {
    private static final long GRACE = 1L << 20;
    private static final long PROGRESS_STEP = 256L << 10;

    private final String entry;
    private final long compressedSize;
    private final long declaredSize;
    private final long expectedCrc;
    private final CRC32 crc = new CRC32();
    private final ImportOptions limits;
    private final long[] workbookTotal;
    private final LongConsumer progress;
    private long count;
    private long nextProgress = PROGRESS_STEP;
    private int run;

    /** {@code declaredSize} and {@code expectedCrc} as the zip directory gives them, -1 when unknown. */
    GuardedInputStream(InputStream in, String entry, long compressedSize, long declaredSize, long expectedCrc,
            ImportOptions limits, long[] workbookTotal, LongConsumer progress) {
        super(in);
        this.entry = entry;
        this.compressedSize = Math.max(compressedSize, 1);
        this.declaredSize = declaredSize;
        this.expectedCrc = expectedCrc;
        this.limits = limits;
        this.workbookTotal = workbookTotal;
        this.progress = progress;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n < 0) {
            checkEnd();
        }
        if (n <= 0) {
            return n;
        }
        count += n;
        workbookTotal[0] += n;
        crc.update(b, off, n);
        if (declaredSize >= 0 && count > declaredSize) {
            throw new InputRejected("zip entry " + entry + " inflates to more than the " + declaredSize
                    + " bytes its zip directory declares; the file was not read (a zip bomb?)");
        }
        if (count > limits.maxEntryBytes()) {
            throw new InputRejected("zip entry " + entry + " inflates to more than " + limits.maxEntryBytes()
                    + " bytes; the file was not read (a zip bomb?)");
        }
        if (count > GRACE && count > compressedSize * limits.maxInflationRatio()) {
            throw new InputRejected("zip entry " + entry + " inflates to more than " + limits.maxInflationRatio()
                    + " times its compressed size; the file was not read (a zip bomb?)");
        }
        if (workbookTotal[0] > limits.maxTotalInflatedBytes()) {
            throw new InputRejected("the workbook inflates to more than " + limits.maxTotalInflatedBytes()
                    + " bytes; the file was not read (a zip bomb?)");
        }
        // Bytes since the last '<': the run carried into this chunk ends at its first '<'; the run
        // carried out starts after its last '<'. A stretch between two '<' inside one chunk is
        // shorter than the chunk, which is far below the limit, so only the ends need scanning.
        int max = limits.maxTokenBytes();
        int end = off + n;
        if (n > max) {
            int r = run;
            for (int i = off; i < end; i++) {
                if (b[i] == '<') {
                    r = 0;
                } else if (++r > max) {
                    throw tokenTooLong(max);
                }
            }
            run = r;
            return progress(n);
        }
        int first = off;
        while (first < end && b[first] != '<') {
            first++;
        }
        if (first == end) {
            run += n;
        } else {
            if (run + (first - off) > max) {
                throw tokenTooLong(max);
            }
            int last = end - 1;
            while (b[last] != '<') {
                last--;
            }
            run = end - 1 - last;
        }
        if (run > max) {
            throw tokenTooLong(max);
        }
        return progress(n);
    }

    /** The whole entry was read: its size and checksum must be the ones declared. */
    private void checkEnd() {
        if (declaredSize >= 0 && count != declaredSize) {
            throw new InputRejected("zip entry " + entry + " holds " + count + " bytes but its zip directory declares "
                    + declaredSize + "; the workbook is damaged and was not read");
        }
        if (expectedCrc >= 0 && crc.getValue() != expectedCrc) {
            throw new InputRejected("zip entry " + entry + " fails its CRC-32 check (its content is not what was"
                    + " stored); the workbook is damaged and was not read");
        }
    }

    private int progress(int n) {
        if (progress != null && count >= nextProgress) {
            nextProgress = count + PROGRESS_STEP;
            progress.accept(count);
        }
        return n;
    }

    private InputRejected tokenTooLong(int max) {
        return new InputRejected("zip entry " + entry + " holds a piece of XML text longer than " + max
                + " bytes; the file was not read");
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] buf = new byte[8192];
        long left = n;
        while (left > 0) {
            int r = read(buf, 0, (int) Math.min(buf.length, left));
            if (r < 0) {
                break;
            }
            left -= r;
        }
        return n - left;
    }

    long count() {
        return count;
    }
}
