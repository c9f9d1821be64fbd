package org.wattledger.reports;

import java.math.BigDecimal;
import java.util.Optional;
import org.wattledger.engine.calc.Anomalies;
import org.wattledger.engine.calc.Decomposition;
import org.wattledger.engine.calc.Intensity;
import org.wattledger.engine.calc.Metric;
import org.wattledger.engine.calc.Results;
import org.wattledger.engine.calc.YearResult;
import org.wattledger.engine.units.Exact;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The multi-year analysis of a run as Tablesaw tables, for Java users who want to filter, group and
 * chart it (docs/methodology.md, "For Java users: Tablesaw tables"). Every figure is the engine's:
 * nothing here sums. Each figure comes twice: a double column (named after the figure) for analysis,
 * and a string column ({@code exact}, or the figure's name + {@code Exact}) holding the engine's
 * exact decimal in plain notation, which is the figure the reports print. A figure that does not
 * apply is missing (empty string, missing double), never 0.
 */
public final class AnalysisTables {
    private AnalysisTables() {
    }

    /**
     * One row per compared year and metric (the years table's metrics, then the year's
     * intensities): year, from, to (inclusive), complete (the year's own report would be), metric,
     * unit, value/exact, change/changeExact and relativeChange/relativeChangeExact (from the year
     * before, in the metric's unit; relative missing when the year before was 0). Empty when the
     * comparison spans fewer than two years.
     */
    public static Table years(Results results) {
        IntColumn year = IntColumn.create("year");
        StringColumn from = StringColumn.create("from");
        StringColumn to = StringColumn.create("to");
        BooleanColumn complete = BooleanColumn.create("complete");
        StringColumn metric = StringColumn.create("metric");
        StringColumn unit = StringColumn.create("unit");
        Figure value = new Figure("value", "exact");
        Figure change = new Figure("change", "changeExact");
        Figure relative = new Figure("relativeChange", "relativeChangeExact");
        for (YearResult y : results.years()) {
            Runnable head = () -> {
                year.append(y.year());
                from.append(y.period().from().toString());
                to.append(y.period().to().minusDays(1).toString());
                complete.append(y.complete());
            };
            for (Metric m : YearsTables.METRICS) {
                Optional<BigDecimal> v = y.totals().reported(m);
                if (v.isEmpty()) {
                    continue;
                }
                head.run();
                metric.append(m.key());
                unit.append(m.reportUnit());
                value.append(v.get());
                YearResult.Change c = y.change().get(m);
                change.append(c == null ? null : c.value());
                relative.append(c == null ? null : c.relative());
            }
            for (Intensity i : y.intensities()) {
                head.run();
                metric.append(i.name());
                unit.append(i.unit());
                value.append(i.value());
                change.append(null);
                relative.append(null);
            }
        }
        Table t = Table.create("years", year, from, to, complete, metric, unit);
        value.addTo(t);
        change.addTo(t);
        relative.addTo(t);
        return t;
    }

    /**
     * The meter-month series the anomaly rule reads (docs/methodology.md, "Anomalies"): one row per
     * meter and month with readings, over every month the input holds (not only the period's):
     * site, meter, carrier, gas, month (yyyy-MM), quantity/exact and unit (the unit the meter's
     * readings give; a meter read in two units is two series).
     */
    public static Table meterMonths(Results results) {
        StringColumn site = StringColumn.create("site");
        StringColumn meter = StringColumn.create("meter");
        StringColumn carrier = StringColumn.create("carrier");
        StringColumn gas = StringColumn.create("gas");
        StringColumn month = StringColumn.create("month");
        Figure quantity = new Figure("quantity", "exact");
        StringColumn unit = StringColumn.create("unit");
        for (Anomalies.MeterMonth m : Anomalies.meterMonths(results.calculation().lines())) {
            site.append(m.site());
            meter.append(m.meter());
            carrier.append(m.carrier());
            gas.append(m.gas() == null ? "" : m.gas());
            month.append(m.month().toString());
            quantity.append(m.quantity());
            unit.append(m.unit());
        }
        Table t = Table.create("meterMonths", site, meter, carrier, gas, month);
        quantity.addTo(t);
        t.addColumns(unit);
        return t;
    }

    /**
     * The LMDI-I decomposition of each year's change in Scope 1 + 2 (location-based), t CO2e: per
     * year pair a {@code change} row, one row per effect and a {@code residual} row (change − Σ
     * effects). Columns from, to, activity, activityUnit, driver, unit, value, exact and note (why a
     * pair could not be decomposed). exact is filled where the figure is exact decimal arithmetic on
     * the engine's sums (the change and the nonEnergy effect); the other effects come from
     * logarithms in double precision and have value only.
     */
    public static Table decomposition(Results results) {
        IntColumn from = IntColumn.create("from");
        IntColumn to = IntColumn.create("to");
        StringColumn activity = StringColumn.create("activity");
        StringColumn activityUnit = StringColumn.create("activityUnit");
        StringColumn driver = StringColumn.create("driver");
        StringColumn unit = StringColumn.create("unit");
        DoubleColumn value = DoubleColumn.create("value");
        StringColumn exact = StringColumn.create("exact");
        StringColumn note = StringColumn.create("note");
        for (Decomposition d : results.decomposition()) {
            class Rows {
                void add(String name, BigDecimal v, boolean isExact, String why) {
                    from.append(d.fromYear());
                    to.append(d.toYear());
                    activity.append(d.activity());
                    activityUnit.append(d.activityUnit());
                    driver.append(name);
                    unit.append(Metric.SCOPE1.reportUnit());
                    value.append(v.doubleValue());
                    exact.append(isExact ? plain(v) : "");
                    note.append(why == null ? "" : why);
                }
            }
            Rows rows = new Rows();
            rows.add("change", d.change(), true, d.unavailable());
            for (Decomposition.Effect e : d.effects()) {
                rows.add(e.driver(), e.value(), e.driver().equals(Decomposition.NON_ENERGY), null);
            }
            if (d.residual() != null) {
                rows.add("residual", d.residual(), false, null);
            }
        }
        return Table.create("decomposition", from, to, activity, activityUnit, driver, unit, value, exact, note);
    }

    /**
     * The period's anomalies (docs/methodology.md, "Anomalies"): site, meter, carrier, month,
     * value/exact, unit, median/medianExact and mad/madExact over otherMonths, sameMonthMedian/
     * sameMonthMedianExact over sameMonthYears (missing when no other year has that month) and
     * source (where the month's first reading is).
     */
    public static Table anomalies(Results results) {
        StringColumn site = StringColumn.create("site");
        StringColumn meter = StringColumn.create("meter");
        StringColumn carrier = StringColumn.create("carrier");
        StringColumn month = StringColumn.create("month");
        Figure value = new Figure("value", "exact");
        StringColumn unit = StringColumn.create("unit");
        Figure median = new Figure("median", "medianExact");
        Figure mad = new Figure("mad", "madExact");
        IntColumn otherMonths = IntColumn.create("otherMonths");
        Figure sameMonthMedian = new Figure("sameMonthMedian", "sameMonthMedianExact");
        IntColumn sameMonthYears = IntColumn.create("sameMonthYears");
        StringColumn source = StringColumn.create("source");
        for (Anomalies.Anomaly a : results.anomalies()) {
            site.append(a.site());
            meter.append(a.meter());
            carrier.append(a.carrier());
            month.append(a.month().toString());
            value.append(a.value());
            unit.append(a.unit());
            median.append(a.median());
            mad.append(a.mad());
            otherMonths.append(a.otherMonths());
            sameMonthMedian.append(a.sameMonthMedian());
            sameMonthYears.append(a.sameMonthYears());
            source.append(a.source() == null ? "" : a.source().toString());
        }
        Table t = Table.create("anomalies", site, meter, carrier, month);
        value.addTo(t);
        t.addColumns(unit);
        median.addTo(t);
        mad.addTo(t);
        t.addColumns(otherMonths);
        sameMonthMedian.addTo(t);
        t.addColumns(sameMonthYears, source);
        return t;
    }

    /** A figure's two columns: the double for analysis and the exact decimal as plain text; null is missing in both. */
    private static final class Figure {
        private final DoubleColumn approximate;
        private final StringColumn exact;

        Figure(String name, String exactName) {
            approximate = DoubleColumn.create(name);
            exact = StringColumn.create(exactName);
        }

        void append(BigDecimal v) {
            if (v == null) {
                approximate.appendMissing();
                exact.appendMissing();
            } else {
                approximate.append(v.doubleValue());
                exact.append(plain(v));
            }
        }

        void addTo(Table t) {
            t.addColumns(approximate, exact);
        }
    }

    private static String plain(BigDecimal v) {
        return Exact.strip(v).toPlainString();
    }
}
