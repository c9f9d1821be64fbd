package org.wattledger.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the built {@code wattledger.jar} as a user would, in a separate JVM. */
final class Jar {
    /** What a run printed and returned. */
    record Run(int exitCode, String stdout, byte[] stdoutBytes, String stderr) {
    }

    private Jar() {
    }

    static Path path() {
        String jar = System.getProperty("wattledger.jar", "target/wattledger.jar");
        Path p = Path.of(jar);
        if (!Files.isRegularFile(p)) {
            throw new IllegalStateException("build the jar first (mvn verify): " + p.toAbsolutePath());
        }
        return p;
    }

    static Run run(Path workDir, String... args) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-jar", path().toAbsolutePath().toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("wattledger-out", ".bin");
        Path err = Files.createTempFile("wattledger-err", ".txt");
        Process p = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("wattledger " + String.join(" ", args) + " did not finish in 5 minutes");
        }
        byte[] stdout = Files.readAllBytes(out);
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        Files.delete(out);
        Files.delete(err);
        return new Run(p.exitValue(), new String(stdout, StandardCharsets.UTF_8), stdout, stderr);
    }
}
