#!/bin/sh
# report --ledger over 10 M stored readings (docs/benchmarks.md, "10 million stored readings"):
# the readings streamed one meter at a time, in a 1 GB and a 256 MB heap, beside the file report
# of the same rows. From the GC log: the largest heap left after a collection (what stays live:
# the readings held at once) and the largest before one (what the collector let the heap grow to).
# Run from the repository root after `mvn -B -q package -DskipTests`, with the 10 M-row CSV
# (tools/bench/ten-million.sh generates it) imported into the ledger:
#   java -Xmx1g -jar app/target/wattledger.jar import /tmp/bench/readings-10m.csv --ledger LEDGER
#
# usage: tools/bench/ledger-report.sh LEDGER CSV [DIR]
#   LEDGER: a folder or jdbc:postgresql://...; CSV: the file imported into it; DIR: where outputs go
set -eu
ledger=$1
csv=$2
dir=${3:-/tmp/bench}
jar=app/target/wattledger.jar

before() { # the largest heap before a collection in the GC log, in MB
    grep -o ' [0-9]*M->[0-9]*M' "$1" | sed 's/ \([0-9]*\)M->.*/\1/' | sort -n | tail -1
}

after() { # the largest heap after a collection in the GC log, in MB
    grep -o ' [0-9]*M->[0-9]*M' "$1" | sed 's/.*->\([0-9]*\)M/\1/' | sort -n | tail -1
}

run() { # name, heap, arguments...
    name=$1; heap=$2; shift 2
    log="$dir/$name.gc.log"
    /usr/bin/time -f "%e s wall, %U s user, %M KB peak RSS" -o "$dir/$name.time" \
        java "$heap" -Xlog:gc:file="$log" -jar "$jar" "$@" > "$dir/$name.json" 2> "$dir/$name.err" || true
    echo "$name: $(cat "$dir/$name.time"), heap after GC at most $(after "$log") MB, before GC at most $(before "$log") MB"
}

run ledger-1g -Xmx1g report --ledger "$ledger" --period 2022 --format json
run ledger-256m -Xmx256m report --ledger "$ledger" --period 2022 --format json
run file-1g -Xmx1g report "$csv" --period 2022 --format json
cmp "$dir/file-1g.json" "$dir/ledger-1g.json" && echo "ledger-1g.json = file-1g.json"
cmp "$dir/file-1g.json" "$dir/ledger-256m.json" && echo "ledger-256m.json = file-1g.json"
