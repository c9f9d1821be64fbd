package org.wattledger.benchmarks.importing;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.wattledger.engine.model.Carrier;
import org.wattledger.engine.meter.InputStage;
import org.wattledger.engine.model.Inventory;
import org.wattledger.engine.model.Reading;
import org.wattledger.importers.ImportOptions;
import org.wattledger.importers.WorkbookImporter;

/**
 * Times {@link WorkbookImporter#read} and the engine's input stage on one file, several runs in one JVM, and prints each run and
 * the median: {@code java -Xmx256m -cp benchmarks.jar org.wattledger.benchmarks.importing.ImportTiming FILE [RUNS]}.
 * The task timed is the one of docs/benchmarks.md, "Import": read every row into engine readings
 * (with the register, duplicate, overlap and gap checks) and sum the quantity by carrier, exactly,
 * in each carrier's canonical unit. Prints nothing but the figures; the first run includes JIT
 * warm-up, which is why the median of several is reported.
 */
public final class ImportTiming {
    private ImportTiming() {
    }

    public static void main(String[] args) {
        if (args.length < 1) {
            System.err.println("usage: ImportTiming FILE [RUNS]");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        List<Double> seconds = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            System.gc();
            long t0 = System.nanoTime();
            Inventory inv = InputStage.prepare(WorkbookImporter.read(List.of(file), ImportOptions.defaults()),
                    InputStage.Gaps.REPORT);
            Map<Carrier, BigDecimal> sums = new EnumMap<>(Carrier.class);
            for (Reading r : inv.readings()) {
                sums.merge(r.carrier(), r.unit().toCanonical(r.quantity()), BigDecimal::add);
            }
            double s = (System.nanoTime() - t0) / 1e9;
            seconds.add(s);
            Runtime rt = Runtime.getRuntime();
            long usedMb = (rt.totalMemory() - rt.freeMemory()) >> 20;
            System.out.printf(Locale.ROOT, "run %d: %.3f s, rows read %d, accepted %d, rejected %d, readings %d,"
                    + " issues %d, heap in use after %d MB (max %d MB)%n", run, s, inv.rows().read(),
                    inv.rows().accepted(), inv.rows().rejected(), inv.readings().size(), inv.issues().size(), usedMb,
                    rt.maxMemory() >> 20);
            if (run == 1) {
                sums.forEach((c, v) -> System.out.printf(Locale.ROOT, "  %s: %s (canonical unit)%n", c.id(),
                        v.toPlainString()));
                inv.issues().stream().limit(5).forEach(i -> System.out.println("  " + i));
            }
        }
        double[] sorted = seconds.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double median = sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
        System.out.printf(Locale.ROOT, "median of %d runs: %.3f s; runs %s%n", runs, median,
                Arrays.toString(seconds.stream().map(x -> String.format(Locale.ROOT, "%.3f", x)).toArray()));
    }
}
