package org.wattledger.engine.calc;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.wattledger.engine.model.Issue;
import org.wattledger.engine.model.Severity;
import org.wattledger.engine.model.Target;
import org.wattledger.engine.units.Exact;

/**
 * Tracks targets. Path: linear from base to target value, or SBTi absolute contraction (1.5 °C:
 * 4.2 % of the base value per year; well-below 2 °C: 2.5 %). Progress = (base − current) /
 * (base − target); on track when the current value is on the target's side of the path value.
 * {@code scope1_2} is Scope 1 + Scope 2 location-based; an intensity is {@code <metric>_per_<name>}.
 */
final class TargetTracker {
    private static final BigDecimal SBTI_1_5C = new BigDecimal("0.042");
    private static final BigDecimal SBTI_WB2C = new BigDecimal("0.025");
    private static final BigDecimal HUNDRED = new BigDecimal(100);

    private final Results results;

    TargetTracker(Results results) {
        this.results = results;
    }

    private int currentYear() {
        return results.period().to().minusDays(1).getYear();
    }

    List<TargetResult> track(List<Target> targets) {
        List<TargetResult> out = new ArrayList<>();
        for (Target t : targets) {
            track(t).ifPresent(out::add);
        }
        out.sort(java.util.Comparator.comparing(r -> r.target().id()));
        return out;
    }

    List<Issue> issues(List<Target> targets) {
        List<Issue> out = new ArrayList<>();
        for (Target t : targets) {
            if (unit(t.metric()) == null) {
                out.add(Issue.at(Severity.ERROR, t.source(), "target " + t.id() + ": unknown metric '" + t.metric() + "'"));
            } else if (t.baseValue() == null && value(t, t.baseYear()).isEmpty()) {
                out.add(Issue.at(Severity.ERROR, t.source(), "target " + t.id() + ": no " + t.metric()
                        + " data for base year " + t.baseYear() + " and no base_value given"));
            } else if (t.targetValue() == null && t.reductionPct() == null && t.path() == Target.Path.LINEAR) {
                out.add(Issue.at(Severity.ERROR, t.source(), "target " + t.id()
                        + ": give target_value or reduction_pct (or an SBTi path)"));
            } else if (value(t, currentYear()).isEmpty()) {
                out.add(Issue.at(Severity.WARNING, t.source(), "target " + t.id() + ": no " + t.metric()
                        + " data for " + currentYear()));
            }
        }
        return out;
    }

