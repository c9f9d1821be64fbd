package org.wattledger.reports;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.wattledger.engine.calc.ContractSettlement;
import org.wattledger.engine.calc.DataCentreDetails;
import org.wattledger.engine.calc.DataCentreMetrics;
import org.wattledger.engine.calc.DataCentreYears;
import org.wattledger.engine.calc.Results;
import org.wattledger.engine.calc.SiteResult;
import org.wattledger.engine.units.Exact;

/**
 * The data-centre section of the reports: indicators with the PUE category, monthly PUE, partial PUE,
 * the table over years and the PUE contract settlement. Built once per run as {@link Grid}s that the
 * HTML, xlsx, text and CSV writers each render, so every format shows the same rows. Every word a
 * reader sees comes from the report's {@link Labels} (keys {@code dc.*}); CSV files take the English ones.
 */
final class DataCentreSection {
    /** The unit of a count of 0.01 steps (shown without decimals). */
    private static final String STEPS = "steps";
    /** The settlement rule in the JSON report's contracts[] (a value of the report, in English). */
    static final String ROUNDING_RULE = "deviation in whole steps of 0.01, truncated toward zero; capped per period";

    /** A cell: text, or a number shown in its unit's precision (percent for shares). */
    record Cell(String text, BigDecimal number, String unit, boolean percent) {
        static Cell text(String t) {
            return new Cell(t, null, null, false);
        }

        static Cell number(BigDecimal n, String unit) {
            return new Cell(null, n, unit, false);
        }

        static Cell percent(BigDecimal fraction) {
            return new Cell(null, fraction, "1", true);
        }

        boolean isNumber() {
            return number != null;
        }

        /** For people: rounded, grouped; {@link Display#NONE} when empty. */
        String display() {
            if (number == null) {
                return text == null || text.isEmpty() ? Display.NONE : text;
            }
            return percent ? Display.percent(number, 1) : Display.number(number, places());
        }

        /** Decimals shown: none for whole steps of 0.01, else the unit's. */
        int places() {
            return STEPS.equals(unit) ? 0 : Display.places(unit);
        }

        /** For machines (CSV): the exact decimal, or the text; empty when neither. */
        String exact() {
            return number != null ? Exact.strip(number).toPlainString() : text == null ? "" : text;
        }
    }

    /** A table: an id (HTML anchor, CSV file stem, xlsx sheet name), a title, headers, rows and a note. */
    record Grid(String id, String sheet, String title, List<String> headers, List<List<Cell>> rows, String note) {
    }

    final List<DataCentreDetails.Detail> details;
    final List<ContractSettlement.Settlement> settlements;
    final List<DataCentreYears.Row> years;
    private final List<SiteResult> sites;

    DataCentreSection(Results results, List<SiteResult> sites) {
        this.details = DataCentreDetails.of(results);
        this.settlements = ContractSettlement.settle(results);
        this.years = DataCentreYears.of(results);
        this.sites = sites;
    }

    Optional<DataCentreDetails.Detail> detail(String site) {
        return details.stream().filter(d -> d.site().equals(site)).findFirst();
    }

    /** "1.350 (PUE2)" for people: a PUE with its category where it has one. */
    String pueWithCategory(String site, BigDecimal pue) {
        String category = detail(site).map(DataCentreDetails.Detail::category).orElse(null);
        return Display.number(pue, "1") + (pue == null || category == null ? "" : " (" + category + ")");
    }

    /** The tables that have rows, in their order, in the words of a language. */
    List<Grid> grids(Labels l) {
        List<Grid> out = new ArrayList<>();
        add(out, indicators(l));
        add(out, monthly(l));
        add(out, partial(l));
        add(out, byYear(l));
        add(out, contracts(l));
        return out;
    }

    private static void add(List<Grid> out, Grid g) {
        if (!g.rows().isEmpty()) {
            out.add(g);
        }
    }

