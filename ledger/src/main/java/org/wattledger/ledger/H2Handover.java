package org.wattledger.ledger;

import java.sql.SQLException;
import java.util.function.Supplier;

/**
 * Retries an embedded-ledger operation that failed because H2 handed the database over between
 * processes. With {@code AUTO_SERVER} the first process to open the folder serves it to the
 * others; when that process exits, a second one's connection breaks (H2 error 90067) or finds
 * the folder locked for a moment (90020). Each operation is one transaction, rolled back when the
 * connection breaks, so running it again is safe: nothing was stored. (Should the break come
 * after the commit, the retry finds the same files already stored and refuses them, naming the
 * batch: nothing is stored twice.) PostgreSQL operations are never retried.
 */
final class H2Handover {
    /** Attempts in all; the waits between them grow from 0.2 s to 1.4 s, about 6 s in all. */
    private static final int ATTEMPTS = 8;
    private static final int CONNECTION_BROKEN = 90067;
    private static final int DATABASE_ALREADY_OPEN = 90020;
    private static final int CLOSED_BY_SHUTDOWN = 90121;

    private H2Handover() {
    }

    static <T> T retrying(LedgerLocation location, Supplier<T> operation) {
        for (int attempt = 1;; attempt++) {
            try {
                return operation.get();
            } catch (RuntimeException e) {
                if (location.kind() != LedgerLocation.Kind.H2 || attempt == ATTEMPTS || !handedOver(e)) {
                    throw e;
                }
                pause(200L * attempt);
            }
        }
    }

    /** Whether the failure is H2's hand-over between processes, anywhere in the chain of causes. */
    static boolean handedOver(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException s
                    && (s.getErrorCode() == CONNECTION_BROKEN || s.getErrorCode() == DATABASE_ALREADY_OPEN
                            || s.getErrorCode() == CLOSED_BY_SHUTDOWN)) {
                return true;
            }
        }
        return false;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LedgerException("interrupted while waiting for the embedded ledger", e);
        }
    }
}
