package org.wattledger.engine.model;

import java.util.Locale;
import java.util.Optional;

/** How bad an issue is: an error leaves the result incomplete. */
public enum Severity {
    ERROR,
    WARNING,
    INFO;

    private static final Aliases<Severity> ALIASES = new Aliases<Severity>()
            .add(ERROR, "error")
            .add(WARNING, "warning", "warn")
            .add(INFO, "info");

    /** The name used in files and reports. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Severity> parse(String text) {
        return ALIASES.find(text);
    }

    public static Aliases<Severity> aliases() {
        return ALIASES;
    }
}
