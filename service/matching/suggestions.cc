#include "service/matching/suggestions.h"

#include <algorithm>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "engine/base/status_macros.h"
#include "engine/matching/pair_evaluation.h"
#include "engine/matching/scoring.h"
#include "service/matching/proto_conversion.h"
#include "service/matching/request_validation.h"
#include "service/matching/visible_records.h"
#include "service/registry/access_policy.h"

namespace azubimatch::service {
namespace {

// An eligible pair found while searching, before ranking.
struct Found {
  double score;
  const std::string* id;  // of the ranked side: offer id or candidate id
  const CandidateEntry* candidate;
  const OfferEntry* offer;
};

// Score descending, then id ascending: a total order.
bool RanksBefore(const Found& a, const Found& b) {
  if (a.score != b.score) return a.score > b.score;
  return *a.id < *b.id;
}

// Scores pairs and keeps the eligible ones.
class PairCollector {
 public:
  PairCollector(const engine::ScoringPolicy& policy, const engine::TravelTimeModel& travel)
      : policy_(policy), travel_(travel) {}

  void Add(const CandidateEntry& candidate, const OfferEntry& offer, bool banned,
           bool rank_by_offer) {
    const engine::CandidateProfile& c = candidate.profile;
    const double minutes = travel_.Minutes(c.home, offer.profile.location, c.travel_mode);
    const engine::PairEvaluation e =
        engine::EvaluatePair(c, offer.profile, policy_, minutes, banned);
    ++considered_;
    if (!e.eligible()) return;
    found_.push_back(Found{e.score, rank_by_offer ? &offer.profile.id : &c.id, &candidate,
                           &offer});
  }

  // The k best, explained, into `response`.
  void Finish(int k, v1::SuggestionsResponse* response) {
    response->set_considered(considered_);
    response->set_eligible(static_cast<int64_t>(found_.size()));
    const size_t keep = std::min(found_.size(), static_cast<size_t>(k));
    std::partial_sort(found_.begin(), found_.begin() + keep, found_.end(), RanksBefore);
    for (size_t i = 0; i < keep; ++i) {
      const engine::CandidateProfile& c = found_[i].candidate->profile;
      const engine::OfferProfile& o = found_[i].offer->profile;
      const engine::Explanation explanation =
          engine::Explain(c, o, policy_, travel_, /*banned=*/false);
      v1::Suggestion* suggestion = response->add_suggestions();
      suggestion->set_candidate_id(c.id);
      suggestion->set_offer_id(o.id);
      suggestion->set_score(explanation.score);
      suggestion->set_travel_minutes(explanation.travel_minutes);
      AppendComponents(c, o, policy_, explanation, suggestion->mutable_components());
    }
  }

