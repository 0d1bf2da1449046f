#include "engine/assignment/sparse_assignment.h"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <random>
#include <vector>

#include "absl/status/status.h"
#include "engine/assignment/optimality_certificate.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/engine/assignment/random_problems.h"

namespace azubimatch::engine {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

AssignmentResult SolveAndProve(const AssignmentProblem& problem,
                               SolverOptions options = {}) {
  absl::StatusOr<AssignmentResult> result = SolveAssignment(problem, options);
  EXPECT_TRUE(result.ok()) << result.status();
  if (!result.ok()) return {};
  const absl::Status proof = CheckOptimalityCertificate(problem, options, *result);
  EXPECT_TRUE(proof.ok()) << proof;
  return *result;
}

AssignmentProblem DenseProblem(const std::vector<std::vector<int64_t>>& costs) {
  AssignmentProblem problem;
  problem.num_rows = static_cast<int32_t>(costs.size());
  problem.capacities.assign(costs.empty() ? 0 : costs[0].size(), 1);
  for (int32_t row = 0; row < problem.num_rows; ++row) {
    for (int32_t col = 0; col < problem.num_cols(); ++col) {
      problem.edges.push_back({row, col, costs[row][col]});
    }
  }
  return problem;
}

TEST(SparseAssignmentTest, ExampleFromHeader) {
  AssignmentProblem problem{
      .num_rows = 2, .capacities = {1, 2}, .edges = {{0, 0, 5}, {0, 1, 7}, {1, 1, 3}}};
  const AssignmentResult result = SolveAndProve(problem);
  EXPECT_THAT(result.row_to_col, ElementsAre(0, 1));
  EXPECT_EQ(result.objective, 8);
  EXPECT_EQ(result.assigned, 2);
}

TEST(SparseAssignmentTest, EmptyProblemHasEmptyResult) {
  const AssignmentResult result = SolveAndProve(AssignmentProblem{});
  EXPECT_TRUE(result.row_to_col.empty());
  EXPECT_EQ(result.assigned, 0);
  EXPECT_EQ(result.objective, 0);
}

TEST(SparseAssignmentTest, RowsWithoutColumnsStayUnassigned) {
  AssignmentProblem problem{.num_rows = 3, .capacities = {}, .edges = {}};
  const AssignmentResult result = SolveAndProve(problem);
  EXPECT_THAT(result.row_to_col, ElementsAre(-1, -1, -1));
}

TEST(SparseAssignmentTest, ColumnsWithoutRowsKeepTheirSeats) {
  AssignmentProblem problem{.num_rows = 0, .capacities = {2, 1}, .edges = {}};
  const AssignmentResult result = SolveAndProve(problem);
  EXPECT_EQ(result.assigned, 0);
  EXPECT_EQ(result.duals.col_duals.size(), 2u);
}

TEST(SparseAssignmentTest, RowsWithoutEdgesStayUnassigned) {
  AssignmentProblem problem{
      .num_rows = 3, .capacities = {1, 1}, .edges = {{0, 0, 4}, {2, 1, 6}}};
  const AssignmentResult result = SolveAndProve(problem);
  EXPECT_THAT(result.row_to_col, ElementsAre(0, -1, 1));
  EXPECT_EQ(result.objective, 10);
}

TEST(SparseAssignmentTest, MoreRowsThanSeatsKeepsTheCheapestRows) {
  // One seat; the row that comes first is the expensive one.
  AssignmentProblem problem{
      .num_rows = 2, .capacities = {1}, .edges = {{0, 0, 10}, {1, 0, 1}}};
  const AssignmentResult result = SolveAndProve(problem);
  EXPECT_THAT(result.row_to_col, ElementsAre(-1, 0));
  EXPECT_EQ(result.objective, 1);
}

TEST(SparseAssignmentTest, CardinalityComesBeforeCost) {
  // Row 0 alone on column 0 is cheapest, but then row 1 could not be assigned.
  AssignmentProblem problem{.num_rows = 2,
                            .capacities = {1, 1},
                            .edges = {{0, 0, 0}, {0, 1, 100}, {1, 0, 100}}};
  const AssignmentResult result = SolveAndProve(problem);
  EXPECT_THAT(result.row_to_col, ElementsAre(1, 0));
  EXPECT_EQ(result.objective, 200);
}

TEST(SparseAssignmentTest, SwapsRowsWhenSeatsRunOutInADeficientGraph) {
  // Rows 0..2 compete for columns 0 and 1; row 3 alone reaches column 2.
  AssignmentProblem problem{
      .num_rows = 4,
      .capacities = {1, 1, 1},
      .edges = {{0, 0, 9}, {0, 1, 9}, {1, 0, 5}, {2, 1, 1}, {3, 2, 4}}};
  const AssignmentResult result = SolveAndProve(problem);
  EXPECT_THAT(result.row_to_col, ElementsAre(-1, 0, 1, 2));
  EXPECT_EQ(result.objective, 10);
}

TEST(SparseAssignmentTest, MaximizeTakesTheHeaviestAssignment) {
  const AssignmentProblem problem = DenseProblem({{1, 5}, {4, 3}});
  SolverOptions options;
  options.maximize = true;
  const AssignmentResult result = SolveAndProve(problem, options);
  EXPECT_THAT(result.row_to_col, ElementsAre(1, 0));
  EXPECT_EQ(result.objective, 9);
}

TEST(SparseAssignmentTest, NegativeCostsAreMinimised) {
  const AssignmentProblem problem = DenseProblem({{-5, -1}, {-7, -6}});
  const AssignmentResult result = SolveAndProve(problem);
  EXPECT_EQ(result.objective, -11);
}

TEST(SparseAssignmentTest, AllEqualCostsAssignEveryRowDeterministically) {
  AssignmentProblem problem;
  problem.num_rows = 50;
  problem.capacities.assign(30, 2);
  for (int32_t row = 0; row < 50; ++row) {
    for (int32_t col = 0; col < 30; col += 1 + row % 3)
      problem.edges.push_back({row, col, 3});
  }
  const AssignmentResult first = SolveAndProve(problem);
  const AssignmentResult second = SolveAndProve(problem);
  EXPECT_EQ(first.assigned, 50);
  EXPECT_EQ(first.objective, 150);
  EXPECT_EQ(first.row_to_col, second.row_to_col);
}

TEST(SparseAssignmentTest, DuplicateEdgesKeepTheBestCost) {
  AssignmentProblem problem{
      .num_rows = 1, .capacities = {1}, .edges = {{0, 0, 8}, {0, 0, 3}, {0, 0, 5}}};
  EXPECT_EQ(SolveAndProve(problem).objective, 3);
  SolverOptions options;
  options.maximize = true;
  EXPECT_EQ(SolveAndProve(problem, options).objective, 8);
}

TEST(SparseAssignmentTest, AsManyEdgesAsPairsButOneMissingIsNotComplete) {
  // rows x cols edges, yet (1, 0) is missing because (0, 0) is given twice.
  AssignmentProblem problem{.num_rows = 2,
                            .capacities = {1, 1},
                            .edges = {{0, 0, 4}, {0, 0, 2}, {0, 1, 3}, {1, 1, 1}}};
  const AssignmentResult result = SolveAndProve(problem);
  EXPECT_THAT(result.row_to_col, ElementsAre(0, 1));
  EXPECT_EQ(result.objective, 3);
}

TEST(SparseAssignmentTest, CapacitiesAreUsedWithoutReplication) {
  AssignmentProblem problem;
  problem.num_rows = 6;
  problem.capacities = {4, 2};
  for (int32_t row = 0; row < 6; ++row) {
    problem.edges.push_back({row, 0, row});
    problem.edges.push_back({row, 1, 10 - row});
  }
  const AssignmentResult result = SolveAndProve(problem);
  EXPECT_THAT(result.row_to_col, ElementsAre(0, 0, 0, 0, 1, 1));
  EXPECT_EQ(result.objective, 0 + 1 + 2 + 3 + 6 + 5);
}

// Machol-Wien: c(i, j) = i * j (1-based); the anti-diagonal is optimal.
AssignmentProblem MacholWien(int32_t n) {
  AssignmentProblem problem;
  problem.num_rows = n;
  problem.capacities.assign(n, 1);
  for (int32_t i = 0; i < n; ++i) {
    for (int32_t j = 0; j < n; ++j)
      problem.edges.push_back({i, j, int64_t{i + 1} * (j + 1)});
  }
  return problem;
}

int64_t MacholWienOptimum(int64_t n) {
  int64_t total = 0;
  for (int64_t i = 1; i <= n; ++i) total += i * (n + 1 - i);
  return total;
}

TEST(SparseAssignmentTest, MacholWienDense) {
  const AssignmentResult result = SolveAndProve(MacholWien(300));
  EXPECT_EQ(result.objective, MacholWienOptimum(300));
}

TEST(SparseAssignmentTest, MacholWienSparseKernel) {
  SolverOptions options;
  options.max_dense_entries = 0;
  const AssignmentResult result = SolveAndProve(MacholWien(200), options);
  EXPECT_EQ(result.objective, MacholWienOptimum(200));
}

TEST(SparseAssignmentTest, LargeRandomSparseProblemsHaveValidCertificates) {
  std::mt19937_64 rng(1);
  struct Case {
    int32_t rows, cols, degree, max_capacity;
    bool hidden;
  };
  for (const Case& c : {Case{4000, 4000, 8, 1, true}, Case{4000, 4000, 3, 1, false},
                        Case{5000, 800, 6, 5, true}, Case{3000, 2000, 4, 3, false},
                        Case{2000, 5000, 5, 1, false}}) {
    for (bool maximize : {false, true}) {
      AssignmentProblem problem = testing::RandomSparseProblem(
          c.rows, c.cols, c.degree, c.max_capacity, 1000, c.hidden, rng);
      SolverOptions options;
      options.maximize = maximize;
      const AssignmentResult result = SolveAndProve(problem, options);
      EXPECT_GT(result.assigned, 0);
    }
  }
}

TEST(SparseAssignmentTest, TightCapacitatedProblemFillsEverySeat) {
  std::mt19937_64 rng(2);
  AssignmentProblem problem =
      testing::RandomSparseProblem(3000, 400, 10, 1, 1000,
                                   /*hidden_matching=*/false, rng);
  // 3000 seats over 400 columns, each row also on its own column (row % 400).
  problem.capacities.assign(400, 3000 / 400);
  for (int32_t col = 0; col < 3000 % 400; ++col) ++problem.capacities[col];
  for (int32_t row = 0; row < 3000; ++row) problem.edges.push_back({row, row % 400, 500});
  const AssignmentResult result = SolveAndProve(problem);
  EXPECT_EQ(result.assigned, 3000);
}

// A tight capacitated problem (seats == rows, a hidden full assignment): the
// perfect target rule with many phases from all free rows.
AssignmentProblem TightCapacitatedProblem(int32_t rows, int32_t cols, int32_t degree,
                                          std::mt19937_64& rng) {
  AssignmentProblem problem =
      testing::RandomSparseProblem(rows, cols, degree, 1, 999, false, rng);
  problem.capacities.assign(cols, rows / cols);
  for (int32_t col = 0; col < rows % cols; ++col) ++problem.capacities[col];
  std::vector<int32_t> seat_col;
  for (int32_t col = 0; col < cols; ++col) {
    seat_col.insert(seat_col.end(), problem.capacities[col], col);
  }
  std::shuffle(seat_col.begin(), seat_col.end(), rng);
  std::uniform_int_distribution<int64_t> cost(0, 999);
  for (int32_t row = 0; row < rows; ++row) {
    problem.edges.push_back({row, seat_col[row], cost(rng)});
  }
  return problem;
}

// Costs that fit 32 bits take the packed, pruned kernels; the same costs times
// 2^32 take the plain CSR ones. Both must find the same optimum.
TEST(SparseAssignmentTest, TightCapacitatedKernelsAgreeAcrossCostWidths) {
  std::mt19937_64 rng(7);
  constexpr int64_t kScale = int64_t{1} << 32;
  for (int trial = 0; trial < 6; ++trial) {
    AssignmentProblem problem = TightCapacitatedProblem(2000 + 300 * trial, 250, 12, rng);
    AssignmentProblem wide = problem;
    for (AssignmentEdge& edge : wide.edges) edge.cost *= kScale;
    const AssignmentResult narrow_result = SolveAndProve(problem);
    const AssignmentResult wide_result = SolveAndProve(wide);
    EXPECT_EQ(narrow_result.assigned, problem.num_rows);
    EXPECT_EQ(wide_result.objective, narrow_result.objective * kScale)
        << "trial " << trial;
  }
}

// The same tight problem as a complete matrix (dense kernels) and as sparse rows.
TEST(SparseAssignmentTest, TightCapacitatedSparseMatchesDense) {
  std::mt19937_64 rng(8);
  testing::RandomShape shape{
      .rows = 300, .cols = 40, .max_capacity = 1, .density = 1.0, .max_cost = 999};
  for (int trial = 0; trial < 4; ++trial) {
    AssignmentProblem problem = testing::RandomProblem(shape, rng);
    problem.capacities.assign(40, 300 / 40);
    for (int32_t col = 0; col < 300 % 40; ++col) ++problem.capacities[col];
    SolverOptions sparse_options;
    sparse_options.max_dense_entries = 0;
    EXPECT_EQ(SolveAndProve(problem).objective,
              SolveAndProve(problem, sparse_options).objective)
        << "trial " << trial;
  }
}

TEST(SparseAssignmentTest, LargeRandomDenseProblemsHaveValidCertificates) {
  std::mt19937_64 rng(3);
  for (auto [rows, cols, max_capacity] :
       {std::tuple{300, 300, 1}, std::tuple{200, 350, 1}, std::tuple{350, 200, 1},
        std::tuple{400, 100, 3}, std::tuple{250, 120, 2}}) {
    testing::RandomShape shape{.rows = rows,
                               .cols = cols,
                               .max_capacity = max_capacity,
                               .density = 1.0,
                               .min_cost = -500,
                               .max_cost = 500};
    const AssignmentProblem problem = testing::RandomProblem(shape, rng);
    SolverOptions sparse_options;
    sparse_options.max_dense_entries = 0;
    const AssignmentResult dense = SolveAndProve(problem);
    const AssignmentResult sparse = SolveAndProve(problem, sparse_options);
    EXPECT_EQ(dense.objective, sparse.objective);
    int64_t seats = 0;
    for (int32_t capacity : problem.capacities) seats += capacity;
    EXPECT_EQ(dense.assigned, std::min<int64_t>(rows, seats));
  }
}

TEST(SparseAssignmentTest, WideCostRangeUsesTheSixtyFourBitKernel) {
  std::mt19937_64 rng(4);
  testing::RandomShape shape{.rows = 60,
                             .cols = 60,
                             .density = 1.0,
                             .min_cost = -(int64_t{1} << 45),
                             .max_cost = int64_t{1} << 45};
  const AssignmentProblem problem = testing::RandomProblem(shape, rng);
  SolverOptions sparse_options;
  sparse_options.max_dense_entries = 0;
  EXPECT_EQ(SolveAndProve(problem).objective,
            SolveAndProve(problem, sparse_options).objective);
}

TEST(SparseAssignmentTest, SameInputGivesTheSameResult) {
  std::mt19937_64 rng(5);
  const AssignmentProblem problem =
      testing::RandomSparseProblem(3000, 1500, 6, 2, 20, false, rng);
  const AssignmentResult a = SolveAndProve(problem);
  const AssignmentResult b = SolveAndProve(problem);
  EXPECT_EQ(a.row_to_col, b.row_to_col);
  EXPECT_EQ(a.duals.row_duals, b.duals.row_duals);
  EXPECT_EQ(a.duals.col_duals, b.duals.col_duals);
}

TEST(SparseAssignmentTest, WarmStartReachesTheColdOptimumAfterSmallChanges) {
  std::mt19937_64 rng(6);
  for (int32_t max_capacity : {1, 3}) {
    for (bool maximize : {false, true}) {
      AssignmentProblem problem = testing::RandomSparseProblem(
          3000, 3000 / max_capacity, 8, max_capacity, 1000, true, rng);
      SolverOptions options;
      options.maximize = maximize;
      const AssignmentResult first = SolveAndProve(problem, options);
      std::uniform_int_distribution<size_t> pick(0, problem.edges.size() - 1);
      for (int k = 0; k < 50; ++k) problem.edges[pick(rng)].cost += 37;
      const AssignmentResult cold = SolveAndProve(problem, options);
      options.warm_start = &first.duals;
      const AssignmentResult warm = SolveAndProve(problem, options);
      EXPECT_EQ(warm.objective, cold.objective);
      EXPECT_EQ(warm.assigned, cold.assigned);
    }
  }
}

TEST(SparseAssignmentTest, WarmStartWithSparePricedSeats) {
  // More seats than rows: the sink rule with prices that differ between columns.
  std::mt19937_64 rng(7);
  AssignmentProblem problem =
      testing::RandomSparseProblem(1000, 800, 6, 2, 100, false, rng);
  const AssignmentResult first = SolveAndProve(problem);
  for (int k = 0; k < 30; ++k) problem.edges[k * 7].cost = 0;
  SolverOptions options;
  options.warm_start = &first.duals;
  EXPECT_EQ(SolveAndProve(problem, options).objective, SolveAndProve(problem).objective);
}

TEST(SparseAssignmentTest, ProgressCallbackCanCancel) {
  std::mt19937_64 rng(8);
  const AssignmentProblem problem =
      testing::RandomSparseProblem(2000, 2000, 5, 1, 100, true, rng);
  SolverOptions options;
  int64_t calls = 0;
  options.progress = [&](int64_t done, int64_t total) {
    EXPECT_EQ(total, 2000);
    EXPECT_LE(done, total);
    ++calls;
    return false;
  };
  absl::StatusOr<AssignmentResult> result = SolveAssignment(problem, options);
  EXPECT_EQ(result.status().code(), absl::StatusCode::kCancelled);
  EXPECT_EQ(calls, 1);
}

TEST(SparseAssignmentTest, ProgressReachesTheTotal) {
  std::mt19937_64 rng(9);
  const AssignmentProblem problem =
      testing::RandomSparseProblem(1000, 1000, 5, 1, 100, true, rng);
  SolverOptions options;
  int64_t last = -1;
  options.progress = [&](int64_t done, int64_t total) {
    EXPECT_GE(done, last);
    last = done;
    return true;
  };
  ASSERT_TRUE(SolveAssignment(problem, options).ok());
  EXPECT_EQ(last, 1000);
}

TEST(SparseAssignmentTest, CheckCertificateOptionAcceptsTheSolversResult) {
  std::mt19937_64 rng(10);
  const AssignmentProblem problem =
      testing::RandomSparseProblem(500, 300, 4, 2, 50, false, rng);
  SolverOptions options;
  options.check_certificate = true;
  EXPECT_TRUE(SolveAssignment(problem, options).ok());
}

TEST(SparseAssignmentTest, RejectsNegativeRowCount) {
  AssignmentProblem problem{.num_rows = -1, .capacities = {}, .edges = {}};
  absl::StatusOr<AssignmentResult> result = SolveAssignment(problem);
  EXPECT_EQ(result.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(result.status().message(), HasSubstr("num_rows"));
}

TEST(SparseAssignmentTest, RejectsZeroCapacity) {
  AssignmentProblem problem{.num_rows = 1, .capacities = {1, 0}, .edges = {}};
  absl::StatusOr<AssignmentResult> result = SolveAssignment(problem);
  EXPECT_EQ(result.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(result.status().message(), HasSubstr("capacities[1]"));
}

TEST(SparseAssignmentTest, RejectsEdgeRowOutOfRange) {
  AssignmentProblem problem{
      .num_rows = 1, .capacities = {1}, .edges = {{0, 0, 1}, {1, 0, 1}}};
  absl::StatusOr<AssignmentResult> result = SolveAssignment(problem);
  EXPECT_EQ(result.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(result.status().message(), HasSubstr("edges[1].row"));
}

TEST(SparseAssignmentTest, RejectsEdgeColumnOutOfRange) {
  AssignmentProblem problem{.num_rows = 1, .capacities = {1}, .edges = {{0, -1, 1}}};
  absl::StatusOr<AssignmentResult> result = SolveAssignment(problem);
  EXPECT_EQ(result.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(result.status().message(), HasSubstr("edges[0].col"));
}

TEST(SparseAssignmentTest, RejectsCostsThatCouldOverflow) {
  AssignmentProblem problem{
      .num_rows = 2,
      .capacities = {1, 1},
      .edges = {{0, 0, 1}, {1, 1, std::numeric_limits<int64_t>::max()}}};
  absl::StatusOr<AssignmentResult> result = SolveAssignment(problem);
  EXPECT_EQ(result.status().code(), absl::StatusCode::kOutOfRange);
  EXPECT_THAT(result.status().message(), HasSubstr("edges[1].cost"));

  problem.edges[1].cost = std::numeric_limits<int64_t>::min();
  SolverOptions options;
  options.maximize = true;
  EXPECT_EQ(SolveAssignment(problem, options).status().code(),
            absl::StatusCode::kOutOfRange);
}

TEST(SparseAssignmentTest, AcceptsCostsAtTheOverflowBound) {
  // |cost| * (rows + cols + 3) <= 2^57.
  const int64_t bound = (int64_t{1} << 57) / (2 + 2 + 3);
  AssignmentProblem problem{
      .num_rows = 2,
      .capacities = {1, 1},
      .edges = {{0, 0, bound}, {0, 1, -bound}, {1, 0, -bound}, {1, 1, bound}}};
  const AssignmentResult result = SolveAndProve(problem);
  EXPECT_EQ(result.objective, -2 * bound);
  SolverOptions options;
  options.maximize = true;
  EXPECT_EQ(SolveAndProve(problem, options).objective, 2 * bound);
}

TEST(SparseAssignmentTest, RejectsWarmStartOfTheWrongSize) {
  AssignmentProblem problem{.num_rows = 1, .capacities = {1, 1}, .edges = {{0, 0, 1}}};
  AssignmentDuals duals;
  duals.col_duals = {0};
  SolverOptions options;
  options.warm_start = &duals;
  absl::StatusOr<AssignmentResult> result = SolveAssignment(problem, options);
  EXPECT_EQ(result.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(result.status().message(), HasSubstr("warm_start.col_duals"));
}

}  // namespace
}  // namespace azubimatch::engine
