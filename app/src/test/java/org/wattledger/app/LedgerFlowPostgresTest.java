package org.wattledger.app;

import org.wattledger.ledger.PostgresCluster;

/** The ledger commands on a real PostgreSQL server, a new database per test. */
final class LedgerFlowPostgresTest extends LedgerFlowContract {
    @Override
    String newLedger() {
        return PostgresCluster.get().newDatabase();
    }
}
