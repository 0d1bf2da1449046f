// Explain: the score of one candidate–offer pair with every component, and every failed
// hard constraint in words. It is the single source of truth for scores: pair generation
// (eligible_pairs.h) and the assignment modes compute through the same EvaluateFacts
// (pair_evaluation.h), so their doubles equal Explain's exactly.
//
// The score is in [0, 1] and equals the sum of the components' contributions, added in
// the order they are listed (occupation, language, commute, certificate, start_date);
// see pair_evaluation.h for the formulas and scoring_policy.h for the weights. An
// ineligible pair still carries the score it would have; `eligible` is false and
// `exclusions` lists every failed constraint.
//
// Thread safety: pure function; the travel-time model must allow concurrent const calls.
// Complexity: one travel-time query (two with a vocational school) plus
// O(wishes + languages * requirements).
#ifndef AZUBIMATCH_ENGINE_MATCHING_SCORING_H_
#define AZUBIMATCH_ENGINE_MATCHING_SCORING_H_

#include <cstdint>
#include <string>
#include <vector>

#include "engine/matching/constraints.h"
#include "engine/matching/model.h"
#include "engine/matching/scoring_policy.h"
#include "engine/matching/travel_time.h"

namespace azubimatch::engine {

// One soft component of a score.
struct Component {
  std::string name;     // ComponentName: "occupation", "language", ...
  double weight;        // normalised weight; the weights add up to 1
  double value;         // in [0, 1]
  double contribution;  // weight * value
};

struct Explanation {
  bool eligible = false;
  double score = 0.0;  // sum of the contributions, in the order of `components`
  double travel_minutes = 0.0;  // to the place of work
  // To the offer's vocational school, and the days a week spent there; both 0 when the
  // offer names no school.
  double school_travel_minutes = 0.0;
  int32_t school_days = 0;
  int32_t wish_rank = -1;  // 0-based rank of the occupation among the wishes, -1 if none
  int32_t sector_rank = -1;  // rank among desired sectors for a sector-only match
  std::vector<Component> components;  // always all five, in ComponentId order
  std::vector<Exclusion> exclusions;  // every failed constraint; empty when eligible
};

// Explains the pair. `banned` says whether the pair is banned (a rejected placement).
// REQUIRES: ValidateScoringPolicy(policy).ok().
Explanation Explain(const CandidateProfile& candidate, const OfferProfile& offer,
                    const ScoringPolicy& policy, const TravelTimeModel& travel,
                    bool banned = false);

}  // namespace azubimatch::engine

#endif  // AZUBIMATCH_ENGINE_MATCHING_SCORING_H_
