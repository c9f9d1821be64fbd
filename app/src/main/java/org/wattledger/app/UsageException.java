package org.wattledger.app;

/** A mistake in how the command was called: exit code 2, message on standard error. */
final class UsageException extends RuntimeException {
    UsageException(String message) {
        super(message);
    }
}
