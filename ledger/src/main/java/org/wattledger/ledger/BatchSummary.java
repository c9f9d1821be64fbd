package org.wattledger.ledger;

import java.time.Instant;
import java.util.List;

/**
 * One batch as {@code history} lists it.
 *
 * @param supersedes the batch this one replaced, or null
 * @param supersededBy the batch that replaced this one, or null
 */
public record BatchSummary(long batch, Instant at, String user, List<FileDigest> files, long read, long accepted,
        long rejected, String note, Long supersedes, Long supersededBy, String factorRelease) {
    public BatchSummary {
        files = List.copyOf(files);
    }

    /** A stored file: its name, size and SHA-256. */
    public record FileDigest(String name, long size, String sha256) {
    }
}
