package org.wattledger.reports;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.wattledger.engine.calc.CalcOptions;
import org.wattledger.engine.calc.Intensity;
import org.wattledger.engine.calc.Line;
import org.wattledger.engine.calc.Lineage;
import org.wattledger.engine.calc.Metric;
import org.wattledger.engine.calc.Results;
import org.wattledger.engine.calc.Scope1Breakdown;
import org.wattledger.engine.calc.TargetResult;
import org.wattledger.engine.factor.FactorKind;

/**
 * The disclosure tables filers copy into their reports, built from the engine's figures (nothing
 * is summed here but the engine's own sums are picked): the HKEX ESG Reporting Guide's
 * environmental KPIs (Appendix 27 to the Main Board Listing Rules, Part C, Subject Area A; the
 * KPI texts are in the {@code disclosure.hkex.*} labels) and the GHG Protocol corporate summary.
 * Each row knows its KPI, a stable item key, its value and unit, and the footnotes (factor
 * sources) behind it; a KPI the input cannot support is a row that says so.
 */
final class Disclosures {
    /** One row of the HKEX table. {@code value} null with {@code supported} false: not in the input. */
    record HkexRow(String kpi, String item, String labelKey, List<Object> labelArgs, BigDecimal value, String unit,
            boolean supported, List<Integer> footnotes, String noteKey, List<Object> noteArgs) {
        String label(Labels l) {
            return l.format(labelKey, words(l, labelArgs));
        }

        String note(Labels l) {
            return noteKey == null ? "" : l.format(noteKey, words(l, noteArgs));
        }

        /** Arguments as text; one written {@code @key} is itself a label, in the reader's language. */
        private static Object[] words(Labels l, List<Object> args) {
            return args.stream().map(a -> a instanceof String s && s.startsWith("@") ? l.get(s.substring(1)) : a)
                    .toArray();
        }
    }

    /** The KPIs in the guide's order, each with the key of its text. */
    static final List<String> HKEX_KPIS = List.of("A1.1", "A1.2", "A1.3", "A1.4", "A1.5", "A1.6", "A2.1", "A2.2",
            "A2.3", "A2.4", "A2.5");

    final List<HkexRow> hkex = new ArrayList<>();
    /** Factor sources, numbered from 1 in order of first use. */
    final List<String> footnotes = new ArrayList<>();
    final Scope1Breakdown scope1;
    final List<Results.EnergyUse> energyByType;
    final ReportModel m;

    private Disclosures(ReportModel m) {
        this.m = m;
        this.scope1 = m.results.scope1Breakdown();
        this.energyByType = m.results.energyByType();
        a11();
        a12();
        unsupported("A1.3", "hazardousWaste", "disclosure.item.hazardousWaste", "disclosure.note.noWasteInput");
        unsupported("A1.4", "nonHazardousWaste", "disclosure.item.nonHazardousWaste", "disclosure.note.noWasteInput");
        targets("A1.5", TargetKind.EMISSIONS);
        unsupported("A1.6", "wasteHandling", "disclosure.item.wasteHandling", "disclosure.note.noWasteInput");
        a21();
        a22();
        targets("A2.3", TargetKind.ENERGY);
        targets("A2.4", TargetKind.WATER);
        unsupported("A2.4", "waterSourcing", "disclosure.item.waterSourcing", "disclosure.note.narrative");
        unsupported("A2.5", "packaging", "disclosure.item.packaging", "disclosure.note.noPackagingInput");
    }

    static Disclosures of(ReportModel m) {
        return new Disclosures(m);
    }

    // ---- HKEX ----

    /** A1.1: greenhouse gases by type where the factors give them; air pollutants are not in the input. */
    private void a11() {
        List<Integer> notes = footnotes(Metric.SCOPE1);
        scope1.byGroup().forEach((group, kg) -> row("A1.1", "ghg." + group.id(), "disclosure.item.ghgGroup",
                List.of("@disclosure.group." + group.id()), Metric.SCOPE1.present(kg), Metric.SCOPE1.reportUnit(), notes,
                group == Scope1Breakdown.GasGroup.CO2E_NOT_SPLIT ? "disclosure.note.co2eNotSplit" : null));
        unsupported("A1.1", "airPollutants", "disclosure.item.airPollutants", "disclosure.note.noPollutantInput");
    }

