#!/usr/bin/env bash
# Import speed of Persona Workbench side by side with pandas.read_csv, on the same files, in one run.
#   bash bench/import-vs-pandas.sh            # 1,000,000-row transactions CSV (generated) + UCI Online Retail
# Needs ../shared (the peer scripts and data generators) and Debian's python3-pandas (/usr/bin/python3).
# Prints a Markdown table with medians and the ratio pwb / pandas (below 1.0 means faster than pandas).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
shared="${PWB_SHARED:-$here/../shared}"
data="${PWB_BENCH_DATA:-$here/target/bench-data}"
runs="${RUNS:-3}"
py=/usr/bin/python3
[ -d "$shared/bench" ] || { echo "error: $shared/bench not found; set PWB_SHARED to the shared folder." >&2; exit 1; }
mkdir -p "$data"
tx="$shared/bench/data/transactions_1m.csv"   # run_all.sh writes it here; else generate our own
[ -f "$tx" ] || tx="$data/transactions_1m.csv"
[ -f "$tx" ] || "$py" "$shared/bench/gen_transactions.py" --n 1000000 --seed 7 --out "$tx" >&2
uci="$shared/data/uci-online-retail/online_retail.csv.gz"

pandas_read() {  # median seconds of pandas.read_csv(path) with inference, like peer_import.py step a
  "$py" - "$1" "$runs" <<'PY'
import statistics, sys, time
import pandas as pd
path, reps = sys.argv[1], int(sys.argv[2])
pd.read_csv(path)  # warm-up, as pwb bench-import does one
times = []
for _ in range(reps):
    t0 = time.perf_counter(); df = pd.read_csv(path); times.append(time.perf_counter() - t0)
print(f"{statistics.median(times):.3f} {len(df)}")
PY
}

"$here/pwb" --help >/dev/null   # build first so that build time is not measured
printf '| file | rows | pandas.read_csv s | pwb import s | pwb / pandas | pwb incl. create+inspect+close s |\n'
printf '|---|---|---|---|---|---|\n'
for f in "$tx" "$uci"; do
  [ -f "$f" ] || continue
  read -r pd_s pd_rows < <(pandas_read "$f")
  pwb_json="$("$here/pwb" bench-import --csv "$f" --runs "$runs" --json)"
  "$py" - "$f" "$pd_s" "$pd_rows" "$pwb_json" <<'PY'
import json, os, sys
f, pd_s, pd_rows, doc = sys.argv[1], float(sys.argv[2]), int(sys.argv[3]), json.loads(sys.argv[4])
s = doc["import_seconds_median"]
print(f"| {os.path.basename(f)} | {doc['rows']:,} (pandas {pd_rows:,}) | {pd_s:.3f} | {s:.3f} | {s / pd_s:.2f} | "
      f"{doc['create_inspect_import_close_seconds_median']:.3f} |")
PY
done
