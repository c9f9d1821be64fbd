package org.wattledger.engine.meter;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wattledger.engine.model.Issue;
import org.wattledger.engine.model.Reading;
import org.wattledger.engine.model.ReadingStore;
import org.wattledger.engine.model.RegisterEvent;
import org.wattledger.engine.model.Severity;

/**
 * Turns cumulative register readings into consumption (see docs/formats/workbook.md, "Registers").
 *
 * <p>The readings of one meter ({@link MeterKey}) are taken in order of the time they were read
 * ({@code to}). The consumption over [previous.to, reading.to) is
 * {@code (reading − previous) × multiplier}. A reading below the previous one is:
 * <ul>
 *   <li>a <b>rollover</b> when the register's number of digits n is given: the register wrapped at
 *       10^n, so the consumption is {@code (10^n − previous + reading) × multiplier} — provided that
 *       is less than half the register's range (10^n / 2 before the multiplier); a larger "rollover"
 *       is an error, since a register does not run through half its range between two readings;</li>
 *   <li>a <b>replacement</b> when the previous reading is a closing reading ({@code event=close})
 *       and this one an opening reading ({@code event=open}) of the new meter: no consumption is
 *       derived across the exchange, the opening reading is the new meter's baseline;</li>
 *   <li>otherwise an <b>error</b> on that row, never a guess.</li>
 * </ul>
 * Two readings of one meter at the same instant are duplicates (an error on the later row). A
 * rejected reading is skipped: the next reading is taken against the last accepted one. The first
 * reading of a meter is its baseline and yields no consumption of its own (it is still an accepted
 * row). Methods: GHG Protocol Corporate Standard ch. 6 (activity data); see also docs/methodology.md,
 * "Meter readings".
 */
public final class Registers {
    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    /**
     * How the note of a consumption derived from two register readings begins; the rest names
     * both readings, the multiplier and the result ("register difference: 1280570.82 − 1204316.25
     * (row 74) = 76254.57, × multiplier 80 = 6100365.6 kWh"), and the lineage shows it.
     */
    public static final String DIFFERENCE = "register difference: ";

    private Registers() {
    }

    /**
     * The outcome: consumption readings in input order (consumption rows as given, each accepted
     * register reading after the first of its meter replaced by the consumption it closes), the
     * issues found, and the register readings rejected (each has an error issue).
     */
    public record Result(List<Reading> readings, List<Issue> issues, List<Reading> rejected) {
        public Result {
            readings = ReadingStore.copyOf(readings);
            issues = List.copyOf(issues);
            rejected = List.copyOf(rejected);
        }
    }

    private static int eventRank(RegisterEvent e) {
        return switch (e) {
            case READ -> 0;
            case CLOSE -> 1;
            case OPEN -> 2;
        };
    }

    /** Converts the register readings among {@code readings}; consumption readings pass through untouched. */
    public static Result toConsumption(List<Reading> given) {
        ReadingStore readings = ReadingStore.of(given);
        if (!readings.anyRegister()) {
            return new Result(readings, List.of(), List.of()); // the usual case: checked per descriptor, not per row
        }
        Map<MeterKey, List<Integer>> byMeter = new LinkedHashMap<>();
        for (int i = 0; i < readings.size(); i++) {
            if (readings.isRegister(i)) {
                byMeter.computeIfAbsent(MeterKey.of(readings.get(i)), k -> new ArrayList<>()).add(i);
            }
        }
        Reading[] derived = new Reading[readings.size()];
        boolean[] rejectedFlag = new boolean[readings.size()];
        List<Issue> issues = new ArrayList<>();
        for (Map.Entry<MeterKey, List<Integer>> e : byMeter.entrySet()) {
            List<Integer> idx = e.getValue();
            idx.sort(Comparator.<Integer, java.time.LocalDateTime>comparing(i -> readings.get(i).to())
                    .thenComparingInt(i -> eventRank(readings.get(i).event()))
                    .thenComparingInt(i -> i));
            series(e.getKey(), idx, readings, derived, rejectedFlag, issues);
        }
        ReadingStore out = new ReadingStore();
        List<Reading> rejected = new ArrayList<>();
        for (int i = 0; i < readings.size(); i++) {
            if (!readings.isRegister(i)) {
                out.addFrom(readings, i);
            } else if (rejectedFlag[i]) {
                rejected.add(readings.get(i));
            } else if (derived[i] != null) {
                out.add(derived[i]);
            }
        }
        issues.sort(Issue.ORDER);
        return new Result(out, issues, rejected);
    }

