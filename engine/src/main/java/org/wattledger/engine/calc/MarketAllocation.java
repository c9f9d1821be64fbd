package org.wattledger.engine.calc;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.wattledger.engine.factor.Regions;
import org.wattledger.engine.model.Carrier;
import org.wattledger.engine.model.Instrument;
import org.wattledger.engine.model.Issue;
import org.wattledger.engine.model.Role;
import org.wattledger.engine.model.Severity;
import org.wattledger.engine.model.Site;
import org.wattledger.engine.units.Exact;

/**
 * Market-based Scope 2 (GHG Protocol Scope 2 Guidance, 2015, ch. 6-7). Instruments that meet the
 * quality criteria — retired (claimed once), same market as the consumption, vintage in the same
 * calendar year — cover purchased electricity up to the consumption: certificates and contracts
 * before supplier-specific factors, site-specific instruments before organisation-wide ones.
 * Each instrument is spread over the electricity lines (meter × month) it is eligible for either
 * pro rata (the default: every line takes the quantity × its share of the eligible consumption
 * still uncovered, so no month looks greener than another) or chronologically (sites in id order,
 * months in time order). What they do not cover takes the residual mix, or the grid average where
 * none exists. An excess is reported and never carried over. An instrument without a vintage is
 * not applied: it cannot be matched to the consumption period.
 */
final class MarketAllocation {
    /** Decimal places of MWh a pro-rata share is rounded down to: 10^-9 MWh is one milliwatt-hour. */
    static final int SHARE_DECIMALS = 9;
    private static final BigDecimal MJ_PER_MWH = new BigDecimal(3600);
    private static final BigDecimal KG_PER_T = new BigDecimal(1000);

    private record Cover(Instrument instrument, BigDecimal mj) {
    }

    private final Calculation.Runner runner;
    private final CalcOptions.InstrumentAllocation rule;
    private final List<Line> electricity;
    private final java.util.Map<Line, List<Cover>> covers = new java.util.LinkedHashMap<>();

    MarketAllocation(Calculation.Runner runner, CalcOptions.InstrumentAllocation rule, List<Line> lines) {
        this.runner = runner;
        this.rule = rule;
        this.electricity = lines.stream()
                .filter(l -> l.carrier == Carrier.ELECTRICITY && l.role == Role.MAIN && l.energyMj != null)
                .sorted(Comparator.comparing(Line::site).thenComparing(Line::from).thenComparing(Line::meter))
                .toList();
    }

    void allocate(List<Instrument> instruments) {
        if (electricity.isEmpty()) {
            return;
        }
        if (instruments.isEmpty()) {
            // "Accepted", not "given": an instrument row with an error never reaches the engine.
            runner.issue(0, Issue.general(Severity.INFO, "no contractual instrument was accepted from the inputs:"
                    + " market-based Scope 2 uses the residual mix, or the grid average where no residual mix exists"));
            return;
        }
        runner.issue(0, Issue.general(Severity.INFO, "market-based Scope 2: instruments are allocated "
                + (rule == CalcOptions.InstrumentAllocation.PRO_RATA
                        ? "pro rata (each month of each meter takes the instrument's quantity × its share of the"
                                + " eligible consumption, rounded down to 10^-9 MWh; the line with the most uncovered consumption takes the remainder)"
                        : "chronologically (sites in id order, months in time order, until the quantity is spent)")
                + "; --market-allocation " + rule.id()));
        List<Instrument> ordered = new ArrayList<>(instruments);
        ordered.sort(Comparator.comparing((Instrument i) -> !i.type().isCertificateOrContract())
                .thenComparing(i -> i.site() == null)
                .thenComparing(Instrument::id));
        for (Instrument instrument : ordered) {
            allocate(instrument);
        }
        covers.forEach(this::price);
    }

    private void allocate(Instrument in) {
        if (!in.retired()) {
            runner.issue(0, Issue.at(Severity.WARNING, in.source(), "instrument " + in.id()
                    + " is not retired: it is not applied (a certificate must be claimed once, by or for the reporter)"));
            return;
        }
        if (in.vintage() == null) {
            runner.issue(0, Issue.at(Severity.WARNING, in.source(), "instrument " + in.id() + " has no generation"
                    + " dates (generation_from, generation_to): its vintage cannot be matched to the consumption year,"
                    + " so it is not applied (GHG Protocol Scope 2 Quality Criteria: vintage close to the consumption)"));
            return;
        }
        int fromYear = in.vintage().from().getYear();
        int toYear = in.vintage().lastDay().getYear();
        if (toYear != fromYear) {
            // One quantity cannot be split by generation date: it may cover either year, which the user must know.
            runner.issue(0, Issue.at(Severity.WARNING, in.source(), "instrument " + in.id() + ": its vintage spans "
                    + fromYear + (toYear == fromYear + 1 ? " and " : " to ") + toYear + ", so it may cover the electricity"
                    + " of either year; give one row per year of generation to keep each year's certificates to that year"));
        }
        List<Line> eligible = new ArrayList<>();
        BigDecimal available = BigDecimal.ZERO;
        for (Line line : electricity) {
            Site site = runner.catalogSite(line);
            BigDecimal uncovered = line.energyMj.subtract(line.coveredMj);
            if ((in.site() == null || in.site().equals(line.site)) && Regions.within(site.region(), in.market())
                    && line.year() >= fromYear && line.year() <= toYear && uncovered.signum() > 0) {
                eligible.add(line);
                available = available.add(uncovered);
            }
        }
        BigDecimal quantity = in.quantityMwh().multiply(MJ_PER_MWH);
        BigDecimal applied = quantity.min(available);
        if (rule == CalcOptions.InstrumentAllocation.PRO_RATA) {
            proRata(in, eligible, available, applied);
        } else {
            chronological(in, eligible, applied);
        }
        BigDecimal excess = quantity.subtract(applied);
        if (excess.signum() > 0) {
            runner.issue(0, Issue.at(Severity.WARNING, in.source(), "instrument " + in.id() + ": "
                    + Exact.divide(excess, MJ_PER_MWH).toPlainString() + " of " + in.quantityMwh().toPlainString()
                    + " MWh exceed the electricity it can cover (market " + in.market() + ", vintage " + fromYear
                    + (toYear != fromYear ? "-" + toYear : "") + (in.site() == null ? "" : ", site " + in.site())
                    + "); the excess is not used and not carried over"));
        }
    }

