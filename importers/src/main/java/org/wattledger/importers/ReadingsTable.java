package org.wattledger.importers;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.wattledger.engine.model.Carrier;
import org.wattledger.engine.model.Quality;
import org.wattledger.engine.model.Reading;
import org.wattledger.engine.model.ReadingType;
import org.wattledger.engine.model.RegisterEvent;
import org.wattledger.engine.model.Role;
import org.wattledger.engine.model.Severity;
import org.wattledger.engine.model.SourceRef;
import org.wattledger.engine.model.Use;
import org.wattledger.engine.units.CarbonUnit;
import org.wattledger.engine.units.Dimension;

/**
 * The readings table, long (one row per reading) or wide (one row per meter and year, a column
 * per month). See docs/formats/workbook.md for every rule applied here.
 */
final class ReadingsTable extends TableReader {
    static final String CARRIERS = "electricity, heat, steam, cooling, natural_gas, diesel, gasoline, lpg, water or"
            + " refrigerant, or a Chinese name such as 电力, 热力, 蒸汽, 天然气, 柴油, 汽油, 液化石油气, 水, 制冷剂";
    static final String UNITS = "kWh, MWh, GWh, 度, MJ, GJ, 吉焦, t, 吨, kg, L, m3, 立方米 or Nm3, with 万 or 亿 in front"
            + " for 10^4 or 10^8";
    private static final Set<String> TOTAL_WORDS = Set.of("合计", "总计", "小计", "共计", "总和", "累计", "total",
            "totals", "sum", "subtotal", "grandtotal", "总合计");

    private int cSite;
    private int cMeter;
    private int cCarrier;
    private int cGas;
    private int cUse;
    private int cRole;
    private int cFrom;
    private int cTo;
    private int cQty;
    private int cUnit;
    private int cType;
    private int cMult;
    private int cQuality;
    private int cNote;
    private int cDigits;
    private int cEvent;
    private int cYear;
    private int cMonth;
    private boolean wide;
    private int[] monthCols = new int[0];
    private int[][] monthOf = new int[0][];
    private CarbonUnit[] monthUnit = new CarbonUnit[0];
    private CarbonUnit headerUnit;
    private int[] mapped;
    private int[] idCols;
    private String[] lastId;
    private int[] lastIdRow;
    private final List<Pending> pending = new ArrayList<>();
    private boolean pendingOverflow;
    private String titleUnitText;
    private Carrier lastOkCarrier;
    private CarbonUnit lastOkUnit;

    /** A row with an empty id cell, kept until the merged ranges (at the end of the sheet XML) are known. */
    private record Pending(CellRow row, int slot, String[] fill, int[] fillRow) {
    }

    ReadingsTable(FileContext ctx, String sheet, Dates dates, boolean decimalComma) {
        super(ctx, sheet, TableKind.READINGS, dates, decimalComma);
        ctx.readingTables++;
    }

    @Override
    boolean wantsMonths() {
        return true;
    }

    @Override
    List<String> requiredNames() {
        return List.of("site", "meter", "carrier", "to", "quantity (or month columns 1月…12月, Jan…Dec with a year)");
    }

    @Override
    List<String> missing(Columns.Header h) {
        List<String> out = new ArrayList<>();
        for (String c : new String[] {"site", "meter", "carrier"}) {
            if (!h.has(c)) {
                out.add(c);
            }
        }
        if (h.has("quantity")) {
            if (!h.has("to") && !h.has("month")) {
                out.add("to");
            }
        } else if (h.months.isEmpty()) {
            if (!h.has("to") && !h.has("month")) {
                out.add("to");
            }
            out.add("quantity");
        } else if (!h.has("year")) {
            for (int[] ym : h.months.values()) {
                if (ym[0] == 0) {
                    out.add("year");
                    break;
                }
            }
        }
        return out;
    }

    @Override
    public boolean row(CellRow r) {
        if (header == null && titleUnitText == null && !r.isBlank()) {
            for (int c = 0; c < r.width(); c++) {
                if (r.kind(c) == CellRow.TEXT) {
                    String t = Numbers.normalize(r.text(c));
                    java.util.regex.Matcher m = java.util.regex.Pattern
                            .compile("(?i)(?:.*[\\s(（,，])?(?:单位|unit|units)\\s*[:：]\\s*([^\\s)）,，]+)[)）]?\\s*")
                            .matcher(t);
                    if (m.matches()) {
                        titleUnitText = m.group(1);
                    }
                }
            }
        }
        return super.row(r);
    }

