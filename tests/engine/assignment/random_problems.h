// Seeded random assignment problems for the tests of engine/assignment.
#ifndef AZUBIMATCH_TESTS_ENGINE_ASSIGNMENT_RANDOM_PROBLEMS_H_
#define AZUBIMATCH_TESTS_ENGINE_ASSIGNMENT_RANDOM_PROBLEMS_H_

#include <cstdint>
#include <random>
#include <vector>

#include "engine/assignment/assignment_problem.h"

namespace azubimatch::engine::testing {

struct RandomShape {
  int32_t rows = 10;
  int32_t cols = 10;
  int32_t max_capacity = 1;  // capacities uniform in [1, max_capacity]
  double density = 0.5;      // probability of each (row, col) edge
  int64_t min_cost = 0;
  int64_t max_cost = 100;       // costs uniform in [min_cost, max_cost]
  double duplicate_rate = 0.0;  // probability of a second edge for the same pair
};

inline AssignmentProblem RandomProblem(const RandomShape& shape, std::mt19937_64& rng) {
  AssignmentProblem problem;
  problem.num_rows = shape.rows;
  std::uniform_int_distribution<int32_t> capacity(1, shape.max_capacity);
  for (int32_t col = 0; col < shape.cols; ++col)
    problem.capacities.push_back(capacity(rng));
  std::uniform_real_distribution<double> coin(0.0, 1.0);
  std::uniform_int_distribution<int64_t> cost(shape.min_cost, shape.max_cost);
  for (int32_t row = 0; row < shape.rows; ++row) {
    for (int32_t col = 0; col < shape.cols; ++col) {
      if (coin(rng) >= shape.density) continue;
      problem.edges.push_back({row, col, cost(rng)});
      if (coin(rng) < shape.duplicate_rate)
        problem.edges.push_back({row, col, cost(rng)});
    }
  }
  std::shuffle(problem.edges.begin(), problem.edges.end(), rng);
  return problem;
}

// `degree` random distinct columns per row (plus, if `hidden_matching`, the pair
// (row, row % cols) so that a large assignment exists).
inline AssignmentProblem RandomSparseProblem(int32_t rows, int32_t cols, int32_t degree,
                                             int32_t max_capacity, int64_t max_cost,
                                             bool hidden_matching, std::mt19937_64& rng) {
  AssignmentProblem problem;
  problem.num_rows = rows;
  std::uniform_int_distribution<int32_t> capacity(1, max_capacity);
  for (int32_t col = 0; col < cols; ++col) problem.capacities.push_back(capacity(rng));
  std::uniform_int_distribution<int32_t> pick(0, cols - 1);
  std::uniform_int_distribution<int64_t> cost(0, max_cost);
  for (int32_t row = 0; row < rows; ++row) {
    if (hidden_matching) problem.edges.push_back({row, row % cols, cost(rng)});
    for (int32_t k = 0; k < degree; ++k)
      problem.edges.push_back({row, pick(rng), cost(rng)});
  }
  return problem;
}

}  // namespace azubimatch::engine::testing

#endif  // AZUBIMATCH_TESTS_ENGINE_ASSIGNMENT_RANDOM_PROBLEMS_H_
