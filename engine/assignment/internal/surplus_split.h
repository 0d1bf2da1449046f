// Internal to engine/assignment: splits a problem whose seats outnumber what can be
// assigned into two independent blocks, so that each is solved under the faster
// "perfect" target rule where possible (see solver_state.h).
//
// Given a maximum assignment M (costs ignored), let S be the columns reachable
// from a column with a free seat in M by alternating paths: column c in S, a row r
// with an edge to c, the column of r in M joins S. Let A be the rows with an edge
// into S (all are assigned in M, or M would not be maximum). This is one side of
// the Dulmage-Mendelsohn decomposition, and:
//  - only the rows of A have edges into S;
//  - every maximum assignment puts the rows of A into columns of S and fills every
//    seat of every column outside S with rows outside A: an edge from A to a
//    column outside S in it would leave one more seat of S free than rows of A can
//    fill, one row fewer assigned in all.
// So the maximum assignments of least cost are exactly the unions of those of the
// "tight" block (rows outside A x columns outside S, where every seat is taken)
// and the "surplus" block (A x S, where every row is assigned), and the edges from
// A to columns outside S can be dropped. The split is trivial (and not worth
// making) when S is empty or A holds every row.
//
// Complexity: O(E + R + C) time, O(E) memory for the column-to-row lists.
// Thread safety: pure function.
#ifndef AZUBIMATCH_ENGINE_ASSIGNMENT_INTERNAL_SURPLUS_SPLIT_H_
#define AZUBIMATCH_ENGINE_ASSIGNMENT_INTERNAL_SURPLUS_SPLIT_H_

#include <cstdint>
#include <vector>

#include "engine/assignment/internal/cost_graph.h"
#include "engine/assignment/internal/seat_assignment.h"

namespace azubimatch::engine::assignment_internal {

struct SurplusSplit {
  std::vector<uint8_t> surplus_row;  // 1 for the rows of A, per row
  std::vector<uint8_t> surplus_col;  // 1 for the columns of S, per column
  int32_t surplus_rows = 0;          // |A|
  int32_t surplus_cols = 0;          // |S|
};

// `max_assignment` must be a maximum assignment of `graph` (its capacities are the
// usable seats of each column).
SurplusSplit SplitBySurplusSeats(const CsrCosts& graph,
                                 const SeatAssignment& max_assignment);

}  // namespace azubimatch::engine::assignment_internal

#endif  // AZUBIMATCH_ENGINE_ASSIGNMENT_INTERNAL_SURPLUS_SPLIT_H_