    /** A1.2: Scope 1, Scope 2 (both methods), their total (location-based) and its intensities. */
    private void a12() {
        figure("A1.2", Metric.SCOPE1, "disclosure.item.scope1");
        figure("A1.2", Metric.SCOPE2_LOCATION, "disclosure.item.scope2Location");
        figure("A1.2", Metric.SCOPE2_MARKET, "disclosure.item.scope2Market");
        if (m.totals.has(Metric.SCOPE1) || m.totals.has(Metric.SCOPE2_LOCATION)) {
            BigDecimal total = Metric.SCOPE1.present(m.totals.getOrZero(Metric.SCOPE1)
                    .add(m.totals.getOrZero(Metric.SCOPE2_LOCATION)));
            List<Integer> notes = union(footnotes(Metric.SCOPE1), footnotes(Metric.SCOPE2_LOCATION));
            row("A1.2", "scope1_2Location", "disclosure.item.scope1_2Location", List.of(), total,
                    Metric.SCOPE1.reportUnit(), notes, null);
        }
        intensities("A1.2", "scope1_2_per_");
    }

    /** A2.1: energy by type (each carrier in MWh, with its own quantity in the note), direct, indirect, total, tce. */
    private void a21() {
        for (Results.EnergyUse e : energyByType) {
            String source = e.source().isOnsiteRenewable() ? "onsite_renewable" : e.source().carrier().id();
            row("A2.1", "energy." + source + "." + e.unit(), e.direct() ? "disclosure.item.energyDirectType"
                    : "disclosure.item.energyIndirectType", List.of("@disclosure.source." + source), e.energyMwh(), Metric.ENERGY.reportUnit(),
                    List.of(), e.energyMwh() == null ? "disclosure.note.energyUnknown" : "disclosure.note.quantity",
                    List.of(Exact.plain(e.quantity()), e.unit()));
        }
        figure("A2.1", Metric.ENERGY_DIRECT, "disclosure.item.energyDirect");
        figure("A2.1", Metric.ENERGY_INDIRECT, "disclosure.item.energyIndirect");
        figure("A2.1", Metric.ENERGY, "disclosure.item.energy");
        figure("A2.1", Metric.ENERGY_TCE, "disclosure.item.energyTce");
        intensities("A2.1", "energy_per_");
    }

    private void a22() {
        figure("A2.2", Metric.WATER, "disclosure.item.water");
        intensities("A2.2", "water_per_");
    }

    /** What a target is about: which KPI reports it. */
    private enum TargetKind {
        EMISSIONS, ENERGY, WATER;

        static TargetKind of(String metric) {
            if (metric.startsWith("scope")) {
                return EMISSIONS;
            }
            return metric.startsWith("water") || metric.equals("wue") ? WATER : ENERGY;
        }
    }

    /** A1.5 / A2.3 / A2.4: each target of the kind, its progress (percent) and standing in the note. */
    private void targets(String kpi, TargetKind kind) {
        List<TargetResult> ts = m.targets.stream().filter(t -> TargetKind.of(t.target().metric()) == kind).toList();
        if (ts.isEmpty()) {
            unsupported(kpi, "targets", "disclosure.item.targets", "disclosure.note.noTargets");
            return;
        }
        for (TargetResult t : ts) {
            String standing = t.onTrack() == null ? "@disclosure.word.noData"
                    : t.onTrack() ? "@disclosure.word.onTrack" : "@disclosure.word.offTrack";
            hkex.add(new HkexRow(kpi, "target." + t.target().id(), "disclosure.item.target",
                    List.of(t.target().id(), t.target().metric()),
                    t.progress() == null ? null : t.progress().movePointRight(2), "%", true, List.of(),
                    "disclosure.note.target", List.of(t.target().baseYear(), shown(t.baseValue(), t.unit()),
                            t.target().targetYear(), shown(t.targetValue(), t.unit()), t.currentYear(),
                            shown(t.current(), t.unit()), t.unit(), standing)));
        }
    }

    /** A target value in a note, rounded as people read it; the exact values are the report's targets[]. */
    private static String shown(BigDecimal v, String unit) {
        return Display.number(v, unit);
    }

