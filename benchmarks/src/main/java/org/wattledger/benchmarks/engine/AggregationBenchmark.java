package org.wattledger.benchmarks.engine;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.wattledger.engine.calc.CalcOptions;
import org.wattledger.engine.calc.Calculation;
import org.wattledger.engine.calc.Metric;
import org.wattledger.engine.factor.Factor;
import org.wattledger.engine.factor.FactorKind;
import org.wattledger.engine.factor.LayeredCatalog;
import org.wattledger.engine.model.Carrier;
import org.wattledger.engine.model.Inventory;
import org.wattledger.engine.model.Reading;
import org.wattledger.engine.model.ReadingStore;
import org.wattledger.engine.model.ReportingPeriod;
import org.wattledger.engine.model.Role;
import org.wattledger.engine.model.Site;
import org.wattledger.engine.model.SiteKind;
import org.wattledger.engine.model.SourceRef;
import org.wattledger.engine.units.CarbonUnit;
import org.wattledger.engine.units.FactorUnit;
import org.wattledger.engine.units.UnitParser;

/**
 * The engine's calculation over ten million hourly readings (1,141 meters × 8,760 hours of
 * 2024, plus a remainder): grouping by meter and month, exact decimal sums, one conversion per
 * group, factors, market allocation. Reported per reading.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar AggregationBenchmark</pre>
 *
 * <p>The readings are held in a {@link ReadingStore}, as an import hands them over (the forks
 * get a 2 GB heap; a list of reading objects needed 12 GB).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g"})
public class AggregationBenchmark {
    static final int READINGS = 10_000_000;

    private Inventory inventory;
    private LayeredCatalog catalog;
    private CalcOptions options;

    @Setup(Level.Trial)
    public void setUp() {
        CarbonUnit kwh = UnitParser.parse("kWh");
        List<Site> sites = List.of(new Site("DC1", "DC1", "CN-NM", SiteKind.DATACENTER, null, null, null),
                new Site("DC2", "DC2", "CN-GZ", SiteKind.DATACENTER, null, null, null));
        ReadingStore readings = new ReadingStore(); // as an import hands them over: columns, about 33 bytes a reading
        LocalDateTime start = LocalDate.of(2024, 1, 1).atStartOfDay();
        int hours = 8784; // 2024 is a leap year
        String[] values = new String[1000];
        for (int i = 0; i < values.length; i++) {
            values[i] = (100 + i % 97) + "." + (i % 10);
        }
        BigDecimal[] quantities = new BigDecimal[values.length];
        for (int i = 0; i < values.length; i++) {
            quantities[i] = new BigDecimal(values[i]);
        }
        int meters = READINGS / hours + 1;
        for (int m = 0; m < meters && readings.size() < READINGS; m++) {
            String site = m % 2 == 0 ? "DC1" : "DC2";
            String meter = "M" + m;
            Role role = m % 4 < 2 ? Role.MAIN : Role.IT;
            for (int h = 0; h < hours && readings.size() < READINGS; h++) {
                LocalDateTime from = start.plusHours(h);
                readings.add(new Reading(site, meter, Carrier.ELECTRICITY, null, null, role, from, from.plusHours(1),
                        quantities[(m + h) % quantities.length], kwh, null, null, null, null, null, null,
                        new SourceRef("hourly.csv", null, readings.size() + 2, null)));
            }
        }
        inventory = new Inventory(sites, readings, List.of(), List.of(), List.of(), List.of(),
                new Inventory.RowTally(readings.size(), readings.size(), 0), List.of());
        catalog = new LayeredCatalog(List.of(new LayeredCatalog.Layer("bench", List.of(
                new Factor("grid", Carrier.ELECTRICITY, FactorKind.EMISSION, "CO2", new BigDecimal("0.5366"),
                        FactorUnit.parse("t/MWh"), "CN", LocalDate.of(2022, 1, 1), null, "bench", "1", "", "", null,
                        "bench", null),
                new Factor("gbt", Carrier.ELECTRICITY, FactorKind.TCE, null, new BigDecimal("0.1229"),
                        FactorUnit.parse("kgce/kWh"), "*", LocalDate.of(2000, 1, 1), null, "bench", "1", "", "", null,
                        "bench", null)))));
        options = CalcOptions.of(ReportingPeriod.year(2024));
    }

    /** The floor: only an exact BigDecimal sum over the same readings' quantities, read from the columns. */
    @Benchmark
    @OperationsPerInvocation(READINGS)
    public BigDecimal bigDecimalSumOnly() {
        ReadingStore store = (ReadingStore) inventory.readings();
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < store.size(); i++) {
            sum = sum.add(store.quantity(i));
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(READINGS)
    public BigDecimal calculateTenMillionReadings() {
        return Calculation.run(inventory, s -> catalog, options).results(options.period()).totals()
                .get(Metric.SCOPE2_LOCATION).orElseThrow();
    }
}
