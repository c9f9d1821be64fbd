package org.wattledger.engine.model;

import java.util.Locale;
import java.util.Optional;

/** A row is usage over its period, or a cumulative register read at its end. */
public enum ReadingType {
    CONSUMPTION,
    REGISTER;

    private static final Aliases<ReadingType> ALIASES = new Aliases<ReadingType>()
            .add(CONSUMPTION, "consumption", "usage", "interval", "用量", "消耗")
            .add(REGISTER, "register", "cumulative", "meter reading", "读数", "累计", "表底数");

    /** The name used in files and reports. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ReadingType> parse(String text) {
        return ALIASES.find(text);
    }

    public static Aliases<ReadingType> aliases() {
        return ALIASES;
    }
}
