#!/bin/sh
# Heap allocation of one report, per row read: JFR's allocation samples (jdk.ObjectAllocationSample,
# each weighted by the bytes allocated since the previous sample), summed, divided by ROWS; then
# the largest allocation sites (class and the first wattledger frame). JFR's sampling makes the
# total an estimate, good to a few per cent on a run of a million rows.
#
# usage: tools/bench/alloc-per-row.sh JAR FILE ROWS [java options]
set -eu
jar=$1
file=$2
rows=$3
shift 3
rec=$(mktemp --suffix=.jfr)
java "$@" -XX:StartFlightRecording=filename="$rec",settings=profile -jar "$jar" report "$file" --format json \
    > /dev/null 2>&1 || true
jfr print --stack-depth 12 --events jdk.ObjectAllocationSample "$rec" | awk -v rows="$rows" '
    function bytes(v, u) { return u == "kB" ? v * 1e3 : u == "MB" ? v * 1e6 : u == "GB" ? v * 1e9 : v }
    /objectClass = / { cls = $3 }
    /weight = / { w = bytes($3, $4); total += w; site = ""; next_frame = 1 }
    /line:/ && next_frame && /org\.wattledger/ { site = $1; next_frame = 0 }
    /^}/ && cls != "" { by[cls " " site] += w; cls = "" }
    END {
        printf "allocated %.0f MB, %.0f bytes per row\n", total / 1e6, total / rows
        for (k in by) printf "%10.1f MB  %s\n", by[k] / 1e6, k | "sort -rn | head -12"
    }'
rm -f "$rec"
