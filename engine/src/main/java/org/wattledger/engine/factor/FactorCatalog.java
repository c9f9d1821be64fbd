package org.wattledger.engine.factor;

import java.util.Optional;

/** Where the calculator gets its factors. */
public interface FactorCatalog {
    Optional<FactorChoice> find(FactorQuery query);

    /** The sets searched, for a missing-factor message: "user sheet f.csv, cn@2026.1, ipcc2006@2026.1". */
    String searched();
}
