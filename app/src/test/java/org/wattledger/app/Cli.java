package org.wattledger.app;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Runs the command line in this JVM, as {@code java -jar wattledger.jar} would, with captured output. */
final class Cli {
    /** What a run printed and returned. */
    record Run(int exitCode, String stdout, String stderr) {
    }

    private Cli() {
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(out, err, args);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** A run whose standard output is {@code stdout} (for a stream that fails). */
    static Run runTo(OutputStream stdout, String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(stdout, err, args);
        return new Run(code, "", err.toString(StandardCharsets.UTF_8));
    }
}
