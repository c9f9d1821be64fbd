package org.wattledger.engine.calc;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.wattledger.engine.Background;
import org.wattledger.engine.factor.FactorCatalog;
import org.wattledger.engine.factor.FactorChoice;
import org.wattledger.engine.factor.FactorKind;
import org.wattledger.engine.factor.FactorQuery;
import org.wattledger.engine.model.Carrier;
import org.wattledger.engine.model.Gas;
import org.wattledger.engine.model.Inventory;
import org.wattledger.engine.model.Issue;
import org.wattledger.engine.meter.Coverage;
import org.wattledger.engine.meter.MeterKey;
import org.wattledger.engine.meter.Registers;
import org.wattledger.engine.model.Quality;
import org.wattledger.engine.model.Reading;
import org.wattledger.engine.model.ReadingStore;
import org.wattledger.engine.model.ReadingType;
import org.wattledger.engine.model.ReportingPeriod;
import org.wattledger.engine.model.Role;
import org.wattledger.engine.model.Severity;
import org.wattledger.engine.model.Site;
import org.wattledger.engine.model.SiteKind;
import org.wattledger.engine.model.SourceRef;
import org.wattledger.engine.model.Use;
import org.wattledger.engine.units.CarbonUnit;
import org.wattledger.engine.units.CarbonUnits;
import org.wattledger.engine.units.Exact;

/**
 * The calculation over every reading of an inventory: readings grouped into {@link Line}s (meter ×
 * carrier × unit × month, cut at the reporting period's bounds; a reading that crosses a bound is
 * prorated by time), each line converted once and turned into energy, emissions and water with
 * the site's factors, then contractual instruments allocated for market-based Scope 2. Pure: no
 * I/O, no clock.
 */
public final class Calculation {
    private final CalcOptions options;
    private final Map<String, Site> sites;
    private final List<Line> lines;
    private final List<YearIssue> issues;
    private final Inventory inventory;
    /**
     * The time each meter's readings cover, when the lines were grouped elsewhere or the spans found
     * beside a large calculation; null: from the inventory's readings when asked.
     */
    private final Map<MeterKey, List<Coverage.Span>> spans;

    /** An issue raised while calculating a given data year (0 = not tied to a year). */
    public record YearIssue(int year, Issue issue) {
    }

    private Calculation(Inventory inventory, CalcOptions options, Map<String, Site> sites, List<Line> lines,
            List<YearIssue> issues, Map<MeterKey, List<Coverage.Span>> spans) {
        this.inventory = inventory;
        this.spans = spans;
        this.options = options;
        this.sites = sites;
        this.lines = lines;
        this.issues = issues;
    }

    public static Calculation run(Inventory inventory, Function<Site, FactorCatalog> catalogs, CalcOptions options) {
        return new Runner(inventory, catalogs, options).run();
    }

    /**
     * A line's input, grouped before the calculation: one meter's readings of a carrier (gas, use,
     * role) and unit in one bucket, summed exactly in that unit, with the rows and notes behind it.
     * {@link #group} makes them from readings; {@link #runLines} calculates from them.
     *
     * @param from the bucket's first day
     * @param to the bucket's exclusive end
     * @param firstSource the line's first input row (in input order), where its errors are reported
     */
    public record GroupedLine(String site, String meter, Carrier carrier, String gas, Use use, Role role,
            LocalDate from, LocalDate to, CarbonUnit unit, BigDecimal quantity, BigDecimal estimatedQuantity,
            SourceRef firstSource, RowRanges rows, List<String> derivations, List<String> prorations) {
    }

    /**
     * Groups consumption readings (the input stage's output) into lines for the period's buckets,
     * prorating a reading that crosses a bucket, exactly as {@link #run} does. The readings of one
     * meter may be grouped on their own: lines of several calls are put side by side by
     * {@link #runLines}, which adds up lines with the same key.
     */
    public static List<GroupedLine> group(List<Reading> readings, ReportingPeriod period) {
        Runner runner = new Runner(period);
        List<GroupedLine> out = new ArrayList<>();
        for (Line l : runner.group(readings, false)) {
            out.add(new GroupedLine(l.site, l.meter, l.carrier, l.gas, l.use, l.role, l.bucketStart, l.bucketEnd, l.unit,
                    l.quantity, l.estimatedQuantity, l.firstSource, l.lineage.rows(), List.copyOf(l.lineage.derivations()),
                    List.copyOf(l.lineage.prorations())));
        }
        return out;
    }

    /**
     * The calculation from lines grouped elsewhere ({@link #group}, e.g. per meter on many
     * machines): conversion, factors, market-based allocation, PUE and targets as in {@link #run}.
     * The inventory gives the sites, instruments, targets, denominators, issues and tally; its
     * readings are not used. {@code spans}: the time each meter's readings cover
     * ({@code Coverage.spans}), for the coverage checks.
     */
    public static Calculation runLines(Inventory inventory, List<GroupedLine> lines,
            Map<MeterKey, List<Coverage.Span>> spans,
            Function<Site, FactorCatalog> catalogs, CalcOptions options) {
        return new Runner(inventory, catalogs, options).runGrouped(lines, Map.copyOf(spans));
    }

    /** The time each meter's readings cover, when given to {@link #runLines}; null otherwise. */
    Map<MeterKey, List<Coverage.Span>> coverageSpans() {
        return spans;
    }

    public CalcOptions options() {
        return options;
    }

    public Inventory inventory() {
        return inventory;
    }

    /** Sites by id, including sites known only from readings (region {@code *}). */
    public Map<String, Site> sites() {
        return sites;
    }

    /** Every line, sorted by site, meter, carrier, gas, role and period. */
    public List<Line> lines() {
        return lines;
    }

