package org.wattledger.factors;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.wattledger.engine.factor.LayeredCatalog;
import org.wattledger.engine.factor.Regions;
import org.wattledger.engine.model.Issue;
import org.wattledger.engine.model.Severity;

/**
 * Turns {@code --factors}, {@code --factor-sheet} and the sites' regions into the engine's
 * {@link LayeredCatalog}, and says what the report must name (docs/factor-sets.md, "Selection").
 *
 * <p>Layers, highest priority first:
 * <ol>
 *   <li>the user's factor sheets, in the order given ({@code --factor-sheet} overrides or extends);
 *   <li>the bundled sets: with no {@code --factors}, the newest release of the set for each site's
 *       country (CN → cn, GB → uk-desnz, US → us-epa; a release's {@code countries} says which),
 *       in set-id order; with {@code --factors SET[@VERSION],...}, exactly those, in the order given;
 *   <li>the fallback set (ipcc2006: fuel NCV, CO2/CH4/N2O per TJ, GWPs), unless listed: its newest
 *       release, or — when any listed set is pinned with {@code @VERSION} — its newest release
 *       published on or before the newest pinned release, so that a pinned report never changes
 *       when a later release arrives.
 * </ol>
 * {@code --factors none} uses the user's sheets only.
 */
public final class FactorSelection {
    /** The {@code --factors} value that uses only the user's factor sheets. */
    public static final String NONE = "none";

    private final FactorLibrary factorLibrary;

    public FactorSelection(FactorLibrary library) {
        this.factorLibrary = Objects.requireNonNull(library);
    }

    /** A bundled release a selection uses, as the report names it. */
    public record SetRef(String id, String version, boolean fallback) {
        public String ref() {
            return Release.ref(id, version);
        }
    }

    /** A user factor sheet a selection uses, as the report names it. */
    public record SheetRef(String file, String sheet, String sha256) {
    }

    /**
     * The chosen factors: the catalogue the calculator asks, the releases and sheets to name in
     * the report, and notices ({@code info} issues) about the choice itself.
     */
    public record Selection(LayeredCatalog catalog, List<SetRef> sets, List<SheetRef> sheets, List<Issue> notices) {
        public Selection {
            sets = List.copyOf(sets);
            sheets = List.copyOf(sheets);
            notices = List.copyOf(notices);
        }

        /** The first country set used (the report's {@code factorSet.id}/{@code version}), else the first set. */
        public Optional<SetRef> primary() {
            return sets.stream().filter(s -> !s.fallback()).findFirst().or(() -> sets.stream().findFirst());
        }
    }

    /**
     * Selects the factors for a run.
     *
     * @param factorsOption the {@code --factors} value: null or blank (by country), {@code none},
     *     or comma-separated {@code SET} / {@code SET@VERSION}
     * @param sheets the loaded {@code --factor-sheet}s, highest priority first; none may have errors
     * @param siteRegions the sites' region codes (CN-GZ, GB, US-CAMX ...), used when no set is named
     * @throws FactorSetException for an unknown set or version (listing what is available), a
     *     malformed option, or a sheet with errors
     */
    public Selection select(String factorsOption, List<LoadedSheet> sheets, Collection<String> siteRegions) {
        for (LoadedSheet sheet : sheets) {
            if (sheet.hasErrors()) {
                List<Issue> errors = sheet.errors();
                throw new FactorSetException("factor sheet " + sheet.label() + " has " + errors.size()
                        + (errors.size() == 1 ? " error" : " errors") + " and cannot be used; first: " + errors.get(0));
            }
        }
        List<Issue> notices = new ArrayList<>();
        List<Release> releases = releases(factorsOption, siteRegions, notices);
        List<LayeredCatalog.Layer> layers = new ArrayList<>();
        List<SheetRef> sheetRefs = new ArrayList<>();
        for (LoadedSheet sheet : sheets) {
            layers.add(new LayeredCatalog.Layer("user sheet " + sheet.label(), sheet.factors()));
            sheetRefs.add(new SheetRef(sheet.file(), sheet.sheet(), sheet.sha256()));
        }
        List<SetRef> setRefs = new ArrayList<>();
        for (Release release : releases) {
            layers.add(new LayeredCatalog.Layer(release.ref(), release.factors()));
            setRefs.add(new SetRef(release.setId(), release.version(), release.isFallback()));
        }
        if (layers.isEmpty()) {
            throw new FactorSetException("--factors none needs at least one --factor-sheet");
        }
        return new Selection(new LayeredCatalog(layers), setRefs, sheetRefs, notices);
    }

