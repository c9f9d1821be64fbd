package org.wattledger.importers;

import java.time.ZoneId;
import java.util.Map;
import org.wattledger.engine.factor.Regions;
import org.wattledger.engine.model.Site;

/**
 * The time zone a site's readings are written in: the sites table's {@code timezone} column, else
 * the region's default (docs/formats/workbook.md, "Time zones"). An eGRID subregion that spans
 * zones takes the zone where most of its load is; a site elsewhere in it gives a {@code timezone}.
 */
final class TimeZones {
    private TimeZones() {
    }

    /** eGRID subregion → the zone of most of its load. */
    private static final Map<String, String> US_SUBREGIONS = Map.ofEntries(
            Map.entry("US-AKGD", "America/Anchorage"), Map.entry("US-AKMS", "America/Anchorage"),
            Map.entry("US-AZNM", "America/Phoenix"), Map.entry("US-CAMX", "America/Los_Angeles"),
            Map.entry("US-ERCT", "America/Chicago"), Map.entry("US-FRCC", "America/New_York"),
            Map.entry("US-HIMS", "Pacific/Honolulu"), Map.entry("US-HIOA", "Pacific/Honolulu"),
            Map.entry("US-MROE", "America/Chicago"), Map.entry("US-MROW", "America/Chicago"),
            Map.entry("US-NEWE", "America/New_York"), Map.entry("US-NWPP", "America/Los_Angeles"),
            Map.entry("US-NYCW", "America/New_York"), Map.entry("US-NYLI", "America/New_York"),
            Map.entry("US-NYUP", "America/New_York"), Map.entry("US-PRMS", "America/Puerto_Rico"),
            Map.entry("US-RFCE", "America/New_York"), Map.entry("US-RFCM", "America/Detroit"),
            Map.entry("US-RFCW", "America/New_York"), Map.entry("US-RMPA", "America/Denver"),
            Map.entry("US-SPNO", "America/Chicago"), Map.entry("US-SPSO", "America/Chicago"),
            Map.entry("US-SRMV", "America/Chicago"), Map.entry("US-SRMW", "America/Chicago"),
            Map.entry("US-SRSO", "America/New_York"), Map.entry("US-SRTV", "America/Chicago"),
            Map.entry("US-SRVC", "America/New_York"));

    /** The site's zone, or null when it gives none and its region has no default. */
    static ZoneId of(Site site) {
        if (site == null) {
            return null;
        }
        return site.timezone() != null ? site.timezone() : regionDefault(site.region());
    }

    /** CN and CN-* → Asia/Shanghai, GB and GB-* → Europe/London, US-subregion per table, US → America/New_York. */
    static ZoneId regionDefault(String region) {
        String r = Regions.normalise(region);
        String id = switch (Regions.country(r)) {
            case "CN" -> "Asia/Shanghai";
            case "GB" -> "Europe/London";
            case "US" -> r.equals("US") ? "America/New_York" : US_SUBREGIONS.get(r);
            default -> null;
        };
        return id == null ? null : ZoneId.of(id);
    }
}
