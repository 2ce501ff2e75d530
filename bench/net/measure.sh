#!/usr/bin/env bash
# bench/net: TCP bulk throughput and request/response latency of Testbed's stack (the Linux target
# driving a tap) against Linux's own stack (two namespaces over a veth pair), in one run, the
# configurations alternated within each of R rounds so that drift hits all alike. See
# bench/net/README.md. Writes bench/results/net.{json,md} and net-{throughput,latency}.png.
#
# Usage: bench/net/measure.sh [--quick] [--rounds R] [--seconds S] [--requests N] [--no-iperf3]
#   --quick       a smoke run: one round, short tests, no warm-up round (builds are cached)
#   --rounds R    measured rounds (default 5), after one warm-up round that is not recorded
#   --seconds S   length of each bulk test (default 3)
#   --requests N  requests per request/response test (default 5000, at most --rr-seconds each)
#   --rr-seconds S  (default 1.5)
#   --no-iperf3   skip the iperf3 rows
#   --out DIR     where the results go (default bench/results)
# Needs root (ip netns), iproute2, dotnet, python3; iperf3 is installed with apt-get if missing
# (skipped with a note if that fails). Server on CPU 0, clients on CPU 1 (taskset).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"

rounds=5; seconds=3; requests=5000; rr_seconds=1.5; warmup_rounds=1; quick=0; use_iperf3=1
out="$root/bench/results"
sizes=(1 100 1000 1460 1461 4096 16384 65536)
args=("$@")
while (($#)); do
  case "$1" in
    --quick) quick=1; rounds=1; seconds=0.5; requests=300; rr_seconds=0.3; warmup_rounds=0 ;;
    --rounds) rounds="$2"; shift ;;
    --seconds) seconds="$2"; shift ;;
    --requests) requests="$2"; shift ;;
    --rr-seconds) rr_seconds="$2"; shift ;;
    --out) out="$2"; shift ;;
    --no-iperf3) use_iperf3=0 ;;
    -h|--help) sed -n '2,18p' "$0"; exit 0 ;;
    *) echo "measure.sh: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
[ "$(id -u)" = 0 ] || { echo "measure.sh: needs root (ip netns)" >&2; exit 1; }
iperf_seconds=$(python3 -c "import math,sys; print(max(1, math.ceil(float(sys.argv[1]))))" "$seconds")

server_cpu=0; client_cpu=1
if [ "$(nproc)" -lt 2 ]; then client_cpu=0; fi
cache="$root/.testbed/bench-net"          # builds, kept between runs
work=$(mktemp -d /tmp/netbench.XXXXXX)    # this run's raw results and logs
mkdir -p "$cache" "$out"
prefix="netbench-$$"
ns_tap="$prefix-tap"; ns_srv="$prefix-srv"; ns_cli="$prefix-cli"; ns_srv2="$prefix-srv2"; ns_cli2="$prefix-cli2"
pids=()

log() { echo "net: $*" >&2; }

