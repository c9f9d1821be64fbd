package org.wattledger.engine.calc;

import java.util.Objects;
import org.wattledger.engine.model.ReportingPeriod;

/**
 * How to calculate: the reporting period, the energy basis, the GWP set for CO2e, the grid
 * factor variant ("" = the factor set's default; {@code ets_reporting} for the MEE reporting
 * factor in China) and how contractual instruments are spread over the electricity they cover.
 */
public record CalcOptions(ReportingPeriod period, EnergyBasis energyBasis, String gwpSet, String gridBasis,
        InstrumentAllocation instrumentAllocation) {
    public CalcOptions {
        Objects.requireNonNull(period);
        energyBasis = energyBasis == null ? EnergyBasis.CALORIFIC : energyBasis;
        gwpSet = gwpSet == null || gwpSet.isBlank() ? DEFAULT_GWP : gwpSet.strip().toUpperCase(java.util.Locale.ROOT);
        gridBasis = gridBasis == null ? "" : gridBasis.strip();
        instrumentAllocation = instrumentAllocation == null ? InstrumentAllocation.PRO_RATA : instrumentAllocation;
    }

    /** With the default instrument allocation, pro rata. */
    public CalcOptions(ReportingPeriod period, EnergyBasis energyBasis, String gwpSet, String gridBasis) {
        this(period, energyBasis, gwpSet, gridBasis, InstrumentAllocation.PRO_RATA);
    }

    /** How an instrument's quantity is spread over the eligible electricity lines (meter × month). */
    public enum InstrumentAllocation {
        /** Each line takes the quantity × its share of the eligible consumption (the default). */
        PRO_RATA,
        /** Lines are filled in order (sites by id, months in time order) until the quantity is spent. */
        CHRONOLOGICAL;

        public String id() {
            return this == PRO_RATA ? "pro-rata" : "chronological";
        }

        public static java.util.Optional<InstrumentAllocation> parse(String text) {
            return switch (text.strip().toLowerCase(java.util.Locale.ROOT)) {
                case "pro-rata", "prorata", "pro_rata" -> java.util.Optional.of(PRO_RATA);
                case "chronological" -> java.util.Optional.of(CHRONOLOGICAL);
                default -> java.util.Optional.empty();
            };
        }
    }

    /** IPCC AR5 100-year GWPs (without climate-carbon feedback), as most current inventories use. */
    public static final String DEFAULT_GWP = "AR5";

    public static CalcOptions of(ReportingPeriod period) {
        return new CalcOptions(period, EnergyBasis.CALORIFIC, DEFAULT_GWP, "");
    }

    /** How energy totals are expressed in MWh. */
    public enum EnergyBasis {
        /** Physical energy content: electricity 3.6 GJ/MWh, fuels through their NCV. */
        CALORIFIC,
        /** GB/T 2589 standard coal restated as MWh through electricity's 0.1229 kgce/kWh. */
        GBT2589;

        public String id() {
            return this == CALORIFIC ? "calorific" : "gbt2589";
        }

        public static java.util.Optional<EnergyBasis> parse(String text) {
            return switch (text.strip().toLowerCase(java.util.Locale.ROOT)) {
                case "calorific" -> java.util.Optional.of(CALORIFIC);
                case "gbt2589", "gb/t2589", "gbt-2589" -> java.util.Optional.of(GBT2589);
                default -> java.util.Optional.empty();
            };
        }
    }
}
