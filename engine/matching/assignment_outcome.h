// AssignmentOutcome: what an assignment mode returns, in the same shape for every mode:
// the placements and, for every candidate left without one, the reason.
//
// An unmatched candidate either had no eligible offer at all (then the constraint that
// excluded the most offers in the wished occupations is named, see
// TopExclusionReason), or had eligible offers whose seats all went to others
// ("outcompeted").
//
// Thread safety: MakeOutcome is a pure function. Complexity: O(C + L).
#ifndef AZUBIMATCH_ENGINE_MATCHING_ASSIGNMENT_OUTCOME_H_
#define AZUBIMATCH_ENGINE_MATCHING_ASSIGNMENT_OUTCOME_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/types/span.h"
#include "engine/matching/assignment_instance.h"
#include "engine/matching/constraints.h"

namespace azubimatch::engine {

enum class UnmatchedReason : int8_t {
  kNoEligibleOffer = 0,  // no offer passed every hard constraint
  kOutcompeted = 1,      // eligible offers existed; their seats went to others
};

// "no_eligible_offer" or "outcompeted".
std::string_view UnmatchedReasonName(UnmatchedReason reason);

struct UnmatchedCandidate {
  int32_t candidate = 0;  // index into the pool's candidates
  UnmatchedReason reason = UnmatchedReason::kNoEligibleOffer;
  // For kNoEligibleOffer: the constraint that excluded the most wished offers.
  // Unused (kOccupationNotWished) for kOutcompeted.
  ExclusionCode top_constraint = ExclusionCode::kOccupationNotWished;
  int32_t eligible_offers = 0;
  // In words, e.g. "no eligible offer: travel_time_over_limit excluded 14 of 20 offers
  // in the desired occupations" or "outcompeted: the seats of all 3 eligible offers went
  // to other candidates".
  std::string text;
};

struct AssignmentOutcome {
  std::vector<Placement> placements;          // by candidate index; locked ones included
  std::vector<UnmatchedCandidate> unmatched;  // by candidate index
};

// Builds the outcome of a mode. `chosen_edge[c]` is the index into instance.graph.edges
// of candidate c's placement, or -1. Locked placements are added from the instance.
// REQUIRES: chosen_edge.size() == number of candidates; each chosen edge belongs to its
// candidate; no offer receives more than its capacity.
AssignmentOutcome MakeOutcome(const AssignmentInstance& instance,
                              absl::Span<const int64_t> chosen_edge);

}  // namespace azubimatch::engine

#endif  // AZUBIMATCH_ENGINE_MATCHING_ASSIGNMENT_OUTCOME_H_
