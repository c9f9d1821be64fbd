package org.wattledger.engine.calc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.wattledger.engine.calc.Fixtures.factor;
import static org.wattledger.engine.calc.Fixtures.inventory;
import static org.wattledger.engine.calc.Fixtures.ipccDiesel;
import static org.wattledger.engine.calc.Fixtures.reading;
import static org.wattledger.engine.calc.Fixtures.run;
import static org.wattledger.engine.calc.Fixtures.site;
import static org.wattledger.engine.calc.Fixtures.with;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wattledger.engine.factor.FactorKind;
import org.wattledger.engine.model.Carrier;
import org.wattledger.engine.model.Quality;
import org.wattledger.engine.model.ReportingPeriod;
import org.wattledger.engine.model.Role;
import org.wattledger.engine.model.SiteKind;
import org.wattledger.engine.model.Use;

/** Scope 1 by source category and gas, and energy by type, worked out by hand. */
final class Scope1BreakdownTest {
    private static final ReportingPeriod Y2024 = ReportingPeriod.year(2024);

    private static void assertDecimal(String expected, BigDecimal actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), "expected " + expected + " but was " + actual);
    }

    /**
     * One site: 1 t diesel in a generator (stationary), 2 t diesel with no use given (stationary by default), 1,000 L gasoline
     * in cars (mobile, a CO2e factor), 10 kg R-134a topped up, 5 kg R-22 topped up.
     * Factors: IPCC 2006 diesel (NCV 43.0 GJ/t; CO2 74,100, CH4 10, N2O 0.6 kg/TJ), AR5 GWPs
     * (CH4 28, N2O 265, R-134a 1,300), R-22 1,760 (AR5 Table 8.A.1), gasoline 2.19 kg CO2e/L (a test value).
     */
    private static Results run2024() {
        var inv = inventory(List.of(site("S", "*", SiteKind.OFFICE)), List.of(
                reading("S", "G1", Carrier.DIESEL, null, Use.STATIONARY, Role.MAIN, "2024-03-01", "2024-03-31", "1", "t", Quality.MEASURED),
                reading("S", "G2", Carrier.DIESEL, null, null, Role.MAIN, "2024-03-01", "2024-03-31", "2", "t", Quality.MEASURED),
                reading("S", "CAR", Carrier.GASOLINE, null, Use.MOBILE, Role.MAIN, "2024-03-01", "2024-03-31", "1000", "L", Quality.MEASURED),
                reading("S", "AC1", Carrier.REFRIGERANT, "R-134a", null, Role.MAIN, "2024-03-10", "2024-03-10", "10", "kg", Quality.MEASURED),
                reading("S", "AC2", Carrier.REFRIGERANT, "R-22", null, Role.MAIN, "2024-03-10", "2024-03-10", "5", "kg", Quality.MEASURED)));
        return run(inv, with(ipccDiesel(),
                factor("test.gasoline", Carrier.GASOLINE, FactorKind.EMISSION, "CO2e", "2.19", "kg/L"),
                Fixtures.gwp("R-22", "1760", "AR5")), ReportingPeriod.parse("2024-03-01..2024-03-31"));
    }

    @Test
    void splitsScope1ByCategoryExactly() {
        Results r = run2024();
        Map<Scope1Breakdown.SourceCategory, BigDecimal> byCategory = r.scope1Breakdown().byCategory();
        // Diesel 1 t: 43 GJ = 0.043 TJ; CO2 0.043 × 74,100 = 3,186.3 kg; CH4 0.43 kg × 28 = 12.04; N2O 0.0258 × 265
        // = 6.837; 3,205.177 kg CO2e. The 2 t without a use are stationary too (a fuel's default use):
        // 3 × 3,205.177 = 9,615.531 kg.
        assertDecimal("9615.531", byCategory.get(Scope1Breakdown.SourceCategory.STATIONARY_COMBUSTION));
        // Gasoline 1,000 L × 2.19 kg CO2e/L = 2,190 kg.
        assertDecimal("2190", byCategory.get(Scope1Breakdown.SourceCategory.MOBILE_COMBUSTION));
        // R-134a 10 kg × 1,300 = 13,000; R-22 5 kg × 1,760 = 8,800; 21,800 kg.
        assertDecimal("21800", byCategory.get(Scope1Breakdown.SourceCategory.FUGITIVE));
        // The total: 9,615.531 + 2,190 + 21,800 = 33,605.531 kg = 33.605531 t, the Scope 1 total.
        assertDecimal("33605.531", r.scope1Breakdown().totalCo2eKg());
        assertDecimal("33.605531", r.totals().reported(Metric.SCOPE1).orElseThrow());
    }

    @Test
    void splitsScope1ByGasAndGroup() {
        Scope1Breakdown b = run2024().scope1Breakdown();
        Map<String, Scope1Breakdown.GasTotal> byGas = new java.util.TreeMap<>();
        b.byGas().forEach(g -> byGas.put(g.gas(), g));
        // CO2 from diesel: 3 t × 43 GJ/t = 0.129 TJ × 74,100 = 9,558.9 kg (mass = CO2e).
        assertDecimal("9558.9", byGas.get("CO2").massKg());
        assertDecimal("9558.9", byGas.get("CO2").co2eKg());
        // CH4: 0.129 TJ × 10 = 1.29 kg; × 28 = 36.12 kg CO2e. N2O: 0.129 × 0.6 = 0.0774 kg; × 265 = 20.511.
        assertDecimal("1.29", byGas.get("CH4").massKg());
        assertDecimal("36.12", byGas.get("CH4").co2eKg());
        assertDecimal("0.0774", byGas.get("N2O").massKg());
        assertDecimal("20.511", byGas.get("N2O").co2eKg());
        // The gasoline factor is in CO2e: 2,190 kg with no gas split, so no mass.
        assertNull(byGas.get("CO2e").massKg());
        assertDecimal("2190", byGas.get("CO2e").co2eKg());
        assertEquals(Scope1Breakdown.GasGroup.CO2E_NOT_SPLIT, byGas.get("CO2e").group());
        // R-134a is an HFC; R-22 (HCFC-22) is outside the Kyoto basket.
        Map<Scope1Breakdown.GasGroup, BigDecimal> groups = b.byGroup();
        assertDecimal("13000", groups.get(Scope1Breakdown.GasGroup.HFCS));
        assertDecimal("8800", groups.get(Scope1Breakdown.GasGroup.NOT_KYOTO));
        assertDecimal("10", byGas.get("R-134a").massKg());
    }

    @Test
    void listsEnergyByTypeWithTheReadingsOwnUnits() {
        List<Results.EnergyUse> energy = run2024().energyByType();
        // Diesel (direct): 1 t + 2 t = 3 t, in one row since both are in t; 3 × 43 GJ = 129,000 MJ = 35.8333… MWh.
        Results.EnergyUse diesel = energy.get(0);
        assertEquals(Carrier.DIESEL, diesel.source().carrier());
        assertEquals(true, diesel.direct());
        assertEquals("t", diesel.unit());
        assertDecimal("3", diesel.quantity());
        assertDecimal("129000", diesel.energyMj());
        // Gasoline has no NCV here: its quantity is listed, its energy is unknown (null), never 0.
        Results.EnergyUse gasoline = energy.get(1);
        assertEquals(Carrier.GASOLINE, gasoline.source().carrier());
        assertDecimal("1000", gasoline.quantity());
        assertNull(gasoline.energyMj());
        assertEquals(2, energy.size(), "refrigerants are not energy");
    }
}