# Namespaces of earlier runs whose script no longer exists (killed with SIGKILL): their programs are
# stopped and the namespaces deleted, as testbed's own --net tap does. An owner is alive if its PID
# is a bench/net script that is not a zombie (a PID reused by another program does not keep them).
owner_alive() {
  local stat
  stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
  stat=${stat##*) }
  [ "${stat%% *}" != Z ] && tr '\0' ' ' <"/proc/$1/cmdline" 2>/dev/null | grep -q 'bench/net/\(measure\|profile\)\.sh'
}
remove_stale() {
  local space owner pid
  for space in $(ip netns list 2>/dev/null | awk '{print $1}' | grep '^netbench-[0-9]*-' || true); do
    owner=${space#netbench-}; owner=${owner%%-*}
    if [ "$owner" != "$$" ] && ! owner_alive "$owner"; then
      for pid in $(ip netns pids "$space" 2>/dev/null); do kill -KILL "$pid" 2>/dev/null || true; done
      ip netns delete "$space" 2>/dev/null || true
      log "removed stale namespace $space"
    fi
  done
}

cleanup() {
  local status=$? pid space
  trap - EXIT INT TERM HUP
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do
    for _ in 1 2 3 4 5 6 7 8 9 10; do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  for space in "$ns_tap" "$ns_srv" "$ns_cli" "$ns_srv2" "$ns_cli2"; do
    if ip netns list | awk '{print $1}' | grep -qx "$space"; then
      for pid in $(ip netns pids "$space" 2>/dev/null); do kill -KILL "$pid" 2>/dev/null || true; done
      ip netns delete "$space" 2>/dev/null || true
    fi
  done
  if [ "$status" -ne 0 ]; then
    log "failed (exit $status); logs kept in $work"
  else
    rm -rf "$work"
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

remove_stale

# --- builds, cached in .testbed/bench-net: each is redone when one of its sources is newer than its
# stamp (the Testbed server depends on the compiler and the library OS too) ---------------------------
compiler_sources="libos frontend backend ir passes cli Directory.Build.props Directory.Packages.props"
builds=(
  "server-testbed|bench/net/server.cs bench/net/platform.testbed.cs bench/net/Server.Testbed $compiler_sources|./testbed build bench/net/Server.Testbed --target linux -o $cache/server-testbed"
  "server-coreclr|bench/net/server.cs bench/net/platform.coreclr.cs bench/net/Server.CoreClr Directory.Build.props|dotnet build bench/net/Server.CoreClr -c Release -o $cache/server-coreclr"
  "client|bench/net/Client Directory.Build.props|dotnet build bench/net/Client -c Release -o $cache/client"
  "report|bench/net/Report Directory.Build.props Directory.Packages.props|dotnet build bench/net/Report -c Release -o $cache/report"
)
build_commands=()
for build in "${builds[@]}"; do
  IFS='|' read -r name sources command <<<"$build"
  build_commands+=("$command")
  stamp="$cache/$name.stamp"
  if [ -f "$stamp" ] && [ -z "$(find $sources \( -name bin -o -name obj \) -prune -o -type f -newer "$stamp" -print 2>/dev/null | head -1)" ]; then
    continue
  fi
  log "$command"
  touch "$stamp.new"    # before: a source changed during the build makes the next run build again
  $command >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }
  mv "$stamp.new" "$stamp"
done
server_tb="$cache/server-testbed"
server_clr="dotnet $cache/server-coreclr/netbench-server.dll"
client="dotnet $cache/client/netbench-client.dll"

iperf3_version=""
if [ "$use_iperf3" = 1 ] && ! command -v iperf3 >/dev/null; then
  log "installing iperf3 (apt-get install -y --no-install-recommends iperf3)"
  (apt-get install -y --no-install-recommends iperf3 >"$work/apt.log" 2>&1 \
    || { apt-get update >>"$work/apt.log" 2>&1 && apt-get install -y --no-install-recommends iperf3 >>"$work/apt.log" 2>&1; }) \
    || log "iperf3 is not installable: the iperf3 rows are skipped"
fi
if [ "$use_iperf3" = 1 ] && command -v iperf3 >/dev/null; then
  iperf3_version=$(iperf3 --version | head -1)
else
  use_iperf3=0
fi

# --- networks -----------------------------------------------------------------------------------
# tap: Testbed's executable drives tbtap0 (guest 10.0.2.15/24), its host side is 10.0.2.2/24, and the
#      client runs in the same namespace. veth: Linux's stack on both ends, 10.0.3.1 (server) and
#      10.0.3.2 (client), each end in its own namespace. Nothing is routed out of them.
ip netns add "$ns_tap"
ip -n "$ns_tap" link set lo up
ip -n "$ns_tap" tuntap add dev tbtap0 mode tap
ip -n "$ns_tap" addr add 10.0.2.2/24 dev tbtap0
ip -n "$ns_tap" link set tbtap0 up
ip netns add "$ns_srv"; ip netns add "$ns_cli"
ip -n "$ns_srv" link set lo up; ip -n "$ns_cli" link set lo up
ip link add nbveth0 netns "$ns_srv" type veth peer name nbveth1 netns "$ns_cli"
ip -n "$ns_srv" addr add 10.0.3.1/24 dev nbveth0; ip -n "$ns_srv" link set nbveth0 up
ip -n "$ns_cli" addr add 10.0.3.2/24 dev nbveth1; ip -n "$ns_cli" link set nbveth1 up
# A second veth pair without segmentation offloads (TSO, GSO, GRO off at both ends): Linux moving
# 1500-byte packets one by one, as Testbed's tap does. Informative only: the baseline is the pair above.
offload_off=0
if command -v ethtool >/dev/null || apt-get install -y --no-install-recommends ethtool >>"$work/apt.log" 2>&1; then
  ip netns add "$ns_srv2"; ip netns add "$ns_cli2"
  ip -n "$ns_srv2" link set lo up; ip -n "$ns_cli2" link set lo up
  ip link add nbveth2 netns "$ns_srv2" type veth peer name nbveth3 netns "$ns_cli2"
  ip -n "$ns_srv2" addr add 10.0.4.1/24 dev nbveth2; ip -n "$ns_srv2" link set nbveth2 up
  ip -n "$ns_cli2" addr add 10.0.4.2/24 dev nbveth3; ip -n "$ns_cli2" link set nbveth3 up
  ip netns exec "$ns_srv2" ethtool -K nbveth2 tso off gso off gro off >/dev/null 2>&1 \
    && ip netns exec "$ns_cli2" ethtool -K nbveth3 tso off gso off gro off >/dev/null 2>&1 && offload_off=1
fi
[ "$offload_off" = 1 ] || log "no ethtool: the veth pair without offloads is skipped"

# --- servers (started once; each PID is the server's own: ip netns exec and taskset exec it) -------
tb_command="TESTBED_NET_TAP=tbtap0 TESTBED_NET_IP=10.0.2.15/24 TESTBED_NET_GATEWAY=10.0.2.2 ip netns exec $ns_tap taskset -c $server_cpu $server_tb"
TESTBED_NET_TAP=tbtap0 TESTBED_NET_IP=10.0.2.15/24 TESTBED_NET_GATEWAY=10.0.2.2 \
  ip netns exec "$ns_tap" taskset -c "$server_cpu" "$server_tb" >"$work/server-testbed.log" 2>&1 &
tb_pid=$!; pids+=("$tb_pid")
clr_command="ip netns exec $ns_srv taskset -c $server_cpu $server_clr"
ip netns exec "$ns_srv" taskset -c "$server_cpu" $server_clr >"$work/server-coreclr.log" 2>&1 &
clr_pid=$!; pids+=("$clr_pid")
clr2_command=""
if [ "$offload_off" = 1 ]; then
  clr2_command="ip netns exec $ns_srv2 taskset -c $server_cpu $server_clr"
  ip netns exec "$ns_srv2" taskset -c "$server_cpu" $server_clr >"$work/server-coreclr2.log" 2>&1 &
  clr2_pid=$!; pids+=("$clr2_pid")
fi
iperf_command=""
if [ "$use_iperf3" = 1 ]; then
  iperf_command="ip netns exec $ns_srv taskset -c $server_cpu iperf3 -s -p 5201"
  ip netns exec "$ns_srv" taskset -c "$server_cpu" iperf3 -s -p 5201 >"$work/server-iperf3.log" 2>&1 &
  pids+=("$!")
fi

in_tap="ip netns exec $ns_tap taskset -c $client_cpu"
in_cli="ip netns exec $ns_cli taskset -c $client_cpu"
timeout 30 $in_tap $client wait 10.0.2.15 5001 20 >/dev/null || { cat "$work/server-testbed.log" >&2; exit 1; }
timeout 30 $in_cli $client wait 10.0.3.1 5001 20 >/dev/null || { cat "$work/server-coreclr.log" >&2; exit 1; }
in_cli2="ip netns exec $ns_cli2 taskset -c $client_cpu"
if [ "$offload_off" = 1 ]; then
  timeout 30 $in_cli2 $client wait 10.0.4.1 5001 20 >/dev/null || { cat "$work/server-coreclr2.log" >&2; exit 1; }
fi
sleep 0.3   # iperf3 -s listening

raw="$work/raw.jsonl"; : >"$raw"
failures=0
json_string() { printf '%s' "$1" | sed 's/\\/\\\\/g; s/"/\\"/g'; }

# record ROUND CONFIG COMMAND...: runs a client command (bounded by timeout) and appends its JSON.
record() {
  local round="$1" config="$2"; shift 2
  local command="$*" result
  result=$(timeout 120 "$@" 2>>"$work/client.err") || true
  if [ -z "$result" ] || [ "${result:0:1}" != "{" ]; then
    result="{\"ok\":false,\"error\":\"no result (exit or timeout)\"}"
  fi
  case "$result" in *'"ok":false'*) failures=$((failures + 1)); log "round $round $config: $result" ;; esac
  [ "$round" -lt 1 ] && return 0    # warm-up rounds are not recorded
  printf '{"round":%s,"config":"%s","command":"%s","result":%s}\n' \
    "$round" "$config" "$(json_string "$command")" "$result" >>"$raw"
}

# iperf3 DIRECTION: Linux's stack with Linux's fastest client and server, both pinned like ours.
iperf3_test() {
  local round="$1" direction="$2" flag="" json
  [ "$direction" = down ] && flag="-R"
  local command="$in_cli iperf3 -c 10.0.3.1 -p 5201 -t $iperf_seconds -J $flag"
  json=$(timeout 60 $command 2>>"$work/client.err") || true
  local result
  result=$(printf '%s' "$json" | python3 -c '
import json, sys
direction = sys.argv[1]
try:
    j = json.load(sys.stdin)
    r = j["end"]["sum_received"]; s = j["end"]["sum_sent"]; cpu = j["end"]["cpu_utilization_percent"]
    # -R: the client receives; cpu "host" is the client, "remote" the server.
    print(json.dumps({"ok": True, "test": direction, "bytes": r["bytes"], "seconds": round(r["seconds"], 4),
        "gbit_per_s": round(r["bits_per_second"] / 1e9, 4), "retransmits": s.get("retransmits"),
        "client_cpu_percent": round(cpu["host_total"], 1), "server_cpu_percent": round(cpu["remote_total"], 1)}))
except Exception as e:
    print(json.dumps({"ok": False, "error": "iperf3: " + str(e)}))
' "$direction")
  record_raw "$round" "iperf3-veth" "$command" "$result"
}
record_raw() {
  local round="$1" config="$2" command="$3" result="$4"
  case "$result" in *'"ok":false'*) failures=$((failures + 1)); log "round $round $config: $result" ;; esac
  [ "$round" -lt 1 ] && return 0
  printf '{"round":%s,"config":"%s","command":"%s","result":%s}\n' \
    "$round" "$config" "$(json_string "$command")" "$result" >>"$raw"
}

# One test item for every configuration, in an order rotated by the round.
rotate() { local r="$1"; shift; local n=$#; local a=("$@"); local i; for ((i = 0; i < n; i++)); do echo "${a[$(((i + r) % n))]}"; done; }

bulk() {
  local round="$1" direction="$2" config
  local configs=(testbed-tap testbed-tap-1mib coreclr-veth); [ "$use_iperf3" = 1 ] && configs+=(iperf3-veth)
  [ "$offload_off" = 1 ] && configs+=(coreclr-veth-nooffload)
  for config in $(rotate "$round" "${configs[@]}"); do
    case "$config" in
      testbed-tap) record "$round" "$config" $in_tap $client "$direction" 10.0.2.15 5001 "$seconds" --server-pid "$tb_pid" --stats ;;
      testbed-tap-1mib) record "$round" "$config" $in_tap $client "$direction" 10.0.2.15 5002 "$seconds" --server-pid "$tb_pid" --stats ;;
      coreclr-veth) record "$round" "$config" $in_cli $client "$direction" 10.0.3.1 5001 "$seconds" --server-pid "$clr_pid" ;;
      iperf3-veth) iperf3_test "$round" "$direction" ;;
      coreclr-veth-nooffload) record "$round" "$config" $in_cli2 $client "$direction" 10.0.4.1 5001 "$seconds" --server-pid "$clr2_pid" ;;
    esac
  done
}

