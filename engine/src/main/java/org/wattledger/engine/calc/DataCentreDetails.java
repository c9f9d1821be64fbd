package org.wattledger.engine.calc;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.wattledger.engine.model.DateRange;
import org.wattledger.engine.model.Issue;
import org.wattledger.engine.model.MeasurementPoint;
import org.wattledger.engine.model.Role;
import org.wattledger.engine.model.Severity;
import org.wattledger.engine.units.Exact;

/**
 * What a data-centre engineer reads beside a site's annual PUE: its ISO/IEC 30134-2 category, the
 * PUE of each month (interval PUE), the partial PUE of each zone and the IT capacity utilisation;
 * and, in {@link #issues}, why any indicator of the family is missing. The annual PUE stays the
 * ratio of the period's sums ({@link DataCentreMetrics}); a monthly PUE is the ratio of that
 * month's sums, never averaged into the annual one.
 */
public final class DataCentreDetails {
    private static final BigDecimal MJ_PER_KWH = new BigDecimal("3.6");
    private static final BigDecimal HOURS_PER_DAY = new BigDecimal(24);

    private DataCentreDetails() {
    }

    /**
     * Partial PUE of a zone (The Green Grid; ISO/IEC 30134-2 on partial PUE):
     * (zone IT energy + zone infrastructure energy) / zone IT energy, energies in MJ.
     */
    public record PartialPue(String zone, BigDecimal itMj, BigDecimal infrastructureMj, BigDecimal value) {
        public BigDecimal itMwh() {
            return Metric.IT_ENERGY.present(itMj);
        }

        public BigDecimal infrastructureMwh() {
            return Metric.IT_ENERGY.present(infrastructureMj);
        }
    }

    /**
     * One data centre with a PUE.
     *
     * @param category PUE1, PUE2 or PUE3; null when an IT meter has no measurement point
     * @param monthlyPue the PUE of each month that has IT and facility energy
     * @param itCapacityUtilisation average IT load / it_capacity (0..1); null without it_capacity
     */
    public record Detail(String site, String category, SortedMap<YearMonth, BigDecimal> monthlyPue,
            List<PartialPue> partialPue, BigDecimal itCapacityUtilisation) {
    }

    /** The data centres of the period that have a PUE, by site id. */
    public static List<Detail> of(Results results) {
        List<Detail> out = new ArrayList<>();
        analyse(results, out, new ArrayList<>());
        return out;
    }

    /** Why a data centre's category, partial PUE or another indicator of the family is missing, and meter tags in conflict. */
    public static List<Issue> issues(Results results) {
        List<Issue> out = new ArrayList<>();
        analyse(results, new ArrayList<>(), out);
        return out;
    }

    private static void analyse(Results results, List<Detail> details, List<Issue> issues) {
        MeterTags tags = new MeterTags(results.calculation().inventory().meterTags());
        issues.addAll(tags.issues());
        Map<String, List<Line>> bySite = new TreeMap<>();
        for (Line l : results.lines()) {
            bySite.computeIfAbsent(l.site, s -> new ArrayList<>()).add(l);
        }
        for (SiteResult s : results.sites()) {
            if (!s.site().isDataCentre() || s.dataCentre().isEmpty()) {
                continue;
            }
            String id = s.site().id();
            List<Line> lines = bySite.getOrDefault(id, List.of());
            String category = category(id, lines, tags, issues);
            SortedMap<YearMonth, BigDecimal> monthly = new TreeMap<>();
            s.months().forEach((m, f) -> DataCentreMetrics.of(f).ifPresent(dc -> monthly.put(m, dc.pue())));
            List<PartialPue> partial = partialPue(id, lines, tags, issues);
            BigDecimal utilisation = utilisation(results, s, issues);
            missingIndicators(id, s.dataCentre().get(), issues);
            details.add(new Detail(id, category, monthly, partial, utilisation));
        }
    }

    /** The lowest category the site's IT meters support, or null (with a warning) when one has no measurement point. */
    private static String category(String site, List<Line> lines, MeterTags tags, List<Issue> issues) {
        TreeSet<String> unmarked = new TreeSet<>();
        TreeSet<String> notIt = new TreeSet<>();
        MeasurementPoint lowest = null;
        for (Line l : lines) {
            MeasurementPoint p = tags.of(site, l.meter).point();
            if (l.role != Role.IT) {
                if (p != null) {
                    notIt.add(l.meter);
                }
                continue;
            }
            if (p == null) {
                unmarked.add(l.meter);
            } else if (lowest == null || p.compareTo(lowest) < 0) {
                lowest = p;
            }
        }
        if (!notIt.isEmpty()) {
            issues.add(Issue.general(Severity.INFO, "data centre " + site + ": measurement_point is given for meters "
                    + String.join(", ", notIt) + ", which are not IT meters (role it); it is not used"));
        }
        if (!unmarked.isEmpty()) {
            issues.add(Issue.general(Severity.INFO, "data centre " + site + ": the PUE has no ISO/IEC 30134-2"
                    + " category because IT meters " + String.join(", ", unmarked) + " have no measurement_point"
                    + " (ups_output for PUE1, pdu_output for PUE2, it_input for PUE3)"));
            return null;
        }
        return lowest == null ? null : lowest.category();
    }

