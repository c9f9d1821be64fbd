package org.wattledger.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** In process: {@code validate} on a fresh template counts no row, since its examples are never read as data. */
final class TemplateValidateTest {
    @TempDir
    Path dir;

    @Test
    void validateOnAFreshTemplateReadsNoRow() {
        Path template = dir.resolve("template.xlsx");
        assertEquals(0, Cli.run("template", "--out", template.toString()).exitCode());
        Cli.Run validate = Cli.run("validate", "--period", "2024", template.toString());
        // Before: "rows read 1, accepted 1" (the example reading of 125,000 kWh counted as data).
        assertTrue(validate.stdout().contains("rows read 0, accepted 0, rejected 0;"),
                validate.stdout() + validate.stderr());
        // An empty workbook is not a report anyone can sign: it says so and exits 3.
        assertTrue(validate.stdout().contains("error: no reading was accepted from the inputs"), validate.stdout());
        assertEquals(3, validate.exitCode());
    }
}
