package org.wattledger.ledger;

import java.util.Map;

/** The ledger contract on a real PostgreSQL server ({@link PostgresCluster}), a new database per test. */
final class LedgerPostgresTest extends LedgerContract {
    @Override
    LedgerLocation newLedger() {
        return LedgerLocation.resolve(PostgresCluster.get().newDatabase(), Map.of());
    }
}
