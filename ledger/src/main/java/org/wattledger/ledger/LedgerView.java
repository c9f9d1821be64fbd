package org.wattledger.ledger;

import java.util.List;
import org.wattledger.engine.model.Inventory;

/**
 * The ledger as it stood right after {@code batch}: the inventory of its active batches (those
 * not superseded by then), and the factor release pinned by that batch.
 *
 * @param activeBatches the batches whose rows count, in order; each with its row tally
 */
public record LedgerView(long batch, Inventory inventory, String factorRelease, List<BatchSummary> activeBatches) {
    public LedgerView {
        activeBatches = List.copyOf(activeBatches);
    }
}
