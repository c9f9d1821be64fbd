package org.wattledger.ledger;

import static org.wattledger.ledger.Columns.date;
import static org.wattledger.ledger.Columns.decimal;
import static org.wattledger.ledger.Columns.enumValue;
import static org.wattledger.ledger.Columns.integer;
import static org.wattledger.ledger.Columns.name;
import static org.wattledger.ledger.Columns.scale;
import static org.wattledger.ledger.Columns.source;
import static org.wattledger.ledger.Columns.time;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.wattledger.engine.model.Carrier;
import org.wattledger.engine.model.DateRange;
import org.wattledger.engine.model.Denominator;
import org.wattledger.engine.model.Instrument;
import org.wattledger.engine.model.Inventory;
import org.wattledger.engine.model.Issue;
import org.wattledger.engine.model.MeasurementPoint;
import org.wattledger.engine.model.MeterTag;
import org.wattledger.engine.model.PueContract;
import org.wattledger.engine.model.Quality;
import org.wattledger.engine.model.Quantity;
import org.wattledger.engine.model.Reading;
import org.wattledger.engine.model.ReadingType;
import org.wattledger.engine.model.RegisterEvent;
import org.wattledger.engine.model.Role;
import org.wattledger.engine.model.Severity;
import org.wattledger.engine.model.Site;
import org.wattledger.engine.model.SiteKind;
import org.wattledger.engine.model.SourceRef;
import org.wattledger.engine.model.StructuralChange;
import org.wattledger.engine.model.Target;
import org.wattledger.engine.model.Use;
import org.wattledger.engine.units.CarbonUnit;
import org.wattledger.engine.units.UnitParser;

/**
 * Each stored record's columns, in one place: the INSERT that writes it and the code that reads it
 * back as the same engine object. Every table is keyed by (batch_id, ordinal), the ordinal
 * keeping the importer's order.
 */
final class Tables {
    private Tables() {
    }

    // ---- readings ------------------------------------------------------------------------------

    static final String INSERT_READING = "INSERT INTO reading (" + Tables.READING_COLUMNS + ")"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** The reading table's columns in {@link #INSERT_READING}'s order. */
    static final String READING_COLUMNS = "batch_id, ordinal, site, meter, carrier, gas, fuel_use, role, time_from,"
            + " time_to, quantity, quantity_scale, unit, reading_type, multiplier, multiplier_scale, register_digits,"
            + " register_event, quality, note, src_file, src_sheet, src_row, src_column";

    /**
     * A reading's column values, checked: a value the columns cannot hold exactly, or a unit whose
     * name would not read back as the same unit, is refused. Both ways of writing readings (JDBC
     * batches, PostgreSQL's COPY) take these values.
     */
    static Object[] values(long batch, int ordinal, Reading r) {
        String where = r.source().toString();
        checkUnit(r.unit(), where);
        Columns.checkDecimal(r.quantity(), where);
        Columns.checkDecimal(r.multiplier(), where);
        Columns.checkTime(r.from(), where);
        Columns.checkTime(r.to(), where);
        SourceRef src = r.source();
        return new Object[] {batch, ordinal, r.site(), r.meter(), name(r.carrier()), r.gas(), name(r.use()),
            name(r.role()), r.from(), r.to(), r.quantity(), r.quantity().scale(), r.unit().symbol(), name(r.type()),
            r.multiplier(), r.multiplier().scale(), r.registerDigits(), name(r.event()), name(r.quality()), r.note(),
            src.file(), src.sheet(), src.row(), src.column()};
    }

    static void bind(PreparedStatement ps, long batch, int ordinal, Reading r) throws SQLException {
        Object[] values = values(batch, ordinal, r);
        for (int i = 0; i < values.length; i++) {
            ps.setObject(i + 1, values[i]);
        }
    }

    static final String SELECT_READINGS = "SELECT * FROM reading WHERE batch_id = ? ORDER BY ordinal";

