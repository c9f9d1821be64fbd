package org.wattledger.ledger;

/** Why a ledger could not do what was asked; the message names the batch or file concerned. */
public class LedgerException extends RuntimeException {
    LedgerException(String message) {
        super(message);
    }

    LedgerException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The request itself is wrong: an unknown batch, a ledger URL of another database (exit 2). */
    public static final class Usage extends LedgerException {
        Usage(String message) {
            super(message);
        }
    }

    /** The batch was refused and nothing was stored: a duplicate, an already superseded batch (exit 3). */
    public static final class Refused extends LedgerException {
        Refused(String message) {
            super(message);
        }
    }
}
