package org.wattledger.ledger;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Schema version 4: the database itself refuses to update or delete a row of a batch, whatever
 * program sends the statement (wattledger never does; a hand-written {@code UPDATE} or a faulty
 * tool would rewrite history). Triggers before {@code UPDATE} and {@code DELETE} on every table a
 * batch writes. The one migration in Java: H2 runs a trigger written in Java ({@link Refuse}),
 * PostgreSQL one in PL/pgSQL, so the statements differ.
 */
public final class ImmutableBatches implements JavaMigration {
    /** Every table a batch writes (the lock row and Flyway's history are not batch data). */
    static final List<String> TABLES = List.of("batch", "batch_file", "reading", "site", "instrument", "target",
            "denominator", "batch_issue", "reading_columns", "rejected_site");

    /** What the database answers to an update or a delete, with the table's name after it. */
    static final String MESSAGE = "the ledger's batches are immutable: no row is updated or deleted; correct a batch"
            + " with a new batch that supersedes it (import --supersedes). Table: ";

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("4");
    }

    @Override
    public String getDescription() {
        return "immutable batches";
    }

    @Override
    public Integer getChecksum() {
        return 4; // the statements below never change (a change is a new version)
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
            if (postgres) {
                s.execute("CREATE FUNCTION wattledger_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$"
                        + " BEGIN RAISE EXCEPTION '%', '" + MESSAGE.replace("'", "''") + "' || TG_TABLE_NAME; END $$");
            }
            for (String table : TABLES) {
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
