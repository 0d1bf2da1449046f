// Greedy assignment: the best pair first, the baseline an officer would do by hand.
//
// All eligible edges are sorted by score (highest first); ties go to the smaller
// candidate id, then the smaller offer id (byte-wise string order), so the result does
// not depend on the order of the pool. Each edge is taken when its candidate is still
// unplaced and its offer has a seat left. Locked pairs are fixed beforehand.
//
// With one score for both sides (as here), the greedy result has no blocking pair: any
// pair left out met a candidate or an offer already holding a score at least as high.
//
// Thread safety: pure function. Complexity: O(E log E + C log C + O log O); memory O(E).
#ifndef AZUBIMATCH_ENGINE_MATCHING_GREEDY_ASSIGNMENT_H_
#define AZUBIMATCH_ENGINE_MATCHING_GREEDY_ASSIGNMENT_H_

#include "absl/status/statusor.h"
#include "engine/matching/assignment_instance.h"
#include "engine/matching/assignment_outcome.h"
#include "engine/matching/progress.h"

namespace azubimatch::engine {

// Errors: Cancelled when progress (called with edges scanned, edges) says so.
absl::StatusOr<AssignmentOutcome> AssignGreedy(const AssignmentInstance& instance,
                                               const ProgressCallback& progress = {});

}  // namespace azubimatch::engine

#endif  // AZUBIMATCH_ENGINE_MATCHING_GREEDY_ASSIGNMENT_H_
