package org.wattledger.engine.model;

import java.util.Arrays;
import java.util.Optional;

/**
 * The greenhouse gas an emission factor is for: one of the three gases of fuel combustion, or
 * their CO2-equivalent total. (A GWP row's gas may also be a refrigerant such as R-134a; that is
 * a substance name, not one of these.)
 */
public enum Gas {
    CO2("CO2"),
    CH4("CH4"),
    N2O("N2O"),
    /** A factor already in CO2 equivalents: the gases together, weighted by their GWPs. */
    CO2E("CO2e");

    private final String id;

    Gas(String id) {
        this.id = id;
    }

    /** As factor sheets and reports write it: "CO2", "CO2e". */
    public String id() {
        return id;
    }

    /** "CO2", "co2e", " N2O "; empty for anything else. */
    public static Optional<Gas> parse(String text) {
        String t = text.strip();
        return Arrays.stream(values()).filter(g -> g.id.equalsIgnoreCase(t)).findFirst();
    }

    /** The gas written exactly as {@link #id()} writes it; empty otherwise (a refrigerant, a lower-case spelling). */
    public static Optional<Gas> ofId(String id) {
        return Arrays.stream(values()).filter(g -> g.id.equals(id)).findFirst();
    }
}
