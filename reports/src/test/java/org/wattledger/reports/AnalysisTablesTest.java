package org.wattledger.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wattledger.engine.calc.CalcOptions;
import org.wattledger.engine.calc.Calculation;
import org.wattledger.engine.calc.Results;
import org.wattledger.engine.factor.LayeredCatalog;
import org.wattledger.engine.model.Carrier;
import org.wattledger.engine.model.Inventory;
import org.wattledger.engine.model.Reading;
import org.wattledger.engine.model.ReportingPeriod;
import org.wattledger.engine.model.Role;
import org.wattledger.engine.model.Site;
import org.wattledger.engine.model.SiteKind;
import org.wattledger.engine.model.SourceRef;
import org.wattledger.engine.units.CarbonUnits;
import tech.tablesaw.aggregate.AggregateFunctions;
import tech.tablesaw.api.Table;

/**
 * The analysis tables of a two-year office, worked by hand. One electricity meter M at OFF, grid
 * 0.5 t CO2e/MWh ({@link Fixtures#smallFactors()}), period 2023–2024:
 * <ul>
 * <li>2023: twelve months of 1,000 kWh (January read as 400 + 600 kWh in two readings) = 12 MWh,
 * Scope 2 = 12 × 0.5 = 6 t.</li>
 * <li>2024: January–November 1,000 kWh each, December 5,000 kWh: 11 + 5 = 16 MWh, 8 t.</li>
 * <li>Change 2023 → 2024: energy 16 − 12 = 4 MWh, relative 4 / 12 = 1/3; Scope 2 8 − 6 = 2 t,
 * relative 2 / 6 = 1/3 (34 significant digits: 0.3333…3).</li>
 * <li>LMDI: no denominator, so the activity is energy itself (A = E: 12 → 16 MWh); one carrier, so
 * intensity E/A = 1, share 1 and factor C/E = 0.5 t/MWh do not move: the whole change of 2 t is the
 * activity effect, L(8, 6) × ln(16/12) = (2 / ln(8/6)) × ln(4/3) = 2; the others are 0.</li>
 * <li>Anomaly: December 2024's 5,000 kWh against the 23 other months (all 1,000): median 1,000,
 * MAD 0, |5000 − 1000| = 4000 > 5 × 1.4826 × 0 and > 0.5 × 1000; December 2023 (1,000) is the
 * same month of one other year, median 1,000, MAD 0: also far. So exactly one anomaly.</li>
 * </ul>
 */
final class AnalysisTablesTest {
    private static Results twoYears() {
        List<Reading> readings = new ArrayList<>();
        int row = 2;
        readings.add(reading(LocalDateTime.of(2023, 1, 1, 0, 0), LocalDateTime.of(2023, 1, 16, 0, 0), "400", row++));
        readings.add(reading(LocalDateTime.of(2023, 1, 16, 0, 0), LocalDateTime.of(2023, 2, 1, 0, 0), "600", row++));
        for (int m = 2; m <= 12; m++) {
            readings.add(Fixtures.month("OFF", "M", Carrier.ELECTRICITY, Role.MAIN, 2023, m, "1000", CarbonUnits.KWH, row++));
        }
        for (int m = 1; m <= 12; m++) {
            readings.add(Fixtures.month("OFF", "M", Carrier.ELECTRICITY, Role.MAIN, 2024, m, m == 12 ? "5000" : "1000",
                    CarbonUnits.KWH, row++));
        }
        Inventory inventory = new Inventory(List.of(new Site("OFF", "Office", "CN", SiteKind.OFFICE, null, null, null)),
                readings, List.of(), List.of(), List.of(), List.of(), new Inventory.RowTally(25, 25, 0),
                List.of(new Inventory.InputFile("meters.xlsx", "ab".repeat(32))));
        LayeredCatalog catalog = new LayeredCatalog(List.of(new LayeredCatalog.Layer("test", Fixtures.smallFactors())));
        ReportingPeriod period = new ReportingPeriod(LocalDate.of(2023, 1, 1), LocalDate.of(2025, 1, 1));
        return Calculation.run(inventory, site -> catalog, CalcOptions.of(period)).results(period);
    }

    private static Reading reading(LocalDateTime from, LocalDateTime to, String kwh, int row) {
        return Reading.consumption("OFF", "M", Carrier.ELECTRICITY, Role.MAIN, from, to, new BigDecimal(kwh),
                CarbonUnits.KWH, SourceRef.row("meters.xlsx", "readings", row));
    }

