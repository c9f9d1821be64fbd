package org.wattledger.importers;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.wattledger.engine.model.Severity;
import org.wattledger.engine.model.UserText;

/**
 * The readings table, long (one row per reading) or wide (one row per meter and year, a column
 * per month). See docs/formats/workbook.md for every rule applied here. This class follows the
 * sheet: the title's unit, totals rows, rows that wait for merged cells, month-end rows; its parts
 * read the header ({@link ReadingsHeader}), a row's shared fields and quantity ({@link ReadingRow})
 * and each layout's dates ({@link ReadingsLayout}).
 */
final class ReadingsTable extends TableReader {
    static final String CARRIERS = "electricity, heat, steam, cooling, natural_gas, diesel, gasoline, lpg, water or"
            + " refrigerant, or a Chinese name such as 电力, 热力, 蒸汽, 天然气, 柴油, 汽油, 液化石油气, 水, 制冷剂";
    static final String UNITS = "kWh, MWh, GWh, 度, MJ, GJ, 吉焦, t, 吨, kg, L, m3, 立方米 or Nm3, with 万 or 亿 in front"
            + " for 10^4 or 10^8";
    private static final Set<String> TOTAL_WORDS = Set.of("合计", "总计", "小计", "共计", "总和", "累计", "total",
            "totals", "sum", "subtotal", "grandtotal", "总合计");

    /** A title's unit ("单位：万kWh", "(unit: MWh)"), looked for in each cell above the header. */
    private static final java.util.regex.Pattern TITLE_UNIT = java.util.regex.Pattern.compile(
            "(?i)(?:.*[\\s(（,，])?(?:单位|unit|units)\\s*[:：]\\s*([^\\s)）,，]+)[)）]?\\s*");

    private ReadingsHeader cols;
    private ReadingsLayout layout;
    private ReadingRow rowFields;
    private final MonthEnds monthEnds = new MonthEnds();
    private String[] lastId;
    private int[] lastIdRow;
    private final List<Pending> pending = new ArrayList<>();
    private boolean pendingOverflow;
    private String titleUnitText;

