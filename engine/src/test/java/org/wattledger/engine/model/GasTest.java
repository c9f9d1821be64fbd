package org.wattledger.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

final class GasTest {
    @Test
    void parsesAnySpellingAndWritesTheSheetsSpelling() {
        assertEquals(Optional.of(Gas.CO2E), Gas.parse(" co2E "));
        assertEquals("CO2e", Gas.parse("CO2E").orElseThrow().id());
        assertEquals(Optional.of(Gas.N2O), Gas.parse("n2o"));
    }

    @Test
    void aRefrigerantIsNoEmissionGas() {
        assertEquals(Optional.empty(), Gas.parse("R-134a"));
        assertEquals(Optional.empty(), Gas.parse(""));
    }

    @Test
    void ofIdTakesOnlyTheExactSpelling() {
        assertEquals(Optional.of(Gas.CO2E), Gas.ofId("CO2e"));
        assertEquals(Optional.empty(), Gas.ofId("co2e"));
    }
}
