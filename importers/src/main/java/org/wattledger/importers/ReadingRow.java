package org.wattledger.importers;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Objects;
import java.util.Optional;
import org.wattledger.engine.model.Carrier;
import org.wattledger.engine.model.MeasurementPoint;
import org.wattledger.engine.model.Quality;
import org.wattledger.engine.model.Reading;
import org.wattledger.engine.model.ReadingStore;
import org.wattledger.engine.model.ReadingType;
import org.wattledger.engine.model.RegisterEvent;
import org.wattledger.engine.model.Role;
import org.wattledger.engine.model.Severity;
import org.wattledger.engine.model.UserText;
import org.wattledger.engine.model.SourceRef;
import org.wattledger.engine.model.Use;
import org.wattledger.engine.units.CarbonUnit;
import org.wattledger.engine.units.Dimension;

/**
 * The row part of the readings table: the fields every layout shares (site, meter, carrier, unit
 * …) read from the current row, and a quantity cell turned into a {@link Reading}. Errors go to
 * the table's current row. One instance is reused row after row.
 */
final class ReadingRow {
    private final ReadingsTable t;
    private final ReadingsHeader h;
    private Carrier lastOkCarrier;
    private CarbonUnit lastOkUnit;

    String site;
    String meter;
    Carrier carrier;
    String gas;
    Use use;
    Role role;
    /** Meter-level: where an IT meter measures, and the zone the meter serves (null when blank). */
    MeasurementPoint measurementPoint;
    String zone;
    ReadingType type;
    RegisterEvent event;
    Quality quality;
    BigDecimal multiplier;
    Integer digits;
    String note;
    /** The unit cell's unit; null when blank or bad (a bad one is already reported). */
    CarbonUnit columnUnit;

    ReadingRow(ReadingsTable table, ReadingsHeader header) {
        this.t = table;
        this.h = header;
    }

    /** The row's type: consumption unless it says register. */
    ReadingType typeOrDefault() {
        return type == null ? ReadingType.CONSUMPTION : type;
    }

    void read() {
        digits = null;
        columnUnit = null;
        site = t.required(h.site, "site");
        meter = t.required(h.meter, "meter");
        carrier = carrier();
        gas = t.optional(h.gas);
        if (carrier == Carrier.REFRIGERANT && gas == null) {
            t.error(h.gas, "gas is empty (a refrigerant row names the refrigerant, such as R-134a or R-410A)");
        }
        use = t.word(h.use, "use", Use::parse, "stationary or mobile");
        role = t.word(h.role, "role", Role::parse, "main, it, sub, onsite_renewable or reuse");
        measurementPoint = t.word(h.measurementPoint, "measurement_point", MeasurementPoint::parse,
                "ups_output, pdu_output or it_input");
        zone = t.optional(h.zone);
        type = t.word(h.type, "type", ReadingType::parse, "consumption or register");
        event = t.word(h.event, "event", RegisterEvent::parse, "read, close or open");
        quality = t.word(h.quality, "quality", Quality::parse, "measured or estimated");
        multiplier = t.number(h.multiplier, "multiplier", "a positive number", false);
        if (multiplier != null && multiplier.signum() <= 0) {
            t.error(h.multiplier, t.quoted(h.multiplier) + " is not a positive number (expected a multiplier such as 1"
                    + " or 80)");
            multiplier = null;
        }
        BigDecimal d = t.number(h.digits, "register_digits", "a whole number of digits from 1 to 18", false);
        if (d != null) {
            if (d.stripTrailingZeros().scale() > 0 || d.compareTo(BigDecimal.ONE) < 0
                    || d.compareTo(BigDecimal.valueOf(18)) > 0) {
                t.error(h.digits, t.quoted(h.digits) + " is not a number of register digits (expected a whole number"
                        + " from 1 to 18)");
            } else {
                digits = d.intValue();
            }
        }
        if (type != ReadingType.REGISTER && (digits != null || (event != null && event != RegisterEvent.READ))) {
            t.note(Severity.WARNING, digits != null ? h.digits : h.event, (digits != null ? "register_digits" : "event")
                    + " applies to register readings only; this row is a consumption row, so it is not used");
        }
        note = t.optional(h.note);
        if (!t.blank(h.unit)) {
            Object m = t.memo(h.unit);
            TableReader.Recent recent = m == null ? t.recent(h.unit) : null;
            if (m != null) {
                columnUnit = (CarbonUnit) m;
            } else if (recent != null) {
                columnUnit = t.remember(h.unit, recent);
            } else {
                String text = t.text(h.unit);
                Optional<CarbonUnit> u = t.ctx.caches.unit(text);
                if (u.isEmpty()) {
                    t.error(h.unit, "unknown unit " + UserText.quote(text) + " (expected " + ReadingsTable.UNITS + ")");
                } else {
                    columnUnit = t.remember(h.unit, t.rememberRecent(h.unit, u.get()));
                }
            }
        }
    }

