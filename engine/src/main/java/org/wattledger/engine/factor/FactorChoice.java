package org.wattledger.engine.factor;

import java.util.List;

/**
 * A factor the catalogue chose, the rank of the layer it came from (0 = highest priority: the
 * user's own sheets), and each fallback taken on the way ("no factor for CN-GZ; used CN-SOUTH").
 */
public record FactorChoice(Factor factor, int layer, List<String> fallbacks) {
    public FactorChoice {
        fallbacks = List.copyOf(fallbacks);
    }
}
