package org.wattledger.engine.factor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.wattledger.engine.model.Use;
import org.wattledger.engine.units.Dimension;

/**
 * Factors in priority layers (the user's sheets first, then the bundled sets chosen for the site's
 * country). Within a layer the look-up goes region by region along {@link Regions#chain} for a
 * factor valid on the date; if none is, it takes the newest factor that ended before the date
 * anywhere on the chain, the most specific region among equally new ones (published factors lag
 * the data year). Each fallback is recorded.
 * A factor with a use (stationary/mobile) is preferred over one for either use; a query for an
 * activity of a given dimension sees only factors whose denominator has that dimension.
 */
public final class LayeredCatalog implements FactorCatalog {
    /** A named list of factors. */
    public record Layer(String name, List<Factor> factors) {
        public Layer {
            factors = List.copyOf(factors);
        }
    }

    private record Key(Object carrier, FactorKind kind, String gas, String region, String basis) {
    }

    /** A query without its date, in one layer and region: the candidates depend on nothing else. */
    private record Shape(int rank, Object carrier, FactorKind kind, String gas, String region, String basis, Use use,
            Dimension activity) {
    }

    private final List<Layer> layers;
    private final List<Map<Key, List<Factor>>> index = new ArrayList<>();
    /** Per layer: how many regions each carrier and kind has factors for. */
    private final List<Map<String, java.util.Set<String>>> regionsByKind = new ArrayList<>();
    /**
     * Candidates already worked out. A report asks the same shape for every month of every line
     * (the demo: 168 shapes over 36 months, 6,058 queries); only the date test differs.
     */
    private final Map<Shape, List<Factor>> candidates = new ConcurrentHashMap<>();
    /** The calculator keys its look-up memo by catalogue; hashing every factor on each look-up was most of a report's time. */
    private final int hash;

    public LayeredCatalog(List<Layer> layers) {
        this.layers = List.copyOf(layers);
        this.hash = this.layers.hashCode();
        for (Layer layer : this.layers) {
            Map<Key, List<Factor>> byKey = new HashMap<>();
            Map<String, java.util.Set<String>> regions = new HashMap<>();
            for (Factor f : layer.factors()) {
                byKey.computeIfAbsent(key(f), k -> new ArrayList<>()).add(f);
                regions.computeIfAbsent(kindKey(f.carrier(), f.kind()), k -> new java.util.HashSet<>())
                        .add(Regions.normalise(f.region()));
            }
            index.add(byKey);
            regionsByKind.add(regions);
        }
    }

    public List<Layer> layers() {
        return layers;
    }

    private static Key key(Factor f) {
        return new Key(f.carrier() == null ? Regions.ANY : f.carrier(), f.kind(), gasKey(f.kind(), f.gas()),
                Regions.normalise(f.region()), f.basis().toLowerCase(java.util.Locale.ROOT));
    }

    /** Kinds without a gas (NCV, carbon content, oxidation, tce) are looked up whatever their gas column says. */
    private static String gasKey(FactorKind kind, String gas) {
        return gas == null || !kind.needsGas() ? "" : gas.strip().toUpperCase(java.util.Locale.ROOT);
    }

