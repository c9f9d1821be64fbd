package org.wattledger.ledger;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Which state of the ledger a report reads: the latest, as it stood right after batch N, or as it
 * stood at an instant. {@link #parse} is the one place {@code --as-of} text is read.
 */
public sealed interface AsOf {
    /** Every batch stored so far. */
    record Latest() implements AsOf {
    }

    /** Batches 1..N (the ledger right after batch N was stored). */
    record Batch(long batch) implements AsOf {
    }

    /** The batches stored at or before this instant. */
    record At(Instant instant) implements AsOf {
    }

    AsOf LATEST = new Latest();

    /**
     * A batch number ({@code 3}) or an ISO-8601 timestamp: with an offset
     * ({@code 2026-01-31T17:00:00Z}, {@code 2026-02-01T01:00+08:00}) or without one, then in UTC.
     */
    static AsOf parse(String text) {
        String t = text.strip();
        if (t.matches("[0-9]{1,18}")) {
            long n = Long.parseLong(t);
            if (n < 1) {
                throw new LedgerException.Usage("--as-of " + t + ": batches are numbered from 1");
            }
            return new Batch(n);
        }
        try {
            return new At(OffsetDateTime.parse(t).toInstant());
        } catch (DateTimeParseException e) {
            try {
                return new At(LocalDateTime.parse(t).toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException e2) {
                throw new LedgerException.Usage("--as-of '" + t + "' is neither a batch number nor an ISO timestamp"
                        + " such as 2026-01-31T17:00:00Z");
            }
        }
    }
}
