package org.wattledger.engine.calc;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.wattledger.engine.model.Carrier;
import org.wattledger.engine.model.Issue;
import org.wattledger.engine.model.Role;
import org.wattledger.engine.model.Severity;
import org.wattledger.engine.model.Site;

/**
 * The role rules of data centres, in one place. PUE, WUE and CUE divide by IT energy (meters with
 * role {@code it}) and PUE divides facility energy (roles main and on-site renewable) by it. A
 * reading without a role counts as {@code main}, so a data centre whose readings carry no roles
 * has no PUE and, when one of its meters measures IT load behind a main meter, counts that load
 * twice. Nothing here guesses a role from a meter's id: a likely IT meter is only named in the
 * warning.
 */
final class DataCentreRoles {
    /** Meter ids that suggest IT load: "IT", "IT-01", "UPS-2", "PDU_A", "IT负载", "服务器". */
    private static final Pattern LOOKS_LIKE_IT = Pattern.compile(
            "(?i)(^|[^a-z])(it|ups|pdu|server|servers|rack|racks)([^a-z]|$)|服务器|机柜");

    private DataCentreRoles() {
    }

    /**
     * Sites whose kind nobody declared (a blank kind, or no sites row) but that have an IT meter
     * are data centres: they are replaced in {@code sites}, each with an info issue.
     */
    static List<Issue> inferDataCentres(Map<String, Site> sites, List<Line> lines) {
        Map<String, Set<String>> itMeters = meters(lines, true);
        List<Issue> issues = new ArrayList<>();
        itMeters.forEach((id, meters) -> {
            Site site = sites.get(id);
            if (site == null || site.kindDeclared() || site.isDataCentre()) {
                return;
            }
            sites.put(id, site.asInferredDataCentre());
            issues.add(Issue.general(Severity.INFO, "site " + id + " is treated as a data centre because it has"
                    + " meters with role it (" + String.join(", ", meters) + ") and "
                    + (site.source() == null ? "is not in a sites table" : "no kind in the sites table")
                    + "; it gets PUE, WUE and CUE. Write its kind (datacenter, office or other) in the sites table"
                    + " to say so"));
        });
        return issues;
    }

    /** Why a data centre of the period has no PUE: no IT meter, or no main meter. */
    static List<Issue> missingRoles(Map<String, Site> sites, List<Line> periodLines) {
        Map<String, Set<String>> all = meters(periodLines, false);
        Map<String, Set<String>> it = meters(periodLines, true);
        Map<String, Boolean> hasFacility = new TreeMap<>();
        for (Line l : periodLines) {
            if (l.role == Role.MAIN || l.role == Role.ONSITE_RENEWABLE) {
                hasFacility.put(l.site, Boolean.TRUE);
            }
        }
        List<Issue> issues = new ArrayList<>();
        all.forEach((id, meters) -> {
            Site site = sites.get(id);
            if (site == null || !site.isDataCentre()) {
                return;
            }
            if (!it.containsKey(id)) {
                issues.add(noItMeter(id, meters));
            } else if (!hasFacility.containsKey(id)) {
                issues.add(Issue.general(Severity.WARNING, "data centre " + id + " has meters with role it ("
                        + String.join(", ", it.get(id)) + ") but none with role main: PUE cannot be computed"
                        + " (facility energy / IT energy), and IT meters add nothing to the site's energy use and"
                        + " emissions. Give the meters at the facility's intake role main"));
            }
        });
        return issues;
    }

    /**
     * A warning when no meter of the data centre looks like an IT meter (its figures stand; only PUE
     * and its kin are missing); an error when one does, since its energy is then probably counted
     * twice and the site's energy and Scope 2 cannot be trusted: the report is incomplete.
     */
    private static Issue noItMeter(String site, Set<String> meters) {
        List<String> likelyIt = meters.stream().filter(m -> LOOKS_LIKE_IT.matcher(m).find()).toList();
        StringBuilder b = new StringBuilder("data centre ").append(site)
                .append(" has no meter with role it: PUE, WUE and CUE cannot be computed (they divide by IT energy)."
                        + " Readings without a role column (or with a blank role) count as main, so every meter of ")
                .append(site).append(" (").append(String.join(", ", meters))
                .append(") is counted in its facility energy, energy use and Scope 2.");
        if (likelyIt.size() == 1) {
            b.append(" Meter ").append(likelyIt.get(0)).append(" looks like an IT meter by its id; if it is behind"
                    + " a main meter, its energy is counted twice.");
        } else if (likelyIt.size() > 1) {
            b.append(" Meters ").append(String.join(", ", likelyIt)).append(" look like IT meters by their ids;"
                    + " those behind a main meter are counted twice.");
        }
        b.append(" Add a role column to the readings: it for the IT-load meters (UPS or PDU output),"
                + " main for the meters at the facility's intake.");
        return Issue.general(likelyIt.isEmpty() ? Severity.WARNING : Severity.ERROR, b.toString());
    }

    /** Energy meters (fuels and purchased energy) per site, sorted; only IT meters when {@code itOnly}. */
    private static Map<String, Set<String>> meters(List<Line> lines, boolean itOnly) {
        Map<String, Set<String>> out = new TreeMap<>();
        for (Line l : lines) {
            boolean energy = l.carrier.category() == Carrier.Category.FUEL
                    || l.carrier.category() == Carrier.Category.PURCHASED_ENERGY;
            if (energy && (!itOnly || l.role == Role.IT)) {
                out.computeIfAbsent(l.site, s -> new TreeSet<>()).add(l.meter);
            }
        }
        return out;
    }
}
