package org.wattledger.engine.calc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
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
import org.wattledger.engine.model.ReportingPeriod;
import org.wattledger.engine.model.Role;
import org.wattledger.engine.model.Site;
import org.wattledger.engine.model.SiteKind;
import org.wattledger.engine.model.SourceRef;

/** Data centres whose readings lack roles, and sites that are data centres without saying so. */
final class DataCentreRolesTest {
    private static final ReportingPeriod Y2024 = ReportingPeriod.year(2024);
    private static final List<Factor> GRID = with(gwps(),
            factor("grid", Carrier.ELECTRICITY, FactorKind.EMISSION, "CO2", "0.5", "t/MWh"));

    private static void assertDecimal(String expected, BigDecimal actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), "expected " + expected + " but was " + actual);
    }

    private static List<String> issues(Results r, String severity) {
        // Not the coverage warnings: these fixtures read one month of a year, which coverage warns about too.
        return r.issues().stream().filter(i -> i.severity().id().equals(severity))
                .map(Issue::message).filter(m -> !m.contains("): no readings for ")).toList();
    }

    @Test
    void aDataCentreWithoutRolesWhoseMeterLooksLikeItIsAnErrorNamingTheSiteAndThatMeter() {
        // No role column: both meters are read as main (the importer's default).
        var inv = inventory(List.of(site("DC1", "*", SiteKind.DATACENTER)), List.of(
                reading("DC1", "MAIN-1", Carrier.ELECTRICITY, Role.MAIN, "2024-01-01", "2024-01-31", "1000", "kWh"),
                reading("DC1", "IT-01", Carrier.ELECTRICITY, Role.MAIN, "2024-01-01", "2024-01-31", "740", "kWh")));
        Results r = run(inv, GRID, Y2024);
        SiteResult dc = r.sites().get(0);
        assertFalse(dc.dataCentre().isPresent(), "no IT energy, no PUE");
        // What the report shows, flagged by an error (so the report is incomplete): (1000 + 740) kWh × 0.5 t/MWh
        // = 0.87 t, 74 % above the 0.5 t of the main meter alone, if IT-01 is behind MAIN-1.
        assertDecimal("0.87", dc.figures().reported(Metric.SCOPE2_LOCATION).orElseThrow());
        assertEquals(List.of("data centre DC1 has no meter with role it: PUE, WUE and CUE cannot be computed (they"
                + " divide by IT energy). Readings without a role column (or with a blank role) count as main, so every"
                + " meter of DC1 (IT-01, MAIN-1) is counted in its facility energy, energy use and Scope 2. Meter IT-01"
                + " looks like an IT meter by its id; if it is behind a main meter, its energy is counted twice. Add a"
                + " role column to the readings: it for the IT-load meters (UPS or PDU output), main for the meters at"
                + " the facility's intake."), issues(r, "error"));
        assertEquals(List.of(), issues(r, "warning"));
        assertFalse(r.complete(), "a figure that may count IT energy twice cannot be trusted");
    }

    @Test
    void aDataCentreWithoutAnItMeterIsWarnedAboutEvenWhenNoMeterLooksLikeIt() {
        var inv = inventory(List.of(site("DC1", "*", SiteKind.DATACENTER)), List.of(
                reading("DC1", "Intake A", Carrier.ELECTRICITY, Role.MAIN, "2024-01-01", "2024-01-31", "1000", "kWh"),
                reading("DC1", "Kitchen", Carrier.ELECTRICITY, Role.MAIN, "2024-01-01", "2024-01-31", "10", "kWh")));
        Results r = run(inv, GRID, Y2024);
        assertEquals(List.of("data centre DC1 has no meter with role it: PUE, WUE and CUE cannot be computed (they"
                + " divide by IT energy). Readings without a role column (or with a blank role) count as main, so every"
                + " meter of DC1 (Intake A, Kitchen) is counted in its facility energy, energy use and Scope 2. Add a"
                + " role column to the readings: it for the IT-load meters (UPS or PDU output), main for the meters at"
                + " the facility's intake."), issues(r, "warning"));
    }

    @Test
    void aDataCentreWithItMetersButNoMainMeterIsWarnedAbout() {
        var inv = inventory(List.of(site("DC1", "*", SiteKind.DATACENTER)), List.of(
                reading("DC1", "UPS-1", Carrier.ELECTRICITY, Role.IT, "2024-01-01", "2024-01-31", "740", "kWh")));
        Results r = run(inv, GRID, Y2024);
        assertEquals(List.of("data centre DC1 has meters with role it (UPS-1) but none with role main: PUE cannot be"
                + " computed (facility energy / IT energy), and IT meters add nothing to the site's energy use and"
                + " emissions. Give the meters at the facility's intake role main"), issues(r, "warning"));
    }

    @Test
    void aSiteWithItMetersButNoSitesTableIsADataCentreWithItsPue() {
        var inv = inventory(List.of(), List.of(
                reading("DC9", "MAIN", Carrier.ELECTRICITY, Role.MAIN, "2024-01-01", "2024-01-31", "130", "kWh"),
                reading("DC9", "IT", Carrier.ELECTRICITY, Role.IT, "2024-01-01", "2024-01-31", "100", "kWh")));
        Results r = run(inv, GRID, Y2024);
        SiteResult dc = r.sites().get(0);
        assertEquals(SiteKind.DATACENTER, dc.site().kind());
        // PUE = facility 130 kWh / IT 100 kWh = 1.3
        assertDecimal("1.3", dc.dataCentre().orElseThrow().pue());
        assertTrue(issues(r, "info").contains("site DC9 is treated as a data centre because it has meters with role"
                + " it (IT) and is not in a sites table; it gets PUE, WUE and CUE. Write its kind (datacenter, office"
                + " or other) in the sites table to say so"), issues(r, "info").toString());
        assertEquals(List.of(), issues(r, "warning"));
    }

    @Test
    void aSiteWithoutAKindIsInferredButADeclaredOfficeIsNot() {
        Site noKind = new Site("DC2", "DC2", "*", SiteKind.OTHER, null, null, SourceRef.row("sites.csv", null, 2), false, null,
                null);
        var inv = inventory(List.of(noKind, site("OFF", "*", SiteKind.OFFICE)), List.of(
                reading("DC2", "MAIN", Carrier.ELECTRICITY, Role.MAIN, "2024-01-01", "2024-01-31", "150", "kWh"),
                reading("DC2", "IT", Carrier.ELECTRICITY, Role.IT, "2024-01-01", "2024-01-31", "120", "kWh"),
                reading("OFF", "MAIN", Carrier.ELECTRICITY, Role.MAIN, "2024-01-01", "2024-01-31", "50", "kWh"),
                reading("OFF", "SERVER-ROOM", Carrier.ELECTRICITY, Role.IT, "2024-01-01", "2024-01-31", "20", "kWh")));
        Results r = run(inv, GRID, Y2024);
        // PUE = 150 / 120 = 1.25
        assertDecimal("1.25", r.sites().get(0).dataCentre().orElseThrow().pue());
        assertTrue(issues(r, "info").contains("site DC2 is treated as a data centre because it has meters with role"
                + " it (IT) and no kind in the sites table; it gets PUE, WUE and CUE. Write its kind (datacenter,"
                + " office or other) in the sites table to say so"), issues(r, "info").toString());
        assertEquals(SiteKind.OFFICE, r.sites().get(1).site().kind());
        assertFalse(r.sites().get(1).dataCentre().isPresent(), "a declared office stays an office");
    }
}
