package org.wattledger.engine.calc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wattledger.engine.factor.FactorKind;
import org.wattledger.engine.meter.Coverage;
import org.wattledger.engine.meter.MeterKey;
import org.wattledger.engine.model.Carrier;
import org.wattledger.engine.model.Inventory;
import org.wattledger.engine.model.Quality;
import org.wattledger.engine.model.Reading;
import org.wattledger.engine.model.ReadingType;
import org.wattledger.engine.model.ReportingPeriod;
import org.wattledger.engine.model.SiteKind;
import org.wattledger.engine.model.SourceRef;
import org.wattledger.engine.units.CarbonUnits;

/**
 * Lines grouped elsewhere, one meter at a time ({@link Calculation#group}, as a job that
 * partitions readings by meter does), then calculated by {@link Calculation#runLines}, give the
 * lines, figures and coverage of {@link Calculation#run} over all the readings.
 */
final class GroupedLinesTest {
    private static Reading hourly(String meter, String from, String to, String kwh, Quality quality, int row) {
        return new Reading("S", meter, Carrier.ELECTRICITY, null, null, null, LocalDateTime.parse(from),
                LocalDateTime.parse(to), new BigDecimal(kwh), CarbonUnits.KWH, ReadingType.CONSUMPTION, null, null, null,
                quality, null, SourceRef.row("hourly.csv", null, row));
    }

    private static final List<Reading> M1 = List.of(
            hourly("M1", "2024-01-31T22:00", "2024-01-31T23:00", "1.5", Quality.MEASURED, 2),
            hourly("M1", "2024-01-31T23:00", "2024-02-01T01:00", "4", Quality.MEASURED, 3),
            hourly("M1", "2024-02-01T01:00", "2024-02-01T02:00", "2.25", Quality.ESTIMATED, 4));
    private static final List<Reading> M2 = List.of(
            hourly("M2", "2024-02-01T00:00", "2024-02-01T01:00", "7", Quality.MEASURED, 5),
            hourly("M2", "2024-02-29T23:00", "2024-03-01T01:00", "2", Quality.MEASURED, 6));

    private static Inventory inventory(List<Reading> readings) {
        return new Inventory(List.of(Fixtures.site("S", "CN", SiteKind.OFFICE)), readings, List.of(), List.of(),
                List.of(), List.of(), new Inventory.RowTally(5, 5, 0), List.of());
    }

    private static List<String> describe(Calculation calc) {
        Results r = calc.results(ReportingPeriod.year(2024));
        List<String> out = new ArrayList<>();
        for (Line l : calc.lines()) {
            out.add(l.meter() + " " + l.month() + " " + l.quantity().stripTrailingZeros().toPlainString() + " kWh, "
                    + l.figures().get(Metric.SCOPE2_LOCATION).map(v -> v.stripTrailingZeros().toPlainString()).orElse("-")
                    + " kg, estimated " + l.estimatedFraction().stripTrailingZeros().toPlainString() + ", "
                    + l.lineage().rows() + ", " + l.lineage().prorations());
        }
        out.add("total " + r.totals().get(Metric.SCOPE2_LOCATION).orElseThrow().stripTrailingZeros().toPlainString());
        r.coverage().forEach(c -> out.add(c.meter() + " covers " + c.coveredDays() + " days"));
        return out;
    }

    @Test
    void perMeterLinesCalculateAsTheWholeInventory() {
        var catalog = Fixtures.catalog(List.of(Fixtures.factor("grid", Carrier.ELECTRICITY, FactorKind.EMISSION, "CO2e",
                "0.5", "kg/kWh")));
        CalcOptions options = CalcOptions.of(ReportingPeriod.year(2024));
        List<Reading> all = new ArrayList<>(M1);
        all.addAll(M2);
        Calculation whole = Calculation.run(inventory(all), s -> catalog, options);

        List<Calculation.GroupedLine> lines = new ArrayList<>(Calculation.group(M2, ReportingPeriod.year(2024)));
        lines.addAll(Calculation.group(M1, ReportingPeriod.year(2024))); // partitions come back in any order
        Map<MeterKey, List<Coverage.Span>> spans = new java.util.HashMap<>(Coverage.spans(M2));
        spans.putAll(Coverage.spans(M1));
        Calculation grouped = Calculation.runLines(inventory(List.of()), lines, spans, s -> catalog, options);

        // Row 3 (4 kWh over 2 h) is prorated 1 h / 2 h: 2 kWh to January, 2 to February; row 6 likewise
        // 1 kWh to February, 1 to March. M1 January 1.5 + 2 = 3.5 kWh × 0.5 = 1.75 kg; M1 February 2 + 2.25 =
        // 4.25 kWh = 2.125 kg, estimated 2.25 / 4.25 = 0.5294117647058823529411764705882353; M2 February
        // 7 + 1 = 8 kWh = 4 kg; M2 March 1 kWh = 0.5 kg. Total 1.75 + 2.125 + 4 + 0.5 = 8.375 kg.
        List<String> expected = List.of(
                "M1 2024-01 3.5 kWh, 1.75 kg, estimated 0, hourly.csv, rows 2-3, [hourly.csv, row 3: 4 kWh over"
                        + " 2024-01-31T23:00..2024-02-01T01:00 prorated 3600/7200 s to 2024-01-31T23:00..2024-02-01T00:00 = 2]",
                "M1 2024-02 4.25 kWh, 2.125 kg, estimated 0.5294117647058823529411764705882353, hourly.csv, rows 3-4,"
                        + " [hourly.csv, row 3: 4 kWh over 2024-01-31T23:00..2024-02-01T01:00 prorated 3600/7200 s to"
                        + " 2024-02-01T00:00..2024-02-01T01:00 = 2]",
                "M2 2024-02 8 kWh, 4 kg, estimated 0, hourly.csv, rows 5-6, [hourly.csv, row 6: 2 kWh over"
                        + " 2024-02-29T23:00..2024-03-01T01:00 prorated 3600/7200 s to 2024-02-29T23:00..2024-03-01T00:00 = 1]",
                "M2 2024-03 1 kWh, 0.5 kg, estimated 0, hourly.csv, row 6, [hourly.csv, row 6: 2 kWh over"
                        + " 2024-02-29T23:00..2024-03-01T01:00 prorated 3600/7200 s to 2024-03-01T00:00..2024-03-01T01:00 = 1]",
                "total 8.375",
                "S/M1 (electricity) covers 0.1666666666666666666666666666666667 days",
                "S/M2 (electricity) covers 0.125 days");
        assertEquals(expected, describe(whole));
        assertEquals(expected, describe(grouped));
    }
}
