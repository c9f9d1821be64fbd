package org.wattledger.app;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Runs {@code java -jar wattledger.jar demo} (and {@code report}, {@code validate}) in a second JVM
 * started with the class-data archive that the build made beside the jar ({@code wattledger.jsa},
 * AppCDS: the classes of a demo run and a workbook read, already parsed and verified) and the
 * serial collector, and with the quick compiler only when the inputs are small. Java 17 reads JVM
 * options only from its command line, never from the jar, so this is the one way the plain
 * {@code java -jar} command gets them (docs/benchmarks.md, "Issue 10: start-up", "Issue 10: the
 * report's JVM", "Issue 10: the heap, the hash, the engine's seconds and the command line" and
 * "Issue 10: a static class-data archive and the sheet's usual tags").
 *
 * <p>Only commands that store nothing are relaunched: a second JVM could outlive a first one killed
 * with SIGKILL, and an {@code import} killed that way must never go on to store its batch. The
 * second JVM watches the first and halts within about {@value #WATCH_MILLIS} ms of its death, so a
 * killed report stops too.
 *
 * <p>The second JVM gets this JVM's own options after ours (so the user's {@code -Xmx} or
 * {@code -XX:TieredStopAtLevel} wins), the same arguments, standard input, output and error, and
 * its exit code is this one's. Nothing is relaunched when the archive is missing or made for a jar
 * at another path ({@link #madeFor}), the jar is not run with {@code -jar}, this JVM's command line
 * cannot be read, or {@code -Dwattledger.faststart=off} (any value) is given; a JVM that cannot
 * map the archive (another JDK build, a rebuilt jar) runs without it, silently.
 */
final class FastStart {
    /**
     * The system property that, set to anything, turns the relaunch off; the second JVM has it set
     * to {@value #CHILD} followed by the first JVM's process id.
     */
    static final String PROPERTY = "wattledger.faststart";
    static final String CHILD = "child:";
    static final long WATCH_MILLIS = 100;

    /** The commands relaunched: those that store nothing. */
    private static final Set<String> COMMANDS = Set.of("demo", "report", "validate");

    /**
     * Inputs smaller than this (CSV bytes; a workbook's bytes count double, its XML being
     * compressed about two to one against the same rows as CSV) are read faster with the quick
     * compiler alone: the optimising compiler costs about a second of CPU and pays that back only
     * beyond about 2 million rows, while on 10 million rows it halves the time (measured:
     * docs/benchmarks.md, "Issue 10: the report's JVM"). The demo's inputs are small.
     */
    static final long QUICK_COMPILER_BELOW = 96L << 20;

    /** The turns of a loop after which the quick compiler compiles it while it runs (the JVM's default: 60,000). */
    static final int QUICK_LOOP_TURNS = 6000;

    /**
     * Inputs from this size up (weighed as for {@link #QUICK_COMPILER_BELOW}; some 60,000 rows of
     * CSV) get {@link #QUICK_LOOP_TURNS}: their passes over every reading run long enough to pay for
     * the compiling, which on the demo's short loops cost more than it saved.
     */
    static final long LONG_LOOPS_FROM = 4L << 20;

    /**
     * Arrays and objects from this size up are made in the old generation of the serial collector:
     * a report's large and medium arrays (the reading columns, per-meter indexes and spans) live to
     * its end, and copying them out of the young generation cost a tenth of a 1 M-row report
     * (measured: docs/benchmarks.md, "Issue 10: the heap, the hash, the engine's seconds and the
     * command line").
     */
    static final String PRETENURE_BYTES = "4k";

    private FastStart() {
    }

    /** The second JVM's exit code, or empty when this JVM should run the command itself. */
    static Optional<Integer> relaunch(String[] args) {
        String property = System.getProperty(PROPERTY);
        if (property != null) {
            if (property.startsWith(CHILD)) {
                watchParent(property.substring(CHILD.length()));
            }
            return Optional.empty();
        }
        // No lambdas, method references or streams before the second JVM starts: in this JVM, without
        // the archive, linking each costs milliseconds that the whole run waits for.
        Optional<Path> jar = jar();
        Path archive = jar.isPresent() ? archiveBeside(jar.get()) : null;
        if (archive == null || !Files.isRegularFile(archive) || !madeFor(archive, jar.get())) {
            return Optional.empty();
        }
        ProcessHandle.Info self = ProcessHandle.current().info();
        if (self.command().isEmpty() || self.arguments().isEmpty()) {
            return Optional.empty();
        }
        List<String> command = command(self.command().get(), archive, List.of(self.arguments().get()),
                optionsFromEnvironment(), args, ProcessHandle.current().pid(), hugePagesOnRequest());
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
     * @param pid this JVM's process id, for the second JVM to watch
     * @param hugePagesOnRequest whether the kernel gives transparent huge pages to memory that asks for them
     */
    static List<String> command(String java, Path archive, List<String> jvmArguments, List<String> environmentOptions,
            String[] args, long pid, boolean hugePagesOnRequest) {
        int jarFlag = jvmArguments.indexOf("-jar");
        // The tail must be exactly what main received, or the command line was not read back faithfully.
        if (args.length == 0 || !COMMANDS.contains(args[0]) || jarFlag < 0 || jarFlag + 2 > jvmArguments.size()
                || !jvmArguments.subList(jarFlag + 2, jvmArguments.size()).equals(List.of(args))) {
            return List.of();
        }
        List<String> command = new ArrayList<>();
        command.add(java);
        command.add("-XX:SharedArchiveFile=" + archive);
        // An archive this JVM cannot map is skipped; its warning must not reach standard output.
        command.add("-Xlog:cds*=off");
        long inputBytes = weighedInputs(args);
        if (inputBytes >= 0 && inputBytes < QUICK_COMPILER_BELOW) {
            command.add("-XX:TieredStopAtLevel=1");
            // One compiler thread, not two: on two cores a second one takes CPU from the work itself.
            // Not when the user chooses the compilers: with both, one thread stops the JVM.
            if (!choosesCompiler(jvmArguments) && !choosesCompiler(environmentOptions)) {
                command.add("-XX:CICompilerCount=1");
                if (inputBytes >= LONG_LOOPS_FROM) {
                    // A loop in a method called once (a pass over every reading) is compiled after 6,000
                    // turns, not 60,000: a report's last steps are such passes, each interpreted for its
                    // first 60,000 readings before (docs/benchmarks.md, "Issue 10: the hash in NSS, the
                    // report's tail on two cores").
                    command.add("-XX:Tier3BackEdgeThreshold=" + QUICK_LOOP_TURNS);
                }
            }
        }
        // The serial collector costs less CPU than G1 for these jobs: the demo's small heap, and a
        // report's readings held in a few large arrays it never scans (measured: docs/benchmarks.md).
        if (!choosesCollector(jvmArguments) && !choosesCollector(environmentOptions)) {
            command.add("-XX:+UseSerialGC"); // two collectors named is an error, so only when the user names none
            // What outlives a young collection here lives to the end (columns, lines, per-meter arrays):
            // copying it between survivor spaces, or arrays through the young space at all, is wasted.
            command.add("-XX:PretenureSizeThreshold=" + PRETENURE_BYTES);
            command.add("-XX:MaxTenuringThreshold=0");
            // A young generation of a ninth of the heap, not a third: less memory touched for the first
            // time (the kernel's page clearing showed in profiles), and a smaller footprint.
            command.add("-XX:NewRatio=8");
        }
        if (hugePagesOnRequest) {
            // 2 MiB pages for the heap: a fraction of the page faults of a heap touched for the first time.
            command.add("-XX:+UseTransparentHugePages");
        }
        command.add("-D" + PROPERTY + "=" + CHILD + pid);
        command.addAll(jvmArguments);
        return command;
    }

    /**
     * Whether the command's inputs are small enough for the quick compiler alone: the demo, or a
     * report on files and folders that together hold less than {@link #QUICK_COMPILER_BELOW}. A
     * report on a ledger keeps both compilers: how many rows it holds is not known here.
     */
    static boolean quickCompilerSuffices(String[] args) {
        long bytes = weighedInputs(args);
        return bytes >= 0 && bytes < QUICK_COMPILER_BELOW;
    }

    /**
     * The command's input bytes, weighed as {@link #QUICK_COMPILER_BELOW} says: 0 for the demo (its
     * inputs are small), -1 for a report on a ledger (not known before it is read).
     */
    private static long weighedInputs(String[] args) {
        if (args[0].equals("demo")) {
            return 0;
        }
        long bytes = 0;
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--ledger") || args[i].startsWith("--ledger=")) {
                return -1;
            }
            bytes += inputBytes(args[i]);
        }
        return bytes;
    }

    /** An argument's input bytes, weighted: a file's, or those of the files in a folder; 0 for anything else. */
    private static long inputBytes(String argument) {
        try {
            Path path = Path.of(argument);
            if (Files.isDirectory(path)) {
                try (Stream<Path> files = Files.list(path)) {
                    return files.mapToLong(FastStart::weightedSize).sum();
                }
            }
            return weightedSize(path);
        } catch (InvalidPathException | IOException | UncheckedIOException | SecurityException e) {
            return 0; // not a path, or unreadable: the command itself will say so
        }
    }

    private static long weightedSize(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        int weight = name.endsWith(".csv") ? 1 : name.endsWith(".xlsx") || name.endsWith(".xlsm") || name.endsWith(".xls") ? 2 : 0;
        try {
            return weight == 0 || !Files.isRegularFile(file) ? 0 : weight * Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    /**
     * In the second JVM: halts it when the first one is gone (killed with SIGKILL: its shutdown
     * hook, which stops this JVM on other signals, never ran), so that nothing outlives what the
     * user stopped.
     */
    private static void watchParent(String pid) {
        Optional<ProcessHandle> parent;
        try {
            parent = ProcessHandle.of(Long.parseLong(pid));
        } catch (NumberFormatException e) {
            return; // started by hand with another value: nobody to watch
        }
        Thread watch = new Thread(() -> {
            while (parent.isPresent() && parent.get().isAlive()) {
                try {
                    Thread.sleep(WATCH_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
            }
            Runtime.getRuntime().halt(ExitCode.SOFTWARE);
        }, "wattledger-parent-watch");
        watch.setDaemon(true);
        watch.start();
    }

    /**
     * Whether the kernel gives transparent huge pages only to memory that asks for them (its
     * {@code madvise} mode, Debian's default), which {@code -XX:+UseTransparentHugePages} does. In
     * {@code always} mode the heap has them anyway; in {@code never} mode, or on another system, the
     * option would only print a warning.
     */
    private static boolean hugePagesOnRequest() {
        try {
            // a FileInputStream, not Files.readString: its classes are loaded already
            try (FileInputStream in = new FileInputStream("/sys/kernel/mm/transparent_hugepage/enabled")) {
                return new String(in.readNBytes(256), StandardCharsets.US_ASCII).contains("[madvise]");
            }
        } catch (IOException | SecurityException e) {
            return false;
        }
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

    /**
     * Whether an option is about the compilers: {@code -XX:TieredStopAtLevel=4},
     * {@code -XX:-TieredCompilation}, {@code -XX:CICompilerCount=3}.
     */
    private static boolean choosesCompiler(List<String> options) {
        for (String option : options) {
            if (option.startsWith("-XX:TieredStopAtLevel") || option.endsWith("TieredCompilation")
                    || option.startsWith("-XX:CICompilerCount")) {
                return true;
            }
        }
        return false;
    }

    /** Whether an option names a collector: {@code -XX:+UseG1GC}, {@code -XX:+UseParallelGC}, ... */
    private static boolean choosesCollector(List<String> options) {
        for (String option : options) {
            if (option.startsWith("-XX:+Use") && option.endsWith("GC")) {
                return true;
            }
        }
        return false;
    }

    /** {@code wattledger.jsa} beside {@code wattledger.jar}. */
    static Path archiveBeside(Path jar) {
        String name = jar.getFileName().toString();
        return jar.resolveSibling(name.substring(0, name.length() - ".jar".length()) + ".jsa");
    }

    /**
     * {@code wattledger.jsa.jar} beside the archive: the path of the jar it was made for. The JVM
     * maps an archive only for the jar at the path it was made with; a jar copied elsewhere with
     * it would run with no class-data archive at all, not even the JDK's own, slower than in one
     * JVM, so it is not relaunched.
     */
    static Path jarRecord(Path archive) {
        return archive.resolveSibling(archive.getFileName() + ".jar");
    }

    /** Writes the record of the jar {@code archive} is made for ({@link #jarRecord}). */
    static void recordJar(Path archive, Path jar) throws IOException {
        Files.writeString(jarRecord(archive), jar.toAbsolutePath().normalize() + "\n", StandardCharsets.UTF_8);
    }

    /** Whether {@code archive} was made for {@code jar}, at this path, as its record says; false without a record. */
    static boolean madeFor(Path archive, Path jar) {
        // a FileInputStream, not Files.readString: its classes are loaded already
        try (FileInputStream in = new FileInputStream(jarRecord(archive).toFile())) {
            String recorded = new String(in.readNBytes(1 << 16), StandardCharsets.UTF_8).strip();
            return !recorded.isEmpty() && Path.of(recorded).equals(jar.toAbsolutePath().normalize());
        } catch (IOException | SecurityException | InvalidPathException e) {
            return false;
        }
    }

    /** The jar this class was loaded from, if it was loaded from a jar file. */
    static Optional<Path> jar() {
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
