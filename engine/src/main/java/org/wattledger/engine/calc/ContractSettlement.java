package org.wattledger.engine.calc;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.wattledger.engine.model.DateRange;
import org.wattledger.engine.model.Issue;
import org.wattledger.engine.model.PueContract;
import org.wattledger.engine.model.Severity;
import org.wattledger.engine.units.Exact;

/**
 * Settles PUE contracts over the reporting period. The one rounding rule: for each settlement period
 * (a contract year, counted from the contract's start, or a calendar month, inside the report's period) the actual PUE is the ratio of
 * the period's sums (facility energy / IT energy, exact); the deviation actual − target is counted in
 * whole steps of 0.01, truncated toward zero (a part of a step earns and costs nothing); the amount is
 * steps × amount per 0.01, positive a penalty (PUE above target), negative a bonus; an amount beyond
 * the cap is cut to the cap, separately in each settlement period. Nothing else is rounded.
 */
public final class ContractSettlement {
    /** One step of PUE: 0.01. */
    public static final BigDecimal STEP = new BigDecimal("0.01");

    private ContractSettlement() {
    }

    /**
     * One settlement period.
     *
     * @param period the days settled, half-open
     * @param partial true when the period is cut by the report's period (not a whole year or month of the contract)
     * @param actualPue null when the site has no PUE in the period (then nothing is settled and an issue says why)
     * @param steps deviation / 0.01, truncated toward zero
     * @param uncapped steps × amount per 0.01
     * @param amount the uncapped amount, cut to the cap: + penalty, − bonus
     */
    public record Period(DateRange period, boolean partial, BigDecimal actualPue, BigDecimal deviation,
            BigDecimal steps, BigDecimal uncapped, BigDecimal amount, boolean capped) {
    }

    /**
     * A contract and its settlement.
     *
     * @param actualPue the PUE over all settled days (ratio of sums), null without IT energy
     * @param amount the sum of the periods' amounts
     * @param complete false when a period could not be settled
     */
    public record Settlement(PueContract contract, List<Period> periods, BigDecimal actualPue, BigDecimal deviation,
            BigDecimal amount, boolean complete) {
    }

    public static List<Settlement> settle(Results results) {
        return run(results, new ArrayList<>());
    }

    /** Contracts that cannot be settled as written (not on month boundaries, outside the period, no PUE). */
    public static List<Issue> issues(Results results) {
        List<Issue> issues = new ArrayList<>();
        run(results, issues);
        return issues;
    }

    private static List<Settlement> run(Results results, List<Issue> issues) {
        List<Settlement> out = new ArrayList<>();
        DateRange reportDays = new DateRange(results.period().from(), results.period().to());
        for (PueContract c : results.calculation().inventory().contracts()) {
            if (c.period().from().getDayOfMonth() != 1 || c.period().to().getDayOfMonth() != 1) {
                issues.add(Issue.at(Severity.ERROR, c.source(), "contract of site " + c.site() + " runs " + c.period()
                        + "; a PUE contract is settled over whole months, so it must start on a month's first day and"
                        + " end on a month's last day. It is not settled"));
                continue;
            }
            DateRange window = c.period().intersection(reportDays);
            if (window == null) {
                issues.add(Issue.at(Severity.INFO, c.source(), "contract of site " + c.site() + " (" + c.period()
                        + ") lies outside the report's period; it is not settled"));
                continue;
            }
            List<Line> siteLines = results.lines().stream().filter(l -> l.site.equals(c.site())).toList();
            List<Period> periods = new ArrayList<>();
            BigDecimal total = BigDecimal.ZERO;
            boolean complete = true;
            for (DateRange p : split(c, window)) {
                Period settled = settle(c, p, !c.period().intersection(whole(c, p.from())).equals(p), siteLines);
                if (settled.actualPue() == null) {
                    complete = false;
                    issues.add(Issue.at(Severity.WARNING, c.source(), "contract of site " + c.site() + ": " + p
                            + " is not settled, the site has no PUE then (it needs IT and facility energy)"));
                } else {
                    total = total.add(settled.amount());
                }
                if (settled.partial()) {
                    issues.add(Issue.at(Severity.INFO, c.source(), "contract of site " + c.site() + ": " + p
                            + " is settled over the part of the contract " + (c.basis() == PueContract.Basis.ANNUAL
                            ? "year" : "month") + " inside the report's period only"));
                }
                periods.add(settled);
            }
            Figures all = sum(siteLines, window);
            BigDecimal actual = pue(all);
            out.add(new Settlement(c, periods, actual, actual == null ? null : actual.subtract(c.targetPue()),
                    Exact.strip(total), complete));
        }
        return out;
    }

    /** The contract's window cut into contract years or calendar months. */
    private static List<DateRange> split(PueContract c, DateRange window) {
        List<DateRange> out = new ArrayList<>();
        LocalDate from = window.from();
        while (from.isBefore(window.to())) {
            LocalDate end = whole(c, from).to();
            LocalDate to = end.isAfter(window.to()) ? window.to() : end;
            out.add(new DateRange(from, to));
            from = to;
        }
        return out;
    }

    /** The contract year (twelve months from the contract's start, or its anniversary) or the calendar month that holds {@code day}. */
    private static DateRange whole(PueContract c, LocalDate day) {
        if (c.basis() == PueContract.Basis.MONTHLY) {
            LocalDate start = day.withDayOfMonth(1);
            return new DateRange(start, start.plusMonths(1));
        }
        LocalDate start = c.period().from().plusYears(java.time.temporal.ChronoUnit.YEARS.between(c.period().from(), day));
        return new DateRange(start, start.plusYears(1));
    }

    private static Period settle(PueContract c, DateRange p, boolean partial, List<Line> siteLines) {
        BigDecimal actual = pue(sum(siteLines, p));
        if (actual == null) {
            return new Period(p, partial, null, null, null, null, null, false);
        }
        BigDecimal deviation = actual.subtract(c.targetPue());
        BigDecimal steps = deviation.divide(STEP).setScale(0, RoundingMode.DOWN);
        BigDecimal uncapped = steps.multiply(c.amountPerStep());
        BigDecimal amount = uncapped;
        boolean capped = c.cap() != null && uncapped.abs().compareTo(c.cap()) > 0;
        if (capped) {
            amount = uncapped.signum() < 0 ? c.cap().negate() : c.cap();
        }
        return new Period(p, partial, actual, Exact.strip(deviation), Exact.strip(steps), Exact.strip(uncapped),
                Exact.strip(amount), capped);
    }

    private static Figures sum(List<Line> siteLines, DateRange days) {
        return Results.sum(siteLines.stream()
                .filter(l -> !l.from().isBefore(days.from()) && !l.to().isAfter(days.to())).toList());
    }

    private static BigDecimal pue(Figures f) {
        return DataCentreMetrics.of(f).map(DataCentreMetrics::pue).orElse(null);
    }
}
