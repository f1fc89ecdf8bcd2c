#!/usr/bin/env python3
"""Three-way merge of src/syscalls/x86_64.tbl row by row (keyed by syscall number), for
branches that each edit their own rows. usage: merge-tbl.py BASE OURS THEIRS > MERGED
Exits 1 (and keeps ours) when both sides changed the same row differently."""
import sys


def rows(path):
    head, by_nr, order = [], {}, []
    for line in open(path):
        s = line.split("#")[0].split()
        if s and s[0].isdigit():
            by_nr[int(s[0])] = line
            order.append(int(s[0]))
        elif not order:
            head.append(line)
    return head, by_nr, order


_, base, _ = rows(sys.argv[1])
head, ours, order = rows(sys.argv[2])
_, theirs, _ = rows(sys.argv[3])
conflicts = 0
out = list(head)
for nr in sorted(set(ours) | set(theirs)):
    o, t, b = ours.get(nr), theirs.get(nr), base.get(nr)
    if o == t or t == b:
        line = o
    elif o == b:
        line = t
    else:
        sys.stderr.write(f"conflict at {nr}:\n ours:   {o} theirs: {t}")
        conflicts += 1
        line = o
    if line is not None:
        out.append(line)
sys.stdout.write("".join(out))
sys.exit(1 if conflicts else 0)
