#include "engine/matching/assignment_instance.h"

#include <algorithm>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "engine/base/status_macros.h"
#include "engine/matching/pair_evaluation.h"
#include "engine/matching/pool_index.h"

namespace azubimatch::engine {
namespace {

// Drops the edges of locked candidates, keeping the CSR offsets consistent.
void DropLockedEdges(const std::vector<uint8_t>& candidate_locked, EligibleGraph& graph) {
  std::vector<ScoredEdge> kept;
  kept.reserve(graph.edges.size());
  const size_t n = candidate_locked.size();
  for (size_t c = 0; c < n; ++c) {
    const int64_t begin = graph.candidate_begin[c];
    const int64_t end = graph.candidate_begin[c + 1];
    graph.candidate_begin[c] = static_cast<int64_t>(kept.size());
    if (!candidate_locked[c]) {
      kept.insert(kept.end(), graph.edges.begin() + begin, graph.edges.begin() + end);
    }
  }
  graph.candidate_begin[n] = static_cast<int64_t>(kept.size());
  graph.edges = std::move(kept);
}

}  // namespace

absl::StatusOr<AssignmentInstance> BuildAssignmentInstance(
    absl::Span<const CandidateProfile> candidates, absl::Span<const OfferProfile> offers,
    absl::Span<const PairIds> locked, absl::Span<const PairIds> banned,
    const ScoringPolicy& policy, const TravelTimeModel& travel,
    const ProgressCallback& progress) {
  AZM_RETURN_IF_ERROR(ValidateScoringPolicy(policy));
  AZM_ASSIGN_OR_RETURN(const PoolIndex index, IndexPool(candidates, offers));

  AssignmentInstance instance;
  instance.candidates = candidates;
  instance.offers = offers;
  instance.candidate_locked.assign(candidates.size(), 0);
  instance.capacity.resize(offers.size());
  for (size_t o = 0; o < offers.size(); ++o) {
    instance.capacity[o] = std::max(offers[o].seats_free, 0);
  }

  absl::flat_hash_set<std::pair<std::string_view, std::string_view>> banned_set;
  for (const PairIds& pair : banned) banned_set.emplace(pair.candidate_id, pair.offer_id);

  for (size_t i = 0; i < locked.size(); ++i) {
    const PairIds& pair = locked[i];
    const int32_t c = index.FindCandidate(pair.candidate_id);
    if (c < 0) {
      return absl::InvalidArgumentError(absl::StrCat(
          "locked[", i, "].candidate_id '", pair.candidate_id, "' is not in the pool"));
    }
    const int32_t o = index.FindOffer(pair.offer_id);
    if (o < 0) {
      return absl::InvalidArgumentError(absl::StrCat(
          "locked[", i, "].offer_id '", pair.offer_id, "' is not in the pool"));
    }
    if (instance.candidate_locked[c]) {
      return absl::InvalidArgumentError(absl::StrCat(
          "locked[", i, "].candidate_id '", pair.candidate_id, "' is locked twice"));
    }
    if (banned_set.contains(std::make_pair(std::string_view(pair.candidate_id),
                                           std::string_view(pair.offer_id)))) {
      return absl::InvalidArgumentError(absl::StrCat("locked[", i, "] ('",
                                                     pair.candidate_id, "', '",
                                                     pair.offer_id, "') is also banned"));
    }
    if (instance.capacity[o] == 0) {
      return absl::InvalidArgumentError(absl::StrCat(
          "locked[", i, "].offer_id '", pair.offer_id,
          "' has more locked pairs than its ", offers[o].seats_free, " free seats"));
    }
    --instance.capacity[o];
    instance.candidate_locked[c] = 1;
    const CandidateProfile& candidate = candidates[c];
    const PairEvaluation e = EvaluatePair(
        candidate, offers[o], policy, MinutesToOffer(travel, candidate, offers[o]),
        /*banned=*/false);
    instance.locked.push_back(
        Placement{c, o, e.score, e.travel_minutes, e.wish_rank, /*locked=*/true});
  }
  std::sort(
      instance.locked.begin(), instance.locked.end(),
      [](const Placement& a, const Placement& b) { return a.candidate < b.candidate; });

  AZM_ASSIGN_OR_RETURN(instance.graph, BuildEligiblePairs(candidates, offers, policy,
                                                          travel, banned, progress));
  if (!instance.locked.empty())
    DropLockedEdges(instance.candidate_locked, instance.graph);
  return instance;
}

}  // namespace azubimatch::engine
