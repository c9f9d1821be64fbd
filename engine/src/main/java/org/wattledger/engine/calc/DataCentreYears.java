package org.wattledger.engine.calc;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The data-centre table over years, as operators disclose it: for each data centre and calendar
 * year of the period, PUE, WUE, energy, IT energy and renewable share (REF), each the ratio or sum
 * of that year's figures (a year's PUE is never an average of monthly PUEs).
 */
public final class DataCentreYears {
    private DataCentreYears() {
    }

    /**
     * One site and year; a value is null when the year lacks its inputs.
     *
     * @param energyMwh energy consumed, MWh on the report's energy basis
     * @param itEnergyMwh IT energy, MWh
     */
    public record Row(String site, int year, BigDecimal pue, BigDecimal wue, BigDecimal energyMwh,
            BigDecimal itEnergyMwh, BigDecimal renewableShare) {
    }

    /** Rows by site, then year, for the data centres of the period. */
    public static List<Row> of(Results results) {
        List<Row> out = new ArrayList<>();
        for (SiteResult s : results.sites()) {
            if (!s.site().isDataCentre()) {
                continue;
            }
            Map<Integer, Figures> years = new TreeMap<>();
            s.months().forEach((m, f) -> years.computeIfAbsent(m.getYear(), y -> new Figures()).addAll(f));
            years.forEach((year, f) -> {
                DataCentreMetrics dc = DataCentreMetrics.of(f).orElse(null);
                out.add(new Row(s.site().id(), year, dc == null ? null : dc.pue(), dc == null ? null : dc.wue(),
                        f.reported(Metric.ENERGY).orElse(null), f.reported(Metric.IT_ENERGY).orElse(null),
                        dc == null ? null : dc.ref()));
            });
        }
        return out;
    }
}
