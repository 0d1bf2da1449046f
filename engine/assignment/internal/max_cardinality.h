// Internal to engine/assignment: the size of a maximum assignment, ignoring costs,
// with native column capacities. The optimal solver needs it up front to turn
// "assign as many rows as possible" into an exact constraint (see
// sparse_assignment.cc) without any large penalty constant.
//
// Algorithm: greedy first fit, then one breadth-first augmenting-path search per
// row left free. A search that fails marks every column it reached as dead: such a
// set is closed (all its seats are taken by rows whose edges stay inside it), so no
// later augmenting path can use it. O(R * E) in the worst case, close to O(E) on
// typical instances. Deterministic.
//
// Thread safety: pure function.
#ifndef AZUBIMATCH_ENGINE_ASSIGNMENT_INTERNAL_MAX_CARDINALITY_H_
#define AZUBIMATCH_ENGINE_ASSIGNMENT_INTERNAL_MAX_CARDINALITY_H_

#include <cstdint>
#include <vector>

#include "engine/assignment/internal/cost_graph.h"

namespace azubimatch::engine::assignment_internal {

// `capacities` has graph.num_cols entries, each >= 0.
int32_t MaxCardinality(const CsrCosts& graph, const std::vector<int32_t>& capacities);

}  // namespace azubimatch::engine::assignment_internal

#endif  // AZUBIMATCH_ENGINE_ASSIGNMENT_INTERNAL_MAX_CARDINALITY_H_
