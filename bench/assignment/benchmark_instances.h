// The timing instances of the assignment benchmarks (same recipes as
// bench/peers/compare.py, which writes them to files for the peer solvers):
//   dense        n x n, every pair allowed, costs uniform in [0, 1000);
//   sparse       n x n, `degree` random columns per row plus a hidden perfect
//                matching, costs uniform in [0, 1000);
//   capacitated  rows x cols, capacities uniform in 1..10 topped up at random until
//                the seats equal the rows, `degree` random columns per row plus a
//                hidden full assignment, costs uniform in [0, 1000);
//   national     rows x cols with `seats` seats (capacities uniform in 1..3, then
//                adjusted to the total), `degree` random columns per row plus a
//                hidden assignment of every row, costs uniform in [0, 1000).
// Repeated (row, col) pairs are kept; the solver counts the cheapest.
// Deterministic for a given seed (std::mt19937_64).
#ifndef AZUBIMATCH_BENCH_ASSIGNMENT_BENCHMARK_INSTANCES_H_
#define AZUBIMATCH_BENCH_ASSIGNMENT_BENCHMARK_INSTANCES_H_

#include <algorithm>
#include <cstdint>
#include <random>
#include <vector>

#include "engine/assignment/assignment_problem.h"

namespace azubimatch::bench {

inline engine::AssignmentProblem DenseInstance(int32_t n, uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::uniform_int_distribution<int64_t> cost(0, 999);
  engine::AssignmentProblem problem;
  problem.num_rows = n;
  problem.capacities.assign(n, 1);
  problem.edges.reserve(int64_t{n} * n);
  for (int32_t i = 0; i < n; ++i) {
    for (int32_t j = 0; j < n; ++j) problem.edges.push_back({i, j, cost(rng)});
  }
  return problem;
}

// Every row gets the hidden column of `seat_of_row` plus `degree` random ones.
inline engine::AssignmentProblem WithRandomEdges(std::vector<int32_t> capacities,
                                                 const std::vector<int32_t>& hidden_col,
                                                 int32_t degree, std::mt19937_64& rng) {
  engine::AssignmentProblem problem;
  problem.num_rows = static_cast<int32_t>(hidden_col.size());
  const int32_t cols = static_cast<int32_t>(capacities.size());
  problem.capacities = std::move(capacities);
  std::uniform_int_distribution<int32_t> pick(0, cols - 1);
  std::uniform_int_distribution<int64_t> cost(0, 999);
  problem.edges.reserve(int64_t{problem.num_rows} * (degree + 1));
  for (int32_t row = 0; row < problem.num_rows; ++row) {
    problem.edges.push_back({row, hidden_col[row], cost(rng)});
    for (int32_t k = 0; k < degree; ++k)
      problem.edges.push_back({row, pick(rng), cost(rng)});
  }
  return problem;
}

// The column of every seat, shuffled: row r takes seat r.
inline std::vector<int32_t> ShuffledSeats(const std::vector<int32_t>& capacities,
                                          int32_t rows, std::mt19937_64& rng) {
  std::vector<int32_t> seats;
  for (int32_t col = 0; col < static_cast<int32_t>(capacities.size()); ++col) {
    seats.insert(seats.end(), capacities[col], col);
  }
  std::shuffle(seats.begin(), seats.end(), rng);
  seats.resize(rows);
  return seats;
}

inline engine::AssignmentProblem SparseInstance(int32_t n, int32_t degree,
                                                uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::vector<int32_t> capacities(n, 1);
  return WithRandomEdges(capacities, ShuffledSeats(capacities, n, rng), degree, rng);
}

// Capacities uniform in [low, high], then moved one seat at a time (random
// columns) until they add up to `seats`; never below 1.
inline std::vector<int32_t> RandomCapacities(int32_t cols, int32_t low, int32_t high,
                                             int64_t seats, std::mt19937_64& rng) {
  std::uniform_int_distribution<int32_t> capacity(low, high);
  std::uniform_int_distribution<int32_t> pick(0, cols - 1);
  std::vector<int32_t> capacities(cols);
  int64_t total = 0;
  for (int32_t& c : capacities) total += (c = capacity(rng));
  while (total < seats) {
    ++capacities[pick(rng)];
    ++total;
  }
  while (total > seats) {
    int32_t& c = capacities[pick(rng)];
    if (c > 1) {
      --c;
      --total;
    }
  }
  return capacities;
}

inline engine::AssignmentProblem CapacitatedInstance(int32_t rows, int32_t cols,
                                                     int32_t degree, uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::vector<int32_t> capacities = RandomCapacities(cols, 1, 10, rows, rng);
  std::vector<int32_t> hidden = ShuffledSeats(capacities, rows, rng);
  return WithRandomEdges(std::move(capacities), hidden, degree, rng);
}

inline engine::AssignmentProblem NationalInstance(int32_t rows, int32_t cols,
                                                  int64_t seats, int32_t degree,
                                                  uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::vector<int32_t> capacities = RandomCapacities(cols, 1, 3, seats, rng);
  std::vector<int32_t> hidden = ShuffledSeats(capacities, rows, rng);
  return WithRandomEdges(std::move(capacities), hidden, degree, rng);
}

}  // namespace azubimatch::bench

#endif  // AZUBIMATCH_BENCH_ASSIGNMENT_BENCHMARK_INSTANCES_H_