    public List<YearIssue> issues() {
        return issues;
    }

    /** The results for a period. */
    public Results results(ReportingPeriod period) {
        return new Results(this, period);
    }

    // ------------------------------------------------------------------------------------------

    static final class Runner {
        /** The gases summed, each through its GWP, when no CO2e factor is used. */
        private static final List<Gas> GASES = List.of(Gas.CO2, Gas.CH4, Gas.N2O);
        private static final org.wattledger.engine.units.Dimension ENERGY = org.wattledger.engine.units.Dimension.ENERGY;
        /** Basis of a factor per gross (higher heating value) energy, e.g. US EPA's kg CO2/mmBtu. */
        static final String HHV_BASIS = "hhv";
        private static final BigDecimal CO2_PER_C_NUM = new BigDecimal(44);
        private static final BigDecimal CO2_PER_C_DEN = new BigDecimal(12);

        private final Inventory inventory;
        private final Function<Site, FactorCatalog> catalogs;
        private final CalcOptions options;
        private final ReportingPeriod period;
        private final Map<String, Site> sites = new TreeMap<>();
        private final Map<String, FactorCatalog> catalogBySite = new HashMap<>();
        /**
         * Factor look-ups per catalog. By identity: a catalog's own hash code runs over all its
         * factors, and was a tenth of a million-row report's time when asked per look-up.
         */
        private final Map<FactorCatalog, Map<FactorQuery, Optional<FactorChoice>>> lookups =
                new java.util.IdentityHashMap<>();
        /** Each issue once per data year: a notice raised in 2022 and 2024 belongs to both years' reports. */
        private final Set<YearIssue> issues = new LinkedHashSet<>();

        Runner(Inventory inventory, Function<Site, FactorCatalog> catalogs, CalcOptions options) {
            this.inventory = inventory;
            this.catalogs = catalogs;
            this.options = options;
            this.period = options.period();
        }

        /** A runner that only groups. */
        private Runner(ReportingPeriod period) {
            this.inventory = null;
            this.catalogs = null;
            this.options = null;
            this.period = period;
        }

        Calculation run() {
            for (Site s : inventory.sites()) {
                sites.putIfAbsent(s.id(), s);
            }
            List<Reading> readings = inventory.readings();
            // the coverage checks' spans, from the same readings, while they are grouped and calculated
            Background<Map<MeterKey, List<Coverage.Span>>> spans = readings.size() >= Background.FROM_ITEMS
                    ? Background.start("coverage", () -> Coverage.spans(readings)) : null;
            return calculate(group(readings, !inventory.sites().isEmpty()), spans == null ? () -> null : spans::get);
        }

        Calculation runGrouped(List<GroupedLine> grouped, Map<MeterKey, List<Coverage.Span>> spans) {
            for (Site s : inventory.sites()) {
                sites.putIfAbsent(s.id(), s);
            }
            boolean sitesTableGiven = !inventory.sites().isEmpty();
            List<GroupedLine> inInputOrder = new ArrayList<>(grouped);
            inInputOrder.sort(Comparator.comparing(GroupedLine::firstSource)); // stable: the same site warning as run()
            Map<GroupKey, Line> groups = new HashMap<>();
            for (GroupedLine g : inInputOrder) {
                resolveSite(g.site(), g.firstSource(), g.from().getYear(), sitesTableGiven);
                GroupKey key = new GroupKey(g.site(), g.meter(), g.carrier(), g.gas(), g.use(), g.role(),
                        g.unit().symbol(), g.from());
                Line line = groups.get(key);
                if (line == null) {
                    line = new Line(g.site(), g.meter(), g.carrier(), g.gas(), g.use(), g.role(), g.from(), g.to(),
                            g.unit());
                    line.firstSource = g.firstSource();
                    groups.put(key, line);
                }
                line.quantity = line.quantity.add(g.quantity());
                line.estimatedQuantity = line.estimatedQuantity.add(g.estimatedQuantity());
                line.lineage.rows().addAll(g.rows());
                g.derivations().forEach(line.lineage::derivation);
                g.prorations().forEach(line.lineage::proration);
            }
            List<Line> lines = new ArrayList<>(groups.values());
            lines.sort(LINE_ORDER);
            return calculate(lines, () -> spans);
        }

        /**
         * Everything after grouping: the one path of {@link #run} and {@link #runGrouped}. {@code spans}
         * gives the time each meter's readings cover once this is done, or null: from the readings when asked.
         */
        private Calculation calculate(List<Line> lines, Supplier<Map<MeterKey, List<Coverage.Span>>> spans) {
            DataCentreRoles.inferDataCentres(sites, lines).forEach(i -> issue(0, i));
            for (Line line : lines) {
                compute(line);
            }
            new MarketAllocation(this, options.instrumentAllocation(), lines).allocate(inventory.instruments());
            return new Calculation(inventory, options, sites, lines, List.copyOf(issues), spans.get());
        }

        /** A site the sites table does not list is reported without a region (warned about once, at its first row). */
        private void resolveSite(String id, SourceRef source, int year, boolean sitesTableGiven) {
            if (sites.containsKey(id)) {
                return;
            }
            if (sitesTableGiven) {
                issue(year, Issue.at(Severity.WARNING, source.atColumn(null),
                        "site '" + id + "' is not in the sites table; it is reported without a region"));
            }
            sites.put(id, new Site(id, id, "*", SiteKind.OTHER, null, null, null, false, null, null));
        }

        /** The order of a calculation's lines: site, meter, carrier, gas, role, use, bucket, unit. */
        private static final Comparator<Line> LINE_ORDER = Comparator.comparing(Line::site)
                .thenComparing(Line::meter).thenComparing(Line::carrier)
                .thenComparing((Line l) -> Objects.toString(l.gas, "")).thenComparing(Line::role)
                .thenComparing(l -> l.use == null ? "" : l.use.id()).thenComparing(Line::from)
                .thenComparing(l -> l.unit.symbol());

