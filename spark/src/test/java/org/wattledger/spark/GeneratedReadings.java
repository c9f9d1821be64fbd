package org.wattledger.spark;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * A year (2024) of generated readings for three sites, written as readings.csv and sites.csv in a
 * folder, byte-identical for the same arguments, in time order (every meter's hour, then the next
 * hour) so that each meter's rows are spread over the whole file:
 * <ul>
 *   <li>{@code electricityMeters} electricity meters, hourly, in kWh with three decimals, main or
 *       IT meters of data centres DC1 and DC2 and office OF1;</li>
 *   <li>10 natural gas meters of the data centres, daily, in m3 (Scope 1);</li>
 *   <li>20 water meters read as registers once a day (the differences are the consumption);</li>
 *   <li>a reading of meter E3 across the January/February bound (prorated), a missing hour of meter
 *       E5 (a gap), a duplicate row of meter E7 (rejected), and every 250,000th electricity row's
 *       quantity written as "n/a" (rejected, leaving a gap);</li>
 *   <li>OF1 is in GB, where 2024-03-31 01:00 does not exist (clocks go forward): its meters' rows
 *       that start or end then are rejected by the importers' time-zone rule.</li>
 * </ul>
 */
final class GeneratedReadings {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    static final String[] SITES = {"DC1", "DC2", "OF1"};

    private GeneratedReadings() {
    }

    /** Writes the folder's two files; returns the number of data rows in readings.csv. */
    static long write(Path folder, int electricityMeters) throws IOException {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("sites.csv"), "site,name,region,kind\n"
                + "DC1,Data centre 1,CN-NORTH,datacenter\n"
                + "DC2,Data centre 2,CN-EAST,datacenter\n"
                + "OF1,Office,GB,office\n", StandardCharsets.UTF_8);
        long rows = 0;
        long electricityRow = 0;
        LocalDateTime start = LocalDateTime.of(2024, 1, 1, 0, 0);
        LocalDateTime end = LocalDateTime.of(2025, 1, 1, 0, 0);
        try (BufferedWriter w = Files.newBufferedWriter(folder.resolve("readings.csv"), StandardCharsets.UTF_8)) {
            w.write("site,meter,carrier,role,type,from,to,quantity,unit\n");
            for (LocalDateTime t = start; t.isBefore(end); t = t.plusHours(1)) {
                LocalDateTime next = t.plusHours(1);
                for (int m = 1; m <= electricityMeters; m++) {
                    if (m == 5 && t.equals(LocalDateTime.of(2024, 6, 1, 12, 0))) {
                        continue; // the gap
                    }
                    LocalDateTime to = next;
                    if (m == 3 && t.equals(LocalDateTime.of(2024, 1, 31, 23, 0))) {
                        to = t.plusHours(2); // across the month bound: prorated
                    } else if (m == 3 && t.equals(LocalDateTime.of(2024, 2, 1, 0, 0))) {
                        continue; // covered by the reading before
                    }
                    String site = SITES[m % 3];
                    String role = m % 3 == 2 ? "" : (m % 2 == 0 ? "it" : "main");
                    electricityRow++;
                    String quantity = electricityRow % 250_000 == 0 ? "n/a" : decimal(electricityRow * 7919 + m);
                    line(w, site, "E" + m, "electricity", role, "", time(t), time(to), quantity, "kWh");
                    rows++;
                    if (m == 7 && t.getHour() == 3 && t.getDayOfYear() == 100) {
                        line(w, site, "E" + m, "electricity", role, "", time(t), time(to), quantity, "kWh");
                        rows++; // the duplicate
                    }
                }
                if (t.getHour() == 0) {
                    LocalDateTime day = t.plusDays(1);
                    for (int g = 1; g <= 10; g++) {
                        line(w, SITES[g % 2], "G" + g, "natural_gas", "", "", time(t), time(day),
                                decimal(t.getDayOfYear() * 31L + g), "m3");
                        rows++;
                    }
                    for (int k = 1; k <= 20; k++) {
                        // register value at midnight: a running total, so each day's difference is positive
                        long value = 100_000L * k + (long) t.getDayOfYear() * (50 + k);
                        line(w, SITES[k % 3], "W" + k, "water", "", "register", "", time(t), value + ".5", "m3");
                        rows++;
                    }
                }
            }
            // the registers' last reading closes the year
            for (int k = 1; k <= 20; k++) {
                long value = 100_000L * k + 367L * (50 + k);
                line(w, SITES[k % 3], "W" + k, "water", "", "register", "", time(end), value + ".5", "m3");
                rows++;
            }
        }
        return rows;
    }

    /** A quantity from 10.000 to 109.999 with three decimals, from a seed. */
    private static String decimal(long seed) {
        long v = Math.floorMod(seed * 2654435761L, 100_000L);
        return (10 + v / 1000) + "." + String.format("%03d", v % 1000);
    }

    private static String time(LocalDateTime t) {
        return t.format(TIME);
    }

    private static void line(BufferedWriter w, String... cells) throws IOException {
        w.write(String.join(",", cells));
        w.write('\n');
    }
}