    @Override
    void onHeader(Columns.Header h) {
        cSite = h.col("site");
        cMeter = h.col("meter");
        cCarrier = h.col("carrier");
        cGas = h.col("gas");
        cUse = h.col("use");
        cRole = h.col("role");
        cFrom = h.col("from");
        cTo = h.col("to");
        cQty = h.col("quantity");
        cUnit = h.col("unit");
        cType = h.col("type");
        cMult = h.col("multiplier");
        cQuality = h.col("quality");
        cNote = h.col("note");
        cDigits = h.col("register_digits");
        cEvent = h.col("event");
        cYear = h.col("year");
        cMonth = h.col("month");
        wide = cQty < 0;
        ctx.readingColumns.put(FileContext.tableKey(ctx.file, sheet), new String[] {
            cQty >= 0 ? letter(cQty) : null, cFrom >= 0 ? letter(cFrom) : null, cTo >= 0 ? letter(cTo) : null});
        List<Integer> m = new ArrayList<>();
        if (wide) {
            m.addAll(h.months.keySet());
            monthCols = m.stream().mapToInt(Integer::intValue).toArray();
            monthOf = new int[monthCols.length][];
            monthUnit = new CarbonUnit[monthCols.length];
            for (int i = 0; i < monthCols.length; i++) {
                monthOf[i] = h.months.get(monthCols[i]);
                String u = h.units.get(monthCols[i]);
                if (u != null) {
                    monthUnit[i] = headerUnit(monthCols[i], u);
                }
            }
        } else if (!h.months.isEmpty()) {
            for (int c : h.months.keySet()) {
                ctx.issue(Severity.INFO, sheet, h.row, letter(c), "column '" + headerText(c)
                        + "' looks like a month, but this table has a quantity column; it is not read");
            }
        }
        if (cQty >= 0 && h.units.containsKey(cQty)) {
            headerUnit = headerUnit(cQty, h.units.get(cQty));
        } else if (titleUnitText != null) {
            headerUnit = ctx.caches.unit(titleUnitText).orElse(null);
            if (headerUnit == null) {
                ctx.issue(Severity.WARNING, sheet, 0, null, "the title names unit '" + titleUnitText
                        + "', which is not a known unit; it is not used");
            }
        }
        List<Integer> all = new ArrayList<>(h.columns.values());
        all.addAll(m);
        mapped = all.stream().mapToInt(Integer::intValue).toArray();
        List<Integer> ids = new ArrayList<>();
        for (int c : new int[] {cSite, cMeter, cCarrier, cUnit, wide ? cYear : -1}) {
            if (c >= 0) {
                ids.add(c);
            }
        }
        idCols = ids.stream().mapToInt(Integer::intValue).toArray();
        lastId = new String[idCols.length];
        lastIdRow = new int[idCols.length];
    }

    private CarbonUnit headerUnit(int column, String text) {
        Optional<CarbonUnit> u = ctx.caches.unit(text);
        if (u.isEmpty()) {
            ctx.issue(Severity.ERROR, sheet, header.row, letter(column), "unknown unit '" + text + "' in header '"
                    + headerText(column) + "' (expected " + UNITS + ")");
            return null;
        }
        return u.get();
    }

    /** Finds the header only; data rows are ignored (deciding what an unnamed sheet is). */
    ReadingsTable sniffing() {
        sniffing = true;
        return this;
    }

    private boolean sniffing;
    private final Common common = new Common();
    /** The row being converted gives only its end time (a date-time in to, from blank). */
    private boolean endOnly;
    private final MonthEnds monthEnds = new MonthEnds();

