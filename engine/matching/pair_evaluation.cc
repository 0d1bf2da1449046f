#include "engine/matching/pair_evaluation.h"

#include <algorithm>
#include <cmath>
#include <string_view>

#include "absl/container/inlined_vector.h"

namespace azubimatch::engine {
namespace {

double Clamp01(double x) { return x > 0.0 ? (x < 1.0 ? x : 1.0) : 0.0; }

int Index(ComponentId id) { return static_cast<int>(id); }

CefrLevel LevelOfId(const CandidateFacts& candidate, int32_t language) {
  return language >= 0 && static_cast<size_t>(language) < candidate.levels.size()
             ? candidate.levels[language]
             : CefrLevel::kNone;
}

double ComputeWishValue(const ScoringPolicy& policy, int32_t rank) {
  return Clamp01(std::pow(policy.occupation_rank_decay, rank));
}

double ComputeSectorValue(const ScoringPolicy& policy, int32_t rank) {
  return Clamp01(policy.sector_match_value *
                 std::pow(policy.occupation_rank_decay, rank));
}

double OccupationValue(OccupationMatch match, const PreparedPolicy& prepared,
                       PairEvaluation& e) {
  e.wish_rank = match.wish_rank;
  e.sector_rank = match.sector_rank;
  if (match.wish_rank >= 0) return prepared.WishValue(match.wish_rank);
  if (match.sector_rank >= 0) return prepared.SectorValue(match.sector_rank);
  e.failed |= ConstraintBit(ExclusionCode::kOccupationNotWished);
  return 0.0;
}

double LanguageValue(const CandidateFacts& candidate, const OfferFacts& offer,
                     const ScoringPolicy& policy, PairEvaluation& e) {
  double requirement_fit = 1.0;
  for (const RequiredLanguage& required : offer.required) {
    const int have = static_cast<int>(LevelOfId(candidate, required.language));
    const int need = static_cast<int>(required.level);
    if (have < need) {
      e.failed |= ConstraintBit(ExclusionCode::kLanguageBelowRequired);
      requirement_fit = 0.0;
      continue;
    }
    requirement_fit = std::min(requirement_fit, RequirementFit(policy, have, need));
  }
  bool shared = false;
  for (int32_t language : offer.company_languages) {
    if (LevelOfId(candidate, language) >= policy.shared_language_min_level) {
      shared = true;
      break;
    }
  }
  return LanguageFit(policy, requirement_fit, shared);
}

double CommuteValue(const CandidateFacts& candidate, const OfferFacts& offer,
                    CommuteMinutes minutes, PairEvaluation& e) {
  const double limit = candidate.travel_limit_minutes;
  if (!WithinLimit(minutes, offer.school_days, limit)) {
    e.failed |= ConstraintBit(ExclusionCode::kTravelTimeOverLimit);
    return 0.0;
  }
  return CommuteFit(WeeklyMinutes(minutes, offer.school_days), limit);
}

double CertificateValue(const CandidateFacts& candidate, const OfferFacts& offer,
                        const ScoringPolicy& policy, PairEvaluation& e) {
  const int missing =
      static_cast<int>(offer.min_certificate) - static_cast<int>(candidate.certificate);
  if (missing > 0 && policy.certificate_is_hard) {
    e.failed |= ConstraintBit(ExclusionCode::kCertificateBelowMinimum);
    return 0.0;
  }
  return CertificateFit(policy, missing);
}

double StartDateValue(const CandidateFacts& candidate, const OfferFacts& offer,
                      const ScoringPolicy& policy, PairEvaluation& e) {
  const int64_t wait = int64_t{offer.start_day} - int64_t{candidate.available_day};
  if (wait < 0) {
    e.failed |= ConstraintBit(ExclusionCode::kStartBeforeAvailable);
    return 0.0;
  }
  return StartDateFit(policy, wait);
}

OfferFacts BasicFacts(const OfferProfile& offer) {
  OfferFacts facts;
  facts.start_day = offer.start_date.days_since_epoch;
  facts.seats_free = offer.seats_free;
  facts.min_certificate = offer.min_certificate;
  facts.open = offer.open;
  facts.school_days = SchoolDaysPerWeek(offer);
  if (facts.school_days > 0) facts.school = offer.vocational_school->location;
  return facts;
}

}  // namespace

double RequirementFit(const ScoringPolicy& policy, int have, int need) {
  return Clamp01(policy.language_fit_at_minimum +
                 policy.language_fit_per_level * (have - need));
}

double LanguageFit(const ScoringPolicy& policy, double requirement_fit, bool shared) {
  return Clamp01((1.0 - policy.shared_language_share) * requirement_fit +
                 policy.shared_language_share * (shared ? 1.0 : 0.0));
}

double CommuteFit(double minutes, double limit) {
  return limit > 0.0 ? Clamp01(1.0 - minutes / limit) : 0.0;
}

double WeeklyMinutes(CommuteMinutes minutes, int32_t school_days) {
  if (school_days <= 0) return minutes.work;
  return ((kTrainingDaysPerWeek - school_days) * minutes.work +
          school_days * minutes.school) /
         kTrainingDaysPerWeek;
}

bool WithinLimit(CommuteMinutes minutes, int32_t school_days, double limit) {
  return minutes.work <= limit && (school_days <= 0 || minutes.school <= limit);
}

double CertificateFit(const ScoringPolicy& policy, int missing) {
  if (missing <= 0) return 1.0;
  return Clamp01(1.0 - missing * policy.certificate_deficit_penalty);
}

double StartDateFit(const ScoringPolicy& policy, int64_t wait) {
  if (wait <= policy.start_date_full_fit_days) return 1.0;
  return Clamp01(1.0 - static_cast<double>(wait - policy.start_date_full_fit_days) /
                           policy.start_date_decay_days);
}

PairEvaluation EvaluateFacts(const CandidateFacts& candidate, const OfferFacts& offer,
                             OccupationMatch occupation, const PreparedPolicy& prepared,
                             CommuteMinutes minutes, bool banned) {
  const ScoringPolicy& policy = prepared.policy();
  PairEvaluation e;
  e.travel_minutes = minutes.work;
  if (offer.school_days > 0) {
    e.school_travel_minutes = minutes.school;
    e.school_days = offer.school_days;
  }
  e.values[Index(ComponentId::kOccupation)] = OccupationValue(occupation, prepared, e);
  e.values[Index(ComponentId::kLanguage)] = LanguageValue(candidate, offer, policy, e);
  e.values[Index(ComponentId::kCommute)] = CommuteValue(candidate, offer, minutes, e);
  e.values[Index(ComponentId::kCertificate)] =
      CertificateValue(candidate, offer, policy, e);
  e.values[Index(ComponentId::kStartDate)] = StartDateValue(candidate, offer, policy, e);
  if (!offer.open) e.failed |= ConstraintBit(ExclusionCode::kOfferNotOpen);
  if (offer.seats_free <= 0) e.failed |= ConstraintBit(ExclusionCode::kNoFreeSeats);
  if (banned) e.failed |= ConstraintBit(ExclusionCode::kBannedPair);

  e.weights = prepared.weights();
  double score = 0.0;
  for (int i = 0; i < kComponentCount; ++i) {
    e.contributions[i] = e.weights[i] * e.values[i];
    score += e.contributions[i];
  }
  e.score = score;
  return e;
}

PreparedPolicy::PreparedPolicy(const ScoringPolicy& policy, bool rank_tables)
    : policy_(policy), weights_(NormalizedWeights(policy)), tables_(rank_tables) {
  if (!tables_) return;
  for (int32_t r = 0; r < kRankTableSize; ++r) {
    wish_values_[r] = ComputeWishValue(policy, r);
    sector_values_[r] = ComputeSectorValue(policy, r);
  }
}

double PreparedPolicy::WishValue(int32_t rank) const {
  return tables_ && rank < kRankTableSize ? wish_values_[rank]
                                          : ComputeWishValue(policy_, rank);
}

double PreparedPolicy::SectorValue(int32_t rank) const {
  return tables_ && rank < kRankTableSize ? sector_values_[rank]
                                          : ComputeSectorValue(policy_, rank);
}

Sector MatchingSector(const OfferProfile& offer) {
  return offer.occupation.sector != Sector::kUnspecified ? offer.occupation.sector
                                                         : offer.company_sector;
}

OccupationMatch FindOccupationMatch(const CandidateProfile& candidate,
                                    const OfferProfile& offer,
                                    const ScoringPolicy& policy) {
  OccupationMatch match;
  const auto& wishes = candidate.desired_occupations;
  for (size_t i = 0; i < wishes.size(); ++i) {
    if (wishes[i].kldb_code == offer.occupation.kldb_code) {
      match.wish_rank = static_cast<int32_t>(i);
      return match;
    }
  }
  if (!policy.allow_sector_match) return match;
  const Sector sector = MatchingSector(offer);
  if (sector == Sector::kUnspecified) return match;
  const auto& sectors = candidate.desired_sectors;
  for (size_t j = 0; j < sectors.size(); ++j) {
    if (sectors[j] == sector) {
      match.sector_rank = static_cast<int32_t>(j);
      break;
    }
  }
  return match;
}

PairEvaluation EvaluatePair(const CandidateProfile& candidate, const OfferProfile& offer,
                            const ScoringPolicy& policy, CommuteMinutes minutes,
                            bool banned) {
  // Interns the offer's languages by linear search: a pair has only a handful.
  absl::InlinedVector<std::string_view, 8> ids;
  auto intern = [&ids](std::string_view language) {
    for (size_t i = 0; i < ids.size(); ++i) {
      if (ids[i] == language) return static_cast<int32_t>(i);
    }
    ids.push_back(language);
    return static_cast<int32_t>(ids.size() - 1);
  };
  absl::InlinedVector<RequiredLanguage, 4> required;
  for (const LanguageSkill& skill : offer.required_languages) {
    required.push_back(RequiredLanguage{intern(skill.language), skill.level});
  }
  absl::InlinedVector<int32_t, 4> company;
  for (const std::string& language : offer.company_languages) {
    if (language != policy.local_language) company.push_back(intern(language));
  }
  absl::InlinedVector<CefrLevel, 8> levels(ids.size(), CefrLevel::kNone);
  // In reverse, so that the first listing of a language wins.
  for (auto it = candidate.languages.rbegin(); it != candidate.languages.rend(); ++it) {
    for (size_t i = 0; i < ids.size(); ++i) {
      if (ids[i] == it->language) levels[i] = it->level;
    }
  }
  OfferFacts offer_facts = BasicFacts(offer);
  offer_facts.required = required;
  offer_facts.company_languages = company;
  const CandidateFacts candidate_facts{candidate.travel_limit_minutes,
                                       candidate.certificate,
                                       candidate.available_from.days_since_epoch, levels};
  return EvaluateFacts(candidate_facts, offer_facts,
                       FindOccupationMatch(candidate, offer, policy),
                       PreparedPolicy(policy), minutes, banned);
}

int32_t LanguageIds::Intern(const std::string& language) {
  return ids_.try_emplace(language, static_cast<int32_t>(ids_.size())).first->second;
}

void LanguageIds::FillLevels(const CandidateProfile& candidate,
                             std::vector<CefrLevel>& levels) const {
  levels.assign(ids_.size(), CefrLevel::kNone);
  for (auto it = candidate.languages.rbegin(); it != candidate.languages.rend(); ++it) {
    auto id = ids_.find(it->language);
    if (id != ids_.end()) levels[id->second] = it->level;
  }
}

OfferFactsTable::OfferFactsTable(absl::Span<const OfferProfile> offers,
                                 absl::Span<const int32_t> order,
                                 const ScoringPolicy& policy, LanguageIds& languages) {
  std::vector<std::pair<size_t, size_t>> required_range, company_range;
  required_range.reserve(order.size());
  company_range.reserve(order.size());
  for (int32_t o : order) {
    const OfferProfile& offer = offers[o];
    const size_t r = required_.size();
    for (const LanguageSkill& skill : offer.required_languages) {
      required_.push_back(
          RequiredLanguage{languages.Intern(skill.language), skill.level});
    }
    required_range.emplace_back(r, required_.size() - r);
    const size_t c = company_languages_.size();
    for (const std::string& language : offer.company_languages) {
      if (language != policy.local_language) {
        company_languages_.push_back(languages.Intern(language));
      }
    }
    company_range.emplace_back(c, company_languages_.size() - c);
  }
  facts_.reserve(order.size());
  for (size_t k = 0; k < order.size(); ++k) {
    OfferFacts facts = BasicFacts(offers[order[k]]);
    facts.required = absl::MakeConstSpan(required_).subspan(required_range[k].first,
                                                            required_range[k].second);
    facts.company_languages =
        absl::MakeConstSpan(company_languages_)
            .subspan(company_range[k].first, company_range[k].second);
    facts_.push_back(facts);
  }
}

}  // namespace azubimatch::engine
