package org.wattledger.importers;

/**
 * A file that cannot be read at all (damaged, encrypted, hostile, not a spreadsheet). Caught per
 * input file: the file contributes nothing but one error issue with this message.
 */
final class InputRejected extends RuntimeException {
    private final String sheet;
    private final int row;

    InputRejected(String message) {
        this(null, message);
    }

    InputRejected(String sheet, String message) {
        this(sheet, 0, message);
    }

    /** A file refused because of what one row holds (1-based; the CSV line), so the user can find it. */
    InputRejected(String sheet, int row, String message) {
        super(message, null, false, false);
        this.sheet = sheet;
        this.row = row;
    }

    InputRejected(String message, Throwable cause) {
        super(message, cause, false, false);
        this.sheet = null;
        this.row = 0;
    }

    String sheet() {
        return sheet;
    }

    /** The row the problem is on, 0 when it concerns the whole file. */
    int row() {
        return row;
    }
}
