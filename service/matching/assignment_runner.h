// ComputeRun: one assignment run over a prepared pool (run_pool.h), from the engine's
// result to the v1::Run the service stores and returns.
//
// Phases, each reported through `progress` (which may stop the run by returning an
// error, e.g. CANCELLED or DEADLINE_EXCEEDED; ComputeRun then returns that error):
//   "scoring"  engine::BuildAssignmentInstance: eligible pairs (units: candidates)
//   "solving"  the mode (units: edges, proposals or rows by mode)
//   "metrics"  engine::ComputeMetrics and the placements' explanations (units: 1)
// Modes: every mode runs over the two-sided lists (engine/matching/two_sided_run.h:
// the pool's explicit rankings, else the default lists by pair score, or for an offer
// whose member has a company policy (rankings.offer_weights) by that policy's weights,
// engine/matching/company_policy.h; ties broken by the run's seed). When the pool has
// no explicit ranking and no offer ranks by a company policy, optimal, stable and greedy run
// exactly as before the two-sided modes existed (engine::AssignWithMode, whose results
// the default lists reproduce), so their runs stay identical; the metrics against the
// lists are then measured on that outcome. stable-offer-proposing and best-stable always
// run on the lists.
// The run holds: mode; the effective request (the policy complete with the server's
// defaults, the seed (0 becomes 1), locked and banned as the pool has them, i.e. with the
// held and rejected placements added); every placement with its score, its components
// (engine::Explain of the pair under the run's policy, whose score equals the
// placement's bit for bit; texts left out to keep runs compact), travel time, locked
// flag and choice rank; every unmatched candidate with its reason; the metrics (with
// those against the two-sided lists: ranked_blocking_pairs, candidate_mean_rank,
// ranked_first_choice_share, offer_mean_rank, mutually_acceptable_pairs, the
// rankings used and company_policy_offers: offers without a ranking that ranked by a
// company policy); eligible_pairs, seed and solve_seconds. Id, member_id and created_at are left to the caller.
//
// Thread safety: pure apart from reading the clock for solve_seconds; any number may run
// at once. Complexity: that of the engine (see engine/matching/assignment_run.h) plus
// O(P) explanations for P placements.
#ifndef AZUBIMATCH_SERVICE_MATCHING_ASSIGNMENT_RUNNER_H_
#define AZUBIMATCH_SERVICE_MATCHING_ASSIGNMENT_RUNNER_H_

#include <cstdint>
#include <functional>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "azubimatch/v1/matching.pb.h"
#include "engine/matching/scoring_policy.h"
#include "engine/matching/travel_time.h"
#include "service/matching/ranking_book.h"
#include "service/matching/run_pool.h"

namespace azubimatch::service {

// Receives (phase, done, total); a non-OK status stops the run with that status.
using RunProgress =
    std::function<absl::Status(absl::string_view phase, int64_t done, int64_t total)>;

// REQUIRES: request passed ValidateAssignRequest; policy is the request's effective
// policy and passes engine::ValidateScoringPolicy.
absl::StatusOr<v1::Run> ComputeRun(const RunPool& pool, const PoolRankings& rankings,
                                   const v1::AssignRequest& request,
                                   const engine::ScoringPolicy& policy,
                                   const engine::TravelTimeModel& travel,
                                   const RunProgress& progress);

}  // namespace azubimatch::service

#endif  // AZUBIMATCH_SERVICE_MATCHING_ASSIGNMENT_RUNNER_H_
