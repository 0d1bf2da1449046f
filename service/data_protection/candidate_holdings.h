// CandidateHoldings: every stored entry besides the candidate record itself that
// mentions one candidate id: placements, secondary-index entries and assignment runs.
// Both the erasure (what to delete or rewrite) and the export (what to hand over) start
// from it.
//
// How entries are found: by the bytes of the id, not by key layout. Record ids are 16
// characters [0-9a-z] drawn at random, so an entry whose key or value contains the id
// refers to that candidate; this covers index layouts of other components (e.g. the
// placement indexes of the matching service) without listing them. Families scanned:
// kIndex (key or value), kPlacements and kRuns (value). Other families hold no
// candidate ids by construction (the audit log stores keyed hashes, see audit_log.h).
// Index entries are sorted by what the erasure does with them: run summaries
// (service/matching/matching_keys.h: "runs/..." keys whose value is a v1::Run without
// placements) are rewritten like runs; every other index entry naming the id is about
// the candidate and is deleted.
//
// Thread safety: reads through the KvStore only; may run concurrently with writes
// (each family is read from its own snapshot). Complexity: O(bytes in the three
// families) for the scan, plus parsing the entries that mention the id.
// Order: entries in key order within each family.
#ifndef AZUBIMATCH_SERVICE_DATA_PROTECTION_CANDIDATE_HOLDINGS_H_
#define AZUBIMATCH_SERVICE_DATA_PROTECTION_CANDIDATE_HOLDINGS_H_

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "azubimatch/v1/matching.pb.h"
#include "service/store/kv_store.h"

namespace azubimatch::service {

struct StoredPlacement {
  std::string key;          // its key in Family::kPlacements
  bool parsed = false;      // false: the value is not a readable v1::Placement
  v1::Placement placement;  // when parsed
};

struct StoredRun {
  std::string key;  // its key in Family::kRuns (or kIndex for a run summary)
  bool parsed = false;
  v1::Run run;  // when parsed
};

struct CandidateHoldings {
  std::vector<StoredPlacement> placements;
  std::vector<std::string> index_keys;  // keys in Family::kIndex to delete
  std::vector<StoredRun> runs;
  std::vector<StoredRun> run_summaries;  // entries of Family::kIndex holding a v1::Run

  bool empty() const {
    return placements.empty() && index_keys.empty() && runs.empty() &&
           run_summaries.empty();
  }
};

// True when `bytes` contains `id`.
bool MentionsId(std::string_view bytes, std::string_view id);

// Every entry of the three families that mentions `id`. REQUIRES: `id` is not empty.
// Errors: the store's.
absl::StatusOr<CandidateHoldings> FindCandidateHoldings(const KvStore& store,
                                                        std::string_view id);

}  // namespace azubimatch::service

#endif  // AZUBIMATCH_SERVICE_DATA_PROTECTION_CANDIDATE_HOLDINGS_H_