    private static void series(MeterKey meter, List<Integer> idx, List<Reading> readings, Reading[] derived,
            boolean[] rejected, List<Issue> issues) {
        Reading prev = null;
        for (int i : idx) {
            Reading r = readings.get(i);
            if (r.quantity().signum() < 0) {
                reject(i, rejected, issues, r, "register reading " + plain(r.quantity()) + " is negative");
                continue;
            }
            if (prev == null) {
                prev = r;
                continue;
            }
            String prevRow = Periods.otherRow(prev.source(), r.source());
            boolean exchange = prev.event() == RegisterEvent.CLOSE && r.event() == RegisterEvent.OPEN;
            if (exchange) {
                issues.add(Issue.at(Severity.INFO, r.source(), "meter " + meter + " replaced: closing reading "
                        + plain(prev.quantity()) + " (" + prevRow + "), opening reading " + plain(r.quantity())));
                prev = r;
                continue;
            }
            if (r.to().equals(prev.to())) {
                reject(i, rejected, issues, r, "duplicate register reading: " + prevRow + " already reads meter "
                        + meter + " at " + Periods.instant(r.to()));
                continue;
            }
            if (r.event() == RegisterEvent.OPEN) {
                reject(i, rejected, issues, r, "an opening reading (event open) must follow a closing reading"
                        + " (event close) of the same meter; the previous reading, " + prevRow + ", is not one");
                continue;
            }
            if (prev.event() == RegisterEvent.CLOSE) {
                reject(i, rejected, issues, r, "the meter was closed at " + prevRow
                        + "; the next reading must be the opening reading (event open) of the new meter");
                continue;
            }
            if (!r.unit().sameMagnitude(prev.unit())) {
                reject(i, rejected, issues, r, "unit " + r.unit().symbol() + " differs from " + prev.unit().symbol()
                        + " of the previous reading (" + prevRow + ") of this meter");
                continue;
            }
            if (r.multiplier().compareTo(prev.multiplier()) != 0) {
                reject(i, rejected, issues, r, "multiplier " + plain(r.multiplier()) + " differs from "
                        + plain(prev.multiplier()) + " of the previous reading (" + prevRow
                        + "); a new multiplier comes with a meter replacement (event close, then open)");
                continue;
            }
            BigDecimal difference = r.quantity().subtract(prev.quantity());
            if (difference.signum() < 0) {
                Integer digits = r.registerDigits() != null ? r.registerDigits() : prev.registerDigits();
                if (digits == null) {
                    reject(i, rejected, issues, r, "register reading " + plain(r.quantity())
                            + " is below the previous reading " + plain(prev.quantity()) + " (" + prevRow
                            + "); give register_digits for a rollover, or mark a meter replacement with event close"
                            + " and open");
                    continue;
                }
                BigDecimal wrap = BigDecimal.TEN.pow(digits);
                if (prev.quantity().compareTo(wrap) >= 0 || r.quantity().compareTo(wrap) >= 0) {
                    reject(i, rejected, issues, r, "register reading " + plain(r.quantity())
                            + " is below the previous reading " + plain(prev.quantity()) + " (" + prevRow
                            + "), and a register of " + digits + " digits cannot show " + plain(
                                    prev.quantity().max(r.quantity())));
                    continue;
                }
                difference = wrap.subtract(prev.quantity()).add(r.quantity());
                if (difference.multiply(TWO).compareTo(wrap) >= 0) {
                    // A register that wrapped would have run through half its range or more since the last
                    // reading: far likelier a misread or an unmarked meter exchange than real use.
                    reject(i, rejected, issues, r, "register reading " + plain(r.quantity())
                            + " is below the previous reading " + plain(prev.quantity()) + " (" + prevRow
                            + "); as a rollover of a " + digits + "-digit register it would mean "
                            + plain(difference) + " " + r.unit().symbol() + ", half the register's range or more,"
                            + " so it is not taken as one: check the reading, or mark a meter replacement with"
                            + " event close and open");
                    continue;
                }
                issues.add(Issue.at(Severity.INFO, r.source(), "register of " + digits + " digits rolled over: "
                        + plain(prev.quantity()) + " (" + prevRow + ") to " + plain(r.quantity()) + ", consumption "
                        + plain(difference.multiply(r.multiplier())) + " " + r.unit().symbol()));
            }
            BigDecimal consumption = difference.multiply(r.multiplier());
            derived[i] = r.withPeriod(prev.to(), r.to(), consumption).withNote(DIFFERENCE + plain(r.quantity())
                    + " − " + plain(prev.quantity()) + " (" + prevRow + ")"
                    + (r.quantity().compareTo(prev.quantity()) < 0 ? " + 10^" + (r.registerDigits() != null
                            ? r.registerDigits() : prev.registerDigits()) + " (rollover)" : "")
                    + " = " + plain(difference) + ", × multiplier " + plain(r.multiplier()) + " = " + plain(consumption)
                    + " " + r.unit().symbol());
            prev = r;
        }
    }

    private static void reject(int i, boolean[] rejected, List<Issue> issues, Reading r, String message) {
        rejected[i] = true;
        issues.add(Issue.error(r.source(), message));
    }

    /** A number as users write it: no trailing zeros, no exponent ("750", not "750.0"). */
    static String plain(BigDecimal v) {
        return org.wattledger.engine.units.Exact.strip(v).toPlainString();
    }
}
