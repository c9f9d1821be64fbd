package org.wattledger.importers;

/**
 * A file that cannot be read at all (damaged, encrypted, hostile, not a spreadsheet). Caught per
 * input file: the file contributes nothing but one error issue with this message.
 */
final class InputRejected extends RuntimeException {
    private final String sheet;

    InputRejected(String message) {
        this(null, message);
    }

    InputRejected(String sheet, String message) {
        super(message, null, false, false);
        this.sheet = sheet;
    }

    InputRejected(String message, Throwable cause) {
        super(message, cause, false, false);
        this.sheet = null;
    }

    String sheet() {
        return sheet;
    }
}
