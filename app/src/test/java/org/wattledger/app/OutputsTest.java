package org.wattledger.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writing every format at once (the workbook on a second thread, each chart drawn once for the page
 * and its PNG file) gives the same bytes as writing each format on its own.
 */
final class OutputsTest {
    @TempDir
    Path dir;

    @Test
    void everyFormatAtOnceIsEachFormatOnItsOwn() throws Exception {
        Path demo = DemoCommand.extract(dir.resolve("demo"));
        assertEquals(ExitCode.OK, Cli.run("report", demo.toString(), "--out", dir.resolve("all").toString()).exitCode());
        for (String format : List.of("json", "html", "xlsx")) {
            Cli.Run run = Cli.run("report", demo.toString(), "--format", format, "--out", dir.resolve(format).toString());
            assertEquals(ExitCode.OK, run.exitCode(), run.stderr());
        }
        for (String format : List.of("json", "html", "xlsx")) {
            String file = "report." + format;
            assertArrayEquals(Files.readAllBytes(dir.resolve(format).resolve(file)),
                    Files.readAllBytes(dir.resolve("all").resolve(file)), file);
        }
    }
}
