#!/usr/bin/env bash
# Our counterpart of Unikraft's Figures 12 (Redis) and 13 (nginx); README.md in this folder says what
# differs. Runs `./testbed bench kv` and `./testbed bench http` with the paper's client settings
# (30 connections; redis-benchmark -t get,set -n 100000 at P=16, plus P=1; wrk on the 612-byte page,
# plus a 64 KiB file), 5 rounds for the paper's 5 runs, into results/, then writes comparison.md and
# comparison.png: our ratios to native beside the published ones (published.json).
#
# Usage (as root): papers/unikraft-eurosys21/run.sh [--rounds R] [--quick] [other testbed bench options]
#   --quick   a smoke run (minutes): results/*-quick.*, and a comparison marked as such
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
rounds=5; quick=(); rest=()
while (($#)); do
  case "$1" in
    --rounds) rounds="$2"; shift ;;
    --quick) quick=(--quick) ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) rest+=("$1") ;;
  esac
  shift
done
"$root/testbed" bench kv --rounds "$rounds" --requests 100000 --connections 30 --out "$here/results" "${quick[@]}" "${rest[@]}"
"$root/testbed" bench http --rounds "$rounds" --seconds 10 --connections 30 --out "$here/results" "${quick[@]}" "${rest[@]}"
"$root/testbed" bench paper unikraft-eurosys21 --from "$here/results"
