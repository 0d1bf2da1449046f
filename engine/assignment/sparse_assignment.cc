#include "engine/assignment/sparse_assignment.h"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <optional>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "engine/assignment/internal/cost_graph.h"
#include "engine/assignment/internal/dense_shortest_path.h"
#include "engine/assignment/internal/jv_initialization.h"
#include "engine/assignment/internal/max_cardinality.h"
#include "engine/assignment/internal/solver_state.h"
#include "engine/assignment/internal/sparse_shortest_path.h"
#include "engine/assignment/internal/split_solve.h"
#include "engine/assignment/internal/surplus_split.h"
#include "engine/assignment/optimality_certificate.h"
#include "engine/base/status_macros.h"

// Why the two target rules of solver_state.h are exact.
//
// Perfect rule (every seat of the extended problem is taken at the end): the
// result is a perfect assignment with u + price <= cost and equality on assigned
// edges, which is the classical optimality condition; prices are free, so the JV
// column reduction may set them. The search may stop at any free seat.
//
// Sink rule (some seats stay free): this is min-cost flow from the rows to a sink
// t behind the columns. A column with a free seat has an arc to t of reduced cost
// price - free_seat_price, which must stay >= 0, and a column holding rows has the
// reverse arc, so a partly filled column has price == free_seat_price. On a cold
// start all prices are equal to free_seat_price = 0 and a column's price only moves
// when it is settled before the end of a search, which a free column never is, so
// the search may stop at the first free seat. A warm start may price empty columns
// above free_seat_price; the search then reaches t through them at the extra cost.
// At the end an empty column may have price > free_seat_price; lowering it to
// free_seat_price keeps every constraint, which gives the duals of
// assignment_problem.h.

