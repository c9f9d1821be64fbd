package org.wattledger.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.wattledger.engine.calc.CalcOptions;
import org.wattledger.engine.meter.InputStage;
import org.wattledger.engine.model.ReportingPeriod;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The options shared by {@code demo}, {@code report}, {@code validate} and {@code factors diff --input}. */
final class CalculationOptions {
    @Option(names = "--factors", paramLabel = "SET[@VERSION]",
            description = "Factor sets: none, SET or SET@VERSION (comma-separated). Default: each site's country picks its bundled set, latest release.")
    String factors;

    @Option(names = "--factor-sheet", paramLabel = "FILE",
            description = "A factor sheet (.csv, .xlsx) that overrides or extends the sets; may be repeated.")
    List<Path> factorSheets = new ArrayList<>();

    @Option(names = "--factor-releases", paramLabel = "DIR",
            description = "A folder of further factor-set releases (your organisation's own, or newer ones) beside the bundled sets; may be repeated.")
    List<Path> factorReleases = new ArrayList<>();

    @Option(names = "--period", paramLabel = "YYYY|YYYY-MM|FROM..TO",
            description = "Reporting period: a calendar year (2024), a month (2024-03), or FROM..TO with months or days"
                    + " (2024-01..2024-06, 2024-01-01..2024-06-30; both ends included). Default: the latest year with data.")
    String period;

    @Option(names = "--energy-basis", paramLabel = "calorific|gbt2589", defaultValue = "calorific",
            description = "calorific (physical energy content, default) or gbt2589 (standard coal restated through 0.1229 kgce/kWh).")
    String energyBasis;

    @Option(names = "--gwp", paramLabel = "AR4|AR5|AR6", defaultValue = CalcOptions.DEFAULT_GWP,
            description = "GWP100 set for CO2e (default ${DEFAULT-VALUE}).")
    String gwp;

    @Option(names = "--grid-basis", paramLabel = "BASIS", defaultValue = "",
            description = "Grid factor variant: blank for the set's default; ets_reporting for China's MEE enterprise-reporting factor.")
    String gridBasis;

    @Option(names = "--market-allocation", paramLabel = "pro-rata|chronological", defaultValue = "pro-rata",
            description = "How a contractual instrument spreads over the months it covers: pro-rata (each month its share, default) or chronological (earliest months first).")
    String marketAllocation;

    @Option(names = "--years-from", paramLabel = "YYYY",
            description = "First calendar year of the years table and its decomposition (default: the period's first year; a period of one year then has none).")
    Integer yearsFrom;

    @Option(names = "--activity", paramLabel = "NAME",
            description = "The activity of the LMDI decomposition: a denominator name (headcount, revenue, floor_area …) or it_energy."
                    + " Default: the first of headcount, revenue, floor_area, it_energy that every compared year has, else energy.")
    String activity;

    @Option(names = "--recalculation-threshold", paramLabel = "PCT",
            description = "Restate the base year when the changes table's cumulative change reaches PCT %% of its emissions (default 5).")
    java.math.BigDecimal recalculationThreshold;

    /** The year-on-year analysis these options ask for. */
    CalcOptions.Analysis analysis() {
        if (recalculationThreshold != null && (recalculationThreshold.signum() < 0
                || recalculationThreshold.compareTo(java.math.BigDecimal.valueOf(100)) > 0)) {
            throw new UsageException("--recalculation-threshold is a percentage from 0 to 100, not "
                    + recalculationThreshold.toPlainString());
        }
        return new CalcOptions.Analysis(yearsFrom, activity == null ? null : activity.strip().toLowerCase(java.util.Locale.ROOT),
                recalculationThreshold == null ? null : recalculationThreshold.movePointLeft(2));
    }

    @Option(names = "--fill-gaps", description = "Estimate gaps between a meter's readings (marked estimated).")
    boolean fillGaps;

    /** What the engine's input stage does with gaps between a meter's readings. */
    InputStage.Gaps gaps() {
        return fillGaps ? InputStage.Gaps.ESTIMATE : InputStage.Gaps.REPORT;
    }

    /** The command these options belong to: its parsed options are what a report's reproduce command repeats. */
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /** Options that choose where and how a report is written, not its figures. */
    private static final Set<String> OUTPUT_ONLY = Set.of("--format", "--out", "--bundle", "--lang");

    /**
     * Options that choose where the rows come from, as the inputs do: a report names its input files
     * with their SHA-256 instead (so a ledger's report is the report of the same files), and a
     * ledger URL may hold a password.
     */
    private static final Set<String> ROW_SOURCE = Set.of("--ledger", "--as-of");

    /**
     * The options that reproduce a run's figures, as words after the inputs: every option the
     * command parsed, with its value (defaults included, so a later default cannot change the
     * figures), except the output-only ones. The factor sets and the period are given as
     * resolved, so the rerun is pinned. A file or folder is named without its path, as the
     * report names its inputs. Any option added to the command appears here without more code.
     *
     * @param resolvedFactors the {@code --factors} value that pins the sets used; null to leave it out
     */
    List<String> reproducing(String resolvedFactors, ReportingPeriod resolvedPeriod) {
        List<String> words = new ArrayList<>();
        for (OptionSpec option : command.options()) {
            String name = option.longestName();
            if (option.usageHelp() || option.versionHelp() || OUTPUT_ONLY.contains(name) || ROW_SOURCE.contains(name)) {
                continue;
            }
            Object value = switch (name) {
                case "--factors" -> resolvedFactors;
                case "--period" -> resolvedPeriod.isCalendarYear() ? Integer.toString(resolvedPeriod.from().getYear())
                        : resolvedPeriod.toString();
                default -> option.getValue();
            };
            List<?> values = value instanceof List<?> list ? list : java.util.Collections.singletonList(value);
            for (Object v : values) {
                if (v instanceof Boolean b) {
                    if (b) {
                        words.add(name);
                    }
                } else if (v != null && !v.toString().isEmpty()) {
                    words.add(name);
                    Path file = v instanceof Path p && p.getFileName() != null ? p.getFileName() : null;
                    words.add(file != null ? file.toString() : v.toString());
                }
            }
        }
        return words;
    }

    /**
     * Set by {@code verify}: the releases an audit bundle holds, used instead of this jar's and any
     * --factor-releases folders, so a bundle re-runs with exactly the factors it was made with.
     */
    org.wattledger.factors.FactorLibrary bundleReleases;

    /** The bundled sets plus any --factor-releases folders (or, for verify, the bundle's releases). */
    org.wattledger.factors.FactorLibrary factorLibrary() {
        return bundleReleases != null ? bundleReleases : Libraries.load(factorReleases);
    }

    CalcOptions.EnergyBasis basis() {
        return CalcOptions.EnergyBasis.parse(energyBasis)
                .orElseThrow(() -> new UsageException("--energy-basis is calorific or gbt2589, not '" + energyBasis + "'"));
    }

    CalcOptions.InstrumentAllocation instrumentAllocation() {
        return CalcOptions.InstrumentAllocation.parse(marketAllocation).orElseThrow(() -> new UsageException(
                "--market-allocation is pro-rata or chronological, not '" + marketAllocation + "'"));
    }

    CalcOptions.GwpSet gwpSet() {
        return CalcOptions.GwpSet.parse(gwp)
                .orElseThrow(() -> new UsageException("--gwp is AR4, AR5 or AR6, not '" + gwp + "'"));
    }

    CalcOptions.GridBasis gridBasis() {
        return CalcOptions.GridBasis.parse(gridBasis);
    }
}
