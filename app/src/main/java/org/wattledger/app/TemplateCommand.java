package org.wattledger.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.wattledger.importers.TemplateWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code template [--lang en|zh] --out FILE.xlsx}: a blank input workbook with every sheet of the contract. */
@Command(name = "template", mixinStandardHelpOptions = true,
        description = "Write a blank input workbook: every sheet, headers, drop-downs, an example row per sheet, instructions.")
final class TemplateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--lang", paramLabel = "en|zh", defaultValue = "en", description = "Header language (default ${DEFAULT-VALUE}).")
    String lang;

    @Option(names = "--out", paramLabel = "FILE.xlsx", required = true, description = "The workbook to write.")
    Path out;

    @Override
    public Integer call() throws IOException {
        TemplateWriter.Language language;
        try {
            language = TemplateWriter.Language.parse(lang);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--lang: " + e.getMessage());
        }
        if (!out.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".xlsx")) {
            throw new UsageException("--out must name an .xlsx file");
        }
        if (Files.isDirectory(out)) {
            throw new UsageException("--out " + out + " is a folder; name the .xlsx file to write");
        }
        Outputs.checkParents(out);
        // Built in memory, then written in one go: a full disk is then a plain I/O error, not POI's.
        java.io.ByteArrayOutputStream book = new java.io.ByteArrayOutputStream();
        TemplateWriter.write(book, language);
        try {
            Files.write(out, book.toByteArray());
        } catch (IOException e) {
            throw new Outputs.WriteFailed("cannot write " + out + ": " + Outputs.reason(e), e);
        }
        PrintWriter err = spec.commandLine().getErr();
        err.println("wrote " + out);
        err.flush();
        return ExitCode.OK;
    }
}
