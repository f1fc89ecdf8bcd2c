#!/usr/bin/env python3
"""Checks a `scry leaks --json` report against what tests/helpers/leak-kinds says it leaked.

usage: test-leaks-check.py REPORT.json HELPER_STDERR [--no-leak]

Every group of still-open fds must be named, by its "where" frame, after exactly one
leak_* function of the helper, with the number of fds that function leaked; no ok_* function
may appear; every leak the helper reported must be found. Exits 1 with the differences."""
import collections
import json
import re
import sys

# The syscall each leak_* function creates its fds with (the check when names are missing).
SYSCALL = {"leak_fcntl_dupfd": "fcntl", "leak_fcntl_dupfd_cloexec": "fcntl",
           "leak_dup2_over": "dup2"}


def main():
    report = json.load(open(sys.argv[1]))
    expected = collections.Counter()
    for line in open(sys.argv[2]):
        m = re.match(r"leaked (\w+) (\d+)$", line.strip())
        if m:
            expected[m.group(1)] += int(m.group(2))
    errors = []
    found = collections.Counter()
    for g in report["open"]:
        where = [f for f in g["stack"] if f["where"]]
        name = where[0]["symbol"] if where else None
        if name is None:
            errors.append(f"group {g['count']} x {g['pattern']} ({g['syscall']}): "
                          f"no function named (stack: {g['stack']})")
            continue
        if not name.startswith("leak_"):
            errors.append(f"group {g['count']} x {g['pattern']} blames {name}")
            continue
        want = SYSCALL.get(name, name[len("leak_"):])
        if g["syscall"] != want:
            errors.append(f"{name}: syscall {g['syscall']}, expected {want}")
        found[name] += g["count"]
    for name in sorted(set(expected) | set(found)):
        if expected[name] != found[name]:
            errors.append(f"{name}: {found[name]} fds reported, helper leaked {expected[name]}")
    if report["leak"] != bool(expected):
        errors.append(f"verdict leak={report['leak']}, expected {bool(expected)}: "
                      f"{report['verdict']}")
    for e in errors:
        print("  " + e)
    if not errors:
        print(f"  ok: {sum(expected.values())} fds from {len(expected)} functions")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
