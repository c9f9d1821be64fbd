package org.wattledger.engine.model;

import java.util.Locale;
import java.util.Optional;

/** How a fuel is burnt: in fixed equipment or in the organisation's own vehicles (GHG Protocol: stationary vs mobile combustion). */
public enum Use {
    STATIONARY,
    MOBILE;

    private static final Aliases<Use> ALIASES = new Aliases<Use>()
            .add(STATIONARY, "stationary", "固定", "固定源", "固定燃烧")
            .add(MOBILE, "mobile", "vehicle", "vehicles", "移动", "移动源", "移动燃烧");

    /** The name used in files and reports. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Use> parse(String text) {
        return ALIASES.find(text);
    }

    public static Aliases<Use> aliases() {
        return ALIASES;
    }
}
