// SolveAssignment against exhaustive dynamic programming on thousands of small
// random problems (up to 8 x 8, capacities, rows without edges, negative and
// equal costs, duplicates, both senses).
#include <algorithm>
#include <cstdint>
#include <random>
#include <utility>
#include <vector>

#include "gtest/gtest.h"
#include "tests/engine/assignment/exhaustive_check.h"
#include "tests/engine/assignment/random_problems.h"

namespace azubimatch::engine {
namespace {

void ExpectMatchesExhaustive(const AssignmentProblem& problem, bool maximize,
                             int64_t max_dense_entries, int instance) {
  SolverOptions options;
  options.maximize = maximize;
  options.max_dense_entries = max_dense_entries;
  testing::ExpectExhaustiveOptimum(problem, options, instance);
}

TEST(SparseAssignmentBruteForceTest, MatchesExhaustiveSearchOnSmallSparseProblems) {
  std::mt19937_64 rng(20240601);
  std::uniform_int_distribution<int32_t> size(0, 8);
  std::uniform_int_distribution<int32_t> capacity(1, 3);
  std::uniform_real_distribution<double> density(0.0, 1.0);
  std::uniform_int_distribution<int> kind(0, 3);
  for (int instance = 0; instance < 3000; ++instance) {
    testing::RandomShape shape;
    shape.rows = size(rng);
    shape.cols = size(rng);
    shape.max_capacity = capacity(rng);
    shape.density = density(rng);
    shape.duplicate_rate = instance % 5 == 0 ? 0.3 : 0.0;
    switch (kind(rng)) {
      case 0:
        shape.min_cost = 0;
        shape.max_cost = 20;
        break;
      case 1:
        shape.min_cost = -50;
        shape.max_cost = 50;
        break;  // negative costs
      case 2:
        shape.min_cost = 7;
        shape.max_cost = 7;
        break;  // all equal
      default:
        shape.min_cost = -1000000;
        shape.max_cost = 1000000;
        break;
    }
    const AssignmentProblem problem = testing::RandomProblem(shape, rng);
    ExpectMatchesExhaustive(problem, /*maximize=*/instance % 2 == 1,
                            /*max_dense_entries=*/int64_t{1} << 28, instance);
  }
}

TEST(SparseAssignmentBruteForceTest, MatchesExhaustiveSearchOnSmallCompleteProblems) {
  std::mt19937_64 rng(77);
  std::uniform_int_distribution<int32_t> size(1, 7);
  std::uniform_int_distribution<int32_t> capacity(1, 3);
  for (int instance = 0; instance < 1500; ++instance) {
    testing::RandomShape shape;
    shape.rows = size(rng);
    shape.cols = size(rng);
    shape.max_capacity = instance % 3 == 0 ? capacity(rng) : 1;
    shape.density = 1.0;
    shape.min_cost = instance % 4 == 0 ? -30 : 0;
    shape.max_cost = instance % 7 == 0 ? 2 : 30;
    const AssignmentProblem problem = testing::RandomProblem(shape, rng);
    // Alternate between the dense kernel and the sparse one on the same shape.
    ExpectMatchesExhaustive(problem, /*maximize=*/instance % 2 == 0,
                            /*max_dense_entries=*/instance % 4 < 2 ? int64_t{1} << 28 : 0,
                            instance);
  }
}

TEST(SparseAssignmentBruteForceTest, WarmStartFromAnyPricesReachesTheOptimum) {
  // Warm-start prices need not come from an earlier solve: any prices, also ones
  // above every cost, give the optimum.
  std::mt19937_64 rng(4242);
  std::uniform_int_distribution<int32_t> size(1, 7);
  std::uniform_int_distribution<int32_t> capacity(1, 3);
  std::uniform_real_distribution<double> density(0.1, 1.0);
  std::uniform_int_distribution<int64_t> price(-60, 60);
  for (int instance = 0; instance < 3000; ++instance) {
    testing::RandomShape shape;
    shape.rows = size(rng);
    shape.cols = size(rng);
    shape.max_capacity = capacity(rng);
    shape.density = instance % 3 == 0 ? 1.0 : density(rng);
    shape.min_cost = -20;
    shape.max_cost = 20;
    const AssignmentProblem problem = testing::RandomProblem(shape, rng);
    AssignmentDuals warm;
    for (int32_t col = 0; col < problem.num_cols(); ++col) warm.col_duals.push_back(price(rng));
    SolverOptions options;
    options.maximize = instance % 2 == 1;
    options.warm_start = &warm;
    options.max_dense_entries = instance % 6 < 3 ? int64_t{1} << 28 : 0;
    ASSERT_NO_FATAL_FAILURE(testing::ExpectExhaustiveOptimum(problem, options, instance));
  }
}

}  // namespace
}  // namespace azubimatch::engine
