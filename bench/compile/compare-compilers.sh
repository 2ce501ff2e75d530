#!/usr/bin/env bash
# Paired, alternated build times of two compilers on the same machine and session:
#   bench/compile/compare-compilers.sh OLD_COMMIT [ROUNDS] [APPS...]
# OLD_COMMIT's compiler (built JIT, in a temporary worktree, with its own library OS) against this
# checkout's ./testbed compiler, each building the apps (default: hello kv) with --target linux,
# alternated round by round so that a noisy host's drift hits both alike. Prints per app the median,
# min and max wall time of each and the ratio new/old. Leaves nothing behind.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
old=${1:?usage: compare-compilers.sh OLD_COMMIT [ROUNDS] [APPS...]}
rounds=${2:-5}
shift $(( $# >= 2 ? 2 : 1 ))
apps=("$@"); [ ${#apps[@]} -eq 0 ] && apps=(hello kv)

work=$(mktemp -d)
cleanup() { git -C "$root" worktree remove --force "$work/old" >/dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT INT TERM

"$root/testbed" --help >/dev/null   # publishes this checkout's compiler if it is out of date
git -C "$root" worktree add --detach "$work/old" "$old" >/dev/null
dotnet build "$work/old/cli/Testbed.Cli.csproj" -c Release -nologo -v:q -clp:ErrorsOnly >&2
new_dll="$root/.testbed/compiler/testbed.dll"
old_dll="$work/old/cli/bin/Release/net10.0/testbed.dll"

build() { # which app output
  if [ "$1" = old ]; then TESTBED_ROOT="$work/old" dotnet "$old_dll" build "$work/old/bench/apps/$2" --target linux -o "$3"
  else dotnet "$new_dll" build "$root/bench/apps/$2" --target linux -o "$3"; fi
}
for app in "${apps[@]}"; do build old "$app" "$work/warm.elf" >/dev/null 2>&1; build new "$app" "$work/warm.elf" >/dev/null 2>&1; done

: > "$work/times"
for r in $(seq "$rounds"); do
  for app in "${apps[@]}"; do
    for which in old new; do
      start=$(date +%s.%N)
      build "$which" "$app" "$work/$which-$app.elf" >/dev/null 2>&1 || { echo "the $which compiler failed to build $app" >&2; exit 1; }
      end=$(date +%s.%N)
      echo "$app $which $start $end" >> "$work/times"
    done
  done
done
python3 - "$work/times" "$old" <<'PY'
import sys, statistics, collections
times = collections.defaultdict(list)
for line in open(sys.argv[1]):
    app, which, start, end = line.split()
    times[(app, which)].append(float(end) - float(start))
print(f"{'app':8} {'compiler':22} {'median s':>9} {'min':>7} {'max':>7} {'new/old':>8}")
for app in dict.fromkeys(a for a, _ in times):
    old = statistics.median(times[(app, 'old')])
    for which, label in (('old', sys.argv[2][:12]), ('new', 'this checkout')):
        t = times[(app, which)]
        m = statistics.median(t)
        print(f"{app:8} {label:22} {m:9.2f} {min(t):7.2f} {max(t):7.2f} {m / old:8.3f}")
PY
