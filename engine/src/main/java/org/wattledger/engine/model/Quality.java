package org.wattledger.engine.model;

import java.util.Locale;
import java.util.Optional;

/** Whether a quantity was measured or estimated; estimated shares are shown beside totals. */
public enum Quality {
    MEASURED,
    ESTIMATED;

    private static final Aliases<Quality> ALIASES = new Aliases<Quality>()
            .add(MEASURED, "measured", "actual", "实测", "实际")
            .add(ESTIMATED, "estimated", "estimate", "est", "估算", "估计");

    /** The name used in files and reports. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Quality> parse(String text) {
        return ALIASES.find(text);
    }

    public static Aliases<Quality> aliases() {
        return ALIASES;
    }
}
