package org.wattledger.engine.units;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.wattledger.engine.model.Quantity;

/** Conversions of instrument, target and denominator units, each worked by hand. */
final class MeasuresTest {
    private static Quantity q(String value, String unit) {
        return new Quantity(new BigDecimal(value), unit);
    }

    @Test
    void instrumentFactorsAndQuantitiesConvertIntoTonnesPerMwhAndMwh() {
        // 300 g/kWh: 300 g = 0.3 kg per 3.6 MJ; × 3600 MJ/MWh ÷ 1000 kg/t = 0.3 t/MWh.
        assertEquals(q("0.3", "t CO2e/MWh"), Measures.instrumentFactor(new BigDecimal("300"), "g/kWh"));
        // 0.58 kg CO2e/kWh = 580 kg/MWh = 0.58 t/MWh.
        assertEquals(q("0.58", "t CO2e/MWh"), Measures.instrumentFactor(new BigDecimal("0.58"), "kg CO2e/kWh"));
        // No unit: already t CO2e/MWh.
        assertEquals(q("0.42", "t CO2e/MWh"), Measures.instrumentFactor(new BigDecimal("0.42"), null));
        // 3 万kWh = 30,000 kWh = 30 MWh; 0.2 GWh = 200 MWh.
        assertEquals(q("30", "MWh"), Measures.instrumentQuantity(new BigDecimal("3"), "万kWh"));
        assertEquals(q("200", "MWh"), Measures.instrumentQuantity(new BigDecimal("0.2"), "GWh"));
    }

    @Test
    void targetValuesConvertIntoTheMetricsReportUnit() {
        // 35,200 kWh/person = 35.2 MWh/person.
        assertEquals(q("35.2", "MWh/person"),
                Measures.targetValue("electricity_per_headcount", new BigDecimal("35200"), "kWh/person"));
        // 30 % renewable share = 0.3.
        assertEquals(q("0.3", "1"), Measures.targetValue("renewable_share", new BigDecimal("30"), "%"));
        // WUE 1.8 m3/MWh = 1,800 L / 1,000 kWh = 1.8 L/kWh.
        assertEquals(q("1.8", "L/kWh"), Measures.targetValue("wue", new BigDecimal("1.8"), "m3/MWh"));
        // 2 万吨 CO2e = 20,000 t CO2e.
        assertEquals(q("20000", "t CO2e"), Measures.targetValue("scope1_2", new BigDecimal("2"), "万吨CO2e"));
        // 0.8 t CO2e per million USD = 0.8 / 1,000,000 = 0.0000008 t CO2e/USD.
        assertEquals(q("0.0000008", "t CO2e/USD"),
                Measures.targetValue("scope1_2_per_revenue", new BigDecimal("0.8"), "t CO2e/million USD"));
    }

    @Test
    void denominatorsConvertIntoOneUnitPerKind() {
        // 3.5 亿元 = 350,000,000 CNY; 2 万平方米 = 20,000 m2; 1,500 人 = 1,500 person.
        assertEquals(q("350000000", "CNY"), Measures.denominator("revenue", new BigDecimal("3.5"), "亿元"));
        assertEquals(q("20000", "m2"), Measures.denominator("floor_area", new BigDecimal("2"), "万平方米"));
        assertEquals(q("1500", "person"), Measures.denominator("headcount", new BigDecimal("1500"), "人"));
        // A name wattledger does not know keeps what was written.
        assertEquals(q("40", "racks"), Measures.denominator("racks", new BigDecimal("40"), "racks"));
    }

    @Test
    void aUnitOfTheWrongDimensionNamesBothUnits() {
        Measures.UnitException e = assertThrows(Measures.UnitException.class,
                () -> Measures.targetValue("energy", new BigDecimal("5"), "t CO2e"));
        assertEquals("'t CO2e' is mass, but MWh is energy (expected a unit such as MWh)", e.getMessage());
        e = assertThrows(Measures.UnitException.class,
                () -> Measures.denominator("floor_area", new BigDecimal("5"), "人"));
        assertEquals("'人' is count, not a unit of floor_area (expected an area such as m2, ㎡, 平方米, 万平方米 or ft2)",
                e.getMessage());
    }
}
