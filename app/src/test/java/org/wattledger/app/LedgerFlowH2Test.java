package org.wattledger.app;

/** The ledger commands on the embedded database (a folder). */
final class LedgerFlowH2Test extends LedgerFlowContract {
    @Override
    String newLedger() {
        return dir.resolve("ledger").toString();
    }
}
