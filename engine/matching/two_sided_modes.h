// The five assignment modes of a two-sided market behind one entry point, so that a
// caller (the service, a CLI, a benchmark) can run and compare them on one market:
//
//   optimal                 most placements, then the highest total score, over
//                           mutually acceptable pairs (two_sided_optimal.h);
//   stable                  candidate-proposing deferred acceptance: the
//                           candidate-optimal stable matching (two_sided_stable.h);
//   stable-offer-proposing  offer-proposing deferred acceptance: the candidate-pessimal
//                           stable matching (two_sided_stable.h);
//   best-stable             the stable matching of highest total score (best_stable.h);
//   greedy                  best pair first over mutually acceptable pairs
//                           (two_sided_greedy.h).
// Every result is measured by ComputeTwoSidedMetrics (two_sided_metrics.h).
//
// Typical use:
//   TiedMarketInput tied = ...;                        // lists with ties, scores
//   AZM_ASSIGN_OR_RETURN(TwoSidedMarketInput strict, BreakTiesBySeed(tied, run_seed));
//   AZM_ASSIGN_OR_RETURN(TwoSidedMarket market, BuildTwoSidedMarket(strict));
//   AZM_ASSIGN_OR_RETURN(TwoSidedMatching m,
//                        SolveTwoSided(market, TwoSidedMode::kBestStable));
//   TwoSidedMetrics metrics = ComputeTwoSidedMetrics(market, m);
// From an AssignmentInstance and the rankings, RunTwoSidedAssignment (two_sided_run.h)
// does all of this in one call and returns the outcome in the shape of every mode.
//
// Thread safety: pure functions. Complexity: that of the mode; see its header.
#ifndef AZUBIMATCH_ENGINE_MATCHING_TWO_SIDED_MODES_H_
#define AZUBIMATCH_ENGINE_MATCHING_TWO_SIDED_MODES_H_

#include <cstdint>
#include <string_view>

#include "absl/status/statusor.h"
#include "engine/matching/progress.h"
#include "engine/matching/two_sided_market.h"

namespace azubimatch::engine {

enum class TwoSidedMode : int8_t {
  kOptimal = 0,
  kStable = 1,
  kStableOfferProposing = 2,
  kBestStable = 3,
  kGreedy = 4,
};

// "optimal", "stable", "stable-offer-proposing", "best-stable", "greedy".
std::string_view TwoSidedModeName(TwoSidedMode mode);

// The mode named `name` (as TwoSidedModeName spells it); InvalidArgument otherwise.
absl::StatusOr<TwoSidedMode> ParseTwoSidedMode(std::string_view name);

// Runs `mode` on `market`. Errors: Cancelled when progress says so; Internal from the
// optimal solver.
absl::StatusOr<TwoSidedMatching> SolveTwoSided(const TwoSidedMarket& market,
                                               TwoSidedMode mode,
                                               const ProgressCallback& progress = {});

}  // namespace azubimatch::engine

#endif  // AZUBIMATCH_ENGINE_MATCHING_TWO_SIDED_MODES_H_
