package org.wattledger.engine.calc;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.wattledger.engine.model.Carrier;
import org.wattledger.engine.model.Site;
import org.wattledger.engine.units.Exact;

/**
 * The information (Annex I) and key performance indicators (Annex II) that Commission Delegated
 * Regulation (EU) 2024/1364 asks data-centre operators to report to the European database, with the
 * sustainability indicators of its Annex III (PUE, WUE, ERF, REF), for each data centre of the period:
 * those the input supports with their values, the others with the reason they are missing. The
 * regulation's names and units are kept in {@link Field}, the one list of them.
 */
public final class EuDataCentreIndicators {
    private static final BigDecimal MJ_PER_KWH = new BigDecimal("3.6");

    private EuDataCentreIndicators() {
    }

    /** The fields, in the regulation's order, each with the name and unit it gives them. */
    public enum Field {
        NAME("I", "name", "name of the data centre", ""),
        OWNER("I", "ownerAndOperator", "name of the owner and operators of the data centre", ""),
        START("I", "startOfOperation", "date on which the data centre started its operations", "date"),
        LOCATION("I", "location", "location of the data centre (municipality, local administrative unit)", ""),
        TYPE("I", "type", "type of data centre (enterprise, colocation or co-hosting)", ""),
        ELECTRICAL_REDUNDANCY("I", "electricalRedundancy", "redundancy level of the electrical power supply", ""),
        COOLING_REDUNDANCY("I", "coolingRedundancy", "redundancy level of the cooling system", ""),
        INSTALLED_IT_POWER("II", "installedItPowerDemand", "installed information technology power demand (P_IT)",
                "kW"),
        TOTAL_FLOOR_AREA("II", "totalFloorArea", "data centre total floor area", "m2"),
        COMPUTER_ROOM_AREA("II", "computerRoomFloorArea", "data centre computer room floor area", "m2"),
        TOTAL_ENERGY("II", "totalEnergyConsumption", "total energy consumption of the data centre (E_DC)", "kWh"),
        IT_ENERGY("II", "itEnergyConsumption",
                "total energy consumption of the information technology equipment (E_IT)", "kWh"),
        WATER_INPUT("II", "totalWaterInput", "total water input (W_IN)", "m3"),
        POTABLE_WATER_INPUT("II", "totalPotableWaterInput", "total potable water input (W_IN-POT)", "m3"),
        WASTE_HEAT_REUSED("II", "wasteHeatReused", "waste heat reused (E_REUSE)", "kWh"),
        WASTE_HEAT_TEMPERATURE("II", "averageWasteHeatTemperature", "average waste heat temperature", "°C"),
        INTAKE_SETPOINT("II", "averageItIntakeAirSetpoint",
                "average setpoint information technology equipment intake air temperature", "°C"),
        REFRIGERANTS("II", "refrigerants", "type of refrigerants used in the cooling systems", ""),
        COOLING_DEGREE_DAYS("II", "coolingDegreeDays", "cooling degree days", "degree days"),
        RENEWABLE_TOTAL("II", "renewableEnergyConsumption", "total renewable energy consumption (E_RES-TOT)", "kWh"),
        RENEWABLE_GO("II", "renewableEnergyGuaranteesOfOrigin",
                "renewable energy consumption from guarantees of origin (E_RES-GOO)", "kWh"),
        RENEWABLE_PPA("II", "renewableEnergyPpa",
                "renewable energy consumption from power purchase agreements (E_RES-PPA)", "kWh"),
        RENEWABLE_ONSITE("II", "renewableEnergyOnsite", "on-site renewable energy consumption (E_RES-OS)", "kWh"),
        ICT_SERVERS("II", "ictCapacityServers", "ICT capacity for servers", ""),
        ICT_STORAGE("II", "ictCapacityStorage", "ICT capacity for storage equipment", "PB"),
        TRAFFIC_BANDWIDTH("II", "trafficBandwidth", "incoming and outgoing traffic bandwidth", "Gbps"),
        DATA_TRAFFIC("II", "dataTraffic", "incoming and outgoing data traffic", "EB"),
        PUE("III", "pue", "power usage effectiveness (PUE = E_DC / E_IT)", "1"),
        WUE("III", "wue", "water usage effectiveness (WUE = W_IN / E_IT)", "L/kWh"),
        ERF("III", "erf", "energy reuse factor (ERF = E_REUSE / E_DC)", "1"),
        REF("III", "ref", "renewable energy factor (REF = E_RES-TOT / E_DC)", "1");

        private final String annex;
        private final String key;
        private final String regulationName;
        private final String unit;

        Field(String annex, String key, String regulationName, String unit) {
            this.annex = annex;
            this.key = key;
            this.regulationName = regulationName;
            this.unit = unit;
        }

        public String annex() {
            return annex;
        }

        public String key() {
            return key;
        }

        public String regulationName() {
            return regulationName;
        }

        public String unit() {
            return unit;
        }
    }

    /**
     * A field of one data centre: a number, a text, or the reason it is missing (exactly one is set).
     */
    public record Item(Field field, BigDecimal value, String text, String missing) {
        public boolean supported() {
            return missing == null;
        }
    }

    public record Centre(String site, String name, List<Item> items) {
    }

