package org.wattledger.engine.model;

import java.util.Locale;
import java.util.Optional;

/** Marks a register reading: a normal read, the closing read of a replaced meter, or the opening read of its replacement. */
public enum RegisterEvent {
    READ,
    CLOSE,
    OPEN;

    private static final Aliases<RegisterEvent> ALIASES = new Aliases<RegisterEvent>()
            .add(READ, "read", "normal", "")
            .add(CLOSE, "close", "closing", "removed", "拆表", "旧表止码")
            .add(OPEN, "open", "opening", "installed", "装表", "新表起码");

    /** The name used in files and reports. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<RegisterEvent> parse(String text) {
        return ALIASES.find(text);
    }

    public static Aliases<RegisterEvent> aliases() {
        return ALIASES;
    }
}