        // ---- grouping ----

        private record GroupKey(String site, String meter, Carrier carrier, String gas, Use use, Role role,
                String unit, LocalDate bucket) {
        }

        private List<Line> group(List<Reading> readings, boolean sitesTableGiven) {
            Map<GroupKey, Line> groups = new HashMap<>();
            ReadingStore store = readings instanceof ReadingStore s ? s : null;
            int lastStoreGroup = -1; // the store's group of lastReading
            for (int i = 0; i < readings.size(); i++) {
                if (store != null && lastLine != null && store.group(i) == lastStoreGroup
                        && store.within(i, lastBucketStartSecond, lastBucketEndSecond)
                        && derivation(lastReading) == null) {
                    // What lastReading shares with this one (site, meter, carrier, unit, quality, its table) was
                    // checked for it; within its bucket, only the quantity and the row are this reading's own.
                    addRow(lastLine, lastReading.quality(), store.quantity(i), lastReading.source(), store.row(i));
                    continue;
                }
                Reading r = readings.get(i);
                // The engine's input stage (meter.InputStage) turns these into consumption; a caller skipped it.
                if (r.type() == ReadingType.REGISTER) {
                    issue(0, Issue.error(r.source(), "register reading was not converted to consumption"));
                    continue;
                }
                if (r.endOnly()) {
                    issue(0, Issue.error(r.source(), "reading with only an end time was not given its start"));
                    continue;
                }
                resolveSite(r.site(), r.source(), r.to().getYear(), sitesTableGiven);
                addReading(groups, r);
                if (store != null && lastReading == r) {
                    lastStoreGroup = store.group(i);
                }
            }
            List<Line> lines = new ArrayList<>(groups.values());
            lines.sort(LINE_ORDER);
            return lines;
        }

        /** The line the previous reading went to, and its bucket: consecutive readings of a meter mostly share it. */
        private Line lastLine;
        private Reading lastReading;
        private LocalDateTime lastBucketStart;
        private LocalDateTime lastBucketEnd;
        /** The same bucket as the reading store holds times ({@link ReadingStore#heldSeconds}). */
        private long lastBucketStartSecond;
        private long lastBucketEndSecond;

        private void addReading(Map<GroupKey, Line> groups, Reading r) {
            LocalDateTime from = r.from();
            LocalDateTime to = r.to();
            if (lastLine != null && sameGroup(lastReading, r) && !from.isBefore(lastBucketStart)
                    && !to.isAfter(lastBucketEnd)) {
                addToLine(lastLine, r, r.quantity(), null);
                return;
            }
            LocalDateTime end = bucketEnd(from);
            if (!to.isAfter(end)) {
                LocalDate start = bucketStart(from);
                lastLine = addTo(groups, r, start, end.toLocalDate(), r.quantity(), null);
                lastReading = r;
                lastBucketStart = start.atStartOfDay();
                lastBucketEnd = end;
                lastBucketStartSecond = ReadingStore.heldSeconds(lastBucketStart);
                lastBucketEndSecond = ReadingStore.heldSeconds(lastBucketEnd);
                return;
            }
            long total = Duration.between(from, to).getSeconds();
            BigDecimal rest = r.quantity();
            LocalDateTime cursor = from;
            while (cursor.isBefore(to)) {
                LocalDateTime partEnd = bucketEnd(cursor);
                if (partEnd.isAfter(to)) {
                    partEnd = to;
                }
                long seconds = Duration.between(cursor, partEnd).getSeconds();
                boolean last = !partEnd.isBefore(to);
                BigDecimal part = last ? rest
                        : Exact.divide(r.quantity().multiply(BigDecimal.valueOf(seconds)), BigDecimal.valueOf(total));
                rest = rest.subtract(part);
                String note = r.source() + ": " + Lineage.plain(r.quantity()) + " " + r.unit().symbol() + " over "
                        + from + ".." + to + " prorated " + seconds + "/" + total + " s to " + cursor + ".." + partEnd
                        + " = " + Lineage.plain(part);
                addTo(groups, r, bucketStart(cursor), bucketEnd(cursor).toLocalDate(), part, note);
                cursor = partEnd;
            }
            lastLine = null;
        }

        private static boolean sameGroup(Reading a, Reading b) {
            return a.carrier() == b.carrier() && a.role() == b.role() && a.use() == b.use()
                    && (a.unit() == b.unit() || a.unit().equals(b.unit()))
                    && a.meter().equals(b.meter()) && a.site().equals(b.site()) && Objects.equals(a.gas(), b.gas());
        }

        private Line addTo(Map<GroupKey, Line> groups, Reading r, LocalDate bucket, LocalDate bucketEnd,
                BigDecimal quantity, String proration) {
            GroupKey key = new GroupKey(r.site(), r.meter(), r.carrier(), r.gas(), r.use(), r.role(), r.unit().symbol(),
                    bucket);
            Line line = groups.get(key);
            if (line == null) {
                line = new Line(r.site(), r.meter(), r.carrier(), r.gas(), r.use(), r.role(), bucket, bucketEnd, r.unit());
                groups.put(key, line);
            }
            addToLine(line, r, quantity, proration);
            return line;
        }

        private static void addToLine(Line line, Reading r, BigDecimal quantity, String proration) {
            if (line.firstSource == null) {
                line.firstSource = r.source().atColumn(null);
            }
            addRow(line, r.quality(), quantity, r.source(), r.source().row());
            String derivation = derivation(r);
            if (derivation != null) {
                line.lineage.derivation(derivation);
            }
            if (proration != null) {
                line.lineage.proration(proration);
            }
        }

