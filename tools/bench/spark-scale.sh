#!/bin/sh
# The Spark benchmark (docs/benchmarks.md, "Issue 17: Spark"): generates METERS hourly meters of 2024
# as Parquet and CSV with DuckDB, then times, one after the other, the Spark job on local[2] over the
# Parquet, the single-machine command over the same rows as CSV, and DuckDB's exact DECIMAL sums over
# the Parquet; wall time, CPU time and peak RSS of each (GNU time), the load average before each.
# Run from the repository root after `mvn -B -q package -DskipTests`.
#
# usage: tools/bench/spark-scale.sh METERS DIR
#   1139 meters = 10,004,976 readings (Parquet 37 MB, CSV 0.65 GB)
#   11390 meters = 100,049,760 readings (Parquet 0.46 GB, CSV 6.6 GB in three files; give DIR about
#   25 GB of free space for the CSV and Spark's shuffle files, which go to java.io.tmpdir / spark.local.dir)
# SPARK_HEAP (default 4g) and CLI_HEAP (default 4g; 100 M readings need 12g): the two JVMs' -Xmx.
set -eu
meters=${1:-1139}
dir=${2:-/tmp/spark-bench/10m}
duckdb=$(ls ~/.m2/repository/org/duckdb/duckdb_jdbc/*/duckdb_jdbc-*.jar | tail -1)
mkdir -p "$dir"
if [ ! -f "$dir/readings.parquet" ]; then
    # DIR/readings.parquet, DIR/sites.csv and DIR/csv/ (the same rows as CSV, split by meter into files
    # of at most 45 million rows: the command line reads a CSV file of at most 50 million lines; a
    # folder holds one readings.csv, so the command line is given the files)
    java -cp "$duckdb" tools/bench/SparkFleet.java generate "$meters" "$dir" csv
fi
uptime
WATTLEDGER_SPARK_JAVA_OPTS="-Xmx${SPARK_HEAP:-4g} -Djava.io.tmpdir=$dir" \
/usr/bin/time -f "spark local[2]: %e s wall, %U s user, %S s sys, %M KB" \
    nice -n 10 spark/target/wattledger-spark-local --master 'local[2]' --readings "$dir/readings.parquet" \
    --sites "$dir/sites.csv" --period 2024 --format json --out "$dir/spark" 2> "$dir/spark.log" || true
grep -E "^rows read|spark local" "$dir/spark.log"
uptime
/usr/bin/time -f "command line: %e s wall, %U s user, %S s sys, %M KB" \
    nice -n 10 java -Xmx${CLI_HEAP:-4g} -jar app/target/wattledger.jar report "$dir"/csv/readings*.csv "$dir/csv/sites.csv" \
    --period 2024 --format json --out "$dir/cli" 2> "$dir/cli.log" || true
tail -1 "$dir/cli.log"
uptime
/usr/bin/time -f "duckdb: %e s wall, %U s user, %S s sys, %M KB" \
    nice -n 10 java -cp "$duckdb" tools/bench/SparkFleet.java sum "$dir/readings.parquet"
grep -A 12 '"totals"' "$dir/spark/report.json" | grep -A 2 '"electricity"' || true
grep -A 12 '"totals"' "$dir/cli/report.json" | grep -A 2 '"electricity"' || true
