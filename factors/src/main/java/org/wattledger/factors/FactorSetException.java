package org.wattledger.factors;

/**
 * A factor set or release that cannot be used: an unknown set or version in {@code --factors}
 * (a usage error: the message lists what is available), a sheet with errors given as an
 * override, or a release whose files do not match its manifest.
 */
public final class FactorSetException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public FactorSetException(String message) {
        super(message);
    }
}
