package org.wattledger.engine.model;

import java.util.List;

/**
 * Everything an import produced: the organisation's sites, accepted readings, instruments,
 * targets and denominators, the issues found, and the row tally ({@code read = accepted +
 * rejected}) per input table.
 */
public record Inventory(List<Site> sites, List<Reading> readings, List<Instrument> instruments, List<Target> targets,
        List<Denominator> denominators, List<Issue> issues, RowTally rows, List<InputFile> files) {

    public Inventory {
        sites = List.copyOf(sites);
        readings = List.copyOf(readings);
        instruments = List.copyOf(instruments);
        targets = List.copyOf(targets);
        denominators = List.copyOf(denominators);
        issues = List.copyOf(issues);
        files = List.copyOf(files);
    }

    /** Reading rows read, accepted and rejected. Rejected rows each have at least one error issue. */
    public record RowTally(long read, long accepted, long rejected) {
        public RowTally {
            if (read != accepted + rejected) {
                throw new IllegalStateException("rows read " + read + " != accepted " + accepted + " + rejected " + rejected);
            }
        }
    }

    /** An input file with its SHA-256, named in the report so an auditor can check it is the same file. */
    public record InputFile(String name, String sha256) {
    }
}
