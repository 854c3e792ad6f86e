#!/usr/bin/env python3
"""Independent numpy check of SequentialTest (mSPRT, normal approximation, difference of two proportions).

Usage: /usr/bin/python3 bench/peer_msprt.py CSV VARIANT_COL CONVERSION_COL CONTROL VARIANT
Replays the rows in file order; looks after every user once each arm has 100 users; tau = 0.1 * final control
rate; prints the always-valid p (running min of 1/Lambda(0)), the running intersection of the 95% confidence
sequence, the number of looks, and the same figures for one look at the final sample.
"""
import csv
import sys

import numpy as np

path, vcol, ccol, control, variant = sys.argv[1:6]
alpha = 0.05
truthy = {"1", "1.0", "true", "yes", "y", "t"}
arm, conv = [], []
with open(path, newline="") as f:
    for row in csv.DictReader(f):
        if row[vcol] in (control, variant):
            arm.append(row[vcol] == variant)
            conv.append(row[ccol].strip().lower() in truthy)
arm = np.array(arm)
conv = np.array(conv, dtype=float)
nT = np.cumsum(arm)
nC = np.cumsum(~arm)
xT = np.cumsum(conv * arm)
xC = np.cumsum(conv * ~arm)
tau2 = (0.1 * xC[-1] / nC[-1]) ** 2


def figures(xT, nT, xC, nC):
    pT, pC = xT / nT, xC / nC
    v = pT * (1 - pT) / nT + pC * (1 - pC) / nC
    d = pT - pC
    lam = np.sqrt(v / (v + tau2)) * np.exp(tau2 * d * d / (2 * v * (v + tau2)))
    h = np.sqrt(v * (v + tau2) / tau2 * (2 * np.log(1 / alpha) + np.log((v + tau2) / v)))
    return np.minimum(1, 1 / lam), d - h, d + h, v


ok = (nT >= 100) & (nC >= 100)
p, lo, hi, v = figures(xT[ok].astype(float), nT[ok].astype(float), xC[ok].astype(float), nC[ok].astype(float))
ok2 = v > 0
print("tau2", repr(tau2))
print("looks", int(ok2.sum()))
print("always_valid_p", repr(float(p[ok2].min())))
print("always_valid_ci", repr(float(lo[ok2].max())), repr(float(hi[ok2].min())))
pf, lf, hf, _ = figures(float(xT[-1]), float(nT[-1]), float(xC[-1]), float(nC[-1]))
print("final_look_p", repr(float(pf)))
print("final_look_ci", repr(float(lf)), repr(float(hf)))
