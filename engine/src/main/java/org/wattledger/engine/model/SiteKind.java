package org.wattledger.engine.model;

import java.util.Locale;
import java.util.Optional;

/** What a site is; data centres get PUE, WUE, CUE, ERF and REF. */
public enum SiteKind {
    DATACENTER,
    OFFICE,
    OTHER;

    private static final Aliases<SiteKind> ALIASES = new Aliases<SiteKind>()
            .add(DATACENTER, "datacenter", "data centre", "data center", "dc", "数据中心", "机房")
            .add(OFFICE, "office", "办公", "办公楼", "办公室")
            .add(OTHER, "other", "其他");

    /** The name used in files and reports. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<SiteKind> parse(String text) {
        return ALIASES.find(text);
    }

    public static Aliases<SiteKind> aliases() {
        return ALIASES;
    }
}
