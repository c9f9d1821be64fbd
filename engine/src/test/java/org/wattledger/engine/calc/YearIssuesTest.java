package org.wattledger.engine.calc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.wattledger.engine.calc.Fixtures.factor;
import static org.wattledger.engine.calc.Fixtures.gwps;
import static org.wattledger.engine.calc.Fixtures.inventory;
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
import org.wattledger.engine.model.Quality;
import org.wattledger.engine.model.ReportingPeriod;
import org.wattledger.engine.model.Role;
import org.wattledger.engine.model.SiteKind;
import org.wattledger.engine.model.Use;

/** A calculation notice belongs to every year it arises in, not only to the first. */
final class YearIssuesTest {
    /** Diesel with a CO2 factor only: CH4 and N2O cannot be counted, in 2022 as in 2024. */
    private static final List<Factor> CO2_ONLY = with(gwps(),
            factor("t.ncv.diesel", Carrier.DIESEL, FactorKind.NCV, null, "43.0", "GJ/t"),
            factor("t.co2.diesel", Carrier.DIESEL, FactorKind.EMISSION_PER_ENERGY, "CO2", "74100", "kg/TJ"));

    @Test
    void aNoticeRaisedInSeveralYearsIsInEachYearsReport() {
        var inv = inventory(List.of(site("S", "*", SiteKind.OFFICE)), List.of(
                reading("S", "G1", Carrier.DIESEL, null, Use.STATIONARY, Role.MAIN, "2022-03-01", "2022-03-31", "1", "t",
                        Quality.MEASURED),
                reading("S", "G1", Carrier.DIESEL, null, Use.STATIONARY, Role.MAIN, "2024-03-01", "2024-03-31", "2", "t",
                        Quality.MEASURED)));
        for (int year : new int[] {2022, 2024}) {
            Results r = run(inv, CO2_ONLY, ReportingPeriod.year(year));
            // The notices of site S; the one March reading also leaves the rest of the year uncovered, a warning of its own.
            List<String> notices = r.issues().stream().map(Issue::message).filter(m -> m.startsWith("site S: ")).toList();
            assertEquals(List.of("site S: no CH4 factor for diesel in test@t1; CH4 is not counted",
                    "site S: no GB/T 2589 coefficient for diesel in test@t1; standard coal (energyTce) is not reported for it",
                    "site S: no N2O factor for diesel in test@t1; N2O is not counted"), notices, "year " + year);
        }
        // And the figure itself is the year's own: 2024 has 2 t × 43.0 GJ/t = 0.086 TJ × 74,100 kg/TJ = 6,372.6 kg CO2.
        Results r2024 = run(inv, CO2_ONLY, ReportingPeriod.year(2024));
        assertEquals(0, new BigDecimal("6.3726").compareTo(r2024.totals().reported(Metric.SCOPE1).orElseThrow()));
    }

    @Test
    void issuesAndViewsAreWorkedOutOnceAndSharedByEveryCaller() throws Exception {
        var inv = inventory(List.of(site("S", "*", SiteKind.OFFICE)), List.of(
                reading("S", "G1", Carrier.DIESEL, null, Use.STATIONARY, Role.MAIN, "2024-03-01", "2024-03-31", "2", "t",
                        Quality.MEASURED)));
        Results r = run(inv, CO2_ONLY, ReportingPeriod.year(2024));
        assertSame(r.issues(), r.issues());
        assertThrows(UnsupportedOperationException.class, () -> r.issues().clear(), "shared, so not to be changed");
        java.util.concurrent.atomic.AtomicInteger made = new java.util.concurrent.atomic.AtomicInteger();
        java.util.function.Function<Results, StringBuilder> make = results -> {
            made.incrementAndGet();
            return new StringBuilder(results.period().toString());
        };
        // Two threads ask at once: one makes the view, the other waits for it.
        java.util.concurrent.Callable<StringBuilder> ask = () -> r.view(StringBuilder.class, make);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var a = pool.submit(ask);
            var b = pool.submit(ask);
            assertSame(a.get(), b.get());
        } finally {
            pool.shutdown();
        }
        assertSame(r.view(StringBuilder.class, make), r.view(StringBuilder.class, make));
        assertEquals(1, made.get());
    }
}