        /** How a reading's quantity was made, for the lineage: a register difference or an estimate; null when measured. */
        private static String derivation(Reading r) {
            String note = r.note() == null || r.note().isBlank() ? null : r.note();
            if (note != null && note.startsWith(Registers.DIFFERENCE)) {
                return r.source() + ": " + note;
            }
            if (r.quality() == Quality.ESTIMATED) {
                return r.source() + ": estimated, " + (note != null ? note : "no note given");
            }
            return null;
        }

        /** Adds a reading's quantity and its row (in the file and sheet of {@code table}) to a line that has its first source. */
        private static void addRow(Line line, Quality quality, BigDecimal quantity, SourceRef table, int row) {
            line.quantity = line.quantity.add(quantity);
            if (quality == Quality.ESTIMATED) {
                line.estimatedQuantity = line.estimatedQuantity.add(quantity);
            }
            line.lineage.rows().add(table.file(), table.sheet(), row);
        }

        /** The start of the bucket holding a moment: its month start, or a period bound within that month. */
        private LocalDate bucketStart(LocalDateTime t) {
            LocalDate start = t.toLocalDate().withDayOfMonth(1);
            for (LocalDate bound : List.of(period.from(), period.to())) {
                if (!bound.isBefore(start) && !bound.atStartOfDay().isAfter(t)) {
                    start = bound;
                }
            }
            return start;
        }

        /** The exclusive end of the bucket holding a moment: the next month start or period bound. */
        private LocalDateTime bucketEnd(LocalDateTime t) {
            LocalDate end = t.toLocalDate().withDayOfMonth(1).plusMonths(1);
            for (LocalDate bound : List.of(period.from(), period.to())) {
                if (bound.atStartOfDay().isAfter(t) && bound.isBefore(end)) {
                    end = bound;
                }
            }
            return end.atStartOfDay();
        }

        // ---- per line ----

        private void compute(Line line) {
            Site site = sites.get(line.site);
            line.activity = line.unit.toCanonical(line.quantity);
            CarbonUnit canonical = CarbonUnits.canonical(line.dimension());
            if (line.unit.toCanonicalFactor().compareTo(BigDecimal.ONE) != 0) {
                line.lineage.conversion(Lineage.plain(line.quantity) + " " + line.unit.symbol() + " = "
                        + Lineage.plain(line.activity) + " " + canonical.symbol() + " (× "
                        + Lineage.plain(line.unit.toCanonicalFactor()) + ")");
            }
            switch (line.carrier.category()) {
                case WATER -> computeWater(line);
                case REFRIGERANT -> computeRefrigerant(line, site);
                case FUEL, PURCHASED_ENERGY -> computeEnergyCarrier(line, site);
            }
        }

        private void computeWater(Line line) {
            if (line.role != Role.MAIN) {
                return;
            }
            BigDecimal m3;
            switch (line.dimension()) {
                case VOLUME -> m3 = line.activity;
                case MASS -> {
                    // Water only: 1 t = 1 m3 (density 1000 kg/m3), as Chinese water bills give 吨.
                    m3 = Exact.divide(line.activity, new BigDecimal(1000));
                    line.lineage.conversion("water " + Lineage.plain(line.activity) + " kg = " + Lineage.plain(m3)
                            + " m3 (1 t = 1 m3)");
                }
                default -> {
                    issue(line, Issue.error(firstRow(line), "water must be a volume or a mass (m3, t), not "
                            + line.unit.symbol()));
                    return;
                }
            }
            line.put(Metric.WATER, m3);
        }

        private void computeRefrigerant(Line line, Site site) {
            if (line.role != Role.MAIN) {
                return;
            }
            if (line.dimension() != org.wattledger.engine.units.Dimension.MASS) {
                issue(line, Issue.error(firstRow(line), "a refrigerant top-up is a mass (kg, t), not " + line.unit.symbol()));
                return;
            }
            if (line.gas == null || line.gas.isBlank()) {
                issue(line, Issue.error(firstRow(line), "a refrigerant row needs its gas (R-134a, R-410A ...)"));
                return;
            }
            line.put(Metric.REFRIGERANT, line.activity);
            Optional<BigDecimal> gwp = gwp(line, site, line.gas);
            if (gwp.isEmpty()) {
                return;
            }
            BigDecimal co2e = line.activity.multiply(gwp.get());
            line.scope1Gas.merge(line.gas, line.activity, BigDecimal::add);
            line.scope1GasCo2e.merge(line.gas, co2e, BigDecimal::add);
            line.put(Metric.SCOPE1, co2e);
            line.lineage.formula(Metric.SCOPE1, Lineage.plain(line.activity) + " kg " + line.gas + " × GWP "
                    + Lineage.plain(gwp.get()) + " = " + Lineage.plain(co2e) + " kg CO2e");
        }

        private void computeEnergyCarrier(Line line, Site site) {
            Optional<BigDecimal> energy = energyMj(line, site);
            energy.ifPresent(e -> line.energyMj = e);
            switch (line.role) {
                case SUB -> {
                    // Informational submeter: never adds to totals.
                }
                case IT -> energy.ifPresent(e -> line.put(Metric.IT_ENERGY, e));
                case REUSE -> energy.ifPresent(e -> line.put(Metric.REUSE, e));
                case MAIN, ONSITE_RENEWABLE -> computeConsumed(line, site, energy);
            }
        }

