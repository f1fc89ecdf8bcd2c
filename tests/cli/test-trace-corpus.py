#!/usr/bin/python3
"""Differential check of `scry trace` against the installed strace 6.1 on a corpus of real
programs: coreutils, sh pipelines, python3 and perl one-liners, a TCP client and server on
127.0.0.1 and a multi-threaded program, with option sets people use (-f, -ff, -s, -y, -v,
-e trace=).

Both tracers run each program under `setarch -R` with the same fixed environment in the same
fixture directory. What legitimately differs from run to run (pids, addresses, times, inode
numbers, ports, random bytes) is masked, -f logs are split per process (in pid order) with
unfinished/resumed halves joined, and the lines are compared. The report gives the share of
identical lines and a unified diff per program; the check fails when the ptrace backend's
share is below FAIL_BELOW. With root and a working bpf backend the corpus runs a second time
with --backend=bpf; that share is reported, not enforced.

usage: test-trace-corpus.py SCRY HELPERS_DIR [-v] [-k] [NAME...]
  -v  print every differing line (default: the first DIFF_LINES per program)
  -k  keep the work directory and print its path
"""
import difflib
import os
import re
import shutil
import subprocess
import sys
import tempfile

FAIL_BELOW = 97.0
TARGET = 99.0
DIFF_LINES = 30

PYTHON = "/usr/bin/python3"
PERL = "/usr/bin/perl"


