package org.wattledger.app;

import java.util.Map;
import org.wattledger.ledger.Ledger;
import org.wattledger.ledger.LedgerLocation;

/** Opens the ledger a command names with {@code --ledger}, or {@code WATTLEDGER_LEDGER}, or the default folder. */
final class Ledgers {
    /** What {@code --ledger} says in every command's help. */
    static final String OPTION_HELP = "The ledger: a folder (embedded database) or jdbc:postgresql://HOST:PORT/DB."
            + " Default: $" + LedgerLocation.ENVIRONMENT_VARIABLE + ", else ./" + LedgerLocation.DEFAULT_FOLDER + "/.";

    private Ledgers() {
    }

    static Ledger open(String option) {
        return open(option, System.getenv());
    }

    static Ledger open(String option, Map<String, String> environment) {
        return Ledger.open(LedgerLocation.resolve(option, environment));
    }
}
