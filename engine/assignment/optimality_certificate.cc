#include "engine/assignment/optimality_certificate.h"

#include <cstdint>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_format.h"

namespace azubimatch::engine {
namespace {

using Wide = __int128;

// Minimisation form of a value given in the sense of `options.maximize`.
Wide Min(Wide sign, int64_t value) { return sign * Wide{value}; }

}  // namespace

absl::Status CheckOptimalityCertificate(const AssignmentProblem& problem,
                                        const SolverOptions& options,
                                        const AssignmentResult& result) {
  const int32_t num_rows = problem.num_rows;
  const int32_t num_cols = problem.num_cols();
  const Wide sign = options.maximize ? -1 : 1;
  const AssignmentDuals& duals = result.duals;
  if (num_rows < 0) return absl::InvalidArgumentError("num_rows must be >= 0");
  if (static_cast<int64_t>(result.row_to_col.size()) != num_rows ||
      static_cast<int64_t>(duals.row_duals.size()) != num_rows) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "row_to_col and duals.row_duals must have num_rows = %d entries, have %d and %d",
        num_rows, result.row_to_col.size(), duals.row_duals.size()));
  }
  if (static_cast<int64_t>(duals.col_duals.size()) != num_cols) {
    return absl::InvalidArgumentError(
        absl::StrFormat("duals.col_duals must have %d entries, has %d", num_cols,
                        duals.col_duals.size()));
  }
  for (const AssignmentEdge& edge : problem.edges) {
    if (edge.row < 0 || edge.row >= num_rows || edge.col < 0 || edge.col >= num_cols) {
      return absl::InvalidArgumentError(
          absl::StrFormat("edge (%d, %d) is outside the %d x %d problem", edge.row,
                          edge.col, num_rows, num_cols));
    }
  }

  // 1. Feasibility.
  std::vector<int64_t> load(num_cols, 0);
  int64_t assigned = 0;
  for (int32_t row = 0; row < num_rows; ++row) {
    const int32_t col = result.row_to_col[row];
    if (col == -1) continue;
    if (col < 0 || col >= num_cols) {
      return absl::InvalidArgumentError(
          absl::StrFormat("row_to_col[%d] = %d is not a column", row, col));
    }
    ++assigned;
    if (++load[col] > problem.capacities[col]) {
      return absl::InvalidArgumentError(
          absl::StrFormat("column %d holds more rows than its capacity %d", col,
                          problem.capacities[col]));
    }
  }
  if (assigned != result.assigned) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "assigned = %d but row_to_col assigns %d rows", result.assigned, assigned));
  }
  std::vector<bool> has_edge(num_rows, false);
  std::vector<Wide> assigned_cost(num_rows, 0);  // minimisation form, best edge
  for (const AssignmentEdge& edge : problem.edges) {
    if (result.row_to_col[edge.row] != edge.col) continue;
    const Wide cost = Min(sign, edge.cost);
    if (!has_edge[edge.row] || cost < assigned_cost[edge.row]) {
      assigned_cost[edge.row] = cost;
      has_edge[edge.row] = true;
    }
  }
  Wide total = 0;
  for (int32_t row = 0; row < num_rows; ++row) {
    if (result.row_to_col[row] == -1) continue;
    if (!has_edge[row]) {
      return absl::InvalidArgumentError(
          absl::StrFormat("row %d is assigned to column %d without an edge", row,
                          result.row_to_col[row]));
    }
    total += assigned_cost[row];
  }
  if (sign * total != Wide{result.objective}) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "objective = %d does not match the assignment", result.objective));
  }

  // 2. Maximum size: no augmenting path from any unassigned row.
  std::vector<int64_t> row_begin(num_rows + 1, 0);
  for (const AssignmentEdge& edge : problem.edges) ++row_begin[edge.row + 1];
  for (int32_t row = 0; row < num_rows; ++row) row_begin[row + 1] += row_begin[row];
  std::vector<int32_t> adjacent(problem.edges.size());
  {
    std::vector<int64_t> fill(row_begin.begin(), row_begin.end() - 1);
    for (const AssignmentEdge& edge : problem.edges)
      adjacent[fill[edge.row]++] = edge.col;
  }
  std::vector<int64_t> col_begin(num_cols + 1, 0);
  for (int32_t row = 0; row < num_rows; ++row) {
    if (result.row_to_col[row] >= 0) ++col_begin[result.row_to_col[row] + 1];
  }
  for (int32_t col = 0; col < num_cols; ++col) col_begin[col + 1] += col_begin[col];
  std::vector<int32_t> holders(assigned);
  {
    std::vector<int64_t> fill(col_begin.begin(), col_begin.end() - 1);
    for (int32_t row = 0; row < num_rows; ++row) {
      if (result.row_to_col[row] >= 0) holders[fill[result.row_to_col[row]]++] = row;
    }
  }
  std::vector<bool> row_seen(num_rows, false);
  std::vector<bool> col_seen(num_cols, false);
  std::vector<int32_t> queue;
  for (int32_t row = 0; row < num_rows; ++row) {
    if (result.row_to_col[row] == -1) {
      row_seen[row] = true;
      queue.push_back(row);
    }
  }
  for (size_t head = 0; head < queue.size(); ++head) {
    const int32_t row = queue[head];
    for (int64_t e = row_begin[row]; e < row_begin[row + 1]; ++e) {
      const int32_t col = adjacent[e];
      if (col_seen[col]) continue;
      col_seen[col] = true;
      if (load[col] < problem.capacities[col]) {
        return absl::FailedPreconditionError(absl::StrFormat(
            "not of maximum size: column %d with a free seat is reachable by an "
            "augmenting path from an unassigned row",
            col));
      }
      for (int64_t k = col_begin[col]; k < col_begin[col + 1]; ++k) {
        if (!row_seen[holders[k]]) {
          row_seen[holders[k]] = true;
          queue.push_back(holders[k]);
        }
      }
    }
  }

  // 3. Minimum cost for that size: the duals.
  const Wide row_limit = Min(sign, duals.unassigned_row_dual);
  const Wide col_limit = Min(sign, duals.free_seat_dual);
  for (size_t k = 0; k < problem.edges.size(); ++k) {
    const AssignmentEdge& edge = problem.edges[k];
    const Wide slack = Min(sign, edge.cost) - Min(sign, duals.row_duals[edge.row]) -
                       Min(sign, duals.col_duals[edge.col]);
    if (slack < 0) {
      return absl::FailedPreconditionError(absl::StrFormat(
          "dual infeasible on edges[%d] (row %d, column %d): reduced cost %d < 0", k,
          edge.row, edge.col, static_cast<int64_t>(slack)));
    }
  }
  for (int32_t row = 0; row < num_rows; ++row) {
    const Wide u = Min(sign, duals.row_duals[row]);
    const int32_t col = result.row_to_col[row];
    if (col == -1) {
      if (u != row_limit) {
        return absl::FailedPreconditionError(absl::StrFormat(
            "unassigned row %d has a dual different from unassigned_row_dual", row));
      }
      continue;
    }
    if (u > row_limit) {
      return absl::FailedPreconditionError(
          absl::StrFormat("assigned row %d has a dual beyond unassigned_row_dual", row));
    }
    if (u + Min(sign, duals.col_duals[col]) != assigned_cost[row]) {
      return absl::FailedPreconditionError(absl::StrFormat(
          "complementary slackness fails on the edge of row %d to column %d", row, col));
    }
  }
  for (int32_t col = 0; col < num_cols; ++col) {
    const Wide v = Min(sign, duals.col_duals[col]);
    if (v > col_limit) {
      return absl::FailedPreconditionError(
          absl::StrFormat("column %d has a dual beyond free_seat_dual", col));
    }
    if (load[col] < problem.capacities[col] && v != col_limit) {
      return absl::FailedPreconditionError(absl::StrFormat(
          "column %d has a free seat but a dual different from free_seat_dual", col));
    }
  }
  return absl::OkStatus();
}

}  // namespace azubimatch::engine