    private Grid indicators(Labels l) {
        List<List<Cell>> rows = new ArrayList<>();
        for (SiteResult s : sites) {
            if (s.dataCentre().isEmpty()) {
                continue;
            }
            DataCentreMetrics dc = s.dataCentre().get();
            Optional<DataCentreDetails.Detail> d = detail(s.site().id());
            String category = d.map(DataCentreDetails.Detail::category).orElse(null);
            BigDecimal utilisation = d.map(DataCentreDetails.Detail::itCapacityUtilisation).orElse(null);
            rows.add(List.of(Cell.text(s.site().id()), Cell.number(dc.pue(), "1"),
                    Cell.text(category == null ? l.get("dc.noCategory") : category), Cell.number(dc.wue(), "L/kWh"),
                    Cell.number(dc.cueLocation(), "kg CO2e/kWh"), Cell.number(dc.cueMarket(), "kg CO2e/kWh"),
                    Cell.number(dc.erf(), "1"), Cell.number(dc.ref(), "1"),
                    utilisation == null ? Cell.text(null) : Cell.percent(utilisation)));
        }
        return new Grid("datacentres", "Data centres", l.get("dc.title.indicators"), words(l, "site", "pue", "category",
                "wue", "cue", "cueMarket", "erf", "ref", "utilisation"), rows, l.get("dc.note.indicators"));
    }

    private Grid monthly(Labels l) {
        List<List<Cell>> rows = new ArrayList<>();
        for (DataCentreDetails.Detail d : details) {
            d.monthlyPue().forEach((month, pue) -> rows.add(List.of(Cell.text(d.site()), Cell.text(month.toString()),
                    Cell.number(pue, "1"), Cell.text(d.category() == null ? l.get("dc.noCategory") : d.category()))));
        }
        return new Grid("pue-monthly", "PUE by month", l.get("dc.title.monthly"), words(l, "site", "month", "pue",
                "category"), rows, null);
    }

    private Grid partial(Labels l) {
        List<List<Cell>> rows = new ArrayList<>();
        for (DataCentreDetails.Detail d : details) {
            for (DataCentreDetails.PartialPue p : d.partialPue()) {
                rows.add(List.of(Cell.text(d.site()), Cell.text(p.zone()), Cell.number(p.itMwh(), "MWh"),
                        Cell.number(p.infrastructureMwh(), "MWh"), Cell.number(p.value(), "1")));
            }
        }
        return new Grid("partial-pue", "Partial PUE", l.get("dc.title.partial"), words(l, "site", "zone", "zoneIt",
                "zoneInfra", "partialPue"), rows, l.get("dc.note.partial"));
    }

    private Grid byYear(Labels l) {
        List<List<Cell>> rows = new ArrayList<>();
        for (DataCentreYears.Row r : years) {
            rows.add(List.of(Cell.text(r.site()), Cell.text(Integer.toString(r.year())), Cell.number(r.pue(), "1"),
                    Cell.number(r.wue(), "L/kWh"), Cell.number(r.energyMwh(), "MWh"), Cell.number(r.itEnergyMwh(), "MWh"),
                    r.renewableShare() == null ? Cell.text(null) : Cell.percent(r.renewableShare())));
        }
        return new Grid("datacentre-years", "Data centres by year", l.get("dc.title.years"), words(l, "site", "year",
                "pue", "wue", "energy", "itEnergy", "renewable"), rows, null);
    }

    private Grid contracts(Labels l) {
        List<List<Cell>> rows = new ArrayList<>();
        for (ContractSettlement.Settlement s : settlements) {
            var c = s.contract();
            String money = c.currency();
            for (ContractSettlement.Period p : s.periods()) {
                String flag = p.actualPue() == null ? l.get("dc.notSettled") : p.capped() ? l.get("dc.capped")
                        : p.partial() ? l.get("dc.partial") : "";
                rows.add(List.of(Cell.text(c.site()), Cell.text(c.counterparty()), Cell.text(l.get("dc.basis." + c.basis().id())),
                        Cell.text(p.period().toString()), Cell.number(c.targetPue(), "1"), Cell.number(p.actualPue(), "1"),
                        Cell.number(p.deviation(), "1"), Cell.number(p.steps(), STEPS),
                        Cell.number(p.uncapped(), money), Cell.number(c.cap(), money), Cell.number(p.amount(), money),
                        Cell.text(money), Cell.text(flag)));
            }
            rows.add(List.of(Cell.text(c.site()), Cell.text(c.counterparty()), Cell.text(l.get("dc.total")),
                    Cell.text(c.period().toString()), Cell.number(c.targetPue(), "1"), Cell.number(s.actualPue(), "1"),
                    Cell.number(s.deviation(), "1"), Cell.text(null), Cell.text(null), Cell.text(null),
                    Cell.number(s.amount(), money), Cell.text(money), Cell.text(s.complete() ? "" : l.get("dc.notSettled"))));
        }
        List<String> headers = new ArrayList<>(words(l, "site", "counterparty", "basis", "period", "target", "actual",
                "deviation", "steps", "uncapped", "cap", "amount", "currency"));
        headers.add(""); // the flag column: capped, part of the period, not settled
        return new Grid("pue-contracts", "PUE contracts", l.get("dc.title.contracts"), headers, rows,
                l.get("dc.note.contracts"));
    }

