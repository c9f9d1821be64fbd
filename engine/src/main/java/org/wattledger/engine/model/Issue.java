package org.wattledger.engine.model;

import java.util.Comparator;
import java.util.Objects;

/**
 * A problem or a notice about the input or the calculation. Location fields are null when they
 * do not apply (a missing factor has no row). {@code code} names a kind of issue that scripts may
 * look for ({@link #ANOMALY}); null for most.
 */
public record Issue(Severity severity, String file, String sheet, Integer row, String column, String message,
        String code) {
    /** The code of a month far from its meter's usual (docs/methodology.md, "Anomalies"). */
    public static final String ANOMALY = "anomaly";

    public Issue {
        Objects.requireNonNull(severity);
        Objects.requireNonNull(message);
    }

    /** An issue without a code. */
    public Issue(Severity severity, String file, String sheet, Integer row, String column, String message) {
        this(severity, file, sheet, row, column, message, null);
    }

    /** The same issue with a code. */
    public Issue withCode(String newCode) {
        return new Issue(severity, file, sheet, row, column, message, newCode);
    }

    /** Stable report order: by file, sheet, row, column, then severity and text. */
    public static final Comparator<Issue> ORDER = Comparator
            .comparing((Issue i) -> i.file == null ? "" : i.file)
            .thenComparing(i -> i.sheet == null ? "" : i.sheet)
            .thenComparing(i -> i.row == null ? 0 : i.row)
            .thenComparing(i -> i.column == null ? "" : i.column, Comparator.comparingInt(String::length)
                    .thenComparing(Comparator.naturalOrder()))
            .thenComparing(Issue::severity)
            .thenComparing(Issue::message);

    public static Issue at(Severity severity, SourceRef where, String message) {
        return new Issue(severity, where.file(), where.sheet(), where.row() > 0 ? where.row() : null,
                where.column(), message);
    }

    public static Issue error(SourceRef where, String message) {
        return at(Severity.ERROR, where, message);
    }

    public static Issue general(Severity severity, String message) {
        return new Issue(severity, null, null, null, null, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** "meters.xlsx, sheet readings, row 14, column F: 'n/a' is not a number". */
    @Override
    public String toString() {
        String where = file == null ? "" : new SourceRef(file, sheet, row == null ? 0 : row, column) + ": ";
        return severity.id() + ": " + where + message;
    }
}
