package org.wattledger.reports;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.wattledger.engine.calc.DataCentreMetrics;
import org.wattledger.engine.calc.Figures;
import org.wattledger.engine.calc.Intensity;
import org.wattledger.engine.calc.Line;
import org.wattledger.engine.calc.Metric;
import org.wattledger.engine.calc.Results;
import org.wattledger.engine.calc.SiteResult;
import org.wattledger.engine.calc.TargetResult;
import org.wattledger.engine.factor.Factor;
import org.wattledger.engine.meter.Coverage;
import org.wattledger.engine.model.Inventory;
import org.wattledger.engine.model.Issue;
import org.wattledger.engine.model.ReportingPeriod;
import org.wattledger.engine.model.Severity;
import org.wattledger.engine.model.Site;

/**
 * The results of one period, taken from the engine once and shared by every writer, so that the
 * JSON, CSV, HTML, xlsx and text outputs of one run show the same figures in the same order.
 */
final class ReportModel {
    /** The contract totals of the JSON report (docs/formats/report-json.md), in their key order. */
    static final List<Metric> CONTRACT_TOTALS = List.of(Metric.SCOPE1, Metric.SCOPE2_LOCATION, Metric.SCOPE2_MARKET,
            Metric.ENERGY, Metric.ENERGY_DIRECT, Metric.ENERGY_INDIRECT, Metric.ENERGY_TCE, Metric.WATER);
    /** Further totals the reports add after the contract's. */
    static final List<Metric> EXTRA_TOTALS = List.of(Metric.ELECTRICITY, Metric.IT_ENERGY, Metric.ONSITE_RENEWABLE,
            Metric.CERTIFIED_RENEWABLE, Metric.REUSE);

    final Results results;
    final ReportingPeriod period;
    final Figures totals;
    /** Scope 1 by gas, t of each gas (not CO2e). */
    final Map<String, BigDecimal> scope1ByGas;
    final List<SiteResult> sites;
    final List<Intensity> intensities;
    final List<TargetResult> targets;
    final List<Issue> issues;
    final List<Factor> factors;
    final Inventory.RowTally rows;
    final boolean complete;
    final List<Coverage> coverage;
    /** Years side by side, drivers of change, recalculation, anomalies. */
    final YearsTables years;
    /** Category, monthly and partial PUE, the table over years and the PUE contracts. */
    final DataCentreSection dataCentre;

    private ReportModel(Results results) {
        this.results = results;
        this.period = results.period();
        this.totals = results.totals();
        this.scope1ByGas = results.scope1ByGasReported();
        this.sites = results.sites();
        this.intensities = results.intensities();
        this.targets = results.targets();
        this.issues = results.issues();
        this.factors = results.factorsUsed();
        this.rows = results.calculation().inventory().rows();
        this.complete = results.complete();
        this.coverage = results.coverage();
        this.years = YearsTables.of(results);
        this.dataCentre = new DataCentreSection(results, sites);
    }

    /** Why an incomplete report is incomplete, counted: "2 errors", "1 meter with uncovered time". */
    String incompleteBecause() {
        List<String> why = new ArrayList<>();
        long errors = count(Severity.ERROR);
        if (errors > 0) {
            why.add(errors + (errors == 1 ? " error" : " errors"));
        }
        long gaps = coverage.stream().filter(c -> !c.complete()).count();
        if (gaps > 0) {
            why.add(gaps + (gaps == 1 ? " meter" : " meters") + " with uncovered time");
        }
        if (results.lines().isEmpty()) {
            why.add("no readings in the period");
        }
        return String.join(", ", why);
    }

    /** The model of these results: worked out on first use, then the same for every writer of the run. */
    static ReportModel of(Results results) {
        return results.view(ReportModel.class, ReportModel::new);
    }

    long count(Severity severity) {
        return issues.stream().filter(i -> i.severity() == severity).count();
    }

    /** Every month the period touches, in order. */
    List<YearMonth> months() {
        List<YearMonth> out = new ArrayList<>();
        YearMonth last = YearMonth.from(period.to().minusDays(1));
        for (YearMonth m = YearMonth.from(period.from()); !m.isAfter(last); m = m.plusMonths(1)) {
            out.add(m);
        }
        return out;
    }

    /** The organisation's figures per month. */
    SortedMap<YearMonth, Figures> organisationMonths() {
        return results.months();
    }

    /** Sites with data-centre metrics for the period. */
    List<SiteResult> dataCentres() {
        return sites.stream().filter(s -> s.dataCentre().isPresent()).toList();
    }

    /** A site's data-centre metrics for one month, when the site is a data centre and has IT energy then. */
    static Optional<DataCentreMetrics> monthMetrics(Site site, Figures month) {
        return site.isDataCentre() ? DataCentreMetrics.of(month) : Optional.empty();
    }

    /** One site-month with its figures and data-centre metrics. */
    record MonthRow(SiteResult site, YearMonth month, Figures figures, Optional<DataCentreMetrics> dataCentre) {
    }

    List<MonthRow> monthRows() {
        List<MonthRow> out = new ArrayList<>();
        for (SiteResult s : sites) {
            s.months().forEach((m, f) -> out.add(new MonthRow(s, m, f, monthMetrics(s.site(), f))));
        }
        return out;
    }

    /** The period's lines per site id, in the engine's line order. */
    Map<String, List<Line>> linesBySite() {
        Map<String, List<Line>> out = new TreeMap<>();
        for (Line l : results.lines()) {
            out.computeIfAbsent(l.site(), k -> new ArrayList<>()).add(l);
        }
        return out;
    }

    /** A target's boundary as written in the input: {@code *}, or site ids joined with {@code ;}. */
    static String boundary(TargetResult t) {
        return t.target().wholeOrganisation() ? "*" : String.join(";", t.target().boundary());
    }

    /** A meter's uncovered time as users write it: "2024-12-01..2024-12-31, 2025-02-01..2025-02-28"; empty when covered. */
    static String uncovered(Coverage c) {
        return String.join(", ", c.uncovered().stream().map(Coverage.Span::toString).toList());
    }
}
