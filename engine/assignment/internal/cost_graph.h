// Internal to engine/assignment: the costs of a problem in the solver's own
// minimisation form (every cost >= 0 after negation for `maximize` and a constant
// shift), stored either as compressed sparse rows or as a dense row-major matrix.
// Both expose ForEachEdge(row, fn(col, cost)) in column order of storage, so the
// solver phases can be written once as templates.
//
// Thread safety: immutable after construction; concurrent reads are safe.
#ifndef AZUBIMATCH_ENGINE_ASSIGNMENT_INTERNAL_COST_GRAPH_H_
#define AZUBIMATCH_ENGINE_ASSIGNMENT_INTERNAL_COST_GRAPH_H_

#include <cstdint>
#include <vector>

#include "engine/assignment/assignment_problem.h"

namespace azubimatch::engine::assignment_internal {

// Compressed sparse rows; within a row, edges keep their input order (duplicates
// removed). Building is O(E + R + C).
struct CsrCosts {
  int32_t num_rows = 0;
  int32_t num_cols = 0;
  std::vector<int64_t> row_begin;  // num_rows + 1 entries
  std::vector<int32_t> col;
  std::vector<int64_t> cost;

  int64_t num_edges() const { return static_cast<int64_t>(col.size()); }
  int64_t degree(int32_t row) const { return row_begin[row + 1] - row_begin[row]; }

  template <typename Fn>
  void ForEachEdge(int32_t row, Fn&& fn) const {
    const int64_t end = row_begin[row + 1];
    for (int64_t e = row_begin[row]; e < end; ++e) fn(col[e], cost[e]);
  }
};

// Builds the CSR form of a validated problem with cost' = sign * cost - shift.
// Of several edges with the same (row, col) the one with the smallest cost' is
// kept, at the position of the first one. If `extra_col` >= 0, every row gets one
// more edge (extra_col, extra_cost) at its end; num_cols is then extra_col + 1.
CsrCosts BuildCsrCosts(const AssignmentProblem& problem, int64_t sign, int64_t shift,
                       int32_t extra_col = -1, int64_t extra_cost = 0);

// Builds the dense form of a validated problem (cost' = sign * cost - shift,
// duplicates keep the smallest cost') with `width` >= num_cols columns; columns
// num_cols .. width-1 get `fill_cost`. Returns false, leaving `out` empty, if some
// (row, col) pair has no edge. REQUIRES: every cost' fits in T and is >= 0.
template <typename T>
struct DenseCosts;
template <typename T>
bool BuildDenseCosts(const AssignmentProblem& problem, int64_t sign, int64_t shift,
                     int32_t width, int64_t fill_cost, DenseCosts<T>* out);

// A complete cost matrix, row-major. `T` is int32_t when every cost fits, which
// halves the memory traffic of the scans, and int64_t otherwise.
template <typename T>
struct DenseCosts {
  int32_t num_rows = 0;
  int32_t num_cols = 0;
  std::vector<T> cost;  // num_rows * num_cols entries

  const T* Row(int32_t row) const {
    return cost.data() + static_cast<int64_t>(row) * num_cols;
  }
  int64_t At(int32_t row, int32_t col) const { return Row(row)[col]; }

  template <typename Fn>
  void ForEachEdge(int32_t row, Fn&& fn) const {
    const T* r = Row(row);
    for (int32_t c = 0; c < num_cols; ++c) fn(c, static_cast<int64_t>(r[c]));
  }
};

extern template bool BuildDenseCosts(const AssignmentProblem&, int64_t, int64_t, int32_t,
                                     int64_t, DenseCosts<int32_t>*);
extern template bool BuildDenseCosts(const AssignmentProblem&, int64_t, int64_t, int32_t,
                                     int64_t, DenseCosts<int64_t>*);

}  // namespace azubimatch::engine::assignment_internal

#endif  // AZUBIMATCH_ENGINE_ASSIGNMENT_INTERNAL_COST_GRAPH_H_
