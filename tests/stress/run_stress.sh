#!/usr/bin/env bash
# make stress-test: the whole ctest suite, ROUNDS times, each test repeated until it
# fails (up to REPEAT times), while a CPU and I/O load generator keeps the machine busy
# the way a shared CI machine is. A test that passes only on a quiet machine fails here.
#
# Usage: tests/stress/run_stress.sh BUILD_DIR [ROUNDS] [REPEAT] [-- extra ctest args]
#   ROUNDS  how many passes over the suite (default 3)
#   REPEAT  ctest --repeat until-fail:REPEAT (default 3)
# Environment: STRESS_CPU_WORKERS (default: number of cores), STRESS_IO_MB (size of each
# fsync'd write, default 256), JOBS (ctest -j, default: number of cores).
# The load stops when the script ends, however it ends. Exit status: ctest's.
set -euo pipefail

build_dir=${1:?usage: run_stress.sh BUILD_DIR [ROUNDS] [REPEAT] [-- ctest args]}
rounds=${2:-3}
repeat=${3:-3}
shift $(( $# < 3 ? $# : 3 ))
[[ "${1:-}" == "--" ]] && shift
extra_args=("$@")

cores=$(nproc)
cpu_workers=${STRESS_CPU_WORKERS:-$cores}
io_mb=${STRESS_IO_MB:-256}
jobs=${JOBS:-$cores}
scratch=$(mktemp -d "${TMPDIR:-/tmp}/azm-stress.XXXXXX")
load_pids=()

stop_load() {
  for pid in "${load_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$scratch"
}
trap stop_load EXIT INT TERM

# CPU: busy loops at normal priority, competing with the tests for every core.
for ((i = 0; i < cpu_workers; i++)); do
  ( while :; do :; done ) &
  load_pids+=($!)
done
# I/O: large writes, each forced to disk, so that fsyncs of the tests' RocksDB wait.
(
  while :; do
    dd if=/dev/zero of="$scratch/io.bin" bs=1M count="$io_mb" conv=fsync status=none
    rm -f "$scratch/io.bin"
  done
) &
load_pids+=($!)

echo "stress-test: ${cpu_workers} CPU workers, ${io_mb} MB fsync'd writes in a loop;" \
     "${rounds} rounds of ctest -j ${jobs} --repeat until-fail:${repeat}" >&2
status=0
for ((round = 1; round <= rounds; round++)); do
  echo "stress-test: round ${round}/${rounds}" >&2
  if ! (cd "$build_dir" && ctest --output-on-failure -j "$jobs" \
          --repeat "until-fail:${repeat}" "${extra_args[@]}"); then
    status=1
    echo "stress-test: round ${round} failed" >&2
    break
  fi
done
exit "$status"