        private void computeConsumed(Line line, Site site, Optional<BigDecimal> energy) {
            boolean onsite = line.role == Role.ONSITE_RENEWABLE;
            Optional<BigDecimal> kgce = standardCoal(line, site);
            kgce.ifPresentOrElse(k -> line.put(Metric.ENERGY_TCE, k), () -> line.tceMissing = true);
            energy.ifPresent(e -> {
                line.put(Metric.FACILITY_ENERGY, e);
                if (line.carrier == Carrier.ELECTRICITY) {
                    line.put(Metric.ELECTRICITY, e);
                }
                if (onsite) {
                    line.put(Metric.ONSITE_RENEWABLE, e);
                }
            });
            Optional<BigDecimal> reported = options.energyBasis() == CalcOptions.EnergyBasis.CALORIFIC ? energy
                    : kgce.flatMap(k -> gbtEnergyMj(line, site, k));
            reported.ifPresent(e -> {
                line.put(Metric.ENERGY, e);
                line.put(line.carrier.isFuel() || onsite ? Metric.ENERGY_DIRECT : Metric.ENERGY_INDIRECT, e);
            });
            if (onsite) {
                return;
            }
            if (line.carrier.isFuel()) {
                emissions(line, site, FactorKind.EMISSION, "", line.activity, line.unit, true, true, Metric.SCOPE1)
                        .ifPresent(kg -> line.put(Metric.SCOPE1, kg));
            } else if (energy.isPresent()) {
                String basis = line.carrier == Carrier.ELECTRICITY ? options.gridBasis().id() : "";
                emissions(line, site, FactorKind.EMISSION, basis, energy.get(), CarbonUnits.MJ, false, true,
                        Metric.SCOPE2_LOCATION).ifPresent(kg -> line.put(Metric.SCOPE2_LOCATION, kg));
                marketFallback(line, site, energy.get()).ifPresent(kg -> line.put(Metric.SCOPE2_MARKET, kg));
            }
        }

        /** Market-based Scope 2 for an amount without instruments: residual mix, else grid average (flagged). */
        Optional<BigDecimal> marketFallback(Line line, Site site, BigDecimal energyMj) {
            if (line.carrier == Carrier.ELECTRICITY) {
                Optional<BigDecimal> residual = emissions(line, site, FactorKind.RESIDUAL_MIX, "", energyMj,
                        CarbonUnits.MJ, false, false, Metric.SCOPE2_MARKET);
                if (residual.isPresent()) {
                    return residual;
                }
                issue(line, Issue.general(Severity.INFO, "site " + line.site + ": no residual mix for region "
                        + site.region() + " in " + catalog(site).searched() + " for " + line.year()
                        + "; market-based Scope 2 uses the location-based grid average (GHG Protocol Scope 2 Guidance, 6.11)"));
            }
            String basis = line.carrier == Carrier.ELECTRICITY ? options.gridBasis().id() : "";
            return emissions(line, site, FactorKind.EMISSION, basis, energyMj, CarbonUnits.MJ, false, false,
                    Metric.SCOPE2_MARKET);
        }

        /** Calorific energy of a line in MJ: the activity itself, or through the carrier's NCV. */
        private Optional<BigDecimal> energyMj(Line line, Site site) {
            if (line.dimension() == org.wattledger.engine.units.Dimension.ENERGY) {
                return Optional.of(line.activity);
            }
            FactorQuery q = query(line, site, FactorKind.NCV, null, "");
            Optional<Amount> found = perActivity(line, site, q);
            String purpose = "energy: NCV";
            if (found.isEmpty()) {
                // No net value: a gross one (HHV) gives gross energy. Nothing converts one into the other;
                // only factors per gross energy (basis hhv) then apply to it (emissions, route B).
                found = perActivity(line, site, query(line, site, FactorKind.HHV, null, ""));
                found.ifPresent(hhv -> {
                    line.energyGross = true;
                    issue(line, Issue.general(Severity.INFO, "site " + line.site + ": the energy of " + line.carrier.id()
                            + " is on the gross (higher heating value) basis of " + hhv.factor().factor().id()
                            + ": " + catalog(site).searched() + " hold no net calorific value for it"));
                });
                purpose = "energy: HHV (gross)";
            }
            Optional<Amount> ncv = found;
            if (ncv.isEmpty()) {
                line.energyUnknown = true;
                missingOrMismatch(line, site, q);
                return Optional.empty();
            }
            return applyFactor(line, ncv.get().factor(), purpose, ncv.get().value(), ncv.get().unit(), CarbonUnits.MJ)
                    .map(mj -> {
                        line.lineage.formula(Metric.ENERGY, Lineage.plain(line.quantity) + " " + line.unit.symbol()
                                + (ncv.get().unit() == line.unit ? "" : " = " + Lineage.plain(ncv.get().value()) + " "
                                        + ncv.get().unit().symbol())
                                + " × " + ncv.get().factor().factor().valueWithUnit() + " = " + Lineage.plain(mj) + " MJ");
                        return mj;
                    });
        }

        /** GB/T 2589 standard coal of a line in kgce; empty (and noted) when the set has no coefficient. */
        private Optional<BigDecimal> standardCoal(Line line, Site site) {
            FactorQuery q = query(line, site, FactorKind.TCE, null, "");
            Optional<Amount> c = perActivity(line, site, q);
            if (c.isEmpty()) {
                if (options.energyBasis() == CalcOptions.EnergyBasis.GBT2589) {
                    missingOrMismatch(line, site, q);
                } else if (needsDensity(line, site, q).isPresent()) {
                    issue(line, Issue.general(Severity.INFO, "site " + line.site + ": the GB/T 2589 coefficient for "
                            + line.carrier.id() + " (" + needsDensity(line, site, q).get().factor().id() + ") is per"
                            + " mass and " + line.carrier.id() + " is given in " + line.unit.symbol() + " with no density;"
                            + " standard coal (energyTce) is not reported for it"));
                } else {
                    issue(line, Issue.general(Severity.INFO, "site " + line.site + ": no GB/T 2589 coefficient for "
                            + line.carrier.id() + " in " + catalog(site).searched() + "; standard coal (energyTce) is not reported for it"));
                }
                return Optional.empty();
            }
            return applyFactor(line, c.get().factor(), "standard coal (GB/T 2589)", c.get().value(), c.get().unit(),
                    CarbonUnits.KGCE);
        }

