import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The Spark benchmark's data and its DuckDB comparison (docs/benchmarks.md, "Issue 17: Spark"),
 * run as a single-file program with DuckDB's JDBC jar on the class path:
 *
 * <pre>
 * java -cp duckdb_jdbc.jar tools/bench/SparkFleet.java generate METERS DIR csv  # DIR/readings.parquet, DIR/csv/
 * java -cp duckdb_jdbc.jar tools/bench/SparkFleet.java sum FILE.parquet      # exact DECIMAL sums, timed
 * </pre>
 *
 * generate: METERS hourly electricity meters over 2024 (8,784 hours each; 1,139 meters = 10,004,976
 * readings), four sites S0..S3 (region CN-NORTH), quantities DECIMAL(18,3) from 10.000 to 109.999,
 * in time order; the period columns as text ("2024-01-01 00:00"), as the importers read them.
 * With a fourth argument "csv" the same rows also go to DIR/csv/ with a copy of sites.csv, the folder
 * the single-machine command reads: readings.csv, or readings-1.csv, readings-2.csv ... split by meter
 * (each meter whole in one file) when the rows are more than 45 million, because the command line
 * reads a CSV file of at most 50 million lines (docs/benchmarks.md). sum: the grouping of the
 * engine's lines (site, meter, carrier, unit, month) with exact sums, then the per-carrier totals.
 */
public final class SparkFleet {
    /** Readings per CSV file: below the command line's 50 million lines a file, with room to spare. */
    private static final long MAX_ROWS_PER_CSV = 45_000_000;

    public static void main(String[] args) throws SQLException {
        long t0 = System.nanoTime();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            if (args[0].equals("generate")) {
                int meters = Integer.parseInt(args[1]);
                String dir = args[2].replace("'", "''");
                String rows = "SELECT 'S' || (m % 4) AS site, 'M' || m AS meter, 'electricity' AS carrier,"
                        + " strftime(TIMESTAMP '2024-01-01' + to_hours(h), '%Y-%m-%d %H:%M') AS \"from\","
                        + " strftime(TIMESTAMP '2024-01-01' + to_hours(h + 1), '%Y-%m-%d %H:%M') AS \"to\","
                        + " CAST(10 + ((m * 7919 + h * 104729) % 100000) / 1000 AS DECIMAL(18,3)) AS quantity,"
                        + " 'kWh' AS unit FROM range(0, 8784) t(h), range(1, " + (meters + 1) + ") u(m) ORDER BY h, m";
                s.execute("COPY (" + rows + ") TO '" + dir + "/readings.parquet' (FORMAT parquet, ROW_GROUP_SIZE 1000000)");
                String sites = "COPY (SELECT * FROM (VALUES ('S0', 'CN-NORTH'), ('S1', 'CN-NORTH'), ('S2', 'CN-NORTH'),"
                        + " ('S3', 'CN-NORTH')) v(site, region)) TO '";
                s.execute(sites + dir + "/sites.csv' (HEADER)");
                if (args.length > 3 && args[3].equals("csv")) {
                    new java.io.File(args[2], "csv").mkdirs();
                    s.execute(sites + dir + "/csv/sites.csv' (HEADER)");
                    long readings = 8784L * meters;
                    int files = (int) ((readings + MAX_ROWS_PER_CSV - 1) / MAX_ROWS_PER_CSV);
                    for (int f = 1; f <= files; f++) {
                        // meters are M1..M<meters>; file f takes the f-th contiguous block of them
                        long first = (long) meters * (f - 1) / files + 1, last = (long) meters * f / files;
                        String name = files == 1 ? "readings.csv" : "readings-" + f + ".csv";
                        s.execute("COPY (SELECT * FROM '" + dir + "/readings.parquet' WHERE CAST(substr(meter, 2) AS BIGINT)"
                                + " BETWEEN " + first + " AND " + last + ") TO '" + dir + "/csv/" + name + "' (HEADER)");
                    }
                }
            } else {
                String file = args[1].replace("'", "''");
                s.execute("CREATE TEMP TABLE lines AS SELECT site, meter, carrier, unit, left(\"from\", 7) AS month,"
                        + " sum(quantity) AS quantity, count(*) AS readings FROM '" + file + "' GROUP BY ALL");
                try (ResultSet r = s.executeQuery("SELECT carrier, unit, sum(quantity), sum(readings), count(*)"
                        + " FROM lines GROUP BY ALL ORDER BY ALL")) {
                    while (r.next()) {
                        System.out.printf("%s %s: %s over %d readings, %d lines%n", r.getString(1), r.getString(2),
                                r.getBigDecimal(3).toPlainString(), r.getLong(4), r.getLong(5));
                    }
                }
            }
        }
        System.out.printf("%.3f s in the JVM%n", (System.nanoTime() - t0) / 1e9);
    }
}
