// Best stable matching: among all stable matchings of a two-sided market
// (two_sided_market.h), one with the highest total pair score. Exact, polynomial.
//
// Method (Irving, Leather and Gusfield 1987, "An efficient algorithm for the 'optimal'
// stable marriage"; hospitals/residents by the seat reduction): the stable matchings
// correspond one to one to the closed subsets of the rotation poset
// (stable_rotations.h), and the total weight of a matching is that of the
// candidate-optimal matching plus the weights of the rotations eliminated. A
// maximum-weight closed subset (max_weight_closure.h, a minimum cut) therefore gives a
// best stable matching.
//
// Scores are compared as integer weights OptimalWeight(score) = llround(score * 1e6),
// the same scale as the optimal mode (optimal_assignment.h), so the sum is exact; two
// matchings whose double totals differ by less than about placements * 1e-6 may be
// ranked by rounding.
//
// Ties: among stable matchings of maximum total weight the one every candidate likes
// best (the smallest maximum closure); deterministic for a given market.
//
// Thread safety: pure function.
// Complexity: BuildRotationPoset (O(P log S + L') for P pairs and L' entries of the seat
// market) plus a maximum flow on the poset (Dinic, O(V^2 E) worst case for V rotations
// and E = O(L') arcs; near linear on real markets, where rotations are few and short).
#ifndef AZUBIMATCH_ENGINE_MATCHING_BEST_STABLE_H_
#define AZUBIMATCH_ENGINE_MATCHING_BEST_STABLE_H_

#include "absl/status/statusor.h"
#include "engine/matching/progress.h"
#include "engine/matching/two_sided_market.h"

namespace azubimatch::engine {

// Errors: Cancelled when progress says so (deferred acceptance, then the rotations).
absl::StatusOr<TwoSidedMatching> BestStable(const TwoSidedMarket& market,
                                            const ProgressCallback& progress = {});

}  // namespace azubimatch::engine

#endif  // AZUBIMATCH_ENGINE_MATCHING_BEST_STABLE_H_
