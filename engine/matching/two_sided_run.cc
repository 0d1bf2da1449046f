#include "engine/matching/two_sided_run.h"

#include <vector>

#include "engine/base/status_macros.h"
#include "engine/matching/greedy_assignment.h"
#include "engine/matching/optimal_assignment.h"
#include "engine/matching/seeded_tie_breaking.h"

namespace azubimatch::engine {

absl::StatusOr<TwoSidedRun> RunTwoSidedAssignment(const AssignmentInstance& instance,
                                                  const TwoSidedRankings& rankings,
                                                  TwoSidedMode mode, uint64_t seed,
                                                  const ProgressCallback& progress) {
  AZM_ASSIGN_OR_RETURN(TiedMarketInput tied, TiedMarketFromInstance(instance, rankings));
  AZM_ASSIGN_OR_RETURN(TwoSidedMarketInput strict, BreakTiesBySeed(tied, seed));
  AZM_ASSIGN_OR_RETURN(TwoSidedMarket market, BuildTwoSidedMarket(strict));

  TwoSidedRun run;
  run.mutually_acceptable_pairs = static_cast<int64_t>(market.pairs.size());
  TwoSidedMatching matching;
  if (mode == TwoSidedMode::kGreedy || mode == TwoSidedMode::kOptimal) {
    const AssignmentInstance restricted = RestrictToMutuallyAcceptable(instance, market);
    absl::StatusOr<AssignmentOutcome> outcome = mode == TwoSidedMode::kGreedy
                                                    ? AssignGreedy(restricted, progress)
                                                    : AssignOptimal(restricted, progress);
    if (!outcome.ok()) return outcome.status();
    AZM_ASSIGN_OR_RETURN(matching, MatchingOfOutcome(market, *outcome));
    // The restricted instance keeps the exclusion counts, so the unmatched reasons are
    // those MakeOutcome gives on the full instance.
    run.outcome = *std::move(outcome);
  } else {
    AZM_ASSIGN_OR_RETURN(matching, SolveTwoSided(market, mode, progress));
    AZM_ASSIGN_OR_RETURN(std::vector<int64_t> chosen,
                         ChosenEdgesOf(instance, market, matching));
    run.outcome = MakeOutcome(instance, chosen);
  }
  run.metrics = ComputeMetrics(instance, run.outcome);
  run.two_sided = ComputeTwoSidedMetrics(market, matching);
  return run;
}

}  // namespace azubimatch::engine