    private Optional<TargetResult> track(Target t) {
        String unit = unitWithDenominator(t.metric());
        if (unit == null) {
            return Optional.empty();
        }
        boolean computed = t.baseValue() == null;
        Optional<BigDecimal> base = computed ? value(t, t.baseYear()) : Optional.of(t.baseValue());
        if (base.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal b = base.get();
        BigDecimal target;
        if (t.targetValue() != null) {
            target = t.targetValue();
        } else if (t.reductionPct() != null) {
            target = b.multiply(BigDecimal.ONE.subtract(Exact.divide(t.reductionPct(), HUNDRED)));
        } else if (t.path() != Target.Path.LINEAR) {
            target = sbti(t, b, t.targetYear());
        } else {
            return Optional.empty();
        }
        int year = currentYear();
        BigDecimal current = value(t, year).orElse(null);
        BigDecimal path = path(t, b, target, year);
        BigDecimal progress = null;
        Boolean onTrack = null;
        if (current != null) {
            if (b.compareTo(target) != 0) {
                progress = Exact.divide(b.subtract(current), b.subtract(target));
            }
            boolean decreasing = target.compareTo(b) <= 0;
            onTrack = decreasing ? current.compareTo(path) <= 0 : current.compareTo(path) >= 0;
        }
        List<TargetResult.Point> trajectory = new ArrayList<>();
        int last = Math.max(t.targetYear(), year);
        for (int y = t.baseYear(); y <= last; y++) {
            trajectory.add(new TargetResult.Point(y, y <= t.targetYear() ? path(t, b, target, y) : null,
                    value(t, y).orElse(null)));
        }
        return Optional.of(new TargetResult(t, unit, b, computed, target, year, current, path, progress, onTrack,
                trajectory));
    }

    private BigDecimal path(Target t, BigDecimal base, BigDecimal target, int year) {
        if (year <= t.baseYear()) {
            return base;
        }
        if (t.path() != Target.Path.LINEAR) {
            return sbti(t, base, year);
        }
        if (year >= t.targetYear()) {
            return target;
        }
        BigDecimal share = Exact.divide(BigDecimal.valueOf(year - t.baseYear()), BigDecimal.valueOf(t.targetYear() - t.baseYear()));
        return base.add(target.subtract(base).multiply(share));
    }

    private static BigDecimal sbti(Target t, BigDecimal base, int year) {
        BigDecimal rate = t.path() == Target.Path.SBTI_1_5C ? SBTI_1_5C : SBTI_WB2C;
        return base.multiply(BigDecimal.ONE.subtract(rate.multiply(BigDecimal.valueOf(year - t.baseYear()))));
    }

    /** The report unit, with an intensity's denominator in the unit its rows give (t CO2e/person). */
    private String unitWithDenominator(String metric) {
        String unit = unit(metric);
        int per = metric.indexOf("_per_");
        if (unit == null || per < 0) {
            return unit;
        }
        String name = metric.substring(per + 5);
        return results.calculation().inventory().denominators().stream()
                .filter(d -> d.name().equals(name) && d.unit() != null && !d.unit().isBlank())
                .map(d -> unit.substring(0, unit.lastIndexOf('/') + 1) + d.unit())
                .findFirst().orElse(unit);
    }

    /** The report unit of a target metric, or null when the metric is unknown. */
    static String unit(String metric) {
        int per = metric.indexOf("_per_");
        if (per > 0) {
            String num = unit(metric.substring(0, per));
            return num == null ? null : num + "/" + metric.substring(per + 5);
        }
        return switch (metric) {
            case "scope1", "scope2_location", "scope2_market", "scope1_2", "scope1_2_location", "scope1_2_market" -> "t CO2e";
            case "energy", "electricity" -> "MWh";
            case "water" -> "m3";
            case "pue", "renewable_share" -> "1";
            case "wue" -> "L/kWh";
            default -> null;
        };
    }

    /** The metric's value for a calendar year over the target's boundary, in its report unit. */
    Optional<BigDecimal> value(Target t, int year) {
        Predicate<String> inBoundary = site -> t.wholeOrganisation() || t.boundary().contains(site);
        Figures f = results.year(year, inBoundary);
        if (f.values().isEmpty()) {
            return Optional.empty();
        }
        String metric = t.metric();
        int per = metric.indexOf("_per_");
        if (per > 0) {
            String name = metric.substring(per + 5);
            Target numerator = new Target(t.id(), metric.substring(0, per), t.boundary(), t.baseYear(), null,
                    t.targetYear(), null, null, t.path(), t.source());
            BigDecimal denominator = BigDecimal.ZERO;
            List<String> boundaries = t.wholeOrganisation() ? List.of("*") : t.boundary();
            for (String b : boundaries) {
                Map<String, Results.Denominators.Value> d = Results.Denominators.forPeriod(
                        results.calculation().inventory().denominators(), b,
                        java.time.LocalDate.of(year, 1, 1), java.time.LocalDate.of(year + 1, 1, 1));
                if (!d.containsKey(name)) {
                    return Optional.empty();
                }
                denominator = denominator.add(d.get(name).value());
            }
            BigDecimal denom = denominator;
            return denom.signum() == 0 ? Optional.empty() : value(numerator, year).map(v -> Exact.divide(v, denom));
        }
        return switch (metric) {
            case "scope1" -> f.reported(Metric.SCOPE1);
            case "scope2_location" -> f.reported(Metric.SCOPE2_LOCATION);
            case "scope2_market" -> f.reported(Metric.SCOPE2_MARKET);
            case "scope1_2", "scope1_2_location" -> sum(f, Metric.SCOPE2_LOCATION);
            case "scope1_2_market" -> sum(f, Metric.SCOPE2_MARKET);
            case "energy" -> f.reported(Metric.ENERGY);
            case "electricity" -> f.reported(Metric.ELECTRICITY);
            case "water" -> f.reported(Metric.WATER);
            case "pue" -> DataCentreMetrics.of(f).map(DataCentreMetrics::pue);
            case "wue" -> DataCentreMetrics.of(f).map(DataCentreMetrics::wue);
            case "renewable_share" -> f.get(Metric.ELECTRICITY).filter(e -> e.signum() > 0).map(e -> Exact.divide(
                    f.getOrZero(Metric.ONSITE_RENEWABLE).add(f.getOrZero(Metric.CERTIFIED_RENEWABLE)), e));
            default -> Optional.empty();
        };
    }

    private static Optional<BigDecimal> sum(Figures f, Metric scope2) {
        if (!f.has(Metric.SCOPE1) && !f.has(scope2)) {
            return Optional.empty();
        }
        return Optional.of(Metric.SCOPE1.present(f.getOrZero(Metric.SCOPE1).add(f.getOrZero(scope2))));
    }
}
