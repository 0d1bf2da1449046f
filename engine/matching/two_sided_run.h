// RunTwoSidedAssignment: one two-sided assignment run on a prepared instance, from the
// rankings to the outcome and both sets of metrics, so that the service needs one call
// per run:
//   1. lists from the instance and the rankings (TiedMarketFromInstance), ties broken
//      by `seed` (BreakTiesBySeed), the market built (BuildTwoSidedMarket);
//   2. the mode: stable, stable-offer-proposing and best-stable on the market
//      (two_sided_stable.h, best_stable.h); greedy and optimal by the existing
//      AssignGreedy (ties by ids) and AssignOptimal on the instance restricted to the
//      mutually acceptable pairs (RestrictToMutuallyAcceptable);
//   3. the outcome in the shape of every mode (MakeOutcome: placements with travel
//      times, locked ones included, unmatched reasons), ComputeMetrics on the instance
//      and ComputeTwoSidedMetrics against the lists.
// The same instance, rankings, mode and seed give the same run.
//
// Thread safety: pure function. Complexity: that of the steps; see their headers.
#ifndef AZUBIMATCH_ENGINE_MATCHING_TWO_SIDED_RUN_H_
#define AZUBIMATCH_ENGINE_MATCHING_TWO_SIDED_RUN_H_

#include <cstdint>

#include "absl/status/statusor.h"
#include "engine/matching/assignment_instance.h"
#include "engine/matching/assignment_outcome.h"
#include "engine/matching/metrics.h"
#include "engine/matching/progress.h"
#include "engine/matching/two_sided_instance.h"
#include "engine/matching/two_sided_market.h"
#include "engine/matching/two_sided_metrics.h"
#include "engine/matching/two_sided_modes.h"

namespace azubimatch::engine {

struct TwoSidedRun {
  AssignmentOutcome outcome;
  // ComputeMetrics(instance, outcome). Its blocking_pairs compares pair scores on both
  // sides (the one-score view); the blocking pairs against the lists are
  // two_sided.blocking_pairs.
  MatchingMetrics metrics;
  TwoSidedMetrics two_sided;
  int64_t mutually_acceptable_pairs = 0;
};

// Errors: InvalidArgument naming the field for bad rankings (TiedMarketFromInstance);
// Cancelled when progress says so; Internal from the optimal solver.
absl::StatusOr<TwoSidedRun> RunTwoSidedAssignment(const AssignmentInstance& instance,
                                                  const TwoSidedRankings& rankings,
                                                  TwoSidedMode mode, uint64_t seed,
                                                  const ProgressCallback& progress = {});

}  // namespace azubimatch::engine

#endif  // AZUBIMATCH_ENGINE_MATCHING_TWO_SIDED_RUN_H_