    @Override
    void data(CellRow r) {
        if (sniffing) {
            return;
        }
        boolean any = false;
        for (int c : mapped) {
            if (!r.isBlank(c)) {
                any = true;
                break;
            }
        }
        if (!any) {
            return;
        }
        int totalsCol = totalsColumn(r);
        if (totalsCol >= 0) {
            ctx.issue(Severity.INFO, sheet, r.number, letter(totalsCol), "row " + r.number + " is a totals row ('"
                    + r.text(totalsCol).strip() + "'); it is left out and not counted as a data row");
            return;
        }
        boolean fillable = false;
        String[] fill = null;
        int[] fillRow = null;
        for (int i = 0; i < idCols.length; i++) {
            int c = idCols[i];
            if (r.isBlank(c)) {
                if (lastId[i] != null) {
                    if (fill == null) {
                        fill = new String[idCols.length];
                        fillRow = new int[idCols.length];
                    }
                    fill[i] = lastId[i];
                    fillRow[i] = lastIdRow[i];
                    fillable = true;
                }
            } else {
                lastId[i] = r.text(c);
                lastIdRow[i] = r.number;
            }
        }
        if (fillable) {
            if (pending.size() < ctx.options.maxPendingMergedRows()) {
                pending.add(new Pending(r.copy(), ctx.readings.size(), fill, fillRow));
                ctx.readings.add(null);
                return;
            }
            if (!pendingOverflow) {
                pendingOverflow = true;
                ctx.issue(Severity.WARNING, sheet, r.number, null, "more than " + ctx.options.maxPendingMergedRows()
                        + " rows with an empty site, meter, carrier or unit cell; from this row on, such cells are not"
                        + " looked up in merged ranges");
            }
        }
        convert(r, null);
    }

    /** Cheap first test before the exact one: a totals word starts with 合/总/小/共/累 or tot/sum/sub/gra. */
    private static boolean mayBeTotal(CellRow r, int c) {
        if (c < 0 || r.kind(c) != CellRow.TEXT) {
            return false;
        }
        String t = r.text(c);
        if (t.length() > 16) {
            return false;
        }
        int i = 0;
        while (i < t.length() && (t.charAt(i) == ' ' || t.charAt(i) == '\u3000')) {
            i++;
        }
        if (i >= t.length()) {
            return false;
        }
        char ch = t.charAt(i);
        if ("合总小共累".indexOf(ch) >= 0) {
            return true;
        }
        if (ch >= 0xFF00) {
            return true; // full-width letters: let the exact test fold them
        }
        return t.regionMatches(true, i, "tot", 0, 3) || t.regionMatches(true, i, "sum", 0, 3)
                || t.regionMatches(true, i, "sub", 0, 3) || t.regionMatches(true, i, "gra", 0, 3);
    }

    private int totalsColumn(CellRow r) {
        int first = Math.min(cSite < 0 ? Integer.MAX_VALUE : cSite, cMeter < 0 ? Integer.MAX_VALUE : cMeter);
        for (int c = 0; c <= first && c < r.width(); c++) {
            if (c == cSite || c == cMeter || c < first) {
                if (mayBeTotal(r, c) && TOTAL_WORDS.contains(Columns.key(r.text(c)))) {
                    return c;
                }
            }
        }
        int other = Math.max(cSite, cMeter);
        if (mayBeTotal(r, other) && TOTAL_WORDS.contains(Columns.key(r.text(other)))) {
            return other;
        }
        return -1;
    }

    @Override
    void finish(List<Merge> merges) {
        for (Pending p : pending) {
            CellRow r = p.row();
            int row0 = r.number - 1;
            for (int i = 0; i < idCols.length; i++) {
                if (p.fill()[i] == null) {
                    continue;
                }
                int c = idCols[i];
                for (Merge m : merges) {
                    if (m.contains(row0, c) && m.firstRow() == p.fillRow()[i] - 1 && m.firstColumn() == c) {
                        r.set(c, CellRow.TEXT, p.fill()[i], CellRow.FMT_GENERAL);
                        break;
                    }
                }
            }
            List<Reading> out = new ArrayList<>(wide ? 12 : 1);
            convert(r, out);
            ctx.readings.set(p.slot(), out);
        }
        pending.clear();
        monthEnds.finish(ctx, sheet);
    }

    private void add(Reading reading, List<Reading> into) {
        if (into != null) {
            into.add(reading);
        } else {
            ctx.readings.add(reading);
        }
    }

    private void convert(CellRow r, List<Reading> into) {
        startRow(r);
        if (wide) {
            convertWide(into);
        } else {
            convertLong(into);
        }
        flushRow();
    }

    /** The fields every layout shares. */
    private final class Common {
        String site;
        String meter;
        Carrier carrier;
        String gas;
        Use use;
        Role role;
        ReadingType type;
        RegisterEvent event;
        Quality quality;
        BigDecimal multiplier;
        Integer digits;
        String note;
        CarbonUnit columnUnit;

