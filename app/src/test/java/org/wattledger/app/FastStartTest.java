package org.wattledger.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The second JVM's command line: our options first, then the user's own command line unchanged. */
final class FastStartTest {
    private static final Path ARCHIVE = Path.of("/opt/wl/wattledger.jsa");

    @Test
    void theDemoGetsTheArchiveAndTheQuickCompilerAndKeepsTheUsersOptionsAfterOurs() {
        List<String> command = FastStart.command("/usr/bin/java", ARCHIVE,
                List.of("-Xmx256m", "-jar", "/opt/wl/wattledger.jar", "demo", "--out", "x"), List.of(),
                new String[] {"demo", "--out", "x"}, 4242, false);
        assertEquals(List.of("/usr/bin/java", "-XX:SharedArchiveFile=/opt/wl/wattledger.jsa", "-Xlog:cds*=off",
                "-XX:TieredStopAtLevel=1", "-XX:CICompilerCount=1", "-XX:+UseSerialGC", "-XX:PretenureSizeThreshold=4k", "-XX:MaxTenuringThreshold=0", "-XX:NewRatio=8",
                "-Dwattledger.faststart=child:4242",
                "-Xmx256m", "-jar", "/opt/wl/wattledger.jar", "demo", "--out", "x"), command);
    }

    @Test
    void anArchiveIsUsedOnlyForTheJarAtThePathItWasMadeFor(@TempDir Path dir) throws IOException {
        Path jar = dir.resolve("build/wattledger.jar");
        Path archive = FastStart.archiveBeside(jar);
        Files.createDirectories(jar.getParent());
        assertFalse(FastStart.madeFor(archive, jar), "no record: an archive of an older build, or a copied one");
        FastStart.recordJar(archive, jar);
        assertEquals(dir.resolve("build/wattledger.jsa.jar"), FastStart.jarRecord(archive));
        assertTrue(FastStart.madeFor(archive, jar));
        assertTrue(FastStart.madeFor(archive, dir.resolve("build/../build/wattledger.jar")), "the same path, written otherwise");
        // the three files copied to another folder: the record names the first jar, which the JVM would insist on
        Path copy = Files.createDirectories(dir.resolve("opt")).resolve("wattledger.jar");
        Files.copy(FastStart.jarRecord(archive), FastStart.jarRecord(FastStart.archiveBeside(copy)));
        assertFalse(FastStart.madeFor(FastStart.archiveBeside(copy), copy));
        Files.writeString(FastStart.jarRecord(archive), "\n");
        assertFalse(FastStart.madeFor(archive, jar), "an empty record");
    }

    @Test
    void hugePagesAreAskedForWhereTheKernelGivesThemOnRequest() {
        List<String> command = FastStart.command("java", ARCHIVE, List.of("-jar", "wattledger.jar", "demo"), List.of(),
                new String[] {"demo"}, 5, true);
        assertEquals(List.of("java", "-XX:SharedArchiveFile=/opt/wl/wattledger.jsa", "-Xlog:cds*=off",
                "-XX:TieredStopAtLevel=1", "-XX:CICompilerCount=1", "-XX:+UseSerialGC", "-XX:PretenureSizeThreshold=4k", "-XX:MaxTenuringThreshold=0", "-XX:NewRatio=8",
                "-XX:+UseTransparentHugePages", "-Dwattledger.faststart=child:5", "-jar", "wattledger.jar", "demo"), command);
    }

    @Test
    void theUsersCompilerOptionsKeepTheCompilerThreadsTheJvmChooses() {
        // One compiler thread with both compilers stops the JVM ("CICompilerCount (1) must be at least 2").
        for (List<String> user : List.of(List.of("-XX:TieredStopAtLevel=4"), List.of("-XX:-TieredCompilation"),
                List.of("-XX:CICompilerCount=3"))) {
            List<String> jvm = new java.util.ArrayList<>(user);
            jvm.addAll(List.of("-jar", "wattledger.jar", "demo"));
            List<String> command = FastStart.command("java", ARCHIVE, jvm, List.of(), new String[] {"demo"}, 3, false);
            assertFalse(command.contains("-XX:CICompilerCount=1"), command.toString());
            assertTrue(command.containsAll(user), command.toString());
        }
        List<String> fromEnvironment = FastStart.command("java", ARCHIVE, List.of("-jar", "wattledger.jar", "demo"),
                List.of("-XX:TieredStopAtLevel=4"), new String[] {"demo"}, 3, false);
        assertFalse(fromEnvironment.contains("-XX:CICompilerCount=1"), fromEnvironment.toString());
    }

