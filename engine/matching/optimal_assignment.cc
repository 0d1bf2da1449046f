#include "engine/matching/optimal_assignment.h"

#include <cmath>
#include <vector>

#include "absl/strings/str_cat.h"
#include "engine/assignment/assignment_problem.h"
#include "engine/assignment/sparse_assignment.h"
#include "engine/base/status_macros.h"

namespace azubimatch::engine {

int64_t OptimalWeight(double score) { return std::llround(score * kOptimalScoreScale); }

OptimalProblem BuildOptimalProblem(const AssignmentInstance& instance) {
  const EligibleGraph& graph = instance.graph;
  const int32_t num_candidates = static_cast<int32_t>(instance.candidates.size());
  OptimalProblem out;
  AssignmentProblem& problem = out.problem;
  std::vector<int32_t> column_of(instance.offers.size(), -1);
  for (size_t o = 0; o < instance.offers.size(); ++o) {
    if (instance.capacity[o] <= 0) continue;
    column_of[o] = static_cast<int32_t>(out.offer_of_column.size());
    out.offer_of_column.push_back(static_cast<int32_t>(o));
    problem.capacities.push_back(instance.capacity[o]);
  }
  problem.edges.reserve(graph.edges.size());
  for (int32_t c = 0; c < num_candidates; ++c) {
    bool has_edge = false;
    for (const ScoredEdge& e : graph.EdgesOf(c)) {
      const int32_t col = column_of[e.offer];
      if (col < 0) continue;
      problem.edges.push_back(AssignmentEdge{
          static_cast<int32_t>(out.candidate_of_row.size()), col, OptimalWeight(e.score)});
      has_edge = true;
    }
    if (has_edge) out.candidate_of_row.push_back(c);
  }
  problem.num_rows = static_cast<int32_t>(out.candidate_of_row.size());
  return out;
}

absl::StatusOr<AssignmentResult> SolveForMaximumScore(const AssignmentProblem& problem,
                                                      const ProgressCallback& progress,
                                                      absl::string_view what) {
  SolverOptions options;
  options.maximize = true;
  if (progress) options.progress = progress;
  absl::StatusOr<AssignmentResult> result = SolveAssignment(problem, options);
  if (!result.ok() && result.status().code() != absl::StatusCode::kCancelled) {
    return absl::InternalError(
        absl::StrCat(what, " solver failed: ", result.status().message()));
  }
  return result;
}

absl::StatusOr<AssignmentOutcome> AssignOptimal(const AssignmentInstance& instance,
                                                const ProgressCallback& progress) {
  const EligibleGraph& graph = instance.graph;
  const int32_t num_candidates = static_cast<int32_t>(instance.candidates.size());
  const OptimalProblem built = BuildOptimalProblem(instance);
  const AssignmentProblem& problem = built.problem;
  const std::vector<int32_t>& candidate_of_row = built.candidate_of_row;
  const std::vector<int32_t>& offer_of_column = built.offer_of_column;

  AZM_RETURN_IF_ERROR(
      ReportProgress(progress, "optimal assignment", 0, problem.num_rows));
  absl::StatusOr<AssignmentResult> result =
      SolveForMaximumScore(problem, progress, "optimal assignment");
  AZM_RETURN_IF_ERROR(result.status());

  AZM_RETURN_IF_ERROR(
      ReportProgress(progress, "optimal assignment", problem.num_rows, problem.num_rows));
  std::vector<int64_t> chosen(num_candidates, -1);
  for (int32_t row = 0; row < problem.num_rows; ++row) {
    const int32_t col = result->row_to_col[row];
    if (col < 0) continue;
    const int32_t c = candidate_of_row[row];
    const int32_t offer = offer_of_column[col];
    for (int64_t i = graph.candidate_begin[c]; i < graph.candidate_begin[c + 1]; ++i) {
      if (graph.edges[i].offer == offer) {
        chosen[c] = i;
        break;
      }
    }
  }
  return MakeOutcome(instance, chosen);
}

}  // namespace azubimatch::engine
