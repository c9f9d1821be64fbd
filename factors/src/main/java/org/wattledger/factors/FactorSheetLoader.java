package org.wattledger.factors;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.wattledger.engine.factor.Factor;
import org.wattledger.engine.factor.FactorKind;
import org.wattledger.engine.factor.Regions;
import org.wattledger.engine.model.Carrier;
import org.wattledger.engine.model.Gas;
import org.wattledger.engine.model.Issue;
import org.wattledger.engine.model.Severity;
import org.wattledger.engine.model.SourceRef;
import org.wattledger.engine.model.TextTable;
import org.wattledger.engine.model.Use;
import org.wattledger.engine.units.Dimension;
import org.wattledger.engine.units.Exact;
import org.wattledger.engine.units.FactorUnit;

/**
 * Reads factor sheets (docs/formats/factors.md, with the extension columns {@code basis}, {@code use} and
 * {@code note}; docs/formats/factors.md) and validates every row. Each problem becomes an
 * {@link Issue} that names file, sheet, 1-based row and column letter; a row with an error is
 * rejected, never half-used. The same rules apply to user sheets and to bundled releases.
 *
 * <p>Checks, per row: required cells present, known carrier and kind, a gas for the kinds that
 * need one, a decimal value that is not negative, a unit the engine can parse
 * ({@link FactorUnit#parse}) that fits the kind ({@link FactorKind#misfit}), ISO dates with
 * {@code valid_to} not before {@code valid_from}, a known use. Across the rows of a sheet (or of
 * all files of a release): unique ids, and no two factors for the same carrier, kind, gas, region,
 * basis and use whose validity overlaps — the catalogue could not tell which one applies.
 */
public final class FactorSheetLoader {
    /** Every column a factor sheet may have, in the order bundled files write them. */
    public static final List<String> COLUMNS = List.of("id", "carrier", "kind", "gas", "value", "unit", "region",
            "valid_from", "valid_to", "source", "version", "basis", "use", "note", "confirmation");

    /**
     * The values of the {@code confirmation} column: how many independent copies of the official
     * table the value was checked against. A single-source value says so in its note, which
     * {@code factors show} and every report print.
     */
    public static final String TWO_SOURCES = "two-sources";
    public static final String SINGLE_SOURCE = "single-source";

    /** Columns a sheet must have; the others may be left out. */
    public static final List<String> REQUIRED_COLUMNS = List.of("id", "carrier", "kind", "value", "unit", "region",
            "valid_from", "source");


