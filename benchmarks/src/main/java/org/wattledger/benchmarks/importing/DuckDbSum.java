package org.wattledger.benchmarks.importing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The comparison for the CSV benchmark: DuckDB (in memory, through JDBC) reads a readings CSV
 * written by {@link GenerateSheet} and sums the quantities exactly ({@code DECIMAL(18,3)}) per
 * site, meter, carrier, unit and month, the grouping of the engine's lines; then the per-carrier
 * totals, which must equal the report's. Prints the time inside the JVM (connection to result).
 *
 * <pre>java -cp benchmarks.jar org.wattledger.benchmarks.importing.DuckDbSum readings.csv [threads]</pre>
 */
public final class DuckDbSum {
    private DuckDbSum() {
    }

    public static void main(String[] args) throws SQLException {
        if (args.length < 1) {
            System.err.println("usage: DuckDbSum readings.csv [threads]");
            System.exit(2);
        }
        String file = args[0].replace("'", "''");
        long t0 = System.nanoTime();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            if (args.length > 1) {
                s.execute("SET threads TO " + Integer.parseInt(args[1]));
            }
            s.execute("CREATE TEMP TABLE lines AS SELECT site, meter, carrier, unit, date_trunc('month', \"from\") AS month,"
                    + " sum(quantity) AS quantity, count(*) AS readings FROM read_csv('" + file + "', header = true,"
                    + " columns = {'site': 'VARCHAR', 'meter': 'VARCHAR', 'carrier': 'VARCHAR', 'unit': 'VARCHAR',"
                    + " 'from': 'TIMESTAMP', 'to': 'TIMESTAMP', 'quantity': 'DECIMAL(18,3)'})"
                    + " GROUP BY ALL");
            try (ResultSet r = s.executeQuery("SELECT carrier, unit, sum(quantity), sum(readings), count(*) FROM lines"
                    + " GROUP BY ALL ORDER BY ALL")) {
                while (r.next()) {
                    System.out.printf("%s %s: %s over %d readings, %d lines%n", r.getString(1), r.getString(2),
                            r.getBigDecimal(3).toPlainString(), r.getLong(4), r.getLong(5));
                }
            }
        }
        System.out.printf("%.3f s in the JVM%n", (System.nanoTime() - t0) / 1e9);
    }
}
