package org.wattledger.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** In process: {@code validate} on a fresh template counts no row, since its examples are never read as data. */
final class TemplateValidateTest {
    @TempDir
    Path dir;

    private static String[] run(String... args) {
        CommandLine cli = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new String[] {String.valueOf(code), out.toString(), err.toString()};
    }

    @Test
    void validateOnAFreshTemplateReadsNoRow() {
        Path template = dir.resolve("template.xlsx");
        assertEquals("0", run("template", "--out", template.toString())[0]);
        // --period: with no reading there is no data year to default to.
        String[] validate = run("validate", "--period", "2024", template.toString());
        String out = validate[1];
        // Before: "rows read 1, accepted 1" (the example reading of 125,000 kWh counted as data).
        // Only the row counts are pinned: whether an empty period is itself an issue is another rule.
        assertTrue(out.contains("rows read 0, accepted 0, rejected 0;"), out + validate[2]);
    }
}
