package org.wattledger.benchmarks.importing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.wattledger.engine.meter.InputStage;
import org.wattledger.engine.model.Inventory;
import org.wattledger.importers.ImportOptions;
import org.wattledger.importers.WorkbookImporter;

/**
 * Live heap per reading after an import: imports a file (and runs the engine's input stage),
 * collects garbage, and divides the heap the inventory keeps alive by its readings; then prints
 * the heap histogram's largest classes ({@code jcmd PID GC.class_histogram}, a JDK tool).
 *
 * <pre>java -Xmx1g -cp benchmarks.jar org.wattledger.benchmarks.importing.HeapPerReading readings.csv</pre>
 *
 * Uses only the importer's and the engine's public entry points, so it can be compiled against
 * an older build for a before/after comparison.
 */
public final class HeapPerReading {
    private HeapPerReading() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length != 1) {
            System.err.println("usage: HeapPerReading FILE");
            System.exit(2);
        }
        long before = usedAfterGc();
        Inventory inv = InputStage.prepare(WorkbookImporter.read(List.of(Path.of(args[0])), ImportOptions.defaults()),
                InputStage.Gaps.REPORT);
        long after = usedAfterGc();
        int readings = inv.readings().size();
        System.out.printf(Locale.ROOT, "readings %d, live heap kept %.1f MB, %.1f bytes per reading%n", readings,
                (after - before) / 1e6, (after - before) / (double) readings);
        Process jcmd = new ProcessBuilder("jcmd", Long.toString(ProcessHandle.current().pid()), "GC.class_histogram")
                .redirectErrorStream(true).start();
        List<String> lines = new String(jcmd.getInputStream().readAllBytes()).lines().toList();
        jcmd.waitFor();
        lines.stream().limit(13).forEach(System.out::println);
        System.out.println(inv.rows()); // keeps the inventory reachable until after the histogram
    }

    private static long usedAfterGc() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
