"""The pandas comparison for the CSV benchmark (docs/benchmarks.md, "Issue 10").

Reads a readings CSV written by GenerateSheet with pandas.read_csv (the two date columns parsed,
as the import must) and sums the quantity per site, meter, carrier, unit and month: the grouping
of the engine's lines. Prints the time inside Python and the per-carrier totals. pandas sums in
float64, so its totals are close to, not exactly, the report's decimals.

    /usr/bin/python3 tools/bench/pandas_lines.py /tmp/bench/readings-1m.csv
"""
import sys
import time

import pandas as pd

path = sys.argv[1]
t0 = time.perf_counter()
df = pd.read_csv(path, parse_dates=['from', 'to'])
lines = df.groupby(['site', 'meter', 'carrier', 'unit', df['from'].dt.to_period('M')])['quantity'].sum()
elapsed = time.perf_counter() - t0
totals = lines.groupby(level=['carrier', 'unit']).agg(['sum', 'count'])
for (carrier, unit), row in totals.iterrows():
    print(f"{carrier} {unit}: {row['sum']:.3f} over {int(row['count'])} lines")
print(f"{elapsed:.3f} s in script, rows {len(df)}")