def corpus(helpers):
    """(name, tracer options, command). Commands run in the fixture directory (see
    make_fixture) with a fixed environment."""
    threads = os.path.join(helpers, "corpus-threads")
    tcp = os.path.join(helpers, "corpus-tcp")
    sh = "/bin/sh"
    return [
        ("ls-la", [], ["ls", "-la", "tree"]),
        ("ls-R-y", ["-y"], ["ls", "-R", "tree"]),
        ("cat", ["-s", "64"], ["cat", "words", "numbers"]),
        ("cat-y-x", ["-y", "-x"], ["cat", "binary"]),
        ("cp", ["-y"], ["cp", "words", "out/words.copy"]),
        ("cp-a", ["-e", "trace=%file,%desc"], ["cp", "-a", "tree", "out/tree.copy"]),
        ("stat", [], ["stat", "words", "tree", "link"]),
        ("stat-v", ["-v"], ["stat", "-L", "link"]),
        ("date", [], ["date", "-u", "-d", "@1000000000", "+%F %T"]),
        ("sort", ["-s", "64"], ["sort", "-r", "words"]),
        ("wc", ["-e", "trace=openat,read,fstat,newfstatat,close"], ["wc", "words", "numbers"]),
        ("du", ["-e", "trace=%file"], ["du", "-a", "tree"]),
        ("find", ["-v", "-e", "trace=!mmap,mprotect"], ["find", "tree", "-name", "*.txt"]),
        ("mkdir-rm", ["-y"], [sh, "-c", "mkdir -p out/a/b && touch out/a/b/f && "
                              "chmod 600 out/a/b/f && mv out/a/b/f out/a/g && rm -r out/a"]),
        ("ln-readlink", [], [sh, "-c", "ln -sf words out/l && readlink out/l && rm out/l"]),
        ("head-tail", ["-e", "trace=read,write,lseek"], ["tail", "-n", "3", "numbers"]),
        ("sh-pipeline", ["-f"], [sh, "-c", "cat words | sort | uniq -c | wc -l"]),
        ("sh-redirect", ["-f", "-y"], [sh, "-c", "sort numbers > out/sorted; "
                                        "wc -c < out/sorted; echo done 2>&1"]),
        ("sh-subshell", ["-f", "-e", "trace=process,%signal"],
         [sh, "-c", "(exit 3); x=$(echo hi); echo $x; false || true"]),
        ("python3", ["-e", "trace=!mmap,munmap,mprotect"],
         [PYTHON, "-S", "-c", "import os; print(sorted(os.listdir('tree')), os.getpid() > 0)"]),
        ("python3-io", ["-s", "64", "-e", "trace=%file,%desc,%network"],
         [PYTHON, "-S", "-c", "import socket\n"
          "a, b = socket.socketpair()\n"
          "a.sendall(open('words').read(40).encode())\n"
          "print(b.recv(64), end='')\n"]),
        ("perl", [], [PERL, "-e", "opendir(D, 'tree') or die; "
                      "print join(',', sort readdir(D)), \"\\n\"; print -s 'words', \"\\n\""]),
        ("perl-fork", ["-f"], [PERL, "-e", "my $p = fork; if (!$p) { exit 7 } "
                               "waitpid($p, 0); print $? >> 8, \"\\n\""]),
        ("df", [], ["df", "-P", "."]),
        ("uname-nproc", ["-f"], [sh, "-c", "uname -a; nproc; hostname"]),
        ("sleep", [], ["sleep", "0.01"]),
        ("touch-chmod", ["-y"], [sh, "-c", "touch -d @1000 out/t && chmod -R go-w out && "
                                 "ln out/t out/h && stat -c %h out/h"]),
        ("dd", ["-s", "64"], ["dd", "if=words", "of=out/dd", "bs=16", "count=3", "status=none"]),
        ("tar", ["-f"], ["tar", "cf", "out/t.tar", "tree"]),
        ("gzip", [], ["gzip", "-c", "-n", "words"]),
        ("sha256sum", ["-e", "trace=%file,%desc"], ["sha256sum", "words", "numbers"]),
        ("xargs", ["-f"], [sh, "-c", "ls tree | xargs -n1 echo"]),
        ("timeout", ["-f"], ["timeout", "5", "true"]),
        ("env-i", [], ["env", "-i", "A=1", "/bin/true"]),
        ("getent", ["-y"], ["getent", "passwd", "root"]),
        ("ip-link", ["-e", "trace=%network"], ["ip", "-o", "link", "show", "lo"]),
        ("ip-addr", ["-s", "64", "-e", "trace=%network"], ["ip", "addr", "show", "lo"]),
        ("python3-subprocess", ["-f", "-e", "trace=process,pipe2,dup2"],
         [PYTHON, "-S", "-c", "import subprocess\n"
          "print(subprocess.run(['/bin/echo', 'hi'], capture_output=True).stdout)"]),
        ("python3-ioctl", ["-e", "trace=ioctl,socketpair,sendto"],
         [PYTHON, "-S", "-c", "import socket, fcntl, termios, array\n"
          "a, b = socket.socketpair()\na.send(b'xyz')\nn = array.array('i', [0])\n"
          "fcntl.ioctl(b, termios.FIONREAD, n)\nfcntl.ioctl(b, termios.FIONBIO, "
          "array.array('i', [1]))\nfcntl.ioctl(b, termios.FIOCLEX)\nprint(n[0])"]),
        ("tcp", ["-ff", "-yy"], [tcp, "3"]),
        ("tcp-v", ["-ff", "-v", "-e", "trace=%network"], [tcp, "2"]),
        # whether pthread_join waits in futex() depends on scheduling: not traced
        ("threads", ["-ff", "-s", "16", "-e", "trace=!futex"], [threads, "3", "words"]),
        ("threads-f", ["-f", "-e", "trace=!futex,mmap,mprotect,munmap"],
         [threads, "4", "numbers"]),
    ]


def make_fixture(d):
    os.makedirs(os.path.join(d, "tree", "sub", "deeper"))
    os.makedirs(os.path.join(d, "out"))
    with open(os.path.join(d, "words"), "w") as f:
        f.write("".join("%s\n" % w for w in
                        "pear apple fig banana cherry apple kiwi date fig lemon".split()))
    with open(os.path.join(d, "numbers"), "w") as f:
        f.write("".join("%d\n" % (i * 7919 % 1000) for i in range(40)))
    with open(os.path.join(d, "binary"), "wb") as f:
        f.write(bytes(range(0, 256, 3)))
    for p in ["tree/a.txt", "tree/b.dat", "tree/sub/c.txt", "tree/sub/deeper/d.txt"]:
        with open(os.path.join(d, p), "w") as f:
            f.write(p + "\n")
    os.symlink("words", os.path.join(d, "link"))
    os.chmod(os.path.join(d, "tree", "b.dat"), 0o600)
    # fixed times: ls -l and stat print them
    for root, dirs, files in os.walk(d):
        for n in dirs + files:
            os.utime(os.path.join(root, n), (1000000000, 1000000000), follow_symlinks=False)


