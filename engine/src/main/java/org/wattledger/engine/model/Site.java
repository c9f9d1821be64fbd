package org.wattledger.engine.model;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A site of the organisation. {@code region} decides the location-based factor (CN, CN-NORTH,
 * CN-BJ, GB, US, US-CAMX ...). Floor area in m², IT capacity in kW; both may be null.
 *
 * @param inService the days the site's meters are expected to read (null: always); outside them
 *     a meter without readings is no gap in coverage
 * @param timezone the site's IANA time zone as given in the sites table, or null (then the
 *     region's default applies, where the region has one)
 */
public record Site(String id, String name, String region, SiteKind kind, BigDecimal floorArea,
        BigDecimal itCapacityKw, SourceRef source, DateRange inService, ZoneId timezone) {
    public Site {
        Objects.requireNonNull(id);
        Objects.requireNonNull(region);
        Objects.requireNonNull(kind);
        name = name == null || name.isBlank() ? id : name;
    }

    /** A site in service throughout, in its region's time zone. */
    public Site(String id, String name, String region, SiteKind kind, BigDecimal floorArea, BigDecimal itCapacityKw,
            SourceRef source) {
        this(id, name, region, kind, floorArea, itCapacityKw, source, null, null);
    }

    public boolean isDataCentre() {
        return kind == SiteKind.DATACENTER;
    }
}
