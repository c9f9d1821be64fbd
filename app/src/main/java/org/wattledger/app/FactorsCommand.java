package org.wattledger.app;

import java.math.BigDecimal;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.wattledger.engine.calc.Figures;
import org.wattledger.engine.calc.Metric;
import org.wattledger.engine.calc.SiteResult;
import org.wattledger.engine.factor.Factor;
import org.wattledger.engine.units.Exact;
import org.wattledger.factors.FactorDiff;
import org.wattledger.factors.FactorLibrary;
import org.wattledger.factors.FactorSetException;
import org.wattledger.factors.FactorSheetLoader;
import org.wattledger.factors.Release;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code factors list [SET[@VERSION]] | search TEXT | show ID | diff SET@A SET@B [--input WORKBOOK]}. */
@Command(name = "factors", mixinStandardHelpOptions = true,
        description = "Browse the bundled factor sets: list them or a release's factors, search, show a factor,"
                + " compare two releases.",
        subcommands = {FactorsCommand.ListSets.class, FactorsCommand.Search.class, FactorsCommand.Show.class,
                FactorsCommand.Diff.class})
final class FactorsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "name a factors command: list, search, show or diff");
    }

    /** --factor-releases for the factors commands. */
    static final class Releases {
        @Option(names = "--factor-releases", paramLabel = "DIR", description = "A folder of further releases; may be repeated.")
        List<Path> roots = new java.util.ArrayList<>();

        FactorLibrary factorLibrary() {
            return Libraries.load(roots);
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Without SET: the sets, their releases and factor counts. With SET[@VERSION]: every factor"
                    + " of that release (the newest without @VERSION): id, value and unit, gas, region, validity.")
    static final class ListSets implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(arity = "0..1", paramLabel = "SET[@VERSION]", description = "A release, e.g. cn or cn@2026.1.")
        String release;

        @Mixin
        Releases releases;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            FactorLibrary library = releases.factorLibrary();
            if (release != null) {
                Release r;
                try {
                    r = library.release(release);
                } catch (FactorSetException e) {
                    throw new UsageException(e.getMessage());
                }
                out.println(r.ref() + ": " + r.factors().size() + " factors");
                printFactors(out, r.factors(), false);
                out.flush();
                return ExitCode.OK;
            }
            out.printf("%-10s %-8s %-10s %7s  %-10s %s%n", "set", "version", "released", "factors", "countries", "title");
            for (FactorLibrary.SetInfo set : library.sets()) {
                for (FactorLibrary.ReleaseInfo r : set.releases()) {
                    out.printf("%-10s %-8s %-10s %7d  %-10s %s%n", set.id(), r.version(), r.released(), r.factors(),
                            r.countries().isEmpty() ? "-" : String.join(",", r.countries()), set.title());
                }
            }
            out.flush();
            return ExitCode.OK;
        }
    }

    /** One line per factor, columns aligned: [set] id, value and unit, gas, region, validity. */
    static void printFactors(PrintWriter out, List<Factor> factors, boolean withSet) {
        int idWidth = factors.stream().mapToInt(f -> f.id().length()).max().orElse(2);
        int valueWidth = factors.stream().mapToInt(f -> f.valueWithUnit().length()).max().orElse(5);
        int setWidth = factors.stream().mapToInt(f -> f.set().length()).max().orElse(3);
        for (Factor f : factors) {
            String line = (withSet ? pad(f.set(), setWidth) + "  " : "") + pad(f.id(), idWidth) + "  "
                    + pad(f.valueWithUnit(), valueWidth) + "  " + pad(f.gas() == null ? "-" : f.gas(), 6) + "  "
                    + pad(f.region(), 9) + "  " + f.validity();
            out.println(line.stripTrailing());
        }
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    @Command(name = "search", mixinStandardHelpOptions = true,
            description = "Factors of each set's newest release whose id, carrier, region, source or note contains"
                    + " TEXT (case ignored).")
    static final class Search implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "TEXT", description = "e.g. diesel, CN-GD or \"Announcement No. 12\"")
        String text;

        @Mixin
        Releases releases;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            List<Factor> found = releases.factorLibrary().search(text);
            List<String> regions = FactorLibrary.chinaRegions(text);
            if (!regions.isEmpty()) {
                // Say why factors of another region are listed: a site there falls back to them.
                out.println("'" + text.strip() + "' is region " + regions.get(0) + ": a site there takes the first factor"
                        + " found for " + String.join(", ", regions) + ", then CN");
            }
            out.println(found.size() + (found.size() == 1 ? " factor" : " factors") + " match '" + text.strip() + "'");
            printFactors(out, found, true);
            out.flush();
            return ExitCode.OK;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "A factor in every release that has it.")
    static final class Show implements Callable<Integer> {
        /** An id the bundled cn set has (a test checks it): China's national grid average for 2022. */
        static final String EXAMPLE_ID = "cn.grid.avg.cn.2022";

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "ID", description = "Factor id, e.g. " + Show.EXAMPLE_ID
                + " (factors list SET or factors search TEXT finds ids)")
        String id;

        @Mixin
        Releases releases;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            FactorLibrary library = releases.factorLibrary();
            List<Factor> found = library.find(id);
            if (found.isEmpty()) {
                throw new UsageException("no factor with id '" + id + "' in " + library.available());
            }
            for (Factor f : found) {
                out.println(f.id() + "  (" + f.set() + ")");
                out.println("  value     " + f.valueWithUnit() + (f.gas() == null ? "" : " " + f.gas()));
                out.println("  kind      " + f.kind().id() + (f.basis().isEmpty() ? "" : ", basis " + f.basis())
                        + (f.use() == null ? "" : ", " + f.use().id()));
                out.println("  carrier   " + (f.carrier() == null ? "*" : f.carrier().id()) + ", region " + f.region());
                out.println("  valid     " + f.validity());
                out.println("  source    " + f.source());
                confirmation(f, library).ifPresent(c -> out.println("  confirmed " + c));
                if (!f.note().isEmpty()) {
                    out.println("  note      " + f.note());
                }
            }
            out.flush();
            return ExitCode.OK;
        }
    }

    /**
     * How a value was checked: "single-source" values (one copy of the official table found) say so
     * in their note; the other values of a bundled release were found in two copies. A release or
     * sheet a user adds makes no claim beyond its note.
     */
    static java.util.Optional<String> confirmation(Factor f, FactorLibrary library) {
        if (f.note().contains(FactorSheetLoader.SINGLE_SOURCE)) {
            return java.util.Optional.of(FactorSheetLoader.SINGLE_SOURCE + " (one copy of the official table found)");
        }
        boolean bundled = library.release(f.set()).location().equals(FactorLibrary.BUNDLED_LOCATION);
        return bundled ? java.util.Optional.of(FactorSheetLoader.TWO_SOURCES
                + " (two independent copies of the official table agree)") : java.util.Optional.empty();
    }

    @Command(name = "diff", mixinStandardHelpOptions = true,
            description = "What changed between two releases; with --input, how each site's totals would move.")
    static final class Diff implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "SET@A")
        String from;

        @Parameters(index = "1", paramLabel = "SET@B")
        String to;

        @Option(names = "--input", paramLabel = "WORKBOOK", description = "Recalculate this input under both releases.")
        Path input;

        @Mixin
        CalculationOptions calculation;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            FactorDiff diff;
            try {
                diff = calculation.factorLibrary().diff(from, to);
            } catch (FactorSetException e) {
                throw new UsageException(e.getMessage());
            }
            out.println("factors " + diff.from() + " -> " + diff.to() + ": " + diff.added().size() + " added, "
                    + diff.removed().size() + " removed, " + diff.changed().size() + " changed");
            diff.added().forEach(f -> out.println("+ " + f.id() + "  " + f.valueWithUnit() + "  " + f.region() + "  " + f.validity()));
            diff.removed().forEach(f -> out.println("- " + f.id() + "  " + f.valueWithUnit() + "  " + f.region() + "  " + f.validity()));
            for (FactorDiff.Change c : diff.changed()) {
                c.fields().forEach(field -> out.println("~ " + c.after().id() + "  " + c.describe(field)));
            }
            List<FactorDiff.Change> unversioned = diff.unversioned();
            for (FactorDiff.Change c : unversioned) {
                err.println("wattledger: " + c.after().id() + " changed from " + diff.from() + " to " + diff.to()
                        + " but its row still has version " + c.after().version()
                        + "; a corrected factor must carry the version of the release that corrects it");
            }
            if (input != null) {
                return Runs.guard(err, () -> {
                    calculation.factors = from;
                    Pipeline.Outcome a = Pipeline.run(List.of(input), calculation, false, err);
                    calculation.factors = to;
                    Pipeline.Outcome b = Pipeline.run(List.of(input), calculation, false, err);
                    printImpact(out, a, b);
                    return unversioned.isEmpty() ? ExitCode.OK : ExitCode.INPUT_ERRORS;
                });
            }
            out.flush();
            err.flush();
            return unversioned.isEmpty() ? ExitCode.OK : ExitCode.INPUT_ERRORS;
        }

        private static final List<Metric> METRICS = List.of(Metric.SCOPE1, Metric.SCOPE2_LOCATION, Metric.SCOPE2_MARKET,
                Metric.ENERGY);

        private void printImpact(PrintWriter out, Pipeline.Outcome a, Pipeline.Outcome b) {
            out.println();
            out.println("impact on " + input.getFileName() + ", " + a.results().period() + ":");
            out.printf("%-14s %-16s %18s %18s %18s%n", "site", "figure", from, to, "change");
            Map<String, Figures> before = bySite(a.results().sites());
            Map<String, Figures> after = bySite(b.results().sites());
            before.put("(total)", a.results().totals());
            after.put("(total)", b.results().totals());
            for (String site : before.keySet()) {
                for (Metric m : METRICS) {
                    BigDecimal x = before.get(site).reported(m).orElse(null);
                    BigDecimal y = after.getOrDefault(site, new Figures()).reported(m).orElse(null);
                    if (x == null && y == null) {
                        continue;
                    }
                    String change = x == null || y == null ? "n/a" : signed(y.subtract(x));
                    out.printf("%-14s %-16s %18s %18s %18s%n", site, m.key() + " (" + m.reportUnit() + ")",
                            show(x), show(y), change);
                }
            }
            out.flush();
        }

        private static Map<String, Figures> bySite(List<SiteResult> sites) {
            Map<String, Figures> out = new TreeMap<>();
            sites.forEach(s -> out.put(s.site().id(), s.figures()));
            return out;
        }

        private static String show(BigDecimal v) {
            return v == null ? "-" : Exact.forDisplay(v, 3).toPlainString();
        }

        private static String signed(BigDecimal v) {
            String s = Exact.forDisplay(v, 3).toPlainString();
            return v.signum() > 0 ? "+" + s : s;
        }
    }
}