    /** Column headers: labels {@code dc.col.NAME}. */
    private static List<String> words(Labels l, String... names) {
        List<String> out = new ArrayList<>();
        for (String n : names) {
            out.add(l.get("dc.col." + n));
        }
        return out;
    }

    /** Each contract's site PUE by month beside its target, for the chart. */
    Map<String, Map<YearMonth, BigDecimal[]>> contractChart() {
        Map<String, Map<YearMonth, BigDecimal[]>> out = new TreeMap<>();
        for (ContractSettlement.Settlement s : settlements) {
            var c = s.contract();
            Optional<DataCentreDetails.Detail> d = detail(c.site());
            if (d.isEmpty()) {
                continue;
            }
            Map<YearMonth, BigDecimal[]> series = new TreeMap<>();
            d.get().monthlyPue().forEach((m, pue) -> {
                if (c.period().contains(m.atDay(1))) {
                    series.put(m, new BigDecimal[] {pue, c.targetPue()});
                }
            });
            if (!series.isEmpty()) {
                out.put(c.site() + (c.counterparty() == null ? "" : " / " + c.counterparty()), series);
            }
        }
        return out;
    }

    // ---- renderings ----

    /** The section as HTML tables, each under its heading. */
    void html(StringBuilder out, Labels l) {
        for (Grid g : grids(l)) {
            out.append("<h2 id=\"").append(g.id()).append("\">").append(HtmlReport.escape(g.title())).append("</h2>\n");
            out.append("<table>\n<thead><tr>");
            for (String h : g.headers()) {
                out.append("<th>").append(HtmlReport.escape(h)).append("</th>");
            }
            out.append("</tr></thead>\n<tbody>\n");
            for (List<Cell> row : g.rows()) {
                out.append("<tr>");
                for (Cell c : row) {
                    out.append(c.isNumber() ? "<td class=\"num\">" : "<td>").append(HtmlReport.escape(c.display()))
                            .append("</td>");
                }
                out.append("</tr>\n");
            }
            out.append("</tbody>\n</table>\n");
            if (g.note() != null) {
                out.append("<p class=\"muted\">").append(HtmlReport.escape(g.note())).append("</p>\n");
            }
        }
    }

    /** The grids written as CSV files of their own (the indicators and months are in sites.csv and monthly.csv). */
    static final java.util.Set<String> CSV_GRIDS = java.util.Set.of("partial-pue", "datacentre-years", "pue-contracts");

    /** The grids the terminal summary shows (the indicators, partial PUE and contracts; months and years are long). */
    private static final java.util.Set<String> TEXT_GRIDS = java.util.Set.of("datacentres", "partial-pue",
            "pue-contracts");

    /** The section as plain-text tables for the terminal summary (left-aligned, hanzi two columns wide). */
    void text(StringBuilder out, Labels l) {
        for (Grid g : grids(l)) {
            if (!TEXT_GRIDS.contains(g.id())) {
                continue;
            }
            out.append('\n').append(g.title()).append('\n');
            List<String[]> rows = new ArrayList<>();
            for (List<Cell> row : g.rows()) {
                rows.add(row.stream().map(c -> c.display().equals(Display.NONE) ? "-" : c.display())
                        .toArray(String[]::new));
            }
            List<TextSummary.Align> align = java.util.Collections.nCopies(g.headers().size(), TextSummary.Align.LEFT);
            TextSummary.table(out, align, g.headers().toArray(String[]::new), rows, "  ");
        }
    }

    /** A grid as CSV (LF line ends, RFC 4180 quoting, exact decimals), header first. */
    static String csv(Grid g) {
        StringBuilder out = new StringBuilder();
        out.append(String.join(",", g.headers().stream().map(DataCentreSection::quote).toList())).append("\n");
        for (List<Cell> row : g.rows()) {
            out.append(String.join(",", row.stream().map(c -> quote(c.exact())).toList())).append("\n");
        }
        return out.toString();
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")
                ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
