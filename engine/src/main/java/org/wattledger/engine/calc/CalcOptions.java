package org.wattledger.engine.calc;

import java.util.Objects;
import org.wattledger.engine.model.ReportingPeriod;

/**
 * How to calculate: the reporting period, the energy basis, the GWP set for CO2e and the grid
 * factor variant ("" = the factor set's default; {@code ets_reporting} for the MEE reporting
 * factor in China).
 */
public record CalcOptions(ReportingPeriod period, EnergyBasis energyBasis, String gwpSet, String gridBasis) {
    public CalcOptions {
        Objects.requireNonNull(period);
        energyBasis = energyBasis == null ? EnergyBasis.CALORIFIC : energyBasis;
        gwpSet = gwpSet == null || gwpSet.isBlank() ? DEFAULT_GWP : gwpSet.strip().toUpperCase(java.util.Locale.ROOT);
        gridBasis = gridBasis == null ? "" : gridBasis.strip();
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
