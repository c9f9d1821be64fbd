package org.wattledger.engine.calc;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.wattledger.engine.factor.Factor;
import org.wattledger.engine.factor.FactorKind;
import org.wattledger.engine.factor.LayeredCatalog;
import org.wattledger.engine.model.Carrier;
import org.wattledger.engine.model.DateRange;
import org.wattledger.engine.model.Denominator;
import org.wattledger.engine.model.Instrument;
import org.wattledger.engine.model.Inventory;
import org.wattledger.engine.model.Quality;
import org.wattledger.engine.model.Quantity;
import org.wattledger.engine.model.Reading;
import org.wattledger.engine.model.ReadingType;
import org.wattledger.engine.model.ReportingPeriod;
import org.wattledger.engine.model.Role;
import org.wattledger.engine.model.Site;
import org.wattledger.engine.model.SiteKind;
import org.wattledger.engine.model.SourceRef;
import org.wattledger.engine.model.Target;
import org.wattledger.engine.model.Use;
import org.wattledger.engine.units.FactorUnit;
import org.wattledger.engine.units.UnitParser;

/** Small builders for hand-worked calculation tests. */
final class Fixtures {
    private Fixtures() {
    }

    static final String FILE = "meters.csv";

    static Factor factor(String id, Carrier carrier, FactorKind kind, String gas, String value, String unit,
            String region, int fromYear, Integer toYear, String basis, Use use) {
        return new Factor(id, carrier, kind, gas, new BigDecimal(value), FactorUnit.parse(unit), region,
                LocalDate.of(fromYear, 1, 1), toYear == null ? null : LocalDate.of(toYear, 12, 31), "test source for " + id,
                "t1", "", basis, use, "test", SourceRef.row("factors.csv", null, 2));
    }

    static Factor factor(String id, Carrier carrier, FactorKind kind, String gas, String value, String unit) {
        return factor(id, carrier, kind, gas, value, unit, "*", 2000, null, "", null);
    }

    static Factor gwp(String gas, String value, String set) {
        return factor("gwp." + set + "." + gas, null, FactorKind.GWP, gas, value, "1", "*", 2000, null, set, null);
    }

    /** IPCC AR5 and AR6 GWP100 values (IPCC AR5 WG1 Table 8.7; AR6 WG1 Table 7.15, fossil CH4). */
    static List<Factor> gwps() {
        return List.of(gwp("CH4", "28", "AR5"), gwp("N2O", "265", "AR5"), gwp("R-134a", "1300", "AR5"),
                gwp("CH4", "29.8", "AR6"), gwp("N2O", "273", "AR6"), gwp("R-134a", "1530", "AR6"));
    }

    static LayeredCatalog catalog(List<Factor> factors) {
        return new LayeredCatalog(List.of(new LayeredCatalog.Layer("test@t1", factors)));
    }

    static Site site(String id, String region, SiteKind kind) {
        return new Site(id, id, region, kind, null, null, SourceRef.row("sites.csv", null, 2));
    }

    private static int row = 1;

    static Reading reading(String site, String meter, Carrier carrier, Role role, String from, String toInclusive,
            String quantity, String unit) {
        return reading(site, meter, carrier, null, null, role, from, toInclusive, quantity, unit, Quality.MEASURED);
    }

    static Reading reading(String site, String meter, Carrier carrier, String gas, Use use, Role role, String from,
            String toInclusive, String quantity, String unit, Quality quality) {
        row++;
        LocalDateTime f = LocalDate.parse(from).atStartOfDay();
        LocalDateTime t = LocalDate.parse(toInclusive).plusDays(1).atStartOfDay();
        return new Reading(site, meter, carrier, gas, use, role, f, t, new BigDecimal(quantity), UnitParser.parse(unit),
                ReadingType.CONSUMPTION, null, null, null, quality, null, SourceRef.row(FILE, null, row));
    }

    static Inventory inventory(List<Site> sites, List<Reading> readings) {
        return inventory(sites, readings, List.of());
    }

    static Inventory inventory(List<Site> sites, List<Reading> readings, List<Instrument> instruments) {
        return inventory(sites, readings, instruments, List.of(), List.of());
    }

    static Inventory inventory(List<Site> sites, List<Reading> readings, List<Instrument> instruments,
            List<Target> targets, List<Denominator> denominators) {
        return new Inventory(sites, readings, instruments, targets, denominators, List.of(),
                new Inventory.RowTally(readings.size(), readings.size(), 0), List.of());
    }

    /**
     * A renewable certificate (factor 0) or, with a factor, a supplier-specific instrument; the
     * vintage is written inclusively as users do, null for none; {@code row} is its row in
     * instruments.csv.
     */
    static Instrument instrument(String id, String site, String vintageFirst, String vintageLast, String mwh,
            boolean retired, int row) {
        DateRange vintage = vintageFirst == null ? null
                : DateRange.ofInclusive(LocalDate.parse(vintageFirst), LocalDate.parse(vintageLast));
        return new Instrument(id, Instrument.Type.GEC, site, "CN", vintage, Quantity.of(mwh, "MWh"),
                Quantity.of("0", "t CO2e/MWh"), retired, "us", null, SourceRef.row("instruments.csv", null, row));
    }

    /** A denominator for the inclusive days first..last, in a unit already canonical. */
    static Denominator denominator(String boundary, String name, String first, String last, String value,
            String unit, int row) {
        return new Denominator(boundary, DateRange.ofInclusive(LocalDate.parse(first), LocalDate.parse(last)), name,
                Quantity.of(value, unit), SourceRef.row("denominators.csv", null, row));
    }

    static Results run(Inventory inventory, List<Factor> factors, ReportingPeriod period) {
        return run(inventory, factors, CalcOptions.of(period));
    }

    static Results run(Inventory inventory, List<Factor> factors, CalcOptions options) {
        LayeredCatalog catalog = catalog(factors);
        return Calculation.run(inventory, s -> catalog, options).results(options.period());
    }

    /**
     * IPCC 2006 Vol. 2: gas/diesel oil NCV 43.0 TJ/Gg (Table 1.2), CO2 74,100 kg/TJ (Table 1.4), CH4 10 / N2O
     * 0.6 kg/TJ (Table 2.4); GB/T 2589 1.4571 kgce/kg.
     */
    static List<Factor> ipccDiesel() {
        return with(gwps(),
                factor("ipcc.ncv.diesel", Carrier.DIESEL, FactorKind.NCV, null, "43.0", "GJ/t"),
                factor("ipcc.co2.diesel", Carrier.DIESEL, FactorKind.EMISSION_PER_ENERGY, "CO2", "74100", "kg/TJ"),
                factor("ipcc.ch4.diesel", Carrier.DIESEL, FactorKind.EMISSION_PER_ENERGY, "CH4", "10", "kg/TJ"),
                factor("ipcc.n2o.diesel", Carrier.DIESEL, FactorKind.EMISSION_PER_ENERGY, "N2O", "0.6", "kg/TJ"),
                factor("gbt2589.diesel", Carrier.DIESEL, FactorKind.TCE, null, "1.4571", "kgce/kg"));
    }

    static List<Factor> with(List<Factor> a, Factor... more) {
        List<Factor> out = new ArrayList<>(a);
        out.addAll(List.of(more));
        return out;
    }
}
