package org.wattledger.app;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Finds LibreOffice's {@code soffice} on the PATH; a missing LibreOffice fails the test that needs it, with the fix. */
final class Soffice {
    private Soffice() {
    }

    static String find() {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            for (String name : List.of("soffice", "libreoffice")) {
                Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
                if (Files.isExecutable(candidate)) {
                    return candidate.toString();
                }
            }
        }
        return fail("LibreOffice is needed to recalculate the workbook, but neither soffice nor libreoffice is on the"
                + " PATH; install it (Debian: apt-get install libreoffice-calc-nogui; .ci/run does this)");
    }
}
