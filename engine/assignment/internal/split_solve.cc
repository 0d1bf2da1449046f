#include "engine/assignment/internal/split_solve.h"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <utility>
#include <vector>

#include "engine/base/status_macros.h"

namespace azubimatch::engine::assignment_internal {
namespace {

// Solves a problem in which every seat is taken and some rows stay out (the
// tight block of a split) with rows and seats exchanged: one row per seat, one
// column of one seat per row. There every row (seat) is assigned and columns stay
// free, so each search ends at the first free column, where the direct form would
// reach the extra column Z, a hub with an edge from every row. The duals map back:
// a row's dual is its column's in the exchanged problem, the unassigned-row dual
// is its free-seat dual, and the seats of one column, all taken and with the same
// edges, have equal duals, the column's price. `seats_of[col]` is the number of
// seats of `col` taken in every maximum assignment.
absl::StatusOr<AssignmentResult> SolveBySeats(const AssignmentProblem& problem,
                                              const SolverOptions& options,
                                              const std::vector<int32_t>& seats_of,
                                              const BlockSolver& solve_block) {
  const int32_t num_rows = problem.num_rows;
  const int32_t num_cols = problem.num_cols();
  std::vector<int32_t> first_seat(num_cols + 1, 0);
  for (int32_t col = 0; col < num_cols; ++col) {
    first_seat[col + 1] = first_seat[col] + seats_of[col];
  }
  const int32_t seats = first_seat[num_cols];
  AssignmentProblem exchanged;
  exchanged.num_rows = seats;
  exchanged.capacities.assign(num_rows, 1);
  int64_t edges = 0;
  for (const AssignmentEdge& edge : problem.edges) {
    edges += first_seat[edge.col + 1] - first_seat[edge.col];
  }
  exchanged.edges.reserve(edges);
  for (const AssignmentEdge& edge : problem.edges) {
    for (int32_t seat = first_seat[edge.col]; seat < first_seat[edge.col + 1]; ++seat) {
      exchanged.edges.push_back({seat, edge.row, edge.cost});
    }
  }
  SolverOptions exchanged_options = options;
  if (options.progress) {
    exchanged_options.progress = [&](int64_t done, int64_t) {
      return options.progress(done * num_rows / std::max(seats, 1), num_rows);
    };
  }
  AZM_ASSIGN_OR_RETURN(AssignmentResult by_seat,
                       solve_block(exchanged, exchanged_options, seats));

  const int64_t sign = options.maximize ? -1 : 1;
  AssignmentResult result;
  result.row_to_col.assign(num_rows, -1);
  result.assigned = by_seat.assigned;
  result.objective = by_seat.objective;
  result.duals.row_duals = std::move(by_seat.duals.col_duals);
  result.duals.unassigned_row_dual = by_seat.duals.free_seat_dual;
  result.duals.col_duals.resize(num_cols);
  int64_t highest = std::numeric_limits<int64_t>::min();
  for (int32_t col = 0; col < num_cols; ++col) {
    for (int32_t seat = first_seat[col]; seat < first_seat[col + 1]; ++seat) {
      const int32_t row = by_seat.row_to_col[seat];
      if (row >= 0) result.row_to_col[row] = col;
    }
    if (first_seat[col] < first_seat[col + 1]) {
      result.duals.col_duals[col] = by_seat.duals.row_duals[first_seat[col]];
    }
    highest = std::max(highest, sign * result.duals.col_duals[col]);
  }
  result.duals.free_seat_dual = num_cols > 0 ? sign * highest : 0;
  return result;
}

// The two blocks of a split and the maps between their indices and the problem's.
// Index 0 is the tight block, 1 the surplus block.
struct Blocks {
  AssignmentProblem block[2];
  std::vector<int32_t> rows_of[2];  // problem row of each block row
  std::vector<int32_t> cols_of[2];  // problem column of each block column
  std::vector<int32_t> local_row;   // block row of each problem row
  std::vector<int32_t> local_col;   // block column of each problem column
};

Blocks MakeBlocks(const AssignmentProblem& problem, const SurplusSplit& split) {
  Blocks blocks;
  blocks.local_row.resize(problem.num_rows);
  blocks.local_col.resize(problem.num_cols());
  for (int32_t row = 0; row < problem.num_rows; ++row) {
    const int b = split.surplus_row[row];
    blocks.local_row[row] = blocks.block[b].num_rows++;
    blocks.rows_of[b].push_back(row);
  }
  for (int32_t col = 0; col < problem.num_cols(); ++col) {
    const int b = split.surplus_col[col];
    blocks.local_col[col] = blocks.block[b].num_cols();
    blocks.block[b].capacities.push_back(problem.capacities[col]);
    blocks.cols_of[b].push_back(col);
  }
  for (const AssignmentEdge& edge : problem.edges) {
    const int b = split.surplus_row[edge.row];
    if (b != split.surplus_col[edge.col]) continue;  // never in a maximum assignment
    blocks.block[b].edges.push_back(
        {blocks.local_row[edge.row], blocks.local_col[edge.col], edge.cost});
  }
  return blocks;
}

// The tight block: exchanged (SolveBySeats) unless that takes too many edges or a
// warm start is given.
absl::StatusOr<AssignmentResult> SolveTightBlock(const AssignmentProblem& block,
                                                 const std::vector<int32_t>& cols_of,
                                                 const SeatAssignment& maximum,
                                                 const SolverOptions& options,
                                                 const BlockSolver& solve_block) {
  // Every seat of the block is taken: as many as its column holds in `maximum`.
  std::vector<int32_t> seats_of;
  int32_t seats = 0;
  for (int32_t col : cols_of) {
    seats_of.push_back(maximum.load(col));
    seats += seats_of.back();
  }
  int64_t exchanged_edges = 0;
  for (const AssignmentEdge& edge : block.edges) exchanged_edges += seats_of[edge.col];
  const int64_t limit = kMaxSeatReplication * static_cast<int64_t>(block.edges.size());
  if (options.warm_start == nullptr && exchanged_edges <= limit) {
    return SolveBySeats(block, options, seats_of, solve_block);
  }
  return solve_block(block, options, seats);
}

// The least shift s of the surplus block's duals (columns +s, rows -s, in the
// minimisation form) that satisfies the conditions across blocks; see the header.
int64_t SurplusShift(const AssignmentProblem& problem, const SurplusSplit& split,
                     const Blocks& blocks, const AssignmentDuals& tight,
                     const AssignmentDuals& surplus, int64_t sign) {
  int64_t shift = std::numeric_limits<int64_t>::min();
  for (int64_t v : tight.col_duals) {
    shift = std::max(shift, sign * v - sign * surplus.free_seat_dual);
  }
  for (int64_t u : surplus.row_duals) {
    shift = std::max(shift, sign * u - sign * tight.unassigned_row_dual);
  }
  for (const AssignmentEdge& edge : problem.edges) {
    if (!split.surplus_row[edge.row] || split.surplus_col[edge.col]) continue;
    shift = std::max(shift, sign * surplus.row_duals[blocks.local_row[edge.row]] +
                                sign * tight.col_duals[blocks.local_col[edge.col]] -
                                sign * edge.cost);
  }
  return shift == std::numeric_limits<int64_t>::min() ? 0 : shift;
}

// Raises every column with a free seat to the free-seat dual, lowering the duals of
// the rows it holds (a column of the tight block with more seats than rows that
// reach it holds every such row, none of the surplus block's).
void RaiseColumnsWithFreeSeats(const AssignmentProblem& problem, int64_t sign,
                               AssignmentResult& result) {
  std::vector<int32_t> load(problem.num_cols(), 0);
  for (int32_t col : result.row_to_col) {
    if (col >= 0) ++load[col];
  }
  AssignmentDuals& duals = result.duals;
  std::vector<int64_t> raise(problem.num_cols(), 0);
  for (int32_t col = 0; col < problem.num_cols(); ++col) {
    if (load[col] >= problem.capacities[col]) continue;
    raise[col] = sign * duals.free_seat_dual - sign * duals.col_duals[col];
    duals.col_duals[col] = duals.free_seat_dual;
  }
  for (int32_t row = 0; row < problem.num_rows; ++row) {
    const int32_t col = result.row_to_col[row];
    if (col >= 0) duals.row_duals[row] -= sign * raise[col];
  }
}

}  // namespace

absl::StatusOr<AssignmentResult> SolveSplit(const AssignmentProblem& problem,
                                            const SolverOptions& options,
                                            const SurplusSplit& split,
                                            const SeatAssignment& maximum,
                                            const BlockSolver& solve_block) {
  const Blocks blocks = MakeBlocks(problem, split);
  AssignmentResult parts[2];
  int64_t rows_before = 0;
  for (int b = 0; b < 2; ++b) {
    SolverOptions block_options = options;
    block_options.check_certificate = false;
    AssignmentDuals warm;
    if (options.warm_start != nullptr) {
      for (int32_t col : blocks.cols_of[b]) {
        warm.col_duals.push_back(options.warm_start->col_duals[col]);
      }
      block_options.warm_start = &warm;
    }
    if (options.progress) {
      block_options.progress = [&, rows_before](int64_t done, int64_t) {
        return options.progress(rows_before + done, problem.num_rows);
      };
    }
    const AssignmentProblem& block = blocks.block[b];
    if (b == 0) {
      AZM_ASSIGN_OR_RETURN(parts[b], SolveTightBlock(block, blocks.cols_of[0], maximum,
                                                     block_options, solve_block));
    } else {
      AZM_ASSIGN_OR_RETURN(parts[b], solve_block(block, block_options, block.num_rows));
    }
    rows_before += block.num_rows;
  }

  const int64_t sign = options.maximize ? -1 : 1;
  const int64_t shift =
      SurplusShift(problem, split, blocks, parts[0].duals, parts[1].duals, sign);
  AssignmentResult result;
  result.row_to_col.assign(problem.num_rows, -1);
  result.duals.row_duals.resize(problem.num_rows);
  result.duals.col_duals.resize(problem.num_cols());
  for (int b = 0; b < 2; ++b) {
    const int64_t s = b == 1 ? sign * shift : 0;
    const std::vector<int32_t>& rows_of = blocks.rows_of[b];
    const std::vector<int32_t>& cols_of = blocks.cols_of[b];
    for (size_t k = 0; k < rows_of.size(); ++k) {
      const int32_t col = parts[b].row_to_col[k];
      result.row_to_col[rows_of[k]] = col < 0 ? -1 : cols_of[col];
      result.duals.row_duals[rows_of[k]] = parts[b].duals.row_duals[k] - s;
    }
    for (size_t k = 0; k < cols_of.size(); ++k) {
      result.duals.col_duals[cols_of[k]] = parts[b].duals.col_duals[k] + s;
    }
    result.assigned += parts[b].assigned;
    result.objective += parts[b].objective;
  }
  result.duals.unassigned_row_dual = parts[0].duals.unassigned_row_dual;
  result.duals.free_seat_dual = parts[1].duals.free_seat_dual + sign * shift;
  RaiseColumnsWithFreeSeats(problem, sign, result);
  return result;
}

}  // namespace azubimatch::engine::assignment_internal
