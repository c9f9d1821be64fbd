package org.wattledger.importers;

/** Finds an {@link InputRejected} a library wrapped in its own exception. */
final class InputRejectedCause {
    private InputRejectedCause() {
    }

    static InputRejected find(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof InputRejected r) {
                return r;
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return null;
    }
}
