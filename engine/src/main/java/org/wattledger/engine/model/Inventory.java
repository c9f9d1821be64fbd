package org.wattledger.engine.model;

import java.util.List;
import java.util.Map;

/**
 * Everything an import produced: the organisation's sites, accepted readings, instruments,
 * targets and denominators, the issues found, the row tally ({@code read = accepted + rejected})
 * per input table, and where each readings table keeps a reading's quantity and period.
 *
 * <p>An importer hands over the readings as accepted from the rows: consumption rows, register
 * readings and rows that give only an end time. The engine's input stage
 * ({@code org.wattledger.engine.meter.InputStage}) turns them into consumption readings; a
 * calculation takes the inventory it returns. An importer hands them over in a {@link ReadingStore}
 * (columns, not an object per reading), which the inventory keeps as it is; any other list is copied.
 *
 * @param changes the changes table: acquisitions, divestments, corrections that may restate the base year
 * @param rejectedSites site ids whose row in the sites table had an error, with that row: the
 *     input stage names it when the site's readings arrive, rather than calling the site missing
 * @param meterTags the measurement points and zones the readings tables give their meters
 * @param contracts the PUE contracts of the contracts table
 */
public record Inventory(List<Site> sites, List<Reading> readings, List<Instrument> instruments, List<Target> targets,
        List<Denominator> denominators, List<Issue> issues, RowTally rows, List<InputFile> files,
        List<ReadingColumns> readingColumns, Map<String, SourceRef> rejectedSites, List<MeterTag> meterTags,
        List<PueContract> contracts, List<StructuralChange> changes) {

    public Inventory {
        changes = List.copyOf(changes);
        sites = List.copyOf(sites);
        readings = ReadingStore.copyOf(readings); // a store of readings is kept as it is, not built into objects
        instruments = List.copyOf(instruments);
        targets = List.copyOf(targets);
        denominators = List.copyOf(denominators);
        issues = List.copyOf(issues);
        files = List.copyOf(files);
        readingColumns = List.copyOf(readingColumns);
        rejectedSites = Map.copyOf(rejectedSites);
        meterTags = List.copyOf(meterTags);
        contracts = List.copyOf(contracts);
    }

    /** An inventory without meter tags, contracts or changes. */
    public Inventory(List<Site> sites, List<Reading> readings, List<Instrument> instruments, List<Target> targets,
            List<Denominator> denominators, List<Issue> issues, RowTally rows, List<InputFile> files,
            List<ReadingColumns> readingColumns, Map<String, SourceRef> rejectedSites) {
        this(sites, readings, instruments, targets, denominators, issues, rows, files, readingColumns, rejectedSites,
                List.of(), List.of(), List.of());
    }

    /** The same inventory with the rows of a changes table (base-year recalculation). */
    public Inventory withChanges(List<StructuralChange> newChanges) {
        return new Inventory(sites, readings, instruments, targets, denominators, issues, rows, files, readingColumns,
                rejectedSites, meterTags, contracts, newChanges);
    }

    /** An inventory whose readings tables name no columns (built in code rather than read from files). */
    public Inventory(List<Site> sites, List<Reading> readings, List<Instrument> instruments, List<Target> targets,
            List<Denominator> denominators, List<Issue> issues, RowTally rows, List<InputFile> files) {
        this(sites, readings, instruments, targets, denominators, issues, rows, files, List.of(), Map.of());
    }

    /** The same inventory with other readings, issues and tally (what the input stage changes). */
    public Inventory withReadings(List<Site> newSites, List<Reading> newReadings, List<Issue> newIssues,
            RowTally newRows) {
        return new Inventory(newSites, newReadings, instruments, targets, denominators, newIssues, newRows, files,
                readingColumns, rejectedSites, meterTags, contracts, changes);
    }

    /** Reading rows read, accepted and rejected. Rejected rows each have at least one error issue. */
    public record RowTally(long read, long accepted, long rejected) {
        public RowTally {
            if (read != accepted + rejected) {
                throw new IllegalStateException("rows read " + read + " != accepted " + accepted + " + rejected " + rejected);
            }
        }
    }

    /**
     * A readings table (file, sheet; sheet null for CSV) and the letters of the columns that hold a
     * reading's quantity, start and end (null when the table has no such column): the input stage
     * names them in the issues it finds, as the user sees the table.
     */
    public record ReadingColumns(String file, String sheet, String quantity, String from, String to) {
    }

    /** An input file with its SHA-256, named in the report so an auditor can check it is the same file. */
    public record InputFile(String name, String sha256) {
    }
}
