package org.wattledger.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.wattledger.factors.FactorLibrary;
import org.wattledger.factors.FactorSetException;

/** The factor library a command uses: the bundled releases and any {@code --factor-releases} folders. */
final class Libraries {
    private Libraries() {
    }

    /** The commands that load the bundled factor library. */
    private static final Set<String> LOADING_THE_LIBRARY = Set.of("report", "demo");

    /**
     * Starts loading the bundled factor library on a thread of its own when the command line's
     * command will need it, so that it is parsed while the command line and the inputs are (it
     * takes about 0.2 s). A failure is left to the command's own use of the library to report.
     */
    static void preloadFor(String[] args) {
        if (args.length == 0 || !LOADING_THE_LIBRARY.contains(args[0])) {
            return;
        }
        Thread preload = new Thread(() -> {
            try {
                FactorLibrary.bundled();
            } catch (RuntimeException | Error e) {
                // the command meets the same failure when it loads the library, and reports it
            }
        }, "wattledger-factor-preload");
        preload.setDaemon(true);
        preload.start();
    }

    static FactorLibrary load(List<Path> releaseRoots) {
        FactorLibrary library = FactorLibrary.bundled();
        for (Path root : releaseRoots) {
            if (!Files.isDirectory(root)) {
                throw new UsageException("--factor-releases: no such folder: " + root);
            }
            try {
                library = library.withReleaseRoot(root);
            } catch (IOException | FactorSetException e) {
                throw new UsageException("--factor-releases " + root + ": " + e.getMessage());
            }
        }
        return library;
    }
}
