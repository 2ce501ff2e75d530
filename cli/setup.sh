#!/usr/bin/env bash
# Shared set-up for ./testbed and ./test: installs what is missing, idempotently, and says so.
# Sourced, not executed: it defines testbed_setup and leaves the caller's shell options alone.

testbed_log() { echo "testbed-setup: $*" >&2; }

testbed_install_debian_packages() {
  local missing=("$@")
  command -v ld.lld-19 >/dev/null 2>&1 || missing+=(lld-19)
  command -v qemu-system-x86_64 >/dev/null 2>&1 || missing+=(qemu-system-x86)
  # The network tests: namespaces and taps (ip), and a packet socket on the host side (python3).
  command -v ip >/dev/null 2>&1 || missing+=(iproute2)
  command -v python3 >/dev/null 2>&1 || missing+=(python3-minimal)
  { [ -e /usr/lib/x86_64-linux-gnu/libLLVM-19.so ] || [ -e /usr/lib/llvm-19/lib/libLLVM-19.so ]; } || missing+=(llvm-19)
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    testbed_log "missing Debian packages: ${missing[*]}"
    testbed_log "install them with: sudo apt-get install --no-install-recommends ${missing[*]}"
    return 3
  fi
  testbed_log "installing Debian packages: ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 || return 3
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2 || return 3
}

# What only the test suite needs: the servers' clients (curl, wrk, ab) and the native servers they are
# compared with (nginx, redis-server), and ./testbed bench. ./testbed run does not need them.
testbed_install_test_packages() {
  local missing=()
  command -v curl >/dev/null 2>&1 || missing+=(curl)
  command -v wrk >/dev/null 2>&1 || missing+=(wrk)
  command -v ab >/dev/null 2>&1 || missing+=(apache2-utils)
  [ -x /usr/sbin/nginx ] || missing+=(nginx-light)
  command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
  command -v redis-benchmark >/dev/null 2>&1 || missing+=(redis-tools)
  [ ${#missing[@]} -eq 0 ] && return 0
  testbed_install_debian_packages "${missing[@]}"
}

# Where ./testbed runs the compiler from: a ReadyToRun publish of cli, so that a build does not spend
# its first half second JIT-compiling the compiler (bench/results/compile-time.md).
testbed_compiler_dll() { echo "$1/.testbed/compiler/testbed.dll"; }

# Publishes the compiler when any of its sources is newer than the last publish.
testbed_build_compiler() {
  local root=$1 stamp="$1/.testbed/compiler.stamp"
  if [ -f "$stamp" ] && [ -f "$(testbed_compiler_dll "$root")" ] && \
     [ -z "$(find "$root/ir" "$root/frontend" "$root/passes" "$root/backend" "$root/cli" \
              "$root/Directory.Build.props" "$root/Directory.Packages.props" \
              \( -name bin -o -name obj \) -prune -o \
              \( -name '*.cs' -o -name '*.csproj' -o -name '*.props' \) -newer "$stamp" -print -quit)" ]; then
    return 0
  fi
  local rid=linux-x64
  [ "$(uname -m)" = aarch64 ] && rid=linux-arm64
  testbed_log "building the compiler (dotnet publish cli -c Release, ReadyToRun for $rid)"
  mkdir -p "$root/.testbed"
  dotnet publish "$root/cli/Testbed.Cli.csproj" -c Release -r "$rid" --self-contained false -p:PublishReadyToRun=true \
    -o "$root/.testbed/compiler" -nologo -v:q -clp:ErrorsOnly >&2 || return 1
  touch "$stamp"
}

# Builds the benchmark harness (bench/harness) when it or the compiler changed since its last build.
testbed_build_bench() {
  local root=$1 stamp="$1/.testbed/bench-harness.stamp"
  if [ -f "$stamp" ] && [ -f "$root/bench/harness/bin/Release/net10.0/testbed-bench.dll" ] && \
     [ -z "$(find "$root/bench/harness" "$root/.testbed/compiler.stamp" \( -name bin -o -name obj \) -prune -o \
              \( -name '*.cs' -o -name '*.csproj' -o -name '*.stamp' \) -newer "$stamp" -print -quit)" ]; then
    return 0
  fi
  testbed_log "building the benchmark harness (dotnet build bench/harness -c Release)"
  dotnet build "$root/bench/harness/Testbed.Bench.Harness.csproj" -c Release -nologo -v:q -clp:ErrorsOnly >&2 || return 1
  touch "$stamp"
}

testbed_setup() {
  local root=$1
  command -v dotnet >/dev/null 2>&1 || { testbed_log "the .NET SDK 10 (dotnet) is not on PATH"; return 3; }
  export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
  testbed_install_debian_packages || return $?
  testbed_build_compiler "$root" || return $?
}
