// BuildEligiblePairs: every eligible candidate–offer pair of a pool with its score, and
// for every candidate how many offers each hard constraint excluded (for the reasons
// reported with unmatched candidates).
//
// Method. Offers are indexed by occupation code (and by sector when
// policy.allow_sector_match is on), each list sorted by latitude. For a candidate only
// the lists of the wished occupations (sectors) are visited, and within them only the
// offers inside a latitude window, further cut by a longitude bound, derived from the
// travel-time model's ReachBoundKm for the candidate's limit and mode. Only those
// offers are asked for travel times (one MinutesFrom batch per list) and evaluated with
// EvaluateFacts (pair_evaluation.h), the code behind Explain, on facts gathered once per
// offer (languages interned), so every edge score equals its Explain score exactly.
// The window is drawn around the places of work only: an offer whose vocational school
// is out of reach fails the travel constraint too, so the window never drops an
// eligible pair; the school's travel time is asked (one Minutes query) for each offer
// with a school inside the window.
//
// Complexity: O(O log O) to index O offers; then per candidate
// O(W log O + V * (e + t)) for W wishes, V offers visited in the windows, e the cost of
// EvaluateFacts and t of one travel time; plus sorting each candidate's edges.
// Memory O(O + E) for E eligible edges.
//
// Exclusion counts (CandidateExclusions), per candidate:
//   kOccupationNotWished  offers whose occupation (and sector, when enabled) is not
//                         wished; not checked further.
//   kTravelTimeOverLimit  includes wished offers beyond the reach bound, which are
//                         counted under this reason only.
//   every other reason    among the wished offers within reach, every failed constraint
//                         is counted (an offer may count under several reasons).
//
// Output order: edges by candidate index, then offer index; deterministic.
// Thread safety: pure function; the travel-time model must allow const calls.
#ifndef AZUBIMATCH_ENGINE_MATCHING_ELIGIBLE_PAIRS_H_
#define AZUBIMATCH_ENGINE_MATCHING_ELIGIBLE_PAIRS_H_

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/types/span.h"
#include "engine/matching/constraints.h"
#include "engine/matching/model.h"
#include "engine/matching/progress.h"
#include "engine/matching/scoring_policy.h"
#include "engine/matching/travel_time.h"

namespace azubimatch::engine {

// A candidate and an offer named by their ids (locked and banned pairs).
struct PairIds {
  std::string candidate_id;
  std::string offer_id;
};

// An eligible pair. `candidate` and `offer` index the pool's vectors.
struct ScoredEdge {
  int32_t candidate = 0;
  int32_t offer = 0;
  double score = 0.0;           // == Explain(...).score
  double travel_minutes = 0.0;  // == Explain(...).travel_minutes (place of work)
  int32_t wish_rank = -1;       // 0-based rank among the wishes; -1 for a sector match
  double school_travel_minutes = 0.0;  // == Explain(...).school_travel_minutes; 0 without
};

// How many of the pool's offers each constraint excluded for one candidate; see the
// file comment for how offers are counted.
struct CandidateExclusions {
  std::array<int32_t, kExclusionCodeCount> offers_by_reason{};
  int32_t wished_offers = 0;    // offers in a wished occupation (or sector)
  int32_t eligible_offers = 0;  // edges of this candidate

  int32_t count(ExclusionCode code) const {
    return offers_by_reason[static_cast<int>(code)];
  }
};

// The constraint to name when the candidate has no eligible offer: kOccupationNotWished
// when no offer is in a wished occupation (or sector); otherwise the reason that
// excluded the most wished offers, ties going to the lower ExclusionCode.
ExclusionCode TopExclusionReason(const CandidateExclusions& exclusions);

struct EligibleGraph {
  std::vector<ScoredEdge> edges;         // by candidate, then offer index
  std::vector<int64_t> candidate_begin;  // candidate c's edges are
                                         // [candidate_begin[c], candidate_begin[c+1])
  std::vector<CandidateExclusions> exclusions;  // one per candidate

  absl::Span<const ScoredEdge> EdgesOf(int32_t candidate) const {
    return absl::MakeConstSpan(edges).subspan(
        candidate_begin[candidate],
        candidate_begin[candidate + 1] - candidate_begin[candidate]);
  }
};

// Builds the eligible pairs of the pool. Pairs in `banned` are not eligible (reason
// kBannedPair); banned ids that are not in the pool are ignored. `progress` is called
// with (candidates done, candidates) every few hundred candidates.
//
// Errors: InvalidArgument for an invalid policy or profile (naming the field, e.g.
// "offers[4].location.lat ...") or a duplicate id; Cancelled when progress says so.
absl::StatusOr<EligibleGraph> BuildEligiblePairs(
    absl::Span<const CandidateProfile> candidates, absl::Span<const OfferProfile> offers,
    const ScoringPolicy& policy, const TravelTimeModel& travel,
    absl::Span<const PairIds> banned = {}, const ProgressCallback& progress = {});

}  // namespace azubimatch::engine

#endif  // AZUBIMATCH_ENGINE_MATCHING_ELIGIBLE_PAIRS_H_
