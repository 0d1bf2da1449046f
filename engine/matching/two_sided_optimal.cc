#include "engine/matching/two_sided_optimal.h"

#include <vector>

#include "absl/strings/str_cat.h"
#include "engine/assignment/assignment_problem.h"
#include "engine/assignment/sparse_assignment.h"
#include "engine/matching/optimal_assignment.h"

namespace azubimatch::engine {

absl::StatusOr<TwoSidedMatching> OptimalTwoSided(const TwoSidedMarket& market,
                                                 const ProgressCallback& progress) {
  const int32_t num_candidates = market.num_candidates();
  const int32_t num_offers = market.num_offers();
  AssignmentProblem problem;
  std::vector<int32_t> column_of(num_offers, -1);
  for (int32_t o = 0; o < num_offers; ++o) {
    if (market.seats[o] == 0 || market.offer_begin[o] == market.offer_begin[o + 1]) {
      continue;
    }
    column_of[o] = problem.num_cols();
    problem.capacities.push_back(market.seats[o]);
  }
  std::vector<int32_t> candidate_of_row;
  std::vector<int64_t> edge_pair;  // the pair behind each edge
  for (int32_t c = 0; c < num_candidates; ++c) {
    const int32_t row = static_cast<int32_t>(candidate_of_row.size());
    bool has_edge = false;
    for (int64_t p = market.candidate_begin[c]; p < market.candidate_begin[c + 1]; ++p) {
      const int32_t col = column_of[market.pairs[p].offer];
      if (col < 0) continue;
      problem.edges.push_back(
          AssignmentEdge{row, col, OptimalWeight(market.pairs[p].score)});
      edge_pair.push_back(p);
      has_edge = true;
    }
    if (has_edge) candidate_of_row.push_back(c);
  }
  problem.num_rows = static_cast<int32_t>(candidate_of_row.size());

  SolverOptions options;
  options.maximize = true;
  if (progress) options.progress = progress;
  absl::StatusOr<AssignmentResult> result = SolveAssignment(problem, options);
  if (!result.ok()) {
    if (result.status().code() == absl::StatusCode::kCancelled) return result.status();
    return absl::InternalError(
        absl::StrCat("optimal two-sided solver failed: ", result.status().message()));
  }

  TwoSidedMatching matching{std::vector<int64_t>(num_candidates, -1)};
  // A candidate has at most one pair per offer, so (row, column) names one pair.
  for (size_t e = 0; e < problem.edges.size(); ++e) {
    const AssignmentEdge& edge = problem.edges[e];
    if (result->row_to_col[edge.row] == edge.col) {
      matching.pair_of_candidate[candidate_of_row[edge.row]] = edge_pair[e];
    }
  }
  return matching;
}

}  // namespace azubimatch::engine