    /**
     * A row with an empty id cell, kept until the merged ranges (at the end of the sheet XML) are
     * known; {@code slot}: the index in the file's readings its readings go before.
     */
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
        return ReadingsHeader.REQUIRED_NAMES;
    }

    @Override
    List<String> missing(Columns.Header h) {
        return ReadingsHeader.missing(h);
    }

    @Override
    public boolean row(CellRow r) {
        if (header == null && titleUnitText == null && !r.isBlank()) {
            for (int c = 0; c < r.width(); c++) {
                if (r.kind(c) == CellRow.TEXT) {
                    String t = Numbers.normalize(r.text(c));
                    java.util.regex.Matcher m = TITLE_UNIT.matcher(t);
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
        cols = new ReadingsHeader(this, h, titleUnitText);
        rowFields = new ReadingRow(this, cols);
        layout = new ReadingsLayout(this, cols, rowFields, monthEnds);
        ctx.readingColumns.put(FileContext.tableKey(ctx.file, sheet), new String[] {
            cols.quantity >= 0 ? letter(cols.quantity) : null, cols.from >= 0 ? letter(cols.from) : null,
            cols.to >= 0 ? letter(cols.to) : null});
        lastId = new String[cols.idCols.length];
        lastIdRow = new int[cols.idCols.length];
        int idsEnd = Math.max(cols.site, cols.meter);
        sameFieldsApply = !cols.wide && cols.site >= 0 && cols.meter >= 0 && cols.from != cols.to
                && (cols.from < 0 || cols.from > idsEnd) && (cols.to < 0 || cols.to > idsEnd)
                && (cols.quantity < 0 || cols.quantity > idsEnd);
    }

    /** Finds the header only; data rows are ignored (deciding what an unnamed sheet is). */
    ReadingsTable sniffing() {
        sniffing = true;
        return this;
    }

    private boolean sniffing;

    /**
     * The last row whose shared fields (site, meter, carrier, unit …) were read without an issue,
     * in the long layout: a row whose cells other than the dates and the quantity are the same
     * (the usual next row of a meter's series) gives the same fields and the same outcome of every
     * check on them, so they are not read again ({@link ReadingsLayout#convertSameFields}).
     * Valid while {@link #sameFieldsKept}.
     */
    private final CellRow sameFieldsRow = new CellRow();
    private boolean sameFieldsKept;

    /** Called by the layout once a row's fields are read: keeps the row when they gave no issue. */
    void fieldsRead(boolean clean) {
        sameFieldsKept = clean && sameFieldsApply;
        if (sameFieldsKept) {
            sameFieldsRow.copyFrom(row);
        }
    }

    /**
     * Whether rows may be compared with {@link #sameFieldsRow}: the long layout, with the dates and
     * quantity right of the site and meter (a totals word is looked for at and left of those).
     */
    private boolean sameFieldsApply;

    /** Whether {@code r} holds {@link #sameFieldsRow}'s cells in every column but the dates and the quantity. */
    private boolean sameFields(CellRow r) {
        if (!sameFieldsKept || r.width() != sameFieldsRow.width()) {
            return false;
        }
        for (int c = 0; c < r.width(); c++) {
            if (c != cols.from && c != cols.to && c != cols.quantity && !r.sameCell(c, sameFieldsRow)) {
                return false;
            }
        }
        return true;
    }

    @Override
    void data(CellRow r) {
        if (sniffing) {
            return;
        }
        if (sameFields(r)) {
            // as the general path below: not blank, no totals row, no id to fill; the ids' rows move on
            for (int i = 0; i < cols.idCols.length; i++) {
                lastIdRow[i] = r.number;
            }
            startRow(r);
            layout.convertSameFields();
            flushRow();
            return;
        }
        boolean any = false;
        for (int c : cols.mapped) {
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
            ctx.issue(Severity.INFO, sheet, r.number, letter(totalsCol), "row " + r.number + " is a totals row ("
                    + UserText.quote(r.text(totalsCol).strip()) + "); it is left out and not counted as a data row");
            return;
        }
        boolean fillable = false;
        String[] fill = null;
        int[] fillRow = null;
        for (int i = 0; i < cols.idCols.length; i++) {
            int c = cols.idCols[i];
            if (r.isBlank(c)) {
                if (lastId[i] != null) {
                    if (fill == null) {
                        fill = new String[cols.idCols.length];
                        fillRow = new int[cols.idCols.length];
                    }
                    fill[i] = lastId[i];
                    fillRow[i] = lastIdRow[i];
                    fillable = true;
                }
            } else {
                if (lastId[i] == null || !r.textEquals(c, lastId[i])) {
                    lastId[i] = r.text(c);
                }
                lastIdRow[i] = r.number;
            }
        }
        if (fillable) {
            if (pending.size() < ctx.options.maxPendingMergedRows()) {
                pending.add(new Pending(r.copy(), ctx.readings.size(), fill, fillRow));
                return;
            }
            if (!pendingOverflow) {
                pendingOverflow = true;
                ctx.issue(Severity.WARNING, sheet, r.number, null, "more than " + ctx.options.maxPendingMergedRows()
                        + " rows with an empty site, meter, carrier or unit cell; from this row on, such cells are not"
                        + " looked up in merged ranges");
            }
        }
        convert(r);
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
        int cSite = cols.site;
        int cMeter = cols.meter;
        int first = Math.min(cSite < 0 ? Integer.MAX_VALUE : cSite, cMeter < 0 ? Integer.MAX_VALUE : cMeter);
        for (int c = 0; c <= first && c < r.width(); c++) {
            if (c == cSite || c == cMeter || c < first) {
                if (isTotal(r, c)) {
                    return c;
                }
            }
        }
        int other = Math.max(cSite, cMeter);
        return isTotal(r, other) ? other : -1;
    }

    /** The last text of a column (at most the first 8) found not to be a totals word: most rows repeat it. */
    private final String[] lastNotTotal = new String[8];

    private boolean isTotal(CellRow r, int c) {
        if (c < 0) {
            return false;
        }
        boolean remembered = c < lastNotTotal.length && r.kind(c) == CellRow.TEXT;
        if (remembered && lastNotTotal[c] != null && r.textEquals(c, lastNotTotal[c])) {
            return false;
        }
        if (mayBeTotal(r, c) && TOTAL_WORDS.contains(Columns.key(r.text(c)))) {
            return true;
        }
        if (remembered) {
            lastNotTotal[c] = r.text(c);
        }
        return false;
    }

    @Override
    void finish(List<Merge> merges) {
        for (Pending p : pending) {
            CellRow r = p.row();
            int row0 = r.number - 1;
            for (int i = 0; i < cols.idCols.length; i++) {
                if (p.fill()[i] == null) {
                    continue;
                }
                int c = cols.idCols[i];
                for (Merge m : merges) {
                    if (m.contains(row0, c) && m.firstRow() == p.fillRow()[i] - 1 && m.firstColumn() == c) {
                        r.set(c, CellRow.TEXT, p.fill()[i], CellRow.FMT_GENERAL);
                        break;
                    }
                }
            }
            int first = ctx.readings.size();
            convert(r);
            ctx.moved.add(new int[] {p.slot(), first, ctx.readings.size() - first});
        }
        pending.clear();
        monthEnds.finish(ctx, sheet);
    }

    /**
     * Adds the reading the current row's fields checked ({@link ReadingRow#quantity}) to the
     * file's readings, its source this row ({@code column} null) or one cell of it; returns its
     * index there.
     */
    int add(String column) {
        tag();
        return rowFields.addTo(ctx.readings, ctx.file, sheet, row.number, column);
    }

    /** Keeps the row's measurement point and zone, once per distinct value of each meter (the engine checks they agree). */
    private void tag() {
        String zone = rowFields.zone == null ? null : rowFields.zone.strip();
        if (rowFields.measurementPoint == null && zone == null) {
            return;
        }
        String key = rowFields.site + "\u0000" + rowFields.meter + "\u0000" + rowFields.measurementPoint + "\u0000" + zone;
        if (!ctx.meterTags.containsKey(key)) {
            ctx.meterTags.put(key, new org.wattledger.engine.model.MeterTag(rowFields.site, rowFields.meter,
                    rowFields.measurementPoint, zone, org.wattledger.engine.model.SourceRef.row(ctx.file, sheet,
                    row.number)));
        }
    }

    private void convert(CellRow r) {
        startRow(r);
        layout.convert();
        flushRow();
    }
}
