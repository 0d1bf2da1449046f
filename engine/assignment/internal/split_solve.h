// Internal to engine/assignment: solves a problem split by SplitBySurplusSeats
// (surplus_split.h) block by block and joins the results, duals included.
//
//  - The surplus block (every row assigned, seats left free) is solved as it is.
//  - The tight block (every seat taken, rows left out) is solved with rows and
//    seats exchanged: one row per seat, one single-seat column per row. There
//    every row is assigned and columns stay free, so each shortest-path search ends
//    at the first free column; in the direct form every search could end only at
//    the extra column Z of sparse_assignment.cc, a hub reached from every row. It
//    costs one edge per seat and edge of a column; when that is more than
//    kMaxSeatReplication times the block's edges, or with a warm start (prices of
//    the given columns), the block is solved directly instead.
//  - The duals are joined in the minimisation form: the surplus block is shifted
//    (column duals +s, row duals -s, which keeps its conditions) by the least s
//    that puts every tight column at or below the joint free-seat dual, every
//    surplus row at or below the tight block's unassigned-row dual, and makes every
//    edge dropped between the blocks feasible; then tight columns with unusable
//    spare seats (more seats than rows reaching them) are raised to the free-seat
//    dual, lowering the duals of the rows they hold.
//
// Progress: the blocks report one after the other on one scale of num_rows rows.
// Complexity: O(E * mean seats) to build the blocks, plus the blocks' solves.
// Thread safety: reentrant.
#ifndef AZUBIMATCH_ENGINE_ASSIGNMENT_INTERNAL_SPLIT_SOLVE_H_
#define AZUBIMATCH_ENGINE_ASSIGNMENT_INTERNAL_SPLIT_SOLVE_H_

#include <cstdint>
#include <functional>

#include "absl/status/statusor.h"
#include "engine/assignment/assignment_problem.h"
#include "engine/assignment/internal/seat_assignment.h"
#include "engine/assignment/internal/surplus_split.h"

namespace azubimatch::engine::assignment_internal {

// The exchanged form of the tight block may have at most this many times its edges.
inline constexpr int64_t kMaxSeatReplication = 4;

// Solves one block whose maximum assignment has `max_assigned` rows, without
// splitting it again.
using BlockSolver = std::function<absl::StatusOr<AssignmentResult>(
    const AssignmentProblem& block, const SolverOptions& options, int32_t max_assigned)>;

// `split` and `maximum` as SplitBySurplusSeats takes and gives them, for `problem`
// (validated). Errors: those of `solve_block`.
absl::StatusOr<AssignmentResult> SolveSplit(const AssignmentProblem& problem,
                                            const SolverOptions& options,
                                            const SurplusSplit& split,
                                            const SeatAssignment& maximum,
                                            const BlockSolver& solve_block);

}  // namespace azubimatch::engine::assignment_internal

#endif  // AZUBIMATCH_ENGINE_ASSIGNMENT_INTERNAL_SPLIT_SOLVE_H_
