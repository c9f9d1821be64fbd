package org.wattledger.engine.calc;

import java.math.BigDecimal;
import java.util.List;
import org.wattledger.engine.model.Target;

/**
 * A target's standing in the reporting year. {@code current}, {@code pathValue}, {@code progress}
 * and {@code onTrack} are null when the year has no data.
 */
public record TargetResult(Target target, String unit, BigDecimal baseValue, boolean baseComputed,
        BigDecimal targetValue, int currentYear, BigDecimal current, BigDecimal pathValue, BigDecimal progress,
        Boolean onTrack, List<Point> trajectory) {
    /** One year of the trajectory: the path's value and the actual value where there is data. */
    public record Point(int year, BigDecimal path, BigDecimal actual) {
    }
}
