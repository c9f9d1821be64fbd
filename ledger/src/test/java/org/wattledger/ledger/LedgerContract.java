package org.wattledger.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wattledger.engine.model.Carrier;
import org.wattledger.engine.model.DateRange;
import org.wattledger.engine.model.Denominator;
import org.wattledger.engine.model.Instrument;
import org.wattledger.engine.model.Inventory;
import org.wattledger.engine.model.Issue;
import org.wattledger.engine.model.MeasurementPoint;
import org.wattledger.engine.model.MeterTag;
import org.wattledger.engine.model.PueContract;
import org.wattledger.engine.model.Quality;
import org.wattledger.engine.model.Quantity;
import org.wattledger.engine.model.Reading;
import org.wattledger.engine.model.ReadingType;
import org.wattledger.engine.model.RegisterEvent;
import org.wattledger.engine.model.Role;
import org.wattledger.engine.model.Severity;
import org.wattledger.engine.model.Site;
import org.wattledger.engine.model.SiteKind;
import org.wattledger.engine.model.SourceRef;
import org.wattledger.engine.model.StructuralChange;
import org.wattledger.engine.model.Target;
import org.wattledger.engine.model.Use;
import org.wattledger.engine.units.UnitParser;

/**
 * What a ledger does, the same on every database: {@link LedgerH2Test} and
 * {@link LedgerPostgresTest} run these against a real H2 file and a real PostgreSQL server.
 */
abstract class LedgerContract {
    @TempDir
    Path dir;

    /** A new, empty ledger. */
    abstract LedgerLocation newLedger();

    private static SourceRef row(String file, int row) {
        return SourceRef.row(file, null, row);
    }

    private static Reading electricity(String site, String meter, String month, String kwh, String file, int row) {
        LocalDate first = LocalDate.parse(month + "-01");
        return Reading.consumption(site, meter, Carrier.ELECTRICITY, Role.MAIN, first.atStartOfDay(),
                first.plusMonths(1).atStartOfDay(), new BigDecimal(kwh), UnitParser.parse("kWh"), row(file, row));
    }

