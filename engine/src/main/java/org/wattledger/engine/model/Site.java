package org.wattledger.engine.model;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A site of the organisation. {@code region} decides the location-based factor (CN, CN-NORTH,
 * CN-BJ, GB, US, US-CAMX ...). Floor area in m², IT capacity in kW; both may be null.
 * {@code kindDeclared} is false when nobody said what the site is (a blank kind cell, or a site
 * known only from readings): the calculation may then infer a data centre from its IT meters.
 */
public record Site(String id, String name, String region, SiteKind kind, BigDecimal floorArea,
        BigDecimal itCapacityKw, SourceRef source, boolean kindDeclared) {
    public Site {
        Objects.requireNonNull(id);
        Objects.requireNonNull(region);
        Objects.requireNonNull(kind);
        name = name == null || name.isBlank() ? id : name;
    }

    /** A site whose kind was written down. */
    public Site(String id, String name, String region, SiteKind kind, BigDecimal floorArea, BigDecimal itCapacityKw,
            SourceRef source) {
        this(id, name, region, kind, floorArea, itCapacityKw, source, true);
    }

    public boolean isDataCentre() {
        return kind == SiteKind.DATACENTER;
    }

    /** The same site, as a data centre whose kind was inferred. */
    public Site asInferredDataCentre() {
        return new Site(id, name, region, SiteKind.DATACENTER, floorArea, itCapacityKw, source, false);
    }
}
