package org.wattledger.ledger;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.wattledger.engine.model.Denominator;
import org.wattledger.engine.model.Instrument;
import org.wattledger.engine.model.Inventory;
import org.wattledger.engine.model.Issue;
import org.wattledger.engine.model.MeterTag;
import org.wattledger.engine.model.PueContract;
import org.wattledger.engine.model.Reading;
import org.wattledger.engine.model.ReadingStore;
import org.wattledger.engine.model.Severity;
import org.wattledger.engine.model.Site;
import org.wattledger.engine.model.SourceRef;
import org.wattledger.engine.model.StructuralChange;
import org.wattledger.engine.model.Target;

/**
 * A ledger of immutable import batches in an embedded H2 database or in PostgreSQL, through one
 * set of SQL statements (plain JDBC), Flyway migrations and a HikariCP pool.
 *
 * <p>A batch is written in one transaction and never changed: rows are only ever inserted. An
 * import takes the ledger's lock row first, so batches are numbered, dated and checked for
 * duplicates one at a time; a process killed mid-import leaves nothing behind (the transaction
 * is rolled back). A correction is a new batch that names the one it supersedes.
 */
public final class Ledger implements AutoCloseable {
    /** Rows sent to the database per JDBC batch. */
    private static final int ROWS_PER_BATCH = 2000;
    /** Rows fetched per round trip when reading a batch back. */
    private static final int FETCH_SIZE = 5000;

    private final LedgerLocation location;
    private final HikariDataSource pool;

    private Ledger(LedgerLocation location, HikariDataSource pool) {
        this.location = location;
        this.pool = pool;
    }

    /**
     * Opens (and creates, for a new folder or an empty database) the ledger, migrating an older
     * schema to the current one. A ledger written by a newer wattledger, whose schema this one does
     * not know, is refused rather than read with the wrong meaning.
     */
    public static Ledger open(LedgerLocation location) {
        return H2Handover.retrying(location, () -> openOnce(location));
    }

