#!/bin/bash
# What `run --profile` costs a CPU-bound program on the linux target (docs/profiling.md, "Overhead"):
# builds PROGRAM once, then runs it ROUNDS times with sampling off and ROUNDS times with it on at HZ,
# alternating (off, on, off, on, ...) so that drifts of the machine hit both alike, and prints the
# median wall and CPU (user + system) times of each and their ratios, and the ratio of the fastest runs
# (the least disturbed when the machine is shared).
# Usage: bench/profiling/overhead.sh [PROGRAM.cs] [ROUNDS] [HZ]   (default bench/gc/churn.cs 7 1000)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
program=${1:-$root/bench/gc/churn.cs}
rounds=${2:-7}
hz=${3:-1000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# -O2 with the start-profiler pass, as `run --profile` builds: the image profiles when TESTBED_PROFILE
# asks and otherwise runs as any -O2 image (images built without the pass carry no profiler at all).
pipeline=$(cd "$root" && ./testbed opt --print-pipeline -O2 2>/dev/null | tail -1)
pipeline=${pipeline/llvm(/start-profiler,llvm(}
(cd "$root" && ./testbed build "$program" -t linux --passes="$pipeline" -o "$work/program" >/dev/null 2>&1)
python3 - "$work/program" "$rounds" "$hz" "$work/samples" <<'PY'
import os, resource, statistics, subprocess, sys, time
program, rounds, hz, samples = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]

def run(profile):
    env = dict(os.environ)
    if profile:
        env["TESTBED_PROFILE"] = f"{hz}:{samples}"
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([program], env=env, stdout=subprocess.DEVNULL, check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu

run(False)  # warm the page cache
off, on = [], []
for _ in range(rounds):
    off.append(run(False))
    on.append(run(True))
count = int.from_bytes(open(samples, "rb").read()[16:24], "little")
for name, runs in (("off", off), ("on", on)):
    print(f"{name:3}: wall {' '.join(f'{w:.3f}' for w, _ in runs)}  median {statistics.median(w for w, _ in runs):.3f} s, cpu median {statistics.median(c for _, c in runs):.3f} s")
wall = statistics.median(w for w, _ in on) / statistics.median(w for w, _ in off)
cpu = statistics.median(c for _, c in on) / statistics.median(c for _, c in off)
# The fastest run of each is the one least disturbed by whatever else the machine did.
fastest = min(w for w, _ in on) / min(w for w, _ in off)
print(f"profiled / unprofiled at {hz} Hz: medians wall {wall:.3f}, cpu {cpu:.3f}; fastest wall {fastest:.3f} ({count} samples in the last profiled run)")
PY
