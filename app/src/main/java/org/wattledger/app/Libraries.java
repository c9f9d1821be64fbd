package org.wattledger.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.wattledger.factors.FactorLibrary;
import org.wattledger.factors.FactorSetException;

/** The factor library a command uses: the bundled releases and any {@code --factor-releases} folders. */
final class Libraries {
    private Libraries() {
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
