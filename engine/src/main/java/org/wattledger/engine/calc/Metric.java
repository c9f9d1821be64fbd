package org.wattledger.engine.calc;

import java.math.BigDecimal;
import org.wattledger.engine.units.Exact;

/**
 * The figures the engine sums. Each is held in a canonical unit (kg CO2e, MJ, kgce, m3) and
 * presented in its report unit by {@link #present}: the one place those conversions live.
 */
public enum Metric {
    SCOPE1("scope1", Canonical.KG_CO2E),
    SCOPE2_LOCATION("scope2Location", Canonical.KG_CO2E),
    SCOPE2_MARKET("scope2Market", Canonical.KG_CO2E),
    /** Energy consumed (roles main and on-site renewable), on the chosen energy basis. */
    ENERGY("energy", Canonical.MJ),
    /** Fuels burnt on site and own renewable generation consumed. */
    ENERGY_DIRECT("energyDirect", Canonical.MJ),
    /** Purchased electricity, heat, steam, cooling. */
    ENERGY_INDIRECT("energyIndirect", Canonical.MJ),
    /** GB/T 2589 standard coal. */
    ENERGY_TCE("energyTce", Canonical.KGCE),
    /** Electricity consumed (roles main and on-site renewable). */
    ELECTRICITY("electricity", Canonical.MJ),
    WATER("water", Canonical.M3),
    /** E_IT: IT-equipment electricity (role it), calorific. */
    IT_ENERGY("itEnergy", Canonical.MJ),
    /** E_DC: all energy entering a data centre (roles main and on-site renewable), calorific. */
    FACILITY_ENERGY("facilityEnergy", Canonical.MJ),
    /** On-site renewable generation consumed, calorific. */
    ONSITE_RENEWABLE("onsiteRenewable", Canonical.MJ),
    /** Electricity covered by renewable certificates and contracts (market-based). */
    CERTIFIED_RENEWABLE("certifiedRenewable", Canonical.MJ),
    /** Energy exported for reuse (ERF numerator). */
    REUSE("reuse", Canonical.MJ),
    /** Refrigerant recharged, kg. */
    REFRIGERANT("refrigerant", Canonical.KG);

    /** Canonical units and their report units. */
    public enum Canonical {
        KG_CO2E("t CO2e", new BigDecimal(1000)),
        MJ("MWh", new BigDecimal(3600)),
        KGCE("tce", new BigDecimal(1000)),
        M3("m3", BigDecimal.ONE),
        KG("kg", BigDecimal.ONE),
        /** The mass of one gas (Scope 1 by gas), not CO2e: held in kg, reported in t. */
        KG_OF_GAS("t", new BigDecimal(1000));

        private final String reportUnit;
        private final BigDecimal perReportUnit;

        Canonical(String reportUnit, BigDecimal perReportUnit) {
            this.reportUnit = reportUnit;
            this.perReportUnit = perReportUnit;
        }

        public String reportUnit() {
            return reportUnit;
        }

        /** A canonical amount in the report unit, exact where the quotient terminates. */
        public BigDecimal present(BigDecimal canonicalAmount) {
            return Exact.divide(canonicalAmount, perReportUnit);
        }
    }

    private final String key;
    private final Canonical canonical;

    Metric(String key, Canonical canonical) {
        this.key = key;
        this.canonical = canonical;
    }

    /** The JSON key: {@code scope2Location}. */
    public String key() {
        return key;
    }

    public Canonical canonical() {
        return canonical;
    }

    /** The unit a report shows: {@code t CO2e}, {@code MWh}, {@code tce}, {@code m3}. */
    public String reportUnit() {
        return canonical.reportUnit;
    }

    /** A canonical amount in the report unit, exact where the quotient terminates. */
    public BigDecimal present(BigDecimal canonicalAmount) {
        return canonical.present(canonicalAmount);
    }

    public boolean isEmissions() {
        return canonical == Canonical.KG_CO2E;
    }
}
