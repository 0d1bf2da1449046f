// Hard constraints of matching: the reasons a candidate–offer pair is excluded, their
// codes, and the sentence each failed constraint is explained with.
//
// A pair is eligible exactly when no constraint fails. The constraints, with the code
// each reports:
//   kOccupationNotWished     the offer's occupation is not among the candidate's desired
//                            occupations (nor, with policy.allow_sector_match, its sector
//                            among the desired sectors)
//   kLanguageBelowRequired   a required language is spoken below its CEFR level (one
//                            Exclusion per such language)
//   kTravelTimeOverLimit     travel time to the place of work, or to the offer's
//                            vocational school, exceeds the candidate's limit (one
//                            Exclusion per place out of reach)
//   kCertificateBelowMinimum school certificate below the offer's minimum (only when
//                            policy.certificate_is_hard; otherwise a penalty in scoring)
//   kStartBeforeAvailable    the training starts before the candidate is available
//   kOfferNotOpen            the offer does not accept candidates
//   kNoFreeSeats             the offer has no free seat
//   kBannedPair              the pair was rejected before and is banned
//
// Thread safety: pure functions. Complexity: DescribeExclusions is O(languages).
#ifndef AZUBIMATCH_ENGINE_MATCHING_CONSTRAINTS_H_
#define AZUBIMATCH_ENGINE_MATCHING_CONSTRAINTS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "engine/matching/model.h"
#include "engine/matching/scoring_policy.h"
#include "engine/matching/travel_time.h"

namespace azubimatch::engine {

enum class ExclusionCode : int8_t {
  kOccupationNotWished = 0,
  kLanguageBelowRequired = 1,
  kTravelTimeOverLimit = 2,
  kCertificateBelowMinimum = 3,
  kStartBeforeAvailable = 4,
  kOfferNotOpen = 5,
  kNoFreeSeats = 6,
  kBannedPair = 7,
};
inline constexpr int kExclusionCodeCount = 8;

// Stable lower-case names for storage and the API: "occupation_not_wished",
// "language_below_required", "travel_time_over_limit", "certificate_below_minimum",
// "start_before_available", "offer_not_open", "no_free_seats", "banned_pair".
std::string_view ExclusionCodeName(ExclusionCode code);

// A set of failed constraints, bit i standing for ExclusionCode i.
using ConstraintMask = uint32_t;
constexpr ConstraintMask ConstraintBit(ExclusionCode code) {
  return ConstraintMask{1} << static_cast<int>(code);
}

// One failed constraint in words.
struct Exclusion {
  ExclusionCode code;
  std::string text;  // e.g. "German B1 required, candidate has A2"

  friend bool operator==(const Exclusion&, const Exclusion&) = default;
};

// The failed constraints in `failed`, in ExclusionCode order, one Exclusion each (one per
// unmet language requirement, in the offer's order; one for the place of work and one
// for the vocational school when each is out of reach, e.g. "Berufsschule in Freiburg
// im Breisgau: 140 min, limit 60 (public transport)"). `minutes` are the travel times
// the constraints were checked with.
std::vector<Exclusion> DescribeExclusions(const CandidateProfile& candidate,
                                          const OfferProfile& offer,
                                          const ScoringPolicy& policy,
                                          CommuteMinutes minutes, ConstraintMask failed);

}  // namespace azubimatch::engine

#endif  // AZUBIMATCH_ENGINE_MATCHING_CONSTRAINTS_H_
