#!/usr/bin/env bash
# kv's memory against redis-server's for the same data: 1,000,000 keys of 16 bytes with 64-byte values,
# loaded by pipelined SETs (kv-memory, bench/apps/kv/bench/Memory). For each server: INFO memory's
# used_memory (kv: GC.GetTotalMemory after MEMORY PURGE, a full collection) and the process's resident
# set. Writes bench/results/kv-memory.{json,md,png}.
#
# Usage: bench/apps/kv/bench/memory.sh [--keys N] [--out DIR] [--testbed]
#   --keys N    keys to load (default 1000000)
#   --out DIR   where the results go (default bench/results)
#   --testbed   also kv compiled by Testbed for the linux target, on a tap (needs root for ip netns)
# Servers listen on 127.0.0.1 on free ports (the Testbed one in its own network namespace); every
# process the script starts is killed when it ends, however it ends.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../../.." && pwd)"
cd "$root"

keys=1000000; out="$root/bench/results"; with_testbed=0
args=("$@")
while (($#)); do
  case "$1" in
    --keys) keys="$2"; shift ;;
    --out) out="$2"; shift ;;
    --testbed) with_testbed=1 ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *) echo "memory.sh: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done

work=$(mktemp -d /tmp/kv-memory.XXXXXX)
pids=()
cleanup() {
  # TERM first: `testbed run` then removes its namespace; KILL whatever is left after 10 s.
  for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
  for _ in $(seq 1 100); do
    alive=0
    for p in "${pids[@]}"; do kill -0 "$p" 2>/dev/null && alive=1; done
    [ "$alive" = 0 ] && break
    sleep 0.1
  done
  for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

log() { echo "memory: $*" >&2; }
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
wait_for_pong() { # PREFIX... HOST PORT
  local i
  for i in $(seq 1 600); do
    if "$@" 2>/dev/null | grep -q PONG; then return 0; fi
    sleep 0.1
  done
  return 1
}
built() { # PROJECT MSBUILD-ARGS...: builds and prints the assembly's path
  dotnet build "$@" -nologo -v:q -t:Build -getProperty:TargetPath | tail -1
}

log "building kv (CoreCLR) and the loader"
tool=$(built bench/apps/kv/bench/Memory/Memory.csproj -c Release)
kv_dll=$(built bench/apps/kv/kv.csproj -p:KvRuntime=coreclr)
raw="$work/raw.jsonl"
commands=()

# redis-server, the reference: no persistence, as kv runs here.
port=$(free_port)
cmd=(redis-server --port "$port" --bind 127.0.0.1 --save "" --appendonly no --daemonize no --dir "$work")
"${cmd[@]}" >"$work/redis.log" 2>&1 &
pid=$!; pids+=("$pid"); commands+=("${cmd[*]}")
wait_for_pong redis-cli -h 127.0.0.1 -p "$port" ping || { cat "$work/redis.log" >&2; exit 1; }
log "redis-server (pid $pid, port $port): loading $keys keys"
dotnet "$tool" measure redis-server 127.0.0.1 "$port" "$pid" "$keys" "$raw"
kill -9 "$pid"; wait "$pid" 2>/dev/null || true

# kv on CoreCLR: `dotnet kv.dll` is the server process itself, so its pid is the one to read.
port=$(free_port)
cmd=(dotnet "$kv_dll" --port "$port" --bind 127.0.0.1)
"${cmd[@]}" >"$work/kv.log" 2>&1 &
pid=$!; pids+=("$pid"); commands+=("${cmd[*]}")
wait_for_pong redis-cli -h 127.0.0.1 -p "$port" ping || { cat "$work/kv.log" >&2; exit 1; }
log "kv on CoreCLR (pid $pid, port $port): loading $keys keys"
dotnet "$tool" measure kv-coreclr 127.0.0.1 "$port" "$pid" "$keys" "$raw"
kill -9 "$pid"; wait "$pid" 2>/dev/null || true

# kv compiled by Testbed for the linux target, on a tap in a namespace that `testbed run` creates: the
# loader runs inside that namespace, and the server's pid is the namespace's only process.
if [ "$with_testbed" = 1 ]; then
  log "kv compiled by Testbed (linux target): building and starting"
  cmd=(./testbed run bench/apps/kv --target linux --net tap -- --port 6379)
  "${cmd[@]}" >"$work/kv-testbed.log" 2>&1 &
  pid=$!; pids+=("$pid"); commands+=("${cmd[*]}")
  space=""
  for _ in $(seq 1 3000); do
    space=$(sed -n 's/^.*network namespace \([^:]*\):.*$/\1/p' "$work/kv-testbed.log" | head -1)
    [ -n "$space" ] && break
    sleep 0.1
  done
  [ -n "$space" ] || { cat "$work/kv-testbed.log" >&2; exit 1; }
  wait_for_pong ip netns exec "$space" redis-cli -h 10.0.2.15 -p 6379 ping || { cat "$work/kv-testbed.log" >&2; exit 1; }
  server_pid=$(ip netns pids "$space" | head -1)
  log "kv on Testbed (pid $server_pid in namespace $space): loading $keys keys"
  ip netns exec "$space" dotnet "$tool" measure kv-testbed-linux 10.0.2.15 6379 "$server_pid" "$keys" "$raw"
  kill -TERM "$pid"; wait "$pid" 2>/dev/null || true
fi

meta="$work/meta.json"
python3 - "$meta" "$root" "bench/apps/kv/bench/memory.sh ${args[*]}" "${commands[@]}" <<'PY'
import json, os, platform, subprocess, sys
path, root, command, servers = sys.argv[1], sys.argv[2], sys.argv[3].strip(), sys.argv[4:]
def sh(c):
    return subprocess.run(c, shell=True, capture_output=True, text=True).stdout.strip()
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
mem_kb = next(int(l.split()[1]) for l in open("/proc/meminfo") if l.startswith("MemTotal:"))
json.dump({
    "date": sh("date -u +%Y-%m-%dT%H:%M:%SZ"),
    "commit": sh(f"git -C '{root}' rev-parse --short HEAD") + (" with uncommitted changes" if sh(f"git -C '{root}' status --porcelain -- bench/apps/kv libos") else ""),
    "cpu": cpu, "cores": os.cpu_count(), "memory": f"{mem_kb / 1048576:.0f} GiB", "kernel": platform.release(),
    "dotnet": sh("dotnet --version"), "redis": sh("redis-server --version").split(" sha=")[0],
    "load_average": open("/proc/loadavg").read().split()[:3],
    "command": command, "servers": servers,
}, open(path, "w"), indent=2)
PY
dotnet "$tool" report "$raw" "$meta" "$out"
