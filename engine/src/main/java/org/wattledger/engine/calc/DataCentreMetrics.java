package org.wattledger.engine.calc;

import java.math.BigDecimal;
import java.util.Optional;
import org.wattledger.engine.units.Exact;

/**
 * Data-centre KPIs from a period's sums (ratios of sums, never means of monthly ratios):
 * PUE = E_DC / E_IT (ISO/IEC 30134-2:2016), WUE = site water L / E_IT kWh (ISO/IEC 30134-9),
 * CUE = kg CO2e / E_IT kWh (The Green Grid; ISO/IEC 30134-8), ERF = E_reuse / E_DC
 * (ISO/IEC 30134-6), REF = E_renewable / E_DC (ISO/IEC 30134-3). Present only where E_IT is.
 */
public record DataCentreMetrics(BigDecimal pue, BigDecimal wue, BigDecimal cueLocation, BigDecimal cueMarket,
        BigDecimal erf, BigDecimal ref) {
    private static final BigDecimal L_PER_M3_TIMES_MJ_PER_KWH = new BigDecimal("3600");
    private static final BigDecimal MJ_PER_KWH = new BigDecimal("3.6");

    /** Empty when there is no IT energy or no facility energy. */
    public static Optional<DataCentreMetrics> of(Figures f) {
        BigDecimal it = f.get(Metric.IT_ENERGY).orElse(null);
        BigDecimal dc = f.get(Metric.FACILITY_ENERGY).orElse(null);
        if (it == null || it.signum() <= 0 || dc == null) {
            return Optional.empty();
        }
        BigDecimal pue = Exact.divide(dc, it);
        BigDecimal wue = f.get(Metric.WATER).map(m3 -> Exact.divide(m3.multiply(L_PER_M3_TIMES_MJ_PER_KWH), it)).orElse(null);
        BigDecimal cueLoc = cue(f, Metric.SCOPE2_LOCATION, it);
        BigDecimal cueMkt = cue(f, Metric.SCOPE2_MARKET, it);
        BigDecimal erf = f.get(Metric.REUSE).map(r -> Exact.divide(r, dc)).orElse(null);
        BigDecimal renewable = f.getOrZero(Metric.ONSITE_RENEWABLE).add(f.getOrZero(Metric.CERTIFIED_RENEWABLE));
        BigDecimal ref = Exact.divide(renewable, dc);
        return Optional.of(new DataCentreMetrics(pue, wue, cueLoc, cueMkt, erf, ref));
    }

    private static BigDecimal cue(Figures f, Metric scope2, BigDecimal itMj) {
        if (!f.has(Metric.SCOPE1) && !f.has(scope2)) {
            return null;
        }
        BigDecimal kg = f.getOrZero(Metric.SCOPE1).add(f.getOrZero(scope2));
        return Exact.divide(kg.multiply(MJ_PER_KWH), itMj);
    }
}
