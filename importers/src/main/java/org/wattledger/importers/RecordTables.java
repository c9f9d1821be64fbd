package org.wattledger.importers;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.wattledger.engine.factor.Regions;
import org.wattledger.engine.model.DateRange;
import org.wattledger.engine.model.Denominator;
import org.wattledger.engine.model.Instrument;
import org.wattledger.engine.model.PueContract;
import org.wattledger.engine.model.Quantity;
import org.wattledger.engine.model.Severity;
import org.wattledger.engine.model.Site;
import org.wattledger.engine.model.SiteKind;
import org.wattledger.engine.model.SourceRef;
import org.wattledger.engine.model.Target;
import org.wattledger.engine.units.Measures;

/** The sites, instruments, targets, denominators and contracts tables (docs/formats/workbook.md), row by row. */
final class RecordTables {
    private RecordTables() {
    }

    static TableReader create(TableKind kind, FileContext ctx, String sheet, Dates dates, boolean decimalComma) {
        return switch (kind) {
            case SITES -> new Sites(ctx, sheet, dates, decimalComma);
            case INSTRUMENTS -> new Instruments(ctx, sheet, dates, decimalComma);
            case TARGETS -> new Targets(ctx, sheet, dates, decimalComma);
            case DENOMINATORS -> new Denominators(ctx, sheet, dates, decimalComma);
            case CHANGES -> new Changes(ctx, sheet, dates, decimalComma);
            case CONTRACTS -> new Contracts(ctx, sheet, dates, decimalComma);
            default -> throw new IllegalArgumentException(kind.id());
        };
    }

    /** Common shape: required columns, one record per non-blank row. */
    abstract static class Base extends TableReader {
        private final List<String> required;

        Base(FileContext ctx, String sheet, TableKind kind, Dates dates, boolean decimalComma, List<String> required) {
            super(ctx, sheet, kind, dates, decimalComma);
            this.required = required;
        }

        @Override
        List<String> requiredNames() {
            return required;
        }

        @Override
        List<String> missing(Columns.Header h) {
            List<String> out = new ArrayList<>();
            for (String r : required) {
                if (!h.has(r)) {
                    out.add(r);
                }
            }
            return out;
        }

        int col(String name) {
            return header.col(name);
        }

        @Override
        void data(CellRow r) {
            boolean any = false;
            for (int c : header.columns.values()) {
                if (!r.isBlank(c)) {
                    any = true;
                    break;
                }
            }
            if (!any) {
                return;
            }
            startRow(r);
            record();
            flushRow();
        }

        abstract void record();

        SourceRef source() {
            return SourceRef.row(ctx.file, sheet, row.number);
        }

        /** A header unit for a column, if written ("floor_area (m²)"). */
        String headerUnit(String column) {
            int c = col(column);
            return c < 0 ? null : header.units.get(c);
        }

        /** A yes/no cell. */
        Boolean yesNo(int column, String name) {
            if (blank(column)) {
                return null;
            }
            String t = Columns.key(text(column));
            return switch (t) {
                case "yes", "y", "true", "1", "是", "已注销", "已核销", "x", "✓" -> Boolean.TRUE;
                case "no", "n", "false", "0", "否", "未注销", "未核销" -> Boolean.FALSE;
                default -> {
                    error(column, quoted(column) + " is not yes or no (expected " + name
                            + " as yes/no, 是/否, true/false or 1/0)");
                    yield null;
                }
            };
        }

        /** A whole year from a cell ("2022", 2022, "2022年"). */
        Integer year(int column, String name, boolean required) {
            if (blank(column)) {
                if (required) {
                    error(column, name + " is empty (expected a year such as 2022)");
                }
                return null;
            }
            Integer year = Numbers.year(row.text(column));
            if (year != null) {
                return year;
            }
            error(column, quoted(column) + " is not a year (expected a year such as 2022)");
            return null;
        }

