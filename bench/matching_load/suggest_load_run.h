// RunSuggestLoad: closed-loop load on one RPC of matchd (LoadRpc: the health check,
// Registry.GetCandidate, Matching.SuggestOffers or SuggestCandidates). `clients`
// threads, each with its own channel (own connection), call it back to back for an id
// drawn uniformly at random (k given), first for `warmup` (not counted), then for
// `duration` (measured). A call counts when it starts inside the measured window. The
// health check, the cheapest call on the same stack, is the ceiling the others are
// compared to.
//
// Thread safety: blocks the calling thread until every client thread has finished.
// Randomness: client i draws from std::mt19937_64 seeded with seed + i.
#ifndef AZUBIMATCH_BENCH_MATCHING_LOAD_SUGGEST_LOAD_RUN_H_
#define AZUBIMATCH_BENCH_MATCHING_LOAD_SUGGEST_LOAD_RUN_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/time/time.h"
#include "bench/matching_load/latency_summary.h"

namespace azubimatch::bench {

// The call a load run makes.
enum class LoadRpc {
  kHealth,             // grpc.health.v1.Health/Check, without a key (as probes call it)
  kGetCandidate,       // Registry.GetCandidate for a random candidate
  kSuggestOffers,      // Matching.SuggestOffers for a random candidate
  kSuggestCandidates,  // Matching.SuggestCandidates for a random offer
};

// "health", "get-candidate", "suggest-offers", "suggest-candidates".
std::string_view LoadRpcName(LoadRpc rpc);

// The LoadRpc of a name LoadRpcName gives, or nullopt.
std::optional<LoadRpc> ParseLoadRpc(std::string_view name);

// Whether the ids of a run of `rpc` are offer ids (else candidate ids).
inline bool TakesOfferIds(LoadRpc rpc) { return rpc == LoadRpc::kSuggestCandidates; }

struct SuggestLoadOptions {
  // HOST:PORT of the server.
  // Default: "" (required).
  std::string address;

  // API key sent as `authorization: Bearer <key>`; its member must own the candidates.
  // Default: "" (required).
  std::string api_key;

  // Client threads, each with its own channel.
  // Default: 8.
  int clients = 8;

  // Unmeasured time before the measured window (connections, caches, allocators).
  // Default: 2 seconds.
  absl::Duration warmup = absl::Seconds(2);

  // The measured window.
  // Default: 10 seconds.
  absl::Duration duration = absl::Seconds(10);

  // SuggestOffersRequest.k.
  // Default: 10.
  int k = 10;

  // Seed of the candidate choice.
  // Default: 1.
  uint64_t seed = 1;

  // The call.
  // Default: SuggestOffers.
  LoadRpc rpc = LoadRpc::kSuggestOffers;
};

struct SuggestLoadResult {
  double seconds = 0;      // measured window, as run
  double cpu_seconds = 0;  // process CPU time in the window
  int64_t requests = 0;    // calls started in the window (ok + errors)
  int64_t errors = 0;
  std::map<std::string, int64_t> errors_by_code;  // e.g. "RESOURCE_EXHAUSTED" -> 3
  LatencySummary latency;                         // of every measured call, ok or not
  double mean_suggestions = 0;                    // per successful suggest call
  double mean_considered = 0;                     // pairs considered per successful suggest call
};

// `ids` are candidate ids, or offer ids when TakesOfferIds(options.rpc); the health
// check ignores them.
// REQUIRES: !ids.empty(), options.clients >= 1.
SuggestLoadResult RunSuggestLoad(const SuggestLoadOptions& options,
                                 const std::vector<std::string>& ids);

}  // namespace azubimatch::bench

#endif  // AZUBIMATCH_BENCH_MATCHING_LOAD_SUGGEST_LOAD_RUN_H_
