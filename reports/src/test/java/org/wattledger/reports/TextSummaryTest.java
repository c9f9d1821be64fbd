package org.wattledger.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

final class TextSummaryTest {
    private static String small() {
        return TextSummary.render(Fixtures.small(), Fixtures.meta(Fixtures.small()));
    }

    @Test
    void startsWithPeriodStatusAndRowTally() {
        List<String> lines = small().lines().toList();
        assertEquals("wattledger 0.1.0 report", lines.get(0));
        assertEquals("  Period   2024-01-01 .. 2024-12-31", lines.get(1));
        assertEquals("  Status   INCOMPLETE: 1 error (figures may be understated)", lines.get(2));
        // DC1 E-MAIN, E-IT and W, OFF1 E and NG: five meters, each reading all its site's in-service months.
        assertEquals("  Meters   5, all covering the period", lines.get(3));
        assertEquals("  Rows     read 9, accepted 8, rejected 1", lines.get(4));
        assertEquals("  Factors  test@2026.1 + sheet own-factors.csv", lines.get(5));
        assertTrue(TextSummary.render(Fixtures.officeOnly(), Fixtures.meta(Fixtures.officeOnly()))
                .contains("\n  Status   complete\n"));
    }

    @Test
    void saysAReportWithUncoveredTimeIsIncompleteWithoutAnyError() {
        // OFF3/E read January and February only: no error, one meter with uncovered time.
        assertTrue(TextSummary.render(Fixtures.uncovered(), Fixtures.meta(Fixtures.uncovered()))
                .contains("\n  Status   INCOMPLETE: 1 meter with uncovered time (figures may be understated)\n"
                        + "  Meters   1, 1 with uncovered time (see the warnings)\n"));
    }

    @Test
    void alignsTotalsWithUnitsAndEstimatedShares() {
        String text = small();
        assertTrue(text.contains("""
                Totals
                  Scope 1                      0.20  t CO2e
                  Scope 2, location-based      1.35  t CO2e         18.5 % estimated
                """), text);
        assertTrue(text.contains("\n  Water                        5.00  m3\n"), text);
        assertFalse(text.contains("standard coal"), "no tce total: not shown");
    }

    @Test
    void showsOneLinePerSiteWithDataCentreMetrics() {
        assertTrue(small().contains("""
                Sites
                  site  kind        scope 1 t CO2e  scope 2 loc t CO2e  energy MWh    PUE  WUE L/kWh
                  DC1   datacenter               -                1.10        2.20  1.100      2.500
                  OFF1  office                0.20                0.25        1.50      -          -
                """), small());
    }

    @Test
    void showsTargetsIssueCountsAndTheFilesWritten() {
        String text = TextSummary.render(Fixtures.small(), Fixtures.meta(Fixtures.small()),
                List.of("out/report.json", "out/report.html"));
        assertTrue(text.contains("  T1      scope1_2  2024     1.55   1.50  t CO2e    44.7 %  OFF TRACK\n"), text);
        assertTrue(text.contains("  T2      pue       2024    1.100  1.100  1          0.0 %  on track\n"), text);
        assertTrue(text.contains("\nIssues    1 error, 0 warnings, 7 notices\n"), text);
        assertTrue(text.endsWith("\nFiles written\n  out/report.json\n  out/report.html\n"), text);
        assertFalse(text.lines().anyMatch(l -> l.endsWith(" ")), "no trailing spaces");
    }
}
