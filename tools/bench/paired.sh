#!/bin/sh
# Paired, interleaved runs: each round runs every command once, in the order given, so that
# before and after see the same machine load. Records wall, user and system CPU seconds, peak RSS
# and the 1-minute load average at the start of each run; prints the medians per label.
#
# usage: tools/bench/paired.sh RUNS OUT.tsv 'label|command' ['label|command' ...]
# e.g.   tools/bench/paired.sh 3 /tmp/bench/csv.tsv \
#          'before|java -Xmx256m -jar /tmp/before/wattledger.jar report /tmp/bench/readings-1m.csv --format json' \
#          'after|java -Xmx256m -jar app/target/wattledger.jar report /tmp/bench/readings-1m.csv --format json'
# A command's output is discarded and its exit status ignored (an incomplete report exits 3).
set -eu
runs=$1
out=$2
shift 2
timing=$(mktemp)
printf 'round\tlabel\twall_s\tuser_s\tsys_s\tmax_rss_kb\tload1\n' > "$out"
round=1
while [ "$round" -le "$runs" ]; do
    for spec in "$@"; do
        label=${spec%%|*}
        cmd=${spec#*|}
        load=$(cut -d' ' -f1 /proc/loadavg)
        /usr/bin/time -f '%e\t%U\t%S\t%M' -o "$timing" sh -c "$cmd" > /dev/null 2>&1 || true
        printf '%s\t%s\t%s\t%s\n' "$round" "$label" "$(tail -n 1 "$timing")" "$load" >> "$out"
    done
    round=$((round + 1))
done
rm -f "$timing"
median() { # column number, label
    awk -F'\t' -v l="$2" -v c="$1" '$2 == l {print $c}' "$out" | sort -n \
        | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'
}
printf 'label\twall_s\tuser_s\tsys_s\tmax_rss_kb\t(medians of %s runs; all runs in %s)\n' "$runs" "$out"
for spec in "$@"; do
    label=${spec%%|*}
    printf '%s\t%s\t%s\t%s\t%s\n' "$label" "$(median 3 "$label")" "$(median 4 "$label")" "$(median 5 "$label")" \
        "$(median 6 "$label")"
done
