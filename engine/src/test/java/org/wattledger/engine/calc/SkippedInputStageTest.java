package org.wattledger.engine.calc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wattledger.engine.model.Carrier;
import org.wattledger.engine.model.Inventory;
import org.wattledger.engine.model.Issue;
import org.wattledger.engine.model.Reading;
import org.wattledger.engine.model.ReadingType;
import org.wattledger.engine.model.ReportingPeriod;
import org.wattledger.engine.model.SiteKind;
import org.wattledger.engine.model.SourceRef;
import org.wattledger.engine.units.CarbonUnits;

/** A calculation handed readings that skipped the input stage says so per row; it neither guesses nor crashes. */
final class SkippedInputStageTest {
    @Test
    void registerAndEndOnlyReadingsAreRowPreciseErrors() {
        Reading register = new Reading("S", "R", Carrier.ELECTRICITY, null, null, null, null,
                LocalDateTime.parse("2022-02-01T00:00"), new BigDecimal("400"), CarbonUnits.KWH, ReadingType.REGISTER,
                null, null, null, null, null, SourceRef.row("m.csv", null, 2));
        Reading endOnly = new Reading("S", "A", Carrier.ELECTRICITY, null, null, null, null,
                LocalDateTime.parse("2022-02-01T00:00"), new BigDecimal("10"), CarbonUnits.KWH, null, null, null, null,
                null, null, SourceRef.row("m.csv", null, 3));
        Inventory raw = Fixtures.inventory(List.of(Fixtures.site("S", "CN", SiteKind.OFFICE)),
                List.of(register, endOnly));
        Results results = Fixtures.run(raw, Fixtures.gwps(), ReportingPeriod.year(2022));
        assertEquals(List.of(
                "error: m.csv, row 2: register reading was not converted to consumption",
                "error: m.csv, row 3: reading with only an end time was not given its start"),
                results.issues().stream().filter(Issue::isError).map(Issue::toString).toList());
        assertFalse(results.complete());
    }
}
