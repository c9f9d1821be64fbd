package org.wattledger.engine.calc;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.wattledger.engine.factor.Factor;
import org.wattledger.engine.meter.Coverage;
import org.wattledger.engine.model.Denominator;
import org.wattledger.engine.model.Issue;
import org.wattledger.engine.model.ReportingPeriod;
import org.wattledger.engine.model.Severity;
import org.wattledger.engine.model.Site;
import org.wattledger.engine.units.Exact;

/**
 * The results of a calculation for one reporting period: totals, sites, months, intensities,
 * targets, issues and the factors used, each figure traceable to its lines through
 * {@link #explain}.
 */
public final class Results {
    private final Calculation calculation;
    private final ReportingPeriod period;
    private final List<Line> lines;
    private List<Coverage> coverage;

    Results(Calculation calculation, ReportingPeriod period) {
        this.calculation = calculation;
        this.period = period;
        this.lines = calculation.lines().stream().filter(l -> inPeriod(l, period)).toList();
    }

    private static boolean inPeriod(Line l, ReportingPeriod p) {
        return !l.from().isBefore(p.from()) && !l.to().isAfter(p.to());
    }

    public ReportingPeriod period() {
        return period;
    }

    public CalcOptions options() {
        return calculation.options();
    }

    public Calculation calculation() {
        return calculation;
    }

    /** The lines of the period. */
    public List<Line> lines() {
        return lines;
    }

    /** Organisation totals. */
    public Figures totals() {
        return sum(lines);
    }

    /** Scope 1 by gas for the organisation, kg of each gas. */
    public Map<String, BigDecimal> scope1ByGas() {
        return gases(lines);
    }

    /** Sums figures; standard coal is left out where any counted line has no coefficient. */
    static Figures sum(List<Line> lines) {
        Figures f = new Figures();
        boolean tceGap = false;
        for (Line l : lines) {
            f.addAll(l.figures);
            tceGap |= l.tceMissing;
        }
        if (tceGap) {
            f.remove(Metric.ENERGY_TCE);
        }
        return f;
    }

    private static Map<String, BigDecimal> gases(List<Line> lines) {
        Map<String, BigDecimal> out = new TreeMap<>();
        for (Line l : lines) {
            l.scope1Gas.forEach((g, kg) -> out.merge(g, kg, BigDecimal::add));
        }
        return out;
    }

    public List<SiteResult> sites() {
        Map<String, List<Line>> bySite = new TreeMap<>();
        for (Line l : lines) {
            bySite.computeIfAbsent(l.site, s -> new ArrayList<>()).add(l);
        }
        List<SiteResult> out = new ArrayList<>();
        bySite.forEach((id, siteLines) -> {
            Site site = calculation.sites().get(id);
            Figures figures = sum(siteLines);
            SortedMap<YearMonth, Figures> months = new TreeMap<>();
            Map<YearMonth, List<Line>> byMonth = new TreeMap<>();
            for (Line l : siteLines) {
                byMonth.computeIfAbsent(l.month(), m -> new ArrayList<>()).add(l);
            }
            byMonth.forEach((m, ls) -> months.put(m, sum(ls)));
            Optional<DataCentreMetrics> dc = site.isDataCentre() ? DataCentreMetrics.of(figures) : Optional.empty();
            out.add(new SiteResult(site, figures, gases(siteLines), months, dc, intensities(figures, id)));
        });
        return out;
    }

    /** Organisation intensities, one per denominator given for the whole organisation. */
    public List<Intensity> intensities() {
        return intensities(totals(), "*");
    }

    private List<Intensity> intensities(Figures f, String boundary) {
        List<Intensity> out = new ArrayList<>();
        Map<String, Denominators.Value> denominators = Denominators.forPeriod(
                calculation.inventory().denominators(), boundary, period.from(), period.to());
        denominators.forEach((name, d) -> {
            if (d.value().signum() == 0) {
                return;
            }
            String per = "/" + d.unit();
            if (f.has(Metric.SCOPE1) || f.has(Metric.SCOPE2_LOCATION)) {
                BigDecimal t = Metric.SCOPE1.present(f.getOrZero(Metric.SCOPE1).add(f.getOrZero(Metric.SCOPE2_LOCATION)));
                out.add(new Intensity("scope1_2_per_" + name, Exact.divide(t, d.value()), "t CO2e" + per));
            }
            f.reported(Metric.ENERGY).ifPresent(v -> out.add(new Intensity("energy_per_" + name, Exact.divide(v, d.value()), "MWh" + per)));
            f.reported(Metric.ELECTRICITY).ifPresent(v -> out.add(new Intensity("electricity_per_" + name, Exact.divide(v, d.value()), "MWh" + per)));
            f.reported(Metric.WATER).ifPresent(v -> out.add(new Intensity("water_per_" + name, Exact.divide(v, d.value()), "m3" + per)));
        });
        return out;
    }

    /** Figures of one calendar year for the sites a predicate accepts (targets). */
    public Figures year(int year, Predicate<String> siteInBoundary) {
        return sum(calculation.lines().stream()
                .filter(l -> l.year() == year && siteInBoundary.test(l.site)).toList());
    }

    public List<TargetResult> targets() {
        return new TargetTracker(this).track(calculation.inventory().targets());
    }