        /** kgce restated as energy through electricity's equivalent coefficient (0.1229 kgce/kWh). */
        private Optional<BigDecimal> gbtEnergyMj(Line line, Site site, BigDecimal kgce) {
            FactorQuery q = new FactorQuery(Carrier.ELECTRICITY, FactorKind.TCE, null, site.region(), line.bucketStart, "",
                    null, org.wattledger.engine.units.Dimension.ENERGY);
            Optional<FactorChoice> c = lookup(site, q);
            if (c.isEmpty()) {
                missing(line, site, q);
                return Optional.empty();
            }
            var f = c.get().factor();
            line.lineage.addFactor("energy basis gbt2589: electricity equivalent", f, c.get().fallbacks());
            BigDecimal num = f.value().multiply(f.unit().numerator().toCanonicalFactor());
            BigDecimal den = f.unit().denominator().toCanonicalFactor();
            // kgce × (MJ per kgce) / (MJ of coal per MJ of electricity) = MJ of electricity
            return Optional.of(Exact.divide(kgce.multiply(CarbonUnits.KGCE.toCanonicalFactor()).multiply(den), num));
        }

        /**
         * Emissions of an amount through the best route, in kg CO2e, recording per-gas masses and
         * lineage. Routes: A amount × factor per activity unit (kind {@code directKind}; a fuel given as a
         * volume may meet a per-mass factor through its density); B
         * energy × factor per energy; C energy × carbon content × oxidation × 44/12 (CO2 only).
         * The route whose factor comes from the highest-priority layer wins; on a tie A, B, C.
         */
        Optional<BigDecimal> emissions(Line line, Site site, FactorKind directKind, String basis, BigDecimal amount,
                CarbonUnit amountUnit, boolean fuelRoutes, boolean required, Metric metric) {
            String mismatch = null;
            Map<Gas, Candidate> best = new LinkedHashMap<>();
            for (Gas gas : List.of(Gas.CO2E, Gas.CO2, Gas.CH4, Gas.N2O)) {
                List<Candidate> candidates = new ArrayList<>();
                FactorQuery qa = new FactorQuery(line.carrier, directKind, gas.id(), site.region(), line.bucketStart, basis, line.use);
                // A fuel's own amount may meet a per-mass factor through its density; other amounts are energy.
                Optional<Amount> a = fuelRoutes ? perActivity(line, site, qa)
                        : lookup(site, qa.forActivity(amountUnit.dimension())).map(f -> new Amount(f, amount, amountUnit));
                if (a.isPresent()) {
                    candidates.add(new Candidate(Route.A, a.get().factor().layer(), a.get().factor(), null, a.get()));
                } else if (mismatch == null) {
                    mismatch = lookup(site, qa).map(other -> mismatchText(line, other)).orElse(null);
                }
                if (fuelRoutes && line.energyMj != null && gas != Gas.CO2E) {
                    perEnergy(line, site, gas).ifPresent(b -> candidates.add(new Candidate(Route.B, b.layer(), b, null, null)));
                    if (gas == Gas.CO2 && !line.energyGross) {
                        Optional<FactorChoice> cc = lookup(site, query(line, site, FactorKind.CARBON_CONTENT, null, "").forActivity(ENERGY));
                        Optional<FactorChoice> ox = lookup(site, query(line, site, FactorKind.OXIDATION, null, ""));
                        if (cc.isPresent() && ox.isPresent()) {
                            candidates.add(new Candidate(Route.C, cc.get().layer(), cc.get(), ox.get(), null));
                        }
                    }
                }
                candidates.stream().min(Comparator.comparingInt(Candidate::layer).thenComparing(Candidate::route))
                        .ifPresent(c -> best.put(gas, c));
            }
            Candidate co2e = best.get(Gas.CO2E);
            Candidate co2 = best.get(Gas.CO2);
            if (co2e == null && co2 == null) {
                // A fuel whose energy is unknown already has the error that says why (e.g. litres without a density).
                if (required && !(fuelRoutes && line.energyUnknown)) {
                    if (mismatch != null) {
                        issue(line, Issue.error(firstRow(line), mismatch));
                    } else {
                        missing(line, site, new FactorQuery(line.carrier, directKind, Gas.CO2.id(), site.region(),
                                line.bucketStart, basis, line.use));
                    }
                }
                return Optional.empty();
            }
            if (mismatch != null) {
                issue(line, Issue.general(Severity.INFO, "site " + line.site + ": " + mismatch + "; another route was used"));
            }
            if (co2e != null && (co2 == null || co2e.layer() <= co2.layer())) {
                BigDecimal kg = apply(line, co2e, amount, amountUnit, metric, Gas.CO2E);
                if (kg != null && metric == Metric.SCOPE1) {
                    line.scope1GasCo2e.merge(Gas.CO2E.id(), kg, BigDecimal::add); // a CO2e factor does not split by gas
                }
                return Optional.ofNullable(kg);
            }
            BigDecimal total = BigDecimal.ZERO;
            Map<String, BigDecimal> co2eByGas = new java.util.TreeMap<>();
            for (Gas gas : GASES) {
                Candidate c = best.get(gas);
                if (c == null) {
                    if (fuelRoutes && metric == Metric.SCOPE1) {
                        issue(line, Issue.general(Severity.INFO, "site " + line.site + ": no " + gas.id() + " factor for "
                                + line.carrier.id() + " in " + catalog(site).searched() + "; " + gas.id() + " is not counted"));
                    }
                    continue;
                }
                BigDecimal kgGas = apply(line, c, amount, amountUnit, metric, gas);
                if (kgGas == null) {
                    return Optional.empty();
                }
                Optional<BigDecimal> gwp = gas == Gas.CO2 ? Optional.of(BigDecimal.ONE) : gwp(line, site, gas.id());
                if (gwp.isEmpty()) {
                    return Optional.empty();
                }
                if (metric == Metric.SCOPE1) {
                    line.scope1Gas.merge(gas.id(), kgGas, BigDecimal::add);
                }
                total = total.add(kgGas.multiply(gwp.get()));
                co2eByGas.put(gas.id(), kgGas.multiply(gwp.get()));
            }
            if (metric == Metric.SCOPE1) {
                co2eByGas.forEach((g, kg) -> line.scope1GasCo2e.merge(g, kg, BigDecimal::add));
            }
            return Optional.of(total);
        }