def environment(home):
    return {"PATH": "/usr/bin:/bin", "HOME": home, "LANG": "C", "LC_ALL": "C", "TZ": "UTC",
            "TERM": "dumb", "PYTHONHASHSEED": "0", "PYTHONDONTWRITEBYTECODE": "1",
            "PERL_HASH_SEED": "0", "PERL_PERTURB_KEYS": "0"}


def run(tracer, opts, cmd, out, cwd, env):
    """Traces cmd; returns the log as {pid-or-None: [lines]} plus the pid order."""
    ff = "-ff" in opts
    argv = ["setarch", "-R"] + tracer + ["-o", out] + opts + cmd
    subprocess.run(argv, cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)
    logs = {}
    if ff:
        base = os.path.basename(out) + "."
        for n in os.listdir(os.path.dirname(out)):
            if n.startswith(base) and n[len(base):].isdigit():
                with open(os.path.join(os.path.dirname(out), n), errors="replace") as f:
                    logs[int(n[len(base):])] = f.read().splitlines()
                os.unlink(os.path.join(os.path.dirname(out), n))
        return logs
    with open(out, errors="replace") as f:
        lines = f.read().splitlines()
    os.unlink(out)
    if "-f" not in opts:
        return {None: lines}
    for line in lines:
        m = re.match(r"(\d+) +(.*)", line)
        if m:
            logs.setdefault(int(m.group(1)), []).append(m.group(2))
        else:
            logs.setdefault(None, []).append(line)
    return logs


RESUMED = re.compile(r"<\.\.\. [\w.]+ resumed>")
UNFINISHED = " <unfinished ...>"


def join_unfinished(lines):
    """One process's lines with each `X( <unfinished ...>` / `<... X resumed>...` pair made
    one line, so that -f logs compare whatever the interleaving was."""
    out = []
    pending = None
    for line in lines:
        if pending is not None and RESUMED.match(line):
            line = pending + RESUMED.sub("", line, count=1)
            pending = None
            out.append(line)
            continue
        if pending is not None:
            out.append(pending + UNFINISHED)
            pending = None
        if line.endswith(UNFINISHED):
            pending = line[:-len(UNFINISHED)]
            continue
        out.append(line)
    if pending is not None:
        out.append(pending + UNFINISHED)
    return out


# (pattern, replacement) applied in order to every line
MASKS = [
    (re.compile(r'getrandom\("(?:[^"\\]|\\.)*"(\.\.\.)?'), r'getrandom("RANDOM"\1'),
    (re.compile(r"0x[0-9a-f]{7,}"), "ADDR"),
    (re.compile(r"\b(st_dev|st_rdev)=makedev\([^)]*\)"), r"\1=N"),
    (re.compile(r"\b(st_ino|d_ino|stx_ino|st_blocks|stx_blocks|st_dev|stx_dev_minor|"
                r"st_[acm]time(_nsec)?|stx_[acbm]time|tv_sec|tv_nsec|tv_usec|d_off)="
                r"(\{[^}]*\}|[^,{}]+)"), r"\1=N"),
    # free space and inodes move between the runs
    (re.compile(r"\b(f_bfree|f_bavail|f_ffree|f_files)=\d+"), r"\1=N"),
    (re.compile(r"(socket|pipe|net|TCP|TCPv6|UDP|UDPv6|UNIX|NETLINK|UNIX-STREAM|"
                r"UNIX-DGRAM):\[\d+\]"), r"\1:[N]"),
    (re.compile(r"htons\(\d+\)"), "htons(PORT)"),
    # netlink port ids (the pid, or random) and ip's time-based sequence numbers
    (re.compile(r"\b(nl_pid|nlmsg_pid)=-?[1-9]\d*"), r"\1=N"),
    (re.compile(r"\bnlmsg_seq=[1-9]\d*"), "nlmsg_seq=N"),
    # interface counters move between the runs
    (re.compile(r"\b([rt]x_\w+|multicast|collisions)=\d+"), r"\1=N"),
    (re.compile(r"(127\.0\.0\.1|\[::1?\]):\d+"), r"\1:PORT"),
    (re.compile(r"\b\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?[+-]\d{4}\b"), "DATE"),
    (re.compile(r"\b\d\d:\d\d:\d\d(\.\d+)?\b"), "TIME"),
    (re.compile(r"<\d+\.\d+>"), "<T>"),
    (re.compile(r"\b(uptime|loads|freeram|sharedram|bufferram|freeswap|procs|freehigh)="
                r"(\[[^]]*\]|\d+)"), r"\1=N"),
    (re.compile(r"\b(si_utime|si_stime)=\d+( /\* [\d.]+ s \*/)?"), r"\1=N"),
]

