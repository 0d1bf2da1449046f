// Conversion between the API's protos (azubimatch.v1) and the matching engine's plain
// types (engine/matching): registry records -> profiles, policy overrides -> policy,
// engine results -> response messages. The one place where the two vocabularies meet;
// nothing here scores or decides (engine/matching does), and nothing validates requests
// (request_validation.h does, before conversion).
//
// Mappings:
//   CefrLevel        UNSPECIFIED -> kNone; A1..C2 -> kA1..kC2
//   SchoolCertificate UNSPECIFIED and NONE -> kNone; HAUPTSCHULABSCHLUSS..ABITUR ->
//                    kHauptschulabschluss..kAbitur (an offer's UNSPECIFIED minimum is
//                    "no minimum")
//   TravelMode       PUBLIC_TRANSPORT, BICYCLE, CAR; UNSPECIFIED -> public transport
//   Sector           same names, same order
//   engine::ExclusionCode -> v1::ExclusionCode: occupation_not_wished -> OCCUPATION,
//                    language_below_required -> LANGUAGE, travel_time_over_limit ->
//                    TRAVEL_TIME, certificate_below_minimum -> CERTIFICATE,
//                    start_before_available -> START_DATE, offer_not_open and
//                    no_free_seats -> OFFER_CLOSED, banned_pair -> BANNED
//   Offer            open = status OPEN and its company not INACTIVE;
//                    seats_free = seats - seats_taken (never below 0); vocational_school
//                    (when set) with its municipality and school_days_per_week (0
//                    stays 0: the engine counts it as 1 day)
//
// Thread safety: pure functions. Complexity: O(size of the arguments).
#ifndef AZUBIMATCH_SERVICE_MATCHING_PROTO_CONVERSION_H_
#define AZUBIMATCH_SERVICE_MATCHING_PROTO_CONVERSION_H_

#include <string>
#include <vector>

#include "azubimatch/v1/common.pb.h"
#include "azubimatch/v1/matching.pb.h"
#include "azubimatch/v1/records.pb.h"
#include "engine/matching/assignment_outcome.h"
#include "engine/matching/assignment_run.h"
#include "engine/matching/constraints.h"
#include "engine/matching/metrics.h"
#include "engine/matching/model.h"
#include "engine/matching/scoring.h"
#include "engine/matching/scoring_policy.h"

namespace azubimatch::service {

// What an offer's profile needs from its company.
struct CompanyFacts {
  engine::Sector sector = engine::Sector::kUnspecified;
  std::vector<std::string> languages;  // ISO 639-1 codes spoken in the business
  bool active = true;                  // status not INACTIVE
};

engine::Date ToEngineDate(const v1::Date& date);
engine::CefrLevel ToEngineCefrLevel(v1::CefrLevel level);
engine::SchoolCertificate ToEngineCertificate(v1::SchoolCertificate certificate);
engine::TravelMode ToEngineTravelMode(v1::TravelMode mode);
engine::Sector ToEngineSector(v1::Sector sector);

CompanyFacts ToCompanyFacts(const v1::Company& company);
engine::CandidateProfile ToCandidateProfile(const v1::Candidate& candidate);
// `company` may be null (unknown company): then sector unspecified, no languages, open
// by the offer's status alone.
engine::OfferProfile ToOfferProfile(const v1::TrainingOffer& offer,
                                    const CompanyFacts* company);

// `base` with every field that `overrides` sets replaced.
// REQUIRES: the overrides passed request validation (CheckPolicyOverrides).
engine::ScoringPolicy ApplyPolicyOverrides(const engine::ScoringPolicy& base,
                                           const v1::ScoringPolicyOverrides& overrides);

// Every field of `policy` that ScoringPolicyOverrides can carry, all set (for storing
// the effective policy of a run).
v1::ScoringPolicyOverrides ToPolicyOverrides(const engine::ScoringPolicy& policy);

// REQUIRES: mode is OPTIMAL, STABLE or GREEDY.
engine::AssignMode ToEngineMode(v1::AssignMode mode);
v1::AssignMode ToProtoMode(engine::AssignMode mode);

v1::ExclusionCode ToExclusionCode(engine::ExclusionCode code);

// The explanation as the API returns it: every component with its text in words
// (component_text.h), every failed constraint with its code and sentence.
v1::Explanation ToProtoExplanation(const engine::CandidateProfile& candidate,
                                   const engine::OfferProfile& offer,
                                   const engine::ScoringPolicy& policy,
                                   const engine::Explanation& explanation);

// The components of `explanation` without texts (name, weight, value, contribution),
// appended to `out`: the compact form stored with run placements.
void AppendComponentValues(const engine::Explanation& explanation,
                           google::protobuf::RepeatedPtrField<v1::ScoreComponent>* out);

// The components of `explanation` with their texts, appended to `out`.
void AppendComponents(const engine::CandidateProfile& candidate,
                      const engine::OfferProfile& offer,
                      const engine::ScoringPolicy& policy,
                      const engine::Explanation& explanation,
                      google::protobuf::RepeatedPtrField<v1::ScoreComponent>* out);

// The metrics of a run. unmatched_reasons counts "outcompeted" and, for candidates
// without an eligible offer, the name of the constraint named for them (e.g.
// "travel_time_over_limit"), so that its values add up to the unmatched candidates.
v1::RunMetrics ToProtoMetrics(const engine::MatchingMetrics& metrics);

// An unmatched candidate of a run; `candidate_id` is the id behind the engine's index.
v1::UnmatchedCandidate ToProtoUnmatched(const engine::UnmatchedCandidate& unmatched,
                                        const std::string& candidate_id);

}  // namespace azubimatch::service

#endif  // AZUBIMATCH_SERVICE_MATCHING_PROTO_CONVERSION_H_
