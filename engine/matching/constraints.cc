#include "engine/matching/constraints.h"

#include <cmath>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "engine/matching/language_names.h"
#include "engine/matching/pair_evaluation.h"

namespace azubimatch::engine {
namespace {

bool Has(ConstraintMask mask, ExclusionCode code) {
  return (mask & ConstraintBit(code)) != 0;
}

// Whole minutes, or one decimal when rounding would hide that the limit is exceeded.
std::string FormatMinutes(double minutes, double limit) {
  if (std::round(minutes) <= limit && minutes > limit) {
    return absl::StrFormat("%.1f", minutes);
  }
  return absl::StrFormat("%.0f", minutes);
}

std::string OccupationText(const OfferProfile& offer, const ScoringPolicy& policy) {
  std::string occupation = absl::StrCat("occupation ", offer.occupation.kldb_code);
  if (!offer.occupation.title.empty()) {
    absl::StrAppend(&occupation, " (", offer.occupation.title, ")");
  }
  if (!policy.allow_sector_match) {
    return absl::StrCat(occupation, " is not among the candidate's desired occupations");
  }
  return absl::StrFormat(
      "%s is not among the candidate's desired occupations and its sector %s is not "
      "among the desired sectors",
      occupation, SectorName(MatchingSector(offer)));
}

std::string SchoolTravelText(const CandidateProfile& candidate,
                             const VocationalSchool& school, double minutes) {
  const std::string_view mode = TravelModeName(candidate.travel_mode);
  const std::string place =
      school.municipality.empty() ? "Berufsschule"
                                  : absl::StrCat("Berufsschule in ", school.municipality);
  if (std::isinf(minutes) || std::isnan(minutes)) {
    return absl::StrFormat("%s cannot be reached by %s", place, mode);
  }
  return absl::StrFormat("%s: %s min, limit %g (%s)", place,
                         FormatMinutes(minutes, candidate.travel_limit_minutes),
                         candidate.travel_limit_minutes, mode);
}

std::string TravelText(const CandidateProfile& candidate, double travel_minutes) {
  const std::string_view mode = TravelModeName(candidate.travel_mode);
  if (std::isinf(travel_minutes) || std::isnan(travel_minutes)) {
    return absl::StrFormat("place of work cannot be reached by %s", mode);
  }
  return absl::StrFormat("travel time %s min exceeds limit of %g min (%s)",
                         FormatMinutes(travel_minutes, candidate.travel_limit_minutes),
                         candidate.travel_limit_minutes, mode);
}

}  // namespace

std::string_view ExclusionCodeName(ExclusionCode code) {
  switch (code) {
    case ExclusionCode::kOccupationNotWished:
      return "occupation_not_wished";
    case ExclusionCode::kLanguageBelowRequired:
      return "language_below_required";
    case ExclusionCode::kTravelTimeOverLimit:
      return "travel_time_over_limit";
    case ExclusionCode::kCertificateBelowMinimum:
      return "certificate_below_minimum";
    case ExclusionCode::kStartBeforeAvailable:
      return "start_before_available";
    case ExclusionCode::kOfferNotOpen:
      return "offer_not_open";
    case ExclusionCode::kNoFreeSeats:
      return "no_free_seats";
    case ExclusionCode::kBannedPair:
      return "banned_pair";
  }
  return "unknown";
}

std::vector<Exclusion> DescribeExclusions(const CandidateProfile& candidate,
                                          const OfferProfile& offer,
                                          const ScoringPolicy& policy,
                                          CommuteMinutes minutes, ConstraintMask failed) {
  std::vector<Exclusion> out;
  if (Has(failed, ExclusionCode::kOccupationNotWished)) {
    out.push_back({ExclusionCode::kOccupationNotWished, OccupationText(offer, policy)});
  }
  if (Has(failed, ExclusionCode::kLanguageBelowRequired)) {
    for (const LanguageSkill& required : offer.required_languages) {
      const CefrLevel have = LevelOf(candidate.languages, required.language);
      if (have >= required.level) continue;
      const std::string_view name = LanguageName(required.language);
      out.push_back(
          {ExclusionCode::kLanguageBelowRequired,
           have == CefrLevel::kNone
               ? absl::StrFormat("%s %s required, candidate does not speak it", name,
                                 CefrLevelName(required.level))
               : absl::StrFormat("%s %s required, candidate has %s", name,
                                 CefrLevelName(required.level), CefrLevelName(have))});
    }
  }
  if (Has(failed, ExclusionCode::kTravelTimeOverLimit)) {
    const double limit = candidate.travel_limit_minutes;
    const bool school_over = SchoolDaysPerWeek(offer) > 0 && !(minutes.school <= limit);
    // The place of work is named whenever it is out of reach, and also when nothing
    // else explains the failed constraint.
    if (!(minutes.work <= limit) || !school_over) {
      out.push_back(
          {ExclusionCode::kTravelTimeOverLimit, TravelText(candidate, minutes.work)});
    }
    if (school_over) {
      out.push_back({ExclusionCode::kTravelTimeOverLimit,
                     SchoolTravelText(candidate, *offer.vocational_school, minutes.school)});
    }
  }
  if (Has(failed, ExclusionCode::kCertificateBelowMinimum)) {
    out.push_back({ExclusionCode::kCertificateBelowMinimum,
                   absl::StrFormat("%s required, candidate has %s",
                                   SchoolCertificateName(offer.min_certificate),
                                   SchoolCertificateName(candidate.certificate))});
  }
  if (Has(failed, ExclusionCode::kStartBeforeAvailable)) {
    out.push_back({ExclusionCode::kStartBeforeAvailable,
                   absl::StrCat("training starts ", offer.start_date.ToString(),
                                ", candidate available from ",
                                candidate.available_from.ToString())});
  }
  if (Has(failed, ExclusionCode::kOfferNotOpen)) {
    out.push_back({ExclusionCode::kOfferNotOpen, "offer is not open for candidates"});
  }
  if (Has(failed, ExclusionCode::kNoFreeSeats)) {
    out.push_back({ExclusionCode::kNoFreeSeats, "offer has no free seat"});
  }
  if (Has(failed, ExclusionCode::kBannedPair)) {
    out.push_back({ExclusionCode::kBannedPair,
                   "pair is banned: it was rejected, or its placement ended early"});
  }
  return out;
}

}  // namespace azubimatch::engine
