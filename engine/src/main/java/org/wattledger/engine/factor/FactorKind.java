package org.wattledger.engine.factor;

import java.util.Locale;
import java.util.Optional;
import org.wattledger.engine.model.Aliases;
import org.wattledger.engine.units.CarbonUnits;
import org.wattledger.engine.units.Dimension;
import org.wattledger.engine.units.FactorUnit;

/** What a factor expresses, and which unit shapes fit it (docs/formats/factors.md). */
public enum FactorKind {
    /** Gas per activity unit: t/MWh, kg/kWh, kg/L, kg/m3, lb/MWh. */
    EMISSION,
    /** Gas per unit of fuel energy: kg/TJ; combined with an NCV. */
    EMISSION_PER_ENERGY,
    /** Net calorific value (lower heating value), energy per unit of fuel: GJ/t, GJ/10^4 Nm3. */
    NCV,
    /**
     * Gross calorific value (higher heating value, HHV), energy per unit of fuel: mmBtu/scf,
     * mmBtu/gal as US EPA publishes them. Never used as a net value: the energy it gives is gross,
     * and only factors per gross energy (basis {@code hhv}) apply to it.
     */
    HHV,
    /** Carbon per unit of energy: tC/TJ, tC/GJ. */
    CARBON_CONTENT,
    /** Carbon oxidation rate: a fraction (0.99, or 99 %). */
    OXIDATION,
    /** Standard coal per unit (GB/T 2589): kgce/kg, kgce/m3, kgce/kWh, kgce/MJ. */
    TCE,
    /** Global warming potential, 100-year: a plain number. */
    GWP,
    /** Residual-mix (or proxy) emission factor for market-based Scope 2: t CO2e/MWh. */
    RESIDUAL_MIX,
    /** Mass per volume of a fuel (kg/L, t/m3): lets a volume meet factors published per mass. */
    DENSITY;

    private static final Aliases<FactorKind> ALIASES = new Aliases<FactorKind>()
            .add(EMISSION, "emission", "ef")
            .add(EMISSION_PER_ENERGY, "emission_per_energy")
            .add(NCV, "ncv", "net calorific value")
            .add(HHV, "hhv", "gross calorific value", "gcv", "higher heating value")
            .add(CARBON_CONTENT, "carbon_content")
            .add(OXIDATION, "oxidation", "oxidation_rate")
            .add(TCE, "tce", "standard_coal", "kgce")
            .add(GWP, "gwp")
            .add(RESIDUAL_MIX, "residual_mix")
            .add(DENSITY, "density", "密度");

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<FactorKind> parse(String text) {
        return ALIASES.find(text);
    }

    /** Whether this kind takes a gas column (emission kinds do). */
    public boolean needsGas() {
        return this == EMISSION || this == EMISSION_PER_ENERGY || this == RESIDUAL_MIX || this == GWP;
    }

    /** Null when the unit fits the kind, else why not ("kg/TJ needs ... "). */
    public String misfit(FactorUnit unit) {
        Dimension num = unit.numerator().dimension();
        Dimension den = unit.isRatio() ? unit.denominator().dimension() : null;
        boolean fits = switch (this) {
            case EMISSION -> num == Dimension.MASS && den != null && den != Dimension.DIMENSIONLESS;
            case EMISSION_PER_ENERGY, CARBON_CONTENT, RESIDUAL_MIX -> num == Dimension.MASS && den == Dimension.ENERGY;
            case NCV, HHV -> num == Dimension.ENERGY && (den == Dimension.MASS || den == Dimension.VOLUME);
            case OXIDATION, GWP -> num == Dimension.DIMENSIONLESS && den == null;
            case DENSITY -> num == Dimension.MASS && den == Dimension.VOLUME;
            case TCE -> unit.numerator().sameMagnitude(CarbonUnits.KGCE) || unit.numerator().sameMagnitude(CarbonUnits.TCE)
                    ? den != null && den != Dimension.DIMENSIONLESS : false;
        };
        return fits ? null : "unit '" + unit.text() + "' does not fit kind " + id() + " (expected " + expected() + ")";
    }

    private String expected() {
        return switch (this) {
            case EMISSION -> "mass per activity unit, e.g. t/MWh, kg/L";
            case EMISSION_PER_ENERGY -> "mass per energy, e.g. kg/TJ";
            case CARBON_CONTENT -> "carbon mass per energy, e.g. tC/TJ";
            case RESIDUAL_MIX -> "mass per energy, e.g. t/MWh";
            case NCV -> "energy per mass or volume, e.g. GJ/t, GJ/10^4 Nm3";
            case HHV -> "energy per mass or volume, e.g. mmBtu/scf, mmBtu/gal";
            case OXIDATION, GWP -> "a plain number: 1 or %";
            case TCE -> "kgce or tce per activity unit, e.g. kgce/kg";
            case DENSITY -> "mass per volume, e.g. kg/L, t/m3";
        };
    }
}
