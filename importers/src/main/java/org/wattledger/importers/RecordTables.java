package org.wattledger.importers;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.wattledger.engine.model.DateRange;
import org.wattledger.engine.model.Denominator;
import org.wattledger.engine.model.Instrument;
import org.wattledger.engine.model.Severity;
import org.wattledger.engine.model.Site;
import org.wattledger.engine.model.SiteKind;
import org.wattledger.engine.model.SourceRef;
import org.wattledger.engine.model.Target;
import org.wattledger.engine.units.CarbonUnit;
import org.wattledger.engine.units.CarbonUnits;
import org.wattledger.engine.units.Dimension;
import org.wattledger.engine.units.Exact;

/** The sites, instruments, targets and denominators tables (CONTRACTS.md §1), row by row. */
final class RecordTables {
    private RecordTables() {
    }

    static TableReader create(TableKind kind, FileContext ctx, String sheet, Dates dates, boolean decimalComma) {
        return switch (kind) {
            case SITES -> new Sites(ctx, sheet, dates, decimalComma);
            case INSTRUMENTS -> new Instruments(ctx, sheet, dates, decimalComma);
            case TARGETS -> new Targets(ctx, sheet, dates, decimalComma);
            case DENOMINATORS -> new Denominators(ctx, sheet, dates, decimalComma);
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
                    error(column, "'" + text(column) + "' is not yes or no (expected " + name
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

        /** The day after the last day a date cell covers (exclusive end): "2022-12-31" → 2023-01-01. */
        LocalDate endDate(int column, String name, boolean required) {
            Dates.Value v = date(column, name, required);
            if (v == null) {
                return null;
            }
            java.time.LocalDateTime end = v.end();
            return end.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? end.toLocalDate()
                    : end.toLocalDate().plusDays(1);
        }
    }

    static final class Sites extends Base {
        Sites(FileContext ctx, String sheet, Dates dates, boolean decimalComma) {
            super(ctx, sheet, TableKind.SITES, dates, decimalComma, List.of("site", "region"));
        }

        @Override
        void record() {
            String id = required(col("site"), "site");
            String name = optional(col("name"));
            String region = blank(col("region")) ? null : text(col("region")).toUpperCase(Locale.ROOT);
            if (region == null) {
                error(col("region"), "region is empty (expected a grid region code such as CN, CN-NORTH, CN-BJ, GB,"
                        + " US or US-CAMX)");
            }
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
                return;
            }
            ctx.sites.add(new Site(id, name, region, kind, area, it, source(), inService, zone));
        }

        /** in_service_from .. in_service_to, both days included as written; null when neither is given. */
        private DateRange inService() {
            LocalDate first = startDate(col("in_service_from"), "in_service_from", false);
            LocalDate end = endDate(col("in_service_to"), "in_service_to", false);
            if (first == null && end == null) {
                return null;
            }
            LocalDate from = first == null ? LocalDate.MIN : first;
            if (end != null && !from.isBefore(end)) {
                error(col("in_service_to"), quoted(col("in_service_to")) + " is before in_service_from "
                        + quoted(col("in_service_from")));
                return null;
            }
            return new DateRange(from, end);
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
            LocalDate genFrom = startDate(col("generation_from"), "generation_from", false);
            LocalDate genTo = endDate(col("generation_to"), "generation_to", false);
            BigDecimal quantity = number(col("quantity"), "quantity", "a quantity in MWh", true);
            String qUnit = headerUnit("quantity");
            if (quantity != null && qUnit != null) {
                Optional<CarbonUnit> u = ctx.caches.unit(qUnit);
                if (u.isEmpty() || u.get().dimension() != Dimension.ENERGY) {
                    error(col("quantity"), "quantity is in '" + qUnit + "' by its header; an energy unit such as MWh"
                            + " or kWh is expected");
                    quantity = null;
                } else {
                    quantity = Exact.divide(u.get().toCanonical(quantity), CarbonUnits.MWH.toCanonicalFactor());
                }
            }
            if (quantity != null && quantity.signum() < 0) {
                error(col("quantity"), quoted(col("quantity")) + " is negative (expected a quantity in MWh)");
            }
            BigDecimal factor = number(col("factor"), "factor", "a factor in t CO2e/MWh", false);
            if (factor == null && type == Instrument.Type.SUPPLIER_SPECIFIC && !failed) {
                error(col("factor"), "factor is empty (a supplier_specific instrument needs its factor in t CO2e/MWh)");
            }
            if (factor == null && type != null && type != Instrument.Type.SUPPLIER_SPECIFIC) {
                factor = BigDecimal.ZERO;
            }
            if (factor != null && factor.signum() < 0) {
                error(col("factor"), quoted(col("factor")) + " is negative (expected a factor in t CO2e/MWh)");
            }
            Boolean retired = yesNo(col("retired"), "retired");
            String claimant = optional(col("claimant"));
            String note = optional(col("note"));
            if (genFrom != null && genTo != null && !genFrom.isBefore(genTo)) {
                error(col("generation_to"), "generation_to " + quoted(col("generation_to"))
                        + " is before generation_from " + quoted(col("generation_from")));
            }
            if (failed) {
                return;
            }
            ctx.instruments.add(new Instrument(id, type, site, market, genFrom, genTo, quantity, factor,
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
            BigDecimal baseValue = number(col("base_value"), "base_value", "a number, or blank to compute it", false);
            BigDecimal targetValue = number(col("target_value"), "target_value", "a number", false);
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
            if (targetValue == null && reduction == null && path == Target.Path.LINEAR && !failed) {
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
            BigDecimal value = number(col("value"), "value", "a number", true);
            if (value != null && value.signum() < 0) {
                error(col("value"), quoted(col("value")) + " is negative (expected a number of at least 0)");
            }
            String unit = optional(col("unit"));
            if (unit == null) {
                unit = headerUnit("value");
            }
            LocalDate from;
            LocalDate to;
            if (col("from") >= 0 && !(blank(col("from")) && blank(col("to")) && col("year") >= 0)) {
                from = startDate(col("from"), "from", true);
                to = endDate(col("to"), "to", true);
            } else {
                Integer y = year(col("year"), "year", true);
                from = y == null ? null : LocalDate.of(y, 1, 1);
                to = y == null ? null : LocalDate.of(y + 1, 1, 1);
            }
            if (from != null && to != null && !from.isBefore(to)) {
                error(col("to"), quoted(col("to")) + " ends the period before it starts at " + quoted(col("from")));
            }
            if (failed) {
                return;
            }
            ctx.denominators.add(new Denominator(boundary, from, to, name, value, unit, source()));
        }
    }
}
