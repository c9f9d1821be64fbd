package org.wattledger.engine.calc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.wattledger.engine.calc.Fixtures.factor;
import static org.wattledger.engine.calc.Fixtures.inventory;
import static org.wattledger.engine.calc.Fixtures.ipccDiesel;
import static org.wattledger.engine.calc.Fixtures.reading;
import static org.wattledger.engine.calc.Fixtures.run;
import static org.wattledger.engine.calc.Fixtures.site;
import static org.wattledger.engine.calc.Fixtures.with;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wattledger.engine.factor.Factor;
import org.wattledger.engine.factor.FactorKind;
import org.wattledger.engine.model.Carrier;
import org.wattledger.engine.model.Issue;
import org.wattledger.engine.model.ReportingPeriod;
import org.wattledger.engine.model.Role;
import org.wattledger.engine.model.SiteKind;

/** Fuels in litres against factors published per mass: a density row, or an error that says how to add one. */
final class FuelDensityTest {
    private static final ReportingPeriod Y2024 = ReportingPeriod.year(2024);

    private static void assertDecimal(String expected, BigDecimal actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), "expected " + expected + " but was " + actual);
    }

    private static final List<org.wattledger.engine.model.Reading> LITRES = List.of(
            reading("S", "GEN", Carrier.DIESEL, Role.MAIN, "2024-03-01", "2024-03-31", "1000", "L"));

    @Test
    void litresWithoutADensityAreOneErrorThatSaysWhatToAdd() {
        Results r = run(inventory(List.of(site("S", "*", SiteKind.OFFICE)), LITRES), ipccDiesel(), Y2024);
        List<String> errors = r.issues().stream().filter(Issue::isError).map(Issue::toString).toList();
        assertEquals(List.of("error: meters.csv, row " + LITRES.get(0).source().row() + ": diesel is given in L, but"
                + " its ncv in test@t1 is per mass (ipcc.ncv.diesel, 43.0 GJ/t) and no density of diesel is given, so"
                + " its ncv cannot be applied. Give the quantity in kg or t, or add a density row to a factor sheet"
                + " (--factor-sheet) with the columns id,carrier,kind,value,unit,region,valid_from,source, e.g."
                + " my.density.diesel,diesel,density,VALUE,kg/L,*,2024-01-01,SOURCE where VALUE is the density in kg"
                + " per litre that your supplier's delivery notes or a published standard give and SOURCE cites it"),
                errors);
        assertFalse(r.totals().reported(Metric.SCOPE1).isPresent(), "no Scope 1 without the energy");
    }

    @Test
    void aDensityRowLetsLitresMeetPerMassFactors() {
        // 0.84 kg/L is a test value, not a cited density.
        List<Factor> factors = with(ipccDiesel(),
                factor("test.density.diesel", Carrier.DIESEL, FactorKind.DENSITY, null, "0.84", "kg/L"));
        Results r = run(inventory(List.of(site("S", "*", SiteKind.OFFICE)), LITRES), factors, Y2024);
        assertEquals(List.of(), r.issues().stream().filter(Issue::isError).toList());
        // 1,000 L × 0.84 kg/L = 840 kg = 0.84 t; × 43.0 GJ/t = 36.12 GJ = 36,120 MJ
        assertDecimal("36120", r.lines().get(0).energyMj());
        // 0.03612 TJ: CO2 × 74,100 = 2,676.492 kg; CH4 × 10 = 0.3612 kg × 28 = 10.1136 kg;
        // N2O × 0.6 = 0.021672 kg × 265 = 5.74308 kg; sum 2,692.34868 kg = 2.69234868 t
        assertDecimal("2.69234868", r.totals().reported(Metric.SCOPE1).orElseThrow());
        // standard coal: 840 kg × 1.4571 kgce/kg = 1,223.964 kgce = 1.223964 tce
        assertDecimal("1.223964", r.totals().reported(Metric.ENERGY_TCE).orElseThrow());
    }

    @Test
    void aPerLitreFactorIsPreferredToTheDensity() {
        // DESNZ 2024 diesel (average biofuel blend) 2.51279 kg CO2e/L, route A per litre.
        List<Factor> factors = with(ipccDiesel(),
                factor("test.density.diesel", Carrier.DIESEL, FactorKind.DENSITY, null, "0.84", "kg/L"),
                factor("desnz.diesel.litre", Carrier.DIESEL, FactorKind.EMISSION, "CO2e", "2.51279", "kg/L"));
        Results r = run(inventory(List.of(site("S", "*", SiteKind.OFFICE)), LITRES), factors, Y2024);
        // 1,000 L × 2.51279 kg/L = 2,512.79 kg (route A wins the tie on layer)
        assertDecimal("2.51279", r.totals().reported(Metric.SCOPE1).orElseThrow());
    }
}
