package org.wattledger.app;

import java.util.Locale;
import java.util.Set;
import org.wattledger.factors.FactorLibrary;
import org.wattledger.importers.WorkbookImporter;

/**
 * Work a command will need, started on a thread of its own while the command line is parsed and
 * the inputs are read: the bundled factor library (about 0.2 s to load) for the commands that
 * calculate, and the workbook reader's XML parser when an input is a workbook. A failure here is
 * left to the command's own use of the same thing to report.
 */
final class Preload {
    private static final Set<String> CALCULATING = Set.of("report", "demo");
    private static final Set<String> READING = Set.of("report", "validate", "import");

    private Preload() {
    }

    static void startFor(String[] args) {
        if (args.length == 0) {
            return;
        }
        boolean library = CALCULATING.contains(args[0]);
        boolean workbooks = READING.contains(args[0]) && namesWorkbook(args);
        if (!library && !workbooks) {
            return;
        }
        Thread preload = new Thread(() -> {
            try {
                if (workbooks) {
                    WorkbookImporter.prepareWorkbookReading(); // first: a workbook is read before factors are used
                }
                if (library) {
                    FactorLibrary.bundled();
                }
            } catch (RuntimeException | Error e) {
                // the command meets the same failure when it uses what failed here, and reports it
            }
        }, "wattledger-preload");
        preload.setDaemon(true);
        preload.start();
    }

    private static boolean namesWorkbook(String[] args) {
        for (String a : args) {
            String name = a.toLowerCase(Locale.ROOT);
            if (name.endsWith(".xlsx") || name.endsWith(".xlsm")) {
                return true;
            }
        }
        return false;
    }
}