        /** The first day a date cell covers, for period starts. */
        LocalDate startDate(int column, String name, boolean required) {
            Dates.Value v = date(column, name, required);
            return v == null ? null : v.start().toLocalDate();
        }

        /**
         * The last day a date cell covers, for a user's inclusive end: "2022-12-31" and "2022-12"
         * give 2022-12-31; a date-time gives its day (midnight ends the day before).
         */
        LocalDate lastDay(int column, String name, boolean required) {
            Dates.Value v = date(column, name, required);
            if (v == null) {
                return null;
            }
            java.time.LocalDateTime end = v.end();
            return end.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) && end.isAfter(v.start())
                    ? end.toLocalDate().minusDays(1) : end.toLocalDate();
        }

        /**
         * The days from a start cell to an inclusive end cell, converted once with
         * {@link DateRange#ofInclusive}; null (with an error) when either is missing or the end
         * comes before the start.
         */
        DateRange inclusiveRange(String fromColumn, String toColumn) {
            LocalDate first = startDate(col(fromColumn), fromColumn, true);
            LocalDate last = lastDay(col(toColumn), toColumn, true);
            if (first == null || last == null) {
                return null;
            }
            if (last.isBefore(first)) {
                error(col(toColumn), toColumn + " " + quoted(col(toColumn)) + " is before " + fromColumn + " "
                        + quoted(col(fromColumn)));
                return null;
            }
            return DateRange.ofInclusive(first, last);
        }

        /** A number in the unit a converter gives it, or null with the converter's error at the column. */
        Quantity converted(int column, String name, BigDecimal value, String unit,
                java.util.function.BiFunction<BigDecimal, String, Quantity> converter) {
            if (value == null) {
                return null;
            }
            try {
                return converter.apply(value, unit);
            } catch (Measures.UnitException e) {
                error(column, name + ": " + e.getMessage());
                return null;
            }
        }

        /** Where a unit error is shown: the unit column when the row fills it, else the value column. */
        int unitColumn(String valueColumn) {
            return blank(col("unit")) ? col(valueColumn) : col("unit");
        }

