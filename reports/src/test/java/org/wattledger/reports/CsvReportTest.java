package org.wattledger.reports;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class CsvReportTest {
    @Test
    void writesTheSummaryWithExactValuesAndUnits() {
        assertEquals("""
                metric,value,unit,estimated_share
                scope1,0.2028,t CO2e,
                scope2Location,1.35,t CO2e,0.1851851851851851851851851851851852
                scope2Market,1.35,t CO2e,0.1851851851851851851851851851851852
                energy,3.7,MWh,0.1351351351351351351351351351351351
                energyDirect,1,MWh,
                energyIndirect,2.7,MWh,0.1851851851851851851851851851851852
                water,5,m3,
                electricity,2.7,MWh,0.1851851851851851851851851851851852
                itEnergy,2,MWh,
                scope1ByGas.CH4,0.0001,t,
                scope1ByGas.CO2,0.2,t,
                scope1_2_per_headcount,0.15528,t CO2e/person,
                energy_per_headcount,0.37,MWh/person,
                electricity_per_headcount,0.27,MWh/person,
                water_per_headcount,0.5,m3/person,
                """, CsvReport.summary(Fixtures.small()));
    }

    @Test
    void leavesFiguresThatDoNotApplyEmptyInTheSitesFile() {
        List<String> lines = CsvReport.sites(Fixtures.small()).lines().toList();
        assertEquals("site,name,kind,region,scope1 (t CO2e),scope2Location (t CO2e),scope2Market (t CO2e),"
                + "energy (MWh),energyDirect (MWh),energyIndirect (MWh),energyTce (tce),water (m3),electricity (MWh),"
                + "itEnergy (MWh),pue (1),wue (L/kWh),cue (kg CO2e/kWh),cueMarket (kg CO2e/kWh),erf (1),ref (1)",
                lines.get(0));
        assertEquals("DC1,Data Centre 1,datacenter,CN,,1.1,1.1,2.2,,2.2,0.27038,5,2.2,2,1.1,2.5,0.55,0.55,,0",
                lines.get(1));
        assertEquals("OFF1,<script>alert('x')</script> Head Office,office,CN,0.2028,0.25,0.25,1.5,1,0.5,,,0.5,,,,,,,",
                lines.get(2));
    }

    @Test
    void writesOneMonthlyRowPerSiteAndMonth() {
        assertEquals("""
                site,month,scope1 (t CO2e),scope2Location (t CO2e),scope2Market (t CO2e),energy (MWh),itEnergy (MWh),\
                water (m3),pue (1),wue (L/kWh)
                DC1,2024-01,,0.5,0.5,1,0.8,2,1.25,2.5
                DC1,2024-02,,0.6,0.6,1.2,1.2,3,1,2.5
                OFF1,2024-01,0.2028,0.25,0.25,1.5,,,,
                """, CsvReport.monthly(Fixtures.small()));
    }

    @Test
    void quotesFieldsHoldingCommasOrQuotes(@TempDir Path dir) throws IOException {
        CsvReport.write(Fixtures.officeOnly(), Fixtures.meta(Fixtures.officeOnly()), dir);
        String sites = Files.readString(dir.resolve(CsvReport.SITES), StandardCharsets.UTF_8);
        assertTrue(sites.contains("\nOFF2,\"Branch, Shenzhen 深圳\",office,CN,"), sites);
        CsvReport.write(Fixtures.small(), Fixtures.meta(Fixtures.small()), dir);
        String issues = Files.readString(dir.resolve(CsvReport.ISSUES), StandardCharsets.UTF_8);
        assertTrue(issues.startsWith("severity,file,sheet,row,column,message\n"));
        assertTrue(issues.contains("\nerror,meters.xlsx,readings,14,F,'n/a' is not a number (expected a quantity in kWh)\n"));
    }

    @Test
    void keepsTextThatASpreadsheetWouldRunAsAFormulaAsText() {
        List<org.wattledger.engine.model.Site> sites = List.of(new org.wattledger.engine.model.Site("OFF3",
                "=HYPERLINK(\"http://x\")", "CN", org.wattledger.engine.model.SiteKind.OFFICE, null, null, null));
        var readings = List.of(Fixtures.month("OFF3", "E", org.wattledger.engine.model.Carrier.ELECTRICITY,
                org.wattledger.engine.model.Role.MAIN, 2024, 3, "-5", org.wattledger.engine.units.CarbonUnits.KWH, 2));
        var inventory = new org.wattledger.engine.model.Inventory(sites, readings, List.of(), List.of(), List.of(),
                List.of(), new org.wattledger.engine.model.Inventory.RowTally(1, 1, 0), List.of());
        String csv = CsvReport.sites(Fixtures.run(inventory, Fixtures.smallFactors(), 2024));
        // The name is prefixed with ' so Excel shows it; the negative number stays a number.
        assertTrue(csv.contains("\nOFF3,\"'=HYPERLINK(\"\"http://x\"\")\",office,"), csv);
        // -5 kWh = -0.005 MWh; the negative number is written as it is, not prefixed.
        assertTrue(csv.contains(",-0.005,"), csv);
    }

    @Test
    void writesFiveFilesWithIdenticalBytesForIdenticalInput(@TempDir Path dir) throws IOException {
        List<Path> a = CsvReport.write(Fixtures.rich(), Fixtures.meta(Fixtures.rich()), dir.resolve("a"));
        List<Path> b = CsvReport.write(Fixtures.rich(), Fixtures.meta(Fixtures.rich()), dir.resolve("b"));
        // the rich fixture has a data centre: its table over years is a file of its own
        assertEquals(List.of("summary.csv", "sites.csv", "monthly.csv", "issues.csv", "disclosures.csv", "datacentre-years.csv"),
                a.stream().map(p -> p.getFileName().toString()).toList());
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(Files.readAllBytes(a.get(i)), Files.readAllBytes(b.get(i)), a.get(i).toString());
        }
        assertEquals(1 + 3 * 12, Files.readAllLines(a.get(2)).size(), "header + three sites × twelve months");
    }
}
