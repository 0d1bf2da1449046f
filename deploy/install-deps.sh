#!/usr/bin/env bash
# Installs the Debian 12 packages azubimatch needs to build, test and benchmark.
# Idempotent: packages already present are left alone, and nothing is done when all are there.
# Node (for the TypeScript client and the console's browser test) comes from Debian's nodejs
# and npm when no `node` is on the PATH. The npm packages of clients/typescript and
# tests/e2e/console are installed with `npm ci` from their committed lock files, only when
# node_modules is missing or the lock file changed since.
# Usage: deploy/install-deps.sh [--with-peers]
#   --with-peers  also installs the benchmark peers (python3-scipy, python3-numpy, liblemon-dev).
# clang-14 with its sanitizer runtimes is in the base list: `make test` ends with a short
# libFuzzer run (tests/fuzz), which gcc cannot build.
set -euo pipefail

packages=(
  cmake ninja-build g++ make pkgconf ccache
  libgrpc++-dev protobuf-compiler-grpc libprotobuf-dev protobuf-compiler grpc-proto
  libabsl-dev librocksdb-dev libgtest-dev libgmock-dev libbenchmark-dev
  libssl-dev rocksdb-tools python3-grpcio python3-protobuf python3-venv python3-setuptools
  libcpp-httplib-dev nlohmann-json3-dev
  clang-14 libclang-rt-14-dev
  prometheus-cpp-dev
  chromium
  libcli11-dev libtomlplusplus-dev libsystemd-dev
  systemd dpkg-dev file python3-yaml
)
if [[ "${1:-}" == "--with-peers" ]]; then
  packages+=(python3-scipy python3-numpy liblemon-dev)
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
# A node from elsewhere (nodesource, nvm) is kept: Debian's nodejs package would conflict.
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  missing+=(nodejs npm)
fi

if [[ ${#missing[@]} -gt 0 ]]; then
  echo "install-deps: installing ${missing[*]}" >&2
  sudo_cmd=()
  if [[ $(id -u) -ne 0 ]]; then sudo_cmd=(sudo); fi
  apt_opts=(-o DPkg::Lock::Timeout=600 -y -q)
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get "${apt_opts[@]}" update
  "${sudo_cmd[@]}" apt-get "${apt_opts[@]}" install --no-install-recommends "${missing[@]}"
fi

# `npm ci` in DIR (relative to the repository) exactly as locked; nothing when the
# lock file is the one installed last time.
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
npm_ci_if_stale() {
  local dir="$repo_root/$1"
  local lock_hash stamp
  lock_hash="$(sha256sum "$dir/package-lock.json" | cut -d' ' -f1)"
  stamp="$dir/node_modules/.azm-package-lock.sha256"
  if [[ ! -f "$stamp" || "$(cat "$stamp")" != "$lock_hash" ]]; then
    echo "install-deps: npm ci in $1" >&2
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
    echo "$lock_hash" > "$stamp"
  fi
}
npm_ci_if_stale clients/typescript
npm_ci_if_stale tests/e2e/console
