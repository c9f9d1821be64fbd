package org.wattledger.engine.calc;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.wattledger.engine.model.DateRange;
import org.wattledger.engine.model.ReportingPeriod;
import org.wattledger.engine.model.Role;
import org.wattledger.engine.model.Target;
import org.wattledger.engine.units.Exact;

/**
 * Years side by side (docs/methodology.md, "Years side by side"): the calendar years from
 * {@link CalcOptions.Analysis#yearsFrom} (default: the period's first year) to the period's last,
 * each year's figures summed from its own lines, the change from the year before, the LMDI
 * decomposition of each change and the base-year recalculation. A year inside the period is cut
 * at the period's bounds, so the years of a period add up exactly to its totals.
 */
final class YearComparison {
    private final Results results;
    private final CalcOptions.Analysis options;

    YearComparison(Results results) {
        this.results = results;
        this.options = results.options().analysis();
    }

    /** The compared years' periods, in order; empty when they are fewer than two. */
    List<ReportingPeriod> periods() {
        ReportingPeriod p = results.period();
        int last = p.to().minusDays(1).getYear();
        int first = options.yearsFrom() == null ? p.from().getYear() : Math.min(options.yearsFrom(), p.from().getYear());
        List<ReportingPeriod> out = new ArrayList<>();
        for (int y = first; y <= last; y++) {
            LocalDate from = LocalDate.of(y, 1, 1);
            LocalDate to = LocalDate.of(y + 1, 1, 1);
            if (y == p.from().getYear() && p.from().isAfter(from)) {
                from = p.from();
            }
            if (y == last && p.to().isBefore(to)) {
                to = p.to();
            }
            out.add(new ReportingPeriod(from, to));
        }
        return out.size() < 2 ? List.of() : out;
    }

    List<YearResult> years() {
        List<YearResult> out = new ArrayList<>();
        YearResult previous = null;
        for (ReportingPeriod yp : periods()) {
            Results r = results.calculation().results(yp);
            Figures totals = r.totals();
            Map<Metric, YearResult.Change> change = new LinkedHashMap<>();
            if (previous != null) {
                for (Metric m : Metric.values()) {
                    Optional<BigDecimal> now = totals.reported(m);
                    Optional<BigDecimal> before = previous.totals().reported(m);
                    if (now.isPresent() && before.isPresent()) {
                        BigDecimal diff = Exact.strip(now.get().subtract(before.get()));
                        change.put(m, new YearResult.Change(diff,
                                before.get().signum() == 0 ? null : Exact.divide(diff, before.get())));
                    }
                }
            }
            YearResult y = new YearResult(yp.from().getYear(), yp, totals, r.intensities(), r.complete(), change);
            out.add(y);
            previous = y;
        }
        return out;
    }

    /** The LMDI decomposition of each year's change from the year before; empty when fewer than two years. */
    List<Decomposition> decomposition() {
        List<ReportingPeriod> periods = periods();
        if (periods.isEmpty()) {
            return List.of();
        }
        String activity = activity(periods);
        List<Decomposition.YearInput> inputs = new ArrayList<>();
        for (ReportingPeriod yp : periods) {
            inputs.add(input(yp, activity));
        }
        String unit = activityUnit(activity, periods.get(0));
        List<Decomposition> out = new ArrayList<>();
        for (int i = 1; i < inputs.size(); i++) {
            out.add(Decomposition.of(inputs.get(i - 1), inputs.get(i), activity, unit));
        }
        return out;
    }

    /** The activity named, or the first of the preference list every compared year has, or energy itself. */
    private String activity(List<ReportingPeriod> periods) {
        if (options.activity() != null) {
            return options.activity();
        }
        for (String name : CalcOptions.Analysis.ACTIVITY_PREFERENCE) {
            if (periods.stream().allMatch(p -> activityValue(name, p).isPresent())) {
                return name;
            }
        }
        return ENERGY_ACTIVITY;
    }

    /** When no denominator serves for every year, energy itself is the activity (its intensity effect is then 0). */
    static final String ENERGY_ACTIVITY = "energy";

