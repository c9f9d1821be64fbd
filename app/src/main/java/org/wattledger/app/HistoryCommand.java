package org.wattledger.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.wattledger.ledger.BatchSummary;
import org.wattledger.ledger.Ledger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code history}: the ledger's batches, oldest first. */
@Command(name = "history", mixinStandardHelpOptions = true, sortOptions = false,
        description = "List the ledger's batches: when, who, files with SHA-256, rows read/accepted/rejected, note,"
                + " and which batch supersedes which.")
final class HistoryCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--ledger", paramLabel = "URL", description = Ledgers.OPTION_HELP)
    String ledger;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text", description = "text (default) or json.")
    String format;

    @Override
    public Integer call() {
        boolean json = switch (format.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "json" -> true;
            case "text" -> false;
            default -> throw new UsageException("--format is text or json, not '" + format + "'");
        };
        PrintWriter out = spec.commandLine().getOut();
        return Runs.guard(spec.commandLine().getErr(), () -> {
            List<BatchSummary> batches;
            try (Ledger l = Ledgers.open(ledger)) {
                batches = l.history();
            }
            out.print(json ? json(batches) : text(batches));
            out.flush();
            return ExitCode.OK;
        });
    }

    /** {@code [{"batch", "at", "user", "files": [{"name", "size", "sha256"}], "read", "accepted", "rejected", "note", "supersedes", "supersededBy"}]}. */
    static String json(List<BatchSummary> batches) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (BatchSummary b : batches) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("batch", b.batch());
            m.put("at", b.at().toString());
            m.put("user", b.user());
            List<Map<String, Object>> files = new ArrayList<>();
            for (BatchSummary.FileDigest f : b.files()) {
                Map<String, Object> fm = new LinkedHashMap<>();
                fm.put("name", f.name());
                fm.put("size", f.size());
                fm.put("sha256", f.sha256());
                files.add(fm);
            }
            m.put("files", files);
            m.put("read", b.read());
            m.put("accepted", b.accepted());
            m.put("rejected", b.rejected());
            m.put("note", b.note());
            m.put("supersedes", b.supersedes());
            m.put("supersededBy", b.supersededBy());
            m.put("factors", b.factorRelease());
            list.add(m);
        }
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(list) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One block per batch. */
    static String text(List<BatchSummary> batches) {
        if (batches.isEmpty()) {
            return "the ledger holds no batch yet\n";
        }
        StringBuilder sb = new StringBuilder();
        for (BatchSummary b : batches) {
            sb.append("batch ").append(b.batch()).append("  ").append(b.at()).append("  ").append(b.user())
                    .append("  read ").append(b.read()).append(", accepted ").append(b.accepted())
                    .append(", rejected ").append(b.rejected());
            if (b.supersedes() != null) {
                sb.append("  supersedes ").append(b.supersedes());
            }
            if (b.supersededBy() != null) {
                sb.append("  superseded by ").append(b.supersededBy());
            }
            sb.append('\n');
            if (b.note() != null) {
                sb.append("  note: ").append(b.note()).append('\n');
            }
            for (BatchSummary.FileDigest f : b.files()) {
                sb.append("  ").append(f.name()).append("  ").append(f.size()).append(" bytes  sha256 ")
                        .append(f.sha256()).append('\n');
            }
        }
        return sb.toString();
    }
}
