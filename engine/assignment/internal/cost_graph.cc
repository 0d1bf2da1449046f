#include "engine/assignment/internal/cost_graph.h"

#include <cstdint>
#include <vector>

namespace azubimatch::engine::assignment_internal {

CsrCosts BuildCsrCosts(const AssignmentProblem& problem, int64_t sign, int64_t shift,
                       int32_t extra_col, int64_t extra_cost) {
  CsrCosts csr;
  csr.num_rows = problem.num_rows;
  csr.num_cols = extra_col >= 0 ? extra_col + 1 : problem.num_cols();
  const int64_t extra = extra_col >= 0 ? 1 : 0;
  std::vector<int64_t>& begin = csr.row_begin;
  begin.assign(static_cast<size_t>(csr.num_rows) + 1, 0);
  for (const AssignmentEdge& edge : problem.edges) ++begin[edge.row + 1];
  for (int32_t row = 0; row < csr.num_rows; ++row) begin[row + 1] += begin[row] + extra;
  csr.col.resize(begin.back());
  csr.cost.resize(begin.back());
  std::vector<int64_t> fill(begin.begin(), begin.end() - 1);
  for (const AssignmentEdge& edge : problem.edges) {
    const int64_t at = fill[edge.row]++;
    csr.col[at] = edge.col;
    csr.cost[at] = sign * edge.cost - shift;
  }
  // Remove duplicates row by row, compacting in place.
  std::vector<int32_t> seen_in_row(problem.num_cols(), -1);
  std::vector<int64_t> position(problem.num_cols(), 0);
  int64_t write = 0;
  for (int32_t row = 0; row < csr.num_rows; ++row) {
    const int64_t read_begin = begin[row];
    const int64_t read_end = fill[row];
    begin[row] = write;
    for (int64_t e = read_begin; e < read_end; ++e) {
      const int32_t col = csr.col[e];
      const int64_t cost = csr.cost[e];
      if (seen_in_row[col] == row) {
        int64_t& kept = csr.cost[position[col]];
        if (cost < kept) kept = cost;
        continue;
      }
      seen_in_row[col] = row;
      position[col] = write;
      csr.col[write] = col;
      csr.cost[write] = cost;
      ++write;
    }
    if (extra_col >= 0) {
      csr.col[write] = extra_col;
      csr.cost[write] = extra_cost;
      ++write;
    }
  }
  begin[csr.num_rows] = write;
  csr.col.resize(write);
  csr.cost.resize(write);
  csr.col.shrink_to_fit();
  csr.cost.shrink_to_fit();
  return csr;
}

template <typename T>
bool BuildDenseCosts(const AssignmentProblem& problem, int64_t sign, int64_t shift,
                     int32_t width, int64_t fill_cost, DenseCosts<T>* out) {
  const int32_t num_rows = problem.num_rows;
  const int32_t num_cols = problem.num_cols();
  std::vector<T>& cost = out->cost;
  cost.assign(static_cast<size_t>(num_rows) * width, T{-1});  // -1: no edge yet
  for (const AssignmentEdge& edge : problem.edges) {
    const T value = static_cast<T>(sign * edge.cost - shift);
    T& slot = cost[static_cast<size_t>(edge.row) * width + edge.col];
    if (slot < 0 || value < slot) slot = value;
  }
  for (int32_t row = 0; row < num_rows; ++row) {
    T* r = cost.data() + static_cast<size_t>(row) * width;
    for (int32_t col = 0; col < num_cols; ++col) {
      if (r[col] < 0) {
        cost.clear();
        return false;
      }
    }
    for (int32_t col = num_cols; col < width; ++col) r[col] = static_cast<T>(fill_cost);
  }
  out->num_rows = num_rows;
  out->num_cols = width;
  return true;
}

template bool BuildDenseCosts(const AssignmentProblem&, int64_t, int64_t, int32_t,
                              int64_t, DenseCosts<int32_t>*);
template bool BuildDenseCosts(const AssignmentProblem&, int64_t, int64_t, int32_t,
                              int64_t, DenseCosts<int64_t>*);

}  // namespace azubimatch::engine::assignment_internal