    private Carrier carrier() {
        if (t.blank(h.carrier)) {
            t.error(h.carrier, "carrier is empty (expected " + ReadingsTable.CARRIERS + ")");
            return null;
        }
        return t.word(h.carrier, "carrier", Carrier::parse, ReadingsTable.CARRIERS);
    }

    /**
     * Checks a quantity cell with its unit (the cell's own unit, else the column's) and the row's
     * times: true when the row gives a reading, which {@link #addTo} then adds; false (with an
     * error) when unusable. {@code endOnly}: a consumption row that gives only its end ({@code from}
     * null). {@code fromSec} and {@code toSec}: the times as {@link ReadingStore#heldSeconds} gives
     * them, {@link ReadingStore#NO_START} for a null {@code from}.
     */
    boolean quantity(int col, CarbonUnit fallbackUnit, LocalDateTime from, long fromSec, LocalDateTime to, long toSec,
            boolean endOnly) {
        CarbonUnit unitOfColumn = columnUnit != null ? columnUnit : fallbackUnit;
        if (columnUnit == null && !t.blank(h.unit)) {
            unitOfColumn = null; // the unit cell was bad: already reported
        }
        if (t.blank(col)) {
            t.error(col, "quantity is empty (expected " + expectedQuantity(unitOfColumn) + ")");
            return false;
        }
        // a plain decimal (the usual cell) is read into plain with no object made; anything else is parsed
        value = null;
        String suffix = "";
        if (!t.plainNumber(col, plain)) {
            Numbers.Parsed p = t.parseNumber(col);
            if (!p.ok()) {
                t.error(col, t.notANumber(col, expectedQuantity(unitOfColumn), p));
                return false;
            }
            value = p.value();
            suffix = p.suffix();
        }
        CarbonUnit unit = unitOfColumn;
        if (!suffix.isEmpty()) {
            char first = suffix.charAt(0);
            if (!Character.isLetter(first) && first != '%' && first != '³') {
                t.error(col, t.notANumber(col, expectedQuantity(unitOfColumn), null));
                return false;
            }
            if (suffix.equals("万") || suffix.equals("亿")) {
                if (unitOfColumn == null) {
                    t.error(col, t.quoted(col) + " gives a magnitude (" + suffix + ") but no unit (expected a unit such"
                            + " as " + suffix + "kWh, or a unit column)");
                    return false;
                }
                unit = t.ctx.caches.unit(suffix + unitOfColumn.symbol()).orElse(null);
            } else {
                Optional<CarbonUnit> u = t.ctx.caches.unit(suffix);
                if (u.isEmpty()) {
                    t.error(col, "unknown unit " + UserText.quote(suffix) + " in " + t.quoted(col) + " (expected "
                            + ReadingsTable.UNITS + ")");
                    return false;
                }
                if (unitOfColumn != null && !u.get().sameMagnitude(unitOfColumn)) {
                    t.error(col, "unit " + UserText.quote(suffix) + " in " + t.quoted(col) + " differs from the column's unit "
                            + unitOfColumn.symbol());
                    return false;
                }
                unit = u.get();
            }
        }
        if (unit == null) {
            if (unitOfColumn == null && t.blank(h.unit) && columnUnit == null) {
                t.error(h.unit >= 0 ? h.unit : col, "unit is empty (expected " + ReadingsTable.UNITS
                        + "; or put the unit in the quantity header, such as quantity (kWh))");
            }
            return false;
        }
        if (carrier != null && !(carrier == lastOkCarrier && unit == lastOkUnit)) {
            String problem = dimensionProblem(carrier, unit);
            if (problem != null) {
                t.error(col, problem);
                return false;
            }
            lastOkCarrier = carrier;
            lastOkUnit = unit;
        }
        ReadingType readingType = typeOrDefault();
        if ((value == null ? Long.signum(plain.unscaled) : value.signum()) < 0) {
            t.error(col, t.quoted(col) + " is negative (" + (readingType == ReadingType.REGISTER ? "a register reading"
                    : "a consumption") + " cannot be below 0)");
            return false;
        }
        if (t.failed || from == null && readingType == ReadingType.CONSUMPTION && !endOnly || to == null) {
            return false;
        }
        this.unit = unit;
        boolean register = readingType == ReadingType.REGISTER;
        this.from = register ? null : from;
        this.fromSecond = register ? ReadingStore.NO_START : fromSec;
        this.to = to;
        this.toSecond = toSec;
        return true;
    }