    /**
     * Line i takes applied × uncovered_i / available, in MWh rounded down to
     * {@link #SHARE_DECIMALS} places; the line with the most uncovered consumption (the first
     * such) takes what is left of {@code applied}. So the shares add up to it exactly, and every
     * share is a terminating decimal of MWh: the figures priced from it stay exact decimals, with no
     * residue of a rounded division in any total.
     */
    private void proRata(Instrument in, List<Line> eligible, BigDecimal available, BigDecimal applied) {
        if (applied.compareTo(available) == 0) {
            eligible.forEach(line -> cover(line, in, line.energyMj.subtract(line.coveredMj)));
            return;
        }
        Line largest = null;
        for (Line line : eligible) {
            if (largest == null || uncovered(line).compareTo(uncovered(largest)) > 0) {
                largest = line;
            }
        }
        BigDecimal left = applied;
        for (Line line : eligible) {
            if (line == largest) {
                continue;
            }
            BigDecimal mwh = Exact.divide(uncovered(line).multiply(applied), available.multiply(MJ_PER_MWH))
                    .setScale(SHARE_DECIMALS, RoundingMode.DOWN);
            BigDecimal take = mwh.multiply(MJ_PER_MWH);
            cover(line, in, take);
            left = left.subtract(take);
        }
        // What is left is at most the line's exact share plus 10^-9 MWh per other line; where that is
        // more than the largest line has uncovered (an instrument within a hair of the consumption), the
        // rest goes to the next lines' room, so nothing is lost and no line is covered twice over.
        List<Line> byRoom = new ArrayList<>(eligible);
        byRoom.remove(largest);
        byRoom.add(0, largest);
        for (Line line : byRoom) {
            if (left.signum() == 0) {
                break;
            }
            BigDecimal take = left.min(uncovered(line));
            cover(line, in, take);
            left = left.subtract(take);
        }
    }

    private static BigDecimal uncovered(Line line) {
        return line.energyMj.subtract(line.coveredMj);
    }

    private void chronological(Instrument in, List<Line> eligible, BigDecimal applied) {
        BigDecimal left = applied;
        for (Line line : eligible) {
            if (left.signum() <= 0) {
                break;
            }
            BigDecimal take = line.energyMj.subtract(line.coveredMj).min(left);
            cover(line, in, take);
            left = left.subtract(take);
        }
    }

    private void cover(Line line, Instrument in, BigDecimal mj) {
        if (mj.signum() <= 0) {
            return;
        }
        line.coveredMj = line.coveredMj.add(mj);
        covers.computeIfAbsent(line, l -> new ArrayList<>()).add(new Cover(in, mj));
    }

    private void price(Line line, List<Cover> lineCovers) {
        Site site = runner.catalogSite(line);
        BigDecimal uncovered = line.energyMj.subtract(line.coveredMj);
        Optional<BigDecimal> rest = uncovered.signum() == 0 ? Optional.of(BigDecimal.ZERO)
                : runner.marketFallback(line, site, uncovered);
        if (rest.isEmpty()) {
            return;
        }
        BigDecimal kg = rest.get();
        BigDecimal renewable = BigDecimal.ZERO;
        for (Cover c : lineCovers) {
            BigDecimal factor = c.instrument().factorTPerMwh();
            BigDecimal coverKg = Exact.divide(c.mj().multiply(factor).multiply(KG_PER_T), MJ_PER_MWH);
            kg = kg.add(coverKg);
            if (factor.signum() == 0) {
                renewable = renewable.add(c.mj());
            }
            line.lineage.formula(Metric.SCOPE2_MARKET, "instrument " + c.instrument().id() + " ("
                    + c.instrument().type().id() + ") covers " + Exact.divide(c.mj(), MJ_PER_MWH).toPlainString()
                    + " MWh at " + factor.toPlainString() + " t/MWh");
        }
        line.replace(Metric.SCOPE2_MARKET, kg);
        if (renewable.signum() > 0) {
            line.put(Metric.CERTIFIED_RENEWABLE, renewable);
        }
    }
}
