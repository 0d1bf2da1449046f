#include "engine/matching/assignment_outcome.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace azubimatch::engine {
namespace {

std::string NoEligibleText(const CandidateExclusions& ex, ExclusionCode top) {
  if (ex.wished_offers == 0) {
    return "no eligible offer: no offer in the desired occupations";
  }
  return absl::StrFormat(
      "no eligible offer: %s excluded %d of %d offers in the desired occupations",
      ExclusionCodeName(top), ex.count(top), ex.wished_offers);
}

}  // namespace

std::string_view UnmatchedReasonName(UnmatchedReason reason) {
  return reason == UnmatchedReason::kOutcompeted ? "outcompeted" : "no_eligible_offer";
}

AssignmentOutcome MakeOutcome(const AssignmentInstance& instance,
                              absl::Span<const int64_t> chosen_edge) {
  AssignmentOutcome outcome;
  size_t next_locked = 0;
  const int32_t n = static_cast<int32_t>(instance.candidates.size());
  for (int32_t c = 0; c < n; ++c) {
    if (next_locked < instance.locked.size() &&
        instance.locked[next_locked].candidate == c) {
      outcome.placements.push_back(instance.locked[next_locked++]);
      continue;
    }
    if (chosen_edge[c] >= 0) {
      const ScoredEdge& e = instance.graph.edges[chosen_edge[c]];
      outcome.placements.push_back(Placement{c, e.offer, e.score, e.travel_minutes,
                                             e.wish_rank, /*locked=*/false});
      continue;
    }
    const CandidateExclusions& ex = instance.graph.exclusions[c];
    UnmatchedCandidate u;
    u.candidate = c;
    u.eligible_offers = ex.eligible_offers;
    if (ex.eligible_offers == 0) {
      u.reason = UnmatchedReason::kNoEligibleOffer;
      u.top_constraint = TopExclusionReason(ex);
      u.text = NoEligibleText(ex, u.top_constraint);
    } else {
      u.reason = UnmatchedReason::kOutcompeted;
      u.text = ex.eligible_offers == 1
                   ? std::string(
                         "outcompeted: the seats of the one eligible offer went to "
                         "other candidates")
                   : absl::StrCat("outcompeted: the seats of all ", ex.eligible_offers,
                                  " eligible offers went to other candidates");
    }
    outcome.unmatched.push_back(std::move(u));
  }
  return outcome;
}

}  // namespace azubimatch::engine
