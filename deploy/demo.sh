#!/usr/bin/env bash
# The azubimatch demo (`make demo`): starts matchd on a local data folder, loads a
# synthetic Baden-Württemberg cohort through the API with rankings on both sides (as
# after interviews), shows what the service holds and, where matching is built in,
# suggestions for a few candidates and the five assignment modes side by side. matchd is stopped when the script ends, however it ends; the data
# folder is kept, so a second run skips the import and starts at once.
#
# Usage: deploy/demo.sh BUILD_DIR DATA_DIR
#   BUILD_DIR  CMake build folder holding bin/matchd and bin/matchctl
#   DATA_DIR   matchd's data folder (created when missing; delete it to start afresh)
# Environment:
#   DEMO_CANDIDATES, DEMO_OFFERS, DEMO_SEED  the cohort (default 300, 170, 7)
#   DEMO_LISTEN         address for matchd (default 127.0.0.1:0, a free port)
#   DEMO_HTTP_LISTEN    address for its HTTP/JSON API and web console (default 127.0.0.1:0)
#   DEMO_START_TIMEOUT  seconds to wait for matchd to answer (default 60)
#   DEMO_REPORT         where the HTML run report of the five modes is written
#                       (default demo-report.html in the current folder)
#   AZUBIMATCH_API_KEY  an officer's API key for matchctl (default: the demo member's
#                       key, made on the first run with DATA_DIR/admin.key and kept in
#                       DATA_DIR/demo-officer.key, mode 0600)
set -euo pipefail
export LC_NUMERIC=C  # decimal points in printf, whatever the user's locale

