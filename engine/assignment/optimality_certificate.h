// An independent proof that an AssignmentResult is optimal for its problem, from
// the result alone (it shares no code with the solver).
//
// It checks, with 128-bit arithmetic:
//  1. feasibility: every assigned row uses an existing edge, no column holds more
//     rows than its capacity, `assigned` and `objective` match the assignment;
//  2. maximum size (Berge): no augmenting path exists, found by one breadth-first
//     search from all unassigned rows (rows -> columns along edges, full columns ->
//     the rows they hold); a column with a free seat reached means a larger
//     assignment exists;
//  3. minimum cost among assignments of that size, by linear programming duality
//     (the conditions of AssignmentDuals in assignment_problem.h): dual
//     feasibility on every edge, equality on assigned edges (complementary
//     slackness), assigned rows at most / unassigned rows exactly at
//     unassigned_row_dual, every column at most / columns with a free seat exactly
//     at free_seat_dual. These are the optimality conditions of the min-cost flow
//     with a fixed number of assigned rows, whose constraint matrix is totally
//     unimodular. With `maximize` every inequality is reversed.
//
// Complexity: O(E + R + C) time and memory.
// Thread safety: pure function.
#ifndef AZUBIMATCH_ENGINE_ASSIGNMENT_OPTIMALITY_CERTIFICATE_H_
#define AZUBIMATCH_ENGINE_ASSIGNMENT_OPTIMALITY_CERTIFICATE_H_

#include "absl/status/status.h"
#include "engine/assignment/assignment_problem.h"

namespace azubimatch::engine {

// Returns OK if `result` is proven optimal for `problem` (only options.maximize is
// read). InvalidArgument if the problem or result is malformed (sizes, indices) or
// the assignment is infeasible or misreported; FailedPrecondition if it is not of
// maximum size or the duals do not prove minimum cost. Messages name the row,
// column or edge at fault.
absl::Status CheckOptimalityCertificate(const AssignmentProblem& problem,
                                        const SolverOptions& options,
                                        const AssignmentResult& result);

}  // namespace azubimatch::engine

#endif  // AZUBIMATCH_ENGINE_ASSIGNMENT_OPTIMALITY_CERTIFICATE_H_
