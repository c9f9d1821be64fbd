package org.wattledger.engine.calc;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.wattledger.engine.model.DateRange;
import org.wattledger.engine.model.Issue;
import org.wattledger.engine.model.Severity;
import org.wattledger.engine.model.Site;
import org.wattledger.engine.model.Target;
import org.wattledger.engine.units.Exact;
import org.wattledger.engine.units.Measures;

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
            } else if (unitMismatch(t) != null) {
                out.add(Issue.at(Severity.ERROR, t.source(), "target " + t.id() + ": " + unitMismatch(t)));
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
        if (unit == null || unitMismatch(t) != null) {
            return Optional.empty();
        }
        boolean computed = t.baseValue() == null;
        Optional<BigDecimal> base = computed ? value(t, t.baseYear()) : Optional.of(t.baseValue().value());
        if (base.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal b = restated(t, base.get());
        BigDecimal target;
        if (t.targetValue() != null) {
            target = t.targetValue().value();
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

    /** The metrics a changes table restates: its rows give Scope 1 + 2 (location-based) emissions. */
    static final java.util.Set<String> RESTATED_METRICS = java.util.Set.of("scope1_2", "scope1_2_location");

    /**
     * An emissions target's base, restated when the changes touching its boundary reach the
     * threshold (docs/methodology.md, "Base-year recalculation"); any other target's base as it is.
     */
    private BigDecimal restated(Target t, BigDecimal base) {
        if (!RESTATED_METRICS.contains(t.metric())) {
            return base;
        }
        List<org.wattledger.engine.model.StructuralChange> changes = results.calculation().inventory().changes()
                .stream().filter(c -> t.wholeOrganisation() || c.sites().contains("*")
                        || c.sites().stream().anyMatch(t.boundary()::contains))
                .toList();
        return Recalculation.restatedBase(changes, t.baseYear(), base,
                results.options().analysis().recalculationThreshold());
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
        // One division at the end: 1.5 + (1.2 − 1.5) × 1 / 3 is exactly 1.4.
        return base.add(Exact.divide(target.subtract(base).multiply(BigDecimal.valueOf(year - t.baseYear())),
                BigDecimal.valueOf(t.targetYear() - t.baseYear())));
    }

    private static BigDecimal sbti(Target t, BigDecimal base, int year) {
        BigDecimal rate = t.path() == Target.Path.SBTI_1_5C ? SBTI_1_5C : SBTI_WB2C;
        return base.multiply(BigDecimal.ONE.subtract(rate.multiply(BigDecimal.valueOf(year - t.baseYear()))));
    }

    /**
     * The report unit, with an intensity's denominator in its rows' unit (t CO2e/person), or
     * the denominator's name when no row gives one.
     */
    private String unitWithDenominator(String metric) {
        String unit = unit(metric);
        int per = metric.indexOf("_per_");
        if (unit == null || per < 0) {
            return unit;
        }
        String name = metric.substring(per + 5);
        return results.calculation().inventory().denominators().stream()
                .filter(d -> d.name().equals(name))
                .map(d -> Measures.metricUnit(metric) + "/" + d.value().unit())
                .findFirst().orElse(unit);
    }

    /**
     * Why a target's given values cannot be compared with its metric: their unit is not the
     * unit the metric is computed in (a target per 万元 against revenue given in USD); null when
     * they can.
     */
    private String unitMismatch(Target t) {
        String unit = unitWithDenominator(t.metric());
        for (var v : java.util.Arrays.asList(t.baseValue(), t.targetValue())) {
            if (v != null && !v.unit().equals(unit)) {
                return "its values are in " + v.unit() + " but " + t.metric() + " is computed in " + unit
                        + "; give them in " + unit;
            }
        }
        return null;
    }

    /** The report unit of a target metric, or null when the metric is unknown. */
    static String unit(String metric) {
        String unit = Measures.metricUnit(metric);
        int per = metric.indexOf("_per_");
        if (unit == null || per < 0) {
            return unit;
        }
        String name = metric.substring(per + 5);
        return unit + "/" + Measures.denominatorUnit(name).orElse(name);
    }

    /** The metric's value for a calendar year over the target's boundary, in its report unit. */
    Optional<BigDecimal> value(Target t, int year) {
        Predicate<String> inBoundary = site -> t.wholeOrganisation() || t.boundary().contains(site);
        if (t.metric().equals("pue") || t.metric().equals("wue")) {
            // A data-centre KPI is the ratio of the data centres' sums: offices in the boundary
            // (all of them under "*") have no IT load and must not inflate the facility energy.
            inBoundary = inBoundary.and(this::isDataCentre);
        }
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
                        results.calculation().inventory().denominators(), b, DateRange.year(year));
                if (!d.containsKey(name) || !d.get(name).usable()) {
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

    private boolean isDataCentre(String site) {
        Site s = results.calculation().sites().get(site);
        return s != null && s.isDataCentre();
    }

    private static Optional<BigDecimal> sum(Figures f, Metric scope2) {
        if (!f.has(Metric.SCOPE1) && !f.has(scope2)) {
            return Optional.empty();
        }
        return Optional.of(Metric.SCOPE1.present(f.getOrZero(Metric.SCOPE1).add(f.getOrZero(scope2))));
    }
}