        /** The unit of a value: the row's unit column when filled, else the unit in the value column's header. */
        String unitOf(String valueColumn) {
            return blank(col("unit")) ? headerUnit(valueColumn) : text(col("unit"));
        }
    }

    static final class Sites extends Base {
        private static final String REGION_FORMS = "a region code such as CN-GD, CN-NORTH, CN, GB or US-CAMX,"
                + " or a Chinese province by name such as 广东, 广东省 or Guangdong";

        Sites(FileContext ctx, String sheet, Dates dates, boolean decimalComma) {
            super(ctx, sheet, TableKind.SITES, dates, decimalComma, List.of("site", "region"));
        }

        @Override
        void record() {
            String id = required(col("site"), "site");
            String name = optional(col("name"));
            String region = region(col("region"));
            SiteKind kind = SiteKind.OTHER;
            if (!blank(col("kind"))) {
                SiteKind k = word(col("kind"), "kind", SiteKind::parse, "datacenter, office or other");
                kind = k == null ? SiteKind.OTHER : k;
            }
            BigDecimal area = number(col("floor_area"), "floor_area", "a floor area in m²", false);
            String areaUnit = headerUnit("floor_area");
            if (area != null && areaUnit != null) {
                String u = Columns.key(areaUnit);
                if (!u.equals("m²") && !u.equals("m2") && !u.equals("平方米") && !u.equals("㎡")) {
                    error(col("floor_area"), "floor_area is in " + areaUnit + " by its header; only m² is understood"
                            + " (write the area in m²)");
                }
            }
            if (area != null && area.signum() < 0) {
                error(col("floor_area"), quoted(col("floor_area")) + " is negative (expected a floor area in m²)");
            }
            BigDecimal it = number(col("it_capacity"), "it_capacity", "an IT capacity in kW", false);
            String itUnit = headerUnit("it_capacity");
            if (it != null && itUnit != null) {
                String u = Columns.key(itUnit);
                switch (u) {
                    case "kw", "千瓦" -> {
                    }
                    case "mw", "兆瓦" -> it = it.multiply(BigDecimal.valueOf(1000));
                    default -> error(col("it_capacity"), "it_capacity is in " + itUnit
                            + " by its header; kW or MW are understood");
                }
            }
            if (it != null && it.signum() < 0) {
                error(col("it_capacity"), quoted(col("it_capacity")) + " is negative (expected an IT capacity in kW)");
            }
            DateRange inService = inService();
            ZoneId zone = timezone();
            if (failed) {
                if (id != null) {
                    ctx.rejectedSites.putIfAbsent(id, source());
                }
                return;
            }
            ctx.sites.add(new Site(id, name, region, kind, area, it, source(), !blank(col("kind")), inService, zone));
        }

        /**
         * The region as a code (Regions.parse): CN-GD for 广东省 or Guangdong, noted so the reader
         * sees what a name was read as; an unknown region is an error naming the value.
         */
        private String region(int column) {
            if (blank(column)) {
                error(column, "region is empty (expected " + REGION_FORMS + ")");
                return null;
            }
            String written = text(column);
            Optional<String> code = Regions.parse(written);
            if (code.isEmpty()) {
                error(column, quoted(column) + " is not a known region (expected " + REGION_FORMS + ")");
                return null;
            }
            if (!code.get().equals(Regions.normalise(written))) {
                note(Severity.INFO, column, "region " + quoted(column) + " is read as " + code.get()
                        + Regions.name(code.get()).map(n -> " (" + n + ")").orElse(""));
            }
            return code.get();
        }

        /**
         * in_service_from .. in_service_to, both days included as written (converted once with
         * {@link DateRange#ofInclusive}); null when neither is given. A blank start is "always".
         */
        private DateRange inService() {
            LocalDate first = startDate(col("in_service_from"), "in_service_from", false);
            LocalDate last = lastDay(col("in_service_to"), "in_service_to", false);
            if (first == null && last == null) {
                return null;
            }
            LocalDate from = first == null ? LocalDate.MIN : first;
            if (last != null && last.isBefore(from)) {
                error(col("in_service_to"), quoted(col("in_service_to")) + " is before in_service_from "
                        + quoted(col("in_service_from")));
                return null;
            }
            return DateRange.ofInclusive(from, last);
        }

        /** An IANA time zone id (Asia/Shanghai), or null when not given. */
        private ZoneId timezone() {
            int c = col("timezone");
            if (blank(c)) {
                return null;
            }
            try {
                return ZoneId.of(text(c).strip());
            } catch (java.time.DateTimeException e) {
                error(c, "unknown time zone " + quoted(c) + " (expected an IANA id such as Asia/Shanghai,"
                        + " Europe/London or America/New_York)");
                return null;
            }
        }
    }

    static final class Instruments extends Base {
        Instruments(FileContext ctx, String sheet, Dates dates, boolean decimalComma) {
            super(ctx, sheet, TableKind.INSTRUMENTS, dates, decimalComma, List.of("id", "type", "quantity"));
        }

        @Override
        void record() {
            String id = required(col("id"), "id");
            Instrument.Type type = null;
            if (blank(col("type"))) {
                error(col("type"), "type is empty (expected gec, i-rec, rec, go, green_power_trade, ppa or"
                        + " supplier_specific)");
            } else {
                type = word(col("type"), "type", Instrument.Type::parse,
                        "gec, i-rec, rec, go, green_power_trade, ppa or supplier_specific");
            }
            String site = optional(col("site"));
            String market = blank(col("market")) ? null : text(col("market")).toUpperCase(Locale.ROOT);
            DateRange vintage = null;
            if (!blank(col("generation_from")) || !blank(col("generation_to"))) {
                vintage = inclusiveRange("generation_from", "generation_to");
            }
            // Without generation dates the row is still read: the engine says why it is not applied.
            BigDecimal amount = number(col("quantity"), "quantity", "a quantity of energy such as 1200 (MWh)", true);
            if (amount != null && amount.signum() < 0) {
                error(col("quantity"), quoted(col("quantity")) + " is negative (expected a quantity of energy)");
            }
            Quantity quantity = converted(col("quantity"), "quantity", amount, headerUnit("quantity"),
                    Measures::instrumentQuantity);
            BigDecimal factorValue = number(col("factor"), "factor", "a factor such as 0.58 (t CO2e/MWh)", false);
            if (factorValue == null && type == Instrument.Type.SUPPLIER_SPECIFIC && !failed) {
                error(col("factor"), "factor is empty (a supplier_specific instrument needs its factor, e.g. 0.58"
                        + " t CO2e/MWh)");
            }
            if (factorValue == null && type != null && type != Instrument.Type.SUPPLIER_SPECIFIC) {
                factorValue = BigDecimal.ZERO;
            }
            if (factorValue != null && factorValue.signum() < 0) {
                error(col("factor"), quoted(col("factor")) + " is negative (expected a factor of at least 0)");
            }
            Quantity factor = converted(col("factor"), "factor", factorValue, headerUnit("factor"),
                    Measures::instrumentFactor);
            Boolean retired = yesNo(col("retired"), "retired");
            String claimant = optional(col("claimant"));
            String note = optional(col("note"));
            if (failed) {
                return;
            }
            ctx.instruments.add(new Instrument(id, type, site, market, vintage, quantity, factor,
                    retired != null && retired, claimant, note, source()));
        }
    }

    static final class Targets extends Base {
        Targets(FileContext ctx, String sheet, Dates dates, boolean decimalComma) {
            super(ctx, sheet, TableKind.TARGETS, dates, decimalComma, List.of("id", "metric", "base_year", "target_year"));
        }

        @Override
        void record() {
            String id = required(col("id"), "id");
            String metric = required(col("metric"), "metric");
            if (metric != null) {
                metric = metric.toLowerCase(Locale.ROOT);
            }
            List<String> boundary = new ArrayList<>();
            if (blank(col("boundary"))) {
                boundary.add("*");
            } else {
                for (String part : text(col("boundary")).split("[;；,，]")) {
                    if (!part.isBlank()) {
                        boundary.add(ctx.caches.intern(part.strip()));
                    }
                }
                if (boundary.isEmpty()) {
                    boundary.add("*");
                }
            }
            Integer baseYear = year(col("base_year"), "base_year", true);
            Integer targetYear = year(col("target_year"), "target_year", true);
            if (metric != null && Measures.metricUnit(metric) == null) {
                error(col("metric"), "unknown metric '" + metric + "' (expected scope1, scope2_location,"
                        + " scope2_market, scope1_2, scope1_2_market, energy, electricity, water, pue, wue,"
                        + " renewable_share, or one of them per a denominator such as electricity_per_headcount)");
            }
            BigDecimal base = number(col("base_value"), "base_value", "a number, or blank to compute it", false);
            BigDecimal targetNumber = number(col("target_value"), "target_value", "a number", false);
            Quantity baseValue = null;
            Quantity targetValue = null;
            if (!failed) {
                String m = metric;
                baseValue = converted(unitColumn("base_value"), "base_value", base, unitOf("base_value"),
                        (v, u) -> Measures.targetValue(m, v, u));
                targetValue = converted(unitColumn("target_value"), "target_value", targetNumber,
                        unitOf("target_value"), (v, u) -> Measures.targetValue(m, v, u));
                List<String> unitless = new ArrayList<>();
                if (baseValue != null && unitOf("base_value") == null) {
                    unitless.add("base_value");
                }
                if (targetValue != null && unitOf("target_value") == null) {
                    unitless.add("target_value");
                }
                Quantity read = baseValue != null ? baseValue : targetValue;
                if (!unitless.isEmpty() && !read.unit().equals("1")) {
                    note(Severity.INFO, col(unitless.get(0)), String.join(" and ", unitless) + " of target " + id
                            + (unitless.size() == 1 ? " has" : " have") + " no unit: read in " + read.unit());
                }
            }
            BigDecimal reduction = null;
            int rc = col("reduction_pct");
            if (!blank(rc)) {
                Numbers.Parsed p = Numbers.parse(row.text(rc), row.kind(rc), decimalComma);
                if (!p.ok() || !(p.suffix().isEmpty() || p.suffix().equals("%"))) {
                    error(rc, notANumber(rc, "a percentage such as 30 or 30%", p));
                } else if (row.format(rc) == CellRow.FMT_PERCENT) {
                    reduction = p.value().movePointRight(2);
                } else {
                    reduction = p.value();
                    if (p.suffix().isEmpty() && reduction.compareTo(BigDecimal.ONE) <= 0 && reduction.signum() > 0) {
                        note(Severity.WARNING, rc, quoted(rc) + " is read as " + reduction.toPlainString()
                                + " %; write 30 or 30% for thirty per cent");
                    }
                }
                if (reduction != null && (reduction.signum() < 0 || reduction.compareTo(BigDecimal.valueOf(100)) > 0)) {
                    error(rc, quoted(rc) + " is not a percentage from 0 to 100");
                }
            }
            Target.Path path = Target.Path.LINEAR;
            if (!blank(col("path"))) {
                Target.Path p = word(col("path"), "path", Target.Path::parse, "linear, sbti_1.5c or sbti_wb2c");
                path = p == null ? Target.Path.LINEAR : p;
            }
            if (targetNumber == null && reduction == null && path == Target.Path.LINEAR && !failed) {
                error(col("target_value") >= 0 ? col("target_value") : rc, "target_value and reduction_pct are both"
                        + " empty (give one of them, or an SBTi path such as sbti_1.5c)");
            }
            if (baseYear != null && targetYear != null && targetYear <= baseYear) {
                error(col("target_year"), "target_year " + targetYear + " is not after base_year " + baseYear);
            }
            if (failed) {
                return;
            }
            ctx.targets.add(new Target(id, metric, boundary, baseYear, baseValue, targetYear, targetValue, reduction,
                    path, source()));
        }
    }

    static final class Denominators extends Base {
        Denominators(FileContext ctx, String sheet, Dates dates, boolean decimalComma) {
            super(ctx, sheet, TableKind.DENOMINATORS, dates, decimalComma, List.of("name", "value"));
        }

        @Override
        List<String> missing(Columns.Header h) {
            List<String> out = super.missing(h);
            if (!h.has("year") && !(h.has("from") && h.has("to"))) {
                out.add("from and to (or year)");
            }
            return out;
        }

        @Override
        void record() {
            String boundary = blank(col("boundary")) ? "*" : ctx.caches.intern(text(col("boundary")));
            String name = required(col("name"), "name");
            if (name != null) {
                name = name.toLowerCase(Locale.ROOT);
            }
            BigDecimal number = number(col("value"), "value", "a number", true);
            if (number != null && number.signum() < 0) {
                error(col("value"), quoted(col("value")) + " is negative (expected a number of at least 0)");
            }
            Quantity value = null;
            if (name != null) {
                String n = name;
                value = converted(unitColumn("value"), "value", number, unitOf("value"),
                        (v, u) -> Measures.denominator(n, v, u));
            }
            DateRange period;
            if (col("from") >= 0 && !(blank(col("from")) && blank(col("to")) && col("year") >= 0)) {
                period = inclusiveRange("from", "to");
            } else {
                Integer y = year(col("year"), "year", true);
                period = y == null ? null : DateRange.year(y);
            }
            if (failed) {
                return;
            }
            ctx.denominators.add(new Denominator(boundary, period, name, value, source()));
        }
    }

    /**
     * The changes table: type, date, sites, emissions (t CO2e), note. Emissions are a number of t
     * CO2e (a unit in the header or cell other than t CO2e is an error); for acquisition,
     * divestment, insourcing and outsourcing a negative number is an error (the type gives the sign).
     */
    static final class Changes extends Base {
        Changes(FileContext ctx, String sheet, Dates dates, boolean decimalComma) {
            super(ctx, sheet, TableKind.CHANGES, dates, decimalComma, List.of("type", "date", "emissions"));
        }

        @Override
        void record() {
            org.wattledger.engine.model.StructuralChange.Type type = word(col("type"), "type",
                    org.wattledger.engine.model.StructuralChange.Type::parse,
                    "acquisition, divestment, insourcing, outsourcing, methodology or error");
            if (type == null && blank(col("type"))) {
                error(col("type"), "type is empty (expected acquisition, divestment, insourcing, outsourcing,"
                        + " methodology or error)");
            }
            LocalDate date = startDate(col("date"), "date", true);
            List<String> sites = new ArrayList<>();
            if (!blank(col("sites"))) {
                for (String s : text(col("sites")).split("[;,，；]")) {
                    if (!s.isBlank()) {
                        sites.add(s.strip());
                    }
                }
            }
            if (sites.isEmpty()) {
                sites.add("*");
            }
            BigDecimal emissions = number(col("emissions"), "emissions", "t CO2e", true);
            String unit = headerUnit("emissions");
            if (unit != null && !Columns.key(unit).equals(Columns.key("t CO2e")) && !Columns.key(unit).equals("t")
                    && !Columns.key(unit).equals("tco2")) {
                error(col("emissions"), "emissions are read in t CO2e, not " + unit);
            }
            if (emissions != null && type != null && !type.signedByUser() && emissions.signum() < 0) {
                error(col("emissions"), quoted(col("emissions")) + " is negative: give the emissions of the "
                        + type.id() + " as a positive number (the type says whether they are added or removed)");
            }
            String note = blank(col("note")) ? "" : text(col("note"));
            if (failed) {
                return;
            }
            ctx.changes.add(new org.wattledger.engine.model.StructuralChange(type, date, sites, emissions, note,
                    source()));
        }
    }

    /** PUE contracts: a bonus (−) or penalty (+) per 0.01 of PUE against a target, settled yearly or monthly. */
    static final class Contracts extends Base {
        Contracts(FileContext ctx, String sheet, Dates dates, boolean decimalComma) {
            super(ctx, sheet, TableKind.CONTRACTS, dates, decimalComma, List.of("site", "target_pue", "amount_per_0.01",
                    "currency", "basis", "from", "to"));
        }

        @Override
        void record() {
            String site = required(col("site"), "site");
            String counterparty = optional(col("counterparty"));
            BigDecimal target = positive("target_pue", "a PUE such as 1.4", true);
            if (target != null && target.compareTo(BigDecimal.ONE) < 0) {
                error(col("target_pue"), quoted(col("target_pue")) + " is below 1 (a PUE is at least 1)");
            }
            BigDecimal amount = positive("amount_per_0.01", "an amount of money per 0.01 of PUE, such as 5000", true);
            String currency = required(col("currency"), "currency");
            BigDecimal cap = positive("cap", "an amount of money, or blank for no cap", false);
            PueContract.Basis basis = null;
            if (blank(col("basis"))) {
                error(col("basis"), "basis is empty (expected annual or monthly)");
            } else {
                basis = word(col("basis"), "basis", PueContract.Basis::parse, "annual or monthly");
            }
            DateRange period = inclusiveRange("from", "to");
            if (failed) {
                return;
            }
            ctx.contracts.add(new PueContract(site, counterparty, target, amount, currency.strip(), cap, basis, period,
                    source()));
        }

        /** A number that must be above 0, or null with an error. */
        private BigDecimal positive(String column, String expected, boolean required) {
            BigDecimal v = number(col(column), column, expected, required);
            if (v != null && v.signum() <= 0) {
                error(col(column), quoted(col(column)) + " is not above 0 (expected " + expected + ")");
                return null;
            }
            return v;
        }
    }
}