    /** Readings by meter, each meter's in input order: the order of the index of schema version 3. */
    static final String READING_INPUT_ORDER = "site, meter, carrier, batch_id, ordinal";

    static Reading reading(ResultSet rs) throws SQLException {
        return new Reading(rs.getString("site"), rs.getString("meter"), enumValue(Carrier.class, rs.getString("carrier")),
                rs.getString("gas"), enumValue(Use.class, rs.getString("fuel_use")),
                enumValue(Role.class, rs.getString("role")), time(rs, "time_from"), time(rs, "time_to"),
                decimal(rs, "quantity", "quantity_scale"), unit(rs.getString("unit")),
                enumValue(ReadingType.class, rs.getString("reading_type")),
                decimal(rs, "multiplier", "multiplier_scale"), integer(rs, "register_digits"),
                enumValue(RegisterEvent.class, rs.getString("register_event")),
                enumValue(Quality.class, rs.getString("quality")), rs.getString("note"), source(rs));
    }

    /** Units by symbol: a ledger holds a handful, read back a million times. */
    private static final java.util.Map<String, CarbonUnit> UNITS = new java.util.concurrent.ConcurrentHashMap<>();

    private static CarbonUnit unit(String symbol) {
        return UNITS.computeIfAbsent(symbol, UnitParser::parse);
    }

    /** A unit is stored by its symbol: refuse one whose symbol would not read back as the same unit. */
    private static void checkUnit(CarbonUnit unit, String where) {
        if (!UnitParser.tryParse(unit.symbol()).map(unit::equals).orElse(false)) {
            throw new LedgerException.Refused(where + ": unit '" + unit.symbol() + "' cannot be stored by its name"
                    + " and read back as the same unit");
        }
    }

    // ---- sites ---------------------------------------------------------------------------------

