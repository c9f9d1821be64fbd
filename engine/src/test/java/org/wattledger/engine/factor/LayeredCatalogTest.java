package org.wattledger.engine.factor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wattledger.engine.model.Carrier;
import org.wattledger.engine.units.Dimension;
import org.wattledger.engine.units.FactorUnit;

final class LayeredCatalogTest {
    private static Factor grid(String id, String region, int year, String value, String unit) {
        return new Factor(id, Carrier.ELECTRICITY, FactorKind.EMISSION, "CO2", new BigDecimal(value), FactorUnit.parse(unit),
                region, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), "test", "1", "", "", null, "t", null);
    }

    private static final LayeredCatalog CN = new LayeredCatalog(List.of(new LayeredCatalog.Layer("cn@1", List.of(
            grid("he.2022", "CN-HE", 2022, "0.7252", "t/MWh"),
            grid("north.2022", "CN-NORTH", 2022, "0.6776", "t/MWh"),
            grid("north.2023", "CN-NORTH", 2023, "0.6361", "t/MWh"),
            grid("cn.2023", "CN", 2023, "0.5306", "t/MWh")))));

    private static FactorChoice find(String region, int year) {
        return CN.find(new FactorQuery(Carrier.ELECTRICITY, FactorKind.EMISSION, "CO2", region, LocalDate.of(year, 6, 1), "",
                null, Dimension.ENERGY)).orElseThrow();
    }

    @Test
    void theProvinceWinsInItsOwnYear() {
        assertEquals("he.2022", find("CN-HE", 2022).factor().id());
        assertTrue(find("CN-HE", 2022).fallbacks().isEmpty());
    }

    @Test
    void theDataYearComesBeforeTheProvince() {
        FactorChoice c = find("CN-HE", 2023);
        assertEquals("north.2023", c.factor().id());
        // CN-HE has he.2022, but 2023 data take the grid's 2023 factor before the province's older one, and say which.
        assertEquals(List.of("no emission factor for region CN-HE in cn@1 as recent as the one used (its newest is"
                + " he.2022, valid 2022-01-01..2022-12-31); used CN-NORTH (north.2023)"), c.fallbacks());
    }

    @Test
    void laterDataTakesTheNewestEarlierFactorOnTheChain() {
        FactorChoice c = find("CN-HE", 2024);
        assertEquals("north.2023", c.factor().id());
        assertEquals(List.of("no emission factor for region CN-HE in cn@1 as recent as the one used (its newest is"
                + " he.2022, valid 2022-01-01..2022-12-31); used CN-NORTH (north.2023)",
                "no emission factor published for 2024; used north.2023 valid 2023-01-01..2023-12-31"), c.fallbacks());
    }

    @Test
    void oneQueryShapeAskedForSeveralYearsGetsEachYearsFactor() {
        // The candidates of a shape are remembered; the date test is not: each answer is the year's own.
        LayeredCatalog cn = new LayeredCatalog(CN.layers());
        List<String> ids = new java.util.ArrayList<>();
        for (int year : new int[] {2022, 2023, 2024, 2022}) {
            ids.add(cn.find(new FactorQuery(Carrier.ELECTRICITY, FactorKind.EMISSION, "CO2", "CN-HE", LocalDate.of(year, 6, 1),
                    "", null, Dimension.ENERGY)).orElseThrow().factor().id());
        }
        assertEquals(List.of("he.2022", "north.2023", "north.2023", "he.2022"), ids);
        assertEquals(CN.hashCode(), cn.hashCode(), "equal catalogues, equal hashes");
        assertEquals(CN, cn);
    }

    @Test
    void aNationalOnlyValueIsNoRegionFallback() {
        Factor ncv = new Factor("cn.diesel.ncv", Carrier.DIESEL, FactorKind.NCV, null, new BigDecimal("42.652"),
                FactorUnit.parse("GJ/t"), "CN", LocalDate.of(2021, 1, 1), null, "test", "1", "", "", null, "t", null);
        LayeredCatalog cn = new LayeredCatalog(List.of(new LayeredCatalog.Layer("cn@1", List.of(ncv))));
        FactorChoice c = cn.find(new FactorQuery(Carrier.DIESEL, FactorKind.NCV, null, "CN-GZ", LocalDate.of(2024, 6, 1),
                "", null, Dimension.MASS)).orElseThrow();
        assertEquals("cn.diesel.ncv", c.factor().id());
        assertTrue(c.fallbacks().isEmpty(), c.fallbacks().toString());
    }

    @Test
    void aFactorForAnotherDenominatorIsNotOffered() {
        assertTrue(CN.find(new FactorQuery(Carrier.ELECTRICITY, FactorKind.EMISSION, "CO2", "CN-HE", LocalDate.of(2022, 6, 1),
                "", null, Dimension.VOLUME)).isEmpty());
    }
}
