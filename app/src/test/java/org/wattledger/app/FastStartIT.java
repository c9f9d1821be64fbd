package org.wattledger.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code java -jar wattledger.jar} relaunches itself with the class-data archive the build made, and runs without one it cannot use. */
final class FastStartIT {
    @TempDir
    Path dir;

    @Test
    void theBuildMakesAnArchiveAndTheJarRunsWithIt() throws Exception {
        Path archive = FastStart.archiveBeside(Jar.path());
        assertTrue(Files.isRegularFile(archive), "the build (mvn package) makes " + archive.toAbsolutePath());
        // Each JVM logs the classes it loads to its own file (%p: its process id).
        Process p = new ProcessBuilder(java(), "-Xlog:class+load:file=" + dir.resolve("classes-%p.log"), "-jar",
                Jar.path().toAbsolutePath().toString(), "demo", "--out", dir.resolve("demo").toString()).directory(dir.toFile())
                .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile()).start();
        assertTrue(p.waitFor(2, TimeUnit.MINUTES), "wattledger demo finished");
        assertEquals(0, p.exitValue(), Files.readString(dir.resolve("err.txt")));
        assertTrue(Files.readString(dir.resolve("out.txt")).startsWith("wattledger 0.1.0 report\n"),
                Files.readString(dir.resolve("out.txt")));
        List<String> logs = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith("classes-")).toList()) {
                logs.add(Files.readString(f, StandardCharsets.UTF_8));
            }
        }
        assertEquals(2, logs.size(), "two JVMs: the one started and the one it relaunched");
        // The relaunched JVM took the command-line classes from the archive, picocli's too: a dynamic
        // archive (Java 17) would have left those out, their class files being of an old version.
        for (String cls : List.of("org.wattledger.app.WattledgerCommand", "picocli.CommandLine")) {
            String fromArchive = " " + cls + " source: shared objects file\n";
            assertEquals(1, logs.stream().filter(l -> l.contains(fromArchive)).count(),
                    "one JVM mapped the archive and took " + cls + " from it");
        }
        // The class list it was made from came from a run that read a workbook as well as the demo's CSV files.
        String classList = Files.readString(Jar.path().resolveSibling("wattledger.classlist"));
        assertTrue(classList.contains("\norg/wattledger/importers/SheetScanner\n"), "workbook classes archived");
        assertTrue(classList.contains("\norg/wattledger/app/DemoCommand\n"), "demo classes archived");
    }

    @Test
    void aJarCopiedWithItsArchiveRunsInOneJvm() throws Exception {
        Path jar = Files.copy(Jar.path(), dir.resolve("wattledger.jar"));
        Path archive = FastStart.archiveBeside(Jar.path());
        Files.copy(archive, FastStart.archiveBeside(jar));
        Files.copy(FastStart.jarRecord(archive), FastStart.jarRecord(FastStart.archiveBeside(jar)));
        Process p = new ProcessBuilder(java(), "-Xlog:class+load:file=" + dir.resolve("classes-%p.log"), "-jar",
                jar.toString(), "demo", "--out", dir.resolve("demo").toString()).directory(dir.toFile())
                .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile()).start();
        assertTrue(p.waitFor(2, TimeUnit.MINUTES), "wattledger demo finished");
        assertEquals(0, p.exitValue(), Files.readString(dir.resolve("err.txt")));
        try (Stream<Path> files = Files.list(dir)) {
            // the archive is for the jar where it was built: here the JVM would map no archive at all
            assertEquals(1, files.filter(f -> f.getFileName().toString().startsWith("classes-")).count(), "one JVM");
        }
    }

    @Test
    void anArchiveThisJvmCannotUseIsSkippedSilently() throws Exception {
        Path jar = Files.copy(Jar.path(), dir.resolve("wattledger.jar"));
        Files.writeString(dir.resolve("wattledger.jsa"), "not a class-data archive");
        FastStart.recordJar(dir.resolve("wattledger.jsa"), jar); // made for this jar: relaunched, and the JVM refuses it
        Process p = new ProcessBuilder(java(), "-jar", jar.toString(), "demo", "--out", dir.resolve("demo").toString())
                .directory(dir.toFile())
                .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile()).start();
        assertTrue(p.waitFor(2, TimeUnit.MINUTES), "wattledger demo finished");
        String out = Files.readString(dir.resolve("out.txt"));
        // nothing before the demo's summary, and its figures: the demo ran without the archive
        assertTrue(out.startsWith("wattledger 0.1.0 report\n"), out);
        assertTrue(out.contains("19, all covering the period"), out); // 18 meters and DC-GUIAN's hall-1 cooling submeter
        String err = Files.readString(dir.resolve("err.txt"));
        assertFalse(err.contains("archive") || err.contains("cds"), "no archive warning: " + err);
    }

    @Test
    void aReportWhoseFirstJvmIsKilledStopsToo() throws Exception {
        // A "database" that takes the connection and never answers: the report waits in its second JVM.
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Process p = new ProcessBuilder(java(), "-jar", Jar.path().toAbsolutePath().toString(), "report", "--ledger",
                    "jdbc:postgresql://127.0.0.1:" + silent.getLocalPort() + "/ledger?user=x&password=y", "--format", "json")
                    .directory(dir.toFile()).redirectOutput(dir.resolve("out.txt").toFile())
                    .redirectError(dir.resolve("err.txt").toFile()).start();
            silent.setSoTimeout(60_000);
            try (Socket connection = silent.accept()) { // the second JVM is connected and waiting
                ProcessHandle second = p.toHandle().children().findFirst().orElseThrow(
                        () -> new AssertionError("the report runs in a second JVM"));
                assertTrue(second.info().arguments().map(List::of).orElseThrow().contains("-XX:+UseSerialGC"),
                        "the second JVM has the serial collector");
                try {
                    p.destroyForcibly(); // SIGKILL: no shutdown hook of the first JVM runs
                    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
                    // The second JVM sees its parent gone and halts (it polls every 100 ms).
                    second.onExit().get(30, TimeUnit.SECONDS);
                    assertFalse(second.isAlive(), "the report stopped with the JVM the user started");
                } finally {
                    second.destroyForcibly();
                }
            }
        }
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }
}
