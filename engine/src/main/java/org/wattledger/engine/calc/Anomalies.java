package org.wattledger.engine.calc;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.wattledger.engine.model.Issue;
import org.wattledger.engine.model.ReportingPeriod;
import org.wattledger.engine.model.Severity;
import org.wattledger.engine.model.SourceRef;
import org.wattledger.engine.units.Exact;

/**
 * Months far from their meter's usual (docs/methodology.md, "Anomalies"). A meter's month x is
 * far from a set of reference months when {@code |x − median| > 5 × 1.4826 × MAD} and also
 * {@code |x − median| > 0.5 × |median|} (median and median absolute deviation of the reference
 * months). It is an anomaly when it is far from the meter's other months (every month the input
 * holds, in any year; at least {@link #MIN_OTHER_MONTHS}) and, when other years have the same
 * calendar month, also far from those: a heating meter's January or a generator's yearly
 * load-bank test month is compared with the same month of other years, so seasons do not fire.
 * 1.4826 × MAD estimates the standard deviation of normal data; 5 of them is far outside a
 * season's swing. The 50 % condition keeps a steady meter (MAD near 0) from flagging a month a few
 * per cent off. Months are the meter's summed quantities in the unit its readings give; a month
 * without readings is absent, not 0. Exact decimals.
 */
public final class Anomalies {
    /** How many robust standard deviations from the median a month must be. */
    public static final BigDecimal DEVIATIONS = new BigDecimal(5);
    /** MAD × 1.4826 estimates the standard deviation of normally distributed data. */
    public static final BigDecimal MAD_TO_SIGMA = new BigDecimal("1.4826");
    /** A month must also differ from the median by more than this share of it. */
    public static final BigDecimal MIN_RELATIVE_DEVIATION = new BigDecimal("0.5");
    /** Fewer other months than this give no usual to compare with. */
    public static final int MIN_OTHER_MONTHS = 6;

    private Anomalies() {
    }

    /** One meter-month far from the meter's usual. */
    public record Anomaly(String site, String meter, String carrier, YearMonth month, BigDecimal value,
            String unit, BigDecimal median, BigDecimal mad, int otherMonths, BigDecimal sameMonthMedian,
            int sameMonthYears, SourceRef source) {
        /** The warning that names meter and month, with code {@link Issue#ANOMALY}. */
        public Issue issue() {
            String text = "meter " + site + "/" + meter + " (" + carrier + "), " + month + ": " + plain(value) + " "
                    + unit + " is far from the meter's usual month (median " + plain(median) + " " + unit
                    + ", MAD " + plain(mad) + " " + unit + " over " + otherMonths + " other months"
                    + (sameMonthYears == 0 ? "" : "; the same month of " + sameMonthYears + " other year"
                            + (sameMonthYears == 1 ? "" : "s") + ": median " + plain(sameMonthMedian) + " " + unit)
                    + "); check the reading";
            Issue i = source == null ? Issue.general(Severity.WARNING, text) : Issue.at(Severity.WARNING, source, text);
            return i.withCode(Issue.ANOMALY);
        }

        private static String plain(BigDecimal v) {
            return v.setScale(Math.min(Math.max(v.scale(), 0), 3), RoundingMode.HALF_UP).toPlainString();
        }
    }

    /**
     * One meter's quantity in one month: the sum of its lines of that month, in the unit its
     * readings give (a month without readings has no entry). The series the anomaly rule reads.
     */
    public record MeterMonth(String site, String meter, String carrier, String gas, String unit, YearMonth month,
            BigDecimal quantity, SourceRef source) {
        /** Site, meter, carrier, gas and unit: one series. */
        String seriesKey() {
            return site + "\u0000" + meter + "\u0000" + carrier + "\u0000" + (gas == null ? "" : gas) + "\u0000" + unit;
        }
    }

