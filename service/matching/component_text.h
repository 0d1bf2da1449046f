// The score components of a pair in words, for explanations and suggestions:
//   occupation   "1st of 3 wished occupations" / "sector match: crafts, 2nd of 2 wished
//                sectors" / "not a wished occupation"
//   language     "German B1 required, candidate has B2; shares Turkish with the company"
//   commute      "34 min by public transport, limit 60 min" / with a vocational school
//                "place of work 20 min (3 days a week), Berufsschule in Ulm 70 min
//                (2 days a week) by public transport, limit 90 min; 40 min on an
//                average day"
//   certificate  "Abitur, minimum Mittlerer Schulabschluss" / "no minimum required"
//   start_date   "available from 2027-07-01, training starts 2027-08-01"
// The numbers themselves (weight, value, contribution) come from the engine; these texts
// only describe the inputs they were computed from.
//
// Thread safety: pure function. Complexity: O(wishes + languages * requirements).
#ifndef AZUBIMATCH_SERVICE_MATCHING_COMPONENT_TEXT_H_
#define AZUBIMATCH_SERVICE_MATCHING_COMPONENT_TEXT_H_

#include <string>

#include "engine/matching/model.h"
#include "engine/matching/scoring.h"
#include "engine/matching/scoring_policy.h"

namespace azubimatch::service {

std::string DescribeComponent(engine::ComponentId id,
                              const engine::CandidateProfile& candidate,
                              const engine::OfferProfile& offer,
                              const engine::ScoringPolicy& policy,
                              const engine::Explanation& explanation);

// "1st", "2nd", "3rd", "4th", ... for 1, 2, 3, 4, ...
std::string Ordinal(int n);

}  // namespace azubimatch::service

#endif  // AZUBIMATCH_SERVICE_MATCHING_COMPONENT_TEXT_H_