 private:
  const engine::ScoringPolicy& policy_;
  const engine::TravelTimeModel& travel_;
  int64_t considered_ = 0;
  std::vector<Found> found_;
};

std::string StatusName(v1::CandidateStatus status) {
  std::string name(v1::CandidateStatus_Name(status));
  const std::string prefix = "CANDIDATE_STATUS_";
  if (name.rfind(prefix, 0) == 0) name.erase(0, prefix.size());
  return absl::AsciiStrToLower(name);
}

}  // namespace

std::optional<std::string> CandidateUnavailable(const CandidateEntry& candidate,
                                                const HeldPlacement* held) {
  if (held != nullptr) {
    return absl::StrCat("candidate already holds placement ", held->placement_id,
                        " at offer ", held->offer_id);
  }
  if (candidate.status != v1::CANDIDATE_STATUS_ACTIVE) {
    return absl::StrCat("candidate is not looking (status ", StatusName(candidate.status),
                        ")");
  }
  return std::nullopt;
}

Suggester::Suggester(const MatchingIndex* index, const engine::TravelTimeModel* travel,
                     engine::ScoringPolicy policy)
    : index_(index), travel_(travel), policy_(std::move(policy)) {}

absl::StatusOr<v1::SuggestionsResponse> Suggester::SuggestOffers(
    const Caller& caller, const v1::SuggestOffersRequest& request) const {
  const engine::ScoringPolicy policy = ApplyPolicyOverrides(policy_, request.policy());
  MatchingIndex::Reader reader(*index_);
  AZM_ASSIGN_OR_RETURN(const CandidateEntry* candidate,
                       FindVisibleCandidate(reader, caller, request.candidate_id(),
                                            "candidate_id"));
  v1::SuggestionsResponse response;
  if (CandidateUnavailable(*candidate, reader.HeldPlacementOf(candidate->profile.id))) {
    return response;
  }
  const engine::CandidateProfile& c = candidate->profile;
  const double reach = travel_->ReachBoundKm(c.travel_limit_minutes, c.travel_mode);
  PairCollector collector(policy, *travel_);
  absl::flat_hash_set<const OfferEntry*> seen;  // an offer may be in several grids
  const SpatialGrid::Visitor visit = [&](const SpatialGrid::Entry& entry) {
    const OfferEntry* offer = &MatchingIndex::Reader::OfferOf(entry);
    if (!seen.insert(offer).second) return;
    if (!request.kldb_code().empty() &&
        offer->profile.occupation.kldb_code != request.kldb_code()) {
      return;
    }
    if (!request.municipality().empty() && offer->municipality != request.municipality()) {
      return;
    }
    collector.Add(*candidate, *offer, reader.IsBanned(c.id, offer->profile.id),
                  /*rank_by_offer=*/true);
  };
  for (const engine::Occupation& wish : c.desired_occupations) {
    if (!request.kldb_code().empty() && wish.kldb_code != request.kldb_code()) continue;
    if (const SpatialGrid* grid = reader.OffersOfOccupation(wish.kldb_code)) {
      grid->ForEachNear(c.home, reach, visit);
    }
  }
  if (policy.allow_sector_match) {
    for (engine::Sector sector : c.desired_sectors) {
      if (const SpatialGrid* grid = reader.OffersOfSector(sector)) {
        grid->ForEachNear(c.home, reach, visit);
      }
    }
  }
  collector.Finish(EffectiveK(request.k()), &response);
  return response;
}

absl::StatusOr<v1::SuggestionsResponse> Suggester::SuggestCandidates(
    const Caller& caller, const v1::SuggestCandidatesRequest& request) const {
  const engine::ScoringPolicy policy = ApplyPolicyOverrides(policy_, request.policy());
  MatchingIndex::Reader reader(*index_);
  AZM_ASSIGN_OR_RETURN(const OfferEntry* offer,
                       FindOfferEntry(reader, request.offer_id(), "offer_id"));
  AZM_RETURN_IF_ERROR(CheckMayReadKind(caller, RecordKind::kCandidate));
  v1::SuggestionsResponse response;
  const engine::OfferProfile& o = offer->profile;
  PairCollector collector(policy, *travel_);
  absl::flat_hash_set<const CandidateEntry*> seen;  // may be in both grids
  const SpatialGrid::Visitor visit = [&](const SpatialGrid::Entry& entry) {
    const CandidateEntry* candidate = &MatchingIndex::Reader::CandidateOf(entry);
    if (!seen.insert(candidate).second) return;
    if (!MaySeeCandidatesOf(caller, candidate->member_id)) return;
    if (!request.municipality().empty() &&
        candidate->municipality != request.municipality()) {
      return;
    }
    if (CandidateUnavailable(*candidate, reader.HeldPlacementOf(entry.id))) return;
    collector.Add(*candidate, *offer, reader.IsBanned(entry.id, o.id),
                  /*rank_by_offer=*/false);
  };
  if (const SpatialGrid* grid = reader.CandidatesOfOccupation(o.occupation.kldb_code)) {
    grid->ForEachNear(o.location, grid->max_reach_km(), visit);
  }
  if (policy.allow_sector_match) {
    if (const SpatialGrid* grid = reader.CandidatesOfSector(engine::MatchingSector(o))) {
      grid->ForEachNear(o.location, grid->max_reach_km(), visit);
    }
  }
  collector.Finish(EffectiveK(request.k()), &response);
  return response;
}

absl::StatusOr<v1::Explanation> Suggester::Explain(const Caller& caller,
                                                   const v1::ExplainRequest& request) const {
  const engine::ScoringPolicy policy = ApplyPolicyOverrides(policy_, request.policy());
  MatchingIndex::Reader reader(*index_);
  AZM_ASSIGN_OR_RETURN(const CandidateEntry* candidate,
                       FindVisibleCandidate(reader, caller, request.candidate_id(),
                                            "candidate_id"));
  AZM_ASSIGN_OR_RETURN(const OfferEntry* offer,
                       FindOfferEntry(reader, request.offer_id(), "offer_id"));
  const engine::Explanation explanation =
      engine::Explain(candidate->profile, offer->profile, policy, *travel_,
                      reader.IsBanned(candidate->profile.id, offer->profile.id));
  v1::Explanation out =
      ToProtoExplanation(candidate->profile, offer->profile, policy, explanation);
  if (std::optional<std::string> unavailable = CandidateUnavailable(
          *candidate, reader.HeldPlacementOf(candidate->profile.id))) {
    out.set_eligible(false);
    v1::Exclusion* reason = out.add_reasons();
    reason->set_code(v1::EXCLUSION_CODE_CANDIDATE_INACTIVE);
    reason->set_text(*std::move(unavailable));
  }
  return out;
}

}  // namespace azubimatch::service
