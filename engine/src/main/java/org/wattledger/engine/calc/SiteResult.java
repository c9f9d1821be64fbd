package org.wattledger.engine.calc;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import org.wattledger.engine.model.Site;

/** One site's figures for the period, month by month, with its data-centre metrics where it has them. */
public record SiteResult(Site site, Figures figures, Map<String, java.math.BigDecimal> scope1ByGas,
        SortedMap<YearMonth, Figures> months, Optional<DataCentreMetrics> dataCentre, List<Intensity> intensities) {
    /** Scope 1 by gas in its report unit, t of each gas (not CO2e); {@link #scope1ByGas} holds kg. */
    public Map<String, java.math.BigDecimal> scope1ByGasReported() {
        return Results.reportedGases(scope1ByGas);
    }
}