        /**
         * The factor per energy for route B. Energy computed from a heat content meets only factors of
         * its own basis: gross (from kind hhv) only basis hhv, net (from kind ncv) only the others. An
         * amount read as energy states no basis: it takes the factor of the highest-priority set, net or
         * gross (US EPA's per-mmBtu factors are per gross energy, as US energy quantities are stated).
         */
        private Optional<FactorChoice> perEnergy(Line line, Site site, Gas gas) {
            FactorQuery net = query(line, site, FactorKind.EMISSION_PER_ENERGY, gas.id(), "").forActivity(ENERGY);
            FactorQuery gross = query(line, site, FactorKind.EMISSION_PER_ENERGY, gas.id(), HHV_BASIS).forActivity(ENERGY);
            if (line.dimension() != ENERGY) {
                return lookup(site, line.energyGross ? gross : net);
            }
            Optional<FactorChoice> n = lookup(site, net);
            Optional<FactorChoice> g = lookup(site, gross);
            return g.isPresent() && (n.isEmpty() || g.get().layer() < n.get().layer()) ? g : n;
        }

        /** A route's factor; for route A also the amount it applies to (the activity, or its mass by density). */
        private record Candidate(Route route, int layer, FactorChoice factor, FactorChoice oxidation, Amount amount) {
        }

        /** kg of one gas from a route; null on a unit mismatch (issue recorded). */
        private BigDecimal apply(Line line, Candidate c, BigDecimal amount, CarbonUnit amountUnit, Metric metric,
                Gas gas) {
            String purpose = metric.key() + " " + gas.id() + ", route " + c.route();
            Optional<BigDecimal> kg = switch (c.route()) {
                case A -> applyFactor(line, c.factor(), purpose, c.amount().value(), c.amount().unit(), CarbonUnits.KG);
                case B -> applyFactor(line, c.factor(), purpose, line.energyMj, CarbonUnits.MJ, CarbonUnits.KG);
                case C -> applyFactor(line, c.factor(), purpose + " carbon content", line.energyMj, CarbonUnits.MJ,
                        CarbonUnits.KG).map(carbon -> {
                            BigDecimal ox = c.oxidation().factor().unit().asNumber(c.oxidation().factor().value());
                            line.lineage.addFactor(purpose + " oxidation", c.oxidation().factor(), c.oxidation().fallbacks());
                            return Exact.divide(carbon.multiply(ox).multiply(CO2_PER_C_NUM), CO2_PER_C_DEN);
                        });
            };
            kg.ifPresent(v -> line.lineage.formula(metric, gas.id() + " route " + c.route() + " ("
                    + c.route().formula() + ") = " + Lineage.plain(v) + " kg"));
            return kg.orElse(null);
        }

        /** How a gas's mass is worked out from a fuel; on a tie between layers the earlier route wins. */
        enum Route {
            /** The amount × a factor per activity unit (or per mass, through the fuel's density). */
            A("activity × emission factor"),
            /** The energy × a factor per energy. */
            B("activity × NCV × emission factor per energy"),
            /** The energy × carbon content × oxidation × 44/12 (CO2 only). */
            C("activity × NCV × carbon content × oxidation × 44/12");

            private final String formula;

            Route(String formula) {
                this.formula = formula;
            }

            String formula() {
                return formula;
            }
        }

        private Optional<BigDecimal> applyFactor(Line line, FactorChoice choice, String purpose, BigDecimal amount,
                CarbonUnit amountUnit, CarbonUnit resultUnit) {
            var f = choice.factor();
            try {
                BigDecimal v = f.unit().apply(amount, amountUnit, f.value(), resultUnit);
                line.lineage.addFactor(purpose, f, choice.fallbacks());
                for (String fallback : choice.fallbacks()) {
                    issue(line, Issue.general(Severity.INFO, "site " + line.site + ": " + fallback));
                }
                return Optional.of(v);
            } catch (org.wattledger.engine.units.FactorUnit.UnitMismatchException e) {
                issue(line, Issue.error(firstRow(line), e.getMessage() + " (factor " + f.id() + ")"));
                return Optional.empty();
            }
        }

        private Optional<BigDecimal> gwp(Line line, Site site, String gas) {
            FactorQuery q = new FactorQuery(null, FactorKind.GWP, gas, "*", line.bucketStart, options.gwpSet().id(), null);
            Optional<FactorChoice> c = lookup(site, q);
            if (c.isEmpty()) {
                missing(line, site, q);
                return Optional.empty();
            }
            line.lineage.addFactor("GWP " + gas + " (" + options.gwpSet().id() + ")", c.get().factor(), c.get().fallbacks());
            return Optional.of(c.get().factor().unit().asNumber(c.get().factor().value()));
        }

