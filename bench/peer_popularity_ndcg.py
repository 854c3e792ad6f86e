#!/usr/bin/python3
"""Peer check of `pwb recommend eval` metric arithmetic: popularity on a split written with --write-split.

Usage: peer_popularity_ndcg.py DIR [K] [THRESHOLD]
Popularity = number of training users per item, ties by lower item index (as the engine's baseline);
candidates = items not in the user's training row; relevant = held-out value >= THRESHOLD;
NDCG binary gains, 1/log2(rank+1), ideal over min(k, relevant); AP normalised by min(k, relevant).
"""
import sys
import numpy as np

d = sys.argv[1]
k = int(sys.argv[2]) if len(sys.argv) > 2 else 10
threshold = float(sys.argv[3]) if len(sys.argv) > 3 else 4.0
train = np.loadtxt(d + "/train.tsv", usecols=(0, 1, 4))
test = np.loadtxt(d + "/test.tsv", usecols=(0, 1, 4))
users = int(max(train[:, 0].max(), test[:, 0].max())) + 1
items = int(max(train[:, 1].max(), test[:, 1].max())) + 1
seen = np.zeros((users, items), dtype=bool)
seen[train[:, 0].astype(int), train[:, 1].astype(int)] = True
counts = seen.sum(axis=0)
order = np.lexsort((np.arange(items), -counts))  # most users first, then lower index
discount = 1 / np.log2(np.arange(2, k + 2))
ndcg, prec, rec, ap, hits_any, n = [], [], [], [], [], 0
for u in range(users):
    rows = test[test[:, 0] == u]
    relevant = set(rows[rows[:, 2] >= threshold][:, 1].astype(int))
    if not relevant:
        continue
    ranked = [i for i in order if not seen[u, i]][:k]
    hit = np.array([i in relevant for i in ranked], dtype=float)
    ideal = min(k, len(relevant))
    ndcg.append((hit * discount[:len(hit)]).sum() / discount[:ideal].sum())
    prec.append(hit.sum() / k)
    rec.append(hit.sum() / len(relevant))
    ap.append((np.cumsum(hit) / np.arange(1, len(hit) + 1) * hit).sum() / ideal)
    hits_any.append(hit.sum() > 0)
print("users %d precision %.12f recall %.12f ndcg %.12f map %.12f hit_rate %.12f" % (
    len(ndcg), np.mean(prec), np.mean(rec), np.mean(ndcg), np.mean(ap), np.mean(hits_any)))