    static final String INSERT_SITE = "INSERT INTO site (batch_id, ordinal, id, name, region, kind, kind_declared,"
            + " floor_area, floor_area_scale, it_capacity_kw, it_capacity_kw_scale, in_service_from, in_service_to,"
            + " time_zone, src_file, src_sheet, src_row, src_column)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    static void bind(PreparedStatement ps, long batch, int ordinal, Site s) throws SQLException {
        String where = "site " + s.id();
        ps.setLong(1, batch);
        ps.setInt(2, ordinal);
        ps.setString(3, s.id());
        ps.setString(4, s.name());
        ps.setString(5, s.region());
        ps.setString(6, name(s.kind()));
        ps.setBoolean(7, s.kindDeclared());
        decimal(ps, 8, s.floorArea(), where);
        scale(ps, 9, s.floorArea());
        decimal(ps, 10, s.itCapacityKw(), where);
        scale(ps, 11, s.itCapacityKw());
        date(ps, 12, s.inService() == null ? null : s.inService().from());
        date(ps, 13, s.inService() == null ? null : s.inService().to());
        ps.setString(14, s.timezone() == null ? null : s.timezone().getId());
        source(ps, 15, s.source());
    }

    static Site site(ResultSet rs) throws SQLException {
        java.time.LocalDate from = date(rs, "in_service_from");
        String zone = rs.getString("time_zone");
        return new Site(rs.getString("id"), rs.getString("name"), rs.getString("region"),
                enumValue(SiteKind.class, rs.getString("kind")), decimal(rs, "floor_area", "floor_area_scale"),
                decimal(rs, "it_capacity_kw", "it_capacity_kw_scale"), source(rs), rs.getBoolean("kind_declared"),
                from == null ? null : new DateRange(from, date(rs, "in_service_to")),
                zone == null ? null : ZoneId.of(zone));
    }

    // ---- instruments ---------------------------------------------------------------------------

    static final String INSERT_INSTRUMENT = "INSERT INTO instrument (batch_id, ordinal, id, instrument_type, site, market,"
            + " vintage_from, vintage_to, quantity, quantity_unit, factor, factor_unit, retired, claimant, note,"
            + " src_file, src_sheet, src_row, src_column) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    static void bind(PreparedStatement ps, long batch, int ordinal, Instrument i) throws SQLException {
        String where = "instrument " + i.id();
        ps.setLong(1, batch);
        ps.setInt(2, ordinal);
        ps.setString(3, i.id());
        ps.setString(4, name(i.type()));
        ps.setString(5, i.site());
        ps.setString(6, i.market());
        date(ps, 7, i.vintage() == null ? null : i.vintage().from());
        date(ps, 8, i.vintage() == null ? null : i.vintage().to());
        decimal(ps, 9, i.quantity().value(), where);
        ps.setString(10, i.quantity().unit());
        decimal(ps, 11, i.factor().value(), where);
        ps.setString(12, i.factor().unit());
        ps.setBoolean(13, i.retired());
        ps.setString(14, i.claimant());
        ps.setString(15, i.note());
        source(ps, 16, i.source());
    }

    static Instrument instrument(ResultSet rs) throws SQLException {
        java.time.LocalDate from = date(rs, "vintage_from");
        return new Instrument(rs.getString("id"), enumValue(Instrument.Type.class, rs.getString("instrument_type")),
                rs.getString("site"), rs.getString("market"), from == null ? null : new DateRange(from, date(rs, "vintage_to")),
                new Quantity(decimal(rs, "quantity"), rs.getString("quantity_unit")),
                new Quantity(decimal(rs, "factor"), rs.getString("factor_unit")), rs.getBoolean("retired"),
                rs.getString("claimant"), rs.getString("note"), source(rs));
    }

    // ---- targets -------------------------------------------------------------------------------

    /** Site ids in a target's boundary are stored one per line (an id holds no line feed). */
    private static final String BOUNDARY_SEPARATOR = "\n";

    static final String INSERT_TARGET = "INSERT INTO target (batch_id, ordinal, id, metric, boundary, base_year, base_value,"
            + " base_unit, target_year, target_value, target_unit, reduction_pct, reduction_pct_scale, path,"
            + " src_file, src_sheet, src_row, src_column) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    static void bind(PreparedStatement ps, long batch, int ordinal, Target t) throws SQLException {
        String where = "target " + t.id();
        for (String id : t.boundary()) {
            if (id.contains(BOUNDARY_SEPARATOR)) {
                throw new LedgerException.Refused(where + ": a site id holds a line feed");
            }
        }
        ps.setLong(1, batch);
        ps.setInt(2, ordinal);
        ps.setString(3, t.id());
        ps.setString(4, t.metric());
        ps.setString(5, String.join(BOUNDARY_SEPARATOR, t.boundary()));
        ps.setInt(6, t.baseYear());
        decimal(ps, 7, t.baseValue() == null ? null : t.baseValue().value(), where);
        ps.setString(8, t.baseValue() == null ? null : t.baseValue().unit());
        ps.setInt(9, t.targetYear());
        decimal(ps, 10, t.targetValue() == null ? null : t.targetValue().value(), where);
        ps.setString(11, t.targetValue() == null ? null : t.targetValue().unit());
        decimal(ps, 12, t.reductionPct(), where);
        scale(ps, 13, t.reductionPct());
        ps.setString(14, name(t.path()));
        source(ps, 15, t.source());
    }

    static Target target(ResultSet rs) throws SQLException {
        String boundary = rs.getString("boundary");
        List<String> ids = boundary.isEmpty() ? List.of() : Arrays.asList(boundary.split(BOUNDARY_SEPARATOR, -1));
        return new Target(rs.getString("id"), rs.getString("metric"), List.copyOf(ids), rs.getInt("base_year"),
                quantity(rs, "base_value", "base_unit"), rs.getInt("target_year"),
                quantity(rs, "target_value", "target_unit"), decimal(rs, "reduction_pct", "reduction_pct_scale"),
                enumValue(Target.Path.class, rs.getString("path")), source(rs));
    }

    private static Quantity quantity(ResultSet rs, String value, String unit) throws SQLException {
        java.math.BigDecimal v = decimal(rs, value);
        return v == null ? null : new Quantity(v, rs.getString(unit));
    }

    // ---- denominators --------------------------------------------------------------------------

    static final String INSERT_DENOMINATOR = "INSERT INTO denominator (batch_id, ordinal, boundary, period_from, period_to,"
            + " name, amount, amount_unit, src_file, src_sheet, src_row, src_column)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    static void bind(PreparedStatement ps, long batch, int ordinal, Denominator d) throws SQLException {
        ps.setLong(1, batch);
        ps.setInt(2, ordinal);
        ps.setString(3, d.boundary());
        date(ps, 4, d.period().from());
        date(ps, 5, d.period().to());
        ps.setString(6, d.name());
        decimal(ps, 7, d.value().value(), "denominator " + d.name());
        ps.setString(8, d.value().unit());
        source(ps, 9, d.source());
    }

    static Denominator denominator(ResultSet rs) throws SQLException {
        return new Denominator(rs.getString("boundary"), new DateRange(date(rs, "period_from"), date(rs, "period_to")),
                rs.getString("name"), new Quantity(decimal(rs, "amount"), rs.getString("amount_unit")), source(rs));
    }

    // ---- issues, reading columns, rejected sites ---------------------------------------------------

    static final String INSERT_ISSUE = "INSERT INTO batch_issue (batch_id, ordinal, severity, file, sheet, row_number, col,"
            + " message) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    static void bind(PreparedStatement ps, long batch, int ordinal, Issue i) throws SQLException {
        ps.setLong(1, batch);
        ps.setInt(2, ordinal);
        ps.setString(3, name(i.severity()));
        ps.setString(4, i.file());
        ps.setString(5, i.sheet());
        integer(ps, 6, i.row());
        ps.setString(7, i.column());
        ps.setString(8, i.message());
    }

    static Issue issue(ResultSet rs) throws SQLException {
        return new Issue(enumValue(Severity.class, rs.getString("severity")), rs.getString("file"), rs.getString("sheet"),
                integer(rs, "row_number"), rs.getString("col"), rs.getString("message"));
    }

    static final String INSERT_READING_COLUMNS = "INSERT INTO reading_columns (batch_id, ordinal, file, sheet,"
            + " quantity_col, from_col, to_col) VALUES (?, ?, ?, ?, ?, ?, ?)";

    static void bind(PreparedStatement ps, long batch, int ordinal, Inventory.ReadingColumns c) throws SQLException {
        ps.setLong(1, batch);
        ps.setInt(2, ordinal);
        ps.setString(3, c.file());
        ps.setString(4, c.sheet());
        ps.setString(5, c.quantity());
        ps.setString(6, c.from());
        ps.setString(7, c.to());
    }

    static Inventory.ReadingColumns readingColumns(ResultSet rs) throws SQLException {
        return new Inventory.ReadingColumns(rs.getString("file"), rs.getString("sheet"), rs.getString("quantity_col"),
                rs.getString("from_col"), rs.getString("to_col"));
    }

    static final String INSERT_REJECTED_SITE = "INSERT INTO rejected_site (batch_id, ordinal, site_id, src_file, src_sheet,"
            + " src_row, src_column) VALUES (?, ?, ?, ?, ?, ?, ?)";

    static void bind(PreparedStatement ps, long batch, int ordinal, String siteId, SourceRef where) throws SQLException {
        ps.setLong(1, batch);
        ps.setInt(2, ordinal);
        ps.setString(3, siteId);
        source(ps, 4, where);
    }

    // ---- meter tags, contracts, structural changes (schema version 5) --------------------------

    static final String INSERT_METER_TAG = "INSERT INTO meter_tag (batch_id, ordinal, site, meter, point, zone,"
            + " src_file, src_sheet, src_row, src_column) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    static void bind(PreparedStatement ps, long batch, int ordinal, MeterTag t) throws SQLException {
        ps.setLong(1, batch);
        ps.setInt(2, ordinal);
        ps.setString(3, t.site());
        ps.setString(4, t.meter());
        ps.setString(5, name(t.point()));
        ps.setString(6, t.zone());
        source(ps, 7, t.source());
    }

    static MeterTag meterTag(ResultSet rs) throws SQLException {
        return new MeterTag(rs.getString("site"), rs.getString("meter"),
                enumValue(MeasurementPoint.class, rs.getString("point")), rs.getString("zone"), source(rs));
    }

    static final String INSERT_CONTRACT = "INSERT INTO contract (batch_id, ordinal, site, counterparty, target_pue,"
            + " target_pue_scale, amount_per_step, amount_per_step_scale, currency, cap, cap_scale, basis, period_from,"
            + " period_to, src_file, src_sheet, src_row, src_column)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    static void bind(PreparedStatement ps, long batch, int ordinal, PueContract k) throws SQLException {
        String where = "contract of site " + k.site() + (k.source() == null ? "" : " (" + k.source() + ")");
        ps.setLong(1, batch);
        ps.setInt(2, ordinal);
        ps.setString(3, k.site());
        ps.setString(4, k.counterparty());
        decimal(ps, 5, k.targetPue(), where);
        scale(ps, 6, k.targetPue());
        decimal(ps, 7, k.amountPerStep(), where);
        scale(ps, 8, k.amountPerStep());
        ps.setString(9, k.currency());
        decimal(ps, 10, k.cap(), where);
        scale(ps, 11, k.cap());
        ps.setString(12, name(k.basis()));
        date(ps, 13, k.period().from());
        date(ps, 14, k.period().to());
        source(ps, 15, k.source());
    }

    static PueContract contract(ResultSet rs) throws SQLException {
        return new PueContract(rs.getString("site"), rs.getString("counterparty"),
                decimal(rs, "target_pue", "target_pue_scale"), decimal(rs, "amount_per_step", "amount_per_step_scale"),
                rs.getString("currency"), decimal(rs, "cap", "cap_scale"),
                enumValue(PueContract.Basis.class, rs.getString("basis")),
                new DateRange(date(rs, "period_from"), date(rs, "period_to")), source(rs));
    }

    static final String INSERT_STRUCTURAL_CHANGE = "INSERT INTO structural_change (batch_id, ordinal, change_type,"
            + " change_date, sites, emissions, emissions_scale, note, src_file, src_sheet, src_row, src_column)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    static void bind(PreparedStatement ps, long batch, int ordinal, StructuralChange ch) throws SQLException {
        String where = "change " + ch.type().id() + " of " + ch.date() + (ch.source() == null ? "" : " (" + ch.source() + ")");
        for (String id : ch.sites()) {
            if (id.contains(BOUNDARY_SEPARATOR)) {
                throw new LedgerException.Refused(where + ": a site id holds a line feed");
            }
        }
        ps.setLong(1, batch);
        ps.setInt(2, ordinal);
        ps.setString(3, name(ch.type()));
        date(ps, 4, ch.date());
        ps.setString(5, String.join(BOUNDARY_SEPARATOR, ch.sites()));
        decimal(ps, 6, ch.emissions(), where);
        scale(ps, 7, ch.emissions());
        ps.setString(8, ch.note());
        source(ps, 9, ch.source());
    }

    static StructuralChange structuralChange(ResultSet rs) throws SQLException {
        String sites = rs.getString("sites");
        List<String> ids = sites.isEmpty() ? List.of() : Arrays.asList(sites.split(BOUNDARY_SEPARATOR, -1));
        return new StructuralChange(enumValue(StructuralChange.Type.class, rs.getString("change_type")),
                date(rs, "change_date"), ids, decimal(rs, "emissions", "emissions_scale"), rs.getString("note"),
                source(rs));
    }
}