namespace azubimatch::engine {
namespace {

using assignment_internal::AssignedRows;
using assignment_internal::AugmentingRowReduction;
using assignment_internal::BuildCsrCosts;
using assignment_internal::BuildDenseCosts;
using assignment_internal::ColumnReduction;
using assignment_internal::CsrCosts;
using assignment_internal::DenseCosts;
using assignment_internal::DenseShortestPath;
using assignment_internal::MaxCardinalityAssignment;
using assignment_internal::SeatAssignment;
using assignment_internal::SolveSplit;
using assignment_internal::SolverState;
using assignment_internal::SparseShortestPath;
using assignment_internal::SplitBySurplusSeats;
using assignment_internal::SurplusSplit;

constexpr int64_t kMagnitudeLimit = int64_t{1} << 57;
constexpr int64_t kProgressEvery = 256;

uint64_t Magnitude(int64_t x) {
  return x < 0 ? uint64_t{0} - static_cast<uint64_t>(x) : static_cast<uint64_t>(x);
}

absl::Status Validate(const AssignmentProblem& problem, const SolverOptions& options) {
  if (problem.num_rows < 0) {
    return absl::InvalidArgumentError(
        absl::StrFormat("num_rows must be >= 0, got %d", problem.num_rows));
  }
  const int32_t num_cols = problem.num_cols();
  for (int32_t col = 0; col < num_cols; ++col) {
    if (problem.capacities[col] < 1) {
      return absl::InvalidArgumentError(absl::StrFormat(
          "capacities[%d] must be >= 1, got %d", col, problem.capacities[col]));
    }
  }
  const uint64_t limit = static_cast<uint64_t>(kMagnitudeLimit) /
                         (static_cast<uint64_t>(problem.num_rows) + num_cols + 3);
  for (size_t k = 0; k < problem.edges.size(); ++k) {
    const AssignmentEdge& edge = problem.edges[k];
    if (edge.row < 0 || edge.row >= problem.num_rows) {
      return absl::InvalidArgumentError(absl::StrFormat(
          "edges[%d].row = %d is outside [0, %d)", k, edge.row, problem.num_rows));
    }
    if (edge.col < 0 || edge.col >= num_cols) {
      return absl::InvalidArgumentError(absl::StrFormat(
          "edges[%d].col = %d is outside [0, %d)", k, edge.col, num_cols));
    }
    if (Magnitude(edge.cost) > limit) {
      return absl::OutOfRangeError(absl::StrFormat(
          "edges[%d].cost = %d is too large: |cost| * (num_rows + num_cols + 3) must "
          "not exceed 2^57 so that sums cannot overflow 64 bits",
          k, edge.cost));
    }
  }
  if (options.warm_start != nullptr) {
    const std::vector<int64_t>& duals = options.warm_start->col_duals;
    if (static_cast<int64_t>(duals.size()) != num_cols) {
      return absl::InvalidArgumentError(absl::StrFormat(
          "warm_start.col_duals has %d entries, expected %d (one per column)",
          duals.size(), num_cols));
    }
    for (int32_t col = 0; col < num_cols; ++col) {
      if (Magnitude(duals[col]) > static_cast<uint64_t>(kMagnitudeLimit)) {
        return absl::OutOfRangeError(absl::StrFormat(
            "warm_start.col_duals[%d] = %d exceeds 2^57 in magnitude", col, duals[col]));
      }
    }
  }
  return absl::OkStatus();
}

// Everything decided before the shortest-path phases.
struct Plan {
  int64_t sign = 1;          // -1 for maximize
  int64_t shift = 0;         // internal cost = sign * cost - shift >= 0
  int64_t max_cost = 0;      // largest internal cost
  int32_t max_assigned = 0;  // K
  int32_t extra_seats = 0;   // seats of the extra column Z (num_rows - K)
  int64_t extra_cost = 0;    // cost of every edge to Z
  bool dense = false;
  bool perfect = false;
  std::vector<int32_t> capacities;  // usable seats per column, then Z if any
};

// Runs the phases on one graph representation. `Paths` is the augmentation kernel.
template <typename Graph, typename Paths>
absl::Status RunPhases(const Graph& graph, const Plan& plan, const SolverOptions& options,
                       SolverState& state) {
  const int32_t num_rows = graph.num_rows;
  const int32_t num_cols = graph.num_cols;
  const int32_t real_cols = num_cols - (plan.extra_seats > 0 ? 1 : 0);
  state.seats = assignment_internal::SeatAssignment(num_rows, plan.capacities);
  state.perfect = plan.perfect;
  std::vector<int32_t> free_rows;
  bool row_reduction = true;
  const bool column_reduction = options.warm_start == nullptr && plan.perfect;
  if (column_reduction) {
    free_rows = ColumnReduction(graph, state);
  } else {
    free_rows.resize(num_rows);
    for (int32_t row = 0; row < num_rows; ++row) free_rows[row] = row;
  }
  if (options.warm_start == nullptr) {
    if (!plan.perfect) {
      state.price.assign(num_cols, 0);
      state.free_seat_price = 0;
    }
  } else {
    state.price.assign(num_cols, 0);
    for (int32_t col = 0; col < real_cols; ++col) {
      state.price[col] = plan.sign * options.warm_start->col_duals[col];
    }
    if (!plan.perfect) {
      // Every column starts empty, so every price must be >= free_seat_price.
      int64_t lowest = 0;
      if (real_cols > 0) {
        lowest = *std::min_element(state.price.begin(), state.price.begin() + real_cols);
      }
      state.free_seat_price = lowest;
      if (real_cols < num_cols) state.price[real_cols] = lowest;
      // Row reduction needs every free column at free_seat_price.
      row_reduction = std::all_of(state.price.begin(), state.price.end(),
                                  [&](int64_t p) { return p == lowest; });
    }
  }
  if (row_reduction) AugmentingRowReduction(graph, state, free_rows);

  Paths paths(graph, state);
  const int64_t total = num_rows;
  int64_t last_report = -kProgressEvery;
  while (!free_rows.empty()) {
    const int64_t done = total - static_cast<int64_t>(free_rows.size());
    if (options.progress && done - last_report >= kProgressEvery) {
      last_report = done;
      if (!options.progress(done, total)) {
        return absl::CancelledError(
            "assignment solve cancelled by the progress callback");
      }
    }
    if (paths.AugmentPhase(free_rows, state) < 0) {
      return absl::InternalError(
          "no augmenting path although a complete assignment of the extended problem "
          "exists");
    }
  }
  if (options.progress && !options.progress(total, total)) {
    return absl::CancelledError("assignment solve cancelled by the progress callback");
  }
  return absl::OkStatus();
}

// Turns the internal state into the public result with the duals of
// assignment_problem.h.
AssignmentResult BuildResult(const AssignmentProblem& problem, const Plan& plan,
                             SolverState& state) {
  const int32_t num_rows = problem.num_rows;
  const int32_t num_cols = problem.num_cols();
  const bool has_extra = plan.extra_seats > 0;
  std::vector<int64_t>& price = state.price;
  const auto& seats = state.seats;

  int64_t free_price = state.free_seat_price;
  if (plan.perfect) {
    free_price =
        num_cols > 0 ? *std::max_element(price.begin(), price.begin() + num_cols) : 0;
  }
  AssignmentResult result;
  result.row_to_col.assign(num_rows, -1);
  std::vector<int64_t> row_dual(num_rows, 0);
  int64_t internal_total = 0;
  for (int32_t row = 0; row < num_rows; ++row) {
    const int32_t col = seats.col_of(row);
    row_dual[row] = seats.cost_of(row) - price[col];
    if (col < num_cols) {
      result.row_to_col[row] = col;
      ++result.assigned;
      internal_total += seats.cost_of(row);
    }
  }
  // Columns with a free seat in the problem as given must be priced at
  // free_price. An empty one can be lowered to it. A column that is full in the
  // solver but not in the problem holds every row that has an edge to it (its
  // usable seats were cut to its degree, or to num_rows), so its price can be
  // raised, lowering the duals of its rows.
  for (int32_t col = 0; col < num_cols; ++col) {
    const int32_t load = seats.load(col);
    if (load >= problem.capacities[col] || price[col] == free_price) continue;
    if (load == 0) {
      price[col] = free_price;
    } else if (load == plan.capacities[col]) {
      price[col] = free_price;
      for (int32_t row : seats.rows_in(col))
        row_dual[row] = seats.cost_of(row) - free_price;
    }
  }
  int64_t unassigned_dual = 0;
  if (has_extra) {
    unassigned_dual = plan.extra_cost - price[num_cols];
  } else if (num_rows > 0) {
    unassigned_dual = *std::max_element(row_dual.begin(), row_dual.end());
  }

  const int64_t sign = plan.sign;
  result.objective = sign * (internal_total + int64_t{result.assigned} * plan.shift);
  AssignmentDuals& duals = result.duals;
  duals.row_duals.resize(num_rows);
  for (int32_t row = 0; row < num_rows; ++row) {
    duals.row_duals[row] = sign * (row_dual[row] + plan.shift);
  }
  duals.col_duals.resize(num_cols);
  for (int32_t col = 0; col < num_cols; ++col) duals.col_duals[col] = sign * price[col];
  duals.unassigned_row_dual = sign * (unassigned_dual + plan.shift);
  duals.free_seat_dual = sign * free_price;
  return result;
}

// Solves a validated problem. Unless `known_max_assigned` (the size of a maximum
// assignment) is given, a sparse problem with more usable seats than it can fill
// is split first (surplus_split.h, split_solve.h); the blocks come back here with
// their size known and are not split again.
absl::StatusOr<AssignmentResult> Solve(const AssignmentProblem& problem,
                                       const SolverOptions& options,
                                       std::optional<int32_t> known_max_assigned) {
  const int32_t num_rows = problem.num_rows;
  const int32_t num_cols = problem.num_cols();

  Plan plan;
  plan.sign = options.maximize ? -1 : 1;
  if (!problem.edges.empty()) {
    int64_t lowest = std::numeric_limits<int64_t>::max();
    int64_t highest = std::numeric_limits<int64_t>::min();
    for (const AssignmentEdge& edge : problem.edges) {
      lowest = std::min(lowest, plan.sign * edge.cost);
      highest = std::max(highest, plan.sign * edge.cost);
    }
    plan.shift = lowest;
    plan.max_cost = highest - lowest;
  }
  // Usable seats per column (at most the rows that reach it).
  auto usable_seats = [&](const std::vector<int32_t>& degree) {
    plan.capacities.resize(num_cols);
    int64_t seats = 0;
    for (int32_t col = 0; col < num_cols; ++col) {
      plan.capacities[col] = std::min({problem.capacities[col], degree[col], num_rows});
      seats += plan.capacities[col];
    }
    return seats;
  };
  // The maximum number of assigned rows, and the extra column Z if some rows must
  // stay out.
  auto finish_plan = [&](int64_t seats, int32_t max_assigned) {
    plan.max_assigned = max_assigned;
    plan.extra_seats = num_rows - plan.max_assigned;
    plan.extra_cost = plan.max_cost;
    plan.perfect = seats == plan.max_assigned;
    if (plan.extra_seats > 0) plan.capacities.push_back(plan.extra_seats);
  };

  SolverState state;
  const int64_t entries = int64_t{num_rows} * num_cols;
  if (num_rows > 0 && num_cols > 0 &&
      static_cast<int64_t>(problem.edges.size()) == entries &&
      entries <= options.max_dense_entries) {
    // Possibly complete: every column reaches every row.
    const int64_t seats = usable_seats(std::vector<int32_t>(num_cols, num_rows));
    finish_plan(seats, static_cast<int32_t>(std::min<int64_t>(num_rows, seats)));
    const int32_t width = num_cols + (plan.extra_seats > 0 ? 1 : 0);
    std::optional<AssignmentResult> result;
    auto solve_dense = [&](auto tag) -> absl::Status {
      using T = decltype(tag);
      DenseCosts<T> dense;
      if (!BuildDenseCosts(problem, plan.sign, plan.shift, width, plan.extra_cost,
                           &dense)) {
        return absl::OkStatus();  // a pair is missing: not complete after all
      }
      plan.dense = true;
      AZM_RETURN_IF_ERROR(
          (RunPhases<DenseCosts<T>, DenseShortestPath<T>>(dense, plan, options, state)));
      result = BuildResult(problem, plan, state);
      return absl::OkStatus();
    };
    if (plan.max_cost <= std::numeric_limits<int32_t>::max()) {
      AZM_RETURN_IF_ERROR(solve_dense(int32_t{0}));
    } else {
      AZM_RETURN_IF_ERROR(solve_dense(int64_t{0}));
    }
    if (result.has_value()) return *std::move(result);
    plan.capacities.clear();
  }

  CsrCosts csr = BuildCsrCosts(problem, plan.sign, plan.shift);
  std::vector<int32_t> degree(num_cols, 0);
  for (int32_t col : csr.col) ++degree[col];
  const int64_t seats = usable_seats(degree);
  if (!known_max_assigned.has_value()) {
    const SeatAssignment maximum = MaxCardinalityAssignment(csr, plan.capacities);
    const int32_t max_assigned = AssignedRows(maximum);
    // Worth it when rows and seats are both to spare: then the extra column Z
    // would be a hub for every search (see split_solve.h).
    if (seats > max_assigned && max_assigned < num_rows) {
      const SurplusSplit split = SplitBySurplusSeats(csr, maximum);
      if (split.surplus_rows < num_rows) {
        csr = CsrCosts();
        return SolveSplit(problem, options, split, maximum,
                          [](const AssignmentProblem& block, const SolverOptions& block_options,
                             int32_t max_assigned) {
                            return Solve(block, block_options, max_assigned);
                          });
      }
    }
    known_max_assigned = max_assigned;
  }
  finish_plan(seats, *known_max_assigned);
  if (plan.extra_seats > 0) {
    csr = BuildCsrCosts(problem, plan.sign, plan.shift, num_cols, plan.extra_cost);
  }
  AZM_RETURN_IF_ERROR((RunPhases<CsrCosts, SparseShortestPath>(csr, plan, options, state)));
  return BuildResult(problem, plan, state);
}

}  // namespace

absl::StatusOr<AssignmentResult> SolveAssignment(const AssignmentProblem& problem,
                                                 const SolverOptions& options) {
  AZM_RETURN_IF_ERROR(Validate(problem, options));
  AZM_ASSIGN_OR_RETURN(AssignmentResult result, Solve(problem, options, std::nullopt));
  if (options.check_certificate) {
    const absl::Status proof = CheckOptimalityCertificate(problem, options, result);
    if (!proof.ok()) {
      return absl::InternalError(
          absl::StrCat("optimality certificate failed: ", proof.message()));
    }
  }
  return result;
}

}  // namespace azubimatch::engine