    // the reading quantity(...) checked, until its next call
    /** Its quantity when not a plain decimal; null when it is one, held in {@link #plain}. */
    private BigDecimal value;
    private final Numbers.Plain plain = new Numbers.Plain();
    private CarbonUnit unit;
    /** Its start: null for a register reading or an end-only row. */
    LocalDateTime from;
    LocalDateTime to;
    private long fromSecond;
    private long toSecond;
    /** The store's descriptor of the last reading {@link #addTo} built, and the fields it was built from. */
    private int lastDescriptor = -1;
    private ReadingStore lastStore;
    private String lastSite;
    private String lastMeter;
    private Carrier lastCarrier;
    private String lastGas;
    private Use lastUse;
    private Role lastRole;
    private CarbonUnit lastUnit;
    private ReadingType lastType;
    private BigDecimal lastMultiplier;
    private Integer lastDigits;
    private RegisterEvent lastEvent;
    private Quality lastQuality;
    private String lastNote;
    private String lastFile;
    private String lastSheet;
    private String lastColumn;

    /**
     * Adds the reading {@link #quantity} checked to {@code store}, its source this row of the
     * table ({@code column} null: the whole row); returns its index there. A row with the same
     * fields as the last reading built here (site, meter, carrier, unit, …: the usual case) goes
     * straight into the store's columns under that reading's descriptor; any other row, and any
     * value the columns cannot hold exactly, is built as a {@link Reading}, so the reading's own
     * rules (its defaults, its checks) decide what the store keeps.
     */
    int addTo(ReadingStore store, String file, String sheet, int rowNumber, String column) {
        ReadingType type = typeOrDefault();
        if (lastDescriptor >= 0 && value == null && sameFields(store, type, file, sheet, column)
                && store.addColumns(lastDescriptor, fromSecond, toSecond, plain.unscaled, plain.scale, rowNumber)) {
            return store.size() - 1;
        }
        store.add(new Reading(site, meter, carrier, gas, use, role, from, to,
                value != null ? value : plain.toBigDecimal(), unit, type, multiplier, digits, event, quality, note,
                new SourceRef(file, sheet, rowNumber, column)));
        int index = store.size() - 1;
        lastDescriptor = store.descriptorOf(index);
        lastStore = store;
        lastSite = site;
        lastMeter = meter;
        lastCarrier = carrier;
        lastGas = gas;
        lastUse = use;
        lastRole = role;
        lastUnit = unit;
        lastType = type;
        lastMultiplier = multiplier;
        lastDigits = digits;
        lastEvent = event;
        lastQuality = quality;
        lastNote = note;
        lastFile = file;
        lastSheet = sheet;
        lastColumn = column;
        return index;
    }

    private boolean sameFields(ReadingStore store, ReadingType type, String file, String sheet, String column) {
        return store == lastStore && carrier == lastCarrier && use == lastUse && role == lastRole && type == lastType
                && event == lastEvent && quality == lastQuality && Objects.equals(unit, lastUnit)
                && Objects.equals(site, lastSite) && Objects.equals(meter, lastMeter) && Objects.equals(gas, lastGas)
                && Objects.equals(multiplier, lastMultiplier) && Objects.equals(digits, lastDigits)
                && Objects.equals(note, lastNote) && Objects.equals(file, lastFile)
                && Objects.equals(sheet, lastSheet) && Objects.equals(column, lastColumn);
    }

    /** What a quantity cell should hold, for its errors: built only then, not for every row. */
    private static String expectedQuantity(CarbonUnit unitOfColumn) {
        return unitOfColumn != null ? "a quantity in " + unitOfColumn.symbol() : "a quantity";
    }

    /** Why a quantity of {@code carrier} cannot be in {@code unit}, or null when it can. */
    static String dimensionProblem(Carrier carrier, CarbonUnit unit) {
        Dimension d = unit.dimension();
        String expected;
        boolean ok;
        switch (carrier) {
            case ELECTRICITY, HEAT, COOLING -> {
                ok = d == Dimension.ENERGY;
                expected = "an energy unit such as kWh, MWh or GJ";
            }
            case STEAM -> {
                ok = d == Dimension.ENERGY || d == Dimension.MASS;
                expected = "an energy unit such as GJ, or a mass such as t";
            }
            case WATER -> {
                ok = d == Dimension.VOLUME || d == Dimension.MASS;
                expected = "a volume such as m3, or tonnes (1 t = 1 m3)";
            }
            case REFRIGERANT -> {
                ok = d == Dimension.MASS;
                expected = "a mass such as kg";
            }
            default -> {
                ok = d != Dimension.DIMENSIONLESS;
                expected = "a mass, a volume or an energy unit such as t, L, m3 or GJ";
            }
        }
        return ok ? null : "a quantity of " + carrier.id() + " cannot be in " + unit.symbol() + " (expected " + expected
                + ")";
    }
}