        void read() {
            digits = null;
            columnUnit = null;
            site = required(cSite, "site");
            meter = required(cMeter, "meter");
            carrier = carrier();
            gas = optional(cGas);
            if (carrier == Carrier.REFRIGERANT && gas == null) {
                error(cGas, "gas is empty (a refrigerant row names the refrigerant, such as R-134a or R-410A)");
            }
            use = word(cUse, "use", Use::parse, "stationary or mobile");
            role = word(cRole, "role", Role::parse, "main, it, sub, onsite_renewable or reuse");
            type = word(cType, "type", ReadingType::parse, "consumption or register");
            event = word(cEvent, "event", RegisterEvent::parse, "read, close or open");
            quality = word(cQuality, "quality", Quality::parse, "measured or estimated");
            multiplier = number(cMult, "multiplier", "a positive number", false);
            if (multiplier != null && multiplier.signum() <= 0) {
                error(cMult, quoted(cMult) + " is not a positive number (expected a multiplier such as 1 or 80)");
                multiplier = null;
            }
            BigDecimal d = number(cDigits, "register_digits", "a whole number of digits from 1 to 18", false);
            if (d != null) {
                if (d.stripTrailingZeros().scale() > 0 || d.compareTo(BigDecimal.ONE) < 0
                        || d.compareTo(BigDecimal.valueOf(18)) > 0) {
                    error(cDigits, quoted(cDigits) + " is not a number of register digits (expected a whole number"
                            + " from 1 to 18)");
                } else {
                    digits = d.intValue();
                }
            }
            if (type != ReadingType.REGISTER && (digits != null || (event != null && event != RegisterEvent.READ))) {
                note(Severity.WARNING, digits != null ? cDigits : cEvent, (digits != null ? "register_digits" : "event")
                        + " applies to register readings only; this row is a consumption row, so it is not used");
            }
            note = optional(cNote);
            if (!blank(cUnit)) {
                Object m = memo(cUnit);
                if (m != null) {
                    columnUnit = (CarbonUnit) m;
                } else {
                    String t = text(cUnit);
                    Optional<CarbonUnit> u = ctx.caches.unit(t);
                    if (u.isEmpty()) {
                        error(cUnit, "unknown unit '" + t + "' (expected " + UNITS + ")");
                    } else {
                        columnUnit = remember(cUnit, u.get());
                    }
                }
            }
        }

        private Carrier carrier() {
            if (blank(cCarrier)) {
                error(cCarrier, "carrier is empty (expected " + CARRIERS + ")");
                return null;
            }
            Object m = memo(cCarrier);
            if (m != null) {
                return (Carrier) m;
            }
            String t = text(cCarrier);
            Optional<Carrier> c = ctx.caches.carrier(t);
            c.ifPresent(x -> remember(cCarrier, x));
            if (c.isEmpty()) {
                error(cCarrier, "unknown carrier '" + t + "' (expected " + CARRIERS + ")");
                return null;
            }
            return c.get();
        }
    }

