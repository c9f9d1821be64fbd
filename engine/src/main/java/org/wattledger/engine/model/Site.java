package org.wattledger.engine.model;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A site of the organisation. {@code region} decides the location-based factor (CN, CN-NORTH,
 * CN-BJ, GB, US, US-CAMX ...). Floor area in m², IT capacity in kW; both may be null.
 *
 * @param kindDeclared false when nobody said what the site is (a blank kind cell, or a site known
 *     only from readings): the calculation may then infer a data centre from its IT meters
 * @param inService the days the site's meters are expected to read (null: always); outside them
 *     a meter without readings is no gap in coverage
 * @param timezone the site's IANA time zone as given in the sites table, or null (then the
 *     region's default applies, where the region has one)
 */
public record Site(String id, String name, String region, SiteKind kind, BigDecimal floorArea,
        BigDecimal itCapacityKw, SourceRef source, boolean kindDeclared, DateRange inService, ZoneId timezone) {
    public Site {
        Objects.requireNonNull(id);
        Objects.requireNonNull(region);
        Objects.requireNonNull(kind);
        name = name == null || name.isBlank() ? id : name;
    }

    /** A site whose kind was written down, in service throughout, in its region's time zone. */
    public Site(String id, String name, String region, SiteKind kind, BigDecimal floorArea, BigDecimal itCapacityKw,
            SourceRef source) {
        this(id, name, region, kind, floorArea, itCapacityKw, source, true, null, null);
    }

    public boolean isDataCentre() {
        return kind == SiteKind.DATACENTER;
    }

    /** The same site, as a data centre whose kind was inferred. */
    public Site asInferredDataCentre() {
        return new Site(id, name, region, SiteKind.DATACENTER, floorArea, itCapacityKw, source, false, inService,
                timezone);
    }
}
