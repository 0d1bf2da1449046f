#!/bin/sh
# Builds the libFuzzer targets with clang-14 in their own build folder (every library
# they link compiled with the same sanitizer and coverage flags) and runs each target
# for SECONDS, starting from the seed corpora (make_seed_corpora.sh) and the corpus
# grown by earlier runs (BUILD_DIR/corpus/TARGET). A crash, leak, timeout or
# out-of-memory stops with exit code 1 and names the input that caused it
# (BUILD_DIR/artifacts/TARGET-*); run the target on that file to reproduce it.
#
#   tests/fuzz/run_fuzzers.sh [--smoke] BUILD_DIR SECONDS [TARGET...]
#
# --smoke: when clang-14 is not installed, say so and succeed (used by `make test`).
set -eu
smoke=0
if [ "${1:-}" = "--smoke" ]; then smoke=1; shift; fi
build=$1
seconds=$2
shift 2
targets=${*:-"registry_validation_fuzzer record_import_fuzzer problem_file_fuzzer http_request_fuzzer"}
src=$(cd "$(dirname "$0")/../.." && pwd)
jobs=${JOBS:-$(nproc)}

if ! command -v clang++-14 >/dev/null 2>&1 || ! command -v clang-14 >/dev/null 2>&1; then
  if [ "$smoke" = 1 ]; then
    echo "fuzz smoke: skipped, clang-14 is not installed (apt-get install clang-14)"
    exit 0
  fi
  echo "make fuzz: needs clang-14 (apt-get install clang-14)" >&2
  exit 1
fi

mkdir -p "$build"
if [ ! -f "$build/CMakeCache.txt" ]; then
  CC=clang-14 CXX=clang++-14 cmake -S "$src" -B "$build" -G Ninja \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo -DAZM_BUILD_FUZZERS=ON -DAZM_ENABLE_ASAN=ON \
    -DAZM_BUILD_BENCHMARKS=OFF \
    "-DCMAKE_CXX_FLAGS=-fsanitize=fuzzer-no-link -fno-sanitize-recover=undefined" \
    > "$build/configure.log" 2>&1 || { cat "$build/configure.log"; exit 1; }
fi
echo "fuzz: building the targets in $build (clang-14, ASan, UBSan, libFuzzer)"
cmake --build "$build" --target azm_fuzzers -j "$jobs" > "$build/build.log" 2>&1 \
  || { tail -50 "$build/build.log"; exit 1; }
"$src/tests/fuzz/make_seed_corpora.sh" "$src" "$build/seeds"

status=0
for target in $targets; do
  mkdir -p "$build/corpus/$target" "$build/artifacts"
  log="$build/$target.log"
  if "$build/fuzz/$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
       -print_final_stats=1 -artifact_prefix="$build/artifacts/$target-" \
       "$build/corpus/$target" "$build/seeds/$target" > "$log" 2>&1; then
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    units=$(ls "$build/corpus/$target" | wc -l)
    echo "fuzz: $target ok, ${execs:-?} inputs in ${seconds}s, corpus $units files"
  else
    tail -40 "$log"
    echo "fuzz: $target FAILED; input in $build/artifacts/ (reproduce: $build/fuzz/$target FILE)"
    status=1
  fi
done
exit $status