loopback() {
  local round="$1" ms config
  ms=$(python3 -c "import sys; print(int(float(sys.argv[1]) * 1000))" "$seconds")
  for config in $(rotate "$round" testbed-loopback coreclr-loopback); do
    case "$config" in
      testbed-loopback) record "$round" "$config" $in_tap $client loop 10.0.2.15 5001 "$ms" 65536 --server-pid "$tb_pid" --stats ;;
      coreclr-loopback) record "$round" "$config" $in_cli $client loop 10.0.3.1 5001 "$ms" 65536 --server-pid "$clr_pid" ;;
    esac
  done
}

rr() {
  local round="$1" size="$2" config
  for config in $(rotate "$round" testbed-tap coreclr-veth); do
    case "$config" in
      testbed-tap) record "$round" "$config" $in_tap $client rr 10.0.2.15 5001 "$size" "$requests" "$rr_seconds" 0 --server-pid "$tb_pid" --stats ;;
      coreclr-veth) record "$round" "$config" $in_cli $client rr 10.0.3.1 5001 "$size" "$requests" "$rr_seconds" 0 --server-pid "$clr_pid" ;;
    esac
  done
}

cut -d' ' -f1-3 /proc/loadavg >"$work/loads.txt"
start_time=$(date +%s)
total_rounds=$((warmup_rounds + rounds))
for ((k = 1; k <= total_rounds; k++)); do
  round=$((k - warmup_rounds))    # <= 0: warm-up
  log "round $k of $total_rounds$([ "$round" -lt 1 ] && echo ' (warm-up, not recorded)')"
  bulk "$round" up
  bulk "$round" down
  loopback "$round"
  for size in "${sizes[@]}"; do rr "$round" "$size"; done
  cut -d' ' -f1-3 /proc/loadavg >>"$work/loads.txt"
