#include "engine/assignment/optimality_certificate.h"

#include <cstdint>
#include <random>

#include "absl/status/status.h"
#include "engine/assignment/sparse_assignment.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/engine/assignment/random_problems.h"

namespace azubimatch::engine {
namespace {

using ::testing::HasSubstr;

class OptimalityCertificateTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::mt19937_64 rng(11);
    problem_ = testing::RandomSparseProblem(400, 150, 5, 2, 100, false, rng);
    absl::StatusOr<AssignmentResult> result = SolveAssignment(problem_);
    ASSERT_TRUE(result.ok()) << result.status();
    result_ = *result;
    ASSERT_TRUE(CheckOptimalityCertificate(problem_, {}, result_).ok());
    ASSERT_LT(result_.assigned, problem_.num_rows);  // some rows stay unassigned
  }

  int32_t SomeAssignedRow() const {
    for (int32_t row = 0;; ++row) {
      if (result_.row_to_col[row] >= 0) return row;
    }
  }

  AssignmentProblem problem_;
  AssignmentResult result_;
};

TEST_F(OptimalityCertificateTest, RejectsWrongSizes) {
  result_.row_to_col.pop_back();
  EXPECT_EQ(CheckOptimalityCertificate(problem_, {}, result_).code(),
            absl::StatusCode::kInvalidArgument);
}

TEST_F(OptimalityCertificateTest, RejectsAssignmentWithoutEdge) {
  const int32_t row = SomeAssignedRow();
  // A column this row has no edge to.
  std::vector<bool> adjacent(problem_.num_cols(), false);
  for (const AssignmentEdge& edge : problem_.edges) {
    if (edge.row == row) adjacent[edge.col] = true;
  }
  int32_t col = 0;
  while (adjacent[col]) ++col;
  result_.row_to_col[row] = col;
  const absl::Status status = CheckOptimalityCertificate(problem_, {}, result_);
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
}

TEST_F(OptimalityCertificateTest, RejectsOverfullColumn) {
  AssignmentProblem problem{
      .num_rows = 2, .capacities = {1}, .edges = {{0, 0, 1}, {1, 0, 1}}};
  AssignmentResult result{
      .row_to_col = {0, 0}, .assigned = 2, .objective = 2, .duals = {}};
  result.duals.row_duals = {0, 0};
  result.duals.col_duals = {0};
  const absl::Status status = CheckOptimalityCertificate(problem, {}, result);
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(status.message(), HasSubstr("capacity"));
}

TEST_F(OptimalityCertificateTest, RejectsMisreportedObjective) {
  result_.objective += 1;
  const absl::Status status = CheckOptimalityCertificate(problem_, {}, result_);
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(status.message(), HasSubstr("objective"));
}

TEST_F(OptimalityCertificateTest, RejectsAssignmentThatIsNotOfMaximumSize) {
  const int32_t row = SomeAssignedRow();
  result_.objective = 0;
  result_.row_to_col[row] = -1;
  result_.assigned -= 1;
  // Recompute the objective so that only the size is wrong.
  std::vector<int64_t> best(problem_.num_rows, std::numeric_limits<int64_t>::max());
  for (const AssignmentEdge& edge : problem_.edges) {
    if (result_.row_to_col[edge.row] == edge.col) {
      best[edge.row] = std::min(best[edge.row], edge.cost);
    }
  }
  for (int32_t r = 0; r < problem_.num_rows; ++r) {
    if (result_.row_to_col[r] >= 0) result_.objective += best[r];
  }
  const absl::Status status = CheckOptimalityCertificate(problem_, {}, result_);
  EXPECT_EQ(status.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(status.message(), HasSubstr("maximum size"));
}

TEST_F(OptimalityCertificateTest, RejectsInfeasibleDuals) {
  result_.duals.col_duals[problem_.edges[0].col] += 1000;
  result_.duals.free_seat_dual += 1000;
  const absl::Status status = CheckOptimalityCertificate(problem_, {}, result_);
  EXPECT_EQ(status.code(), absl::StatusCode::kFailedPrecondition);
}

TEST_F(OptimalityCertificateTest, RejectsBrokenComplementarySlackness) {
  const int32_t row = SomeAssignedRow();
  result_.duals.row_duals[row] -= 1;
  const absl::Status status = CheckOptimalityCertificate(problem_, {}, result_);
  EXPECT_EQ(status.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(status.message(), HasSubstr("slackness"));
}

TEST_F(OptimalityCertificateTest, RejectsUnassignedRowWithOtherDual) {
  int32_t row = 0;
  while (result_.row_to_col[row] >= 0) ++row;
  result_.duals.row_duals[row] -= 1;
  const absl::Status status = CheckOptimalityCertificate(problem_, {}, result_);
  EXPECT_EQ(status.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(status.message(), HasSubstr("unassigned row"));
}

TEST(OptimalityCertificateStandaloneTest, RejectsSuboptimalAssignmentWithAnyDuals) {
  // Row 0 on column 1 (cost 5) instead of column 0 (cost 0): no duals can prove it.
  AssignmentProblem problem{
      .num_rows = 1, .capacities = {1, 1}, .edges = {{0, 0, 0}, {0, 1, 5}}};
  AssignmentResult result{.row_to_col = {1}, .assigned = 1, .objective = 5, .duals = {}};
  result.duals.row_duals = {5};
  result.duals.col_duals = {-5, 0};
  result.duals.free_seat_dual = 0;
  result.duals.unassigned_row_dual = 5;
  const absl::Status status = CheckOptimalityCertificate(problem, {}, result);
  EXPECT_EQ(status.code(), absl::StatusCode::kFailedPrecondition);
}

TEST(OptimalityCertificateStandaloneTest, AcceptsMaximizeResult) {
  std::mt19937_64 rng(12);
  const AssignmentProblem problem =
      testing::RandomSparseProblem(300, 300, 4, 1, 100, true, rng);
  SolverOptions options;
  options.maximize = true;
  absl::StatusOr<AssignmentResult> result = SolveAssignment(problem, options);
  ASSERT_TRUE(result.ok());
  EXPECT_TRUE(CheckOptimalityCertificate(problem, options, *result).ok());
  // The same result read as a minimisation is not proven (duplicate edges even
  // change which cost counts).
  EXPECT_FALSE(CheckOptimalityCertificate(problem, {}, *result).ok());
}

}  // namespace
}  // namespace azubimatch::engine
