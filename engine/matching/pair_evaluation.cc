#include "engine/matching/pair_evaluation.h"

#include <algorithm>
#include <cmath>

namespace azubimatch::engine {
namespace {

double Clamp01(double x) { return x > 0.0 ? (x < 1.0 ? x : 1.0) : 0.0; }

int Index(ComponentId id) { return static_cast<int>(id); }

double OccupationValue(const CandidateProfile& candidate, const OfferProfile& offer,
                       const ScoringPolicy& policy, PairEvaluation& e) {
  const auto& wishes = candidate.desired_occupations;
  for (size_t i = 0; i < wishes.size(); ++i) {
    if (wishes[i].kldb_code == offer.occupation.kldb_code) {
      e.wish_rank = static_cast<int32_t>(i);
      return Clamp01(std::pow(policy.occupation_rank_decay, e.wish_rank));
    }
  }
  if (policy.allow_sector_match) {
    const Sector sector = MatchingSector(offer);
    const auto& sectors = candidate.desired_sectors;
    for (size_t j = 0; sector != Sector::kUnspecified && j < sectors.size(); ++j) {
      if (sectors[j] == sector) {
        e.sector_rank = static_cast<int32_t>(j);
        return Clamp01(policy.sector_match_value *
                       std::pow(policy.occupation_rank_decay, e.sector_rank));
      }
    }
  }
  e.failed |= ConstraintBit(ReasonCode::kOccupationNotWished);
  return 0.0;
}

double LanguageValue(const CandidateProfile& candidate, const OfferProfile& offer,
                     const ScoringPolicy& policy, PairEvaluation& e) {
  double requirement_fit = 1.0;
  for (const LanguageSkill& required : offer.required_languages) {
    const int have = static_cast<int>(LevelOf(candidate.languages, required.language));
    const int need = static_cast<int>(required.level);
    if (have < need) {
      e.failed |= ConstraintBit(ReasonCode::kLanguageBelowRequired);
      requirement_fit = 0.0;
      continue;
    }
    requirement_fit =
        std::min(requirement_fit, Clamp01(policy.language_fit_at_minimum +
                                          policy.language_fit_per_level * (have - need)));
  }
  double shared = 0.0;
  for (const std::string& language : offer.company_languages) {
    if (language != policy.local_language &&
        LevelOf(candidate.languages, language) >= policy.shared_language_min_level) {
      shared = 1.0;
      break;
    }
  }
  return Clamp01((1.0 - policy.shared_language_share) * requirement_fit +
                 policy.shared_language_share * shared);
}

double CommuteValue(const CandidateProfile& candidate, PairEvaluation& e) {
  const double limit = candidate.travel_limit_minutes;
  if (!(e.travel_minutes <= limit)) {
    e.failed |= ConstraintBit(ReasonCode::kTravelTimeOverLimit);
    return 0.0;
  }
  return limit > 0.0 ? Clamp01(1.0 - e.travel_minutes / limit) : 0.0;
}

double CertificateValue(const CandidateProfile& candidate, const OfferProfile& offer,
                        const ScoringPolicy& policy, PairEvaluation& e) {
  const int missing =
      static_cast<int>(offer.min_certificate) - static_cast<int>(candidate.certificate);
  if (missing <= 0) return 1.0;
  if (policy.certificate_is_hard) {
    e.failed |= ConstraintBit(ReasonCode::kCertificateBelowMinimum);
    return 0.0;
  }
  return Clamp01(1.0 - missing * policy.certificate_deficit_penalty);
}

double StartDateValue(const CandidateProfile& candidate, const OfferProfile& offer,
                      const ScoringPolicy& policy, PairEvaluation& e) {
  const int64_t wait = int64_t{offer.start_date.days_since_epoch} -
                       int64_t{candidate.available_from.days_since_epoch};
  if (wait < 0) {
    e.failed |= ConstraintBit(ReasonCode::kStartBeforeAvailable);
    return 0.0;
  }
  if (wait <= policy.start_date_full_fit_days) return 1.0;
  return Clamp01(1.0 - static_cast<double>(wait - policy.start_date_full_fit_days) /
                           policy.start_date_decay_days);
}

}  // namespace

Sector MatchingSector(const OfferProfile& offer) {
  return offer.occupation.sector != Sector::kUnspecified ? offer.occupation.sector
                                                         : offer.company_sector;
}

PairEvaluation EvaluatePair(const CandidateProfile& candidate, const OfferProfile& offer,
                            const ScoringPolicy& policy, double travel_minutes,
                            bool banned) {
  PairEvaluation e;
  e.travel_minutes = travel_minutes;
  e.values[Index(ComponentId::kOccupation)] =
      OccupationValue(candidate, offer, policy, e);
  e.values[Index(ComponentId::kLanguage)] = LanguageValue(candidate, offer, policy, e);
  e.values[Index(ComponentId::kCommute)] = CommuteValue(candidate, e);
  e.values[Index(ComponentId::kCertificate)] =
      CertificateValue(candidate, offer, policy, e);
  e.values[Index(ComponentId::kStartDate)] = StartDateValue(candidate, offer, policy, e);
  if (!offer.open) e.failed |= ConstraintBit(ReasonCode::kOfferNotOpen);
  if (offer.seats_free <= 0) e.failed |= ConstraintBit(ReasonCode::kNoFreeSeats);
  if (banned) e.failed |= ConstraintBit(ReasonCode::kBannedPair);

  e.weights = NormalizedWeights(policy);
  double score = 0.0;
  for (int i = 0; i < kComponentCount; ++i) {
    e.contributions[i] = e.weights[i] * e.values[i];
    score += e.contributions[i];
  }
  e.score = score;
  return e;
}

}  // namespace azubimatch::engine
