package org.wattledger.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.wattledger.engine.model.Inventory;
import org.wattledger.engine.model.Issue;
import org.wattledger.engine.model.Severity;
import org.wattledger.engine.model.Site;
import org.wattledger.importers.WorkbookImporter;
import org.wattledger.ledger.BatchSummary;
import org.wattledger.ledger.Ledger;
import org.wattledger.ledger.NewBatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code import INPUT...}: reads the inputs as {@code report} does and stores their accepted rows
 * in the ledger as one new batch. Rejected rows are listed and not stored (exit 3); the batch
 * records the tally and the issues.
 */
@Command(name = "import", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Store the inputs' accepted rows in the ledger as a new batch; a batch is never changed afterwards.")
final class ImportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "An .xlsx/.xls workbook, a folder of CSV files, or a readings .csv.")
    List<Path> inputs;

    @Option(names = "--ledger", paramLabel = "URL", description = Ledgers.OPTION_HELP)
    String ledger;

    @Option(names = "--note", paramLabel = "TEXT", description = "Why this batch was imported (kept with it).")
    String note;

    @Option(names = "--supersedes", paramLabel = "BATCH",
            description = "The batch this one corrects: its rows stop counting from now on (they stay readable).")
    Long supersedes;

    @Option(names = "--user", paramLabel = "NAME", description = "Who imports (default: the operating system's user name).")
    String user;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        for (Path input : inputs) {
            if (!Files.exists(input)) {
                throw new UsageException("no such file or folder: " + input);
            }
        }
        return Runs.guard(err, () -> {
            Inventory inventory;
            BatchSummary stored;
            // The ledger is opened first: one that cannot be reached fails before a long import.
            try (Ledger l = Ledgers.open(ledger)) {
                WorkbookImporter.Result imported = Pipeline.importInputs(inputs, err);
                if (!imported.factorTables().isEmpty()) {
                    throw new UsageException("the inputs hold a factor table (a factors sheet or factors.csv); the ledger"
                            + " stores meter data only: import without it and give it to report --ledger as --factor-sheet");
                }
                inventory = imported.inventory();
                List<NewBatch.InputFile> files = inputFiles(inventory.files());
                List<String> regions = new ArrayList<>(l.activeSiteRegions(supersedes));
                inventory.sites().stream().map(Site::region).forEach(regions::add);
                String pin = Pipeline.defaultFactorRelease(Libraries.load(List.of()), regions);
                String who = user != null ? user : System.getProperty("user.name", "unknown");
                stored = l.importBatch(new NewBatch(who, note, supersedes, inventory, files, pin, Version.ENGINE));
            }
            out.println("batch " + stored.batch() + ": read " + stored.read() + ", accepted " + stored.accepted()
                    + ", rejected " + stored.rejected());
            out.flush();
            List<Issue> shown = inventory.issues().stream().filter(i -> i.severity() != Severity.INFO).toList();
            long errors = shown.stream().filter(Issue::isError).count();
            if (!shown.isEmpty()) {
                err.println(errors + (errors == 1 ? " error" : " errors") + ", " + (shown.size() - errors)
                        + (shown.size() - errors == 1 ? " warning" : " warnings")
                        + (stored.rejected() > 0 ? "; rejected rows were not stored:" : ":"));
                shown.forEach(i -> err.println("  " + i));
                err.flush();
            }
            return stored.rejected() > 0 || errors > 0 ? ExitCode.INPUT_ERRORS : ExitCode.OK;
        });
    }

    /**
     * The files the import read (the inventory names them with their SHA-256), found among the
     * inputs by their bytes: stored with the batch so that it can be re-exported.
     */
    private List<NewBatch.InputFile> inputFiles(List<Inventory.InputFile> read) {
        List<Path> candidates = new ArrayList<>();
        for (Path input : inputs) {
            if (Files.isDirectory(input)) {
                try (Stream<Path> list = Files.list(input)) {
                    list.filter(Files::isRegularFile).sorted().forEach(candidates::add);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            } else {
                candidates.add(input);
            }
        }
        List<NewBatch.InputFile> files = new ArrayList<>();
        for (Inventory.InputFile f : read) {
            NewBatch.InputFile found = null;
            for (Path p : candidates) {
                if (p.getFileName().toString().equals(f.name()) || f.name().endsWith("/" + p.getFileName())) {
                    found = match(p, f);
                    if (found != null) {
                        break;
                    }
                }
            }
            for (int i = 0; found == null && i < candidates.size(); i++) {
                found = match(candidates.get(i), f);
            }
            if (found == null) {
                throw new UsageException(f.name() + " changed while it was read; nothing was stored");
            }
            files.add(found);
        }
        return files;
    }

    private static NewBatch.InputFile match(Path p, Inventory.InputFile f) {
        if (!f.sha256().equals(WorkbookImporter.sha256(p))) {
            return null;
        }
        try {
            return new NewBatch.InputFile(f.name(), p, Files.size(p), f.sha256());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
