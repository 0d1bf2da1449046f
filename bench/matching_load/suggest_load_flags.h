// The command line of suggest_load:
//
//   suggest_load [--offers N] [--candidates N] [--seed S] [--prefix P] [--batch N]
//                [--clients C] [--seconds S] [--warmup S] [--k K]
//                [--assign | --rpc RPC[,RPC...] | --by-offer] [--no-schools] [--sync-writes]
//                [--server HOST:PORT --api-key KEY] [--data-dir DIR] [--json] [--help]
//
// Parsed with CLI11, as matchd's and matchctl's flags; '-' and '_' are alike in flag
// names. Flags take their value as the next argument or after '=' (--offers=5000). Without
// --assign: 100,000 offers and 100,000 candidates; with --assign: 20,000 offers and
// 50,000 candidates, unless given. --rpc names the calls to load, one after another
// on the same cohort: health, get-candidate, suggest-offers (the default),
// suggest-candidates; --by-offer is short for --rpc suggest-candidates. Errors (unknown flag, missing or bad value, --server
// without --api-key) are INVALID_ARGUMENT naming the flag.
//
// Thread safety: pure functions.
#ifndef AZUBIMATCH_BENCH_MATCHING_LOAD_SUGGEST_LOAD_FLAGS_H_
#define AZUBIMATCH_BENCH_MATCHING_LOAD_SUGGEST_LOAD_FLAGS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "bench/matching_load/suggest_load_run.h"

namespace azubimatch::bench {

struct SuggestLoadFlags {
  int offers = 100000;          // --offers
  int candidates = 100000;      // --candidates
  uint64_t seed = 1;            // --seed: cohort and candidate choice
  std::string prefix = "load";  // --prefix: external id prefix of the cohort
  int batch = 5000;             // --batch: records per Import stream
  int clients = 8;              // --clients
  double seconds = 10;          // --seconds: measured window
  double warmup = 2;            // --warmup: seconds before it
  int k = 10;                   // --k
  bool assign = false;          // --assign: time one optimal Assign instead
  // --rpc (comma-separated; --by-offer: suggest-candidates): the calls to load, in order.
  std::vector<LoadRpc> rpcs = {LoadRpc::kSuggestOffers};
  bool no_schools = false;      // --no-schools: offers without a vocational school
  bool sync_writes = false;     // --sync-writes: the in-process server syncs every write
  std::string server;      // --server: HOST:PORT of a running matchd ("" = in process)
  std::string api_key;     // --api-key: officer key for --server
  std::string data_dir;    // --data-dir: in-process server's folder ("" = temporary)
  bool json = false;       // --json: one summary line of JSON at the end
  bool show_help = false;  // --help
};

// Parses `args` (without the program name).
absl::StatusOr<SuggestLoadFlags> ParseSuggestLoadFlags(
    const std::vector<std::string>& args);

// The usage text printed by --help and after a flag error.
std::string SuggestLoadUsage();

}  // namespace azubimatch::bench

#endif  // AZUBIMATCH_BENCH_MATCHING_LOAD_SUGGEST_LOAD_FLAGS_H_
