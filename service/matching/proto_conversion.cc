#include "service/matching/proto_conversion.h"

#include <algorithm>

#include "service/matching/component_text.h"

namespace azubimatch::service {

engine::Date ToEngineDate(const v1::Date& date) {
  return engine::Date::FromYmd(date.year(), date.month(), date.day());
}

engine::CefrLevel ToEngineCefrLevel(v1::CefrLevel level) {
  if (level < v1::CEFR_LEVEL_A1 || level > v1::CEFR_LEVEL_C2) return engine::CefrLevel::kNone;
  return static_cast<engine::CefrLevel>(level);
}

engine::SchoolCertificate ToEngineCertificate(v1::SchoolCertificate certificate) {
  if (certificate < v1::SCHOOL_CERTIFICATE_HAUPTSCHULABSCHLUSS ||
      certificate > v1::SCHOOL_CERTIFICATE_ABITUR) {
    return engine::SchoolCertificate::kNone;
  }
  return static_cast<engine::SchoolCertificate>(certificate - 1);
}

engine::TravelMode ToEngineTravelMode(v1::TravelMode mode) {
  switch (mode) {
    case v1::TRAVEL_MODE_BICYCLE:
      return engine::TravelMode::kBicycle;
    case v1::TRAVEL_MODE_CAR:
      return engine::TravelMode::kCar;
    default:
      return engine::TravelMode::kPublicTransport;
  }
}

engine::Sector ToEngineSector(v1::Sector sector) {
  if (sector < v1::SECTOR_TRADE || sector > v1::SECTOR_SERVICES) {
    return engine::Sector::kUnspecified;
  }
  return static_cast<engine::Sector>(sector);
}

namespace {

engine::GeoPoint ToGeoPoint(const v1::Location& location) {
  return engine::GeoPoint{location.latitude(), location.longitude()};
}

engine::Occupation ToEngineOccupation(const v1::Occupation& occupation) {
  return engine::Occupation{occupation.kldb_code(), ToEngineSector(occupation.sector()),
                            occupation.title()};
}

std::vector<engine::LanguageSkill> ToEngineSkills(
    const google::protobuf::RepeatedPtrField<v1::LanguageSkill>& skills) {
  std::vector<engine::LanguageSkill> out;
  out.reserve(skills.size());
  for (const v1::LanguageSkill& skill : skills) {
    out.push_back({skill.language(), ToEngineCefrLevel(skill.level())});
  }
  return out;
}

}  // namespace

CompanyFacts ToCompanyFacts(const v1::Company& company) {
  CompanyFacts facts;
  facts.sector = ToEngineSector(company.sector());
  facts.languages.assign(company.languages().begin(), company.languages().end());
  facts.active = company.status() != v1::COMPANY_STATUS_INACTIVE;
  return facts;
}

engine::CandidateProfile ToCandidateProfile(const v1::Candidate& candidate) {
  engine::CandidateProfile profile;
  profile.id = candidate.id();
  profile.home = ToGeoPoint(candidate.home());
  profile.travel_limit_minutes = candidate.travel_limit_minutes();
  profile.travel_mode = ToEngineTravelMode(candidate.travel_mode());
  profile.desired_occupations.reserve(candidate.desired_occupations_size());
  for (const v1::Occupation& occupation : candidate.desired_occupations()) {
    profile.desired_occupations.push_back(ToEngineOccupation(occupation));
  }
  for (int sector : candidate.desired_sectors()) {
    profile.desired_sectors.push_back(ToEngineSector(static_cast<v1::Sector>(sector)));
  }
  profile.languages = ToEngineSkills(candidate.languages());
  profile.certificate = ToEngineCertificate(candidate.school_certificate());
  profile.available_from = ToEngineDate(candidate.available_from());
  return profile;
}

engine::OfferProfile ToOfferProfile(const v1::TrainingOffer& offer,
                                    const CompanyFacts* company) {
  engine::OfferProfile profile;
  profile.id = offer.id();
  profile.company_id = offer.company_id();
  profile.occupation = ToEngineOccupation(offer.occupation());
  if (company != nullptr) {
    profile.company_sector = company->sector;
    profile.company_languages = company->languages;
  }
  profile.seats_free = std::max(0, offer.seats() - offer.seats_taken());
  profile.start_date = ToEngineDate(offer.start_date());
  profile.location = ToGeoPoint(offer.location());
  profile.min_certificate = ToEngineCertificate(offer.min_certificate());
  profile.required_languages = ToEngineSkills(offer.required_languages());
  profile.open = offer.status() == v1::OFFER_STATUS_OPEN &&
                 (company == nullptr || company->active);
  if (offer.has_vocational_school()) {
    profile.vocational_school = engine::VocationalSchool{
        ToGeoPoint(offer.vocational_school()), offer.vocational_school().municipality(),
        offer.school_days_per_week()};
  }
  return profile;
}

engine::ScoringPolicy ApplyPolicyOverrides(const engine::ScoringPolicy& base,
                                           const v1::ScoringPolicyOverrides& overrides) {
  engine::ScoringPolicy policy = base;
  if (overrides.has_occupation_weight()) {
    policy.occupation_weight = overrides.occupation_weight();
  }
  if (overrides.has_language_weight()) policy.language_weight = overrides.language_weight();
  if (overrides.has_commute_weight()) policy.commute_weight = overrides.commute_weight();
  if (overrides.has_certificate_weight()) {
    policy.certificate_weight = overrides.certificate_weight();
  }
  if (overrides.has_date_weight()) policy.date_weight = overrides.date_weight();
  if (overrides.has_allow_sector_match()) {
    policy.allow_sector_match = overrides.allow_sector_match();
  }
  if (overrides.has_certificate_is_hard()) {
    policy.certificate_is_hard = overrides.certificate_is_hard();
  }
  return policy;
}

v1::ScoringPolicyOverrides ToPolicyOverrides(const engine::ScoringPolicy& policy) {
  v1::ScoringPolicyOverrides out;
  out.set_occupation_weight(policy.occupation_weight);
  out.set_language_weight(policy.language_weight);
  out.set_commute_weight(policy.commute_weight);
  out.set_certificate_weight(policy.certificate_weight);
  out.set_date_weight(policy.date_weight);
  out.set_allow_sector_match(policy.allow_sector_match);
  out.set_certificate_is_hard(policy.certificate_is_hard);
  return out;
}

engine::AssignMode ToEngineMode(v1::AssignMode mode) {
  switch (mode) {
    case v1::ASSIGN_MODE_STABLE:
      return engine::AssignMode::kStable;
    case v1::ASSIGN_MODE_GREEDY:
      return engine::AssignMode::kGreedy;
    default:
      return engine::AssignMode::kOptimal;
  }
}

v1::AssignMode ToProtoMode(engine::AssignMode mode) {
  switch (mode) {
    case engine::AssignMode::kStable:
      return v1::ASSIGN_MODE_STABLE;
    case engine::AssignMode::kGreedy:
      return v1::ASSIGN_MODE_GREEDY;
    case engine::AssignMode::kOptimal:
      break;
  }
  return v1::ASSIGN_MODE_OPTIMAL;
}

v1::ExclusionCode ToExclusionCode(engine::ExclusionCode code) {
  switch (code) {
    case engine::ExclusionCode::kOccupationNotWished:
      return v1::EXCLUSION_CODE_OCCUPATION;
    case engine::ExclusionCode::kLanguageBelowRequired:
      return v1::EXCLUSION_CODE_LANGUAGE;
    case engine::ExclusionCode::kTravelTimeOverLimit:
      return v1::EXCLUSION_CODE_TRAVEL_TIME;
    case engine::ExclusionCode::kCertificateBelowMinimum:
      return v1::EXCLUSION_CODE_CERTIFICATE;
    case engine::ExclusionCode::kStartBeforeAvailable:
      return v1::EXCLUSION_CODE_START_DATE;
    case engine::ExclusionCode::kOfferNotOpen:
    case engine::ExclusionCode::kNoFreeSeats:
      return v1::EXCLUSION_CODE_OFFER_CLOSED;
    case engine::ExclusionCode::kBannedPair:
      return v1::EXCLUSION_CODE_BANNED;
  }
  return v1::EXCLUSION_CODE_UNSPECIFIED;
}

void AppendComponentValues(const engine::Explanation& explanation,
                           google::protobuf::RepeatedPtrField<v1::ScoreComponent>* out) {
  for (const engine::Component& component : explanation.components) {
    v1::ScoreComponent* proto = out->Add();
    proto->set_name(component.name);
    proto->set_weight(component.weight);
    proto->set_value(component.value);
    proto->set_contribution(component.contribution);
  }
}

void AppendComponents(const engine::CandidateProfile& candidate,
                      const engine::OfferProfile& offer, const engine::ScoringPolicy& policy,
                      const engine::Explanation& explanation,
                      google::protobuf::RepeatedPtrField<v1::ScoreComponent>* out) {
  const int first = out->size();
  AppendComponentValues(explanation, out);
  for (int i = first; i < out->size(); ++i) {
    out->Mutable(i)->set_text(DescribeComponent(static_cast<engine::ComponentId>(i - first),
                                                candidate, offer, policy, explanation));
  }
}

v1::Explanation ToProtoExplanation(const engine::CandidateProfile& candidate,
                                   const engine::OfferProfile& offer,
                                   const engine::ScoringPolicy& policy,
                                   const engine::Explanation& explanation) {
  v1::Explanation out;
  out.set_candidate_id(candidate.id);
  out.set_offer_id(offer.id);
  out.set_eligible(explanation.eligible);
  out.set_score(explanation.score);
  out.set_travel_minutes(explanation.travel_minutes);
  out.set_school_travel_minutes(explanation.school_travel_minutes);
  AppendComponents(candidate, offer, policy, explanation, out.mutable_components());
  for (const engine::Exclusion& exclusion : explanation.exclusions) {
    v1::Exclusion* reason = out.add_reasons();
    reason->set_code(ToExclusionCode(exclusion.code));
    reason->set_text(exclusion.text);
  }
  return out;
}

v1::RunMetrics ToProtoMetrics(const engine::MatchingMetrics& metrics) {
  v1::RunMetrics out;
  out.set_candidates(metrics.candidates);
  out.set_seats(metrics.seats);
  out.set_placed(metrics.placed);
  out.set_fill_rate(metrics.fill_rate);
  out.set_total_score(metrics.total_score);
  out.set_mean_score(metrics.mean_score);
  out.set_first_choice_share(metrics.first_choice_share);
  out.set_top3_share(metrics.top3_share);
  out.set_commute_median_min(metrics.commute_median_minutes);
  out.set_commute_p90_min(metrics.commute_p90_minutes);
  out.set_blocking_pairs(metrics.blocking_pairs);
  auto& reasons = *out.mutable_unmatched_reasons();
  if (metrics.unmatched_outcompeted > 0) {
    reasons[std::string(engine::UnmatchedReasonName(engine::UnmatchedReason::kOutcompeted))] =
        metrics.unmatched_outcompeted;
  }
  for (int i = 0; i < engine::kExclusionCodeCount; ++i) {
    if (metrics.unmatched_by_top_constraint[i] > 0) {
      reasons[std::string(engine::ExclusionCodeName(static_cast<engine::ExclusionCode>(i)))] =
          metrics.unmatched_by_top_constraint[i];
    }
  }
  return out;
}

v1::UnmatchedCandidate ToProtoUnmatched(const engine::UnmatchedCandidate& unmatched,
                                        const std::string& candidate_id) {
  v1::UnmatchedCandidate out;
  out.set_candidate_id(candidate_id);
  out.set_reason(std::string(engine::UnmatchedReasonName(unmatched.reason)));
  if (unmatched.reason == engine::UnmatchedReason::kNoEligibleOffer) {
    out.set_main_exclusion(ToExclusionCode(unmatched.top_constraint));
  }
  out.set_text(unmatched.text);
  return out;
}

}  // namespace azubimatch::service
