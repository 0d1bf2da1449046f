// Internal to engine/assignment: a maximum assignment, ignoring costs, with native
// column capacities. The optimal solver needs it up front to turn
// "assign as many rows as possible" into an exact constraint (see
// sparse_assignment.cc) without any large penalty constant, and to split a problem
// with seats to spare (surplus_split.h).
//
// Algorithm: greedy first fit, then the phases of Hopcroft and Karp with native
// capacities: a breadth-first search from all free rows at once labels rows and
// columns with their alternating distance, as far as the nearest free seat; then a
// depth-first search from each free row along those layers, entering each row and
// column once per phase, augments along vertex-disjoint shortest paths. A phase
// that reaches no free seat ends the search: no larger assignment exists.
// O(E) per phase, O(E * sqrt(R)) in all; a few phases on typical instances.
// Deterministic.
//
// Thread safety: pure function.
#ifndef AZUBIMATCH_ENGINE_ASSIGNMENT_INTERNAL_MAX_CARDINALITY_H_
#define AZUBIMATCH_ENGINE_ASSIGNMENT_INTERNAL_MAX_CARDINALITY_H_

#include <cstdint>
#include <vector>

#include "engine/assignment/internal/cost_graph.h"
#include "engine/assignment/internal/seat_assignment.h"

namespace azubimatch::engine::assignment_internal {

// `capacities` has graph.num_cols entries, each >= 0. The seats are filled with
// cost 0 (costs are ignored).
SeatAssignment MaxCardinalityAssignment(const CsrCosts& graph,
                                        const std::vector<int32_t>& capacities);

// The number of rows `seats` assigns.
int32_t AssignedRows(const SeatAssignment& seats);

}  // namespace azubimatch::engine::assignment_internal

#endif  // AZUBIMATCH_ENGINE_ASSIGNMENT_INTERNAL_MAX_CARDINALITY_H_