    /** Why each field the input cannot give is missing: user-visible words, in one place. */
    static final String NO_COLUMN = "the input has no column for it";
    static final String NO_IT_CAPACITY = "the sites table gives no it_capacity";
    static final String NO_FLOOR_AREA = "the sites table gives no floor_area";
    static final String NO_START = "the sites table gives no in_service_from";
    static final String NO_PUE = "the site has no IT energy (role it) or no facility energy (role main)";
    static final String NO_WATER = "the site has no water readings";
    static final String NO_POTABLE_SPLIT = "water readings do not say which water is potable";
    static final String NO_REUSE = "no meter of the site has role reuse";
    static final String NO_REFRIGERANT = "the site has no refrigerant readings";
    static final String NO_ONSITE = "no meter of the site has role onsite_renewable";
    static final String NO_INSTRUMENT_SPLIT = "certificates and contracts are not split by instrument type in this"
            + " export";
    static final String NOT_LAU = "the sites table gives a grid region, not the municipality";

    public static List<Centre> of(Results results) {
        List<Centre> out = new ArrayList<>();
        for (SiteResult s : results.sites()) {
            if (s.site().isDataCentre()) {
                out.add(centre(results, s));
            }
        }
        return out;
    }

    private static Centre centre(Results results, SiteResult s) {
        Site site = s.site();
        Figures f = s.figures();
        DataCentreMetrics dc = s.dataCentre().orElse(null);
        List<Item> items = new ArrayList<>();
        items.add(text(Field.NAME, site.name(), null));
        items.add(missing(Field.OWNER, NO_COLUMN));
        items.add(site.inService() != null && site.inService().from().getYear() > 1
                ? text(Field.START, site.inService().from().toString(), null) : missing(Field.START, NO_START));
        items.add(missing(Field.LOCATION, NOT_LAU + " (" + site.region() + ")"));
        items.add(missing(Field.TYPE, NO_COLUMN));
        items.add(missing(Field.ELECTRICAL_REDUNDANCY, NO_COLUMN));
        items.add(missing(Field.COOLING_REDUNDANCY, NO_COLUMN));
        items.add(number(Field.INSTALLED_IT_POWER, site.itCapacityKw(), NO_IT_CAPACITY));
        items.add(number(Field.TOTAL_FLOOR_AREA, site.floorArea(), NO_FLOOR_AREA));
        items.add(missing(Field.COMPUTER_ROOM_AREA, NO_COLUMN));
        items.add(number(Field.TOTAL_ENERGY, kwh(f, Metric.FACILITY_ENERGY), NO_PUE));
        items.add(number(Field.IT_ENERGY, kwh(f, Metric.IT_ENERGY), NO_PUE));
        items.add(number(Field.WATER_INPUT, f.get(Metric.WATER).orElse(null), NO_WATER));
        items.add(missing(Field.POTABLE_WATER_INPUT, NO_POTABLE_SPLIT));
        items.add(number(Field.WASTE_HEAT_REUSED, kwh(f, Metric.REUSE), NO_REUSE));
        items.add(missing(Field.WASTE_HEAT_TEMPERATURE, NO_COLUMN));
        items.add(missing(Field.INTAKE_SETPOINT, NO_COLUMN));
        items.add(text(Field.REFRIGERANTS, refrigerants(results, site.id()), NO_REFRIGERANT));
        items.add(missing(Field.COOLING_DEGREE_DAYS, NO_COLUMN));
        BigDecimal renewable = dc == null ? null
                : Exact.divide(f.getOrZero(Metric.ONSITE_RENEWABLE).add(f.getOrZero(Metric.CERTIFIED_RENEWABLE)),
                        MJ_PER_KWH);
        items.add(number(Field.RENEWABLE_TOTAL, renewable, NO_PUE));
        items.add(missing(Field.RENEWABLE_GO, NO_INSTRUMENT_SPLIT));
        items.add(missing(Field.RENEWABLE_PPA, NO_INSTRUMENT_SPLIT));
        items.add(number(Field.RENEWABLE_ONSITE, kwh(f, Metric.ONSITE_RENEWABLE), NO_ONSITE));
        items.add(missing(Field.ICT_SERVERS, NO_COLUMN));
        items.add(missing(Field.ICT_STORAGE, NO_COLUMN));
        items.add(missing(Field.TRAFFIC_BANDWIDTH, NO_COLUMN));
        items.add(missing(Field.DATA_TRAFFIC, NO_COLUMN));
        items.add(number(Field.PUE, dc == null ? null : dc.pue(), NO_PUE));
        items.add(number(Field.WUE, dc == null ? null : dc.wue(), dc == null ? NO_PUE : NO_WATER));
        items.add(number(Field.ERF, dc == null ? null : dc.erf(), dc == null ? NO_PUE : NO_REUSE));
        items.add(number(Field.REF, dc == null ? null : dc.ref(), NO_PUE));
        return new Centre(site.id(), site.name(), items);
    }

    private static BigDecimal kwh(Figures f, Metric metric) {
        return f.get(metric).map(mj -> Exact.divide(mj, MJ_PER_KWH)).orElse(null);
    }

    /** The refrigerants recharged at the site in the period, sorted, or null. */
    private static String refrigerants(Results results, String site) {
        TreeSet<String> gases = new TreeSet<>();
        for (Line l : results.lines()) {
            if (l.site.equals(site) && l.carrier == Carrier.REFRIGERANT && l.gas != null) {
                gases.add(l.gas);
            }
        }
        return gases.isEmpty() ? null : String.join("; ", gases);
    }

    private static Item number(Field field, BigDecimal value, String whyMissing) {
        return value == null ? missing(field, whyMissing) : new Item(field, Exact.strip(value), null, null);
    }

    private static Item text(Field field, String value, String whyMissing) {
        return value == null ? missing(field, whyMissing) : new Item(field, null, value, null);
    }

    private static Item missing(Field field, String why) {
        return new Item(field, null, null, why);
    }
}
