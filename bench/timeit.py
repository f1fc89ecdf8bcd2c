#!/usr/bin/env python3
"""Times commands side by side, interleaved round by round so that every ratio comes from
the same conditions, and prints the median of each with its ratio to a baseline.

usage: timeit.py ROUNDS LABEL::COMMAND [LABEL::COMMAND ...]
A LABEL ending in '*' is the baseline for the ratios of the rows below it.
"""
import statistics
import subprocess
import sys
import time

rounds = int(sys.argv[1])
cases = [a.split("::", 1) for a in sys.argv[2:]]
times = {label: [] for label, _ in cases}
for _ in range(rounds):
    for label, cmd in cases:
        t = time.perf_counter()
        r = subprocess.run(cmd, shell=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times[label].append(time.perf_counter() - t)
        if r.returncode != 0:
            print(f"{label}: exited with {r.returncode}: {cmd}", file=sys.stderr)
base = None
for label, _ in cases:
    med = statistics.median(times[label])
    name = label.rstrip("*")
    if label.endswith("*"):
        base = (name, med)
        print(f"  {name:<44} {med:9.3f} s")
    else:
        print(f"  {name:<44} {med:9.3f} s   {med / base[1]:7.2f}x {base[0]}")
