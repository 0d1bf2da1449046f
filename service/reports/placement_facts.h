// PlacementFactsCache: the group facts of placements (retention_report.h) read from the
// matching index (the offer's occupation and sector) and the stored runs (the pair as
// the proposing run placed it: travel time, choice rank, mode), each offer and each run
// read once per cache.
//
// Thread safety: not thread-safe (one cache per request). Each offer lookup takes the
// index's reader lock briefly; each distinct run is read and parsed from the store once.
// Complexity: O(1) expected per placement after the first of its offer and run; a run
// costs one read and O(P) to index its P placements (only when `need_runs`).
#ifndef AZUBIMATCH_SERVICE_REPORTS_PLACEMENT_FACTS_H_
#define AZUBIMATCH_SERVICE_REPORTS_PLACEMENT_FACTS_H_

#include <optional>
#include <string>

#include "absl/container/flat_hash_map.h"
#include "azubimatch/v1/matching.pb.h"
#include "service/matching/matching_index.h"
#include "service/reports/retention_report.h"
#include "service/store/kv_store.h"

namespace azubimatch::service {

class PlacementFactsCache {
 public:
  // `store` and `index` must outlive the cache. `need_runs`: read the proposing runs
  // (else every placement has no proposal).
  PlacementFactsCache(const KvStore* store, const MatchingIndex* index, bool need_runs)
      : store_(store), index_(index), need_runs_(need_runs) {}

  PlacementGroupFacts Of(const v1::Placement& placement);

 private:
  struct OfferFacts {
    bool known = false;
    std::string occupation;
    v1::Sector sector = v1::SECTOR_UNSPECIFIED;
  };
  struct RunFacts {
    v1::AssignMode mode = v1::ASSIGN_MODE_UNSPECIFIED;
    // "<candidate_id>/<offer_id>" -> the pair as placed by the run.
    absl::flat_hash_map<std::string, PlacementGroupFacts::Proposal> pairs;
  };

  const OfferFacts& Offer(const std::string& offer_id);
  const RunFacts& Run(const std::string& run_id);

  const KvStore* const store_;
  const MatchingIndex* const index_;
  const bool need_runs_;
  absl::flat_hash_map<std::string, OfferFacts> offers_;
  absl::flat_hash_map<std::string, RunFacts> runs_;
};

}  // namespace azubimatch::service

#endif  // AZUBIMATCH_SERVICE_REPORTS_PLACEMENT_FACTS_H_