    /** Every meter's months, from the given lines (sorted by site, meter, carrier, gas, unit, month). */
    public static List<MeterMonth> meterMonths(List<Line> allLines) {
        Map<String, SortedMap<YearMonth, BigDecimal>> series = new TreeMap<>();
        Map<String, Line> firstLine = new TreeMap<>();
        Map<String, SourceRef> sources = new TreeMap<>();
        for (Line l : allLines) {
            String key = l.site + "\u0000" + l.meter + "\u0000" + l.carrier.id() + "\u0000"
                    + (l.gas == null ? "" : l.gas) + "\u0000" + l.unit.symbol();
            series.computeIfAbsent(key, k -> new TreeMap<>()).merge(l.month(), l.quantity, BigDecimal::add);
            firstLine.putIfAbsent(key, l);
            sources.putIfAbsent(key + "\u0000" + l.month(), l.firstSource);
        }
        List<MeterMonth> out = new ArrayList<>();
        series.forEach((key, months) -> {
            Line l = firstLine.get(key);
            months.forEach((m, q) -> out.add(new MeterMonth(l.site, l.meter, l.carrier.id(), l.gas, l.unit.symbol(), m,
                    Exact.strip(q), sources.get(key + "\u0000" + m))));
        });
        return out;
    }

    /** The anomalies among the period's months, from every line the calculation holds (sorted by site, meter, month). */
    static List<Anomaly> find(List<Line> allLines, ReportingPeriod period) {
        Map<String, SortedMap<YearMonth, BigDecimal>> series = new TreeMap<>();
        Map<String, MeterMonth> firstMonth = new TreeMap<>();
        Map<String, SourceRef> sources = new TreeMap<>();
        for (MeterMonth mm : meterMonths(allLines)) {
            String key = mm.seriesKey();
            series.computeIfAbsent(key, k -> new TreeMap<>()).put(mm.month(), mm.quantity());
            firstMonth.putIfAbsent(key, mm);
            sources.put(key + "\u0000" + mm.month(), mm.source());
        }
        YearMonth first = YearMonth.from(period.from());
        YearMonth last = YearMonth.from(period.to().minusDays(1));
        List<Anomaly> out = new ArrayList<>();
        series.forEach((key, months) -> {
            if (months.size() - 1 < MIN_OTHER_MONTHS) {
                return;
            }
            MeterMonth l = firstMonth.get(key);
            for (Map.Entry<YearMonth, BigDecimal> e : months.entrySet()) {
                if (e.getKey().isBefore(first) || e.getKey().isAfter(last)) {
                    continue;
                }
                List<BigDecimal> others = new ArrayList<>();
                months.forEach((m, v) -> {
                    if (!m.equals(e.getKey())) {
                        others.add(v);
                    }
                });
                BigDecimal median = median(others);
                BigDecimal mad = mad(others, median);
                if (!isAnomaly(e.getValue(), median, mad)) {
                    continue;
                }
                List<BigDecimal> sameMonth = new ArrayList<>();
                months.forEach((m, v) -> {
                    if (m.getMonth() == e.getKey().getMonth() && m.getYear() != e.getKey().getYear()) {
                        sameMonth.add(v);
                    }
                });
                BigDecimal sameMedian = sameMonth.isEmpty() ? null : median(sameMonth);
                if (sameMedian != null && !isAnomaly(e.getValue(), sameMedian, mad(sameMonth, sameMedian))) {
                    continue; // the season: this month is like the same month of other years
                }
                out.add(new Anomaly(l.site(), l.meter(), l.carrier(), e.getKey(), Exact.strip(e.getValue()),
                        l.unit(), median, mad, others.size(), sameMedian, sameMonth.size(),
                        sources.get(key + "\u0000" + e.getKey())));
            }
        });
        return out;
    }

    /** The rule, on its own: |x − median| > 5 × 1.4826 × MAD and |x − median| > 0.5 × |median|. */
    public static boolean isAnomaly(BigDecimal x, BigDecimal median, BigDecimal mad) {
        BigDecimal deviation = x.subtract(median).abs();
        return deviation.compareTo(DEVIATIONS.multiply(MAD_TO_SIGMA).multiply(mad)) > 0
                && deviation.compareTo(MIN_RELATIVE_DEVIATION.multiply(median.abs())) > 0;
    }

    /** The median absolute deviation from a median. */
    static BigDecimal mad(List<BigDecimal> values, BigDecimal median) {
        return median(values.stream().map(v -> v.subtract(median).abs()).toList());
    }

    /** The median, exact: the middle value, or the mean of the two middle ones. */
    public static BigDecimal median(List<BigDecimal> values) {
        List<BigDecimal> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        BigDecimal m = n % 2 == 1 ? sorted.get(n / 2)
                : sorted.get(n / 2 - 1).add(sorted.get(n / 2)).divide(BigDecimal.valueOf(2));
        return Exact.strip(m);
    }
}
