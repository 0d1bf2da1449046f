#include "service/matching/assignment_runner.h"

#include <string>

#include "absl/strings/string_view.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "engine/base/status_macros.h"
#include "engine/matching/assignment_instance.h"
#include "engine/matching/assignment_run.h"
#include "engine/matching/company_policy.h"
#include "engine/matching/metrics.h"
#include "engine/matching/scoring.h"
#include "engine/matching/seeded_tie_breaking.h"
#include "engine/matching/two_sided_instance.h"
#include "engine/matching/two_sided_metrics.h"
#include "engine/matching/two_sided_run.h"
#include "service/matching/proto_conversion.h"
#include "service/registry/field_violations.h"

namespace azubimatch::service {
namespace {

// Bridges the engine's bool-returning progress to RunProgress, keeping the status that
// stopped the run (the engine itself only reports "cancelled").
class ProgressBridge {
 public:
  explicit ProgressBridge(const RunProgress& progress) : progress_(progress) {}

  engine::ProgressCallback For(absl::string_view phase) {
    return [this, phase](int64_t done, int64_t total) {
      stop_ = progress_(phase, done, total);
      return stop_.ok();
    };
  }

  // The status to answer with for an engine error: the one that stopped the run when
  // `status` is the engine's cancellation; an engine InvalidArgument (a locked or banned
  // pair the pool cannot take) as a field violation of the request.
  absl::Status Explain(const absl::Status& status) const {
    if (!stop_.ok() && absl::IsCancelled(status)) return stop_;
    if (!absl::IsInvalidArgument(status)) return status;
    const absl::string_view message = status.message();
    std::string field = "pool";
    for (absl::string_view list : {"locked", "banned"}) {
      if (message.substr(0, list.size()) == list) {
        field = std::string(message.substr(0, message.find(' ')));
      }
    }
    return InvalidField(field, std::string(message));
  }

