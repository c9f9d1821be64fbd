package org.wattledger.engine.calc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.wattledger.engine.calc.CalcOptions.GridBasis;
import org.wattledger.engine.calc.CalcOptions.GwpSet;
import org.wattledger.engine.model.ReportingPeriod;

final class CalcOptionsTest {
    @Test
    void gwpSetParsesAnyCaseAndNothingElse() {
        assertEquals(Optional.of(GwpSet.AR6), GwpSet.parse(" ar6 "));
        assertEquals(Optional.empty(), GwpSet.parse("AR3"));
        assertEquals(Optional.empty(), GwpSet.parse(""));
    }

    @Test
    void gridBasisBlankIsTheSetsDefault() {
        assertTrue(GridBasis.parse("  ").isDefault());
        assertTrue(GridBasis.parse(null).isDefault());
        assertEquals(GridBasis.ETS_REPORTING, GridBasis.parse(" ets_reporting "));
        // A sheet may name its own variant; it is kept as written, to be matched against the basis column.
        assertEquals("fossil_only", GridBasis.parse("fossil_only").id());
    }

    @Test
    void unsetOptionsAreTheDefaults() {
        CalcOptions o = new CalcOptions(ReportingPeriod.year(2024), null, null, null);
        assertEquals(GwpSet.AR5, o.gwpSet());
        assertEquals(GridBasis.DEFAULT, o.gridBasis());
        assertEquals("AR5", CalcOptions.DEFAULT_GWP);
    }
}
