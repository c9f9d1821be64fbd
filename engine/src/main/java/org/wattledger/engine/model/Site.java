package org.wattledger.engine.model;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A site of the organisation. {@code region} decides the location-based factor (CN, CN-NORTH,
 * CN-BJ, GB, US, US-CAMX ...). Floor area in m², IT capacity in kW; both may be null.
 */
public record Site(String id, String name, String region, SiteKind kind, BigDecimal floorArea,
        BigDecimal itCapacityKw, SourceRef source) {
    public Site {
        Objects.requireNonNull(id);
        Objects.requireNonNull(region);
        Objects.requireNonNull(kind);
        name = name == null || name.isBlank() ? id : name;
    }

    public boolean isDataCentre() {
        return kind == SiteKind.DATACENTER;
    }
}
