package org.wattledger.reports;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.wattledger.engine.calc.DataCentreMetrics;
import org.wattledger.engine.calc.Figures;
import org.wattledger.engine.calc.Metric;
import org.wattledger.engine.calc.Results;
import org.wattledger.engine.calc.SiteResult;
import org.wattledger.engine.calc.TargetResult;
import org.wattledger.engine.model.Carrier;

/**
 * The data behind the charts, as JFreeChart datasets ({@code org.jfree.data}), kept apart from
 * their rendering in {@link Charts}. Every month of the period is a column, in order, so a month
 * without data is a gap rather than a missing category; series are in a fixed order (sites by
 * id, carriers in their declared order). Values are in report units.
 */
final class ChartData {
    private ChartData() {
    }

    static String monthKey(YearMonth m) {
        return m.toString();
    }

    /** Scope 1 and Scope 2 location-based per month (t CO2e), to stack. */
    static DefaultCategoryDataset emissionsStacked(ReportModel m, Labels l) {
        SortedMap<YearMonth, Figures> months = m.organisationMonths();
        DefaultCategoryDataset d = new DefaultCategoryDataset();
        if (months.isEmpty()) {
            return d;
        }
        for (YearMonth month : m.months()) {
            Figures f = months.get(month);
            d.addValue(value(f, Metric.SCOPE1), l.get("chart.scope1"), monthKey(month));
            d.addValue(value(f, Metric.SCOPE2_LOCATION), l.get("chart.scope2Location"), monthKey(month));
        }
        return d;
    }

    /** Scope 2 market-based per month (t CO2e), drawn as a line over the bars. */
    static DefaultCategoryDataset scope2Market(ReportModel m, Labels l) {
        SortedMap<YearMonth, Figures> months = m.organisationMonths();
        DefaultCategoryDataset d = new DefaultCategoryDataset();
        if (months.values().stream().noneMatch(f -> f.has(Metric.SCOPE2_MARKET))) {
            return d;
        }
        for (YearMonth month : m.months()) {
            d.addValue(value(months.get(month), Metric.SCOPE2_MARKET), l.get("chart.scope2Market"), monthKey(month));
        }
        return d;
    }

    /** PUE per data centre per month: one row per data centre. */
    static DefaultCategoryDataset pue(ReportModel m) {
        return perDataCentre(m, dc -> Optional.ofNullable(dc.pue()));
    }

    /** WUE (L/kWh) per data centre per month; data centres without water readings are left out. */
    static DefaultCategoryDataset wue(ReportModel m) {
        return perDataCentre(m, dc -> Optional.ofNullable(dc.wue()));
    }

    private static DefaultCategoryDataset perDataCentre(ReportModel m,
            Function<DataCentreMetrics, Optional<BigDecimal>> metric) {
        DefaultCategoryDataset d = new DefaultCategoryDataset();
        for (SiteResult s : m.dataCentres()) {
            Map<YearMonth, BigDecimal> values = new TreeMap<>();
            s.months().forEach((month, f) -> ReportModel.monthMetrics(s.site(), f).flatMap(metric)
                    .ifPresent(v -> values.put(month, v)));
            if (values.isEmpty()) {
                continue;
            }
            for (YearMonth month : m.months()) {
                BigDecimal v = values.get(month);
                d.addValue(v == null ? null : v.doubleValue(), s.site().id(), monthKey(month));
            }
        }
        return d;
    }

    /**
     * Energy (MWh, on the report's energy basis) per carrier per month; on-site renewables apart.
     * Series are named in the reader's language; {@code seriesIds} receives each row's English
     * name (colours are chosen by it).
     */
    static DefaultCategoryDataset energyByCarrier(ReportModel m, Labels l, List<String> seriesIds) {
        Map<String, Map<YearMonth, BigDecimal>> bySeries = new TreeMap<>(ChartData::compareSeries);
        m.results.energyBySource().forEach((source, months) -> bySeries.put(seriesName(source), months));
        DefaultCategoryDataset d = new DefaultCategoryDataset();
        bySeries.forEach((series, months) -> {
            seriesIds.add(series);
            String name = l.get("chart.series." + series.replace(' ', '_').replace('-', '_'));
            for (YearMonth month : m.months()) {
                BigDecimal v = months.get(month);
                d.addValue(v == null ? null : v.doubleValue(), name, monthKey(month));
            }
        });
        return d;
    }

    private static String seriesName(Results.EnergySource source) {
        return source.isOnsiteRenewable() ? "on-site renewable" : source.carrier().id().replace('_', ' ');
    }

    /** Carriers in their declared order (electricity first), on-site renewable last. */
    private static int compareSeries(String a, String b) {
        return Integer.compare(rank(a), rank(b)) != 0 ? Integer.compare(rank(a), rank(b)) : a.compareTo(b);
    }

    private static int rank(String series) {
        for (Carrier c : Carrier.values()) {
            if (c.id().replace('_', ' ').equals(series)) {
                return c.ordinal();
            }
        }
        return Carrier.values().length;
    }

    /** One target's path and actual values per year. */
    record TargetSeries(TargetResult target, XYSeriesCollection data) {
    }

    static List<TargetSeries> targets(ReportModel m, Labels l) {
        List<TargetSeries> out = new ArrayList<>();
        for (TargetResult t : m.targets) {
            XYSeries path = new XYSeries(l.get("chart.path"), true, false);
            XYSeries actual = new XYSeries(l.get("chart.actual"), true, false);
            for (TargetResult.Point p : t.trajectory()) {
                if (p.path() != null) {
                    path.add(p.year(), p.path().doubleValue());
                }
                if (p.actual() != null) {
                    actual.add(p.year(), p.actual().doubleValue());
                }
            }
            XYSeriesCollection data = new XYSeriesCollection();
            data.addSeries(path);
            data.addSeries(actual);
            out.add(new TargetSeries(t, data));
        }
        return out;
    }

    private static Double value(Figures f, Metric metric) {
        return f == null ? null : f.reported(metric).map(BigDecimal::doubleValue).orElse(null);
    }
}
