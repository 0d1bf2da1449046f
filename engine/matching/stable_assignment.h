// Stable assignment: candidate-proposing deferred acceptance (deferred_acceptance.h) on
// the eligible edges, both sides ranking by the pair's score.
//
// Ties between equal scores are broken by seeded hashes of the ids (tie_break.h): a
// candidate ranks offers of equal score by PairTieBreak(seed, kCandidateSide, candidate
// id, offer id), an offer ranks candidates of equal score by PairTieBreak(seed,
// kOfferSide, offer id, candidate id), higher first. The result is the
// candidate-optimal stable matching for those strict preferences, so it has no blocking
// pair (metrics.h) and depends only on the pool's content and the seed. Locked pairs
// are fixed beforehand and their seats removed.
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

// Salts of the two sides' tie-break hashes.
inline constexpr uint64_t kCandidateSideSalt = 0x63616e6469646174ULL;  // "candidat"
inline constexpr uint64_t kOfferSideSalt = 0x6f66666572736964ULL;      // "offersid"

// Errors: Cancelled when progress (proposals made, edges) says so.
absl::StatusOr<AssignmentOutcome> AssignStable(const AssignmentInstance& instance,
                                               uint64_t seed,
                                               const ProgressCallback& progress = {});

}  // namespace azubimatch::engine

#endif  // AZUBIMATCH_ENGINE_MATCHING_STABLE_ASSIGNMENT_H_
