package org.wattledger.importers;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.wattledger.engine.meter.Periods;
import org.wattledger.engine.model.Issue;
import org.wattledger.engine.model.Reading;
import org.wattledger.engine.model.ReadingStore;
import org.wattledger.engine.model.Severity;
import org.wattledger.engine.model.Site;

/**
 * Readings in their site's local time, once the sites (and so the time zones) of every input are
 * known. A time written with a UTC offset ({@code 2024-03-10T00:00:00+08:00}, {@code Z}) was held
 * in UTC and is turned into the site's local time; without a time zone for the site that is an
 * error asking for a {@code timezone} column. A local time of day that the site's time zone skips
 * (the spring-forward hour of daylight saving time) is an error. Each error rejects its row.
 */
final class ReadingTimes {
    private ReadingTimes() {
    }

    /** Where a time with a UTC offset was written: the column letter and the quoted cell. */
    record Written(String column, String quoted) {
    }

    /** The readings in local time, without the rejected ones; the errors (one per rejected row). */
    record Result(List<Reading> readings, List<Issue> issues, int rejected) {
    }

    /**
     * @param utc the readings held in UTC (by index in {@code readings}), and where their offset was written
     * @param columns per readings table (file + sheet): the letters of its quantity, from and to columns
     */
    static Result toLocal(ReadingStore readings, Map<Integer, Written> utc, List<Site> sites,
            Map<String, String[]> columns) {
        Map<String, Site> byId = new HashMap<>();
        for (Site s : sites) {
            byId.putIfAbsent(s.id(), s);
        }
        Map<String, ZoneId> zones = new HashMap<>();
        Map<Integer, Reading> changed = new HashMap<>();
        boolean[] rejected = new boolean[readings.size()];
        List<Issue> issues = new ArrayList<>();
        java.util.function.Function<String, ZoneId> zoneOfSite = id -> TimeZones.of(byId.get(id)); // one, not one per reading
        int lastGroup = -1;
        ZoneId zone = null;
        for (int i = 0; i < readings.size(); i++) {
            int group = readings.group(i);
            if (group != lastGroup) { // readings of one group share their site
                lastGroup = group;
                zone = zones.computeIfAbsent(readings.get(i).site(), zoneOfSite);
            }
            Written written = utc.isEmpty() ? null : utc.get(i);
            if (written == null && zone == null) {
                continue; // local time already, and no zone to check it against: nothing to do
            }
            Reading r = readings.get(i);
            String problem;
            String column;
            if (written != null) {
                column = written.column();
                problem = zone == null ? noZone(written, r, byId.containsKey(r.site())) : null;
                if (problem == null) {
                    Reading local = r.withTimes(local(r.from(), zone), local(r.to(), zone));
                    if (local.from() != null && !local.from().isBefore(local.to())) {
                        problem = "in the local time of " + zone + " this period ends before it starts ("
                                + Periods.instant(local.from()) + ".." + Periods.instant(local.to())
                                + ", the clocks go back that night); split the row at the change";
                    } else {
                        changed.put(i, local);
                    }
                }
            } else {
                LocalDateTime skipped = skipped(r.to(), zone);
                int which = 2; // the to column
                if (skipped == null) {
                    skipped = skipped(r.from(), zone);
                    which = 1; // the from column
                }
                problem = skipped == null ? null : notInZone(skipped, zone);
                // looked up for an error only: the look-up builds a key string, once per reading otherwise
                column = problem == null ? null : letter(columns, r, which);
            }
            if (problem != null) {
                rejected[i] = true;
                issues.add(new Issue(Severity.ERROR, r.source().file(),
                        r.source().sheet(), r.source().row(), column, problem));
            }
        }
        if (issues.isEmpty() && changed.isEmpty()) {
            return new Result(readings, issues, 0); // nothing changed: the readings as they are, not copied
        }
        ReadingStore out = new ReadingStore();
        for (int i = 0; i < readings.size(); i++) {
            Reading local = changed.get(i);
            if (local != null) {
                out.add(local);
            } else if (!rejected[i]) {
                out.addFrom(readings, i);
            }
        }
        return new Result(out, issues, issues.size());
    }

    private static String noZone(Written written, Reading r, boolean siteListed) {
        String why = siteListed ? "site " + r.site() + " has no timezone and its region has no default time zone"
                : "site " + r.site() + " is not in the sites table, so it has no time zone";
        return written.quoted() + " gives a UTC offset, but " + why + " to turn it into local time: add a timezone"
                + " column to the sites table (an IANA id such as Asia/Shanghai or Europe/London)";
    }

    private static String notInZone(LocalDateTime t, ZoneId zone) {
        ZoneOffsetTransition change = zone.getRules().getTransition(t);
        return Periods.instant(t) + " does not exist in time zone " + zone + ": the clocks go forward from "
                + change.getDateTimeBefore().toLocalTime() + " to " + change.getDateTimeAfter().toLocalTime()
                + " that day (write the time with its UTC offset, such as " + Periods.instant(t).replace(' ', 'T')
                + change.getOffsetBefore() + ", or the local time after the change)";
    }

    private static LocalDateTime local(LocalDateTime utc, ZoneId zone) {
        return utc == null ? null : utc.atOffset(ZoneOffset.UTC).atZoneSameInstant(zone).toLocalDateTime();
    }

    /** {@code t} when it is a time of day the zone skips (a date alone, midnight, is never checked). */
    private static LocalDateTime skipped(LocalDateTime t, ZoneId zone) {
        if (t == null || t.toLocalTime().equals(LocalTime.MIDNIGHT)) {
            return null;
        }
        ZoneOffsetTransition change = zone.getRules().getTransition(t);
        return change != null && change.isGap() ? t : null;
    }

    private static String letter(Map<String, String[]> columns, Reading r, int which) {
        String[] letters = columns.get(FileContext.tableKey(r.source().file(), r.source().sheet()));
        return r.source().column() != null ? r.source().column() : letters == null ? null : letters[which];
    }
}