    /**
     * Input issues, and calculation issues of the period's years; from other years only errors
     * (they touch target base values) and issues tied to no year.
     */
    public List<Issue> issues() {
        Set<Integer> years = new TreeSet<>();
        for (int y = period.from().getYear(); y <= period.to().minusDays(1).getYear(); y++) {
            years.add(y);
        }
        List<Issue> out = new ArrayList<>(calculation.inventory().issues());
        for (Calculation.YearIssue yi : calculation.issues()) {
            if (yi.year() == 0 || years.contains(yi.year()) || yi.issue().severity() == Severity.ERROR) {
                out.add(yi.issue());
            }
        }
        out.addAll(new TargetTracker(this).issues(calculation.inventory().targets()));
        out.addAll(coverageIssues());
        List<Issue> distinct = new ArrayList<>(new java.util.LinkedHashSet<>(out));
        distinct.sort(Issue.ORDER);
        return distinct;
    }

    /** Each meter's coverage of the period, by site, meter and carrier. */
    public List<Coverage> coverage() {
        if (coverage == null) { // computed when first asked: a run that wants only totals does not pay for it
            coverage = Coverage.of(calculation.inventory().readings(), calculation.sites(), period);
        }
        return coverage;
    }

    /** True when the period has readings at all. */
    private boolean hasReadings() {
        return !lines.isEmpty();
    }

    /** A warning per meter with uncovered time, and one when the period has no readings at all. */
    private List<Issue> coverageIssues() {
        List<Issue> out = new ArrayList<>();
        if (!hasReadings()) {
            out.add(Issue.general(Severity.WARNING, "no readings in the period " + period
                    + "; the report has no figures for it"));
        }
        for (Coverage c : coverage()) {
            if (!c.complete()) {
                out.add(Issue.general(Severity.WARNING, c.gapMessage()));
            }
        }
        return out;
    }

    /**
     * The one rule for a complete report: no issue is an error, the period has readings, and every
     * meter covers the whole period while its site is in service. Reports show this, and the
     * command line exits with 3 when it is false.
     */
    public boolean complete() {
        return hasReadings() && coverage().stream().allMatch(Coverage::complete)
                && issues().stream().noneMatch(Issue::isError);
    }

    /** The factors the period's figures rest on, by id. */
    public List<Factor> factorsUsed() {
        Map<String, Factor> byKey = new TreeMap<>();
        for (Line l : lines) {
            for (Lineage.FactorUse u : l.lineage.factors()) {
                byKey.putIfAbsent(u.factor().id() + "|" + u.factor().set(), u.factor());
            }
        }
        return new ArrayList<>(byKey.values());
    }

    /**
     * Why a figure is what it is: every line of the period that contributes to {@code metric} for
     * the site ({@code *} for the organisation), with its value, formula, factors and input rows.
     */
    public Explanation explain(String site, Metric metric) {
        List<Explanation.Part> parts = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (Line l : lines) {
            if (!site.equals("*") && !site.equals(l.site)) {
                continue;
            }
            Optional<BigDecimal> v = l.figures.get(metric);
            if (v.isEmpty()) {
                continue;
            }
            total = total.add(v.get());
            parts.add(new Explanation.Part(l.label(), metric.present(v.get()), l.quantity, l.unit.symbol(),
                    l.lineage.formulas().getOrDefault(metric.key(), ""), l.lineage.rows().toString(),
                    l.lineage.factors(), List.copyOf(l.lineage.conversions()), List.copyOf(l.lineage.prorations())));
        }
        return new Explanation(site, metric, metric.present(total), metric.reportUnit(), parts);
    }

    /** Denominator values for a period, per name. */
    static final class Denominators {
        record Value(BigDecimal value, String unit) {
        }

        /**
         * Time-weighted average of the rows covering the period (headcount, floor area); revenue is
         * a flow, so its rows are prorated and summed. A row's {@code to} is its last day.
         */
        static Map<String, Value> forPeriod(List<Denominator> rows, String boundary, LocalDate from, LocalDate to) {
            Map<String, BigDecimal[]> acc = new TreeMap<>();
            Map<String, String> units = new TreeMap<>();
            for (Denominator d : rows) {
                if (!d.boundary().equals(boundary)) {
                    continue;
                }
                LocalDate end = d.to().plusDays(1);
                LocalDate s = d.from().isAfter(from) ? d.from() : from;
                LocalDate e = end.isBefore(to) ? end : to;
                long overlap = ChronoUnit.DAYS.between(s, e);
                if (overlap <= 0) {
                    continue;
                }
                long rowDays = ChronoUnit.DAYS.between(d.from(), end);
                BigDecimal[] a = acc.computeIfAbsent(d.name(), n -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
                if (isFlow(d.name())) {
                    a[0] = a[0].add(Exact.divide(d.value().multiply(BigDecimal.valueOf(overlap)), BigDecimal.valueOf(rowDays)));
                    a[1] = BigDecimal.ONE;
                } else {
                    a[0] = a[0].add(d.value().multiply(BigDecimal.valueOf(overlap)));
                    a[1] = a[1].add(BigDecimal.valueOf(overlap));
                }
                units.putIfAbsent(d.name(), d.unit() == null || d.unit().isBlank() ? d.name() : d.unit());
            }
            Map<String, Value> out = new TreeMap<>();
            acc.forEach((name, a) -> out.put(name, new Value(Exact.divide(a[0], a[1]), units.get(name))));
            return out;
        }

        private static boolean isFlow(String name) {
            return name.equalsIgnoreCase("revenue");
        }
    }
}
