// Optimal assignment: the most placements possible, and among those the highest total
// score, solved exactly by the sparse assignment solver (engine/assignment).
//
// Scores become integer weights by a fixed scale: weight = llround(score * 1e6)
// (kOptimalScoreScale), so scores are in [0, 1e6]. The solver maximises the number of
// placements first and then the total weight; two assignments whose exact total scores
// differ by less than about placements * 1e-6 may therefore be ranked by rounding.
// Each placement still reports the exact double of its pair (== Explain's score).
// Locked pairs are fixed beforehand and their seats removed.
//
// Ties: among equal-weight optima the solver's deterministic order applies (edges in
// candidate index, then offer index order; see sparse_assignment.h), so the result
// depends on the order of the pool.
//
// Thread safety: pure function.
// Complexity: O(E) to set up, plus the solver: O(R * E log E) worst case for R
// candidates with edges, far less in practice.
#ifndef AZUBIMATCH_ENGINE_MATCHING_OPTIMAL_ASSIGNMENT_H_
#define AZUBIMATCH_ENGINE_MATCHING_OPTIMAL_ASSIGNMENT_H_

#include <cstdint>

#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "engine/assignment/assignment_problem.h"
#include "engine/assignment/sparse_assignment.h"
#include "engine/matching/assignment_instance.h"
#include "engine/matching/assignment_outcome.h"
#include "engine/matching/progress.h"

namespace azubimatch::engine {

// Integer weight units per score unit.
inline constexpr double kOptimalScoreScale = 1e6;

// The solver's weight for a score.
int64_t OptimalWeight(double score);

// The solver's problem for an instance: one column per offer with a seat left
// (capacity = its seats left), one row per candidate with an edge to such an offer,
// edge weight OptimalWeight(score); rows in candidate order, edges in the graph's order.
struct OptimalProblem {
  AssignmentProblem problem;
  std::vector<int32_t> candidate_of_row;  // instance candidate index per row
  std::vector<int32_t> offer_of_column;   // instance offer index per column
};
OptimalProblem BuildOptimalProblem(const AssignmentInstance& instance);

// Solves `problem` for the maximum total weight (SolveAssignment with maximize) and
// `progress`. Errors: Cancelled when progress says so; Internal naming `what` ("optimal
// assignment solver failed: ...") for any other failure of a well-formed problem.
absl::StatusOr<AssignmentResult> SolveForMaximumScore(const AssignmentProblem& problem,
                                                      const ProgressCallback& progress,
                                                      absl::string_view what);

// Errors: Cancelled when progress (candidates handled, candidates with edges) says so;
// Internal if the solver fails on a well-formed problem.
absl::StatusOr<AssignmentOutcome> AssignOptimal(const AssignmentInstance& instance,
                                                const ProgressCallback& progress = {});

}  // namespace azubimatch::engine

#endif  // AZUBIMATCH_ENGINE_MATCHING_OPTIMAL_ASSIGNMENT_H_
