package org.wattledger.engine.calc;

import java.util.Objects;
import org.wattledger.engine.model.ReportingPeriod;

/**
 * How to calculate: the reporting period, the energy basis, the GWP set for CO2e, the grid
 * factor variant ("" = the factor set's default; {@code ets_reporting} for the MEE reporting
 * factor in China) and how contractual instruments are spread over the electricity they cover.
 */
public record CalcOptions(ReportingPeriod period, EnergyBasis energyBasis, GwpSet gwpSet, GridBasis gridBasis,
        InstrumentAllocation instrumentAllocation, Analysis analysis) {
    public CalcOptions {
        Objects.requireNonNull(period);
        energyBasis = energyBasis == null ? EnergyBasis.CALORIFIC : energyBasis;
        gwpSet = gwpSet == null ? GwpSet.DEFAULT : gwpSet;
        gridBasis = gridBasis == null ? GridBasis.DEFAULT : gridBasis;
        instrumentAllocation = instrumentAllocation == null ? InstrumentAllocation.PRO_RATA : instrumentAllocation;
        analysis = analysis == null ? Analysis.DEFAULT : analysis;
    }

    /** With the default year-on-year analysis. */
    public CalcOptions(ReportingPeriod period, EnergyBasis energyBasis, GwpSet gwpSet, GridBasis gridBasis,
            InstrumentAllocation instrumentAllocation) {
        this(period, energyBasis, gwpSet, gridBasis, instrumentAllocation, Analysis.DEFAULT);
    }

    /** The same options with another year-on-year analysis. */
    public CalcOptions withAnalysis(Analysis newAnalysis) {
        return new CalcOptions(period, energyBasis, gwpSet, gridBasis, instrumentAllocation, newAnalysis);
    }

    /**
     * How years are compared (docs/methodology.md, "Years side by side" and after).
     *
     * @param yearsFrom the first calendar year of the years table; null: the period's first year
     * @param activity the denominator name whose change is the LMDI activity effect ({@code headcount},
     *     {@code revenue}, {@code it_energy} …); null: the first of {@link #ACTIVITY_PREFERENCE} the input gives
     * @param recalculationThreshold the share (0.05 = 5 %) of the base year's emissions that the changes
     *     table's cumulative |change| must reach for the base year to be restated
     */
    public record Analysis(Integer yearsFrom, String activity, java.math.BigDecimal recalculationThreshold) {
        /** GHG Protocol practice: a significance threshold of 5 % of the base year's emissions. */
        public static final java.math.BigDecimal DEFAULT_THRESHOLD = new java.math.BigDecimal("0.05");
        /** The activity chosen when none is named, the first the input gives for every compared year. */
        public static final java.util.List<String> ACTIVITY_PREFERENCE = java.util.List.of("headcount", "revenue",
                "floor_area", IT_ENERGY_ACTIVITY);
        public static final Analysis DEFAULT = new Analysis(null, null, null);

        public Analysis {
            recalculationThreshold = recalculationThreshold == null ? DEFAULT_THRESHOLD : recalculationThreshold;
            if (recalculationThreshold.signum() < 0) {
                throw new IllegalArgumentException("the recalculation threshold is negative: " + recalculationThreshold);
            }
        }
    }

    /** The activity name that means the IT equipment's energy (data centres), not a denominator row. */
    public static final String IT_ENERGY_ACTIVITY = "it_energy";

    /** With the default instrument allocation, pro rata. */
    public CalcOptions(ReportingPeriod period, EnergyBasis energyBasis, GwpSet gwpSet, GridBasis gridBasis) {
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

    /** The default GWP set's name, for option defaults that must be constants; the set is {@link GwpSet#DEFAULT}. */
    public static final String DEFAULT_GWP = "AR5";

    public static CalcOptions of(ReportingPeriod period) {
        return new CalcOptions(period, EnergyBasis.CALORIFIC, GwpSet.DEFAULT, GridBasis.DEFAULT);
    }

    /** The IPCC assessment report whose 100-year GWPs turn CH4, N2O and refrigerants into CO2e. */
    public enum GwpSet {
        AR4, AR5, AR6;

        /** IPCC AR5 100-year GWPs (without climate-carbon feedback), as most current inventories use. */
        public static final GwpSet DEFAULT = AR5;

        /** As factor sheets name it in their {@code basis} column: "AR5". */
        public String id() {
            return name();
        }

        /** "AR5", "ar5" or " AR5 "; empty for anything else. */
        public static java.util.Optional<GwpSet> parse(String text) {
            String id = text.strip().toUpperCase(java.util.Locale.ROOT);
            return java.util.Arrays.stream(values()).filter(g -> g.id().equals(id)).findFirst();
        }
    }

    /**
     * Which variant of the grid factor to use: the factor set's default ({@link #DEFAULT}, blank) or
     * a named one such as {@code ets_reporting}. Factor sheets may define their own variants, so
     * this is a name, not a closed list.
     */
    public record GridBasis(String id) {
        public static final GridBasis DEFAULT = new GridBasis("");
        public static final GridBasis ETS_REPORTING = new GridBasis("ets_reporting");

        public GridBasis {
            id = id.strip();
        }

        /** Blank (or null) for the default, else the variant named. */
        public static GridBasis parse(String text) {
            return text == null || text.isBlank() ? DEFAULT : new GridBasis(text);
        }

        public boolean isDefault() {
            return id.isEmpty();
        }

        @Override
        public String toString() {
            return id;
        }
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