usage() {
  echo "usage: $0 BUILD_DIR DATA_DIR" >&2
  echo "  starts BUILD_DIR/bin/matchd on DATA_DIR, loads a demo cohort and shows it" >&2
  exit 2
}
[[ $# -eq 2 ]] || usage
case "$1" in -h | --help) usage ;; esac

BUILD_DIR=$1
DATA_DIR=$2
MATCHD="$BUILD_DIR/bin/matchd"
MATCHCTL="$BUILD_DIR/bin/matchctl"
CANDIDATES=${DEMO_CANDIDATES:-300}
OFFERS=${DEMO_OFFERS:-170}
SEED=${DEMO_SEED:-7}
LISTEN=${DEMO_LISTEN:-127.0.0.1:0}
HTTP_LISTEN=${DEMO_HTTP_LISTEN:-127.0.0.1:0}
START_TIMEOUT=${DEMO_START_TIMEOUT:-60}
REPORT_FILE=${DEMO_REPORT:-demo-report.html}

if [[ -t 1 ]]; then
  BOLD=$'\e[1m' DIM=$'\e[2m' RED=$'\e[31m' RESET=$'\e[0m'
else
  BOLD='' DIM='' RED='' RESET=''
fi
heading() { printf '\n%s== %s ==%s\n' "$BOLD" "$*" "$RESET"; }
note() { printf '%s%s%s\n' "$DIM" "$*" "$RESET"; }
fail() {
  printf '%sdemo: %s%s\n' "$RED" "$*" "$RESET" >&2
  exit 1
}

for binary in "$MATCHD" "$MATCHCTL"; do
  [[ -x $binary ]] || fail "$binary not found; build first: cmake --build $BUILD_DIR"
done

mkdir -p "$DATA_DIR" || fail "cannot create the data folder $DATA_DIR"
LOG=$(mktemp "${TMPDIR:-/tmp}/matchd-demo.XXXXXX")
MATCHD_PID=
IMPORT_PID=

show_log() {
  echo "---- matchd log ($LOG) ----" >&2
  tail -n 40 "$LOG" >&2 || true
  echo "----" >&2
}

stop_matchd() {
  local status=$?
  trap - EXIT INT TERM
  if [[ -n $IMPORT_PID ]]; then kill -TERM "$IMPORT_PID" 2>/dev/null || true; fi
  if [[ -n $MATCHD_PID ]] && kill -0 "$MATCHD_PID" 2>/dev/null; then
    kill -TERM "$MATCHD_PID" 2>/dev/null || true
    # Graceful shutdown drains calls and closes the store; give it time, then insist.
    for _ in $(seq 1 100); do
      kill -0 "$MATCHD_PID" 2>/dev/null || break
      sleep 0.1
    done
    if kill -0 "$MATCHD_PID" 2>/dev/null; then
      echo "demo: matchd did not stop within 10 s; killing it" >&2
      kill -KILL "$MATCHD_PID" 2>/dev/null || true
    fi
    wait "$MATCHD_PID" 2>/dev/null || true
    note "matchd stopped; the data stays in $DATA_DIR (delete it to start afresh)"
  fi
  if [[ $status -eq 0 ]]; then rm -f "$LOG"; else echo "demo: matchd log kept in $LOG" >&2; fi
  exit "$status"
}
trap stop_matchd EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---------------------------------------------------------------------------------
heading "Starting matchd"
"$MATCHD" --listen "$LISTEN" --http-listen "$HTTP_LISTEN" --data "$DATA_DIR" >"$LOG" 2>&1 &
MATCHD_PID=$!

# matchd prints "matchd listening on HOST:PORT" once it serves (the bound port when
# LISTEN asks for port 0).
SERVER=
deadline=$((SECONDS + START_TIMEOUT))
while [[ -z $SERVER ]]; do
  if ! kill -0 "$MATCHD_PID" 2>/dev/null; then
    show_log
    fail "matchd exited during start (see its log above)"
  fi
  SERVER=$(sed -n 's/.*matchd listening on \([^ ]*\).*/\1/p' "$LOG" | head -n 1)
  HTTP_SERVER=$(sed -n 's/.*matchd serving HTTP\/JSON on \([^ ]*\).*/\1/p' "$LOG" | head -n 1)
  if [[ -z $SERVER || -z $HTTP_SERVER ]]; then
    SERVER=
    ((SECONDS < deadline)) || { show_log; fail "matchd did not start within ${START_TIMEOUT} s"; }
    sleep 0.2
  fi
done

ctl() { "$MATCHCTL" --server "$SERVER" "$@"; }

# Every call needs an API key. matchd wrote an admin key to DATA_DIR/admin.key on its
# first start; the admin makes a member for the demo and an officer key for it, as an
# operator would for each member organisation. The officer key is kept for later runs.
OFFICER_KEY_FILE="$DATA_DIR/demo-officer.key"
if [[ -z ${AZUBIMATCH_API_KEY:-} ]]; then
  if [[ ! -s $OFFICER_KEY_FILE ]]; then
    [[ -r "$DATA_DIR/admin.key" ]] || fail "no $DATA_DIR/admin.key to make the demo member with"
    admin_key=$(head -n 1 "$DATA_DIR/admin.key")
    member_json=$(AZUBIMATCH_API_KEY=$admin_key ctl member create "Demo-Netzwerk Baden-Württemberg" --json) ||
      fail "could not create the demo member"
    member_id=$(grep -o '"id":"[^"]*"' <<<"$member_json" | head -n 1 | cut -d'"' -f4)
    key_json=$(AZUBIMATCH_API_KEY=$admin_key ctl key create --member "$member_id" --role officer \
      --label demo --json) || fail "could not create the demo officer key"
    (umask 077 && grep -o '"key":"[^"]*"' <<<"$key_json" | cut -d'"' -f4 >"$OFFICER_KEY_FILE")
    note "Created member $member_id and an officer key for it (kept in $OFFICER_KEY_FILE)."
  fi
  AZUBIMATCH_API_KEY=$(head -n 1 "$OFFICER_KEY_FILE")
fi
export AZUBIMATCH_API_KEY

# Ready when a listing answers.
until ctl list offers --limit 1 >/dev/null 2>"$LOG.ctl"; do
  if grep -q 'UNAUTHENTICATED\|PERMISSION_DENIED' "$LOG.ctl"; then
    cat "$LOG.ctl" >&2
    fail "matchd refused the API key (AZUBIMATCH_API_KEY or $OFFICER_KEY_FILE)"
  fi
  if ! kill -0 "$MATCHD_PID" 2>/dev/null; then
    show_log
    fail "matchd exited during start (see its log above)"
  fi
  if ((SECONDS >= deadline)); then
    show_log
    cat "$LOG.ctl" >&2
    rm -f "$LOG.ctl"
    fail "matchd at $SERVER did not answer within ${START_TIMEOUT} s"
  fi
  sleep 0.5
done
rm -f "$LOG.ctl"
echo "matchd (pid $MATCHD_PID) serves $SERVER with data in $DATA_DIR"
echo "Calls carry an officer's API key; $DATA_DIR/admin.key holds the admin key."

# ---------------------------------------------------------------------------------
heading "Loading a demo cohort: $CANDIDATES candidates, $OFFERS offers, seed $SEED"
# Candidates are imported last: when the last one is there, the whole cohort is.
LAST_CANDIDATE=$(printf 'demo-cand-%04d' "$CANDIDATES")
if [[ $CANDIDATES -gt 0 &&
  -n $(ctl list candidates --external-id "$LAST_CANDIDATE" --json | grep -o '"id":' || true) ]]; then
  note "The data folder already holds the demo cohort ($LAST_CANDIDATE exists); import skipped."
else
  echo "Companies in real Baden-Württemberg towns, offers for recognised training"
  echo "occupations (KldB 2010), candidates with German levels, heritage languages,"
  echo "certificates and commutes; streamed through the Import RPC. Then both sides rank"
  echo "as after interviews: candidates the offers they met, offers their interviewees."
  # In the background, so that a signal to this script interrupts the wait at once.
  ctl demo --candidates "$CANDIDATES" --offers "$OFFERS" --seed "$SEED" --rankings &
  IMPORT_PID=$!
  wait "$IMPORT_PID" || fail "matchctl demo failed (exit $?)"
  IMPORT_PID=
fi

# ---------------------------------------------------------------------------------
heading "What the service holds"
count() { ctl list "$1" | tail -n 1; }
echo "$(count companies), $(count offers), $(count candidates)"
echo
echo "The first ten training offers:"
ctl list offers --limit 10
echo
echo "The first five candidates:"
ctl list candidates --limit 5

# ---------------------------------------------------------------------------------
# The ids of the first N candidates, in id order.
candidate_ids() {
  ctl list candidates --limit "$1" --json | grep -o '"id":"[^"]*"' | sed 's/"id":"\(.*\)"/\1/'
}

heading "Suggestions for three candidates"
# The first three candidates (in id order) that some open offer fits; a candidate whose
# wishes, languages or commute no offer meets gets none, and `explain` says why.
shown=0
skipped=0
for id in $(candidate_ids 40); do
  ((shown < 3)) || break
  suggestions=$(ctl suggest --candidate "$id" --k 5 --json) || { note "suggest failed for $id"; continue; }
  if ! grep -q '"offer_id"' <<<"$suggestions"; then
    skipped=$((skipped + 1))
    continue
  fi
  shown=$((shown + 1))
  echo "${BOLD}Candidate $id${RESET}"
  record=$(ctl get candidate "$id" || true)
  summary=$(grep -E '^(external_id|display_name|home\.municipality|travel_|desired_occupations|languages|school_certificate|available_from) ' <<<"$record" || true)
  echo "${summary:-$record}"
  echo "Best offers:"
  ctl suggest --candidate "$id" --k 5
  best=$(grep -o '"offer_id":"[^"]*"' <<<"$suggestions" | head -n 1 | cut -d'"' -f4)
  echo "Why the best offer scores as it does:"
  ctl explain --candidate "$id" --offer "$best"
  echo
done
((shown > 0)) || note "No candidate among the first 40 has an offer within reach."
((skipped == 0)) || note "($skipped candidates before them have no eligible offer.)"

heading "Assignment of the whole cohort: the five modes side by side"
{
  # metric MODE_JSON KEY: one number of the flat "metrics" object of `assign --json`.
  metric() {
    sed -n 's/.*"metrics":{\([^}]*\)}.*/\1/p' <<<"$1" | grep -o "\"$2\":[-0-9.eE+]*" |
      head -n 1 | cut -d: -f2
  }
  declare -A RESULT
  modes=(optimal stable stable-offer-proposing best-stable greedy)
  # Column headings (stable-offer-proposing is too wide for a column).
  declare -A LABEL=([optimal]=optimal [stable]=stable [stable-offer-proposing]=offer-prop.
    [best-stable]=best-stable [greedy]=greedy)
  for mode in "${modes[@]}"; do
    if out=$(ctl assign --mode "$mode" --json); then
      RESULT[$mode]=$out
    else
      note "assign --mode $mode failed (exit $?)"
      RESULT[$mode]=''
    fi
  done
  # label:metric:format (count, share as a percentage, score, minutes)
  rows=(
    "candidates:candidates:count" "seats:seats:count" "placed:placed:count"
    "fill rate:fill_rate:share" "total score:total_score:score"
    "mean score:mean_score:score" "first choice:first_choice_share:share"
    "top three:top3_share:share" "commute median:commute_median_min:minutes"
    "commute p90:commute_p90_min:minutes"
    "blocking (lists):ranked_blocking_pairs:count"
    "cand. mean rank:candidate_mean_rank:rank" "ranked 1st:ranked_first_choice_share:share"
    "offer mean rank:offer_mean_rank:rank"
  )
  printf '%-18s' ""
  for mode in "${modes[@]}"; do printf '%13s' "${LABEL[$mode]}"; done
  printf '\n'
  for row in "${rows[@]}"; do
    IFS=: read -r label key format <<<"$row"
    printf '%-18s' "$label"
    for mode in "${modes[@]}"; do
      value=$(metric "${RESULT[$mode]}" "$key")
      if [[ -n $value ]]; then
        case $format in
          count) value=$(printf '%.0f' "$value") ;;
          share) value=$(awk -v v="$value" 'BEGIN { printf "%.1f%%", 100 * v }') ;;
          score) value=$(printf '%.3f' "$value") ;;
          minutes) value=$(printf '%.0f min' "$value") ;;
          rank) value=$(printf '%.2f' "$value") ;;
        esac
      fi
      printf '%13s' "${value:--}"
    done
    printf '\n'
  done
  note "Runs are proposals: they change no seat. 'optimal' places the most candidates, then"
  note "maximises the total score; 'stable' (candidate-proposing), 'offer-prop.' (offer-"
  note "proposing) and 'best-stable' (highest score) leave no pair who would rather have each"
  note "other by the rankings (blocking (lists) = 0); 'greedy' takes the best pair first, as an"
  note "officer would by hand. Ranks: position of the placement in the candidate's ranking,"
  note "and of the placed candidates in the offers' rankings (1 = first choice)."
  RUN_IDS=()
  for mode in "${modes[@]}"; do
    id=$(grep -o '"run_id":"[^"]*"' <<<"${RESULT[$mode]}" | head -n 1 | cut -d'"' -f4 || true)
    [[ -z $id ]] || RUN_IDS+=("$id")
  done
}

heading "Run report: the modes compared, with charts and group breakdowns"
if ((${#RUN_IDS[@]} > 0)) && ctl report "${RUN_IDS[@]}" --html "$REPORT_FILE" >/dev/null; then
  echo "Wrote $REPORT_FILE (one self-contained page; open it in a browser):"
  echo "  $MATCHCTL report ${RUN_IDS[*]} --html $REPORT_FILE"
else
  note "The run report could not be written."
fi

heading "Done"
echo "The web console (officers and analysts) was served at http://$HTTP_SERVER/ while the"
echo "demo ran. To explore the cohort yourself, in the console or with matchctl:"
echo "  $MATCHD --data $DATA_DIR --http-listen 127.0.0.1:8080 &"
echo "  open http://127.0.0.1:8080/ and sign in with the key in $OFFICER_KEY_FILE"
echo "  export AZUBIMATCH_API_KEY=\$(cat $OFFICER_KEY_FILE)"
echo "  $MATCHCTL list offers --municipality Stuttgart"
echo "  $MATCHCTL list candidates --kldb 25212        # wishing Kfz-Mechatroniker/in"
