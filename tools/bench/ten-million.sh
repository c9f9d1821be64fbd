#!/bin/sh
# The 10 M-row CSV (docs/benchmarks.md, "Issue 10"): generates it once, then runs the report in a
# 1 GB heap, pandas read_csv + group-by and DuckDB's exact DECIMAL sum over the same file,
# interleaved (tools/bench/paired.sh), RUNS rounds. Run from the repository root after
# `mvn -B -q package -DskipTests`.
#
# usage: tools/bench/ten-million.sh [RUNS] [DIR]
set -eu
runs=${1:-3}
dir=${2:-/tmp/bench}
jar=app/target/wattledger.jar
bench=benchmarks/target/benchmarks.jar
mkdir -p "$dir"
if [ ! -f "$dir/readings-10m.csv" ]; then
    java -cp "$bench" org.wattledger.benchmarks.importing.GenerateSheet 10000000 "$dir/readings-10m.csv"
fi
java -Xmx1g -jar "$jar" report "$dir/readings-10m.csv" --format json > "$dir/report-10m.json" || true
echo "report totals: $(grep -A 14 '"totals"' "$dir/report-10m.json" | tr -d ' \n')"
java -cp "$bench" org.wattledger.benchmarks.importing.DuckDbSum "$dir/readings-10m.csv"
tools/bench/paired.sh "$runs" "$dir/ten-million.tsv" \
    "report -Xmx1g|java -Xmx1g -jar $jar report $dir/readings-10m.csv --format json" \
    "pandas|/usr/bin/python3 tools/bench/pandas_lines.py $dir/readings-10m.csv" \
    "duckdb|java -cp $bench org.wattledger.benchmarks.importing.DuckDbSum $dir/readings-10m.csv"
