// The bridge between the assignment pipeline (AssignmentInstance: eligible pairs, seats
// left after locked pairs; AssignmentOutcome: placements and unmatched reasons) and the
// two-sided modes (two_sided_modes.h). Indices are the pool's: candidate c and offer o of
// the market are instance.candidates[c] and instance.offers[o].
//
// Lists (TiedMarketFromInstance), for every candidate and offer:
//   explicit ranking  the ranking as submitted, most preferred first; a partner not
//                     named is unacceptable (as at the NRMP). Named partners that the
//                     hard constraints exclude keep their place (ranks stay the
//                     submitted ones) but are never matched.
//   default           every eligible partner, ranked by the pair score (candidates) or
//                     by offer_side_scores (offers; the pair score when empty); equal
//                     values are ties, broken by the run's seed (seeded_tie_breaking.h).
// Locked candidates (already placed) have empty lists; seats are instance.capacity.
// Pair scores are the eligible edges' scores (== Explain). Lottery numbers are drawn from
// the ids (StableIdHash), so the result does not depend on the order of the pool.
//
// Thread safety: pure functions.
// Complexity: O(E + L + C + O) for E eligible edges and L ranking entries.
#ifndef AZUBIMATCH_ENGINE_MATCHING_TWO_SIDED_INSTANCE_H_
#define AZUBIMATCH_ENGINE_MATCHING_TWO_SIDED_INSTANCE_H_

#include <cstdint>
#include <optional>
#include <vector>

#include "absl/status/statusor.h"
#include "engine/matching/assignment_instance.h"
#include "engine/matching/assignment_outcome.h"
#include "engine/matching/seeded_tie_breaking.h"
#include "engine/matching/two_sided_market.h"

namespace azubimatch::engine {

struct TwoSidedRankings {
  // candidate_rankings[c]: c's explicit ranking of offer indices, or nullopt for the
  // default. Either empty (nobody ranked explicitly) or one entry per candidate.
  std::vector<std::optional<std::vector<int32_t>>> candidate_rankings;
  // offer_rankings[o]: o's explicit ranking of candidate indices, or nullopt. Either
  // empty or one entry per offer.
  std::vector<std::optional<std::vector<int32_t>>> offer_rankings;
  // The offers' default preference for each eligible edge (aligned with
  // instance.graph.edges), e.g. a company-side scoring policy; empty: the pair score.
  std::vector<double> offer_side_scores;
};

// The lists with ties of the instance under `rankings` (see the file comment); make them
// strict with BreakTiesBySeed(..., seed) and build with BuildTwoSidedMarket. Errors
// (InvalidArgument naming the field, e.g. "offer_rankings[4][2] candidate 17 is named
// twice"): vectors of the wrong size, an index out of range, a partner named twice, a
// score that is not finite.
absl::StatusOr<TiedMarketInput> TiedMarketFromInstance(const AssignmentInstance& instance,
                                                       const TwoSidedRankings& rankings);

// For MakeOutcome: the index into instance.graph.edges of every candidate's pair in
// `matching`, or -1. Errors: InvalidArgument when the market's size differs from the
// instance's or a matched pair is not an eligible edge.
absl::StatusOr<std::vector<int64_t>> ChosenEdgesOf(const AssignmentInstance& instance,
                                                   const TwoSidedMarket& market,
                                                   const TwoSidedMatching& matching);

// The unlocked placements of `outcome` as a matching of `market`, to measure outcomes of
// other modes against the lists (two_sided_metrics.h). Errors: InvalidArgument naming the
// placement when it is not a mutually acceptable pair.
absl::StatusOr<TwoSidedMatching> MatchingOfOutcome(const TwoSidedMarket& market,
                                                   const AssignmentOutcome& outcome);

// A copy of `instance` whose eligible edges are only the market's mutually acceptable
// pairs, so that the existing modes (AssignGreedy with ties by ids, AssignOptimal) run
// over them unchanged and MakeOutcome reports placements with travel times. Exclusion
// counts are kept, so a candidate with eligible but no mutually acceptable offers is
// reported as outcompeted. REQUIRES: `market` was built from `instance`.
AssignmentInstance RestrictToMutuallyAcceptable(const AssignmentInstance& instance,
                                                const TwoSidedMarket& market);

}  // namespace azubimatch::engine

#endif  // AZUBIMATCH_ENGINE_MATCHING_TWO_SIDED_INSTANCE_H_
