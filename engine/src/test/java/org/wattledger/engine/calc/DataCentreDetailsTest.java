package org.wattledger.engine.calc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wattledger.engine.calc.Fixtures.factor;
import static org.wattledger.engine.calc.Fixtures.gwps;
import static org.wattledger.engine.calc.Fixtures.reading;
import static org.wattledger.engine.calc.Fixtures.run;
import static org.wattledger.engine.calc.Fixtures.with;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wattledger.engine.factor.Factor;
import org.wattledger.engine.factor.FactorKind;
import org.wattledger.engine.model.Carrier;
import org.wattledger.engine.model.Inventory;
import org.wattledger.engine.model.Issue;
import org.wattledger.engine.model.MeasurementPoint;
import org.wattledger.engine.model.MeterTag;
import org.wattledger.engine.model.PueContract;
import org.wattledger.engine.model.Reading;
import org.wattledger.engine.model.ReportingPeriod;
import org.wattledger.engine.model.Role;
import org.wattledger.engine.model.Site;
import org.wattledger.engine.model.SiteKind;
import org.wattledger.engine.model.SourceRef;

/**
 * PUE categories, monthly and partial PUE, IT capacity utilisation, the table over years and PUE
 * contract settlement, on one data centre whose figures are worked out by hand:
 *
 * <pre>
 *            MAIN   IT-A (zone A)  IT-B (zone B)  CRAH-A (sub, zone A)   IT     PUE
 * 2024-01    1300        600            400             180             1000   1300/1000 = 1.3
 * 2024-02    1200        300            500              90              800   1200/800  = 1.5
 * period     2500        900            900             270             1800   2500/1800 = 1.38888…
 * </pre>
 *
 * The annual PUE 1.3888… is the ratio of sums; the mean of the monthly PUEs would be 1.4.
 */