        private FactorQuery query(Line line, Site site, FactorKind kind, String gas, String basis) {
            return new FactorQuery(line.carrier, kind, gas, site.region(), line.bucketStart, basis, line.use);
        }

        Optional<FactorChoice> lookup(Site site, FactorQuery q) {
            FactorCatalog catalog = catalog(site);
            return lookups.computeIfAbsent(catalog, c -> new HashMap<>()).computeIfAbsent(q, catalog::find);
        }

        Site catalogSite(Line line) {
            return sites.get(line.site);
        }

        FactorCatalog catalog(Site site) {
            return catalogBySite.computeIfAbsent(site.id(), id -> catalogs.apply(site));
        }

        private static String mismatchText(Line line, FactorChoice other) {
            return new org.wattledger.engine.units.FactorUnit.UnitMismatchException(line.unit, other.factor().unit())
                    .getMessage() + " (factor " + other.factor().id() + ")";
        }

        /** No factor fits the line: an error naming both units when one of another dimension exists, else a missing factor. */
        private void missingOrMismatch(Line line, Site site, FactorQuery q) {
            Optional<FactorChoice> perMass = needsDensity(line, site, q);
            if (perMass.isPresent()) {
                issue(line, Issue.error(firstRow(line), densityNeeded(line, site, perMass.get())));
                return;
            }
            Optional<FactorChoice> other = lookup(site, q);
            if (other.isPresent()) {
                issue(line, Issue.error(firstRow(line), mismatchText(line, other.get())));
            } else {
                missing(line, site, q);
            }
        }

        /** An amount ready for a factor: the line's activity as read, or its mass through the carrier's density. */
        private record Amount(FactorChoice factor, BigDecimal value, CarbonUnit unit) {
        }

        /**
         * The factor for the line's own activity; else, for a volume, one published per mass applied
         * to volume × the carrier's density, when the sets hold a density. Empty when neither fits.
         */
        private Optional<Amount> perActivity(Line line, Site site, FactorQuery q) {
            Optional<FactorChoice> own = lookup(site, q.forActivity(line.dimension()));
            if (own.isPresent()) {
                return Optional.of(new Amount(own.get(), line.activity, line.unit));
            }
            if (line.dimension() != org.wattledger.engine.units.Dimension.VOLUME) {
                return Optional.empty();
            }
            Optional<FactorChoice> perMass = lookup(site, q.forActivity(org.wattledger.engine.units.Dimension.MASS));
            if (perMass.isEmpty()) {
                return Optional.empty();
            }
            return massByDensity(line, site).map(kg -> new Amount(perMass.get(), kg, CarbonUnits.KG));
        }

        /** The line's volume in kg through the carrier's density factor, recorded once in the lineage. */
        private Optional<BigDecimal> massByDensity(Line line, Site site) {
            FactorQuery q = query(line, site, FactorKind.DENSITY, null, "")
                    .forActivity(org.wattledger.engine.units.Dimension.VOLUME);
            Optional<FactorChoice> density = lookup(site, q);
            if (density.isEmpty()) {
                return Optional.empty();
            }
            if (line.massKg == null) {
                var f = density.get().factor();
                line.massKg = f.unit().apply(line.activity, line.unit, f.value(), CarbonUnits.KG);
                line.lineage.addFactor("density", f, density.get().fallbacks());
                line.lineage.conversion(Lineage.plain(line.quantity) + " " + line.unit.symbol() + " × "
                        + f.valueWithUnit() + " = " + Lineage.plain(line.massKg) + " kg (density)");
            }
            return Optional.of(line.massKg);
        }

        /** A factor the sets publish per mass for a line given as a volume without a density, if any. */
        private Optional<FactorChoice> needsDensity(Line line, Site site, FactorQuery q) {
            if (line.dimension() != org.wattledger.engine.units.Dimension.VOLUME || massByDensity(line, site).isPresent()) {
                return Optional.empty();
            }
            return lookup(site, q.forActivity(org.wattledger.engine.units.Dimension.MASS));
        }

        /** What to add when a volume meets a per-mass factor: the density row, with the columns of a factor sheet. */
        private String densityNeeded(Line line, Site site, FactorChoice perMass) {
            String carrier = line.carrier.id();
            return carrier + " is given in " + line.unit.symbol() + ", but its " + perMass.factor().kind().id()
                    + " in " + catalog(site).searched() + " is per mass (" + perMass.factor().id() + ", "
                    + perMass.factor().valueWithUnit() + ") and no density of " + carrier + " is given, so its "
                    + perMass.factor().kind().id() + " cannot be applied. Give the quantity in kg or t, or add a density row to a"
                    + " factor sheet (--factor-sheet) with the columns id,carrier,kind,value,unit,region,valid_from,source,"
                    + " e.g. my.density." + carrier + "," + carrier + ",density,VALUE,kg/L,*," + line.bucketStart.getYear()
                    + "-01-01,SOURCE where VALUE is the density in kg per litre that your supplier's delivery notes or a"
                    + " published standard give and SOURCE cites it";
        }

        private void missing(Line line, Site site, FactorQuery q) {
            issue(line, Issue.general(Severity.ERROR, "site " + line.site + ": missing factor: " + q.describe()
                    + "; searched " + catalog(site).searched()));
        }

        void issue(Line line, Issue issue) {
            issue(line.year(), issue);
        }

        void issue(int year, Issue issue) {
            issues.add(new YearIssue(year, issue));
        }

        static org.wattledger.engine.model.SourceRef firstRow(Line line) {
            return line.firstSource;
        }
    }
}
