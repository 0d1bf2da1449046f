#!/usr/bin/env bash
# Installs the Debian 12 packages azubimatch needs to build, test and benchmark.
# Idempotent: packages already present are left alone, and nothing is done when all are there.
# Also installs the npm packages of the console's browser test (tests/e2e/console, from its
# package-lock.json with `npm ci`) when node_modules is missing or older than the lock file.
# Usage: deploy/install-deps.sh [--with-peers]
#   --with-peers  also installs the benchmark peers (python3-scipy, python3-numpy, liblemon-dev).
# clang-14 with its sanitizer runtimes is in the base list: `make test` ends with a short
# libFuzzer run (tests/fuzz), which gcc cannot build.
set -euo pipefail

packages=(
  cmake ninja-build g++ make pkgconf ccache
  libgrpc++-dev protobuf-compiler-grpc libprotobuf-dev protobuf-compiler grpc-proto
  libabsl-dev librocksdb-dev libgtest-dev libgmock-dev libbenchmark-dev
  libssl-dev rocksdb-tools python3-grpcio python3-protobuf
  libcpp-httplib-dev nlohmann-json3-dev
  clang-14 libclang-rt-14-dev
  prometheus-cpp-dev
  chromium nodejs
)
# npm comes with Debian's `npm` package, or inside another build of nodejs.
if ! command -v npm >/dev/null 2>&1; then packages+=(npm); fi
if [[ "${1:-}" == "--with-peers" ]]; then
  packages+=(python3-scipy python3-numpy liblemon-dev)
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if [[ ${#missing[@]} -gt 0 ]]; then
  echo "install-deps: installing ${missing[*]}" >&2
  sudo_cmd=()
  if [[ $(id -u) -ne 0 ]]; then sudo_cmd=(sudo); fi
  apt_opts=(-o DPkg::Lock::Timeout=600 -y -q)
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get "${apt_opts[@]}" update
  "${sudo_cmd[@]}" apt-get "${apt_opts[@]}" install --no-install-recommends "${missing[@]}"
fi

# The console test's npm packages, exactly as locked; nothing when they are current.
console_tests="$(cd "$(dirname "$0")/.." && pwd)/tests/e2e/console"
if [[ ! -f "$console_tests/node_modules/.package-lock.json" ||
      "$console_tests/package-lock.json" -nt "$console_tests/node_modules/.package-lock.json" ]]; then
  echo "install-deps: npm ci in tests/e2e/console" >&2
  (cd "$console_tests" && npm ci --no-audit --no-fund --loglevel=error)
fi
