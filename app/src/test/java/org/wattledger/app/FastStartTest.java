package org.wattledger.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The second JVM's command line: our options first, then the user's own command line unchanged. */
final class FastStartTest {
    private static final Path ARCHIVE = Path.of("/opt/wl/wattledger.jsa");

    @Test
    void theDemoGetsTheArchiveAndTheQuickCompilerAndKeepsTheUsersOptionsAfterOurs() {
        List<String> command = FastStart.command("/usr/bin/java", ARCHIVE,
                List.of("-Xmx256m", "-jar", "/opt/wl/wattledger.jar", "demo", "--out", "x"), List.of(),
                new String[] {"demo", "--out", "x"}, 4242);
        assertEquals(List.of("/usr/bin/java", "-XX:SharedArchiveFile=/opt/wl/wattledger.jsa", "-Xlog:cds*=off",
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Dwattledger.faststart=child:4242",
                "-Xmx256m", "-jar", "/opt/wl/wattledger.jar", "demo", "--out", "x"), command);
    }

    @Test
    void aCollectorTheUserNamesIsTheOnlyOne() {
        // Two collectors on one command line stop the JVM, so the serial one is added only when none is named.
        List<String> command = FastStart.command("java", ARCHIVE, List.of("-XX:+UseParallelGC", "-jar", "wattledger.jar", "demo"),
                List.of(), new String[] {"demo"}, 7);
        assertEquals(List.of("java", "-XX:SharedArchiveFile=/opt/wl/wattledger.jsa", "-Xlog:cds*=off",
                "-XX:TieredStopAtLevel=1", "-Dwattledger.faststart=child:7",
                "-XX:+UseParallelGC", "-jar", "wattledger.jar", "demo"), command);
        // Nor when JAVA_TOOL_OPTIONS or JDK_JAVA_OPTIONS names one: the second JVM reads them too.
        assertEquals(List.of("java", "-XX:SharedArchiveFile=/opt/wl/wattledger.jsa", "-Xlog:cds*=off",
                "-XX:TieredStopAtLevel=1", "-Dwattledger.faststart=child:7", "-jar", "wattledger.jar", "demo"),
                FastStart.command("java", ARCHIVE, List.of("-jar", "wattledger.jar", "demo"),
                        List.of("-Xss2m", "-XX:+UseG1GC"), new String[] {"demo"}, 7));
    }

    @Test
    void aReportKeepsBothCompilersAndGetsTheSerialCollector() {
        // 10 million rows: the optimising compiler halves a report's time, the serial collector saves
        // a quarter against G1 (docs/benchmarks.md), so only the collector and the archive are added.
        assertEquals(List.of("java", "-XX:SharedArchiveFile=/opt/wl/wattledger.jsa", "-Xlog:cds*=off",
                "-XX:+UseSerialGC", "-Dwattledger.faststart=child:9", "-Xmx1g", "-jar", "wattledger.jar", "report", "big.csv"),
                FastStart.command("java", ARCHIVE, List.of("-Xmx1g", "-jar", "wattledger.jar", "report", "big.csv"),
                        List.of(), new String[] {"report", "big.csv"}, 9));
        assertEquals(List.of("java", "-XX:SharedArchiveFile=/opt/wl/wattledger.jsa", "-Xlog:cds*=off",
                "-XX:+UseSerialGC", "-Dwattledger.faststart=child:9", "-jar", "wattledger.jar", "validate", "a.xlsx"),
                FastStart.command("java", ARCHIVE, List.of("-jar", "wattledger.jar", "validate", "a.xlsx"),
                        List.of(), new String[] {"validate", "a.xlsx"}, 9));
    }

    @Test
    void commandsThatStoreSomethingAreNotRelaunched() {
        // An import killed with SIGKILL must stop at once: a second JVM might store the batch first.
        assertEquals(List.of(), FastStart.command("java", ARCHIVE, List.of("-jar", "wattledger.jar", "import", "big.xlsx"),
                List.of(), new String[] {"import", "big.xlsx"}, 9));
        assertEquals(List.of(), FastStart.command("java", ARCHIVE, List.of("-jar", "wattledger.jar", "serve"),
                List.of(), new String[] {"serve"}, 9));
        assertEquals(List.of(), FastStart.command("java", ARCHIVE, List.of("-jar", "wattledger.jar"), List.of(),
                new String[0], 9));
    }

    @Test
    void aJvmNotStartedWithJarIsNotRelaunched() {
        assertEquals(List.of(), FastStart.command("java", ARCHIVE,
                List.of("-cp", "wattledger.jar", "org.wattledger.app.Main", "demo"), List.of(), new String[] {"demo"}, 9));
        // A command line whose tail is not the arguments main got (it cannot be read back faithfully).
        assertEquals(List.of(), FastStart.command("java", ARCHIVE, List.of("-jar", "wattledger.jar", "demo"),
                List.of(), new String[] {"demo", "--out", "x"}, 9));
        assertEquals(List.of(), FastStart.command("java", ARCHIVE, List.of("-jar", "wattledger.jar", "demo", "--out", "?"),
                List.of(), new String[] {"demo", "--out", "冬"}, 9));
    }

    @Test
    void theArchiveIsBesideTheJarWithTheSameName() {
        assertEquals(Path.of("/opt/wl/wattledger.jsa"), FastStart.archiveBeside(Path.of("/opt/wl/wattledger.jar")));
    }
}
