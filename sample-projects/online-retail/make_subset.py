#!/usr/bin/env python3
"""Makes the "online-retail" sample's data from the full UCI Online Retail file (deterministic).

Usage: /usr/bin/python3 make_subset.py [FULL_CSV_GZ] [OUT_DIR]
  FULL_CSV_GZ defaults to ../shared/data/uci-online-retail/online_retail.csv.gz seen from the repository root
  (also /work/shared/data/...), OUT_DIR to this script's folder.

Writes
  transactions.csv.gz  every invoice line of 1,000 customers drawn with a fixed seed from the 4,372 customers
                       with an id (rows without a CustomerID are left out; CustomerID is written as an integer).
  ab_test.csv          a SIMULATED A/B test on those customers with their REAL purchases: pre_revenue before
                       2011-09-01, converted / revenue from 2011-09-01 on. Variants come from matched-pair
                       randomisation (customers sorted by pre_revenue, each consecutive pair split at random with a
                       fixed seed). Nothing was changed for the "treatment" group, so the right readout is
                       "no difference" (an A/A test).
The gzip is written with mtime 0 so the same input gives the same bytes.
"""
import csv
import gzip
import io
import os
import random
import sys
from collections import defaultdict

SEED = 20101201
CUSTOMERS = 1000
TEST_START = "2011-09-01"

here = os.path.dirname(os.path.abspath(__file__))
default_full = os.path.join(here, "..", "..", "..", "shared", "data", "uci-online-retail", "online_retail.csv.gz")
if not os.path.exists(default_full):
    default_full = "/work/shared/data/uci-online-retail/online_retail.csv.gz"
full = sys.argv[1] if len(sys.argv) > 1 else default_full
out_dir = sys.argv[2] if len(sys.argv) > 2 else here

with gzip.open(full, "rt", encoding="utf-8", newline="") as f:
    reader = csv.reader(f)
    header = next(reader)
    rows = [r for r in reader if r[6].strip()]

def customer(r):
    return str(int(float(r[6])))

ids = sorted({customer(r) for r in rows}, key=int)
chosen = set(random.Random(SEED).sample(ids, CUSTOMERS))

buffer = io.StringIO()
writer = csv.writer(buffer, lineterminator="\n")
writer.writerow(header)
pre = defaultdict(float)
post = defaultdict(float)
for r in rows:
    c = customer(r)
    if c not in chosen:
        continue
    r = r[:6] + [c] + r[7:]
    writer.writerow(r)
    amount = int(r[3]) * float(r[5])
    (pre if r[4] < TEST_START else post)[c] += amount

with open(os.path.join(out_dir, "transactions.csv.gz"), "wb") as raw:
    with gzip.GzipFile(filename="", mode="wb", fileobj=raw, compresslevel=9, mtime=0) as gz:
        gz.write(buffer.getvalue().encode("utf-8"))

assign = random.Random(SEED + 1)
by_pre = sorted(chosen, key=lambda c: (round(pre[c], 2), int(c)))
variants = {}
for i in range(0, len(by_pre), 2):
    pair = by_pre[i:i + 2]
    first = "treatment" if assign.random() < 0.5 else "control"
    variants[pair[0]] = first
    if len(pair) > 1:
        variants[pair[1]] = "control" if first == "treatment" else "treatment"
with open(os.path.join(out_dir, "ab_test.csv"), "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["customer_id", "variant", "converted", "revenue", "pre_revenue"])
    for c in sorted(chosen, key=int):
        variant = variants[c]
        revenue = max(0.0, post[c])
        w.writerow([c, variant, 1 if revenue > 0 else 0, f"{revenue:.2f}", f"{max(0.0, pre[c]):.2f}"])
print(f"{len(chosen)} customers written to {out_dir}", file=sys.stderr)
