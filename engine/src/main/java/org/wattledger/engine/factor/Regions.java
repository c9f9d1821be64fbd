package org.wattledger.engine.factor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Region codes and their fall-back chains. Codes are ISO 3166-1 country codes (CN, GB, US),
 * ISO 3166-2 subdivisions (CN-BJ, CN-GZ), the seven Chinese regional grids (CN-NORTH,
 * CN-NORTHEAST, CN-EAST, CN-CENTRAL, CN-NORTHWEST, CN-SOUTH, CN-SOUTHWEST, as in the MEE/NBS
 * factor announcements) and eGRID subregions (US-CAMX, US-NYUP ...). A Chinese province falls back
 * to its regional grid, every code to its country, and the country to {@code *}.
 */
public final class Regions {
    public static final String ANY = "*";

    /** Province → regional grid, as the MEE/NBS 2022 electricity factors group them. */
    private static final Map<String, String> CN_GRID = Map.ofEntries(
            Map.entry("CN-BJ", "CN-NORTH"), Map.entry("CN-TJ", "CN-NORTH"), Map.entry("CN-HE", "CN-NORTH"),
            Map.entry("CN-SX", "CN-NORTH"), Map.entry("CN-SD", "CN-NORTH"), Map.entry("CN-NM", "CN-NORTH"),
            Map.entry("CN-LN", "CN-NORTHEAST"), Map.entry("CN-JL", "CN-NORTHEAST"), Map.entry("CN-HL", "CN-NORTHEAST"),
            Map.entry("CN-SH", "CN-EAST"), Map.entry("CN-JS", "CN-EAST"), Map.entry("CN-ZJ", "CN-EAST"),
            Map.entry("CN-AH", "CN-EAST"), Map.entry("CN-FJ", "CN-EAST"),
            Map.entry("CN-HA", "CN-CENTRAL"), Map.entry("CN-HB", "CN-CENTRAL"), Map.entry("CN-HN", "CN-CENTRAL"),
            Map.entry("CN-JX", "CN-CENTRAL"),
            Map.entry("CN-SN", "CN-NORTHWEST"), Map.entry("CN-GS", "CN-NORTHWEST"), Map.entry("CN-QH", "CN-NORTHWEST"),
            Map.entry("CN-NX", "CN-NORTHWEST"), Map.entry("CN-XJ", "CN-NORTHWEST"),
            Map.entry("CN-GD", "CN-SOUTH"), Map.entry("CN-GX", "CN-SOUTH"), Map.entry("CN-YN", "CN-SOUTH"),
            Map.entry("CN-GZ", "CN-SOUTH"), Map.entry("CN-HI", "CN-SOUTH"),
            Map.entry("CN-SC", "CN-SOUTHWEST"), Map.entry("CN-CQ", "CN-SOUTHWEST"), Map.entry("CN-XZ", "CN-SOUTHWEST"));

    private Regions() {
    }

    /** Upper-case, trimmed. */
    public static String normalise(String code) {
        return code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
    }

    /** The country part: CN for CN-BJ, US for US-CAMX. */
    public static String country(String region) {
        String r = normalise(region);
        int dash = r.indexOf('-');
        return dash < 0 ? r : r.substring(0, dash);
    }

    /** The region itself, then each coarser region, ending with {@code *}: CN-BJ, CN-NORTH, CN, *. */
    public static List<String> chain(String region) {
        String r = normalise(region);
        List<String> chain = new ArrayList<>();
        if (r.isEmpty() || r.equals(ANY)) {
            chain.add(ANY);
            return chain;
        }
        chain.add(r);
        String grid = CN_GRID.get(r);
        if (grid != null) {
            chain.add(grid);
        }
        String country = country(r);
        if (!country.equals(r)) {
            chain.add(country);
        }
        chain.add(ANY);
        return chain;
    }

    /** True when a market boundary (CN, CN-SOUTH, US-CAMX) contains a site's region. */
    public static boolean within(String siteRegion, String market) {
        return chain(siteRegion).contains(normalise(market));
    }
}
