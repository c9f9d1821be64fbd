package org.wattledger.factors;

import java.util.List;
import java.util.Objects;
import org.wattledger.engine.factor.Factor;
import org.wattledger.engine.model.Issue;

/**
 * A factor sheet after {@link FactorSheetLoader} read it: the rows it accepted as factors and an
 * issue for every problem, each naming file, sheet, row and column. {@code rowsRead} is the number
 * of non-blank data rows, so {@code rowsRead = factors.size() + rejected()}.
 *
 * <p>A sheet with any error must not be used (the command line exits with 2 or 3: docs/command-line.md);
 * {@link #hasErrors()} says so, and {@link FactorSelection} refuses such a sheet.
 *
 * @param file the file name the user gave (a CSV, or the workbook holding a {@code factors} sheet)
 * @param sheet the sheet name within a workbook, null for CSV
 * @param sha256 lower-case hex SHA-256 of the file's bytes, or null when the caller had no bytes
 */
public record LoadedSheet(String file, String sheet, String sha256, int rowsRead, List<Factor> factors,
        List<Issue> issues) {
    public LoadedSheet {
        Objects.requireNonNull(file);
        factors = List.copyOf(factors);
        issues = List.copyOf(issues);
    }

    /** "factors.csv", or "book.xlsx, sheet factors": how layers, lineage and reports name the sheet. */
    public String label() {
        return sheet == null ? file : file + ", sheet " + sheet;
    }

    public boolean hasErrors() {
        return issues.stream().anyMatch(Issue::isError);
    }

    public List<Issue> errors() {
        return issues.stream().filter(Issue::isError).toList();
    }

    public int rejected() {
        return rowsRead - factors.size();
    }
}
