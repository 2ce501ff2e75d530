#!/bin/bash
# Counts, per function, the inputs where Testbed's Math/MathF differ from CoreCLR's (glibc's libm) over
# the pseudo-random inputs of bench/math/measure.cs, and the largest difference in ulps. Both programs
# stream into the comparison, so nothing large is stored. Usage: bench/math/measure.sh [inputs per function]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
n=${1:-1000000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
sed "s/const int N = 1000000;/const int N = $n;/" "$root/bench/math/measure.cs" > "$work/measure.cs"
(echo '#:property AllowUnsafeBlocks=true'; echo '#:property InvariantGlobalization=true'; cat "$work/measure.cs") > "$work/clr.cs"
(cd "$work" && nice dotnet build clr.cs -c Release -o "$work/clr" >/dev/null)
(cd "$root" && nice ./testbed build "$work/measure.cs" -t linux -o "$work/tb" >/dev/null 2>&1)
mkfifo "$work/a" "$work/b"
nice dotnet "$work/clr/clr.dll" > "$work/a" &
nice "$work/tb" > "$work/b" &
paste -d' ' "$work/a" "$work/b" | python3 "$root/bench/math/compare.py" "$root/bench/results/math"
wait
