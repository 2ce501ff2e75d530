#!/usr/bin/env bash
# What exception handling costs on the path that does not throw, as two ablations on the linux
# target, each program built normally and with one mechanism switched off, run alternately, wall
# time per run:
#   calls.cs      --ablate-exception-checks  the test for a pending exception after calls
#   try_blocks.cs --ablate-handler-records   linking try blocks' handler records for the first pass
# Writes bench/results/exceptions.{json,md}. Usage: bench/exceptions/measure.sh [runs]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
runs="${1:-10}"
work="$root/.testbed/bench-exceptions"
mkdir -p "$work" "$root/bench/results"

time_run() { local s e; s=$(date +%s%N); "$1" >/dev/null || true; e=$(date +%s%N); echo $(( (e - s) / 1000 )); }
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

json_rows=(); md_rows=()
# measure NAME PROGRAM FLAG: builds both ways, checks they agree, runs them alternately.
measure() {
  local name="$1" program="$2" flag="$3"
  "$root/testbed" build "$root/bench/exceptions/$program" --target linux -o "$work/$name-full" >&2
  "$root/testbed" build "$root/bench/exceptions/$program" --target linux "$flag" -o "$work/$name-ablated" >&2
  "$root/testbed" build "$root/bench/exceptions/$program" --target linux --emit llvm-ir -o "$work/$name.ll" >&2
  local out_full out_ablated
  out_full=$("$work/$name-full" || true); out_ablated=$("$work/$name-ablated" || true)
  [ "$out_full" = "$out_ablated" ] || { echo "$program: the two builds disagree" >&2; exit 1; }
  local full=() ablated=()
  for ((i = 0; i < runs; i++)); do
    full+=("$(time_run "$work/$name-full")")
    ablated+=("$(time_run "$work/$name-ablated")")
  done
  local mf ma ratio size_f size_a checks links
  mf=$(median "${full[@]}"); ma=$(median "${ablated[@]}")
  ratio=$(awk -v f="$mf" -v a="$ma" 'BEGIN { printf "%.3f", f / a }')
  size_f=$(stat -c %s "$work/$name-full"); size_a=$(stat -c %s "$work/$name-ablated")
  checks=$(grep -c 'load ptr, ptr @tb_pending_exception' "$work/$name.ll" || true)
  links=$(grep -c 'store ptr %[^,]*, ptr @"System.Runtime.ExceptionHandling::s_chain"' "$work/$name.ll" || true)
  json_rows+=("    { \"program\": \"bench/exceptions/$program\", \"ablation\": \"$flag\", \"median_us\": $mf, \"median_us_ablated\": $ma, \"ratio\": $ratio, \"image_bytes\": $size_f, \"image_bytes_ablated\": $size_a, \"pending_exception_tests_in_llvm_ir\": $checks, \"chain_stores_in_llvm_ir\": $links, \"runs_us\": [$(IFS=,; echo "${full[*]}")], \"runs_us_ablated\": [$(IFS=,; echo "${ablated[*]}")] }")
  md_rows+=("| \`$program\` | \`$flag\` | ${mf} µs | ${ma} µs | **${ratio}** | ${size_f} / ${size_a} B |")
}

measure calls calls.cs --ablate-exception-checks
measure try_blocks try_blocks.cs --ablate-handler-records

{
  echo "{"
  echo "  \"benchmark\": \"exception handling on the path that does not throw, linux target, -O2\","
  echo "  \"runs\": $runs,"
  echo "  \"results\": ["
  for ((k = 0; k < ${#json_rows[@]}; k++)); do
    if ((k + 1 < ${#json_rows[@]})); then echo "${json_rows[$k]},"; else echo "${json_rows[$k]}"; fi
  done
  echo "  ]"
  echo "}"
} > "$root/bench/results/exceptions.json"
{
  echo "# Exceptions: cost on the path that does not throw"
  echo
  echo "\`bench/exceptions/measure.sh $runs\`, linux target, -O2; each program built normally and with one"
  echo "mechanism ablated, run alternately; the ratio is full / ablated (median wall time)."
  echo
  echo "- \`calls.cs\`: virtual calls over an expression tree with checked arithmetic, a recursive function"
  echo "  with a bounds check; ablated: the test for a pending exception after calls."
  echo "- \`try_blocks.cs\`: a loop whose every iteration enters two try blocks (typed catch, a filter"
  echo "  reading a local); ablated: linking their handler records into the first pass's chain."
  echo
  echo "| program | ablation | median | median ablated | ratio | image (full / ablated) |"
  echo "|---|---|---|---|---|---|"
  printf '%s\n' "${md_rows[@]}"
} > "$root/bench/results/exceptions.md"
cat "$root/bench/results/exceptions.md"