    @Test
    void yearsTableHoldsTheEngineExactFiguresAndTheirChanges() {
        Table years = AnalysisTables.years(twoYears());
        Table scope2 = years.where(years.stringColumn("metric").isEqualTo("scope2Location"));
        assertEquals(List.of(2023, 2024), scope2.intColumn("year").asList());
        assertEquals(List.of("t CO2e", "t CO2e"), scope2.stringColumn("unit").asList());
        assertEquals(List.of("6", "8"), scope2.stringColumn("exact").asList());
        assertEquals(List.of(6.0, 8.0), scope2.doubleColumn("value").asList());
        // the first year has no change (missing, not 0); 2024: 8 − 6 = 2 t, 2 / 6 = 1/3
        assertEquals(List.of("", "2"), scope2.stringColumn("changeExact").asList());
        assertTrue(scope2.doubleColumn("change").isMissing(0));
        assertEquals(2.0, scope2.doubleColumn("change").get(1));
        assertEquals("0.3333333333333333333333333333333333", scope2.stringColumn("relativeChangeExact").get(1));
        assertEquals(List.of("2023-01-01", "2024-01-01"), scope2.stringColumn("from").asList());
        assertEquals(List.of("2023-12-31", "2024-12-31"), scope2.stringColumn("to").asList());
        assertEquals(List.of(true, true), scope2.booleanColumn("complete").asList());

        Table energy2023 = years.where(years.intColumn("year").isEqualTo(2023)
                .and(years.stringColumn("metric").isEqualTo("energy")));
        assertEquals("12", energy2023.stringColumn("exact").get(0));
        assertEquals("MWh", energy2023.stringColumn("unit").get(0));
        // a Tablesaw operation on the double column: energy summed over the years = 12 + 16 = 28 MWh
        Table byMetric = years.summarize("value", AggregateFunctions.sum).by("metric");
        Table energyTotal = byMetric.where(byMetric.stringColumn("metric").isEqualTo("energy"));
        assertEquals(28.0, energyTotal.doubleColumn("Sum [value]").get(0));
    }

    @Test
    void meterMonthsAreTheSeriesTheAnomalyRuleReads() {
        Table months = AnalysisTables.meterMonths(twoYears());
        // 24 months of meter OFF/M, electricity, kWh
        assertEquals(24, months.rowCount());
        assertEquals(List.of("OFF"), months.stringColumn("site").unique().asList());
        assertEquals(List.of("kWh"), months.stringColumn("unit").unique().asList());
        // January 2023: the two readings' 400 + 600 = 1,000 kWh, as the engine summed them
        Table january = months.where(months.stringColumn("month").isEqualTo("2023-01"));
        assertEquals(List.of("1000"), january.stringColumn("exact").asList());
        Table december = months.where(months.stringColumn("month").isEqualTo("2024-12"));
        assertEquals(List.of("5000"), december.stringColumn("exact").asList());
        // 2024 in kWh: 11 × 1,000 + 5,000 = 16,000
        Table y2024 = months.where(months.stringColumn("month").startsWith("2024-"));
        assertEquals(16000.0, y2024.doubleColumn("quantity").sum());
    }

    @Test
    void decompositionPutsTheWholeChangeIntoActivity() {
        Table d = AnalysisTables.decomposition(twoYears());
        assertEquals(List.of("change", "activity", "energyIntensity", "mix", "factor", "residual"),
                d.stringColumn("driver").asList());
        assertEquals(List.of(2023), d.intColumn("from").unique().asList());
        assertEquals(List.of(2024), d.intColumn("to").unique().asList());
        assertEquals(List.of("energy"), d.stringColumn("activity").unique().asList());
        // the change is exact (8 − 6 = 2 t); LMDI effects come from logarithms in double: value only
        assertEquals(List.of("2", "", "", "", "", ""), d.stringColumn("exact").asList());
        assertEquals(2.0, d.doubleColumn("value").get(1), 1e-12);
        for (int i = 2; i <= 5; i++) {
            assertEquals(0.0, d.doubleColumn("value").get(i), 1e-12, d.stringColumn("driver").get(i));
        }
    }

    @Test
    void anomaliesTableNamesTheMonthAndItsUsual() {
        Table a = AnalysisTables.anomalies(twoYears());
        assertEquals(1, a.rowCount());
        assertEquals("2024-12", a.stringColumn("month").get(0));
        assertEquals("5000", a.stringColumn("exact").get(0));
        assertEquals("kWh", a.stringColumn("unit").get(0));
        assertEquals("1000", a.stringColumn("medianExact").get(0));
        assertEquals("0", a.stringColumn("madExact").get(0));
        assertEquals(23, a.intColumn("otherMonths").get(0));
        assertEquals("1000", a.stringColumn("sameMonthMedianExact").get(0));
        assertEquals(1, a.intColumn("sameMonthYears").get(0));
        // the December 2024 reading is the 25th: 2 January readings + 11 (2023) + 12 → row 2 + 24 = 26
        assertEquals("meters.xlsx, sheet readings, row 26", a.stringColumn("source").get(0));
    }

    @Test
    void aOneYearReportHasEmptyAnalysisTables() {
        Results small = Fixtures.small();
        assertEquals(0, AnalysisTables.years(small).rowCount());
        assertEquals(0, AnalysisTables.decomposition(small).rowCount());
        assertEquals(0, AnalysisTables.anomalies(small).rowCount());
        // the meter months still exist: DC1 E-MAIN January 1,000 kWh
        Table m = AnalysisTables.meterMonths(small);
        Table main = m.where(m.stringColumn("meter").isEqualTo("E-MAIN").and(m.stringColumn("month").isEqualTo("2024-01")));
        assertEquals(List.of("1000"), main.stringColumn("exact").asList());
    }
}
