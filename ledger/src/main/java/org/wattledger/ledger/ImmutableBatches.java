package org.wattledger.ledger;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Schema versions 4 and 6: the database itself refuses to update or delete a row of a batch, whatever
 * program sends the statement (wattledger never does; a hand-written {@code UPDATE} or a faulty
 * tool would rewrite history). Triggers before {@code UPDATE} and {@code DELETE} on every table a
 * batch writes. Version 4 guards the tables of version 1, version 6 those of version 5. The
 * migrations in Java: H2 runs a trigger written in Java ({@link Refuse}), PostgreSQL one in
 * PL/pgSQL, so the statements differ.
 */
public final class ImmutableBatches implements JavaMigration {
    /** Every table a batch writes (the lock row and Flyway's history are not batch data). */
    static final List<String> TABLES = List.of("batch", "batch_file", "reading", "site", "instrument", "target",
            "denominator", "batch_issue", "reading_columns", "rejected_site", "meter_tag", "contract",
            "structural_change");

    /** The tables of schema version 5 (meter tags, contracts, changes), guarded by version 6. */
    private static final List<String> VERSION_5_TABLES = List.of("meter_tag", "contract", "structural_change");

    private final int version;
    private final List<String> tables;

    /** Version 4: the tables of version 1. */
    public ImmutableBatches() {
        this(4, TABLES.stream().filter(t -> !VERSION_5_TABLES.contains(t)).toList());
    }

    private ImmutableBatches(int version, List<String> tables) {
        this.version = version;
        this.tables = tables;
    }

    /** Version 6: the tables of version 5. */
    static ImmutableBatches version6() {
        return new ImmutableBatches(6, VERSION_5_TABLES);
    }

    /** What the database answers to an update or a delete, with the table's name after it. */
    static final String MESSAGE = "the ledger's batches are immutable: no row is updated or deleted; correct a batch"
            + " with a new batch that supersedes it (import --supersedes). Table: ";

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion(Integer.toString(version));
    }

    @Override
    public String getDescription() {
        return version == 4 ? "immutable batches" : "immutable meter tags contracts changes";
    }

    @Override
    public Integer getChecksum() {
        return version; // the statements below never change (a change is a new version)
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        boolean postgres = c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
        try (Statement s = c.createStatement()) {
            if (postgres && version == 4) { // version 6 reuses the function
                s.execute("CREATE FUNCTION wattledger_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$"
                        + " BEGIN RAISE EXCEPTION '%', '" + MESSAGE.replace("'", "''") + "' || TG_TABLE_NAME; END $$");
            }
            for (String table : tables) {
                s.execute(postgres
                        ? "CREATE TRIGGER " + table + "_immutable BEFORE UPDATE OR DELETE ON " + table
                                + " FOR EACH ROW EXECUTE FUNCTION wattledger_refuse_change()"
                        : "CREATE TRIGGER " + table + "_immutable BEFORE UPDATE, DELETE ON " + table
                                + " FOR EACH ROW CALL '" + Refuse.class.getName() + "'");
            }
        }
    }

    /** H2's trigger: refuses the statement. Public, with a public constructor: H2 creates it by name. */
    public static final class Refuse implements org.h2.api.Trigger {
        private String table;

        @Override
        public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before,
                int type) {
            this.table = tableName.toLowerCase(java.util.Locale.ROOT);
        }

        @Override
        public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
            throw new SQLException(MESSAGE + table);
        }
    }
}