final class DataCentreDetailsTest {
    private static final ReportingPeriod JAN_FEB = new ReportingPeriod(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 3, 1));
    private static final List<Factor> GRID = with(gwps(),
            factor("grid", Carrier.ELECTRICITY, FactorKind.EMISSION, "CO2", "0.5", "t/MWh"));

    private static void assertDecimal(String expected, BigDecimal actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), "expected " + expected + " but was " + actual);
    }

    private static List<Reading> readings() {
        List<Reading> r = new ArrayList<>();
        r.add(reading("DC1", "MAIN", Carrier.ELECTRICITY, Role.MAIN, "2024-01-01", "2024-01-31", "1300", "kWh"));
        r.add(reading("DC1", "MAIN", Carrier.ELECTRICITY, Role.MAIN, "2024-02-01", "2024-02-29", "1200", "kWh"));
        r.add(reading("DC1", "IT-A", Carrier.ELECTRICITY, Role.IT, "2024-01-01", "2024-01-31", "600", "kWh"));
        r.add(reading("DC1", "IT-A", Carrier.ELECTRICITY, Role.IT, "2024-02-01", "2024-02-29", "300", "kWh"));
        r.add(reading("DC1", "IT-B", Carrier.ELECTRICITY, Role.IT, "2024-01-01", "2024-01-31", "400", "kWh"));
        r.add(reading("DC1", "IT-B", Carrier.ELECTRICITY, Role.IT, "2024-02-01", "2024-02-29", "500", "kWh"));
        r.add(reading("DC1", "CRAH-A", Carrier.ELECTRICITY, Role.SUB, "2024-01-01", "2024-01-31", "180", "kWh"));
        r.add(reading("DC1", "CRAH-A", Carrier.ELECTRICITY, Role.SUB, "2024-02-01", "2024-02-29", "90", "kWh"));
        return r;
    }

    private static MeterTag tag(String meter, MeasurementPoint point, String zone, int row) {
        return new MeterTag("DC1", meter, point, zone, SourceRef.row("readings.csv", null, row));
    }

    private static final List<MeterTag> TAGS = List.of(tag("IT-A", MeasurementPoint.PDU_OUTPUT, "A", 4),
            tag("IT-B", MeasurementPoint.IT_INPUT, "B", 6), tag("CRAH-A", null, "A", 8));

    private static Results results(List<MeterTag> tags, List<PueContract> contracts) {
        Site dc = new Site("DC1", "Hall One", "CN", SiteKind.DATACENTER, new BigDecimal("100"), new BigDecimal("2"),
                SourceRef.row("sites.csv", null, 2));
        List<Reading> r = readings();
        Inventory inv = new Inventory(List.of(dc), r, List.of(), List.of(), List.of(), List.of(),
                new Inventory.RowTally(r.size(), r.size(), 0), List.of(), List.of(), Map.of(), tags, contracts, List.of());
        return run(inv, GRID, JAN_FEB);
    }

    private static List<String> messages(Results r) {
        return r.issues().stream().map(Issue::message).toList();
    }

    @Test
    void theCategoryIsTheLowestOfTheItMetersAndEveryPueIsARatioOfSums() {
        Results r = results(TAGS, List.of());
        DataCentreDetails.Detail d = DataCentreDetails.of(r).get(0);
        // IT-A at the PDU output (PUE2), IT-B at the IT input (PUE3): the site supports PUE2
        assertEquals("PUE2", d.category());
        assertEquals(List.of(YearMonth.of(2024, 1), YearMonth.of(2024, 2)), List.copyOf(d.monthlyPue().keySet()));
        assertDecimal("1.3", d.monthlyPue().get(YearMonth.of(2024, 1))); // 1300 / 1000
        assertDecimal("1.5", d.monthlyPue().get(YearMonth.of(2024, 2))); // 1200 / 800
        // 2500 / 1800, to 34 digits; not (1.3 + 1.5) / 2 = 1.4
        assertDecimal("1.388888888888888888888888888888889", r.sites().get(0).dataCentre().orElseThrow().pue());
    }

    @Test
    void anItMeterWithoutAMeasurementPointLeavesThePueWithoutACategoryAndSaysSo() {
        Results r = results(List.of(tag("IT-A", MeasurementPoint.UPS_OUTPUT, null, 4)), List.of());
        assertNull(DataCentreDetails.of(r).get(0).category());
        assertTrue(messages(r).contains("data centre DC1: the PUE has no ISO/IEC 30134-2 category because IT meters"
                + " IT-B have no measurement_point (ups_output for PUE1, pdu_output for PUE2, it_input for PUE3)"),
                messages(r).toString());
    }

    @Test
    void aMeterWhoseRowsGiveTwoMeasurementPointsIsAnErrorNamingBothRows() {
        List<MeterTag> tags = new ArrayList<>(TAGS);
        tags.add(tag("IT-B", MeasurementPoint.UPS_OUTPUT, "B", 7));
        Results r = results(tags, List.of());
        Issue error = r.issues().stream().filter(Issue::isError).findFirst().orElseThrow();
        assertEquals("meter IT-B of site DC1 has measurement_point it_input in readings.csv, row 6 but ups_output in"
                + " readings.csv, row 7; a meter has one measurement_point, so neither is used (no PUE category or"
                + " partial PUE rests on it). Write the same measurement_point on every row of the meter",
                error.message());
        assertEquals(7, error.row());
        assertNull(DataCentreDetails.of(r).get(0).category());
        assertEquals(false, r.complete());
    }

    @Test
    void partialPueAddsTheZonesInfrastructureToItsItEnergy() {
        Results r = results(TAGS, List.of());
        List<DataCentreDetails.PartialPue> p = DataCentreDetails.of(r).get(0).partialPue();
        assertEquals(1, p.size());
        assertEquals("A", p.get(0).zone());
        // zone A: IT 600 + 300 = 900 kWh, infrastructure 180 + 90 = 270 kWh: (900 + 270) / 900 = 1.3
        assertDecimal("1.3", p.get(0).value());
        assertDecimal("0.9", p.get(0).itMwh());
        assertDecimal("0.27", p.get(0).infrastructureMwh());
        // zone B has IT energy but no infrastructure meter: no partial PUE, and a warning
        assertTrue(messages(r).contains("data centre DC1, zone B: no partial PUE, the zone has no infrastructure"
                + " submeter (role sub); its partial PUE would read 1"), messages(r).toString());
    }

    @Test
    void itCapacityUtilisationIsTheAverageItLoadOverTheCapacity() {
        // 2 kW × 60 days (January 31 + February 29) × 24 h = 2880 kWh of capacity; 1800 kWh IT: 0.625
        assertDecimal("0.625", DataCentreDetails.of(results(TAGS, List.of())).get(0).itCapacityUtilisation());
    }

    @Test
    void missingIndicatorsAreNamedWithTheirReason() {
        List<String> m = messages(results(TAGS, List.of()));
        assertTrue(m.contains("data centre DC1: no WUE, there are no water readings (WUE = site water / IT energy,"
                + " ISO/IEC 30134-9)"), m.toString());
        assertTrue(m.contains("data centre DC1: no ERF, no meter has role reuse (ERF = reused energy / data-centre"
                + " energy, ISO/IEC 30134-6)"), m.toString());
    }

    @Test
    void theTableOverYearsHasOneRowPerDataCentreAndYear() {
        List<DataCentreYears.Row> rows = DataCentreYears.of(results(TAGS, List.of()));
        assertEquals(1, rows.size());
        DataCentreYears.Row y = rows.get(0);
        assertEquals(2024, y.year());
        assertDecimal("1.388888888888888888888888888888889", y.pue()); // 2500 / 1800
        assertDecimal("2.5", y.energyMwh()); // 2500 kWh
        assertDecimal("1.8", y.itEnergyMwh()); // 1800 kWh
        assertDecimal("0", y.renewableShare()); // no on-site generation, no certificates
        assertNull(y.wue());
    }

    // ---- settlement ----

    private static PueContract contract(String target, String perStep, String cap, PueContract.Basis basis,
            String first, String last, int row) {
        return new PueContract("DC1", "ColoCo", new BigDecimal(target), new BigDecimal(perStep), "CNY",
                cap == null ? null : new BigDecimal(cap), basis,
                org.wattledger.engine.model.DateRange.ofInclusive(LocalDate.parse(first), LocalDate.parse(last)),
                SourceRef.row("contracts.csv", null, row));
    }

    @Test
    void monthlySettlementCapsBonusAndPenaltyWhenTheCapIsReached() {
        Results r = results(TAGS, List.of(contract("1.35", "1000", "3000", PueContract.Basis.MONTHLY,
                "2024-01-01", "2024-02-29", 2)));
        ContractSettlement.Settlement s = ContractSettlement.settle(r).get(0);
        ContractSettlement.Period jan = s.periods().get(0);
        ContractSettlement.Period feb = s.periods().get(1);
        // January: 1.3 − 1.35 = −0.05 → −5 steps × 1000 = −5000, a bonus beyond the 3000 cap: −3000
        assertDecimal("-0.05", jan.deviation());
        assertDecimal("-5", jan.steps());
        assertDecimal("-5000", jan.uncapped());
        assertDecimal("-3000", jan.amount());
        assertTrue(jan.capped());
        // February: 1.5 − 1.35 = 0.15 → 15 steps × 1000 = 15000, a penalty beyond the cap: +3000
        assertDecimal("15", feb.steps());
        assertDecimal("3000", feb.amount());
        assertTrue(feb.capped());
        assertDecimal("0", s.amount()); // −3000 + 3000
        assertTrue(s.complete());
    }

    @Test
    void monthlySettlementBelowTheCapPaysTheWholeAmount() {
        Results r = results(TAGS, List.of(contract("1.35", "1000", "20000", PueContract.Basis.MONTHLY,
                "2024-01-01", "2024-02-29", 2)));
        ContractSettlement.Settlement s = ContractSettlement.settle(r).get(0);
        assertDecimal("-5000", s.periods().get(0).amount()); // −5 steps × 1000, under the 20000 cap
        assertDecimal("15000", s.periods().get(1).amount()); // 15 steps × 1000
        assertEquals(false, s.periods().get(0).capped());
        assertDecimal("10000", s.amount()); // −5000 + 15000: a net penalty
    }

    @Test
    void partStepsAreTruncatedTowardZeroInBothDirections() {
        // Annual contracts for 2024, settled over the report's January and February (2500 / 1800 = 1.3888…):
        // against 1.35 the deviation is +0.0388… = 3.88 steps → 3 steps → penalty 3 × 700 = 2100;
        // against 1.42 it is −0.0311… = −3.11 steps → −3 steps → bonus −3 × 700 = −2100.
        Results r = results(TAGS, List.of(
                contract("1.35", "700", null, PueContract.Basis.ANNUAL, "2024-01-01", "2024-12-31", 2),
                contract("1.42", "700", null, PueContract.Basis.ANNUAL, "2024-01-01", "2024-12-31", 3)));
        List<ContractSettlement.Settlement> s = ContractSettlement.settle(r);
        assertDecimal("3", s.get(0).periods().get(0).steps());
        assertDecimal("2100", s.get(0).amount());
        assertDecimal("-3", s.get(1).periods().get(0).steps());
        assertDecimal("-2100", s.get(1).amount());
        assertTrue(s.get(0).periods().get(0).partial(), "January–February of the contract year 2024");
        assertEquals(new org.wattledger.engine.model.DateRange(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 3, 1)),
                s.get(0).periods().get(0).period());
    }

    @Test
    void aContractNotOnMonthBoundariesIsAnErrorAndNotSettled() {
        Results r = results(TAGS, List.of(contract("1.35", "1000", null, PueContract.Basis.MONTHLY,
                "2024-01-15", "2024-02-29", 5)));
        assertEquals(List.of(), ContractSettlement.settle(r));
        Issue error = r.issues().stream().filter(Issue::isError).findFirst().orElseThrow();
        assertEquals("contract of site DC1 runs 2024-01-15..2024-02-29; a PUE contract is settled over whole months,"
                + " so it must start on a month's first day and end on a month's last day. It is not settled",
                error.message());
        assertEquals(5, error.row());
    }

    // ---- EU export ----

    @Test
    void theEuExportGivesWhatTheInputSupportsAndNamesTheRestMissing() {
        EuDataCentreIndicators.Centre c = EuDataCentreIndicators.of(results(TAGS, List.of())).get(0);
        Map<String, EuDataCentreIndicators.Item> byKey = new java.util.LinkedHashMap<>();
        c.items().forEach(i -> byKey.put(i.field().key(), i));
        assertEquals("Hall One", byKey.get("name").text());
        assertDecimal("2", byKey.get("installedItPowerDemand").value()); // it_capacity, kW
        assertDecimal("100", byKey.get("totalFloorArea").value());
        assertDecimal("2500", byKey.get("totalEnergyConsumption").value()); // E_DC, kWh
        assertDecimal("1800", byKey.get("itEnergyConsumption").value()); // E_IT, kWh
        assertDecimal("0", byKey.get("renewableEnergyConsumption").value());
        assertDecimal("1.388888888888888888888888888888889", byKey.get("pue").value());
        assertDecimal("0", byKey.get("ref").value());
        assertEquals("the site has no water readings", byKey.get("totalWaterInput").missing());
        assertEquals("the site has no water readings", byKey.get("wue").missing());
        assertEquals("no meter of the site has role reuse", byKey.get("wasteHeatReused").missing());
        assertEquals("the input has no column for it", byKey.get("ownerAndOperator").missing());
        assertEquals("kWh", byKey.get("itEnergyConsumption").field().unit());
        assertEquals("total energy consumption of the information technology equipment (E_IT)",
                byKey.get("itEnergyConsumption").field().regulationName());
    }
}