    @Test
    void aCollectorTheUserNamesIsTheOnlyOne() {
        // Two collectors on one command line stop the JVM, so the serial one is added only when none is named.
        List<String> command = FastStart.command("java", ARCHIVE, List.of("-XX:+UseParallelGC", "-jar", "wattledger.jar", "demo"),
                List.of(), new String[] {"demo"}, 7, false);
        assertEquals(List.of("java", "-XX:SharedArchiveFile=/opt/wl/wattledger.jsa", "-Xlog:cds*=off",
                "-XX:TieredStopAtLevel=1", "-XX:CICompilerCount=1", "-Dwattledger.faststart=child:7",
                "-XX:+UseParallelGC", "-jar", "wattledger.jar", "demo"), command);
        // Nor when JAVA_TOOL_OPTIONS or JDK_JAVA_OPTIONS names one: the second JVM reads them too.
        assertEquals(List.of("java", "-XX:SharedArchiveFile=/opt/wl/wattledger.jsa", "-Xlog:cds*=off",
                "-XX:TieredStopAtLevel=1", "-XX:CICompilerCount=1", "-Dwattledger.faststart=child:7", "-jar", "wattledger.jar", "demo"),
                FastStart.command("java", ARCHIVE, List.of("-jar", "wattledger.jar", "demo"),
                        List.of("-Xss2m", "-XX:+UseG1GC"), new String[] {"demo"}, 7, false));
    }

    @Test
    void aReportGetsTheSerialCollectorAndTheQuickCompilerOnlyForSmallInputs(@TempDir Path dir) throws IOException {
        Path small = Files.writeString(dir.resolve("small.csv"), "site,meter,carrier,unit,from,to,quantity\n");
        assertEquals(List.of("java", "-XX:SharedArchiveFile=/opt/wl/wattledger.jsa", "-Xlog:cds*=off",
                "-XX:TieredStopAtLevel=1", "-XX:CICompilerCount=1", "-XX:+UseSerialGC", "-XX:PretenureSizeThreshold=4k", "-XX:MaxTenuringThreshold=0", "-XX:NewRatio=8",
                "-Dwattledger.faststart=child:9", "-Xmx1g", "-jar",
                "wattledger.jar", "report", small.toString()),
                FastStart.command("java", ARCHIVE, List.of("-Xmx1g", "-jar", "wattledger.jar", "report", small.toString()),
                        List.of(), new String[] {"report", small.toString()}, 9, false));
        // From 4 MiB on, loops are compiled sooner: a report's passes over its readings are long.
        Path medium = sized(dir.resolve("medium.csv"), FastStart.LONG_LOOPS_FROM);
        assertEquals(List.of("java", "-XX:SharedArchiveFile=/opt/wl/wattledger.jsa", "-Xlog:cds*=off",
                "-XX:TieredStopAtLevel=1", "-XX:CICompilerCount=1", "-XX:Tier3BackEdgeThreshold=6000", "-XX:+UseSerialGC", "-XX:PretenureSizeThreshold=4k", "-XX:MaxTenuringThreshold=0", "-XX:NewRatio=8",
                "-Dwattledger.faststart=child:9", "-jar", "wattledger.jar", "report", medium.toString()),
                FastStart.command("java", ARCHIVE, List.of("-jar", "wattledger.jar", "report", medium.toString()),
                        List.of(), new String[] {"report", medium.toString()}, 9, false));
        // ... but not when the user chooses the compilers
        assertFalse(FastStart.command("java", ARCHIVE, List.of("-XX:TieredStopAtLevel=4", "-jar", "wattledger.jar", "report",
                medium.toString()), List.of(), new String[] {"report", medium.toString()}, 9, false)
                .contains("-XX:Tier3BackEdgeThreshold=6000"));
        // 96 MiB of CSV (sparse files: no disk used) is where the optimising compiler starts to pay back.
        Path big = sized(dir.resolve("big.csv"), FastStart.QUICK_COMPILER_BELOW);
        assertEquals(List.of("java", "-XX:SharedArchiveFile=/opt/wl/wattledger.jsa", "-Xlog:cds*=off",
                "-XX:+UseSerialGC", "-XX:PretenureSizeThreshold=4k", "-XX:MaxTenuringThreshold=0", "-XX:NewRatio=8",
                "-Dwattledger.faststart=child:9", "-jar", "wattledger.jar", "validate", big.toString()),
                FastStart.command("java", ARCHIVE, List.of("-jar", "wattledger.jar", "validate", big.toString()),
                        List.of(), new String[] {"validate", big.toString()}, 9, false));
    }