    @Override
    public Optional<FactorChoice> find(FactorQuery q) {
        for (int rank = 0; rank < layers.size(); rank++) {
            Optional<FactorChoice> found = findInLayer(rank, q);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private Optional<FactorChoice> findInLayer(int rank, FactorQuery q) {
        List<String> chain = Regions.chain(q.region());
        // First a factor valid in the data year, most specific region first.
        for (String region : chain) {
            Optional<Factor> hit = validOn(candidates(rank, q, region), q);
            if (hit.isPresent()) {
                return Optional.of(choice(rank, q, chain, region, hit.get(), false));
            }
        }
        // Else the newest factor that ended before the data year; among equally new ones the most specific region.
        Factor best = null;
        String bestRegion = null;
        for (String region : chain) {
            Optional<Factor> hit = latestBefore(candidates(rank, q, region), q);
            if (hit.isPresent() && (best == null || hit.get().validTo().isAfter(best.validTo()))) {
                best = hit.get();
                bestRegion = region;
            }
        }
        return best == null ? Optional.empty() : Optional.of(choice(rank, q, chain, bestRegion, best, true));
    }

    private static String kindKey(Object carrier, FactorKind kind) {
        return (carrier == null ? Regions.ANY : carrier) + "|" + kind;
    }

    /**
     * A region fallback is worth recording where the layer publishes this kind of factor for
     * several regions (grid factors by province and grid), or where any layer has one for a region
     * more specific than the one used (a user sheet's national value over a bundled provincial
     * one). A set with one national or global value for a kind (an NCV, a GWP) has nothing more
     * specific to fall back from.
     */
    private boolean regionalFallback(int rank, List<String> chain, String used, Factor f) {
        String kind = kindKey(f.carrier(), f.kind());
        if (regionsByKind.get(rank).getOrDefault(kind, java.util.Set.of()).size() > 1) {
            return true;
        }
        List<String> moreSpecific = chain.subList(0, chain.indexOf(used));
        return regionsByKind.stream().anyMatch(regions -> regions.getOrDefault(kind, java.util.Set.of()).stream()
                .anyMatch(moreSpecific::contains));
    }

    private FactorChoice choice(int rank, FactorQuery q, List<String> chain, String region, Factor f, boolean earlierYear) {
        List<String> fallbacks = new ArrayList<>();
        if (!region.equals(chain.get(0)) && regionalFallback(rank, chain, region, f)) {
            // The region may have factors, only none for this year that is as new as the one used: say which.
            Optional<Factor> older = latestBefore(candidates(rank, q, chain.get(0)), q);
            fallbacks.add("no " + q.kind().id() + " factor for region " + chain.get(0) + " in "
                    + layers.get(rank).name() + older.map(o -> " as recent as the one used (its newest is " + o.id()
                            + ", valid " + o.validity() + ")").orElse("")
                    + "; used " + region + " (" + f.id() + ")");
        }
        if (earlierYear) {
            fallbacks.add("no " + q.kind().id() + " factor published for " + q.date().getYear()
                    + "; used " + f.id() + " valid " + f.validity());
        }
        return new FactorChoice(f, rank, fallbacks);
    }

    private List<Factor> candidates(int rank, FactorQuery q, String region) {
        Object carrier = q.carrier() == null ? Regions.ANY : q.carrier();
        Shape shape = new Shape(rank, carrier, q.kind(), gasKey(q.kind(), q.gas()), region,
                q.basis().toLowerCase(java.util.Locale.ROOT), q.use(), q.activity());
        return candidates.computeIfAbsent(shape, this::candidates);
    }

    private List<Factor> candidates(Shape s) {
        List<Factor> exact = index.get(s.rank()).getOrDefault(new Key(s.carrier(), s.kind(), s.gas(), s.region(), s.basis()), List.of());
        List<Factor> any = s.carrier().equals(Regions.ANY) ? List.of()
                : index.get(s.rank()).getOrDefault(new Key(Regions.ANY, s.kind(), s.gas(), s.region(), s.basis()), List.of());
        List<Factor> all = new ArrayList<>(exact);
        all.addAll(any);
        if (s.activity() != null) {
            all.removeIf(f -> !f.unit().appliesTo(s.activity()));
        }
        // Prefer a factor for the query's use; fall back to one for either use; never take the other use.
        List<Factor> sameUse = all.stream().filter(f -> s.use() != null && f.use() == s.use()).toList();
        return !sameUse.isEmpty() ? sameUse : all.stream().filter(f -> f.use() == null).toList();
    }

    private static Optional<Factor> validOn(List<Factor> candidates, FactorQuery q) {
        return candidates.stream().filter(f -> f.validOn(q.date())).min(Comparator.comparing(Factor::id));
    }

    private static Optional<Factor> latestBefore(List<Factor> candidates, FactorQuery q) {
        return candidates.stream()
                .filter(f -> f.validTo() != null && f.validTo().isBefore(q.date()))
                .max(Comparator.comparing(Factor::validTo).thenComparing(Factor::id, Comparator.reverseOrder()));
    }

    @Override
    public String searched() {
        return layers.stream().map(Layer::name).collect(Collectors.joining(", "));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LayeredCatalog other && Objects.equals(layers, other.layers);
    }

    @Override
    public int hashCode() {
        return hash;
    }
}