    private static Ledger openOnce(LedgerLocation location) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(location.jdbcUrl());
        if (location.user() != null) {
            config.setUsername(location.user());
        }
        if (location.password() != null) {
            config.setPassword(location.password());
        }
        config.setAutoCommit(false);
        config.setMaximumPoolSize(2);
        config.setPoolName("wattledger-ledger");
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new LedgerException("cannot open the ledger " + location.display() + ": " + rootMessage(e), e);
        }
        try {
            migrate(location, pool);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return new Ledger(location, pool);
    }

    private static void migrate(LedgerLocation location, HikariDataSource pool) {
        Flyway flyway = flyway(location, pool);
        try {
            for (MigrationInfo applied : flyway.info().applied()) {
                if (applied.getState().name().startsWith("FUTURE")) {
                    throw new LedgerException("the ledger " + location.display() + " has schema version "
                            + applied.getVersion() + " (" + applied.getDescription() + "), written by a newer"
                            + " wattledger; this one knows versions up to " + newestKnown(flyway)
                            + " and does not read it. Use a newer wattledger.");
                }
            }
            flyway.migrate();
        } catch (FlywayException e) {
            throw new LedgerException("cannot open the ledger " + location.display() + ": " + rootMessage(e), e);
        }
    }

    /** The migrations: the SQL files of db/migration and {@link ImmutableBatches} (versions 4 and 6). */
    private static Flyway flyway(LedgerLocation location, HikariDataSource pool) {
        return Flyway.configure().dataSource(pool).locations("classpath:db/migration")
                .placeholders(Map.of("binary", location.kind().binaryType()))
                .javaMigrations(new ImmutableBatches(), ImmutableBatches.version6()).loggers("slf4j").load();
    }

    private static String newestKnown(Flyway flyway) {
        String newest = "none";
        for (MigrationInfo m : flyway.info().all()) {
            if (!m.getState().name().startsWith("FUTURE") && m.getVersion() != null) {
                newest = m.getVersion().getVersion();
            }
        }
        return newest;
    }

    public LedgerLocation location() {
        return location;
    }

    /** The schema versions applied to this ledger, oldest first ("1", "2"). */
    public List<String> schemaVersions() {
        Flyway flyway = flyway(location, pool);
        List<String> versions = new ArrayList<>();
        for (MigrationInfo m : flyway.info().applied()) {
            if (m.getVersion() != null) {
                versions.add(m.getVersion().getVersion());
            }
        }
        return versions;
    }

    /**
     * Stores a batch in one transaction and returns it as {@code history} lists it. Refused, with
     * nothing stored: a file whose bytes an active batch already holds (a duplicate), a batch to
     * supersede that does not exist or was superseded already.
     */
    public BatchSummary importBatch(NewBatch batch) {
        return H2Handover.retrying(location, () -> importBatchOnce(batch));
    }

    private BatchSummary importBatchOnce(NewBatch batch) {
        try (Connection c = pool.getConnection()) {
            try {
                lock(c);
                long id = nextBatchNumber(c);
                if (batch.supersedes() != null) {
                    checkSupersedable(c, batch.supersedes(), id);
                }
                checkDuplicates(c, batch);
                insertFiles(c, id, batch.files());
                if (location.kind() == LedgerLocation.Kind.POSTGRESQL) {
                    copyReadings(c, id, batch.inventory().readings());
                } else {
                    insertAll(c, Tables.INSERT_READING, batch.inventory().readings(), (ps, i, r) -> Tables.bind(ps, id, i, r));
                }
                insertAll(c, Tables.INSERT_SITE, batch.inventory().sites(), (ps, i, s) -> Tables.bind(ps, id, i, s));
                insertAll(c, Tables.INSERT_INSTRUMENT, batch.inventory().instruments(), (ps, i, s) -> Tables.bind(ps, id, i, s));
                insertAll(c, Tables.INSERT_TARGET, batch.inventory().targets(), (ps, i, s) -> Tables.bind(ps, id, i, s));
                insertAll(c, Tables.INSERT_DENOMINATOR, batch.inventory().denominators(), (ps, i, s) -> Tables.bind(ps, id, i, s));
                insertAll(c, Tables.INSERT_ISSUE, batch.inventory().issues(), (ps, i, s) -> Tables.bind(ps, id, i, s));
                insertAll(c, Tables.INSERT_READING_COLUMNS, batch.inventory().readingColumns(),
                        (ps, i, s) -> Tables.bind(ps, id, i, s));
                insertAll(c, Tables.INSERT_METER_TAG, batch.inventory().meterTags(), (ps, i, s) -> Tables.bind(ps, id, i, s));
                insertAll(c, Tables.INSERT_CONTRACT, batch.inventory().contracts(), (ps, i, s) -> Tables.bind(ps, id, i, s));
                insertAll(c, Tables.INSERT_STRUCTURAL_CHANGE, batch.inventory().changes(),
                        (ps, i, s) -> Tables.bind(ps, id, i, s));
                insertAll(c, Tables.INSERT_REJECTED_SITE, List.copyOf(batch.inventory().rejectedSites().entrySet()),
                        (ps, i, e) -> Tables.bind(ps, id, i, e.getKey(), e.getValue()));
                Instant at = nextInstant(c);
                insertBatchRow(c, id, at, batch);
                c.commit();
                return history(c).stream().filter(b -> b.batch() == id).findFirst().orElseThrow();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw failure("store the batch", e);
        }
    }

    /** Every batch, oldest first, with its files and what superseded it. */
    public List<BatchSummary> history() {
        try (Connection c = pool.getConnection()) {
            try {
                return history(c);
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw failure("read the history", e);
        }
    }

    /** The ledger as it stood at {@code asOf}: its active batches' rows as one inventory. */
    public LedgerView view(AsOf asOf) {
        return view(asOf, true);
    }

    /**
     * The ledger as it stood at {@code asOf} without its readings (the inventory's list of readings
     * is empty; its tally counts them): the readings come one meter at a time from
     * {@link #forEachMeter}, so that a report need not hold them all.
     */
    public LedgerView viewWithoutReadings(AsOf asOf) {
        return view(asOf, false);
    }

    private LedgerView view(AsOf asOf, boolean withReadings) {
        try (Connection c = pool.getConnection()) {
            try {
                return view(c, asOf, withReadings);
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw failure("read the ledger", e);
        }
    }

    /** Receives one meter's readings. */
    @FunctionalInterface
    public interface MeterReadings {
        /**
         * @param readings every active reading of one meter (site, meter id, carrier), in input
         *     order: batch, then the importer's order within the batch
         * @param positions each reading's place in that order across the ledger (batch and ordinal)
         */
        void meter(List<Reading> readings, long[] positions);
    }

    /**
     * Streams the readings of a view's active batches to {@code consumer} one meter at a time,
     * through a forward-only cursor ordered by meter, then batch and ordinal (the index of schema
     * version 3): the heap holds one meter's readings at a time, never every reading.
     * Batches are immutable, so the rows read here are the rows the view counted.
     */
    public void forEachMeter(LedgerView view, MeterReadings consumer) {
        if (view.activeBatches().isEmpty()) {
            return;
        }
        String sql = "SELECT * FROM reading WHERE batch_id IN (" + parameters(view.activeBatches().size()) + ")"
                + " ORDER BY " + Tables.READING_INPUT_ORDER;
        long expected = view.activeBatches().stream().mapToLong(BatchSummary::accepted).sum();
        long count = 0;
        try (Connection c = pool.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
                ps.setFetchSize(FETCH_SIZE); // PostgreSQL streams with a fetch size only outside autocommit (the pool's setting)
                bindBatches(ps, view);
                try (ResultSet rs = ps.executeQuery()) {
                    List<Reading> meter = new ArrayList<>();
                    long[] positions = new long[64];
                    while (rs.next()) {
                        Reading r = Tables.reading(rs);
                        if (!meter.isEmpty() && !sameMeter(meter.get(0), r)) {
                            consumer.meter(meter, java.util.Arrays.copyOf(positions, meter.size()));
                            meter = new ArrayList<>();
                        }
                        if (meter.size() == positions.length) {
                            positions = java.util.Arrays.copyOf(positions, positions.length * 2);
                        }
                        positions[meter.size()] = rs.getLong("batch_id") << 32 | rs.getInt("ordinal");
                        meter.add(r);
                        count++;
                    }
                    if (!meter.isEmpty()) {
                        consumer.meter(meter, java.util.Arrays.copyOf(positions, meter.size()));
                    }
                }
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw failure("read the ledger", e);
        }
        if (count != expected) {
            throw new IllegalStateException("the ledger's active batches count " + expected + " accepted rows but hold "
                    + count + " readings");
        }
    }

    /** The latest end of a view's active readings (as stored, before the input stage checks them); none without readings. */
    public java.util.Optional<java.time.LocalDateTime> latestEnd(LedgerView view) {
        if (view.activeBatches().isEmpty()) {
            return java.util.Optional.empty();
        }
        String sql = "SELECT MAX(time_to) FROM reading WHERE batch_id IN (" + parameters(view.activeBatches().size()) + ")";
        try (Connection c = pool.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                bindBatches(ps, view);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return java.util.Optional.ofNullable(rs.getObject(1, java.time.LocalDateTime.class));
                }
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw failure("read the ledger", e);
        }
    }

    /** "?, ?, ?": one parameter per active batch. */
    private static String parameters(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    private static void bindBatches(PreparedStatement ps, LedgerView view) throws SQLException {
        int p = 0;
        for (BatchSummary b : view.activeBatches()) {
            ps.setLong(++p, b.batch());
        }
    }

    private static boolean sameMeter(Reading a, Reading b) {
        return a.carrier() == b.carrier() && a.meter().equals(b.meter()) && a.site().equals(b.site());
    }

    /**
     * The regions of the sites of the active batches, leaving out {@code superseded} (a batch about
     * to be replaced; may be null): what the factor release pinned by a new batch must cover.
     */
    public List<String> activeSiteRegions(Long superseded) {
        String sql = "SELECT DISTINCT s.region FROM site s WHERE s.batch_id <> ?"
                + " AND NOT EXISTS (SELECT 1 FROM batch n WHERE n.supersedes = s.batch_id) ORDER BY s.region";
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, superseded == null ? 0 : superseded);
            List<String> regions = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    regions.add(rs.getString(1));
                }
            }
            c.rollback();
            return regions;
        } catch (SQLException e) {
            throw failure("read the sites", e);
        }
    }

    /** The bytes of a stored file, to re-export a batch. */
    public byte[] fileContent(long batch, String name) {
        try (Connection c = pool.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT content FROM batch_file WHERE batch_id = ? AND name = ? ORDER BY ordinal")) {
            ps.setLong(1, batch);
            ps.setString(2, name);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new LedgerException.Usage("batch " + batch + " holds no file " + name);
                }
                byte[] bytes = rs.getBytes(1);
                c.rollback();
                return bytes;
            }
        } catch (SQLException e) {
            throw failure("read a stored file", e);
        }
    }

    @Override
    public void close() {
        pool.close();
    }

    // ---- storing -------------------------------------------------------------------------------

    private static void lock(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT id FROM ledger_lock WHERE id = 1 FOR UPDATE")) {
            if (!rs.next()) {
                throw new IllegalStateException("the ledger's lock row is missing");
            }
        }
    }

    private static long nextBatchNumber(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT MAX(id) FROM batch")) {
            rs.next();
            return rs.getLong(1) + 1;
        }
    }

    /** Now, to the microsecond, and after every stored batch (a clock set back cannot reorder batches). */
    private static Instant nextInstant(Connection c) throws SQLException {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT MAX(at) FROM batch")) {
            rs.next();
            OffsetDateTime last = rs.getObject(1, OffsetDateTime.class);
            if (last != null && !now.isAfter(last.toInstant())) {
                return last.toInstant().plus(1, ChronoUnit.MICROS);
            }
            return now;
        }
    }

    private static void checkSupersedable(Connection c, long old, long id) throws SQLException {
        if (old >= id) {
            throw new LedgerException.Usage("--supersedes " + old + ": the ledger has no batch " + old
                    + (id == 1 ? " (it holds no batch yet)" : " (its batches are 1.." + (id - 1) + ")"));
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM batch WHERE supersedes = ?")) {
            ps.setLong(1, old);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    throw new LedgerException.Refused("batch " + old + " was already superseded by batch " + rs.getLong(1)
                            + "; supersede batch " + rs.getLong(1) + " instead. Nothing was stored.");
                }
            }
        }
    }

    /** Refuses a file given twice, or whose bytes an active batch other than the superseded one holds. */
    private static void checkDuplicates(Connection c, NewBatch batch) throws SQLException {
        Map<String, String> seen = new HashMap<>();
        for (NewBatch.InputFile f : batch.files()) {
            String other = seen.putIfAbsent(f.sha256(), f.name());
            if (other != null) {
                throw new LedgerException.Refused(f.name() + " has the same bytes as " + other
                        + " in this import. Nothing was stored.");
            }
        }
        String sql = "SELECT f.batch_id, f.name FROM batch_file f WHERE f.sha256 = ?"
                + " AND NOT EXISTS (SELECT 1 FROM batch s WHERE s.supersedes = f.batch_id) ORDER BY f.batch_id";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (NewBatch.InputFile f : batch.files()) {
                ps.setString(1, f.sha256());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long holder = rs.getLong(1);
                        if (batch.supersedes() == null || holder != batch.supersedes()) {
                            throw new LedgerException.Refused("duplicate batch: " + f.name() + " has the same bytes"
                                    + " (SHA-256 " + f.sha256() + ") as " + rs.getString(2) + " in batch " + holder
                                    + ". Nothing was stored.");
                        }
                    }
                }
            }
        }
    }

    private static void insertFiles(Connection c, long id, List<NewBatch.InputFile> files) throws SQLException {
        String sql = "INSERT INTO batch_file (batch_id, ordinal, name, size_bytes, sha256, content) VALUES (?, ?, ?, ?, ?, ?)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int ordinal = 0;
            for (NewBatch.InputFile f : files) {
                ps.setLong(1, id);
                ps.setInt(2, ++ordinal);
                ps.setString(3, f.name());
                ps.setLong(4, f.size());
                ps.setString(5, f.sha256());
                try (InputStream in = Files.newInputStream(f.path())) {
                    ps.setBinaryStream(6, in, f.size());
                    ps.executeUpdate();
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + f.name() + " to store it", e);
                }
            }
        }
    }

    /** Binds one record's columns. */
    @FunctionalInterface
    private interface Binder<T> {
        void bind(PreparedStatement ps, int ordinal, T item) throws SQLException;
    }

    private static <T> void insertAll(Connection c, String sql, List<T> items, Binder<T> binder) throws SQLException {
        if (items.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int ordinal = 0;
            for (T item : items) {
                binder.bind(ps, ++ordinal, item);
                ps.addBatch();
                if (ordinal % ROWS_PER_BATCH == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
    }

    /**
     * PostgreSQL's bulk path: the readings as CSV through {@code COPY ... FROM STDIN}, the same
     * checked values the JDBC inserts take, in the same transaction.
     */
    private static void copyReadings(Connection c, long id, List<Reading> readings) throws SQLException {
        if (readings.isEmpty()) {
            return;
        }
        CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("COPY reading (" + Tables.READING_COLUMNS + ") FROM STDIN WITH (FORMAT csv)");
        try {
            StringBuilder csv = new StringBuilder(1 << 17);
            int ordinal = 0;
            for (Reading r : readings) {
                Object[] values = Tables.values(id, ++ordinal, r);
                for (int i = 0; i < values.length; i++) {
                    if (i > 0) {
                        csv.append(',');
                    }
                    csvField(csv, values[i]);
                }
                csv.append('\n');
                if (csv.length() >= 1 << 16) {
                    send(copy, csv);
                }
            }
            send(copy, csv);
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    /** A CSV field as COPY reads it: empty for null, text always quoted (so "" is an empty text, not null). */
    private static void csvField(StringBuilder csv, Object value) {
        if (value == null) {
            return;
        }
        if (value instanceof String text) {
            csv.append('"').append(text.replace("\"", "\"\"")).append('"');
        } else if (value instanceof java.math.BigDecimal d) {
            csv.append(d.toPlainString());
        } else {
            csv.append(value); // numbers, and LocalDateTime in ISO 8601 (2024-01-01T00:00), which PostgreSQL reads
        }
    }

    private static void send(CopyIn copy, StringBuilder csv) throws SQLException {
        byte[] bytes = csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        csv.setLength(0);
    }

    private static void insertBatchRow(Connection c, long id, Instant at, NewBatch batch) throws SQLException {
        String sql = "INSERT INTO batch (id, at, user_name, note, supersedes, rows_read, rows_accepted, rows_rejected,"
                + " factor_release, engine_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Inventory.RowTally rows = batch.inventory().rows();
            ps.setLong(1, id);
            ps.setObject(2, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
            ps.setString(3, batch.user());
            ps.setString(4, batch.note());
            if (batch.supersedes() == null) {
                ps.setNull(5, java.sql.Types.BIGINT);
            } else {
                ps.setLong(5, batch.supersedes());
            }
            ps.setLong(6, rows.read());
            ps.setLong(7, rows.accepted());
            ps.setLong(8, rows.rejected());
            ps.setString(9, batch.factorRelease());
            ps.setString(10, batch.engineVersion());
            ps.executeUpdate();
        }
    }

    // ---- reading -------------------------------------------------------------------------------

    private static List<BatchSummary> history(Connection c) throws SQLException {
        Map<Long, List<BatchSummary.FileDigest>> files = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT batch_id, name, size_bytes, sha256 FROM batch_file ORDER BY batch_id, ordinal")) {
            while (rs.next()) {
                files.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(new BatchSummary.FileDigest(rs.getString(2), rs.getLong(3), rs.getString(4)));
            }
        }
        List<BatchSummary> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT b.*, (SELECT n.id FROM batch n WHERE n.supersedes = b.id) AS superseded_by"
                        + " FROM batch b ORDER BY b.id")) {
            while (rs.next()) {
                long id = rs.getLong("id");
                long supersedes = rs.getLong("supersedes");
                Long supersedesOrNull = rs.wasNull() ? null : supersedes;
                long by = rs.getLong("superseded_by");
                Long byOrNull = rs.wasNull() ? null : by;
                out.add(new BatchSummary(id, rs.getObject("at", OffsetDateTime.class).toInstant(), rs.getString("user_name"),
                        files.getOrDefault(id, List.of()), rs.getLong("rows_read"), rs.getLong("rows_accepted"),
                        rs.getLong("rows_rejected"), rs.getString("note"), supersedesOrNull, byOrNull,
                        rs.getString("factor_release")));
            }
        }
        return out;
    }

    private LedgerView view(Connection c, AsOf asOf, boolean withReadings) throws SQLException {
        List<BatchSummary> all = history(c);
        if (all.isEmpty()) {
            throw new LedgerException.Usage("the ledger " + location.display() + " holds no batch yet; import files first");
        }
        long newestStored = all.get(all.size() - 1).batch();
        long last;
        if (asOf instanceof AsOf.Batch b) {
            if (b.batch() > newestStored) {
                throw new LedgerException.Usage("--as-of " + b.batch() + ": the ledger has batches 1.." + newestStored);
            }
            last = b.batch();
        } else if (asOf instanceof AsOf.At at) {
            last = all.stream().filter(b -> !b.at().isAfter(at.instant())).mapToLong(BatchSummary::batch).max()
                    .orElseThrow(() -> new LedgerException.Usage("--as-of " + at.instant() + ": the ledger held no"
                            + " batch then; its first batch was stored at " + all.get(0).at()));
        } else {
            last = newestStored;
        }
        // Active: stored by then and not superseded by a batch stored by then.
        java.util.Set<Long> supersededByThen = new java.util.HashSet<>();
        for (BatchSummary b : all) {
            if (b.batch() <= last && b.supersedes() != null) {
                supersededByThen.add(b.supersedes());
            }
        }
        List<BatchSummary> active = all.stream()
                .filter(b -> b.batch() <= last && !supersededByThen.contains(b.batch())).toList();
        BatchSummary newest = all.stream().filter(b -> b.batch() == last).findFirst().orElseThrow();
        return new LedgerView(last, inventory(c, active, withReadings), newest.factorRelease(), active);
    }

    /**
     * The active batches' rows as one inventory; sites, instruments, targets, denominators combined;
     * meter tags, contracts and changes listed batch after batch.
     */
    private static Inventory inventory(Connection c, List<BatchSummary> active, boolean withReadings)
            throws SQLException {
        // Columns, not a Reading object per stored row: ~34 bytes a reading instead of ~160 (docs/benchmarks.md).
        List<Reading> readings = new ReadingStore();
        List<Issue> issues = new ArrayList<>();
        List<Issue> conflicts = new ArrayList<>();
        List<Inventory.InputFile> files = new ArrayList<>();
        List<Inventory.ReadingColumns> columns = new ArrayList<>();
        Map<String, SourceRef> rejectedSites = new LinkedHashMap<>();
        // Meter tags, contracts and changes of every active batch, in batch order (as issues are).
        List<MeterTag> meterTags = new ArrayList<>();
        List<PueContract> contracts = new ArrayList<>();
        List<StructuralChange> changes = new ArrayList<>();
        Combined<Site> sites = new Combined<>("site", Site::id, s -> new Site(s.id(), s.name(), s.region(), s.kind(),
                s.floorArea(), s.itCapacityKw(), null, s.kindDeclared(), s.inService(), s.timezone()), Site::source);
        Combined<Instrument> instruments = new Combined<>("instrument", Instrument::id, i -> new Instrument(i.id(),
                i.type(), i.site(), i.market(), i.vintage(), i.quantity(), i.factor(), i.retired(), i.claimant(), i.note(),
                null), Instrument::source);
        Combined<Target> targets = new Combined<>("target", Target::id, t -> new Target(t.id(), t.metric(), t.boundary(),
                t.baseYear(), t.baseValue(), t.targetYear(), t.targetValue(), t.reductionPct(), t.path(), null),
                Target::source);
        Combined<Denominator> denominators = new Combined<>("denominator",
                d -> d.boundary() + " " + d.name() + " " + d.period(),
                d -> new Denominator(d.boundary(), d.period(), d.name(), d.value(), null), Denominator::source);
        long read = 0;
        long accepted = 0;
        long rejected = 0;
        for (BatchSummary b : active) {
            long id = b.batch();
            read += b.read();
            accepted += b.accepted();
            rejected += b.rejected();
            for (BatchSummary.FileDigest f : b.files()) {
                files.add(new Inventory.InputFile(f.name(), f.sha256()));
            }
            if (withReadings) {
                select(c, Tables.SELECT_READINGS, id, Tables::reading, readings);
            }
            sites.add(id, select(c, "SELECT * FROM site WHERE batch_id = ? ORDER BY ordinal", id, Tables::site,
                    new ArrayList<>()), conflicts);
            instruments.add(id, select(c, "SELECT * FROM instrument WHERE batch_id = ? ORDER BY ordinal", id,
                    Tables::instrument, new ArrayList<>()), conflicts);
            targets.add(id, select(c, "SELECT * FROM target WHERE batch_id = ? ORDER BY ordinal", id, Tables::target,
                    new ArrayList<>()), conflicts);
            denominators.add(id, select(c, "SELECT * FROM denominator WHERE batch_id = ? ORDER BY ordinal", id,
                    Tables::denominator, new ArrayList<>()), conflicts);
            select(c, "SELECT * FROM batch_issue WHERE batch_id = ? ORDER BY ordinal", id, Tables::issue, issues);
            for (Inventory.ReadingColumns rc : select(c, "SELECT * FROM reading_columns WHERE batch_id = ? ORDER BY ordinal",
                    id, Tables::readingColumns, new ArrayList<>())) {
                if (!columns.contains(rc)) {
                    columns.add(rc);
                }
            }
            select(c, "SELECT * FROM rejected_site WHERE batch_id = ? ORDER BY ordinal", id,
                    rs -> Map.entry(rs.getString("site_id"), Columns.source(rs)), new ArrayList<>())
                    .forEach(e -> rejectedSites.putIfAbsent(e.getKey(), e.getValue()));
            select(c, "SELECT * FROM meter_tag WHERE batch_id = ? ORDER BY ordinal", id, Tables::meterTag, meterTags);
            select(c, "SELECT * FROM contract WHERE batch_id = ? ORDER BY ordinal", id, Tables::contract, contracts);
            select(c, "SELECT * FROM structural_change WHERE batch_id = ? ORDER BY ordinal", id, Tables::structuralChange,
                    changes);
        }
        if (withReadings && accepted != readings.size()) {
            throw new IllegalStateException("the ledger's active batches count " + accepted + " accepted rows but hold "
                    + readings.size() + " readings");
        }
        issues.addAll(conflicts);
        issues.sort(Issue.ORDER);
        return new Inventory(sites.items(), readings, instruments.items(), targets.items(), denominators.items(), issues,
                new Inventory.RowTally(read, accepted, rejected), files, columns, rejectedSites, meterTags, contracts,
                changes);
    }

    /** Turns the current row into a record. */
    @FunctionalInterface
    private interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private static <T> List<T> select(Connection c, String sql, long batch, RowReader<T> reader, List<T> into)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setFetchSize(FETCH_SIZE);
            ps.setLong(1, batch);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    into.add(reader.read(rs));
                }
            }
        }
        return into;
    }

    /**
     * Records of one kind across batches: a later active batch that defines a key replaces every
     * earlier definition of it; a definition that differs (sources aside) is named in a warning,
     * never replaced silently. Within one batch the importer's list is kept as it is.
     */
    private static final class Combined<T> {
        private final String kind;
        private final Function<T, String> key;
        private final UnaryOperator<T> withoutSource;
        private final Function<T, SourceRef> source;
        private final List<T> items = new ArrayList<>();
        private final Map<T, Long> batchOf = new java.util.IdentityHashMap<>();

        Combined(String kind, Function<T, String> key, UnaryOperator<T> withoutSource, Function<T, SourceRef> source) {
            this.kind = kind;
            this.key = key;
            this.withoutSource = withoutSource;
            this.source = source;
        }

        void add(long batch, List<T> fromBatch, List<Issue> conflicts) {
            Map<String, List<T>> newByKey = new HashMap<>();
            for (T item : fromBatch) {
                String k = key.apply(item);
                if (k != null) {
                    newByKey.computeIfAbsent(k, x -> new ArrayList<>()).add(withoutSource.apply(item));
                }
            }
            items.removeIf(old -> {
                String k = key.apply(old);
                if (k == null || !newByKey.containsKey(k)) {
                    return false;
                }
                if (!newByKey.get(k).contains(withoutSource.apply(old))) {
                    T now = fromBatch.stream().filter(n -> k.equals(key.apply(n))).findFirst().orElseThrow();
                    String message = kind + " " + k + " of batch " + batchOf.get(old) + where(old) + " is defined"
                            + " differently in batch " + batch + where(now) + "; the ledger uses batch " + batch
                            + "'s definition, the latest";
                    SourceRef at = source.apply(now);
                    conflicts.add(at == null ? Issue.general(Severity.WARNING, message)
                            : Issue.at(Severity.WARNING, at, message));
                }
                return true;
            });
            for (T item : fromBatch) {
                items.add(item);
                batchOf.put(item, batch);
            }
        }

        private String where(T item) {
            SourceRef s = source.apply(item);
            return s == null ? "" : " (" + s + ")";
        }

        List<T> items() {
            return items;
        }
    }

    private LedgerException failure(String what, SQLException e) {
        return new LedgerException("cannot " + what + " in the ledger " + location.display() + ": " + rootMessage(e), e);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }
}
