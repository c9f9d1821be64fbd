package org.wattledger.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wattledger.engine.model.Carrier;
import org.wattledger.engine.model.Reading;
import org.wattledger.engine.model.Role;
import org.wattledger.engine.model.SourceRef;
import org.wattledger.engine.units.UnitParser;

/**
 * A ledger written at schema version 1 (made here by the version-1 migration file itself, with a
 * batch inserted as version 1 stored it) is migrated when the current code opens it, and reads
 * back the same; a ledger of a schema newer than this code knows is refused, not guessed at.
 */
final class LedgerMigrationTest {
    @TempDir
    Path dir;

    private static Flyway flyway(LedgerLocation location, String target) {
        return Flyway.configure().dataSource(location.jdbcUrl(), location.user(), location.password())
                .locations("classpath:db/migration").placeholders(Map.of("binary", location.kind().binaryType()))
                .target(target).loggers("slf4j").load();
    }

    private static void execute(LedgerLocation location, String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection(location.jdbcUrl(), location.user(), location.password());
                Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    void aVersionOneLedgerIsMigratedAndReadsBackTheSame(LedgerLocation location) throws SQLException {
        flyway(location, "1").migrate();
        try (Connection c = DriverManager.getConnection(location.jdbcUrl(), location.user(), location.password());
                java.sql.PreparedStatement ps = c.prepareStatement("INSERT INTO batch_file (batch_id, ordinal, name,"
                        + " size_bytes, sha256, content) VALUES (1, 1, 'readings.csv', 3, ?, ?)")) {
            ps.setString(1, "a".repeat(64));
            ps.setBytes(2, "abc".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            ps.executeUpdate();
        }
        execute(location,
                "INSERT INTO reading (batch_id, ordinal, site, meter, carrier, role, time_from, time_to, quantity,"
                        + " quantity_scale, unit, reading_type, multiplier, multiplier_scale, register_event, quality,"
                        + " src_file, src_row, src_column) VALUES (1, 1, 'S1', 'E1', 'ELECTRICITY', 'MAIN',"
                        + " TIMESTAMP '2024-01-01 00:00:00', TIMESTAMP '2024-02-01 00:00:00', 1234.50, 2, 'kWh',"
                        + " 'CONSUMPTION', 1, 0, 'READ', 'MEASURED', 'readings.csv', 2, 'F')",
                "INSERT INTO batch (id, at, user_name, note, rows_read, rows_accepted, rows_rejected, factor_release,"
                        + " engine_version) VALUES (1, TIMESTAMP WITH TIME ZONE '2026-01-31 17:00:00+00', 'auditor',"
                        + " 'January', 1, 1, 0, 'cn@2026.1,ipcc2006@2026.1', '0.1.0')");
        try (Ledger ledger = Ledger.open(location)) {
            assertEquals(List.of("1", "2", "3", "4", "5", "6"), ledger.schemaVersions());
            Reading expected = Reading.consumption("S1", "E1", Carrier.ELECTRICITY, Role.MAIN,
                    LocalDateTime.of(2024, 1, 1, 0, 0), LocalDateTime.of(2024, 2, 1, 0, 0), new BigDecimal("1234.50"),
                    UnitParser.parse("kWh"), new SourceRef("readings.csv", null, 2, "F"));
            LedgerView view = ledger.view(AsOf.LATEST);
            assertEquals(List.of(expected), view.inventory().readings());
            // A ledger older than version 5 held no meter tags, contracts or changes: none come back.
            assertEquals(List.of(), view.inventory().meterTags());
            assertEquals(List.of(), view.inventory().contracts());
            assertEquals(List.of(), view.inventory().changes());
            assertEquals("cn@2026.1,ipcc2006@2026.1", view.factorRelease());
            assertEquals("2026-01-31T17:00:00Z", ledger.history().get(0).at().toString());
        }
    }

    void aLedgerOfANewerSchemaIsRefused(LedgerLocation location) throws SQLException {
        Ledger.open(location).close();
        execute(location, "INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\", \"description\", \"type\","
                + " \"script\", \"checksum\", \"installed_by\", \"installed_on\", \"execution_time\", \"success\")"
                + " VALUES (99, '99', 'from a newer wattledger', 'SQL', 'V99__from_a_newer_wattledger.sql', 0, 'x',"
                + " CURRENT_TIMESTAMP, 0, TRUE)");
        LedgerException e = assertThrows(LedgerException.class, () -> Ledger.open(location));
        assertEquals("the ledger " + location.display() + " has schema version 99 (from a newer wattledger), written by"
                + " a newer wattledger; this one knows versions up to 6 and does not read it. Use a newer wattledger.",
                e.getMessage());
    }

    @Test
    void aVersionOneH2LedgerIsMigratedAndReadsBackTheSame() throws SQLException {
        aVersionOneLedgerIsMigratedAndReadsBackTheSame(LedgerLocation.folder(dir.resolve("v1")));
    }

    @Test
    void aVersionOnePostgresLedgerIsMigratedAndReadsBackTheSame() throws SQLException {
        aVersionOneLedgerIsMigratedAndReadsBackTheSame(LedgerLocation.resolve(PostgresCluster.get().newDatabase(), Map.of()));
    }

    @Test
    void anH2LedgerOfANewerSchemaIsRefused() throws SQLException {
        aLedgerOfANewerSchemaIsRefused(LedgerLocation.folder(dir.resolve("future")));
    }

    @Test
    void aPostgresLedgerOfANewerSchemaIsRefused() throws SQLException {
        aLedgerOfANewerSchemaIsRefused(LedgerLocation.resolve(PostgresCluster.get().newDatabase(), Map.of()));
    }
}
