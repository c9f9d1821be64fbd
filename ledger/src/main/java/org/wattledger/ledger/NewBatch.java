package org.wattledger.ledger;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.wattledger.engine.model.Inventory;

/**
 * What an import hands the ledger: the imported inventory (accepted readings, sites, instruments,
 * targets, denominators, meter tags, contracts, changes, issues and row tally, exactly as the
 * importer produced them), the input
 * files, who imports and why.
 *
 * @param supersedes the batch this one replaces, or null
 * @param factorRelease the factor sets a report of the ledger uses after this batch unless told
 *     otherwise ({@code cn@2026.1,ipcc2006@2026.1}): pinned at import, so a later release cannot
 *     change a report made as of this batch
 */
public record NewBatch(String user, String note, Long supersedes, Inventory inventory, List<InputFile> files,
        String factorRelease, String engineVersion) {
    public NewBatch {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(inventory, "inventory");
        Objects.requireNonNull(factorRelease, "factorRelease");
        Objects.requireNonNull(engineVersion, "engineVersion");
        files = List.copyOf(files);
    }

    /** An input file: the name the report gives it, where its bytes are, their size and SHA-256. */
    public record InputFile(String name, Path path, long size, String sha256) {
    }
}
