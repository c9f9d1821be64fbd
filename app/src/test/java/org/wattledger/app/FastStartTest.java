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
                List.of("-Xmx256m", "-jar", "/opt/wl/wattledger.jar", "demo", "--out", "x"),
                new String[] {"demo", "--out", "x"});
        assertEquals(List.of("/usr/bin/java", "-XX:SharedArchiveFile=/opt/wl/wattledger.jsa", "-Xlog:cds*=off",
                "-XX:TieredStopAtLevel=1", "-Dwattledger.faststart=child",
                "-Xmx256m", "-jar", "/opt/wl/wattledger.jar", "demo", "--out", "x"), command);
    }

    @Test
    void aReportKeepsBothCompilers() {
        List<String> command = FastStart.command("java", ARCHIVE, List.of("-jar", "wattledger.jar", "report", "big.xlsx"),
                new String[] {"report", "big.xlsx"});
        assertEquals(List.of("java", "-XX:SharedArchiveFile=/opt/wl/wattledger.jsa", "-Xlog:cds*=off",
                "-Dwattledger.faststart=child", "-jar", "wattledger.jar", "report", "big.xlsx"), command);
    }

    @Test
    void aJvmNotStartedWithJarIsNotRelaunched() {
        assertEquals(List.of(), FastStart.command("java", ARCHIVE,
                List.of("-cp", "wattledger.jar", "org.wattledger.app.Main", "demo"), new String[] {"demo"}));
        // A command line whose tail is not the arguments main got (it cannot be read back faithfully).
        assertEquals(List.of(), FastStart.command("java", ARCHIVE, List.of("-jar", "wattledger.jar", "demo"),
                new String[] {"demo", "--out", "x"}));
    }

    @Test
    void theArchiveIsBesideTheJarWithTheSameName() {
        assertEquals(Path.of("/opt/wl/wattledger.jsa"), FastStart.archiveBeside(Path.of("/opt/wl/wattledger.jar")));
    }
}
