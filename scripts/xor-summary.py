#!/usr/bin/env python3
"""Summarises delayed-XOR metrics files written by `prospect run FILE --metrics OUT.csv` (one per seed).

Usage: scripts/xor-summary.py xor-seed1.csv xor-seed2.csv ...
Per rule: iterations until validation accuracy first reached >= 90 % (per seed, '-' if never), final validation
accuracy, mean cosine with BPTT's gradient, and median wall time per iteration.
"""
import csv
import statistics
import sys
from collections import defaultdict

first90 = defaultdict(dict)
final = defaultdict(dict)
cosines = defaultdict(list)
millis = defaultdict(list)
seeds = []
for path in sys.argv[1:]:
    seeds.append(path)
    with open(path) as f:
        for row in csv.DictReader(f):
            rule = row["rule"]
            it = int(row["iteration"])
            va = float(row["validation_accuracy"])
            if va == va:  # not NaN: a validation iteration
                if va >= 0.9 and path not in first90[rule]:
                    first90[rule][path] = it
                final[rule][path] = (it, va)
            al = float(row["alignment"])
            if al == al:
                cosines[rule].append(al)
            millis[rule].append(float(row["millis"]))

print("| rule | iterations to ≥ 90 % (per seed) | final validation accuracy (per seed) | mean cos with BPTT | median ms/iteration |")
print("|---|---|---|---|---|")
for rule in final:
    reach = ", ".join(str(first90[rule].get(p, "–")) for p in seeds)
    fin = ", ".join(f"{final[rule][p][1] * 100:.0f} %" for p in seeds if p in final[rule])
    cos = f"{statistics.mean(cosines[rule]):.2f}" if cosines[rule] else ("(is BPTT)" if rule == "BPTT" else "not computed")
    print(f"| {rule} | {reach} | {fin} | {cos} | {statistics.median(millis[rule]):.0f} |")
