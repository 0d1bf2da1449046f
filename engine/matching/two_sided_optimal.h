// Optimal matching of a two-sided market: the most placements over mutually acceptable
// pairs (two_sided_market.h), and among those the highest total score; the lists' orders
// are not used. A wrapper over the exact solver of engine/assignment
// (sparse_assignment.h) with the weights of the optimal mode (optimal_assignment.h):
// OptimalWeight(score) = llround(score * 1e6), so totals closer than about
// placements * 1e-6 may be ranked by rounding.
//
// Ties: among optima, the solver's deterministic choice (rows in candidate order, edges
// in each candidate's list order, columns in offer order).
//
// Thread safety: pure function.
// Complexity: O(P) to set up plus the solver's O(R * P log P) worst case for R
// candidates with pairs; far less in practice.
#ifndef AZUBIMATCH_ENGINE_MATCHING_TWO_SIDED_OPTIMAL_H_
#define AZUBIMATCH_ENGINE_MATCHING_TWO_SIDED_OPTIMAL_H_

#include "absl/status/statusor.h"
#include "engine/matching/progress.h"
#include "engine/matching/two_sided_market.h"

namespace azubimatch::engine {

// Errors: Cancelled when progress (rows handled, rows) says so; Internal if the solver
// fails on a well-formed problem.
absl::StatusOr<TwoSidedMatching> OptimalTwoSided(const TwoSidedMarket& market,
                                                 const ProgressCallback& progress = {});

}  // namespace azubimatch::engine

#endif  // AZUBIMATCH_ENGINE_MATCHING_TWO_SIDED_OPTIMAL_H_