done
elapsed=$(( $(date +%s) - start_time ))

# The tap's own counters (the kernel's side: frames it dropped because the guest did not read them
# in time show as TX drops) and the veth's, for net.json.
ip -n "$ns_tap" -s link show tbtap0 >"$work/link-tap.txt" 2>&1 || true
ip -n "$ns_srv" -s link show nbveth0 >"$work/link-veth.txt" 2>&1 || true
timeout 30 $in_tap $client quit 10.0.2.15 5001 >/dev/null || true
timeout 30 $in_cli $client quit 10.0.3.1 5001 >/dev/null || true
[ "$offload_off" = 1 ] && { timeout 30 $in_cli2 $client quit 10.0.4.1 5001 >/dev/null || true; }
sleep 0.5

# --- metadata and the report ---------------------------------------------------------------------
meta="$work/meta.json"
python3 - "$meta" <<PY
import json, os, platform, subprocess, sys
def sh(c):
    try: return subprocess.run(c, shell=True, capture_output=True, text=True).stdout.strip()
    except Exception: return ""
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
meta = {
  "date": sh("date -u +%Y-%m-%dT%H:%M:%SZ"),
  "commit": sh("git -C '$root' rev-parse --short HEAD"),
  "worktree_dirty": sh("git -C '$root' status --porcelain -- libos frontend backend ir passes | head -1") != "",
  "cpu": cpu, "cores": os.cpu_count(), "kernel": platform.release(),
  "dotnet": sh("dotnet --version"), "iperf3": """$iperf3_version""",
  "reproduce": "bench/net/measure.sh ${args[*]}".strip(),
  "quick": $quick == 1, "rounds": $rounds, "warmup_rounds": $warmup_rounds,
  "bulk_seconds": float("$seconds"), "iperf3_seconds": $iperf_seconds,
  "rr_requests": $requests, "rr_max_seconds": float("$rr_seconds"), "rr_warmup_requests": 100,
  "sizes": [$(IFS=,; echo "${sizes[*]}")],
  "pinning": {"server_cpu": $server_cpu, "client_cpu": $client_cpu, "tool": "taskset -c"},
  "load_average_1_5_15_min": {"start": open("$work/loads.txt").read().split("\n")[0], "after_each_round": [l for l in open("$work/loads.txt").read().split("\n")[1:] if l]},
  "elapsed_seconds": $elapsed,
  "failures": $failures,
  "networks": {
    "tap": "namespace with tap tbtap0: host side 10.0.2.2/24, Testbed guest 10.0.2.15/24 (MTU 1500); client in the same namespace",
    "veth": "two namespaces joined by a veth pair, 10.0.3.1/24 (server) and 10.0.3.2/24 (client), MTU 1500, default offloads",
    "veth_nooffload": "another veth pair, 10.0.4.1/24 and 10.0.4.2/24, MTU 1500, with ethtool -K DEV tso off gso off gro off at both ends" if $offload_off == 1 else None,
  },
  "servers": {"testbed-tap": """$tb_command""", "coreclr-veth": """$clr_command""", "iperf3-veth": """$iperf_command""", "coreclr-veth-nooffload": """$clr2_command"""},
  "builds": """$(printf '%s;' "${build_commands[@]}")""".rstrip(";").split(";"),
  "link_statistics": {"tap": open("$work/link-tap.txt").read(), "veth_server_side": open("$work/link-veth.txt").read()},
  "server_logs": {"testbed": open("$work/server-testbed.log").read()[-2000:], "coreclr": open("$work/server-coreclr.log").read()[-2000:]},
}
json.dump(meta, open(sys.argv[1], "w"), indent=2)
PY
cp "$raw" "$cache/last-raw.jsonl"; cp "$meta" "$cache/last-meta.json"
dotnet "$cache/report/netbench-report.dll" "$raw" "$meta" "$out"
log "done in ${elapsed}s of measuring; $failures failed tests"
