#include "engine/matching/scoring.h"

#include "engine/matching/pair_evaluation.h"

namespace azubimatch::engine {

Explanation Explain(const CandidateProfile& candidate, const OfferProfile& offer,
                    const ScoringPolicy& policy, const TravelTimeModel& travel,
                    bool banned) {
  const CommuteMinutes minutes = MinutesToOffer(travel, candidate, offer);
  const PairEvaluation e = EvaluatePair(candidate, offer, policy, minutes, banned);
  Explanation out;
  out.eligible = e.eligible();
  out.score = e.score;
  out.travel_minutes = e.travel_minutes;
  out.school_travel_minutes = e.school_travel_minutes;
  out.school_days = e.school_days;
  out.wish_rank = e.wish_rank;
  out.sector_rank = e.sector_rank;
  out.components.reserve(kComponentCount);
  for (int i = 0; i < kComponentCount; ++i) {
    out.components.push_back(
        Component{std::string(ComponentName(static_cast<ComponentId>(i))), e.weights[i],
                  e.values[i], e.contributions[i]});
  }
  out.exclusions = DescribeExclusions(candidate, offer, policy, minutes, e.failed);
  return out;
}

}  // namespace azubimatch::engine
