#!/usr/bin/env bash
# Measures the spine: cold and warm wall time of `./testbed run bench/apps/hello` (cold = a fresh
# clone, so it includes building the compiler, the library OS and the app), the size of the hello
# image, the guest's boot-to-Main time (TSC, reported by the guest) and the corpus pass counts per
# target. Writes bench/results/spine.json and spine.md. Usage: bench/spine/measure.sh [warm runs]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
runs=${1:-10}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

git clone -q "$root" "$work/clone"
cd "$work/clone"
now() { date +%s.%N; }
t0=$(now); ./testbed run bench/apps/hello >/dev/null 2>"$work/cold.err"; t1=$(now)
cold=$(awk "BEGIN { print $t1 - $t0 }")

warm=()
for _ in $(seq "$runs"); do
  t0=$(now); ./testbed run bench/apps/hello --verbose >/dev/null 2>"$work/warm.err"; t1=$(now)
  warm+=("$(awk "BEGIN { print $t1 - $t0 }")")
done
boot_cycles=$(sed -n 's/.*boot_tsc_to_main=\([0-9]*\).*/\1/p' "$work/warm.err" | tail -1)
boot_ms=$(sed -n 's/.*boot to Main took \([0-9.]*\) ms.*/\1/p' "$work/warm.err" | tail -1)
accel=$(sed -n 's/.* -accel \([a-z]*\) .*/\1/p' "$work/warm.err" | tail -1)
elf_size=$(stat -c %s .testbed/out/hello.pvh.elf)
./testbed build bench/apps/hello --target linux -o "$work/hello.exe" 2>/dev/null
exe_size=$(stat -c %s "$work/hello.exe")

./test --filter "FullyQualifiedName~DifferentialTests" >"$work/test.out" 2>&1 || true
trx=$(ls .testbed/test-results/*.trx | head -1)
count() { { grep -o "<UnitTestResult [^>]*testName=\"Testbed.Tests.Programs.$1DifferentialTests[^\"]*\"[^>]*outcome=\"$2\"" "$trx" || true; } | wc -l; }
pvh_pass=$(count Pvh Passed); pvh_fail=$(count Pvh Failed)
linux_pass=$(count Linux Passed); linux_fail=$(count Linux Failed)
programs=$(ls tests/programs/*.cs | wc -l)

python3 - "$root/bench/results" <<PY
import json, statistics, sys, platform, subprocess
warm = [float(x) for x in "${warm[*]}".split()]
result = {
  "what": "spine: ./testbed run bench/apps/hello, hello image size, boot-to-Main, corpus pass counts",
  "commit": subprocess.run(["git", "-C", "$root", "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip(),
  "host": platform.node(),
  "accelerator": "$accel",
  "cold_run_seconds": round(float("$cold"), 3),
  "warm_run_seconds": {"runs": len(warm), "median": round(statistics.median(warm), 3), "min": round(min(warm), 3), "max": round(max(warm), 3)},
  "hello_pvh_elf_bytes": int("$elf_size"),
  "hello_linux_executable_bytes": int("$exe_size"),
  "boot_to_main_tsc_cycles": int("${boot_cycles:-0}"),
  "boot_to_main_ms": float("${boot_ms:-0}"),
  "corpus_programs": int("$programs"),
  "corpus": {"pvh": {"passed": int("$pvh_pass"), "failed": int("$pvh_fail")}, "linux": {"passed": int("$linux_pass"), "failed": int("$linux_fail")}},
}
out = sys.argv[1]
json.dump(result, open(f"{out}/spine.json", "w"), indent=2)
w = result["warm_run_seconds"]
open(f"{out}/spine.md", "w").write(f"""# Spine measurements ({result['commit']})

Reproduce: \`bench/spine/measure.sh {len(warm)}\`. Accelerator: {result['accelerator']}.

| measure | value |
|---|---|
| cold \`./testbed run bench/apps/hello\` (fresh clone: builds compiler, library OS, app) | {result['cold_run_seconds']} s |
| warm run, median of {w['runs']} (min, max) | {w['median']} s ({w['min']}, {w['max']}) |
| hello PVH ELF | {result['hello_pvh_elf_bytes']} bytes |
| hello Linux executable | {result['hello_linux_executable_bytes']} bytes |
| boot to Main, in the guest | {result['boot_to_main_tsc_cycles']} TSC cycles = {result['boot_to_main_ms']} ms |
| corpus ({result['corpus_programs']} programs), pvh | {result['corpus']['pvh']['passed']} passed, {result['corpus']['pvh']['failed']} failed |
| corpus, linux | {result['corpus']['linux']['passed']} passed, {result['corpus']['linux']['failed']} failed |
""")
print(open(f"{out}/spine.md").read())
PY