    private void figure(String kpi, Metric metric, String labelKey) {
        Optional<BigDecimal> v = m.totals.reported(metric);
        if (v.isPresent()) {
            row(kpi, metric.key(), labelKey, List.of(), v.get(), metric.reportUnit(), footnotes(metric), null);
        }
    }

    private void intensities(String kpi, String prefix) {
        for (Intensity i : m.intensities) {
            if (i.name().startsWith(prefix)) {
                row(kpi, "intensity." + i.name(), "disclosure.item.intensity",
                        List.of(i.name().substring(prefix.length())), i.value(), i.unit(), List.of(), null);
            }
        }
    }

    private void row(String kpi, String item, String labelKey, List<Object> args, BigDecimal value, String unit,
            List<Integer> notes, String noteKey) {
        row(kpi, item, labelKey, args, value, unit, notes, noteKey, List.of());
    }

    private void row(String kpi, String item, String labelKey, List<Object> args, BigDecimal value, String unit,
            List<Integer> notes, String noteKey, List<Object> noteArgs) {
        hkex.add(new HkexRow(kpi, item, labelKey, args, value, unit, true, notes, noteKey, noteArgs));
    }

    private void unsupported(String kpi, String item, String labelKey, String noteKey) {
        hkex.add(new HkexRow(kpi, item, labelKey, List.of(), null, null, false, List.of(), noteKey, List.of()));
    }

    /** The kinds of factor a metric rests on: an energy figure's footnotes name no emission factor. */
    private Set<FactorKind> kindsBehind(Metric metric) {
        boolean gbt = m.results.options().energyBasis() == CalcOptions.EnergyBasis.GBT2589;
        return switch (metric) {
            case SCOPE1 -> EnumSet.complementOf(EnumSet.of(FactorKind.TCE, FactorKind.RESIDUAL_MIX));
            case SCOPE2_LOCATION -> EnumSet.of(FactorKind.EMISSION, FactorKind.GWP);
            case SCOPE2_MARKET -> EnumSet.of(FactorKind.EMISSION, FactorKind.RESIDUAL_MIX, FactorKind.GWP);
            case ENERGY_TCE -> EnumSet.of(FactorKind.TCE);
            case ENERGY, ENERGY_DIRECT, ENERGY_INDIRECT -> gbt ? EnumSet.of(FactorKind.NCV, FactorKind.HHV,
                    FactorKind.DENSITY, FactorKind.TCE) : EnumSet.of(FactorKind.NCV, FactorKind.HHV, FactorKind.DENSITY);
            default -> EnumSet.noneOf(FactorKind.class);
        };
    }

    /** The footnote numbers (ascending) of the sources of the factors behind a metric's lines. */
    private List<Integer> footnotes(Metric metric) {
        Set<FactorKind> kinds = kindsBehind(metric);
        Set<String> sources = new TreeSet<>();
        for (Line l : m.results.lines()) {
            if (l.figures().has(metric)) {
                for (Lineage.FactorUse u : l.lineage().factors()) {
                    if (kinds.contains(u.factor().kind())) {
                        sources.add(u.factor().source());
                    }
                }
            }
        }
        TreeSet<Integer> out = new TreeSet<>();
        for (String s : sources) {
            int i = footnotes.indexOf(s);
            if (i < 0) {
                footnotes.add(s);
                i = footnotes.size() - 1;
            }
            out.add(i + 1);
        }
        return List.copyOf(out);
    }

    private static List<Integer> union(List<Integer> a, List<Integer> b) {
        TreeSet<Integer> out = new TreeSet<>(a);
        out.addAll(b);
        return List.copyOf(out);
    }

    // ---- GHG Protocol ----

    /** Scope 1 by source category in t CO2e, in the category order. */
    Map<Scope1Breakdown.SourceCategory, BigDecimal> scope1ByCategory() {
        Map<Scope1Breakdown.SourceCategory, BigDecimal> out = new LinkedHashMap<>();
        scope1.byCategory().forEach((c, kg) -> out.put(c, Metric.SCOPE1.present(kg)));
        return out;
    }

    /** Base years of the targets, by target id: the GHG Protocol summary names the base year it compares against. */
    List<TargetResult> baseYears() {
        return m.targets;
    }

    /** Exact plain text of a decimal (labels and notes). */
    private static final class Exact {
        static String plain(BigDecimal v) {
            return org.wattledger.engine.units.Exact.strip(v).toPlainString();
        }
    }
}
