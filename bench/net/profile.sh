#!/usr/bin/env bash
# Where Testbed's server spends its CPU during one bench/net test through the tap: runs the server
# (built by measure.sh, in .testbed/bench-net) in a fresh namespace, records it with perf (call
# graphs, frame pointers) while the client runs TEST, and prints the shares of the server's CPU time by
# site (inclusive: a site's callees count) and the cost per frame. Not part of measure.sh's results.
#
# Usage: bench/net/profile.sh up|down|rr [SIZE] [--seconds S] [--frequency HZ] [--port 5002]
#        bench/net/profile.sh all     (up, down, rr 1, rr 65536; writes bench/results/net-profile.md)
#   up: the server receives (ACKs out), down: the server sends, rr SIZE: 1-byte requests answered
#   by SIZE bytes (default 1); --port 5002: the listener with 1 MiB socket buffers. Needs root and perf (apt-get install -y --no-install-recommends linux-perf).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
if [ "${1:-}" = all ]; then
  shift
  self="${BASH_SOURCE[0]}"
  {
    echo "# Where Testbed's server spends its CPU through the tap ($(git -C "$root" rev-parse --short HEAD)$(git -C "$root" status --porcelain -- libos | grep -q . && echo ', with uncommitted changes'))"
    echo
    echo "Reproduce: \`bench/net/profile.sh all\` (as root, after \`bench/net/measure.sh --quick\`). $(date -u +%Y-%m-%dT%H:%M:%SZ);"
    echo "$(awk -F: '/^model name/ { print $2; exit }' /proc/cpuinfo | sed 's/^ *//'), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)."
    echo "perf record -g (frame pointers) of the server process only, pinned to CPU 0, client on CPU 1. Shares are"
    echo "inclusive (a site's callees count); *µs per frame* divides the site's share of the server's CPU time by the"
    echo "frames it handles (written frames for the write sites, read frames for the read site, data frames for the checksum)."
    for t in up down "rr 1" "rr 65536"; do
      echo
      echo "## $t"
      echo
      # shellcheck disable=SC2086
      "$self" $t "$@" | sed -e '/^top symbols/,$d'
    done
    echo
    echo "## The Internet checksum, as Testbed compiles it"
    echo
    echo "\`./testbed run bench/net/Checksum --target linux\`: the stack's \`InternetChecksum.Compute\` (current) against"
    echo "the word-by-word loop it replaced, kept in \`bench/net/Checksum/Program.cs\`; ns per call, best of 3."
    echo
    echo '```'
    (cd "$root" && ./testbed run bench/net/Checksum --target linux 2>/dev/null) || echo "(the checksum program failed)"
    echo '```' 
  } >"$root/bench/results/net-profile.md"
  cat "$root/bench/results/net-profile.md"
  exit 0
fi
cache="$root/.testbed/bench-net"
test="${1:-up}"; shift || true
size=1; seconds=3; frequency=4999; port=5001
if [ "$test" = rr ] && [ $# -gt 0 ] && [[ "$1" != --* ]]; then size="$1"; shift; fi
while (($#)); do
  case "$1" in
    --seconds) seconds="$2"; shift ;;
    --frequency) frequency="$2"; shift ;;
    --port) port="$2"; shift ;;
    *) echo "profile.sh: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
[ -x "$cache/server-testbed" ] && [ -f "$cache/client/netbench-client.dll" ] \
  || { echo "profile.sh: run bench/net/measure.sh --quick first (it builds the server and the client)" >&2; exit 1; }
command -v perf >/dev/null || { echo "profile.sh: needs perf (apt-get install -y --no-install-recommends linux-perf)" >&2; exit 1; }

ns="netbench-$$-prof"
server_pid=""
out="$cache/profile-$test"; [ "$test" = rr ] && out="$out-$size"; [ "$port" = 5001 ] || out="$out-$port"
cleanup() {
  local status=$?
  if [ -n "$server_pid" ]; then kill -TERM "$server_pid" 2>/dev/null || true; sleep 0.3; kill -KILL "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  if ip netns list | awk '{print $1}' | grep -qx "$ns"; then
    for pid in $(ip netns pids "$ns" 2>/dev/null); do kill -KILL "$pid" 2>/dev/null || true; done
    ip netns delete "$ns" 2>/dev/null || true
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

ip netns add "$ns"
ip -n "$ns" link set lo up
ip -n "$ns" tuntap add dev tbtap0 mode tap
ip -n "$ns" addr add 10.0.2.2/24 dev tbtap0
ip -n "$ns" link set tbtap0 up
TESTBED_NET_TAP=tbtap0 TESTBED_NET_IP=10.0.2.15/24 TESTBED_NET_GATEWAY=10.0.2.2 \
  ip netns exec "$ns" taskset -c 0 "$cache/server-testbed" >"$out.server.log" 2>&1 &
server_pid=$!
client="ip netns exec $ns taskset -c 1 dotnet $cache/client/netbench-client.dll"
timeout 30 $client wait 10.0.2.15 5001 20 >/dev/null

case "$test" in
  up|down) client_args=("$test" 10.0.2.15 "$port" "$seconds") ;;
  rr) client_args=(rr 10.0.2.15 "$port" "$size" 1000000 "$seconds" 0) ;;
  *) echo "profile.sh: TEST is up, down or rr" >&2; exit 2 ;;