    private static final Map<String, String> HEADER_NAMES = headerNames();
    private static final Pattern DATE = Pattern.compile("(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern GROUPED = Pattern.compile("[+-]?\\d{1,3}(,\\d{3})+(\\.\\d+)?");

    private FactorSheetLoader() {
    }

    /** Loads a user's sheet (a CSV, or the {@code factors} sheet of a workbook) without a hash. */
    public static LoadedSheet load(TextTable table) {
        return load(table, null);
    }

    /**
     * Loads a user's sheet. Its factors belong to a set named after the sheet ({@link LoadedSheet#label()});
     * {@code sha256} is the hash of the file's bytes ({@link #sha256(Path)}), which the report names.
     */
    public static LoadedSheet load(TextTable table, String sha256) {
        String label = table.sheet() == null ? table.file() : table.file() + ", sheet " + table.sheet();
        Parsed parsed = parse(label, List.of(table), null);
        return new LoadedSheet(table.file(), table.sheet(), sha256, parsed.rowsRead(), parsed.factors(),
                parsed.issues());
    }

    /** Reads and loads a UTF-8 CSV factor sheet from disk, with its SHA-256. */
    public static LoadedSheet loadCsv(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        return load(readCsv(file.getFileName().toString(), bytes), sha256(bytes));
    }

    /**
     * Parses UTF-8 CSV bytes (a byte-order mark is skipped) into a table: the first non-blank
     * line is the header, row numbers are the file's line numbers. Importers read users' files in
     * other encodings and delimiters; this reader is for the bundled releases and plain UTF-8 CSV.
     *
     * @throws IllegalArgumentException when the bytes are not UTF-8 or not CSV
     */
    public static TextTable readCsv(String fileName, byte[] bytes) {
        String text = decodeUtf8(fileName, bytes);
        List<String> headers = null;
        int headerRow = 0;
        List<TextTable.Row> rows = new ArrayList<>();
        CsvReader<CsvRecord> reader = CsvReader.builder()
                .skipEmptyLines(true)
                .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
                .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
                .ofCsvRecord(text);
        try (reader) {
            for (CsvRecord rec : reader) {
                int line = Math.toIntExact(rec.getStartingLineNumber());
                if (headers == null) {
                    headers = rec.getFields();
                    headerRow = line;
                } else {
                    rows.add(new TextTable.Row(line, rec.getFields()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(fileName + " is not a readable CSV file: " + e.getMessage(), e);
        }
        return new TextTable(fileName, null, headerRow, headers == null ? List.of() : headers, rows);
    }

    /** Lower-case hex SHA-256 of the bytes. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** Lower-case hex SHA-256 of a file's bytes, as the report names each factor sheet. */
    public static String sha256(Path file) throws IOException {
        return sha256(Files.readAllBytes(file));
    }

    /** Rows accepted and issues found in one or more tables that form one set. */
    record Parsed(int rowsRead, List<Factor> factors, List<Issue> issues) {
    }

    /**
     * Validates the tables of one set together (ids unique and validities disjoint across all of
     * them). {@code defaultVersion} fills a blank {@code version} cell (a release's own version).
     */
    static Parsed parse(String setName, List<TextTable> tables, String defaultVersion) {
        List<Issue> issues = new ArrayList<>();
        List<Candidate> candidates = new ArrayList<>();
        Map<String, Location> firstById = new HashMap<>();
        int rowsRead = 0;
        for (TextTable table : tables) {
            Map<String, Integer> columns = columns(table, issues);
            for (TextTable.Row row : table.rows()) {
                if (row.cells().stream().allMatch(c -> c == null || c.isBlank())) {
                    continue;
                }
                rowsRead++;
                if (columns == null) {
                    continue;
                }
                RowReader reader = new RowReader(table, row, columns, issues);
                Factor factor = reader.read(setName, defaultVersion);
                Location here = new Location(table, row);
                String id = reader.text("id");
                Location first = id.isEmpty() ? null : firstById.putIfAbsent(id, here);
                if (first != null) {
                    issues.add(reader.error("id", "duplicate id '" + id + "' (first used on " + first.where(table) + ")"));
                } else if (factor != null) {
                    candidates.add(new Candidate(factor, here, reader.at("valid_from")));
                }
            }
        }
        List<Factor> accepted = rejectOverlaps(candidates, issues);
        issues.sort(Issue.ORDER);
        return new Parsed(rowsRead, accepted, issues);
    }

    /** Column name → index; null (with an error) when a required column is missing. */
    private static Map<String, Integer> columns(TextTable table, List<Issue> issues) {
        SourceRef headerRef = SourceRef.row(table.file(), table.sheet(), table.headerRow());
        if (table.headers().isEmpty()) {
            issues.add(Issue.error(headerRef, "no header row: a factor sheet starts with the columns "
                    + String.join(", ", REQUIRED_COLUMNS) + " (see docs/formats/factors.md)"));
            return null;
        }
        Map<String, Integer> columns = new LinkedHashMap<>();
        boolean ok = true;
        for (int i = 0; i < table.headers().size(); i++) {
            String header = table.headers().get(i);
            if (header == null || header.isBlank()) {
                continue;
            }
            String name = HEADER_NAMES.get(headerKey(header));
            SourceRef at = headerRef.atColumn(SourceRef.columnLetter(i));
            if (name == null) {
                issues.add(Issue.at(Severity.WARNING, at, "column '" + header.strip()
                        + "' is not a factor-sheet column; ignored"));
            } else if (columns.containsKey(name)) {
                issues.add(Issue.error(at, "column '" + name + "' appears twice (columns "
                        + SourceRef.columnLetter(columns.get(name)) + " and " + SourceRef.columnLetter(i) + ")"));
                ok = false;
            } else {
                columns.put(name, i);
            }
        }
        for (String required : REQUIRED_COLUMNS) {
            if (!columns.containsKey(required)) {
                issues.add(Issue.error(headerRef, "missing column '" + required + "'"));
                ok = false;
            }
        }
        return ok ? columns : null;
    }

    /** Where a row is: "row 7", or "row 7 of grid.csv" when seen from another file of the set. */
    private record Location(TextTable table, TextTable.Row row) {
        String where(TextTable from) {
            return "row " + row.number() + (from == table ? "" : " of " + table.file());
        }
    }

    /** A row that passed its own checks, waiting for the checks across rows. */
    private record Candidate(Factor factor, Location location, SourceRef validFrom) {
    }

    /** Rows with different denominators (per kWh, per m3) apply to different activities, so they never clash. */
    private record OverlapKey(String carrier, FactorKind kind, String gas, String region, String basis, Use use,
            Dimension per) {
        static OverlapKey of(Factor f) {
            return new OverlapKey(f.carrier() == null ? Regions.ANY : f.carrier().id(), f.kind(),
                    f.gas() == null ? "" : f.gas().toUpperCase(Locale.ROOT), Regions.normalise(f.region()),
                    f.basis().toLowerCase(Locale.ROOT), f.use(),
                    f.unit().isRatio() ? f.unit().denominator().dimension() : null);
        }
    }

    private static List<Factor> rejectOverlaps(List<Candidate> candidates, List<Issue> issues) {
        Map<OverlapKey, List<Candidate>> kept = new HashMap<>();
        List<Factor> accepted = new ArrayList<>();
        for (Candidate c : candidates) {
            List<Candidate> same = kept.computeIfAbsent(OverlapKey.of(c.factor()), k -> new ArrayList<>());
            Optional<Candidate> clash = same.stream().filter(o -> overlap(o.factor(), c.factor())).findFirst();
            if (clash.isPresent()) {
                Factor other = clash.get().factor();
                issues.add(Issue.error(c.validFrom(), "validity " + c.factor().validity() + " overlaps "
                        + clash.get().location().where(c.location().table()) + " (" + other.id() + ", "
                        + other.validity() + "): same carrier, kind, gas, region, basis, use and unit denominator"));
            } else {
                same.add(c);
                accepted.add(c.factor());
            }
        }
        return accepted;
    }

    private static boolean overlap(Factor a, Factor b) {
        LocalDate aTo = a.validTo() == null ? LocalDate.MAX : a.validTo();
        LocalDate bTo = b.validTo() == null ? LocalDate.MAX : b.validTo();
        return !a.validFrom().isAfter(bTo) && !b.validFrom().isAfter(aTo);
    }

    /** Reads one row's cells; every problem is added to the issues with its column. */
    private static final class RowReader {
        private final TextTable table;
        private final TextTable.Row row;
        private final Map<String, Integer> columns;
        private final List<Issue> issues;
        private boolean failed;

        RowReader(TextTable table, TextTable.Row row, Map<String, Integer> columns, List<Issue> issues) {
            this.table = table;
            this.row = row;
            this.columns = columns;
            this.issues = issues;
        }

        String text(String column) {
            Integer index = columns.get(column);
            return index == null ? "" : row.cell(index).strip();
        }

        SourceRef at(String column) {
            Integer index = columns.get(column);
            return index == null ? SourceRef.row(table.file(), table.sheet(), row.number()) : table.at(row, index);
        }

        Issue error(String column, String message) {
            failed = true;
            return Issue.error(at(column), message);
        }

        private void fail(String column, String message) {
            issues.add(error(column, message));
        }

        private String required(String column, String hint) {
            String value = text(column);
            if (value.isEmpty()) {
                fail(column, "missing " + column + (hint.isEmpty() ? "" : " (" + hint + ")"));
            }
            return value;
        }

        /** The row's factor, or null when a cell had an error (each one is in the issues). */
        Factor read(String setName, String defaultVersion) {
            String id = required("id", "");
            Carrier carrier = carrier();
            FactorKind kind = kind();
            String gas = gas(kind);
            BigDecimal value = value();
            FactorUnit unit = unit(kind);
            substanceMatches(kind, gas, unit);
            if (kind == FactorKind.OXIDATION && value != null && unit != null
                    && unit.asNumber(value).compareTo(BigDecimal.ONE) > 0) {
                fail("value", "oxidation " + value.toPlainString() + (unit.text().equals("1") ? "" : " " + unit.text())
                        + " is more than 1: write 0.99, or 99 with unit %");
            }
            String region = region();
            LocalDate from = date("valid_from", false);
            LocalDate to = date("valid_to", true);
            if (from != null && to != null && to.isBefore(from)) {
                fail("valid_to", "valid_to " + to + " is before valid_from " + from);
            }
            String source = required("source", "cite the publisher, document and table");
            Use use = use();
            String note = noteWithConfirmation();
            if (failed) {
                return null;
            }
            String version = text("version");
            return new Factor(id, carrier, kind, gas, value, unit, region, from, to, source,
                    version.isEmpty() ? defaultVersion : version, note, text("basis"), use, setName,
                    SourceRef.row(table.file(), table.sheet(), row.number()));
        }

        /** The note, led by "single-source" when the confirmation column says so and the note does not yet. */
        private String noteWithConfirmation() {
            String note = text("note");
            String confirmation = text("confirmation").toLowerCase(Locale.ROOT);
            if (confirmation.isEmpty() || confirmation.equals(TWO_SOURCES)) {
                return note;
            }
            if (!confirmation.equals(SINGLE_SOURCE)) {
                fail("confirmation", "confirmation '" + text("confirmation") + "' is neither " + TWO_SOURCES + " nor "
                        + SINGLE_SOURCE);
                return note;
            }
            return note.contains(SINGLE_SOURCE) ? note : note.isEmpty() ? SINGLE_SOURCE : SINGLE_SOURCE + "; " + note;
        }

        private Carrier carrier() {
            String text = required("carrier", "electricity, natural_gas, ... or * for any carrier");
            if (text.isEmpty() || text.equals(Regions.ANY)) {
                return null;
            }
            Optional<Carrier> carrier = Carrier.parse(text);
            if (carrier.isEmpty()) {
                fail("carrier", "unknown carrier '" + text + "'");
            }
            return carrier.orElse(null);
        }

        private FactorKind kind() {
            String text = required("kind", "");
            if (text.isEmpty()) {
                return null;
            }
            Optional<FactorKind> kind = FactorKind.parse(text);
            if (kind.isEmpty()) {
                fail("kind", "unknown kind '" + text + "' (expected emission, emission_per_energy, ncv, "
                        + "hhv, carbon_content, oxidation, tce, gwp, residual_mix or density)");
            }
            return kind.orElse(null);
        }

        private String gas(FactorKind kind) {
            String text = text("gas");
            if (kind == null) {
                return text.isEmpty() ? null : text;
            }
            if (!kind.needsGas()) {
                if (!text.isEmpty()) {
                    issues.add(Issue.at(Severity.WARNING, at("gas"), "gas '" + text + "' ignored: kind "
                            + kind.id() + " takes no gas"));
                }
                return null;
            }
            if (kind == FactorKind.GWP) {
                if (text.isEmpty()) {
                    fail("gas", "missing gas (kind gwp needs the gas it is for, e.g. CH4 or R-410A)");
                }
                return text;
            }
            if (text.isEmpty()) {
                fail("gas", "missing gas (kind " + kind.id() + " needs CO2, CH4, N2O or CO2e)");
                return null;
            }
            Optional<Gas> known = Gas.parse(text);
            if (known.isEmpty()) {
                fail("gas", "unknown gas '" + text + "' for kind " + kind.id() + " (expected CO2, CH4, N2O or CO2e)");
            }
            return known.map(Gas::id).orElse(text);
        }

        private BigDecimal value() {
            String text = required("value", "");
            if (text.isEmpty()) {
                return null;
            }
            String plain = GROUPED.matcher(text).matches() ? text.replace(",", "") : text;
            BigDecimal value;
            try {
                value = new BigDecimal(plain);
            } catch (NumberFormatException e) {
                fail("value", "'" + text + "' is not a number");
                return null;
            }
            if (value.signum() < 0) {
                fail("value", "value " + text + " is negative: a factor cannot be negative");
                return null;
            }
            if (!Exact.inInputRange(value)) {
                fail("value", "'" + text + "' is out of range (" + Exact.INPUT_RANGE + ")");
                return null;
            }
            return value;
        }

        private FactorUnit unit(FactorKind kind) {
            String text = required("unit", "e.g. t/MWh, kg/TJ, GJ/t, 1");
            if (text.isEmpty()) {
                return null;
            }
            FactorUnit unit;
            try {
                unit = FactorUnit.parse(text);
            } catch (IllegalArgumentException e) {
                fail("unit", e.getMessage());
                return null;
            }
            String misfit = kind == null ? null : kind.misfit(unit);
            if (misfit != null) {
                fail("unit", misfit);
                return null;
            }
            return unit;
        }

        /**
         * A unit that names a substance must name the one the row is for: "kg CH4/kWh" on a CO2 row
         * would be read as CO2 (the unit's gas is only a label to the parser), and "t CO2/TJ" is
         * not a carbon content.
         */
        private void substanceMatches(FactorKind kind, String gas, FactorUnit unit) {
            String named = unit == null || kind == null ? null : unit.substance();
            if (named == null) {
                return;
            }
            if (kind == FactorKind.CARBON_CONTENT && !named.equals("C")) {
                fail("unit", "unit '" + unit.text() + "' names " + named + ", but kind carbon_content is a mass of"
                        + " carbon (write tC/TJ, or use kind emission_per_energy for " + named + " per energy)");
            } else if (gas != null && Gas.ofId(gas).isPresent() && !named.equals(gas)) {
                fail("unit", "unit '" + unit.text() + "' names " + (named.equals("C") ? "carbon (C)" : named)
                        + ", but the gas column says " + gas + ": write the same gas in both, or a unit without"
                        + " a gas such as " + unit.numerator().symbol() + (unit.isRatio() ? "/"
                        + unit.text().substring(unit.text().indexOf('/') + 1).strip() : ""));
            }
        }

        private String region() {
            String text = required("region", "a region code such as CN, CN-BJ, GB, US-CAMX, or *");
            if (text.isEmpty()) {
                return "";
            }
            Optional<String> code = Regions.parse(text);
            if (code.isEmpty()) {
                fail("region", "'" + text + "' is not a known region (use a code such as CN, CN-BJ, CN-NORTH, GB,"
                        + " US-CAMX, a Chinese province name such as 广东 or Guangdong, or *)");
            }
            return code.orElse("");
        }

        private LocalDate date(String column, boolean optional) {
            String text = optional ? text(column) : required(column, "the first day the factor applies to");
            if (text.isEmpty()) {
                return null;
            }
            if (YEAR.matcher(text).matches()) {
                int year = Integer.parseInt(text);
                return column.equals("valid_to") ? LocalDate.of(year, 12, 31) : LocalDate.of(year, 1, 1);
            }
            Matcher m = DATE.matcher(text);
            if (m.matches()) {
                try {
                    return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                            Integer.parseInt(m.group(3)));
                } catch (DateTimeException e) {
                    // falls through to the error below
                }
            }
            fail(column, "'" + text + "' is not a date (expected YYYY-MM-DD)");
            return null;
        }

        private Use use() {
            String text = text("use");
            if (text.isEmpty()) {
                return null;
            }
            Optional<Use> use = Use.parse(text);
            if (use.isEmpty()) {
                fail("use", "unknown use '" + text + "' (expected stationary, mobile, or blank for either)");
            }
            return use.orElse(null);
        }
    }

    private static Map<String, String> headerNames() {
        Map<String, String> names = new HashMap<>();
        for (String column : COLUMNS) {
            names.put(headerKey(column), column);
        }
        names.put(headerKey("from"), "valid_from");
        names.put(headerKey("to"), "valid_to");
        names.put(headerKey("factor"), "value");
        names.put(headerKey("notes"), "note");
        return Map.copyOf(names);
    }

    /** Headers match ignoring case, spaces, underscores, hyphens and a unit in brackets (docs/formats/workbook.md). */
    static String headerKey(String header) {
        String s = Normalizer.normalize(header, Normalizer.Form.NFKC).replaceAll("\\(.*?\\)", "");
        return s.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-]+", "");
    }

    private static String decodeUtf8(String fileName, byte[] bytes) {
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, bytes.length - start))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(fileName + " is not UTF-8 text", e);
        }
    }
}
