package org.wattledger.engine.units;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

final class UnitParserTest {
    private static void assertCanonical(String text, Dimension dimension, String perUnit) {
        CarbonUnit u = UnitParser.parse(text);
        assertEquals(dimension, u.dimension(), text);
        assertEquals(0, new BigDecimal(perUnit).compareTo(u.toCanonicalFactor()), text + " = " + u.toCanonicalFactor());
        assertEquals(text.strip(), u.symbol());
    }

    @Test
    void parsesChineseMagnitudesAndNames() {
        assertCanonical("万千瓦时", Dimension.ENERGY, "36000"); // 10^4 kWh × 3.6 MJ
        assertCanonical("万kWh", Dimension.ENERGY, "36000");
        assertCanonical("亿kWh", Dimension.ENERGY, "360000000");
        assertCanonical("度", Dimension.ENERGY, "3.6");
        assertCanonical("吉焦", Dimension.ENERGY, "1000");
        assertCanonical("万吨", Dimension.MASS, "10000000");
        assertCanonical("吨", Dimension.MASS, "1000");
        assertCanonical("万立方米", Dimension.VOLUME, "10000");
        assertCanonical("立方米", Dimension.VOLUME, "1");
        assertCanonical("m³", Dimension.VOLUME, "1");
        assertCanonical("10^4 Nm3", Dimension.VOLUME, "10000");
        assertCanonical("10⁴Nm3", Dimension.VOLUME, "10000");
    }

    @Test
    void parsesPublishedUnitsExactly() {
        assertCanonical("MWh", Dimension.ENERGY, "3600");
        assertCanonical("kgce", Dimension.ENERGY, "29.3076"); // GB/T 2589: 1 kgce = 29 307.6 kJ
        assertCanonical("mmBtu", Dimension.ENERGY, "1055.05585262");
        assertCanonical("gal", Dimension.VOLUME, "0.003785411784");
        assertCanonical("lb", Dimension.MASS, "0.45359237");
        assertCanonical("L", Dimension.VOLUME, "0.001");
    }

    @Test
    void rejectsUnknownUnitNamingTheText() {
        UnitParser.UnknownUnitException e = assertThrows(UnitParser.UnknownUnitException.class,
                () -> UnitParser.parse("furlong"));
        assertEquals("unknown unit 'furlong'", e.getMessage());
    }

    @Test
    void factorUnitRefusesAnotherDimensionNamingBothUnits() {
        FactorUnit perMwh = FactorUnit.parse("t/MWh");
        FactorUnit.UnitMismatchException e = assertThrows(FactorUnit.UnitMismatchException.class,
                () -> perMwh.apply(BigDecimal.TEN, CarbonUnits.LITRE, new BigDecimal("0.5"), CarbonUnits.KG));
        assertEquals("cannot apply a factor in t/MWh to an activity in L: volume is not energy", e.getMessage());
    }

    @Test
    void factorUnitAppliesExactly() {
        // 1000 MWh = 3,600,000 MJ at 0.5703 t/MWh = 570.3 t = 570,300 kg, no rounding on the way.
        BigDecimal kg = FactorUnit.parse("t/MWh").apply(new BigDecimal("3600000"), CarbonUnits.MJ,
                new BigDecimal("0.5703"), CarbonUnits.KG);
        assertEquals("570300", kg.toPlainString());
        assertEquals("kg", FactorUnit.parse("kg CO2e/kWh").numerator().symbol());
    }
}