    /** A quantity cell with its unit: the cell's own unit, else the column's. Null (with an error) when unusable. */
    private Reading quantityReading(int col, Common k, CarbonUnit fallbackUnit, LocalDateTime from, LocalDateTime to,
            SourceRef source) {
        CarbonUnit columnUnit = k.columnUnit != null ? k.columnUnit : fallbackUnit;
        if (k.columnUnit == null && !blank(cUnit)) {
            columnUnit = null; // the unit cell was bad: already reported
        }
        String expected = columnUnit != null ? "a quantity in " + columnUnit.symbol() : "a quantity";
        if (blank(col)) {
            error(col, "quantity is empty (expected " + expected + ")");
            return null;
        }
        Numbers.Parsed p = Numbers.parse(row.text(col), row.kind(col), decimalComma);
        if (!p.ok()) {
            error(col, notANumber(col, expected, p));
            return null;
        }
        CarbonUnit unit = columnUnit;
        String suffix = p.suffix();
        if (!suffix.isEmpty()) {
            char first = suffix.charAt(0);
            if (!Character.isLetter(first) && first != '%' && first != '³') {
                error(col, notANumber(col, expected, null));
                return null;
            }
            if (suffix.equals("万") || suffix.equals("亿")) {
                if (columnUnit == null) {
                    error(col, quoted(col) + " gives a magnitude (" + suffix + ") but no unit (expected a unit such as "
                            + suffix + "kWh, or a unit column)");
                    return null;
                }
                unit = ctx.caches.unit(suffix + columnUnit.symbol()).orElse(null);
            } else {
                Optional<CarbonUnit> u = ctx.caches.unit(suffix);
                if (u.isEmpty()) {
                    error(col, "unknown unit '" + suffix + "' in " + quoted(col) + " (expected " + UNITS + ")");
                    return null;
                }
                if (columnUnit != null && !u.get().sameMagnitude(columnUnit)) {
                    error(col, "unit '" + suffix + "' in " + quoted(col) + " differs from the column's unit "
                            + columnUnit.symbol());
                    return null;
                }
                unit = u.get();
            }
        }
        if (unit == null) {
            if (columnUnit == null && blank(cUnit) && k.columnUnit == null) {
                error(cUnit >= 0 ? cUnit : col, "unit is empty (expected " + UNITS
                        + "; or put the unit in the quantity header, such as quantity (kWh))");
            }
            return null;
        }
        if (k.carrier != null && !(k.carrier == lastOkCarrier && unit == lastOkUnit)) {
            String problem = dimensionProblem(k.carrier, unit);
            if (problem == null) {
                lastOkCarrier = k.carrier;
                lastOkUnit = unit;
            }
            if (problem != null) {
                error(col, problem);
                return null;
            }
        }
        BigDecimal q = p.value();
        ReadingType type = k.type == null ? ReadingType.CONSUMPTION : k.type;
        if (q.signum() < 0) {
            error(col, quoted(col) + " is negative (" + (type == ReadingType.REGISTER ? "a register reading"
                    : "a consumption") + " cannot be below 0)");
            return null;
        }
        if (failed || from == null && type == ReadingType.CONSUMPTION && !endOnly || to == null) {
            return null;
        }
        return new Reading(k.site, k.meter, k.carrier, k.gas, k.use, k.role, type == ReadingType.REGISTER ? null : from,
                to, q, unit, type, k.multiplier, k.digits, k.event, k.quality, k.note, source);
    }

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

    private void convertLong(List<Reading> into) {
        ctx.read++;
        Common k = common;
        k.read();
        ReadingType type = k.type == null ? ReadingType.CONSUMPTION : k.type;
        LocalDateTime from = null;
        LocalDateTime to = null;
        endOnly = false;
        Dates.Value fromV = type == ReadingType.REGISTER ? null : date(cFrom, "from", false);
        Dates.Value toV = date(cTo, "to", false);
        boolean dateErrors = failed;
        if (toV == null && fromV == null && !blank(cMonth)) {
            Dates.Value m = monthCell();
            if (m != null) {
                from = m.start();
                to = m.end();
            }
        } else if (type == ReadingType.REGISTER) {
            if (toV != null) {
                to = utc(toV.end(), toV.offset());
            } else if (!dateErrors) {
                error(cTo, "to is empty (expected the date the register was read: " + Dates.EXPECTED.substring(9) + ")");
            }
        } else {
            if (toV == null) {
                if (!dateErrors && blank(cTo)) {
                    error(cTo, "to is empty (expected the end of the period: " + Dates.EXPECTED.substring(9) + ")");
                }
            } else if (fromV != null && (fromV.offset() == null) != (toV.offset() == null)) {
                int naive = fromV.offset() == null ? cFrom : cTo;
                error(naive, quoted(naive) + " has no UTC offset but " + quoted(naive == cFrom ? cTo : cFrom)
                        + " has one: give both with an offset (such as +08:00 or Z) or neither");
            } else {
                to = utc(toV.end(), toV.offset());
                if (fromV != null) {
                    from = utc(fromV.start(), fromV.offset());
                } else if (toV.span() != Dates.Span.INSTANT) {
                    from = toV.start();
                } else if (!dateErrors) {
                    endOnly = true; // the engine starts it where the meter's previous reading ended
                }
                if (from != null && !from.isBefore(to)) {
                    error(cTo, quoted(cTo) + " ends the period before it starts at " + quoted(cFrom)
                            + " (a date alone in to includes that day; a date-time is the exclusive end)");
                    from = null;
                }
            }
        }
        Reading reading = quantityReading(cQty, k, headerUnit, from, to, SourceRef.row(ctx.file, sheet, row.number));
        if (reading == null || failed) {
            if (!failed) {
                error(-1, "row not read");
            }
            ctx.rejected++;
        } else {
            ctx.accepted++;
            add(reading, into);
            if (toV != null && toV.offset() != null) {
                ctx.utcReadings.put(reading, new ReadingTimes.Written(letter(cTo), quoted(cTo)));
            }
            monthEnds.add(reading, fromV != null && fromV.span() == Dates.Span.DAY && toV != null
                    && toV.span() == Dates.Span.DAY, letter(cTo));
        }
    }