    private Path file(String name, String content) throws IOException {
        Path f = dir.resolve(name);
        Files.createDirectories(f.getParent());
        Files.writeString(f, content);
        return f;
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static NewBatch.InputFile input(Path file) throws IOException {
        return new NewBatch.InputFile(file.getFileName().toString(), file, Files.size(file), sha256(file));
    }

    private static Inventory inventory(List<Site> sites, List<Reading> readings, List<Issue> issues, long rejected) {
        return new Inventory(sites, readings, List.of(), List.of(), List.of(), issues,
                new Inventory.RowTally(readings.size() + rejected, readings.size(), rejected), List.of());
    }

    private static NewBatch batch(Inventory inventory, Long supersedes, NewBatch.InputFile... files) {
        return new NewBatch("tester", "note", supersedes, inventory, List.of(files), "cn@2026.1,ipcc2006@2026.1",
                "0.1.0");
    }

    private static BigDecimal sum(Inventory inventory) {
        return inventory.readings().stream().map(Reading::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static final Site S1 = new Site("S1", "Site one", "CN", SiteKind.OFFICE, null, null, row("sites.csv", 2));

    @Test
    void everyRecordComesBackExactlyAsStored() throws IOException {
        CarbonUnitCheck.assertParsable();
        SourceRef where = new SourceRef("meters.xlsx", "读数", 7, "F");
        List<Reading> readings = List.of(
                // Scale is kept: 1.50 comes back as 1.50, not 1.5 (BigDecimal.equals compares scale).
                new Reading("DC1", "M-1", Carrier.ELECTRICITY, null, null, Role.IT,
                        LocalDateTime.of(2024, 1, 1, 0, 0), LocalDateTime.of(2024, 2, 1, 0, 0), new BigDecimal("1.50"),
                        UnitParser.parse("万千瓦时"), ReadingType.CONSUMPTION, null, null, null, Quality.ESTIMATED,
                        "备注", where),
                // A register read: no start, a multiplier, 6 digits, the closing read of a replaced meter.
                new Reading("DC1", "M-2", Carrier.ELECTRICITY, null, null, Role.MAIN, null,
                        LocalDateTime.of(2024, 3, 31, 23, 59, 59, 123_456_000), new BigDecimal("999999.9"),
                        UnitParser.parse("kWh"), ReadingType.REGISTER, new BigDecimal("80.0"), 6, RegisterEvent.CLOSE,
                        null, "a \"quoted\", text\nover two lines", where.atColumn("G")),
                // A refrigerant with its gas, 20 decimals and 40 integer digits: the columns' limits.
                new Reading("DC1", "R-1", Carrier.REFRIGERANT, "R-134a", null, Role.MAIN,
                        LocalDateTime.of(2024, 1, 1, 0, 0), LocalDateTime.of(2025, 1, 1, 0, 0),
                        new BigDecimal("0.00000000000000000001"), UnitParser.parse("kg"), null, null, null, null, null,
                        "", SourceRef.row("r.csv", null, 2)),
                new Reading("DC1", "D-1", Carrier.DIESEL, null, Use.MOBILE, null, LocalDateTime.of(2024, 1, 1, 0, 0),
                        LocalDateTime.of(2024, 1, 2, 0, 0), new BigDecimal("1234567890123456789012345678901234567890"),
                        UnitParser.parse("L"), null, null, null, null, null, null, SourceRef.row("r.csv", null, 3)));
        List<Site> sites = List.of(new Site("DC1", "数据中心一", "CN-NORTH", SiteKind.DATACENTER, new BigDecimal("1200.50"),
                new BigDecimal("800"), row("sites.csv", 2), false, new DateRange(LocalDate.of(2023, 6, 1), null),
                ZoneId.of("Asia/Shanghai")));
        List<Instrument> instruments = List.of(new Instrument("GEC-1", Instrument.Type.GEC, "DC1", "CN",
                DateRange.year(2024), new Quantity(new BigDecimal("100.5"), "MWh"),
                new Quantity(BigDecimal.ZERO, "t CO2e/MWh"), true, "us", null, row("instruments.csv", 2)));
        List<Target> targets = List.of(new Target("T1", "scope1_2", List.of("DC1", "DC2"), 2020,
                new Quantity(new BigDecimal("1000"), "t CO2e"), 2030, null, new BigDecimal("42.00"), Target.Path.SBTI_1_5C,
                row("targets.csv", 2)));
        List<Denominator> denominators = List.of(new Denominator("*", DateRange.year(2024), "headcount",
                new Quantity(new BigDecimal("120"), "person"), row("denominators.csv", 2)));
        List<Issue> issues = List.of(Issue.error(where.atColumn("H"), "'n/a' is not a number"),
                Issue.general(Severity.INFO, "a notice"));
        // Two tags of one meter that disagree are kept as they are: the engine names the conflict.
        List<MeterTag> meterTags = List.of(new MeterTag("DC1", "M-1", MeasurementPoint.PDU_OUTPUT, "A厅", where.atColumn("J")),
                new MeterTag("DC1", "M-1", MeasurementPoint.IT_INPUT, null, where.atColumn("J")),
                new MeterTag("DC1", "M-2", null, null, null));
        // Scales kept: a target PUE of 1.40 comes back as 1.40; an open-ended contract without cap or counterparty.
        List<PueContract> contracts = List.of(
                new PueContract("DC1", "客户甲", new BigDecimal("1.40"), new BigDecimal("5000.00"), "CNY",
                        new BigDecimal("200000"), PueContract.Basis.MONTHLY, DateRange.year(2024), row("contracts.csv", 2)),
                new PueContract("DC1", null, new BigDecimal("1.5"), new BigDecimal("0.00000000000000000001"), "USD", null,
                        PueContract.Basis.ANNUAL, new DateRange(LocalDate.of(2025, 1, 1), null), null));
        List<StructuralChange> changes = List.of(
                new StructuralChange(StructuralChange.Type.ACQUISITION, LocalDate.of(2023, 7, 1), List.of("DC1", "DC2"),
                        new BigDecimal("1250.5"), "收购 DC2", row("changes.csv", 2)),
                new StructuralChange(StructuralChange.Type.ERROR, LocalDate.of(2022, 1, 1), List.of("*"),
                        new BigDecimal("-3.25"), null, null));
        Inventory stored = new Inventory(sites, readings, instruments, targets, denominators, issues,
                new Inventory.RowTally(5, 4, 1), List.of(new Inventory.InputFile("meters.xlsx", "ab")),
                List.of(new Inventory.ReadingColumns("meters.xlsx", "读数", "F", "D", "E")),
                Map.of("DC9", row("sites.csv", 9)), meterTags, contracts, changes);
        Path f = file("meters.xlsx", "bytes of the workbook");
        try (Ledger ledger = Ledger.open(newLedger())) {
            BatchSummary b = ledger.importBatch(batch(stored, null, input(f)));
            assertEquals(1, b.batch());
            assertEquals(5, b.read());
            assertEquals(4, b.accepted());
            assertEquals(1, b.rejected());
            Inventory back = ledger.view(AsOf.LATEST).inventory();
            assertEquals(readings, back.readings());
            assertEquals("1.50", back.readings().get(0).quantity().toPlainString());
            assertEquals("80.0", back.readings().get(1).multiplier().toPlainString());
            assertEquals(sites, back.sites());
            assertEquals(instruments, back.instruments());
            assertEquals(targets, back.targets());
            assertEquals(denominators, back.denominators());
            assertEquals(issues.stream().sorted(Issue.ORDER).toList(), back.issues());
            assertEquals(stored.readingColumns(), back.readingColumns());
            assertEquals(stored.rejectedSites(), back.rejectedSites());
            assertEquals(meterTags, back.meterTags());
            assertEquals(contracts, back.contracts());
            assertEquals("1.40", back.contracts().get(0).targetPue().toPlainString());
            assertEquals("5000.00", back.contracts().get(0).amountPerStep().toPlainString());
            assertEquals(changes, back.changes());
            // Without readings (the streaming report's view) the same tags, contracts and changes.
            Inventory lean = ledger.viewWithoutReadings(AsOf.LATEST).inventory();
            assertEquals(List.of(meterTags, contracts, changes), List.of(lean.meterTags(), lean.contracts(), lean.changes()));
            assertEquals(new Inventory.RowTally(5, 4, 1), back.rows());
            // The file list is the stored files', with the SHA-256 of their bytes.
            assertEquals(List.of(new Inventory.InputFile("meters.xlsx", sha256(f))), back.files());
            assertEquals("bytes of the workbook", new String(ledger.fileContent(1, "meters.xlsx"),
                    java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    /** The unit names the test stores must be ones the parser knows (else the test would prove nothing). */
    private static final class CarbonUnitCheck {
        static void assertParsable() {
            assertEquals("万千瓦时", UnitParser.parse("万千瓦时").symbol());
        }
    }

    @Test
    void aLocalTimeInADaylightSavingGapComesBackUnchanged() throws IOException {
        // 2024-03-10 02:30 does not exist in New York (clocks went from 02:00 to 03:00); a reading's
        // times are the site's local time and must not pass through the JVM's zone.
        java.util.TimeZone before = java.util.TimeZone.getDefault();
        java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("America/New_York"));
        try (Ledger ledger = Ledger.open(newLedger())) {
            Reading r = Reading.consumption("S1", "E1", Carrier.ELECTRICITY, Role.MAIN, LocalDateTime.of(2024, 3, 10, 2, 30),
                    LocalDateTime.of(2024, 3, 10, 2, 45), new BigDecimal("7"), UnitParser.parse("kWh"), row("r.csv", 2));
            ledger.importBatch(batch(inventory(List.of(), List.of(r), List.of(), 0), null, input(file("r.csv", "r"))));
            assertEquals(List.of(r), ledger.view(AsOf.LATEST).inventory().readings());
        } finally {
            java.util.TimeZone.setDefault(before);
        }
    }

    /** Schema version 4: the database refuses an UPDATE or a DELETE of a batch's rows, whoever sends it. */
    @Test
    void theDatabaseRefusesToUpdateOrDeleteABatchsRows() throws Exception {
        LedgerLocation location = newLedger();
        Reading r = Reading.consumption("S1", "E1", Carrier.ELECTRICITY, Role.MAIN, LocalDateTime.of(2024, 1, 1, 0, 0),
                LocalDateTime.of(2024, 2, 1, 0, 0), new BigDecimal("7"), UnitParser.parse("kWh"), row("r.csv", 2));
        Inventory withContractChangeAndTag = new Inventory(List.of(S1), List.of(r), List.of(), List.of(), List.of(),
                List.of(), new Inventory.RowTally(1, 1, 0), List.of(), List.of(), Map.of(),
                List.of(new MeterTag("S1", "E1", MeasurementPoint.UPS_OUTPUT, null, row("r.csv", 2))),
                List.of(new PueContract("S1", "c", new BigDecimal("1.3"), BigDecimal.ONE, "CNY", null,
                        PueContract.Basis.ANNUAL, DateRange.year(2024), row("contracts.csv", 2))),
                List.of(new StructuralChange(StructuralChange.Type.DIVESTMENT, LocalDate.of(2024, 1, 1), List.of("S1"),
                        BigDecimal.TEN, "", row("changes.csv", 2))));
        try (Ledger ledger = Ledger.open(location)) {
            ledger.importBatch(batch(withContractChangeAndTag, null, input(file("r.csv", "r"))));
        }
        List<String> refused = new ArrayList<>();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(location.jdbcUrl(), location.user(),
                location.password())) {
            for (String sql : List.of("UPDATE reading SET quantity = 0", "DELETE FROM reading", "UPDATE batch SET note = 'x'",
                    "DELETE FROM batch", "DELETE FROM batch_file", "UPDATE site SET region = 'CN-SH'",
                    "UPDATE contract SET target_pue = 9", "DELETE FROM structural_change", "DELETE FROM meter_tag")) {
                try (java.sql.Statement s = c.createStatement()) {
                    s.executeUpdate(sql);
                    refused.add(sql + ": ACCEPTED");
                } catch (java.sql.SQLException e) {
                    String table = sql.split(" ")[sql.startsWith("UPDATE") ? 1 : 2];
                    assertTrue(e.getMessage().contains(ImmutableBatches.MESSAGE + table), e.getMessage());
                    refused.add(sql + ": refused");
                }
            }
        }
        assertEquals(List.of("UPDATE reading SET quantity = 0: refused", "DELETE FROM reading: refused",
                "UPDATE batch SET note = 'x': refused", "DELETE FROM batch: refused", "DELETE FROM batch_file: refused",
                "UPDATE site SET region = 'CN-SH': refused", "UPDATE contract SET target_pue = 9: refused",
                "DELETE FROM structural_change: refused", "DELETE FROM meter_tag: refused"), refused);
        try (Ledger ledger = Ledger.open(location)) {
            assertEquals(List.of(r), ledger.view(AsOf.LATEST).inventory().readings()); // 7 kWh, unchanged
            assertEquals(1, ledger.history().size());
        }
    }

    @Test
    void aValueWithMoreDecimalsThanTheColumnIsRefusedNotRounded() throws IOException {
        Inventory inv = inventory(List.of(S1), List.of(electricity("S1", "E1", "2024-01",
                "0.000000000000000000001", "r.csv", 2)), List.of(), 0);
        try (Ledger ledger = Ledger.open(newLedger())) {
            LedgerException e = assertThrows(LedgerException.Refused.class,
                    () -> ledger.importBatch(batch(inv, null, input(file("r.csv", "x")))));
            assertEquals("r.csv, row 2: 0.000000000000000000001 has more than 40 digits before or 20 after the decimal"
                    + " point; the ledger stores values exactly and cannot hold it", e.getMessage());
            assertTrue(ledger.history().isEmpty(), "nothing stored");
        }
    }

    @Test
    void theSameBytesAgainAreRefusedAndNothingIsStored() throws IOException {
        Path jan = file("jan/readings.csv", "january");
        Path copy = file("copy/readings.csv", "january");
        Path other = file("feb/readings.csv", "february");
        try (Ledger ledger = Ledger.open(newLedger())) {
            ledger.importBatch(batch(inventory(List.of(S1), List.of(electricity("S1", "E1", "2024-01", "100", "readings.csv", 2)),
                    List.of(), 0), null, input(jan)));
            Inventory again = inventory(List.of(S1), List.of(electricity("S1", "E1", "2024-01", "100", "readings.csv", 2)),
                    List.of(), 0);
            LedgerException e = assertThrows(LedgerException.Refused.class,
                    () -> ledger.importBatch(batch(again, null, input(other), input(copy))));
            assertEquals("duplicate batch: readings.csv has the same bytes (SHA-256 " + sha256(jan) + ") as readings.csv"
                    + " in batch 1. Nothing was stored.", e.getMessage());
            assertEquals(1, ledger.history().size());
            // 100 kWh: batch 1 alone.
            assertEquals(0, new BigDecimal("100").compareTo(sum(ledger.view(AsOf.LATEST).inventory())));
        }
    }

    @Test
    void aCorrectionReplacesTheRowsFromThenOnAndAsOfShowsTheLedgerAsItStood() throws Exception {
        Path first = file("a/readings.csv", "first");
        Path fixed = file("b/readings.csv", "fixed");
        Path more = file("c/readings.csv", "march");
        try (Ledger ledger = Ledger.open(newLedger())) {
            // Batch 1: January 100 + February 200 = 300 kWh.
            BatchSummary b1 = ledger.importBatch(batch(inventory(List.of(S1), List.of(
                    electricity("S1", "E1", "2024-01", "100", "readings.csv", 2),
                    electricity("S1", "E1", "2024-02", "200", "readings.csv", 3)), List.of(), 0), null, input(first)));
            // Batch 2 corrects batch 1: January 100 + February 250 = 350 kWh.
            BatchSummary b2 = ledger.importBatch(batch(inventory(List.of(S1), List.of(
                    electricity("S1", "E1", "2024-01", "100", "readings.csv", 2),
                    electricity("S1", "E1", "2024-02", "250", "readings.csv", 3)), List.of(), 0), 1L, input(fixed)));
            // Batch 3 adds March 300: 350 + 300 = 650 kWh.
            ledger.importBatch(batch(inventory(List.of(), List.of(
                    electricity("S1", "E1", "2024-03", "300", "readings.csv", 2)), List.of(), 0), null, input(more)));
            assertEquals(0, new BigDecimal("650").compareTo(sum(ledger.view(AsOf.LATEST).inventory())));
            assertEquals(0, new BigDecimal("300").compareTo(sum(ledger.view(new AsOf.Batch(1)).inventory())));
            assertEquals(0, new BigDecimal("350").compareTo(sum(ledger.view(new AsOf.Batch(2)).inventory())));
            assertEquals(0, new BigDecimal("300").compareTo(sum(ledger.view(new AsOf.At(b1.at())).inventory())));
            assertEquals(0, new BigDecimal("350").compareTo(sum(ledger.view(new AsOf.At(b2.at())).inventory())));
            assertEquals(2, ledger.view(new AsOf.At(b2.at())).batch());
            LedgerException before = assertThrows(LedgerException.Usage.class,
                    () -> ledger.view(new AsOf.At(b1.at().minusSeconds(1))));
            assertTrue(before.getMessage().contains("the ledger held no batch then"), before.getMessage());
            // Batch 1 no longer counts (its rows stay readable: the view as of batch 1 above read them).
            assertEquals(List.of(2L, 3L), ledger.view(AsOf.LATEST).activeBatches().stream().map(BatchSummary::batch).toList());
            List<BatchSummary> history = ledger.history();
            assertEquals(2L, history.get(0).supersededBy());
            assertNull(history.get(0).supersedes());
            assertEquals(1L, history.get(1).supersedes());
            assertNull(history.get(1).supersededBy());
            assertNull(history.get(2).supersededBy());
            assertTrue(history.get(0).at().isBefore(history.get(1).at()));
            assertTrue(history.get(1).at().isBefore(history.get(2).at()));

            LedgerException twice = assertThrows(LedgerException.Refused.class, () -> ledger.importBatch(batch(
                    inventory(List.of(), List.of(), List.of(), 0), 1L, input(file("d/readings.csv", "again")))));
            assertEquals("batch 1 was already superseded by batch 2; supersede batch 2 instead. Nothing was stored.",
                    twice.getMessage());
            LedgerException unknown = assertThrows(LedgerException.Usage.class, () -> ledger.importBatch(batch(
                    inventory(List.of(), List.of(), List.of(), 0), 9L, input(file("e/readings.csv", "unknown")))));
            assertEquals("--supersedes 9: the ledger has no batch 9 (its batches are 1..3)", unknown.getMessage());
            assertEquals(3, ledger.history().size());
        }
    }

    private static Inventory withDataCentreRecords(String month, String targetPue, String emissions, String zone) {
        Reading r = electricity("S1", "IT1", month, "100", "readings.csv", 2);
        return new Inventory(List.of(S1), List.of(r), List.of(), List.of(), List.of(), List.of(),
                new Inventory.RowTally(1, 1, 0), List.of(), List.of(), Map.of(),
                List.of(new MeterTag("S1", "IT1", MeasurementPoint.IT_INPUT, zone, row("readings.csv", 2))),
                List.of(new PueContract("S1", "c", new BigDecimal(targetPue), BigDecimal.ONE, "CNY", null,
                        PueContract.Basis.ANNUAL, DateRange.year(2024), row("contracts.csv", 2))),
                List.of(new StructuralChange(StructuralChange.Type.ACQUISITION, LocalDate.of(2024, 1, 1), List.of("S1"),
                        new BigDecimal(emissions), "", row("changes.csv", 2))));
    }

    /** Meter tags, contracts and changes follow the active batches: listed batch after batch, gone when superseded. */
    @Test
    void contractsChangesAndMeterTagsOfASupersededBatchNoLongerCount() throws IOException {
        try (Ledger ledger = Ledger.open(newLedger())) {
            ledger.importBatch(batch(withDataCentreRecords("2024-01", "1.3", "10", "A"), null, input(file("a/r.csv", "1"))));
            ledger.importBatch(batch(withDataCentreRecords("2024-02", "1.4", "20", "B"), null, input(file("b/r.csv", "2"))));
            ledger.importBatch(batch(withDataCentreRecords("2024-02", "1.5", "30", "C"), 2L, input(file("c/r.csv", "3"))));
            // As of batch 2: batches 1 and 2, in that order.
            Inventory two = ledger.view(new AsOf.Batch(2)).inventory();
            assertEquals(List.of("A", "B"), two.meterTags().stream().map(MeterTag::zone).toList());
            assertEquals(List.of("1.3", "1.4"), two.contracts().stream().map(k -> k.targetPue().toPlainString()).toList());
            assertEquals(List.of("10", "20"), two.changes().stream().map(ch -> ch.emissions().toPlainString()).toList());
            // Now: batch 3 supersedes batch 2, whose zone B, PUE 1.4 and 20 t no longer count.
            Inventory now = ledger.viewWithoutReadings(AsOf.LATEST).inventory();
            assertEquals(List.of("A", "C"), now.meterTags().stream().map(MeterTag::zone).toList());
            assertEquals(List.of("1.3", "1.5"), now.contracts().stream().map(k -> k.targetPue().toPlainString()).toList());
            assertEquals(List.of("10", "30"), now.changes().stream().map(ch -> ch.emissions().toPlainString()).toList());
        }
    }

    @Test
    void aSiteRedefinedDifferentlyByALaterBatchIsNamedInAWarning() throws IOException {
        Site moved = new Site("S1", "Site one", "CN-BJ", SiteKind.OFFICE, null, null, row("sites.csv", 2));
        try (Ledger ledger = Ledger.open(newLedger())) {
            ledger.importBatch(batch(inventory(List.of(S1), List.of(), List.of(), 0), null, input(file("a/sites.csv", "1"))));
            ledger.importBatch(batch(inventory(List.of(S1), List.of(), List.of(), 0), null, input(file("b/sites.csv", "2"))));
            Inventory same = ledger.view(AsOf.LATEST).inventory();
            assertEquals(List.of(S1), same.sites());
            assertTrue(same.issues().isEmpty(), "the same definition again is no conflict: " + same.issues());
            ledger.importBatch(batch(inventory(List.of(moved), List.of(), List.of(), 0), null, input(file("c/sites.csv", "3"))));
            Inventory view = ledger.view(AsOf.LATEST).inventory();
            assertEquals(List.of(moved), view.sites());
            assertEquals(List.of(Issue.at(Severity.WARNING, row("sites.csv", 2), "site S1 of batch 2 (sites.csv, row 2)"
                    + " is defined differently in batch 3 (sites.csv, row 2); the ledger uses batch 3's definition,"
                    + " the latest")), view.issues());
        }
    }

    @Test
    void twoImportsAtOnceKeepEveryTotalExact() throws Exception {
        LedgerLocation location = newLedger();
        Ledger.open(location).close(); // created and migrated once, before the race
        int rows = 3000;
        // Importer A: meter A, 3,000 readings of 1.01 kWh = 3,030.00 kWh. Importer B: meter B,
        // 3,000 readings of 2.02 kWh = 6,060.00 kWh. Together 9,090.00 kWh.
        List<Reading> a = new ArrayList<>();
        List<Reading> b = new ArrayList<>();
        LocalDateTime start = LocalDateTime.of(2024, 1, 1, 0, 0);
        for (int i = 0; i < rows; i++) {
            LocalDateTime from = start.plusHours(i);
            a.add(Reading.consumption("S1", "A", Carrier.ELECTRICITY, Role.MAIN, from, from.plusHours(1),
                    new BigDecimal("1.01"), UnitParser.parse("kWh"), row("a.csv", i + 2)));
            b.add(Reading.consumption("S1", "B", Carrier.ELECTRICITY, Role.MAIN, from, from.plusHours(1),
                    new BigDecimal("2.02"), UnitParser.parse("kWh"), row("b.csv", i + 2)));
        }
        NewBatch batchA = batch(inventory(List.of(), a, List.of(), 0), null, input(file("a.csv", "a")));
        NewBatch batchB = batch(inventory(List.of(), b, List.of(), 0), null, input(file("b.csv", "b")));
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<BatchSummary>> done = new ArrayList<>();
            for (NewBatch nb : List.of(batchA, batchB)) {
                done.add(pool.submit(() -> {
                    go.await();
                    try (Ledger ledger = Ledger.open(location)) {
                        return ledger.importBatch(nb);
                    }
                }));
            }
            go.countDown();
            List<Long> numbers = new ArrayList<>();
            for (Future<BatchSummary> f : done) {
                numbers.add(f.get().batch());
            }
            numbers.sort(null);
            assertEquals(List.of(1L, 2L), numbers);
        } finally {
            pool.shutdown();
        }
        try (Ledger ledger = Ledger.open(location)) {
            Inventory view = ledger.view(AsOf.LATEST).inventory();
            assertEquals(new BigDecimal("9090.00"), sum(view));
            assertEquals(new Inventory.RowTally(6000, 6000, 0), view.rows());
            BigDecimal meterA = view.readings().stream().filter(r -> r.meter().equals("A")).map(Reading::quantity)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            assertEquals(new BigDecimal("3030.00"), meterA);
        }
    }

    @Test
    void theSchemaIsMigratedToTheNewestVersion() {
        try (Ledger ledger = Ledger.open(newLedger())) {
            assertEquals(List.of("1", "2", "3", "4", "5", "6"), ledger.schemaVersions());
        }
    }
}
