package org.wattledger.benchmarks.ledger;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDateTime;

/**
 * The measurement behind the choice of the embedded ledger's database: stores {@code ROWS}
 * readings-shaped rows in one transaction with JDBC batches of 2,000 (as the ledger does), sums
 * them per meter with GROUP BY, and checks that a decimal comes back exactly (1.50 as 1.50).
 *
 * <pre>java -Xmx512m -cp benchmarks.jar org.wattledger.benchmarks.ledger.EmbeddedStoreTiming JDBC-URL ROWS</pre>
 *
 * URLs used in docs/benchmarks.md: {@code jdbc:h2:file:/tmp/s/h2}, {@code jdbc:hsqldb:file:/tmp/s/hsql},
 * {@code jdbc:sqlite:/tmp/s/sqlite.db}, {@code jdbc:duckdb:/tmp/s/duck.db}.
 */
public final class EmbeddedStoreTiming {
    private EmbeddedStoreTiming() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int rows = Integer.parseInt(args[1]);
        // DuckDB's DECIMAL holds at most 38 digits; the others take the ledger's NUMERIC(60, 20).
        String decimal = url.startsWith("jdbc:duckdb:") ? "DECIMAL(38, 20)" : "NUMERIC(60, 20)";
        try (Connection c = DriverManager.getConnection(url)) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE reading (batch_id BIGINT NOT NULL, ordinal INTEGER NOT NULL,"
                        + " site VARCHAR(200) NOT NULL, meter VARCHAR(200) NOT NULL, carrier VARCHAR(30) NOT NULL,"
                        + " time_from TIMESTAMP, time_to TIMESTAMP NOT NULL, quantity " + decimal + " NOT NULL,"
                        + " quantity_scale INTEGER NOT NULL, unit VARCHAR(100) NOT NULL, src_file VARCHAR(1000) NOT NULL,"
                        + " src_row INTEGER NOT NULL, PRIMARY KEY (batch_id, ordinal))");
            }
            c.setAutoCommit(false);
            long t0 = System.nanoTime();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO reading VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                LocalDateTime start = LocalDateTime.of(2022, 1, 1, 0, 0);
                for (int i = 0; i < rows; i++) {
                    LocalDateTime from = start.plusHours(i / 1000);
                    BigDecimal q = i == 0 ? new BigDecimal("1.50") : BigDecimal.valueOf(i % 5000, 3);
                    ps.setLong(1, 1);
                    ps.setInt(2, i + 1);
                    ps.setString(3, "S" + (i % 10));
                    ps.setString(4, "M" + (i % 1000));
                    ps.setString(5, "ELECTRICITY");
                    ps.setObject(6, from);
                    ps.setObject(7, from.plusHours(1));
                    ps.setBigDecimal(8, q);
                    ps.setInt(9, q.scale());
                    ps.setString(10, "kWh");
                    ps.setString(11, "readings-1m.csv");
                    ps.setInt(12, i + 2);
                    ps.addBatch();
                    if ((i + 1) % 2000 == 0) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            c.commit();
            long t1 = System.nanoTime();
            long groups = 0;
            BigDecimal total = BigDecimal.ZERO;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT site, meter, SUM(quantity) FROM reading GROUP BY site, meter")) {
                while (rs.next()) {
                    groups++;
                    total = total.add(rs.getBigDecimal(3));
                }
            }
            long t2 = System.nanoTime();
            String first;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT quantity FROM reading WHERE batch_id = 1 AND ordinal = 1")) {
                rs.next();
                first = String.valueOf(rs.getObject(1));
            }
            c.commit();
            System.out.printf("%s: insert %d rows %.2f s; GROUP BY site, meter: %d groups, total %s, %.2f s;"
                    + " 1.50 reads back as %s%n", url, rows, (t1 - t0) / 1e9, groups, total.toPlainString(),
                    (t2 - t1) / 1e9, first);
        }
    }
}
