package org.wattledger.engine.calc;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.wattledger.engine.model.ReportingPeriod;

/**
 * One calendar year of a multi-year comparison: its figures and intensities, whether its own
 * report would be complete, and the change of each figure from the year before (report units).
 */
public record YearResult(int year, ReportingPeriod period, Figures totals, List<Intensity> intensities,
        boolean complete, Map<Metric, Change> change) {
    /** A figure's change from the year before, in its report unit, and relative to the year before (null when that was 0). */
    public record Change(BigDecimal value, BigDecimal relative) {
    }
}