def apply_masks(line):
    for pat, rep in MASKS:
        line = pat.sub(rep, line)
    return line


PID_PLACES = [
    re.compile(r"^(?:getpid|gettid|getppid|set_tid_address|clone3?|fork|vfork)\(.*\) += (\d+)"),
    re.compile(r"^wait4\(-?\d+, .*\) += (\d+)"),
    re.compile(r"\bsi_pid=(\d+)"),
    re.compile(r"\bchild_tid=\[(\d+)\]"),
    re.compile(r"^(?:kill|tkill|tgkill|wait4|prlimit64|sched_\w+)\((\d+)"),
    re.compile(r"/proc/(\d+)/"),
]


def settle_sigchld(lines):
    """Where a SIGCHLD lands depends on when the child exited, and how many land on how many
    children exited at once: the `--- SIGCHLD` lines and the rt_sigreturn after each are
    compared at the end of the process's log as a set, without si_pid, and rt_sigreturn's
    value (that of the interrupted call) is masked."""
    rest, moved = [], []
    i = 0
    while i < len(lines):
        if lines[i].startswith("--- SIGCHLD "):
            moved.append(lines[i])
            if i + 1 < len(lines) and lines[i + 1].startswith("rt_sigreturn("):
                i += 1
                moved.append(re.sub(r"= -?\d+( E\w+ \(.*\))?$", "= N", lines[i]))
            i += 1
            continue
        rest.append(lines[i])
        i += 1
    if moved:
        rest.append("-- SIGCHLD deliveries (distinct lines):")
    # standard signals coalesce: two children that exit together make one delivery
    moved = sorted(set(apply_masks(re.sub(r"\) +=", ") =", re.sub(r"\bsi_pid=\d+", "si_pid=N", m)))
                       for m in moved))
    return rest + moved


URANDOM = re.compile(r'^open(?:at)?\(.*"/dev/u?random", .*\) += (\d+)')


def unrandom(lines):
    """Masks what is read from an fd opened on /dev/urandom (perl's hash seed)."""
    fds = set()
    for line in lines:
        m = URANDOM.match(line)
        if m:
            fds.add(m.group(1))
        m = re.match(r"(read|close)\((\d+)[<,)]", line)
        if m and m.group(2) in fds:
            if m.group(1) == "close":
                fds.discard(m.group(2))
            else:
                line = re.sub(r'"(?:[^"\\]|\\.)*"', '"RANDOM"', line, count=1)
                line = re.sub(r"\) +=", ") =", line)
        yield line


def mask(logs):
    """Masked lines of one traced program, processes in pid (= creation) order, each pid
    replaced by P1, P2... in that order."""
    pids = sorted(p for p in logs if p is not None)
    names = {p: "P%d" % (i + 1) for i, p in enumerate(pids)}
    streams = [(None, logs[None])] if None in logs else []
    streams += [(p, join_unfinished(logs[p])) for p in pids]
    # pids that appear only inside lines (no -f): in order of appearance
    for _, lines in streams:
        for line in lines:
            for pat in PID_PLACES:
                for m in pat.finditer(line):
                    p = int(m.group(1))
                    if p > 1 and p not in names:
                        names[p] = "P%d" % (len(names) + 1)
    pid_re = re.compile(r"(?<![\w.])(%s)(?![\w.])" % "|".join(str(p) for p in names)) \
        if names else None
    out = []
    for p, lines in streams:
        if p is not None:
            out.append("== process %s" % names[p])
        for line in unrandom(settle_sigchld(lines)):
            if p is not None:
                # -f: whether a line was split (and padded) depends on the interleaving
                line = re.sub(r"\) {2,}= ", ") = ", line)
            line = apply_masks(line)
            if pid_re:
                line = pid_re.sub(lambda m: names[int(m.group(1))], line)
            out.append(line)
    return out


