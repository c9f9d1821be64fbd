package org.wattledger.app;

/** The command line's exit codes (docs/command-line.md). Scripts depend on them. */
public final class ExitCode {
    /** Success: the report is complete. */
    public static final int OK = 0;
    /** Software failure: a bug or an environment problem (disk full, unreadable jar). */
    public static final int SOFTWARE = 1;
    /** Usage error: an unknown option, a missing argument, a file that does not exist. */
    public static final int USAGE = 2;
    /** The input had errors or a needed factor was missing; the report is still written, marked incomplete. */
    public static final int INPUT_ERRORS = 3;

    private ExitCode() {
    }
}
