#!/bin/bash
# Restart benchmark: how long matchd takes from start to serving, and how much memory
# it holds, on a data folder with many records.
#
#   bench/restart/restart_bench.sh [BUILD_DIR] [CANDIDATES] [OFFERS] [DATA_DIR]
#
# Loads a demo cohort of CANDIDATES candidates and OFFERS offers (default 500,000 each,
# with their companies) into DATA_DIR through suggest_load's in-process server (sync
# writes off: the loading is not what is measured), unless DATA_DIR already holds
# one. Then starts build/bin/matchd on it three times and prints, for each start, the
# seconds until it prints "matchd listening on" (the indexes are rebuilt by then) and
# its resident memory when serving (VmRSS) and at peak (VmHWM). Prints one JSON line
# at the end. DATA_DIR defaults to a folder under /tmp, kept for reruns.
set -euo pipefail

build=${1:-build}
candidates=${2:-500000}
offers=${3:-500000}
data=${4:-/tmp/azm-restart-${candidates}x${offers}}
matchd="$build/bin/matchd"
load="$build/bin/suggest_load"
for tool in "$matchd" "$load"; do
  [[ -x $tool ]] || { echo "restart_bench: $tool not built (cmake --build $build)" >&2; exit 2; }
done

if [[ ! -f $data/.loaded ]]; then
  rm -rf "$data"
  echo "loading $candidates candidates and $offers offers into $data ..." >&2
  "$load" --candidates "$candidates" --offers "$offers" --rpc health --seconds 0.2 \
      --warmup 0 --clients 1 --data-dir "$data" >&2
  touch "$data/.loaded"
fi
echo "data folder: $(du -sh "$data" | cut -f1)" >&2

log=$(mktemp)
trap 'rm -f "$log"' EXIT
results=()
for round in 1 2 3; do
  start=$(date +%s%N)
  "$matchd" --data "$data" --listen 127.0.0.1:0 --quiet --rate-limit 0 2>"$log" &
  pid=$!
  until grep -q "matchd listening on" "$log"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "restart_bench: matchd exited:" >&2; cat "$log" >&2; exit 1
    fi
    sleep 0.02
  done
  ready=$(date +%s%N)
  rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
  hwm=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status")
  kill -TERM "$pid"; wait "$pid" || true
  ms=$(((ready - start) / 1000000))
  seconds=$(printf '%d.%03d' $((ms / 1000)) $((ms % 1000)))
  printf 'start %d: serving after %s s, RSS %d MB, peak %d MB\n' \
      "$round" "$seconds" $((rss / 1024)) $((hwm / 1024))
  results+=("{\"seconds\":$seconds,\"rss_mb\":$((rss / 1024)),\"peak_mb\":$((hwm / 1024))}")
  : >"$log"
done
echo "{\"candidates\":$candidates,\"offers\":$offers,\"starts\":[$(IFS=,; echo "${results[*]}")]}"