    @Test
    void theInputsOfAReportAreWeighedByFormatAndFolder(@TempDir Path dir) throws IOException {
        long half = FastStart.QUICK_COMPILER_BELOW / 2;
        // A workbook's bytes count double (compressed XML): 48 MiB of xlsx weighs as 96 MiB of CSV.
        Path workbook = sized(dir.resolve("meters.xlsx"), half);
        assertFalse(FastStart.quickCompilerSuffices(new String[] {"report", workbook.toString()}));
        assertTrue(FastStart.quickCompilerSuffices(new String[] {"report", sized(dir.resolve("m.xlsx"), half - 1).toString()}));
        // A folder's input files add up; other files in it (and option values) weigh nothing.
        Path folder = Files.createDirectory(dir.resolve("inputs"));
        sized(folder.resolve("a.csv"), half);
        sized(folder.resolve("notes.txt"), 10 * half);
        assertTrue(FastStart.quickCompilerSuffices(new String[] {"report", folder.toString(), "--period", "2024"}));
        sized(folder.resolve("b.CSV"), half);
        assertFalse(FastStart.quickCompilerSuffices(new String[] {"report", folder.toString(), "--period", "2024"}));
        // A ledger's rows are not known before it is read; the demo's are.
        assertFalse(FastStart.quickCompilerSuffices(new String[] {"report", "--ledger", "jdbc:postgresql://db/x"}));
        assertFalse(FastStart.quickCompilerSuffices(new String[] {"report", "--ledger=ledger-folder"}));
        assertTrue(FastStart.quickCompilerSuffices(new String[] {"demo", "--out", "x"}));
    }

    private static Path sized(Path file, long bytes) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(bytes);
        }
        return file;
    }

    @Test
    void commandsThatStoreSomethingAreNotRelaunched() {
        // An import killed with SIGKILL must stop at once: a second JVM might store the batch first.
        assertEquals(List.of(), FastStart.command("java", ARCHIVE, List.of("-jar", "wattledger.jar", "import", "big.xlsx"),
                List.of(), new String[] {"import", "big.xlsx"}, 9, false));
        assertEquals(List.of(), FastStart.command("java", ARCHIVE, List.of("-jar", "wattledger.jar", "serve"),
                List.of(), new String[] {"serve"}, 9, false));
        assertEquals(List.of(), FastStart.command("java", ARCHIVE, List.of("-jar", "wattledger.jar"), List.of(),
                new String[0], 9, false));
    }

    @Test
    void aJvmNotStartedWithJarIsNotRelaunched() {
        assertEquals(List.of(), FastStart.command("java", ARCHIVE,
                List.of("-cp", "wattledger.jar", "org.wattledger.app.Main", "demo"), List.of(), new String[] {"demo"}, 9, false));
        // A command line whose tail is not the arguments main got (it cannot be read back faithfully).
        assertEquals(List.of(), FastStart.command("java", ARCHIVE, List.of("-jar", "wattledger.jar", "demo"),
                List.of(), new String[] {"demo", "--out", "x"}, 9, false));
        assertEquals(List.of(), FastStart.command("java", ARCHIVE, List.of("-jar", "wattledger.jar", "demo", "--out", "?"),
                List.of(), new String[] {"demo", "--out", "冬"}, 9, false));
    }

    @Test
    void theArchiveIsBesideTheJarWithTheSameName() {
        assertEquals(Path.of("/opt/wl/wattledger.jsa"), FastStart.archiveBeside(Path.of("/opt/wl/wattledger.jar")));
    }
}
