package org.wattledger.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.wattledger.factors.FactorLibrary;
import org.wattledger.importers.WorkbookImporter;

/**
 * Work a command will need, started on a thread of its own while the command line is parsed and
 * the inputs are read: the bundled factor library (about 0.2 s to load) for the commands that
 * calculate, the workbook reader's XML parser when an input is a workbook, and the native SHA-256
 * when an input is large. A failure here is left to the command's own use of the same thing to
 * report.
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
        boolean reading = READING.contains(args[0]);
        boolean workbooks = reading && namesWorkbook(args);
        if (!library && !reading) {
            return;
        }
        Thread preload = new Thread(() -> {
            try {
                // first what the inputs' reading needs, then the factors, used after it
                if (workbooks) {
                    WorkbookImporter.prepareWorkbookReading();
                }
                if (reading) {
                    WorkbookImporter.prepareHashing(largestFile(args));
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

    /** The size of the largest file the arguments name, directly or in a folder they name; 0 when none. */
    private static long largestFile(String[] args) {
        long largest = 0;
        for (int i = 1; i < args.length; i++) {
            try {
                Path path = Path.of(args[i]);
                if (Files.isDirectory(path)) {
                    try (Stream<Path> files = Files.list(path)) {
                        for (Path f : (Iterable<Path>) files::iterator) {
                            largest = Math.max(largest, Files.isRegularFile(f) ? Files.size(f) : 0);
                        }
                    }
                } else if (Files.isRegularFile(path)) {
                    largest = Math.max(largest, Files.size(path));
                }
            } catch (InvalidPathException | IOException | UncheckedIOException | SecurityException e) {
                // not a path, or unreadable: the command itself will say so
            }
        }
        return largest;
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
