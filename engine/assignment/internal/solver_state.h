// Internal to engine/assignment: the state shared by the phases of one solve, and
// the two operations every phase needs (the reduced cost of an edge, and moving
// the rows along an augmenting path).
//
// Prices follow the minimisation form u[r] + price[c] <= cost(r, c) with equality on
// assigned edges; a row's dual is implicit, u[r] = cost_of(r) - price[col_of(r)], and
// an assigned row always sits in a column of minimum reduced cost cost - price.
//
// Two target rules exist (see sparse_assignment.cc for why each is exact):
//  - perfect: every seat must end up taken, so a path may end in any column with a
//    free seat, whatever its price;
//  - sink: seats may stay free; a column with a free seat leads to the sink at the
//    extra reduced cost price[c] - free_seat_price >= 0 (0 for all such columns on a
//    cold start, so the search still stops at the first free seat).
//
// Thread safety: none; owned by one solve.
#ifndef AZUBIMATCH_ENGINE_ASSIGNMENT_INTERNAL_SOLVER_STATE_H_
#define AZUBIMATCH_ENGINE_ASSIGNMENT_INTERNAL_SOLVER_STATE_H_

#include <cstdint>
#include <limits>
#include <vector>

#include "engine/assignment/internal/seat_assignment.h"

namespace azubimatch::engine::assignment_internal {

inline constexpr int64_t kInfinity = std::numeric_limits<int64_t>::max();

struct SolverState {
  SeatAssignment seats;
  std::vector<int64_t> price;  // column duals, one per column
  int64_t free_seat_price = 0;
  bool perfect = false;  // target rule, see above

  // Extra reduced cost from a column with a free seat to the sink.
  int64_t SinkOffset(int32_t col) const {
    return perfect ? 0 : price[col] - free_seat_price;
  }
};

// Moves the rows of an augmenting path: `pred_row(c)` is the row from which column
// c was reached; the path ends at `end_col`, which has a free seat, and starts at
// the only unassigned row on it. `cost(row, col)` gives the edge cost.
// O(path length).
template <typename PredFn, typename CostFn>
void ShiftAlongPath(int32_t end_col, PredFn&& pred_row, CostFn&& cost,
                    SeatAssignment& seats) {
  int32_t col = end_col;
  int64_t slot = seats.TakeFreeSeat(col);
  while (true) {
    const int32_t row = pred_row(col);
    const int32_t old_col = seats.col_of(row);
    const int64_t old_slot = seats.slot_of(row);
    seats.PlaceInSlot(row, col, slot, cost(row, col));
    if (old_col < 0) return;
    col = old_col;
    slot = old_slot;
  }
}

}  // namespace azubimatch::engine::assignment_internal

#endif  // AZUBIMATCH_ENGINE_ASSIGNMENT_INTERNAL_SOLVER_STATE_H_
