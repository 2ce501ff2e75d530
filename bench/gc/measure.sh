#!/usr/bin/env bash
# Allocation throughput and collection pauses of the collector (docs/gc.md): runs bench/gc/churn.cs
# as a Linux process and as a PVH guest, converts TSC cycles to time with the host's TSC frequency
# (the "cpu MHz" of /proc/cpuinfo, which is the TSC's on this machine's constant-TSC CPUs; under TCG
# the guest's TSC follows the host clock at the same rate), and writes bench/results/gc.json and gc.md.
# Usage: bench/gc/measure.sh [runs]   (the best run per target by total cycles is kept)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
runs=${1:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$root"

./testbed build bench/gc/churn.cs --target linux -o "$work/churn" 2>/dev/null
for i in $(seq "$runs"); do "$work/churn" >"$work/linux.$i"; done
for i in $(seq "$runs"); do
  ./testbed run bench/gc/churn.cs --target pvh --mem 128M --timeout 300 --verbose >"$work/pvh.$i" 2>"$work/pvh.err.$i"
done
accel=$(sed -n 's/.* -accel \([a-z]*\) .*/\1/p' "$work/pvh.err.1" | tail -1)
mhz=$(awk -F: '/^cpu MHz/ { print $2; exit }' /proc/cpuinfo | tr -d ' ')
cpu=$(awk -F: '/^model name/ { print $2; exit }' /proc/cpuinfo | sed 's/^ *//')
commit=$(git rev-parse --short HEAD)

python3 - "$root/bench/results" "$work" "$runs" "$mhz" "$accel" "$cpu" "$commit" <<'PY'
import json, sys, glob
out, work, runs, mhz, accel, cpu, commit = sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4]), sys.argv[5], sys.argv[6], sys.argv[7]

def parse(path):
    values = {}
    for line in open(path):
        line = line.strip()
        if "=" in line and " " not in line:
            k, v = line.split("=", 1)
            values[k] = int(v)
    return values

def ms(cycles): return cycles / (mhz * 1000.0)

result = {"commit": commit, "cpu": cpu, "tsc_mhz": mhz, "runs": runs, "targets": {}}
for target in ("linux", "pvh"):
    samples = [parse(p) for p in sorted(glob.glob(f"{work}/{target}.[0-9]*"))]
    best = min(samples, key=lambda s: s["churn_small_live.cycles"] + s["churn_16mb_live.cycles"])
    t = {"heap_capacity_bytes": best["heap_capacity"], "collections": best["collections"],
         "max_pause_ms": round(ms(best["max_pause_cycles"]), 3), "mark_stack_overflows": best["mark_stack_overflows"],
         "phases": {}}
    if target == "pvh": t["accel"] = accel
    for phase in ("churn_small_live", "churn_16mb_live"):
        p = {k.split(".", 1)[1]: v for k, v in best.items() if k.startswith(phase + ".")}
        seconds = ms(p["cycles"]) / 1000.0
        mutator = ms(p["cycles"] - p["pause_cycles"]) / 1000.0
        t["phases"][phase] = {
            "objects": p["objects"], "bytes": p["bytes"], "collections": p["collections"],
            "total_ms": round(seconds * 1000, 1),
            "allocations_per_second_millions": round(p["objects"] / seconds / 1e6, 1),
            "mb_per_second": round(p["bytes"] / seconds / 1e6, 1),
            "cycles_per_allocation_excluding_gc": round((p["cycles"] - p["pause_cycles"]) / p["objects"], 1),
            "gc_share_percent": round(100.0 * p["pause_cycles"] / p["cycles"], 1),
            "mean_pause_ms": round(ms(p["pause_cycles"] / max(p["collections"], 1)), 3),
            "live_bytes_after_last_gc": p["live_bytes"], "heap_bytes": p["heap_bytes"],
        }
    result["targets"][target] = t

json.dump(result, open(f"{out}/gc.json", "w"), indent=2)
with open(f"{out}/gc.md", "w") as md:
    md.write(f"# Collector measurements ({commit})\n\n")
    md.write(f"`bench/gc/measure.sh`: `bench/gc/churn.cs`, 20 million 24-byte objects (lists of 100) per phase, "
             f"best of {runs} runs; {cpu}, TSC {mhz:.0f} MHz. PVH: `--mem 128M`, accel {accel}.\n\n")
    md.write("| target | phase | allocations/s | MB/s | cycles/alloc (mutator) | collections | mean pause | GC share | live after GC |\n")
    md.write("|---|---|---|---|---|---|---|---|---|\n")
    for target, t in result["targets"].items():
        for phase, p in t["phases"].items():
            md.write(f"| {target} | {phase} | {p['allocations_per_second_millions']} M | {p['mb_per_second']} | "
                     f"{p['cycles_per_allocation_excluding_gc']} | {p['collections']} | {p['mean_pause_ms']} ms | "
                     f"{p['gc_share_percent']} % | {p['live_bytes_after_last_gc']} B |\n")
    md.write("\nMaximum pause: " + ", ".join(f"{k} {t['max_pause_ms']} ms" for k, t in result["targets"].items()) + ".\n")
print(open(f"{out}/gc.md").read())
PY
