// Stable assignment: candidate-proposing deferred acceptance (deferred_acceptance.h) on
// the eligible edges, both sides ranking by the pair's score.
//
// Ties between equal scores are broken by single tie-breaking under the seed, exactly as
// the lists every run is measured against (seeded_tie_breaking.h, two_sided_instance.h):
// one lottery number per offer orders every candidate's tied offers, one per candidate
// every offer's tied candidates, higher first. So the result is the candidate-optimal
// stable matching for those strict lists: it has no blocking pair, neither by scores
// (metrics.h) nor against the lists (two_sided_metrics.h), equals the two-sided stable
// mode on lists from the scores, and depends only on the pool's content and the seed.
// Locked pairs are fixed beforehand and their seats removed.
//
// Thread safety: pure function.
// Complexity: O(E log E) to order the lists plus O(E log K) for the proposals.
#ifndef AZUBIMATCH_ENGINE_MATCHING_STABLE_ASSIGNMENT_H_
#define AZUBIMATCH_ENGINE_MATCHING_STABLE_ASSIGNMENT_H_

#include <cstdint>

#include "absl/status/statusor.h"
#include "engine/matching/assignment_instance.h"
#include "engine/matching/assignment_outcome.h"
#include "engine/matching/progress.h"

namespace azubimatch::engine {

// Errors: Cancelled when progress (proposals made, edges) says so.
absl::StatusOr<AssignmentOutcome> AssignStable(const AssignmentInstance& instance,
                                               uint64_t seed,
                                               const ProgressCallback& progress = {});

}  // namespace azubimatch::engine

#endif  // AZUBIMATCH_ENGINE_MATCHING_STABLE_ASSIGNMENT_H_
