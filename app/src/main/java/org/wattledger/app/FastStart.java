package org.wattledger.app;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs {@code java -jar wattledger.jar demo} in a second JVM started with the class-data archive
 * that the build made beside the jar ({@code wattledger.jsa}, AppCDS: the classes of a demo run,
 * already parsed and verified), the quick compiler only and the serial collector. Only the demo:
 * a second JVM outlives a first one killed with SIGKILL, and an {@code import} or {@code report}
 * must stop when the user kills what they started (a real import killed that way left a whole
 * batch behind, stored by the second JVM). Java 17 reads JVM options only from its command line, never from the jar, so this is
 * the one way the plain {@code java -jar} command gets them: the demo's 5,000 classes otherwise
 * cost more time to load and compile than the work itself (docs/benchmarks.md, "Issue 10: start-up").
 *
 * <p>The second JVM gets this JVM's own options after ours (so the user's {@code -Xmx} or
 * {@code -XX:TieredStopAtLevel} wins), the same arguments, standard input, output and error, and
 * its exit code is this one's. Nothing is relaunched when the archive is missing, the jar is not
 * run with {@code -jar}, this JVM's command line cannot be read, or {@code -Dwattledger.faststart=off}
 * (any value) is given; a JVM that cannot map the archive (another JDK build, a rebuilt jar) runs
 * without it, silently.
 */
final class FastStart {
    /** The system property that, set to anything, turns the relaunch off; the second JVM has it set to {@value #CHILD}. */
    static final String PROPERTY = "wattledger.faststart";
    static final String CHILD = "child";

    private FastStart() {
    }

    /** The second JVM's exit code, or empty when this JVM should run the command itself. */
    static Optional<Integer> relaunch(String[] args) {
        if (System.getProperty(PROPERTY) != null) {
            return Optional.empty();
        }
        Optional<Path> jar = jar();
        Optional<Path> archive = jar.map(FastStart::archiveBeside).filter(Files::isRegularFile);
        ProcessHandle.Info self = ProcessHandle.current().info();
        if (archive.isEmpty() || self.command().isEmpty() || self.arguments().isEmpty()) {
            return Optional.empty();
        }
        List<String> command = command(self.command().get(), archive.get(), List.of(self.arguments().get()),
                optionsFromEnvironment(), args);
        if (command.isEmpty()) {
            return Optional.empty();
        }
        Process child;
        try {
            child = new ProcessBuilder(command).inheritIO().start();
        } catch (IOException e) {
            return Optional.empty(); // the command runs here instead
        }
        // A parent stopped by a signal stops the child with it.
        Runtime.getRuntime().addShutdownHook(new Thread(child::destroy));
        while (true) {
            try {
                return Optional.of(child.waitFor());
            } catch (InterruptedException e) {
                // keep waiting: the child owns the terminal until it exits
            }
        }
    }

    /**
     * The second JVM's command line: {@code java}, our options, then this JVM's own command line
     * after its executable, unchanged (its options, {@code -jar}, the jar, the arguments). Empty
     * when this JVM was not started with {@code -jar}.
     *
     * @param jvmArguments this JVM's command line after the executable
     * @param environmentOptions JVM options the second JVM also gets from the environment
     * @param args the arguments {@code main} received (the tail of {@code jvmArguments})
     */
    static List<String> command(String java, Path archive, List<String> jvmArguments, List<String> environmentOptions,
            String[] args) {
        int jarFlag = jvmArguments.indexOf("-jar");
        // The tail must be exactly what main received, or the command line was not read back faithfully.
        if (args.length == 0 || !args[0].equals("demo") || jarFlag < 0 || jarFlag + 2 > jvmArguments.size()
                || !jvmArguments.subList(jarFlag + 2, jvmArguments.size()).equals(List.of(args))) {
            return List.of();
        }
        List<String> command = new ArrayList<>();
        command.add(java);
        command.add("-XX:SharedArchiveFile=" + archive);
        // An archive this JVM cannot map is skipped; its warning must not reach standard output.
        command.add("-Xlog:cds*=off");
        // The demo is a fixed, small job: the optimising compiler's work would never pay back, and
        // the serial collector costs less CPU than G1 on its small heap (measured: docs/benchmarks.md).
        command.add("-XX:TieredStopAtLevel=1");
        if (jvmArguments.stream().noneMatch(FastStart::choosesCollector)
                && environmentOptions.stream().noneMatch(FastStart::choosesCollector)) {
            command.add("-XX:+UseSerialGC"); // two collectors named is an error, so only when the user names none
        }
        command.add("-D" + PROPERTY + "=" + CHILD);
        command.addAll(jvmArguments);
        return command;
    }

    /** The options in {@code JAVA_TOOL_OPTIONS} and {@code JDK_JAVA_OPTIONS}, which every JVM started from here reads too. */
    private static List<String> optionsFromEnvironment() {
        List<String> options = new ArrayList<>();
        for (String variable : List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS")) {
            String value = System.getenv(variable);
            if (value != null && !value.isBlank()) {
                options.addAll(List.of(value.strip().split("\\s+")));
            }
        }
        return options;
    }

    /** {@code -XX:+UseG1GC}, {@code -XX:+UseParallelGC}, ...: an option that names a collector. */
    private static boolean choosesCollector(String option) {
        return option.startsWith("-XX:+Use") && option.endsWith("GC");
    }

    /** {@code wattledger.jsa} beside {@code wattledger.jar}. */
    static Path archiveBeside(Path jar) {
        String name = jar.getFileName().toString();
        return jar.resolveSibling(name.substring(0, name.length() - ".jar".length()) + ".jsa");
    }

    /** The jar this class was loaded from, if it was loaded from a jar file. */
    private static Optional<Path> jar() {
        try {
            var source = FastStart.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return Optional.empty();
            }
            Path path = Path.of(source.getLocation().toURI());
            return path.getFileName() != null && path.getFileName().toString().endsWith(".jar") && Files.isRegularFile(path)
                    ? Optional.of(path) : Optional.empty();
        } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