    /** The same for a single site. */
    public Selection select(String factorsOption, List<LoadedSheet> sheets, String siteRegion) {
        return select(factorsOption, sheets, siteRegion == null ? List.of() : List.of(siteRegion));
    }

    private List<Release> releases(String option, Collection<String> regions, List<Issue> notices) {
        List<String> specs = specs(option);
        if (specs.equals(List.of(NONE))) {
            return List.of();
        }
        List<Release> chosen = new ArrayList<>();
        if (specs.isEmpty()) {
            TreeMap<String, Release> bySet = new TreeMap<>();
            Set<String> countries = new LinkedHashSet<>();
            regions.stream().filter(r -> r != null && !r.isBlank() && !r.strip().equals(Regions.ANY))
                    .map(Regions::country).sorted().forEach(countries::add);
            for (String country : countries) {
                Optional<Release> set = factorLibrary.forCountry(country);
                set.ifPresentOrElse(r -> bySet.put(r.setId(), r), () -> notices.add(Issue.general(Severity.INFO,
                        "no bundled factor set covers country " + country + "; its sites use "
                                + factorLibrary.fallback().map(Release::setId).orElse("no bundled set")
                                + " and the factor sheets given only")));
            }
            chosen.addAll(bySet.values());
            factorLibrary.fallback().ifPresent(chosen::add);
            return chosen;
        }
        boolean pinned = false;
        for (String spec : specs) {
            chosen.add(factorLibrary.release(spec));
            pinned |= spec.contains("@");
        }
        if (chosen.stream().noneMatch(Release::isFallback)) {
            Optional<Release> fallback;
            if (pinned) {
                LocalDate newestPin = chosen.stream().map(Release::released).max(Comparator.naturalOrder()).orElseThrow();
                fallback = factorLibrary.fallbackOnOrBefore(newestPin);
                if (fallback.isEmpty() && factorLibrary.fallback().isPresent()) {
                    throw new FactorSetException("no " + factorLibrary.fallback().get().setId() + " release was published on or"
                            + " before " + newestPin + "; name one in --factors, e.g. " + factorLibrary.fallback().get().ref());
                }
                fallback.ifPresent(f -> notices.add(Issue.general(Severity.INFO, f.ref()
                        + " added as fallback: the newest release published on or before " + newestPin
                        + ", the date of the newest pinned release")));
            } else {
                fallback = factorLibrary.fallback();
            }
            fallback.ifPresent(chosen::add);
        }
        return chosen;
    }

    /** Splits {@code --factors}: empty for none given, ["none"], or the SET[@VERSION] entries. */
    static List<String> specs(String option) {
        if (option == null || option.isBlank()) {
            return List.of();
        }
        List<String> specs = new ArrayList<>();
        Set<String> sets = new LinkedHashSet<>();
        for (String part : option.split(",", -1)) {
            String spec = part.strip();
            if (spec.isEmpty()) {
                throw new FactorSetException("--factors '" + option + "' has an empty entry");
            }
            if (spec.toLowerCase(Locale.ROOT).equals(NONE)) {
                spec = NONE;
            }
            String set = spec.contains("@") ? spec.substring(0, spec.indexOf('@')).strip() : spec;
            if (!sets.add(set)) {
                throw new FactorSetException("--factors names " + set + " twice");
            }
            specs.add(spec);
        }
        if (specs.contains(NONE) && specs.size() > 1) {
            throw new FactorSetException("--factors none cannot be combined with other sets");
        }
        return specs;
    }
}
