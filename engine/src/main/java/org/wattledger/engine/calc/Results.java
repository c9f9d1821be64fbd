package org.wattledger.engine.calc;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
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
import org.wattledger.engine.model.Carrier;
import org.wattledger.engine.model.DateRange;
import org.wattledger.engine.meter.Coverage;
import org.wattledger.engine.model.Denominator;
import org.wattledger.engine.model.Issue;
import org.wattledger.engine.model.ReportingPeriod;
import org.wattledger.engine.model.Role;
import org.wattledger.engine.model.Severity;
import org.wattledger.engine.model.Site;
import org.wattledger.engine.model.SourceRef;
import org.wattledger.engine.units.Exact;
import org.wattledger.engine.units.Measures;

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

    private DateRange periodDays() {
        return new DateRange(period.from(), period.to());
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

    /** Scope 1 by gas for the organisation in its report unit, t of each gas (not CO2e). */
    public Map<String, BigDecimal> scope1ByGasReported() {
        return reportedGases(gases(lines));
    }

    /** kg of each gas as reported: t, through {@link Metric.Canonical#KG_OF_GAS}. */
    static Map<String, BigDecimal> reportedGases(Map<String, BigDecimal> kgByGas) {
        Map<String, BigDecimal> out = new TreeMap<>();
        kgByGas.forEach((gas, kg) -> out.put(gas, Metric.Canonical.KG_OF_GAS.present(kg)));
        return out;
    }

    /** The organisation's figures per month, each summed from that month's lines. */
    public SortedMap<YearMonth, Figures> months() {
        return byMonth(lines);
    }

    /** Where energy comes from: a carrier bought or burnt, or (carrier null) the sites' own on-site renewable generation. */
    public record EnergySource(Carrier carrier) {
        public static final EnergySource ONSITE_RENEWABLE = new EnergySource(null);

        static EnergySource of(Line l) {
            return l.role == Role.ONSITE_RENEWABLE ? ONSITE_RENEWABLE : new EnergySource(l.carrier);
        }

        public boolean isOnsiteRenewable() {
            return carrier == null;
        }
    }

    /** {@link Metric#ENERGY} per source and month, in its report unit (MWh, on the energy basis). */
    public Map<EnergySource, SortedMap<YearMonth, BigDecimal>> energyBySource() {
        Map<EnergySource, SortedMap<YearMonth, BigDecimal>> mj = new java.util.LinkedHashMap<>();
        for (Line l : lines) {
            l.figures.get(Metric.ENERGY).ifPresent(e -> mj.computeIfAbsent(EnergySource.of(l), k -> new TreeMap<>())
                    .merge(l.month(), e, BigDecimal::add));
        }
        Map<EnergySource, SortedMap<YearMonth, BigDecimal>> out = new java.util.LinkedHashMap<>();
        mj.forEach((source, months) -> {
            SortedMap<YearMonth, BigDecimal> mwh = new TreeMap<>();
            months.forEach((m, e) -> mwh.put(m, Metric.ENERGY.present(e)));
            out.put(source, mwh);
        });
        return out;
    }

    /**
     * Scope 1 by source category and gas for the period (GHG Protocol, HKEX A1.1). Its cells add
     * up exactly to {@link Metric#SCOPE1} of {@link #totals()}; anything else is a defect, refused loudly.
     */
    public Scope1Breakdown scope1Breakdown() {
        Scope1Breakdown b = Scope1Breakdown.of(lines);
        BigDecimal scope1 = totals().getOrZero(Metric.SCOPE1);
        if (b.totalCo2eKg().compareTo(scope1) != 0) {
            throw new IllegalStateException("Scope 1 by gas adds up to " + b.totalCo2eKg() + " kg CO2e, not the total "
                    + scope1);
        }
        return b;
    }

    /**
     * Energy consumed of one source in one input unit (HKEX A2.1 "by type"): the summed quantity as
     * the readings gave it, and its energy on the report's basis. Direct: fuels burnt on site and
     * own renewable generation; indirect: purchased electricity, heat, steam, cooling.
     *
     * @param energyMj null when the energy of some of these readings could not be determined
     *     (the report's issues say why); never a partial sum
     */
    public record EnergyUse(EnergySource source, boolean direct, String unit, BigDecimal quantity, BigDecimal energyMj) {
        /** {@link #energyMj} in MWh, or null. */
        public BigDecimal energyMwh() {
            return energyMj == null ? null : Metric.ENERGY.present(energyMj);
        }
    }

    /** {@link EnergyUse} per source and unit: direct first, then by carrier and unit. */
    public List<EnergyUse> energyByType() {
        record Key(EnergySource source, String unit) {
        }
        Map<Key, BigDecimal[]> sums = new java.util.LinkedHashMap<>();
        for (Line l : lines) {
            boolean consumed = l.role == Role.MAIN || l.role == Role.ONSITE_RENEWABLE;
            if (!consumed || !(l.carrier.isFuel() || l.carrier.isPurchasedEnergy())) {
                continue;
            }
            BigDecimal[] s = sums.computeIfAbsent(new Key(EnergySource.of(l), l.unit.symbol()),
                    k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            s[0] = s[0].add(l.quantity);
            BigDecimal mj = l.figures.get(Metric.ENERGY).orElse(null);
            s[1] = s[1] == null || mj == null ? null : s[1].add(mj);
        }
        List<EnergyUse> out = new ArrayList<>();
        sums.forEach((k, s) -> out.add(new EnergyUse(k.source(),
                k.source().isOnsiteRenewable() || k.source().carrier().isFuel(), k.unit(), s[0], s[1])));
        out.sort(java.util.Comparator.comparing((EnergyUse e) -> !e.direct())
                .thenComparing(e -> e.source().isOnsiteRenewable() ? "~" : e.source().carrier().id())
                .thenComparing(EnergyUse::unit));
        return out;
    }

    /** Figures per month, each the {@link #sum} of that month's lines. */
    private static SortedMap<YearMonth, Figures> byMonth(List<Line> lines) {
        Map<YearMonth, List<Line>> byMonth = new TreeMap<>();
        for (Line l : lines) {
            byMonth.computeIfAbsent(l.month(), m -> new ArrayList<>()).add(l);
        }
        SortedMap<YearMonth, Figures> out = new TreeMap<>();
        byMonth.forEach((m, ls) -> out.put(m, sum(ls)));
        return out;
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
            SortedMap<YearMonth, Figures> months = byMonth(siteLines);
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
                calculation.inventory().denominators(), boundary, periodDays());
        denominators.forEach((name, d) -> {
            if (!d.usable() || d.value().signum() == 0) {
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
        perItEnergy(f, boundary).ifPresent(out::add);
        return out;
    }

    /** A data centre's Scope 1 + 2 (location-based) per MWh of IT energy, t CO2e/MWh. */
    private java.util.Optional<Intensity> perItEnergy(Figures f, String site) {
        Site s = calculation.sites().get(site);
        if (s == null || !s.isDataCentre() || !(f.has(Metric.SCOPE1) || f.has(Metric.SCOPE2_LOCATION))) {
            return java.util.Optional.empty();
        }
        return f.reported(Metric.IT_ENERGY).filter(it -> it.signum() > 0).map(it -> new Intensity(
                "scope1_2_per_it_energy", Exact.divide(Metric.SCOPE1.present(f.getOrZero(Metric.SCOPE1)
                        .add(f.getOrZero(Metric.SCOPE2_LOCATION))), it), "t CO2e/MWh"));
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
    public synchronized List<Issue> issues() {
        if (issues == null) { // asked by every writer and by complete(): worked out once
            issues = List.copyOf(findIssues());
        }
        return issues;
    }

    private List<Issue> issues;

    private List<Issue> findIssues() {
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
        out.addAll(DataCentreRoles.missingRoles(calculation.sites(), lines));
        out.addAll(DataCentreDetails.issues(this));
        out.addAll(ContractSettlement.issues(this));
        out.addAll(new TargetTracker(this).issues(calculation.inventory().targets()));
        out.addAll(denominatorIssues());
        out.addAll(coverageIssues());
        anomalies().forEach(a -> out.add(a.issue()));
        recalculation().filter(Recalculation::triggered).ifPresent(r -> out.add(Issue.general(Severity.INFO,
                "base year " + r.baseYear() + " restated: the changes since add up to " + r.cumulative().toPlainString()
                        + " t CO2e, at least the threshold of " + r.threshold().movePointRight(2).stripTrailingZeros()
                        .toPlainString() + " % of its " + r.baseEmissions().toPlainString() + " t CO2e")));
        List<Issue> distinct = new ArrayList<>(new java.util.LinkedHashSet<>(out));
        distinct.sort(Issue.ORDER);
        return distinct;
    }

    /** Why a denominator gives no intensity for the period, once per boundary and name. */
    private List<Issue> denominatorIssues() {
        Set<String> boundaries = new TreeSet<>();
        calculation.inventory().denominators().forEach(d -> boundaries.add(d.boundary()));
        List<Issue> out = new ArrayList<>();
        for (String b : boundaries) {
            Denominators.forPeriod(calculation.inventory().denominators(), b, periodDays()).values().stream()
                    .filter(v -> !v.usable())
                    .forEach(v -> out.add(Issue.at(Severity.WARNING, v.source(), v.problem()
                            + (b.equals("*") ? "" : " (boundary " + b + ")") + "; no intensity is computed from it")));
        }
        return out;
    }

    private List<Anomalies.Anomaly> anomalies;

    /** Months of the period far from their meter's usual (docs/methodology.md, "Anomalies"). */
    public synchronized List<Anomalies.Anomaly> anomalies() {
        if (anomalies == null) {
            anomalies = Anomalies.find(calculation.lines(), period);
        }
        return anomalies;
    }

    /** The calendar years side by side, when the comparison spans two or more (see {@link YearComparison}). */
    public synchronized List<YearResult> years() {
        if (years == null) { // asked by each writer of a run: computed once
            years = new YearComparison(this).years();
        }
        return years;
    }

    private List<YearResult> years;
    private List<Decomposition> decomposition;
    private java.util.Optional<Recalculation> recalculation;

    /** The LMDI decomposition of each compared year's change in Scope 1 + 2 (location-based). */
    public synchronized List<Decomposition> decomposition() {
        if (decomposition == null) {
            decomposition = new YearComparison(this).decomposition();
        }
        return decomposition;
    }

    /** The base-year recalculation, when the input has a changes table. */
    public synchronized java.util.Optional<Recalculation> recalculation() {
        if (recalculation == null) {
            recalculation = new YearComparison(this).recalculation();
        }
        return recalculation;
    }

    /**
     * A view of these results that a caller works out once and then shares, such as the reports'
     * model that every output of a run is written from: made by {@code make} when first asked
     * (another thread asking meanwhile waits for it), the same object after that.
     */
    public synchronized <T> T view(Class<T> type, java.util.function.Function<Results, T> make) {
        Object view = views.get(type);
        if (view == null) {
            view = make.apply(this);
            views.put(type, view);
        }
        return type.cast(view);
    }

    private final Map<Class<?>, Object> views = new java.util.HashMap<>();

    /** Each meter's coverage of the period, by site, meter and carrier. Reports may ask from several threads. */
    public synchronized List<Coverage> coverage() {
        if (coverage == null) { // computed when first asked: a run that wants only totals does not pay for it
            coverage = calculation.coverageSpans() != null
                    ? Coverage.of(calculation.coverageSpans(), calculation.sites(), period)
                    : Coverage.of(calculation.inventory().readings(), calculation.sites(), period);
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
        return explain(site, metric, lines.stream().filter(l -> site.equals("*") || site.equals(l.site)).toList());
    }

    /**
     * {@link #explain(String, Metric)} from the site's lines, already picked out (the lines of
     * {@link #lines()} whose site it is): a report explaining every figure of every site groups
     * the lines once instead of passing over all of them for each figure.
     */
    public static Explanation explain(String site, Metric metric, List<Line> siteLines) {
        List<Explanation.Part> parts = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (Line l : siteLines) {
            Optional<BigDecimal> v = l.figures.get(metric);
            if (v.isEmpty()) {
                continue;
            }
            total = total.add(v.get());
            parts.add(new Explanation.Part(l.label(), metric.present(v.get()), l.quantity, l.unit.symbol(),
                    l.lineage.formulas().getOrDefault(metric.key(), ""), l.lineage.rows().toString(),
                    l.lineage.factors(), List.copyOf(l.lineage.conversions()), List.copyOf(l.lineage.prorations()),
                    List.copyOf(l.lineage.derivations())));
        }
        return new Explanation(site, metric, metric.present(total), metric.reportUnit(), parts);
    }

    /** Denominator values for a period, per name. */
    static final class Denominators {
        /** A name's value for the period, in its unit; or, when the rows cannot give one, why not. */
        record Value(BigDecimal value, String unit, String problem, SourceRef source) {
            boolean usable() {
                return problem == null;
            }
        }

        /**
         * Time-weighted average of the rows covering the period (headcount, floor area); revenue is
         * a flow, so its rows are prorated by days and summed. Rows hold half-open [from, to)
         * periods. The rows of a name must cover every day of the period once, in one unit:
         * otherwise the value carries the problem and no intensity is computed from it.
         */
        static Map<String, Value> forPeriod(List<Denominator> rows, String boundary, DateRange period) {
            // Every name given for the boundary, also when none of its rows reaches the period: a
            // headcount given for 2023 only must say why a 2024 report has no per-headcount figure.
            Map<String, List<Denominator>> byName = new TreeMap<>();
            for (Denominator d : rows) {
                if (d.boundary().equals(boundary)) {
                    byName.computeIfAbsent(d.name(), n -> new ArrayList<>()).add(d);
                }
            }
            Map<String, Value> out = new TreeMap<>();
            byName.forEach((name, named) -> out.put(name, value(name, named, period)));
            return out;
        }

        private static Value value(String name, List<Denominator> rows, DateRange period) {
            List<Denominator> sorted = rows.stream().filter(d -> d.period().overlaps(period))
                    .sorted(java.util.Comparator.comparing((Denominator d) -> d.period().from())).toList();
            if (sorted.isEmpty()) {
                return problem(name, "its rows cover 0 of the " + period.days() + " days of " + period,
                        rows.get(rows.size() - 1).source());
            }
            SourceRef first = sorted.get(0).source();
            String unit = sorted.get(0).value().unit();
            BigDecimal sum = BigDecimal.ZERO;
            long covered = 0;
            LocalDate previousEnd = null;
            for (Denominator d : sorted) {
                if (!d.value().unit().equals(unit)) {
                    return problem(name, "its rows are in different units (" + unit + ", " + d.value().unit()
                            + ")", d.source());
                }
                if (previousEnd != null && d.period().from().isBefore(previousEnd)) {
                    return problem(name, "its rows overlap (" + d.period() + " and the row before)", d.source());
                }
                previousEnd = d.period().to();
                long overlap = d.period().intersection(period).days();
                covered += overlap;
                BigDecimal days = BigDecimal.valueOf(overlap);
                sum = sum.add(isFlow(name)
                        ? Exact.divide(d.value().value().multiply(days), BigDecimal.valueOf(d.period().days()))
                        : d.value().value().multiply(days));
            }
            if (covered < period.days()) {
                return problem(name, "its rows cover " + covered + " of the " + period.days() + " days of "
                        + period, first);
            }
            BigDecimal value = isFlow(name) ? Exact.strip(sum) : Exact.divide(sum, BigDecimal.valueOf(covered));
            return new Value(value, unit, null, first);
        }

        private static Value problem(String name, String why, SourceRef source) {
            return new Value(null, null, "denominator " + name + ": " + why, source);
        }

        /** Revenue under any of its names (营业收入, turnover …) is a flow; the same list decides its unit. */
        private static boolean isFlow(String name) {
            return Measures.DenominatorKind.of(name).orElse(null) == Measures.DenominatorKind.CURRENCY;
        }
    }
}
