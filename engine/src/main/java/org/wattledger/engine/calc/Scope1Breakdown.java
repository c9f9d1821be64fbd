package org.wattledger.engine.calc;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.wattledger.engine.model.Carrier;
import org.wattledger.engine.model.Gas;
import org.wattledger.engine.model.Use;

/**
 * Scope 1 split by source category and by gas, as the GHG Protocol Corporate Standard (ch. 9,
 * "Reporting GHG emissions") and HKEX KPI A1.1 ask for it. Every cell is summed exactly from the
 * lines' own per-gas CO2e, so the cells add up to the Scope 1 total to the last digit.
 *
 * <p>The source category follows from the line: a refrigerant is fugitive; a fuel is stationary or
 * mobile combustion by its {@code use} (a fuel row without one is stationary, the readings' one
 * rule in {@link org.wattledger.engine.model.Reading}). The model has no process-emission carrier,
 * so no line is "process".
 */
public final class Scope1Breakdown {

    /** GHG Protocol source categories (Corporate Standard, ch. 4: direct emission sources). */
    public enum SourceCategory {
        STATIONARY_COMBUSTION("stationaryCombustion"),
        MOBILE_COMBUSTION("mobileCombustion"),
        FUGITIVE("fugitive");

        private final String id;

        SourceCategory(String id) {
            this.id = id;
        }

        /** The JSON value: {@code stationaryCombustion}. */
        public String id() {
            return id;
        }

        static SourceCategory of(Line l) {
            if (l.carrier == Carrier.REFRIGERANT) {
                return FUGITIVE;
            }
            return l.use == Use.MOBILE ? MOBILE_COMBUSTION : STATIONARY_COMBUSTION;
        }
    }

    /**
     * The seven Kyoto gases as the GHG Protocol reports them (CO2, CH4, N2O, HFCs, PFCs, SF6, NF3),
     * plus refrigerants outside that basket (HCFCs such as R-22, Montreal Protocol gases) and
     * amounts from factors already in CO2e, which no per-gas split exists for.
     */
    public enum GasGroup {
        CO2("CO2"), CH4("CH4"), N2O("N2O"), HFCS("HFCs"), PFCS("PFCs"), SF6("SF6"), NF3("NF3"),
        NOT_KYOTO("notKyoto"),
        /** Emissions computed with a CO2e factor: the factor's publisher gives no per-gas split. */
        CO2E_NOT_SPLIT("co2eNotSplit");

        private final String id;

        GasGroup(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        /** Hydrofluorocarbons and their blends by ASHRAE 34 number (IPCC AR4/AR5 GWP tables list them). */
        private static final Set<String> HFC = Set.of("R-23", "R-32", "R-125", "R-134A", "R-143A", "R-152A",
                "R-227EA", "R-236FA", "R-245FA", "R-365MFC", "R-404A", "R-407A", "R-407C", "R-407F", "R-410A",
                "R-417A", "R-422D", "R-427A", "R-438A", "R-507A", "R-508B");
        private static final Set<String> PFC = Set.of("CF4", "C2F6", "C3F8", "C4F10", "C-C4F8", "C5F12", "C6F14",
                "R-14", "R-116", "R-218", "R-318");

        /** The group of a gas as the engine names it ("CO2", "R-134a", "SF6", "CO2e"). */
        public static GasGroup of(String gas) {
            String g = gas.strip().toUpperCase(Locale.ROOT);
            if (g.equals(Gas.CO2E.id().toUpperCase(Locale.ROOT))) {
                return CO2E_NOT_SPLIT;
            }
            for (GasGroup plain : List.of(CO2, CH4, N2O, SF6, NF3)) {
                if (g.equals(plain.id)) {
                    return plain;
                }
            }
            if (HFC.contains(g) || g.startsWith("HFC")) {
                return HFCS;
            }
            if (PFC.contains(g) || g.startsWith("PFC")) {
                return PFCS;
            }
            return NOT_KYOTO;
        }
    }

    /**
     * One category and gas: {@code massKg} is kg of the gas itself (null for {@link GasGroup#CO2E_NOT_SPLIT}),
     * {@code co2eKg} its kg CO2e.
     */
    public record Cell(SourceCategory category, String gas, GasGroup group, BigDecimal massKg, BigDecimal co2eKg) {
    }

    /** A gas over all categories. */
    public record GasTotal(String gas, GasGroup group, BigDecimal massKg, BigDecimal co2eKg) {
    }

    private final List<Cell> cells;

    private Scope1Breakdown(List<Cell> cells) {
        this.cells = List.copyOf(cells);
    }

    /** The breakdown of the lines' Scope 1 (the lines of a period, a site or a year). */
    static Scope1Breakdown of(List<Line> lines) {
        Map<SourceCategory, Map<String, BigDecimal[]>> sums = new EnumMap<>(SourceCategory.class);
        for (Line l : lines) {
            if (!l.figures.has(Metric.SCOPE1)) {
                continue;
            }
            Map<String, BigDecimal[]> byGas = sums.computeIfAbsent(SourceCategory.of(l), c -> new TreeMap<>());
            l.scope1GasCo2e.forEach((gas, co2e) -> {
                BigDecimal[] s = byGas.computeIfAbsent(gas, g -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
                BigDecimal mass = l.scope1Gas.get(gas);
                s[0] = s[0] == null || mass == null ? null : s[0].add(mass);
                s[1] = s[1].add(co2e);
            });
        }
        List<Cell> out = new ArrayList<>();
        sums.forEach((category, byGas) -> byGas.forEach((gas, s) ->
                out.add(new Cell(category, gas, GasGroup.of(gas), s[0], s[1]))));
        return new Scope1Breakdown(out);
    }

    /** Category × gas, categories in enum order, gases by name. */
    public List<Cell> cells() {
        return cells;
    }

    /** kg CO2e per source category, categories with Scope 1 only. */
    public Map<SourceCategory, BigDecimal> byCategory() {
        Map<SourceCategory, BigDecimal> out = new EnumMap<>(SourceCategory.class);
        cells.forEach(c -> out.merge(c.category(), c.co2eKg(), BigDecimal::add));
        return out;
    }

    /** Each gas over all categories, by name; its mass is null when any part of it is not split by gas. */
    public List<GasTotal> byGas() {
        Map<String, BigDecimal[]> sums = new TreeMap<>();
        Map<String, GasGroup> groups = new TreeMap<>();
        for (Cell c : cells) {
            BigDecimal[] s = sums.computeIfAbsent(c.gas(), g -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            s[0] = s[0] == null || c.massKg() == null ? null : s[0].add(c.massKg());
            s[1] = s[1].add(c.co2eKg());
            groups.put(c.gas(), c.group());
        }
        List<GasTotal> out = new ArrayList<>();
        sums.forEach((gas, s) -> out.add(new GasTotal(gas, groups.get(gas), s[0], s[1])));
        return out;
    }

    /** kg CO2e per gas group (HFCs together), groups in enum order. */
    public Map<GasGroup, BigDecimal> byGroup() {
        Map<GasGroup, BigDecimal> out = new EnumMap<>(GasGroup.class);
        cells.forEach(c -> out.merge(c.group(), c.co2eKg(), BigDecimal::add));
        return out;
    }

    /** The sum of every cell, kg CO2e: equals the lines' Scope 1. */
    public BigDecimal totalCo2eKg() {
        return cells.stream().map(Cell::co2eKg).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