    /** A time written with a UTC offset as UTC, until its site's time zone is known ({@link ReadingTimes}). */
    private static LocalDateTime utc(LocalDateTime written, java.time.ZoneOffset offset) {
        return offset == null ? written : written.minusSeconds(offset.getTotalSeconds());
    }

    /** A month column: "2022-01", "2022年1月", a date, or 1..12 with the year column. */
    private Dates.Value monthCell() {
        byte k = row.kind(cMonth);
        String t = row.text(cMonth);
        Dates.Value v = dates.parse(t, k, row.format(cMonth));
        if (v != null && v.span() != Dates.Span.YEAR) {
            if (v.span() == Dates.Span.INSTANT || v.span() == Dates.Span.DAY) {
                LocalDate d = v.start().toLocalDate().withDayOfMonth(1);
                return new Dates.Value(d.atStartOfDay(), Dates.Span.MONTH);
            }
            return v;
        }
        int[] ym = Dates.monthHeader(t, k == CellRow.NUMBER ? CellRow.NUMBER : CellRow.TEXT, dates);
        if (ym != null) {
            int year = ym[0] != 0 ? ym[0] : yearCell();
            if (year > 0) {
                return new Dates.Value(LocalDate.of(year, ym[1], 1).atStartOfDay(), Dates.Span.MONTH);
            }
            if (cYear < 0) {
                error(cMonth, quoted(cMonth) + " names a month without a year (expected 2022-01, 2022年1月, or a year"
                        + " column)");
            }
            return null;
        }
        error(cMonth, quoted(cMonth) + " is not a month (expected 2022-01, 2022年1月, Jan-22, or 1 to 12 with a year"
                + " column)");
        return null;
    }

    /** The year column's value, 0 with an error when it is not a year. */
    private int yearCell() {
        if (blank(cYear)) {
            error(cYear, "year is empty (expected a year such as 2022)");
            return 0;
        }
        Integer year = Numbers.year(row.text(cYear));
        if (year != null) {
            return year;
        }
        error(cYear, quoted(cYear) + " is not a year (expected a year such as 2022)");
        return 0;
    }

    private void convertWide(List<Reading> into) {
        int values = 0;
        for (int c : monthCols) {
            if (!blank(c)) {
                values++;
            }
        }
        if (values == 0) {
            note(Severity.WARNING, -1, "row " + row.number + " has no value in any month column; nothing read");
            return;
        }
        ctx.read += values;
        Common k = common;
        k.read();
        int year = 0;
        boolean needYear = false;
        for (int[] ym : monthOf) {
            needYear |= ym[0] == 0;
        }
        if (needYear) {
            year = yearCell();
        }
        if (failed) {
            ctx.rejected += values;
            return;
        }
        ReadingType type = k.type == null ? ReadingType.CONSUMPTION : k.type;
        for (int i = 0; i < monthCols.length; i++) {
            int c = monthCols[i];
            if (blank(c)) {
                continue;
            }
            int y = monthOf[i][0] != 0 ? monthOf[i][0] : year;
            LocalDateTime from = LocalDate.of(y, monthOf[i][1], 1).atStartOfDay();
            LocalDateTime to = from.plusMonths(1);
            failed = false;
            Reading r = quantityReading(c, k, monthUnit[i] != null ? monthUnit[i] : headerUnit,
                    type == ReadingType.REGISTER ? null : from, to, new SourceRef(ctx.file, sheet, row.number,
                            letter(c)));
            if (r == null || failed) {
                ctx.rejected++;
            } else {
                ctx.accepted++;
                add(r, into);
            }
        }
    }

    Map<String, Integer> columnsForTest() {
        return header == null ? Map.of() : header.columns;
    }
}