    private String activityUnit(String name, ReportingPeriod p) {
        if (name.equals(CalcOptions.IT_ENERGY_ACTIVITY) || name.equals(ENERGY_ACTIVITY)) {
            return "MWh";
        }
        Results.Denominators.Value v = Results.Denominators.forPeriod(results.calculation().inventory().denominators(),
                "*", new DateRange(p.from(), p.to())).get(name);
        return v == null || !v.usable() ? "" : v.unit();
    }

    private Optional<BigDecimal> activityValue(String name, ReportingPeriod p) {
        if (name.equals(CalcOptions.IT_ENERGY_ACTIVITY)) {
            return results.calculation().results(p).totals().reported(Metric.IT_ENERGY).filter(v -> v.signum() > 0);
        }
        if (name.equals(ENERGY_ACTIVITY)) {
            return results.calculation().results(p).totals().reported(Metric.ENERGY).filter(v -> v.signum() > 0);
        }
        Results.Denominators.Value v = Results.Denominators.forPeriod(results.calculation().inventory().denominators(),
                "*", new DateRange(p.from(), p.to())).get(name);
        return v == null || !v.usable() || v.value().signum() <= 0 ? Optional.empty() : Optional.of(v.value());
    }

    /** A year's carriers (energy MWh, emissions t CO2e), its non-energy emissions and its activity. */
    private Decomposition.YearInput input(ReportingPeriod p, String activity) {
        SortedMap<String, BigDecimal[]> sums = new TreeMap<>();
        BigDecimal nonEnergy = BigDecimal.ZERO;
        for (Line l : results.calculation().results(p).lines()) {
            BigDecimal c = l.figures.getOrZero(Metric.SCOPE1).add(l.figures.getOrZero(Metric.SCOPE2_LOCATION));
            Optional<BigDecimal> e = l.figures.get(Metric.ENERGY);
            if (e.isEmpty()) {
                nonEnergy = nonEnergy.add(c);
                continue;
            }
            String key = l.role == Role.ONSITE_RENEWABLE ? "onsite_renewable" : l.carrier.id();
            BigDecimal[] s = sums.computeIfAbsent(key, k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            s[0] = s[0].add(e.get());
            s[1] = s[1].add(c);
        }
        SortedMap<String, Decomposition.CarrierYear> carriers = new TreeMap<>();
        sums.forEach((k, s) -> carriers.put(k, new Decomposition.CarrierYear(Metric.ENERGY.present(s[0]),
                Metric.SCOPE1.present(s[1]))));
        return new Decomposition.YearInput(p.from().getYear(), activityValue(activity, p).orElse(null), carriers,
                Metric.SCOPE1.present(nonEnergy));
    }

    /**
     * The base-year recalculation when the input has a changes table: the base year is the
     * earliest base year of the Scope 1 + 2 targets, or else the first compared year (or the
     * period's first year); empty when that year has no emissions.
     */
    Optional<Recalculation> recalculation() {
        var changes = results.calculation().inventory().changes();
        if (changes.isEmpty()) {
            return Optional.empty();
        }
        List<ReportingPeriod> periods = periods();
        int baseYear = results.calculation().inventory().targets().stream()
                .filter(t -> TargetTracker.RESTATED_METRICS.contains(t.metric()))
                .mapToInt(Target::baseYear).min()
                .orElse(periods.isEmpty() ? results.period().from().getYear() : periods.get(0).from().getYear());
        int last = results.period().to().minusDays(1).getYear();
        SortedMap<Integer, BigDecimal> byYear = new TreeMap<>();
        for (int y = baseYear; y <= last; y++) {
            Figures f = results.year(y, site -> true);
            if (f.has(Metric.SCOPE1) || f.has(Metric.SCOPE2_LOCATION)) {
                byYear.put(y, Metric.SCOPE1.present(f.getOrZero(Metric.SCOPE1).add(f.getOrZero(Metric.SCOPE2_LOCATION))));
            }
        }
        if (!byYear.containsKey(baseYear)) {
            return Optional.empty();
        }
        return Optional.of(Recalculation.of(changes, baseYear, byYear, options.recalculationThreshold()));
    }
}
