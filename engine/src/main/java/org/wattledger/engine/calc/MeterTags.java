package org.wattledger.engine.calc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.wattledger.engine.model.Issue;
import org.wattledger.engine.model.MeasurementPoint;
import org.wattledger.engine.model.MeterTag;
import org.wattledger.engine.model.Severity;

/**
 * Each meter's measurement point and zone, from the tags the readings tables gave. They are
 * meter-level: the rows of one meter that give one must all give the same; rows that leave it blank
 * take the meter's. A meter whose rows disagree gets neither value and an error naming two rows that
 * disagree, so that no category or partial PUE rests on a guess.
 */
final class MeterTags {
    /** A meter's point and zone (each null when not given or in conflict). */
    record Tag(MeasurementPoint point, String zone) {
    }

    private final Map<String, Tag> byMeter = new LinkedHashMap<>();
    private final List<Issue> issues = new ArrayList<>();

    MeterTags(List<MeterTag> tags) {
        Map<String, MeterTag> firstPoint = new LinkedHashMap<>();
        Map<String, MeterTag> firstZone = new LinkedHashMap<>();
        Map<String, Boolean> pointConflict = new LinkedHashMap<>();
        Map<String, Boolean> zoneConflict = new LinkedHashMap<>();
        for (MeterTag t : tags) {
            String key = key(t.site(), t.meter());
            if (t.point() != null) {
                MeterTag first = firstPoint.putIfAbsent(key, t);
                if (first != null && first.point() != t.point() && pointConflict.put(key, true) == null) {
                    issues.add(conflict(first, t, "measurement_point", first.point().id(), t.point().id()));
                }
            }
            if (t.zone() != null) {
                MeterTag first = firstZone.putIfAbsent(key, t);
                if (first != null && !first.zone().equals(t.zone()) && zoneConflict.put(key, true) == null) {
                    issues.add(conflict(first, t, "zone", first.zone(), t.zone()));
                }
            }
        }
        for (MeterTag t : tags) {
            String key = key(t.site(), t.meter());
            MeterTag p = pointConflict.containsKey(key) ? null : firstPoint.get(key);
            MeterTag z = zoneConflict.containsKey(key) ? null : firstZone.get(key);
            byMeter.put(key, new Tag(p == null ? null : p.point(), z == null ? null : z.zone()));
        }
    }

    private static Issue conflict(MeterTag first, MeterTag other, String column, String a, String b) {
        return Issue.at(Severity.ERROR, other.source(), "meter " + other.meter() + " of site " + other.site()
                + " has " + column + " " + a + " in " + first.source() + " but " + b + " in " + other.source()
                + "; a meter has one " + column + ", so neither is used (no PUE category or partial PUE rests on"
                + " it). Write the same " + column + " on every row of the meter");
    }

    private static String key(String site, String meter) {
        return site + "\u0000" + meter;
    }

    /** The meter's point and zone; both null when its rows give none. */
    Tag of(String site, String meter) {
        return Objects.requireNonNullElse(byMeter.get(key(site, meter)), new Tag(null, null));
    }

    /** Errors for meters whose rows disagree. */
    List<Issue> issues() {
        return issues;
    }
}
