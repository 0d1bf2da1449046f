// The maximum assignment ignoring costs (engine/assignment/internal/
// max_cardinality.h) against exhaustive search; the split of problems with seats
// to spare (surplus_split.h) and the solve through it (split_solve.h): the split's
// properties on random problems, and SolveAssignment on "two-region" problems,
// where one region has more rows than seats and the other more seats than rows,
// against exhaustive search and certificates, with warm starts and progress.
#include <cstdint>
#include <random>
#include <vector>

#include "absl/status/status.h"
#include "engine/assignment/internal/cost_graph.h"
#include "engine/assignment/internal/max_cardinality.h"
#include "engine/assignment/internal/surplus_split.h"
#include "engine/assignment/optimality_certificate.h"
#include "engine/assignment/sparse_assignment.h"
#include "gtest/gtest.h"
#include "tests/engine/assignment/exhaustive_check.h"
#include "tests/engine/assignment/random_problems.h"

namespace azubimatch::engine {
namespace {

using assignment_internal::AssignedRows;
using assignment_internal::BuildCsrCosts;
using assignment_internal::CsrCosts;
using assignment_internal::MaxCardinalityAssignment;
using assignment_internal::SeatAssignment;
using assignment_internal::SplitBySurplusSeats;
using assignment_internal::SurplusSplit;

// Rows [0, crowded_rows) reach only columns [0, crowded_cols), which have fewer
// seats than those rows; the other rows reach the other columns, which have more
// seats than rows, and, with probability `cross`, also crowded columns.
AssignmentProblem TwoRegionProblem(int32_t crowded_rows, int32_t crowded_cols,
                                   int32_t spare_rows, int32_t spare_cols, int32_t degree,
                                   double cross, int64_t max_cost, std::mt19937_64& rng) {
  AssignmentProblem problem;
  problem.num_rows = crowded_rows + spare_rows;
  std::uniform_int_distribution<int32_t> small_capacity(1, 2);
  std::uniform_int_distribution<int32_t> large_capacity(1, 4);
  for (int32_t col = 0; col < crowded_cols; ++col)
    problem.capacities.push_back(small_capacity(rng));
  for (int32_t col = 0; col < spare_cols; ++col)
    problem.capacities.push_back(large_capacity(rng));
  std::uniform_int_distribution<int32_t> crowded(0, crowded_cols - 1);
  std::uniform_int_distribution<int32_t> spare(crowded_cols, crowded_cols + spare_cols - 1);
  std::uniform_int_distribution<int64_t> cost(-max_cost, max_cost);
  std::uniform_real_distribution<double> coin(0.0, 1.0);
  for (int32_t row = 0; row < problem.num_rows; ++row) {
    const bool in_crowd = row < crowded_rows;
    for (int32_t k = 0; k < degree; ++k) {
      const int32_t col = in_crowd ? crowded(rng) : spare(rng);
      problem.edges.push_back({row, col, cost(rng)});
    }
    if (!in_crowd && coin(rng) < cross) problem.edges.push_back({row, crowded(rng), cost(rng)});
  }
  return problem;
}

std::vector<int32_t> UsableSeats(const AssignmentProblem& problem, const CsrCosts& csr) {
  std::vector<int32_t> degree(problem.num_cols(), 0);
  for (int32_t col : csr.col) ++degree[col];
  std::vector<int32_t> seats(problem.num_cols());
  for (int32_t col = 0; col < problem.num_cols(); ++col) {
    seats[col] = std::min({problem.capacities[col], degree[col], problem.num_rows});
  }
  return seats;
}

TEST(SurplusSplitTest, SplitSeparatesRowsThatCanFillSpareSeatsFromTheRest) {
  std::mt19937_64 rng(515);
  int nontrivial = 0;
  for (int instance = 0; instance < 300; ++instance) {
    testing::RandomShape shape;
    shape.rows = 1 + instance % 40;
    shape.cols = 1 + (instance * 7) % 30;
    shape.max_capacity = 1 + instance % 3;
    shape.density = 0.02 + 0.3 * (instance % 5) / 4.0;
    const AssignmentProblem problem = testing::RandomProblem(shape, rng);
    const CsrCosts csr = BuildCsrCosts(problem, 1, 0);
    const SeatAssignment maximum = MaxCardinalityAssignment(csr, UsableSeats(problem, csr));
    const SurplusSplit split = SplitBySurplusSeats(csr, maximum);
    int32_t rows = 0, cols = 0;
    for (int32_t row = 0; row < csr.num_rows; ++row) {
      rows += split.surplus_row[row];
      const int32_t held = maximum.col_of(row);
      if (split.surplus_row[row]) {
        // Rows of the surplus block are assigned, into surplus columns.
        ASSERT_GE(held, 0) << "instance " << instance << " row " << row;
        EXPECT_TRUE(split.surplus_col[held]) << "instance " << instance << " row " << row;
      }
      for (int64_t e = csr.row_begin[row]; e < csr.row_begin[row + 1]; ++e) {
        // Only surplus rows reach surplus columns.
        if (split.surplus_col[csr.col[e]]) {
          EXPECT_TRUE(split.surplus_row[row]) << "instance " << instance << " row " << row;
        }
      }
    }
    for (int32_t col = 0; col < csr.num_cols; ++col) {
      cols += split.surplus_col[col];
      // Every column outside the surplus block is full.
      if (!split.surplus_col[col]) {
        EXPECT_TRUE(maximum.full(col)) << "instance " << instance << " col " << col;
      }
    }
    EXPECT_EQ(split.surplus_rows, rows);
    EXPECT_EQ(split.surplus_cols, cols);
    if (rows > 0 && rows < csr.num_rows) ++nontrivial;
  }
  EXPECT_GT(nontrivial, 30);  // the properties were checked on real splits
}

TEST(MaxCardinalityTest, AssignmentIsValidAndAsLargeAsExhaustiveSearchFinds) {
  std::mt19937_64 rng(808);
  for (int instance = 0; instance < 2000; ++instance) {
    testing::RandomShape shape;
    shape.rows = instance % 9;
    shape.cols = (instance / 9) % 8;
    shape.max_capacity = 1 + instance % 3;
    shape.density = 0.1 + 0.2 * (instance % 4);
    const AssignmentProblem problem = testing::RandomProblem(shape, rng);
    const CsrCosts csr = BuildCsrCosts(problem, 1, 0);
    const std::vector<int32_t> seats = UsableSeats(problem, csr);
    const SeatAssignment maximum = MaxCardinalityAssignment(csr, seats);
    std::vector<int32_t> load(problem.num_cols(), 0);
    for (int32_t row = 0; row < problem.num_rows; ++row) {
      const int32_t col = maximum.col_of(row);
      if (col < 0) continue;
      ++load[col];
      bool has_edge = false;
      for (int64_t e = csr.row_begin[row]; e < csr.row_begin[row + 1]; ++e) {
        has_edge |= csr.col[e] == col;
      }
      ASSERT_TRUE(has_edge) << "instance " << instance << " row " << row;
    }
    for (int32_t col = 0; col < problem.num_cols(); ++col) {
      ASSERT_LE(load[col], seats[col]) << "instance " << instance << " col " << col;
      ASSERT_EQ(load[col], maximum.load(col)) << "instance " << instance << " col " << col;
    }
    const auto [rows, total] = testing::ExhaustiveSolver(problem, false).Solve();
    ASSERT_EQ(AssignedRows(maximum), rows) << "instance " << instance;
  }
}

TEST(SurplusSplitTest, TwoRegionProblemsAreSplit) {
  std::mt19937_64 rng(9);
  const AssignmentProblem problem = TwoRegionProblem(40, 10, 30, 20, 3, 0.5, 100, rng);
  const CsrCosts csr = BuildCsrCosts(problem, 1, 0);
  const SeatAssignment maximum = MaxCardinalityAssignment(csr, UsableSeats(problem, csr));
  const SurplusSplit split = SplitBySurplusSeats(csr, maximum);
  EXPECT_GT(split.surplus_rows, 0);
  EXPECT_LT(split.surplus_rows, problem.num_rows);
  EXPECT_GT(split.surplus_cols, 0);
  EXPECT_LT(split.surplus_cols, problem.num_cols());
}

TEST(SurplusSplitTest, SmallTwoRegionProblemsMatchExhaustiveSearch) {
  std::mt19937_64 rng(2611);
  std::uniform_int_distribution<int32_t> size(1, 3);
  std::uniform_int_distribution<int32_t> degree(1, 3);
  for (int instance = 0; instance < 2000; ++instance) {
    AssignmentProblem problem = TwoRegionProblem(size(rng) + 1, size(rng), size(rng),
                                                 size(rng), degree(rng), 0.6,
                                                 instance % 3 == 0 ? 2 : 50, rng);
    if (instance % 4 == 0 && !problem.edges.empty()) {
      problem.edges.push_back(problem.edges[instance % problem.edges.size()]);
      problem.edges.back().cost += 1;  // a duplicate pair
    }
    SolverOptions options;
    options.maximize = instance % 2 == 1;
    ASSERT_NO_FATAL_FAILURE(testing::ExpectExhaustiveOptimum(problem, options, instance));
  }
}

TEST(SurplusSplitTest, LargeTwoRegionProblemsHaveValidCertificates) {
  std::mt19937_64 rng(44);
  for (int instance = 0; instance < 6; ++instance) {
    const AssignmentProblem problem =
        TwoRegionProblem(1500, 400, 1000, 700, 8 + instance, 0.7, 1000000, rng);
    SolverOptions options;
    options.maximize = instance % 2 == 0;
    options.check_certificate = true;
    absl::StatusOr<AssignmentResult> result = SolveAssignment(problem, options);
    ASSERT_TRUE(result.ok()) << "instance " << instance << ": " << result.status();
    EXPECT_LT(result->assigned, problem.num_rows);
  }
}

TEST(SurplusSplitTest, TightBlockWithManySeatsPerColumnIsSolvedDirectly) {
  // Crowded columns of 12 seats: exchanging rows and seats would multiply the tight
  // block's edges by 12 (> kMaxSeatReplication), so it is solved as it is.
  std::mt19937_64 rng(12);
  AssignmentProblem problem = TwoRegionProblem(200, 10, 60, 40, 4, 0.5, 1000, rng);
  for (int32_t col = 0; col < 10; ++col) problem.capacities[col] = 12;
  for (bool maximize : {false, true}) {
    SolverOptions options;
    options.maximize = maximize;
    options.check_certificate = true;
    absl::StatusOr<AssignmentResult> result = SolveAssignment(problem, options);
    ASSERT_TRUE(result.ok()) << result.status();
    EXPECT_LT(result->assigned, problem.num_rows);
  }
}

TEST(SurplusSplitTest, WarmStartOnASplitProblemReachesTheColdOptimum) {
  std::mt19937_64 rng(71);
  AssignmentProblem problem = TwoRegionProblem(300, 80, 200, 150, 6, 0.5, 1000, rng);
  SolverOptions options;
  options.maximize = true;
  absl::StatusOr<AssignmentResult> first = SolveAssignment(problem, options);
  ASSERT_TRUE(first.ok()) << first.status();
  for (int k = 0; k < 40; ++k) problem.edges[k * 7].cost += 37;
  absl::StatusOr<AssignmentResult> cold = SolveAssignment(problem, options);
  ASSERT_TRUE(cold.ok()) << cold.status();
  options.warm_start = &first->duals;
  absl::StatusOr<AssignmentResult> warm = SolveAssignment(problem, options);
  ASSERT_TRUE(warm.ok()) << warm.status();
  EXPECT_EQ(warm->assigned, cold->assigned);
  EXPECT_EQ(warm->objective, cold->objective);
  EXPECT_TRUE(CheckOptimalityCertificate(problem, options, *warm).ok())
      << CheckOptimalityCertificate(problem, options, *warm);
}

TEST(SurplusSplitTest, ProgressThroughBothBlocksRisesToTheTotalAndCanCancel) {
  std::mt19937_64 rng(5);
  const AssignmentProblem problem = TwoRegionProblem(3000, 700, 2000, 1500, 6, 0.5, 1000, rng);
  SolverOptions options;
  std::vector<int64_t> seen;
  options.progress = [&](int64_t done, int64_t total) {
    EXPECT_EQ(total, problem.num_rows);
    seen.push_back(done);
    return true;
  };
  ASSERT_TRUE(SolveAssignment(problem, options).ok());
  ASSERT_FALSE(seen.empty());
  for (size_t k = 1; k < seen.size(); ++k) EXPECT_GE(seen[k], seen[k - 1]) << k;
  EXPECT_EQ(seen.back(), problem.num_rows);

  // Cancel once the second block has begun.
  int64_t calls = 0;
  options.progress = [&](int64_t done, int64_t) {
    return ++calls < static_cast<int64_t>(seen.size()) - 1;
  };
  EXPECT_EQ(SolveAssignment(problem, options).status().code(), absl::StatusCode::kCancelled);
}

}  // namespace
}  // namespace azubimatch::engine
