// Exhaustive reference for the tests of engine/assignment: the best (assigned
// rows, total) of a small problem by trying every choice for every row, memoised
// on the seats used so far. Lexicographic: more rows first, then lower cost
// (higher weight with maximize). Exponential; for problems of a few rows only.
#ifndef AZUBIMATCH_TESTS_ENGINE_ASSIGNMENT_EXHAUSTIVE_SOLVER_H_
#define AZUBIMATCH_TESTS_ENGINE_ASSIGNMENT_EXHAUSTIVE_SOLVER_H_

#include <algorithm>
#include <cstdint>
#include <map>
#include <utility>
#include <vector>

#include "engine/assignment/assignment_problem.h"

namespace azubimatch::engine::testing {

class ExhaustiveSolver {
 public:
  ExhaustiveSolver(const AssignmentProblem& problem, bool maximize)
      : problem_(problem), maximize_(maximize), options_(problem.num_rows) {
    for (const AssignmentEdge& edge : problem.edges) {
      auto& row_options = options_[edge.row];
      auto it = std::find_if(row_options.begin(), row_options.end(),
                             [&](const auto& o) { return o.first == edge.col; });
      if (it == row_options.end()) {
        row_options.push_back({edge.col, edge.cost});
      } else if (maximize ? edge.cost > it->second : edge.cost < it->second) {
        it->second = edge.cost;
      }
    }
  }

  std::pair<int32_t, int64_t> Solve() {
    std::vector<int32_t> used(problem_.num_cols(), 0);
    return Best(0, used);
  }

 private:
  bool Better(std::pair<int32_t, int64_t> a, std::pair<int32_t, int64_t> b) const {
    if (a.first != b.first) return a.first > b.first;
    return maximize_ ? a.second > b.second : a.second < b.second;
  }

  std::pair<int32_t, int64_t> Best(int32_t row, std::vector<int32_t>& used) {
    if (row == problem_.num_rows) return {0, 0};
    const auto key = std::make_pair(row, used);
    if (auto it = memo_.find(key); it != memo_.end()) return it->second;
    std::pair<int32_t, int64_t> best = Best(row + 1, used);  // leave the row out
    for (const auto& [col, cost] : options_[row]) {
      if (used[col] >= problem_.capacities[col]) continue;
      ++used[col];
      auto rest = Best(row + 1, used);
      --used[col];
      rest.first += 1;
      rest.second += cost;
      if (Better(rest, best)) best = rest;
    }
    memo_[key] = best;
    return best;
  }

  const AssignmentProblem& problem_;
  bool maximize_;
  std::vector<std::vector<std::pair<int32_t, int64_t>>> options_;
  std::map<std::pair<int32_t, std::vector<int32_t>>, std::pair<int32_t, int64_t>> memo_;
};

}  // namespace azubimatch::engine::testing

#endif  // AZUBIMATCH_TESTS_ENGINE_ASSIGNMENT_EXHAUSTIVE_SOLVER_H_
