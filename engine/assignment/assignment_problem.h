// Data types of the optimal assignment problem: rows (candidates) are assigned to
// columns (training offers) that hold `capacities[col]` seats each, along a sparse
// list of allowed (row, column, cost) edges. A pair that is not listed is forbidden.
//
// Objective (lexicographic): first assign as many rows as possible, then minimise
// the total cost of the assigned edges (or maximise it with SolverOptions::maximize).
// Rows may stay unassigned; every row takes at most one seat.
//
// The solver is declared in engine/assignment/sparse_assignment.h, the independent
// proof of optimality in engine/assignment/optimality_certificate.h.
//
// Thread safety: plain values; concurrent reads are safe, writes need external
// synchronisation.
#ifndef AZUBIMATCH_ENGINE_ASSIGNMENT_ASSIGNMENT_PROBLEM_H_
#define AZUBIMATCH_ENGINE_ASSIGNMENT_ASSIGNMENT_PROBLEM_H_

#include <cstdint>
#include <functional>
#include <vector>

namespace azubimatch::engine {

// One allowed pair. Several edges with the same (row, col) are allowed; the
// cheapest one counts (the heaviest one with `maximize`), the others are ignored.
struct AssignmentEdge {
  int32_t row = 0;
  int32_t col = 0;
  int64_t cost = 0;
};

struct AssignmentProblem {
  // Number of rows; rows are 0 .. num_rows-1.
  int32_t num_rows = 0;
  // Seats of each column; the number of columns is capacities.size(). Each >= 1.
  std::vector<int32_t> capacities;
  // Allowed pairs, any order. Costs are signed 64-bit integers; see
  // sparse_assignment.h for the range that is accepted.
  std::vector<AssignmentEdge> edges;

  int32_t num_cols() const { return static_cast<int32_t>(capacities.size()); }
};

// Dual prices that prove optimality (linear programming duality). For the
// minimisation form (maximize = false) they satisfy, for an optimal result:
//   row_duals[r] + col_duals[c] <= cost(r, c)   for every edge, with equality on
//                                                assigned edges;
//   row_duals[r] <= unassigned_row_dual          for assigned rows, equality for
//                                                unassigned rows;
//   col_duals[c] <= free_seat_dual               for every column, equality for
//                                                columns with a free seat.
// With maximize = true every inequality is reversed (>=) and `cost` is the weight.
// Together with a proof that no larger assignment exists this shows that no
// assignment of the same size is cheaper (see optimality_certificate.h).
struct AssignmentDuals {
  std::vector<int64_t> row_duals;  // one per row
  std::vector<int64_t> col_duals;  // one per column
  int64_t unassigned_row_dual = 0;
  int64_t free_seat_dual = 0;
};

struct SolverOptions {
  // Maximise the total weight instead of minimising the total cost. The number of
  // assigned rows is maximised first either way.
  // Default: false
  bool maximize = false;

  // Run CheckOptimalityCertificate on the result before returning it, and return
  // an Internal error if it fails. Costs about one extra pass over the edges.
  // Default: false (the solver is exact; the check is for debugging and tests)
  bool check_certificate = false;

  // Column duals of an earlier solve (same columns, same sense of `maximize`) to
  // start from when re-solving after small changes; only `col_duals` is read and it
  // must have one entry per column. The result is the same optimum as a cold start
  // (the assignment may differ among equal-cost optima). Not owned; must outlive the
  // call. A warm start skips the column reduction of the cold start.
  // Default: nullptr (cold start)
  const AssignmentDuals* warm_start = nullptr;

  // Called every few hundred rows with the number of rows handled so far and the
  // total; return false to stop: SolveAssignment then returns absl::CancelledError.
  // Called on the solving thread.
  // Default: empty (never called)
  std::function<bool(int64_t rows_done, int64_t rows_total)> progress;

  // Use the dense path (contiguous cost matrix, vectorised scans) when every row
  // has an edge to every column and the matrix has at most this many entries.
  // 0 turns the dense path off.
  // Default: 1 << 28 (a 16384 x 16384 matrix, 1 GiB of 32-bit costs)
  int64_t max_dense_entries = int64_t{1} << 28;
};

struct AssignmentResult {
  // Column of each row, -1 if the row is unassigned.
  std::vector<int32_t> row_to_col;
  // Number of assigned rows (the maximum possible).
  int32_t assigned = 0;
  // Total cost (or weight) of the assigned edges.
  int64_t objective = 0;
  // Dual prices proving optimality; see AssignmentDuals.
  AssignmentDuals duals;
};

}  // namespace azubimatch::engine

#endif  // AZUBIMATCH_ENGINE_ASSIGNMENT_ASSIGNMENT_PROBLEM_H_
