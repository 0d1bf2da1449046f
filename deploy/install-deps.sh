#!/usr/bin/env bash
# Installs the Debian 12 packages azubimatch needs to build, test and benchmark.
# Idempotent: packages already present are left alone, and nothing is done when all are there.
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
  clang-14 libclang-rt-14-dev
  libcli11-dev libtomlplusplus-dev libsystemd-dev nlohmann-json3-dev
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
if [[ ${#missing[@]} -eq 0 ]]; then
  exit 0
fi

echo "install-deps: installing ${missing[*]}" >&2
sudo_cmd=()
if [[ $(id -u) -ne 0 ]]; then sudo_cmd=(sudo); fi
apt_opts=(-o DPkg::Lock::Timeout=600 -y -q)
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get "${apt_opts[@]}" update
"${sudo_cmd[@]}" apt-get "${apt_opts[@]}" install --no-install-recommends "${missing[@]}"