def compare(a, b):
    """(identical lines, total lines) of two masked logs: lines in the longest matching
    subsequence over the longer log's length."""
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    same = sum(blk.size for blk in sm.get_matching_blocks())
    return same, max(len(a), len(b))


def bpf_available(scry, cwd, env):
    if os.geteuid() != 0:
        return False
    r = subprocess.run([scry, "trace", "--backend=bpf", "--strict", "-o", "/dev/null",
                        "/bin/true"], cwd=cwd, env=env, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, timeout=60)
    return r.returncode == 0


def run_corpus(label, tracer, entries, work, env, verbose, strace_logs):
    total_same = total = 0
    print("== %s" % label)
    for name, opts, cmd in entries:
        if not shutil.which(cmd[0]):
            print("skip %-12s %s is not installed" % (name, cmd[0]))
            continue
        fixture = os.path.join(work, "fixture")
        if name not in strace_logs:
            reset_out(fixture)
            strace_logs[name] = mask(run(["strace"], opts, cmd,
                                         os.path.join(work, "log", "strace"), fixture, env))
        reset_out(fixture)
        mine = mask(run(tracer, opts, cmd, os.path.join(work, "log", "scry"), fixture, env))
        same, n = compare(strace_logs[name], mine)
        total_same += same
        total += n
        share = 100.0 * same / n if n else 100.0
        print("%-4s %-12s %4d/%-4d lines  %6.2f%%  strace %s %s" % (
            "ok" if same == n else "DIFF", name, same, n, share, " ".join(opts),
            " ".join(c if len(c) < 40 and "\n" not in c else repr(c[:37] + "...")
                     for c in cmd)))
        if same != n:
            diff = list(difflib.unified_diff(strace_logs[name], mine, "strace", "scry",
                                             lineterm="", n=1))
            for d in diff if verbose else diff[:DIFF_LINES]:
                print("    " + d)
            if not verbose and len(diff) > DIFF_LINES:
                print("    ... %d more diff lines (-v shows all)" % (len(diff) - DIFF_LINES))
    share = 100.0 * total_same / total if total else 0.0
    print("%s: %d of %d lines identical to strace 6.1: %.2f%%" % (label, total_same, total,
                                                                   share))
    return share


def reset_out(fixture):
    out = os.path.join(fixture, "out")
    shutil.rmtree(out, ignore_errors=True)
    os.mkdir(out)
    os.utime(out, (1000000000, 1000000000))


def main(argv):
    verbose = "-v" in argv
    keep = "-k" in argv
    args = [a for a in argv[1:] if a not in ("-v", "-k")]
    if len(args) < 2:
        sys.stderr.write("usage: test-trace-corpus.py SCRY HELPERS_DIR [-v] [-k] [NAME...]\n")
        return 2
    scry, helpers = os.path.realpath(args[0]), os.path.realpath(args[1])
    if not shutil.which("strace") or not shutil.which("setarch"):
        print("strace or setarch is not installed")
        return 77
    entries = corpus(helpers)
    if args[2:]:
        entries = [e for e in entries if e[0] in args[2:]]
    work = tempfile.mkdtemp(prefix="scry-corpus.")
    try:
        make_fixture(os.path.join(work, "fixture"))
        os.mkdir(os.path.join(work, "log"))
        env = environment(work)
        strace_logs = {}
        share = run_corpus("ptrace", [scry, "trace", "--backend=ptrace"], entries, work, env,
                           verbose, strace_logs)
        if bpf_available(scry, work, env):
            run_corpus("bpf", [scry, "trace", "--backend=bpf"], entries, work, env, verbose,
                       strace_logs)
        else:
            print("bpf: not run (needs root and a working bpf backend)")
    finally:
        if keep:
            print("work directory kept: %s" % work)
        else:
            shutil.rmtree(work, ignore_errors=True)
    if share < FAIL_BELOW:
        print("FAIL: ptrace share %.2f%% is below %.0f%% (target %.0f%%)" % (
            share, FAIL_BELOW, TARGET))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