 private:
  const RunProgress& progress_;
  absl::Status stop_;
};

void AddPairs(const std::vector<engine::PairIds>& pairs,
              google::protobuf::RepeatedPtrField<v1::CandidateOfferPair>* out) {
  out->Clear();
  out->Reserve(static_cast<int>(pairs.size()));
  for (const engine::PairIds& pair : pairs) {
    v1::CandidateOfferPair* proto = out->Add();
    proto->set_candidate_id(pair.candidate_id);
    proto->set_offer_id(pair.offer_id);
  }
}

engine::TwoSidedMode ToTwoSidedMode(v1::AssignMode mode) {
  switch (mode) {
    case v1::ASSIGN_MODE_STABLE:
      return engine::TwoSidedMode::kStable;
    case v1::ASSIGN_MODE_STABLE_OFFER_PROPOSING:
      return engine::TwoSidedMode::kStableOfferProposing;
    case v1::ASSIGN_MODE_BEST_STABLE:
      return engine::TwoSidedMode::kBestStable;
    case v1::ASSIGN_MODE_GREEDY:
      return engine::TwoSidedMode::kGreedy;
    default:
      return engine::TwoSidedMode::kOptimal;
  }
}

bool IsOneSidedMode(v1::AssignMode mode) {
  return mode == v1::ASSIGN_MODE_OPTIMAL || mode == v1::ASSIGN_MODE_STABLE ||
         mode == v1::ASSIGN_MODE_GREEDY;
}

// The metrics of `outcome` against the lists of `rankings` under `seed`.
absl::StatusOr<engine::TwoSidedRun> MeasureAgainstLists(
    const engine::AssignmentInstance& instance, const engine::TwoSidedRankings& rankings,
    uint64_t seed, engine::AssignmentOutcome outcome) {
  AZM_ASSIGN_OR_RETURN(engine::TiedMarketInput tied,
                       engine::TiedMarketFromInstance(instance, rankings));
  AZM_ASSIGN_OR_RETURN(engine::TwoSidedMarketInput strict, engine::BreakTiesBySeed(tied, seed));
  AZM_ASSIGN_OR_RETURN(engine::TwoSidedMarket market, engine::BuildTwoSidedMarket(strict));
  AZM_ASSIGN_OR_RETURN(engine::TwoSidedMatching matching,
                       engine::MatchingOfOutcome(market, outcome));
  engine::TwoSidedRun run;
  run.mutually_acceptable_pairs = static_cast<int64_t>(market.pairs.size());
  run.two_sided = engine::ComputeTwoSidedMetrics(market, matching);
  run.metrics = engine::ComputeMetrics(instance, outcome);
  run.outcome = std::move(outcome);
  return run;
}

}  // namespace

absl::StatusOr<v1::Run> ComputeRun(const RunPool& pool, const PoolRankings& rankings,
                                   const v1::AssignRequest& request,
                                   const engine::ScoringPolicy& policy,
                                   const engine::TravelTimeModel& travel,
                                   const RunProgress& progress) {
  ProgressBridge bridge(progress);
  const absl::Time start = absl::Now();
  const int64_t candidates = static_cast<int64_t>(pool.candidates.size());

  AZM_RETURN_IF_ERROR(progress("scoring", 0, candidates));
  absl::StatusOr<engine::AssignmentInstance> instance = engine::BuildAssignmentInstance(
      pool.candidates, pool.offers, pool.locked, pool.banned, policy, travel,
      bridge.For("scoring"));
  if (!instance.ok()) return bridge.Explain(instance.status());

  const int64_t edges = static_cast<int64_t>(instance->graph.edges.size());
  AZM_RETURN_IF_ERROR(progress("solving", 0, edges));
  const uint64_t seed = request.seed() == 0 ? 1 : request.seed();
  // Offers without a ranking rank by their member's company policy, if any.
  engine::TwoSidedRankings lists = rankings.rankings;
  int64_t company_policy_offers = 0;
  if (!rankings.offer_weights.empty()) {
    absl::StatusOr<std::vector<double>> scores =
        engine::CompanySideScores(*instance, policy, rankings.offer_weights);
    if (!scores.ok()) return scores.status();
    lists.offer_side_scores = *std::move(scores);
    for (size_t o = 0; o < rankings.offer_weights.size(); ++o) {
      const bool ranked = !lists.offer_rankings.empty() && lists.offer_rankings[o].has_value();
      if (rankings.offer_weights[o].has_value() && !ranked) ++company_policy_offers;
    }
  }
  const bool explicit_rankings = rankings.candidate_rankings > 0 ||
                                 rankings.offer_rankings > 0 || company_policy_offers > 0;
  absl::StatusOr<engine::TwoSidedRun> result;
  if (!explicit_rankings && IsOneSidedMode(request.mode())) {
    absl::StatusOr<engine::AssignmentOutcome> outcome = engine::AssignWithMode(
        *instance, ToEngineMode(request.mode()), seed, bridge.For("solving"));
    if (!outcome.ok()) return bridge.Explain(outcome.status());
    AZM_RETURN_IF_ERROR(progress("metrics", 0, 1));
    result = MeasureAgainstLists(*instance, lists, seed, *std::move(outcome));
  } else {
    result = engine::RunTwoSidedAssignment(*instance, lists,
                                           ToTwoSidedMode(request.mode()), seed,
                                           bridge.For("solving"));
    if (result.ok()) AZM_RETURN_IF_ERROR(progress("metrics", 0, 1));
  }
  if (!result.ok()) return bridge.Explain(result.status());
  const engine::AssignmentOutcome* outcome = &result->outcome;
  const engine::MatchingMetrics& metrics = result->metrics;
  v1::Run run;
  run.set_mode(request.mode());
  *run.mutable_request() = request;
  run.mutable_request()->set_seed(seed);
  *run.mutable_request()->mutable_policy() = ToPolicyOverrides(policy);
  AddPairs(pool.locked, run.mutable_request()->mutable_locked());
  AddPairs(pool.banned, run.mutable_request()->mutable_banned());
  run.mutable_placements()->Reserve(static_cast<int>(outcome->placements.size()));
  for (const engine::Placement& placement : outcome->placements) {
    const engine::CandidateProfile& c = pool.candidates[placement.candidate];
    const engine::OfferProfile& o = pool.offers[placement.offer];
    v1::RunPlacement* out = run.add_placements();
    out->set_candidate_id(c.id);
    out->set_offer_id(o.id);
    out->set_score(placement.score);
    AppendComponentValues(engine::Explain(c, o, policy, travel), out->mutable_components());
    out->set_travel_minutes(placement.travel_minutes);
    out->set_locked(placement.locked);
    out->set_choice_rank(placement.wish_rank >= 0 ? placement.wish_rank + 1 : 0);
  }
  for (const engine::UnmatchedCandidate& unmatched : outcome->unmatched) {
    *run.add_unmatched() = ToProtoUnmatched(unmatched, pool.candidates[unmatched.candidate].id);
  }
  *run.mutable_metrics() = ToProtoMetrics(metrics);
  v1::RunMetrics& m = *run.mutable_metrics();
  m.set_ranked_blocking_pairs(result->two_sided.blocking_pairs);
  m.set_candidate_mean_rank(result->two_sided.candidate_mean_rank);
  m.set_ranked_first_choice_share(result->two_sided.first_choice_share);
  m.set_offer_mean_rank(result->two_sided.offer_mean_rank);
  m.set_mutually_acceptable_pairs(result->mutually_acceptable_pairs);
  m.set_candidate_rankings_used(rankings.candidate_rankings);
  m.set_offer_rankings_used(rankings.offer_rankings);
  m.set_company_policy_offers(company_policy_offers);
  run.set_seed(seed);
  run.set_eligible_pairs(edges);
  run.set_solve_seconds(absl::ToDoubleSeconds(absl::Now() - start));
  AZM_RETURN_IF_ERROR(progress("metrics", 1, 1));
  return run;
}

}  // namespace azubimatch::service
