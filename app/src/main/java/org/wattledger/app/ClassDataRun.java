package org.wattledger.app;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * The run the build records the class-data archive's class list from ({@code app/pom.xml}): the
 * demo into the given folder, then the input workbook template written there and a report on it,
 * so that the classes reading workbooks are archived too, not only those of the demo's CSV
 * inputs. Not a command: it fails (exit 1) when any of the three does not end as it should, which
 * fails the build rather than leave an archive without their classes. It also records the jar's
 * path beside the archive to be made ({@link FastStart#jarRecord}).
 */
public final class ClassDataRun {
    private ClassDataRun() {
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: ClassDataRun OUTPUT_FOLDER");
            System.exit(ExitCode.USAGE);
        }
        OutputStream none = OutputStream.nullOutputStream();
        String[] demo = {"demo", "--out", args[0]};
        Preload.startFor(demo);
        int demoCode = Main.run(none, System.err, demo);
        String template = Path.of(args[0], "template.xlsx").toString();
        int templateCode = Main.run(none, System.err, "template", "--out", template);
        String[] report = {"report", template, "--format", "json"};
        Preload.startFor(report);
        // the template holds no readings: its report is incomplete (exit 3), as it should be
        int reportCode = Main.run(none, none, report);
        if (demoCode != ExitCode.OK || templateCode != ExitCode.OK || reportCode != ExitCode.INPUT_ERRORS) {
            System.err.println("the class-data run failed: demo exit " + demoCode + ", template exit " + templateCode
                    + ", report on the template exit " + reportCode);
            System.exit(1);
        }
        // the archive the build makes next, from this run's class list, is for this jar at this path
        Path jar = FastStart.jar().orElseThrow(() -> new IllegalStateException("not run from a jar"));
        try {
            FastStart.recordJar(FastStart.archiveBeside(jar), jar);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.exit(0);
    }
}