    /** Zone IT energy (role it) and zone infrastructure energy (role sub) per zone; a zone lacking either gets no partial PUE. */
    private static List<PartialPue> partialPue(String site, List<Line> lines, MeterTags tags, List<Issue> issues) {
        Map<String, BigDecimal> it = new TreeMap<>();
        Map<String, BigDecimal> infrastructure = new TreeMap<>();
        TreeSet<String> zones = new TreeSet<>();
        TreeSet<String> unused = new TreeSet<>();
        for (Line l : lines) {
            String zone = tags.of(site, l.meter).zone();
            if (zone == null || l.energyMj == null) {
                continue;
            }
            zones.add(zone);
            switch (l.role) {
                case IT -> it.merge(zone, l.energyMj, BigDecimal::add);
                case SUB -> infrastructure.merge(zone, l.energyMj, BigDecimal::add);
                default -> unused.add(l.meter);
            }
        }
        if (!unused.isEmpty()) {
            issues.add(Issue.general(Severity.INFO, "data centre " + site + ": the zone of meters "
                    + String.join(", ", unused) + " is not used for partial PUE, which adds the zone's IT meters"
                    + " (role it) and infrastructure submeters (role sub) only"));
        }
        List<PartialPue> out = new ArrayList<>();
        for (String zone : zones) {
            BigDecimal zoneIt = it.get(zone);
            BigDecimal zoneInfra = infrastructure.get(zone);
            if (zoneIt == null || zoneIt.signum() <= 0) {
                issues.add(Issue.general(Severity.WARNING, "data centre " + site + ", zone " + zone + ": no partial PUE,"
                        + " the zone has no IT energy (no meter with role it in it)"));
            } else if (zoneInfra == null) {
                issues.add(Issue.general(Severity.WARNING, "data centre " + site + ", zone " + zone + ": no partial PUE,"
                        + " the zone has no infrastructure submeter (role sub); its partial PUE would read 1"));
            } else {
                out.add(new PartialPue(zone, zoneIt, zoneInfra, Exact.divide(zoneIt.add(zoneInfra), zoneIt)));
            }
        }
        return out;
    }

    /**
     * IT capacity utilisation: average IT load over the period's hours / it_capacity, i.e.
     * E_IT kWh / (it_capacity kW × days × 24 h), over the period's days the site is in service. Days are
     * calendar days of 24 hours (no daylight-saving hour).
     */
    private static BigDecimal utilisation(Results results, SiteResult s, List<Issue> issues) {
        BigDecimal capacity = s.site().itCapacityKw();
        BigDecimal itMj = s.figures().get(Metric.IT_ENERGY).orElse(null);
        if (capacity == null || capacity.signum() <= 0) {
            issues.add(Issue.general(Severity.INFO, "data centre " + s.site().id() + ": no IT capacity utilisation,"
                    + " the sites table gives no it_capacity (kW)"));
            return null;
        }
        DateRange days = new DateRange(results.period().from(), results.period().to());
        if (s.site().inService() != null) { // a site in service for part of the period has capacity only then
            days = days.intersection(s.site().inService());
            if (days == null) {
                return null;
            }
        }
        BigDecimal capacityKwh = capacity.multiply(BigDecimal.valueOf(days.days())).multiply(HOURS_PER_DAY);
        return Exact.divide(Exact.divide(itMj, MJ_PER_KWH), capacityKwh);
    }

    private static void missingIndicators(String site, DataCentreMetrics dc, List<Issue> issues) {
        if (dc.wue() == null) {
            issues.add(Issue.general(Severity.INFO, "data centre " + site + ": no WUE, there are no water readings"
                    + " (WUE = site water / IT energy, ISO/IEC 30134-9)"));
        }
        if (dc.erf() == null) {
            issues.add(Issue.general(Severity.INFO, "data centre " + site + ": no ERF, no meter has role reuse"
                    + " (ERF = reused energy / data-centre energy, ISO/IEC 30134-6)"));
        }
        if (dc.cueLocation() == null) {
            issues.add(Issue.general(Severity.INFO, "data centre " + site + ": no CUE, the site has no emissions"
                    + " figure (CUE = Scope 1 + 2 kg CO2e / IT energy kWh, ISO/IEC 30134-8)"));
        }
    }
}
