#!/usr/bin/env bash
# What explicit exception propagation costs on the path that does not throw: the same call-heavy
# program (calls.cs) built normally and with --ablate-exception-checks (no test for a pending
# exception after calls), run alternately on the linux target, wall time per run. Writes
# bench/results/exceptions.{json,md}. Usage: bench/exceptions/measure.sh [runs]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
runs="${1:-10}"
work="$root/.testbed/bench-exceptions"
mkdir -p "$work" "$root/bench/results"
"$root/testbed" build "$root/bench/exceptions/calls.cs" --target linux -o "$work/checked" >&2
"$root/testbed" build "$root/bench/exceptions/calls.cs" --target linux --ablate-exception-checks -o "$work/ablated" >&2
"$root/testbed" build "$root/bench/exceptions/calls.cs" --target linux --emit llvm-ir -o "$work/checked.ll" >&2
checks=$(grep -c 'load ptr, ptr @tb_pending_exception' "$work/checked.ll" || true)
out_checked=$("$work/checked" || true); out_ablated=$("$work/ablated" || true)
[ "$out_checked" = "$out_ablated" ] || { echo "the two builds disagree" >&2; exit 1; }

time_run() { local s e; s=$(date +%s%N); "$1" >/dev/null || true; e=$(date +%s%N); echo $(( (e - s) / 1000 )); }
checked=(); ablated=()
for ((i = 0; i < runs; i++)); do
  checked+=("$(time_run "$work/checked")")
  ablated+=("$(time_run "$work/ablated")")
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
mc=$(median "${checked[@]}"); ma=$(median "${ablated[@]}")
ratio=$(awk -v c="$mc" -v a="$ma" 'BEGIN { printf "%.3f", c / a }')
size_c=$(stat -c %s "$work/checked"); size_a=$(stat -c %s "$work/ablated")
cat > "$root/bench/results/exceptions.json" <<JSON
{
  "benchmark": "bench/exceptions/calls.cs on the linux target, -O2",
  "runs": $runs,
  "median_us_with_checks": $mc,
  "median_us_ablated": $ma,
  "ratio": $ratio,
  "pending_exception_tests_in_llvm_ir": $checks,
  "image_bytes_with_checks": $size_c,
  "image_bytes_ablated": $size_a,
  "runs_us_with_checks": [$(IFS=,; echo "${checked[*]}")],
  "runs_us_ablated": [$(IFS=,; echo "${ablated[*]}")]
}
JSON
cat > "$root/bench/results/exceptions.md" <<MD
# Exceptions: cost on the path that does not throw

\`bench/exceptions/measure.sh $runs\`: \`bench/exceptions/calls.cs\` (virtual calls over an expression tree
with checked arithmetic, a recursive function with a bounds check), linux target, -O2, built with and
without the test for a pending exception after calls (\`--ablate-exception-checks\`), run alternately.

| build | median wall time | image size |
|---|---|---|
| explicit propagation (default) | ${mc} µs | ${size_c} B |
| ablated (no tests after calls) | ${ma} µs | ${size_a} B |
| **ratio** | **${ratio}** | |

Tests for a pending exception left in the optimised LLVM IR: ${checks}.
MD
cat "$root/bench/results/exceptions.md"
