package org.wattledger.importers;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.function.LongConsumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * The zip archive of an .xlsx. Its directory is checked before anything is inflated (entry count,
 * declared sizes and ratios), and every entry is read through a {@link GuardedInputStream} that
 * counts what it inflates against the limits and the declared size and verifies the CRC-32 at the
 * end of the entry.
 */
final class ZipContainer implements Closeable {
    private final ZipFile zip;
    private final ImportOptions options;
    private final long[] inflatedTotal = {0};
    private final long fileSize;

    private ZipContainer(ZipFile zip, ImportOptions options, long fileSize) {
        this.zip = zip;
        this.options = options;
        this.fileSize = fileSize;
    }

    /** Opens the archive and checks its directory; a refused file is closed again. */
    static ZipContainer open(Path file, ImportOptions options) {
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile());
        } catch (ZipException e) {
            throw new InputRejected("is a damaged zip archive (" + e.getMessage()
                    + "); an .xlsx workbook is a zip archive, so the file was not read");
        } catch (IOException e) {
            throw new InputRejected("cannot be read: " + e.getMessage());
        }
        ZipContainer c = new ZipContainer(zip, options, file.toFile().length());
        try {
            c.checkDirectory();
            return c;
        } catch (RuntimeException e) {
            c.close();
            throw e;
        }
    }

    long fileSize() {
        return fileSize;
    }

    /** The entry, or null when the archive has none of that name. */
    ZipEntry entry(String name) {
        return zip.getEntry(name);
    }

    boolean has(String name) {
        return zip.getEntry(name) != null;
    }

    /** Declared sizes first: a zip directory that admits to a bomb is refused before anything is inflated. */
    private void checkDirectory() {
        int n = 0;
        long declared = 0;
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
            ZipEntry e = entries.nextElement();
            if (++n > options.maxZipEntries()) {
                throw new InputRejected("has more than " + options.maxZipEntries()
                        + " zip entries; the file was not read");
            }
            long size = e.getSize();
            long compressed = e.getCompressedSize();
            if (size > options.maxEntryBytes()) {
                throw new InputRejected("zip entry " + e.getName() + " declares " + size + " bytes, more than "
                        + options.maxEntryBytes() + "; the file was not read (a zip bomb?)");
            }
            if (size > (1L << 20) && compressed > 0 && size > compressed * options.maxInflationRatio()) {
                throw new InputRejected("zip entry " + e.getName() + " inflates to more than "
                        + options.maxInflationRatio() + " times its compressed size; the file was not read (a zip bomb?)");
            }
            declared += Math.max(size, 0);
        }
        if (declared > options.maxTotalInflatedBytes()) {
            throw new InputRejected("the workbook declares " + declared + " bytes inflated, more than "
                    + options.maxTotalInflatedBytes() + "; the file was not read (a zip bomb?)");
        }
    }

    /**
     * The inflated bytes of an entry, guarded and checked. Large entries are inflated on their own
     * thread, ahead of the parser ({@link PrefetchInputStream}).
     */
    InputStream open(ZipEntry e, LongConsumer progress) {
        try {
            InputStream guarded = new GuardedInputStream(zip.getInputStream(e), e.getName(), e.getCompressedSize(),
                    e.getSize(), e.getCrc(), options, inflatedTotal, progress);
            return e.getSize() > (4L << 20) || e.getSize() < 0 ? new PrefetchInputStream(guarded)
                    : new BufferedInputStream(guarded, 1 << 16);
        } catch (ZipException ex) {
            throw new InputRejected("has a damaged zip entry " + e.getName() + " (" + ex.getMessage() + ")");
        } catch (IOException ex) {
            throw new InputRejected("cannot be read: " + ex.getMessage());
        }
    }

    @Override
    public void close() {
        try {
            zip.close();
        } catch (IOException ignored) {
            // read-only
        }
    }
}
