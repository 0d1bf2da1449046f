// The sparse shortest-path kernel (engine/assignment/internal) on its own, with
// every row free at the start, so that phases from all free rows (tree paths,
// cutoffs and their retries, the packed and re-sorted edges) do most of the
// work: the result must be an optimum (exhaustive search) and every assigned
// row must sit in a column of minimum reduced cost.
#include "engine/assignment/internal/sparse_shortest_path.h"

#include <algorithm>
#include <cstdint>
#include <random>
#include <vector>

#include "engine/assignment/assignment_problem.h"
#include "engine/assignment/internal/cost_graph.h"
#include "engine/assignment/internal/seat_assignment.h"
#include "engine/assignment/internal/solver_state.h"
#include "gtest/gtest.h"
#include "tests/engine/assignment/exhaustive_solver.h"

namespace azubimatch::engine::assignment_internal {
namespace {

// `rows` rows over `cols` columns whose capacities add up to `rows`; each row has
// its seat of a hidden full assignment plus random edges with probability
// `density`; costs uniform in [0, max_cost], times `scale`.
AssignmentProblem TightProblem(int32_t rows, int32_t cols, double density,
                               int64_t max_cost, int64_t scale, std::mt19937_64& rng) {
  AssignmentProblem problem;
  problem.num_rows = rows;
  problem.capacities.assign(cols, 1);
  std::uniform_int_distribution<int32_t> pick(0, cols - 1);
  for (int32_t seat = cols; seat < rows; ++seat) ++problem.capacities[pick(rng)];
  std::vector<int32_t> seat_col;
  for (int32_t col = 0; col < cols; ++col) {
    seat_col.insert(seat_col.end(), problem.capacities[col], col);
  }
  std::shuffle(seat_col.begin(), seat_col.end(), rng);
  std::uniform_int_distribution<int64_t> cost(0, max_cost);
  std::uniform_real_distribution<double> coin(0.0, 1.0);
  for (int32_t row = 0; row < rows; ++row) {
    problem.edges.push_back({row, seat_col[row], scale * cost(rng)});
    for (int32_t col = 0; col < cols; ++col) {
      if (col != seat_col[row] && coin(rng) < density) {
        problem.edges.push_back({row, col, scale * cost(rng)});
      }
    }
  }
  return problem;
}

// Runs the kernel from scratch (all rows free, prices 0) to a full assignment
// and returns its total cost; checks the reduced-cost invariant on the way out.
int64_t SolveWithKernel(const AssignmentProblem& problem) {
  const CsrCosts graph = BuildCsrCosts(problem, /*sign=*/1, /*shift=*/0);
  SolverState state;
  state.seats = SeatAssignment(problem.num_rows, problem.capacities);
  state.perfect = true;
  state.price.assign(problem.num_cols(), 0);
  std::vector<int32_t> free_rows(problem.num_rows);
  for (int32_t row = 0; row < problem.num_rows; ++row) free_rows[row] = row;
  SparseShortestPath paths(graph, state);
  while (!free_rows.empty()) {
    const int64_t assigned = paths.AugmentPhase(free_rows, state);
    EXPECT_GT(assigned, 0);
    if (assigned <= 0) return -1;
  }
  int64_t total = 0;
  for (int32_t row = 0; row < problem.num_rows; ++row) {
    const int32_t own = state.seats.col_of(row);
    EXPECT_GE(own, 0) << "row " << row;
    if (own < 0) return -1;
    total += state.seats.cost_of(row);
    const int64_t reduced = state.seats.cost_of(row) - state.price[own];
    graph.ForEachEdge(row, [&](int32_t col, int64_t cost) {
      EXPECT_GE(cost - state.price[col], reduced) << "row " << row << " col " << col;
    });
  }
  return total;
}

void ExpectKernelReachesTheOptimum(const AssignmentProblem& problem, int instance) {
  const auto [rows, total] = testing::ExhaustiveSolver(problem, false).Solve();
  ASSERT_EQ(rows, problem.num_rows) << "instance " << instance;
  ASSERT_EQ(SolveWithKernel(problem), total) << "instance " << instance;
}

TEST(SparseShortestPathTest, PhasesFromAllFreeRowsReachTheOptimum) {
  std::mt19937_64 rng(31);
  std::uniform_int_distribution<int32_t> rows_of(4, 14);
  std::uniform_int_distribution<int32_t> cols_of(1, 4);
  std::uniform_real_distribution<double> density(0.2, 1.0);
  std::uniform_int_distribution<int> cost_range(0, 3);
  for (int instance = 0; instance < 2000; ++instance) {
    const int64_t max_cost = std::vector<int64_t>{0, 2, 9, 1000}[cost_range(rng)];
    ExpectKernelReachesTheOptimum(
        TightProblem(rows_of(rng), cols_of(rng), density(rng), max_cost, 1, rng),
        instance);
  }
}

// Costs beyond 32 bits: the kernel reads the CSR directly, without pruning.
TEST(SparseShortestPathTest, WideCostsReachTheOptimumWithoutThePackedCopy) {
  std::mt19937_64 rng(32);
  std::uniform_int_distribution<int32_t> rows_of(4, 12);
  std::uniform_int_distribution<int32_t> cols_of(1, 4);
  for (int instance = 0; instance < 500; ++instance) {
    ExpectKernelReachesTheOptimum(
        TightProblem(rows_of(rng), cols_of(rng), 0.6, 9, int64_t{1} << 33, rng),
        instance);
  }
}

// Larger: many phases, cutoff retries and re-sorts; checked by the invariant and
// against the same problem with every cost doubled (same optimum, twice the cost).
TEST(SparseShortestPathTest, LargeTightProblemsAgreeUnderScaling) {
  std::mt19937_64 rng(33);
  for (int trial = 0; trial < 5; ++trial) {
    const AssignmentProblem problem = TightProblem(3000, 300, 0.02, 999, 1, rng);
    AssignmentProblem doubled = problem;
    for (AssignmentEdge& edge : doubled.edges) edge.cost *= 2;
    const int64_t total = SolveWithKernel(problem);
    ASSERT_GE(total, 0);
    EXPECT_EQ(SolveWithKernel(doubled), 2 * total) << "trial " << trial;
  }
}

}  // namespace
}  // namespace azubimatch::engine::assignment_internal
