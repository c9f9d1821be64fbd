package org.wattledger.engine.model;

import java.util.Locale;
import java.util.Optional;

/** What a meter's energy counts for at its site. Only {@code MAIN} adds to the site's totals; {@code IT} is the PUE/WUE denominator; {@code SUB} is informational; {@code ONSITE_RENEWABLE} is own generation consumed on site; {@code REUSE} is energy exported for reuse (ERF). */
public enum Role {
    MAIN,
    IT,
    SUB,
    ONSITE_RENEWABLE,
    REUSE;

    private static final Aliases<Role> ALIASES = new Aliases<Role>()
            .add(MAIN, "main", "total", "总表", "主表")
            .add(IT, "it", "it load", "IT负载", "IT用电")
            .add(SUB, "sub", "submeter", "分表", "子表")
            .add(ONSITE_RENEWABLE, "onsite renewable", "on-site renewable", "solar", "pv", "光伏", "自发自用")
            .add(REUSE, "reuse", "heat reuse", "余热回收", "热回收");

    /** The name used in files and reports. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> parse(String text) {
        return ALIASES.find(text);
    }

    public static Aliases<Role> aliases() {
        return ALIASES;
    }
}
