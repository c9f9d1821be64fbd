package org.wattledger.ledger;

/** The ledger contract on the embedded H2 database, in a folder of its own per test. */
final class LedgerH2Test extends LedgerContract {
    @Override
    LedgerLocation newLedger() {
        return LedgerLocation.folder(dir.resolve("ledger"));
    }
}