esac
record_seconds=$(python3 -c "import sys; print(float(sys.argv[1]) + 0.3)" "$seconds")
perf record -F "$frequency" -g -o "$out.data" -p "$server_pid" -- sleep "$record_seconds" 2>"$out.perf.log" &
perf_pid=$!
sleep 0.2
result=$(timeout 120 $client "${client_args[@]}" --server-pid "$server_pid" --stats)
wait "$perf_pid" || true
echo "$result" >"$out.result.json"

perf report -i "$out.data" --children --sort sym -g none --percent-limit 0 --stdio 2>/dev/null >"$out.children.txt"
perf report -i "$out.data" --no-children --sort dso -g none --stdio 2>/dev/null >"$out.dso.txt"
perf report -i "$out.data" --no-children --sort sym -g none --stdio 2>/dev/null >"$out.self.txt"

python3 - "$out" "$test" <<'PY'
import json, re, sys
out, test = sys.argv[1], sys.argv[2]
result = json.load(open(out + ".result.json"))
children = {}
for line in open(out + ".children.txt"):
    m = re.match(r"\s*([\d.]+)%\s+([\d.]+)%\s+\[(.)\]\s+(.*\S)", line)
    if m: children.setdefault(m.group(4), (float(m.group(1)), float(m.group(2))))
def incl(pattern):
    return sum(v[0] for k, v in children.items() if re.fullmatch(pattern, k))
def self_(pattern):
    return sum(v[1] for k, v in children.items() if re.fullmatch(pattern, k))
dso = {}
for line in open(out + ".dso.txt"):
    m = re.match(r"\s*([\d.]+)%\s+(\S+)", line)
    if m: dso[m.group(2)] = float(m.group(1))
kernel = dso.get("[kernel.kallsyms]", 0.0)
run = result.get("server_run_s", float("nan"))
c = result.get("server_counters", {})
rx, tx = c.get("frames_received", 0), c.get("frames_sent", 0)
print(f"test: {test}; client says: " + ", ".join(f"{k}={result[k]}" for k in ("gbit_per_s", "requests_per_s", "p50_us", "server_run_s", "server_runqueue_wait_s", "wall_s") if k in result))
print(f"server frames: received {rx}, sent {tx}; server CPU: {run:.3f} s, {kernel:.1f} % in the kernel")
rows = [
    ("tap write (one write per frame), all of it", incl(r"Testbed\.LibOS\.Drivers\.Tap\.TapDevice::Transmit.*"), tx),
    ("  of which the kernel's IP/TCP input of that frame (the peer's stack, run in our write)", incl(r"netif_receive_skb"), tx),
    ("    of which waking the peer's reader (sock_def_readable)", incl(r"sock_def_readable"), tx),
    ("    of which the peer's TCP sending more (tcp_write_xmit, from our ACK)", incl(r"tcp_write_xmit"), tx),
    ("  of which building the skb and copying the frame in (tun_get_user less the input)", incl(r"tun_get_user") - incl(r"netif_receive_skb"), tx),
    ("tap read (one read per frame)", incl(r"Testbed\.LibOS\.Drivers\.Tap\.TapDevice::Receive\(\)"), rx),
    ("waiting for the tap (ppoll) and switching green threads", incl(r"Testbed\.LibOS\.Platform\.EventLoop::PollFiles.*") + self_(r"Testbed\.LibOS\.Threading\.Scheduler::.*"), None),
    ("Internet checksum (InternetChecksum.Add: TCP in and out; per data frame)", incl(r"Testbed\.LibOS\.Net\.InternetChecksum::Add.*"), max(rx, tx)),
    ("memmove (the stack's copies: app <-> rings <-> segments)", self_(r"memmove|memcpy.*"), None),
    ("clock_gettime (vDSO)", self_(r"__vdso_clock_gettime"), None),
    ("the rest of the Testbed image (TCP, IP, sockets, scheduler)", 100 - kernel - dso.get("[vdso]", 0) - self_(r"Testbed\.LibOS\.Net\.InternetChecksum::Add.*") - self_(r"memmove|memcpy.*"), None),
]
print()
print(f"| site | share of server CPU | µs per frame |")
print(f"|---|---|---|")
for name, share, frames in rows:
    per = f"{share / 100 * run / frames * 1e6:.2f}" if frames else "–"
    print(f"| {name} | {share:.1f} % | {per} |")
print()
print("top symbols (self):")
print("".join([l for l in open(out + ".self.txt") if "%" in l and not l.startswith("#")][:25]))
print(f"perf data: {out}.data (perf report -i {out}.data)")
PY
