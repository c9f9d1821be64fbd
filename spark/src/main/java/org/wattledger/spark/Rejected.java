package org.wattledger.spark;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.wattledger.engine.model.Issue;

/**
 * rejected.csv: the rows the inputs' checks rejected, each error of an input row (file, sheet,
 * row, column, message) in the report's order. Errors of the calculation (a missing factor at a
 * line's first row) are the report's, not rejected rows: they are not listed.
 */
final class Rejected {
    static final String FILE = "rejected.csv";

    private Rejected() {
    }

    static Path write(List<Issue> issues, Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("file,sheet,row,column,message\n");
            for (Issue i : issues) {
                if (i.isError() && i.row() != null) {
                    w.write(cell(i.file()) + "," + cell(i.sheet()) + "," + i.row() + "," + cell(i.column()) + ","
                            + cell(i.message()) + "\n");
                }
            }
        }
        return file;
    }

    private static String cell(String s) {
        if (s == null) {
            return "";
        }
        boolean quote = s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0;
        return quote ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }
}
