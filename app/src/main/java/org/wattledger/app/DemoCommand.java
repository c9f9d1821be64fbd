package org.wattledger.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.wattledger.reports.TextSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code demo [--out DIR]}: the main job on the bundled demo company (the CSV folder
 * app/src/main/resources/demo, shipped in the jar): every report format and the charts, and a
 * summary on the terminal.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the main job on the bundled demo company and write report.json, report.html, report.xlsx, CSVs and charts.")
final class DemoCommand implements Callable<Integer> {
    /** The demo folder's files, in the jar under /demo. */
    static final List<String> FILES = List.of("sites.csv", "readings.csv", "instruments.csv", "targets.csv",
            "denominators.csv", "contracts.csv");

    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "wattledger-demo",
            description = "Folder to write the report into (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--bundle", paramLabel = "FILE.zip",
            description = "Also write an audit bundle of the demo run; `verify FILE.zip` re-runs it offline.")
    Path bundle;

    @Option(names = "--lang", paramLabel = "en|zh", defaultValue = "en", description = "Language of the HTML, xlsx,"
            + " text and charts: en (default) or zh (simplified Chinese). JSON and CSV stay English.")
    String lang;

    @Mixin
    CalculationOptions calculation;

    /** The demo's data start in 2022: its 2024 report shows 2022 to 2024 side by side and what drove the changes. */
    static final int FIRST_YEAR = 2022;

    @Override
    public Integer call() throws IOException {
        if (calculation.yearsFrom == null) {
            calculation.yearsFrom = FIRST_YEAR;
        }
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        org.wattledger.reports.Labels.Language language = Outputs.language(lang);
        Outputs.checkFolder(out);
        if (bundle != null) {
            Bundles.checkTarget(bundle, List.of(), calculation.factorSheets);
        }
        Outputs.preload(Outputs.Format.ALL);
        Path work = Files.createTempDirectory("wattledger-demo");
        try {
            Path input = extract(work.resolve("demo"));
            return Runs.guard(err, () -> {
                Pipeline.Outcome outcome = Pipeline.run(List.of(input), calculation, false, err);
                Pipeline.Outcome readable = Outputs.inLanguage(outcome, language);
                List<Path> files = new java.util.ArrayList<>(Outputs.writeFiles(readable, Outputs.Format.ALL, out));
                if (bundle != null) {
                    Bundles.write(bundle, List.of(input), calculation, outcome);
                    files.add(bundle);
                }
                stdout.print(TextSummary.render(readable.results(), readable.meta(),
                        files.stream().map(Path::toString).toList()));
                stdout.flush();
                Outputs.reportIssues(outcome.results(), err);
                return outcome.results().complete() ? ExitCode.OK : ExitCode.INPUT_ERRORS;
            });
        } finally {
            Folders.deleteTree(work);
        }
    }

    /** Copies the demo CSVs out of the jar into a folder named demo, so issues name demo's own files. */
    static Path extract(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (String name : FILES) {
            try (InputStream in = DemoCommand.class.getResourceAsStream("/demo/" + name)) {
                if (in == null) {
                    throw new IllegalStateException("the jar lacks /demo/" + name);
                }
                Files.copy(in, dir.resolve(name));
            }
        }
        return dir;
    }
}
