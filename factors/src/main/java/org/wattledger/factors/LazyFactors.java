package org.wattledger.factors;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;
import java.util.function.Supplier;
import org.wattledger.engine.factor.Factor;

/**
 * A release's factors, parsed when first read: an unmodifiable list whose rows are made by
 * {@code parse} once, on whichever thread asks first (a damaged release throws there).
 */
final class LazyFactors extends AbstractList<Factor> implements RandomAccess {
    private final Supplier<List<Factor>> parse;
    private volatile List<Factor> factors;

    LazyFactors(Supplier<List<Factor>> parse) {
        this.parse = parse;
    }

    private List<Factor> factors() {
        List<Factor> f = factors;
        if (f == null) {
            synchronized (this) {
                f = factors;
                if (f == null) {
                    f = List.copyOf(parse.get());
                    factors = f;
                }
            }
        }
        return f;
    }

    @Override
    public Factor get(int index) {
        return factors().get(index);
    }

    @Override
    public int size() {
        return factors().size();
    }
}
