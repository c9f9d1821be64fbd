package org.wattledger.importers;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.wattledger.engine.model.Severity;
import org.wattledger.engine.model.UserText;
import org.wattledger.engine.units.CarbonUnit;

/**
 * The header part of the readings table: which columns are required, where each column is, the
 * layout (long with a quantity column, or wide with month columns) and the units the header
 * gives. Column indexes are -1 when the column is absent.
 */
final class ReadingsHeader {
    static final List<String> REQUIRED_NAMES = List.of("site", "meter", "carrier", "to",
            "quantity (or month columns 1月…12月, Jan…Dec with a year)");

    final int site;
    final int meter;
    final int carrier;
    final int gas;
    final int use;
    final int role;
    final int measurementPoint;
    final int zone;
    final int from;
    final int to;
    final int quantity;
    final int unit;
    final int type;
    final int multiplier;
    final int quality;
    final int note;
    final int digits;
    final int event;
    final int year;
    final int month;
    /** No quantity column: one row per meter (and year), a column per month. */
    final boolean wide;
    /** Wide layout: the month columns, the {year (0 when not given), month} each names, and its header unit. */
    final int[] monthCols;
    final int[][] monthOf;
    final CarbonUnit[] monthUnit;
    /** The unit of the quantity header, else of a title row ("单位：万千瓦时"); null when neither gives one. */
    final CarbonUnit quantityUnit;
    /** Every column read: a row blank in all of them is skipped. */
    final int[] mapped;
    /** The id columns a merged cell may cover (site, meter, carrier, unit and, wide, year). */
    final int[] idCols;

    /** Required columns missing from a candidate header; empty when it is the header. */
    static List<String> missing(Columns.Header h) {
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

    /** Reads the header {@code h} of {@code table}; unknown units in it are reported there. */
    ReadingsHeader(ReadingsTable table, Columns.Header h, String titleUnitText) {
        site = h.col("site");
        meter = h.col("meter");
        carrier = h.col("carrier");
        gas = h.col("gas");
        use = h.col("use");
        role = h.col("role");
        measurementPoint = h.col("measurement_point");
        zone = h.col("zone");
        from = h.col("from");
        to = h.col("to");
        quantity = h.col("quantity");
        unit = h.col("unit");
        type = h.col("type");
        multiplier = h.col("multiplier");
        quality = h.col("quality");
        note = h.col("note");
        digits = h.col("register_digits");
        event = h.col("event");
        year = h.col("year");
        month = h.col("month");
        wide = quantity < 0;
        List<Integer> months = new ArrayList<>();
        if (wide) {
            months.addAll(h.months.keySet());
            monthCols = months.stream().mapToInt(Integer::intValue).toArray();
            monthOf = new int[monthCols.length][];
            monthUnit = new CarbonUnit[monthCols.length];
            for (int i = 0; i < monthCols.length; i++) {
                monthOf[i] = h.months.get(monthCols[i]);
                String u = h.units.get(monthCols[i]);
                if (u != null) {
                    monthUnit[i] = headerUnit(table, h, monthCols[i], u);
                }
            }
        } else {
            monthCols = new int[0];
            monthOf = new int[0][];
            monthUnit = new CarbonUnit[0];
            for (int c : h.months.keySet()) {
                table.ctx.issue(Severity.INFO, table.sheet, h.row, TableReader.letter(c), "column "
                        + UserText.quote(table.headerText(c)) + " looks like a month, but this table has a quantity column; it is"
                        + " not read");
            }
        }
        if (quantity >= 0 && h.units.containsKey(quantity)) {
            quantityUnit = headerUnit(table, h, quantity, h.units.get(quantity));
        } else if (titleUnitText != null) {
            quantityUnit = table.ctx.caches.unit(titleUnitText).orElse(null);
            if (quantityUnit == null) {
                table.ctx.issue(Severity.WARNING, table.sheet, 0, null, "the title names unit "
                        + UserText.quote(titleUnitText) + ", which is not a known unit; it is not used");
            }
        } else {
            quantityUnit = null;
        }
        List<Integer> all = new ArrayList<>(h.columns.values());
        all.addAll(months);
        mapped = all.stream().mapToInt(Integer::intValue).toArray();
        List<Integer> ids = new ArrayList<>();
        for (int c : new int[] {site, meter, carrier, unit, wide ? year : -1}) {
            if (c >= 0) {
                ids.add(c);
            }
        }
        idCols = ids.stream().mapToInt(Integer::intValue).toArray();
    }

    private static CarbonUnit headerUnit(ReadingsTable table, Columns.Header h, int column, String text) {
        Optional<CarbonUnit> u = table.ctx.caches.unit(text);
        if (u.isEmpty()) {
            table.ctx.issue(Severity.ERROR, table.sheet, h.row, TableReader.letter(column), "unknown unit "
                    + UserText.quote(text) + " in header " + UserText.quote(table.headerText(column)) + " (expected " + ReadingsTable.UNITS + ")");
            return null;
        }
        return u.get();
    }
}
