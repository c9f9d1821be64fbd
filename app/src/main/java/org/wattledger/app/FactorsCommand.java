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
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code factors list | show ID | diff SET@A SET@B [--input WORKBOOK]}. */
@Command(name = "factors", mixinStandardHelpOptions = true,
        description = "Browse the bundled factor sets: list them, show a factor, compare two releases.",
        subcommands = {FactorsCommand.ListSets.class, FactorsCommand.Show.class, FactorsCommand.Diff.class})
final class FactorsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "name a factors command: list, show or diff");
    }

    /** --factor-releases for the factors commands. */
    static final class Releases {
        @Option(names = "--factor-releases", paramLabel = "DIR", description = "A folder of further releases; may be repeated.")
        List<Path> roots = new java.util.ArrayList<>();

        FactorLibrary factorLibrary() {
            return Libraries.load(roots);
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The bundled sets, their releases and factor counts.")
    static final class ListSets implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Releases releases;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            out.printf("%-10s %-8s %-10s %7s  %-10s %s%n", "set", "version", "released", "factors", "countries", "title");
            for (FactorLibrary.SetInfo set : releases.factorLibrary().sets()) {
                for (FactorLibrary.ReleaseInfo r : set.releases()) {
                    out.printf("%-10s %-8s %-10s %7d  %-10s %s%n", set.id(), r.version(), r.released(), r.factors(),
                            r.countries().isEmpty() ? "-" : String.join(",", r.countries()), set.title());
                }
            }
            out.flush();
            return ExitCode.OK;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "A factor in every release that has it.")
    static final class Show implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "ID", description = "Factor id, e.g. cn.mee-nbs.grid.cn.2022")
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
                if (!f.note().isEmpty()) {
                    out.println("  note      " + f.note());
                }
            }
            out.flush();
            return ExitCode.OK;
        }
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
            diff.changed().forEach(c -> out.println("~ " + c.after().id() + "  " + String.join(", ", c.fields()) + ": "
                    + c.before().valueWithUnit() + " -> " + c.after().valueWithUnit()));
            if (input != null) {
                return Runs.guard(err, () -> {
                    calculation.factors = from;
                    Pipeline.Outcome a = Pipeline.run(List.of(input), calculation, false, err);
                    calculation.factors = to;
                    Pipeline.Outcome b = Pipeline.run(List.of(input), calculation, false, err);
                    printImpact(out, a, b);
                    return ExitCode.OK;
                });
            }
            out.flush();
            return ExitCode.OK;
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
