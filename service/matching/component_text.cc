#include "service/matching/component_text.h"

#include <cmath>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/string_view.h"
#include "engine/matching/language_names.h"
#include "engine/matching/pair_evaluation.h"

namespace azubimatch::service {
namespace {

using engine::CandidateProfile;
using engine::OfferProfile;

std::string OccupationText(const CandidateProfile& candidate, const OfferProfile& offer,
                           const engine::Explanation& e) {
  if (e.wish_rank >= 0) {
    return absl::StrFormat("%s of %d wished occupations", Ordinal(e.wish_rank + 1),
                           candidate.desired_occupations.size());
  }
  if (e.sector_rank >= 0) {
    return absl::StrFormat("sector match: %s, %s of %d wished sectors",
                           engine::SectorName(engine::MatchingSector(offer)),
                           Ordinal(e.sector_rank + 1), candidate.desired_sectors.size());
  }
  return "not a wished occupation";
}

std::string LanguageText(const CandidateProfile& candidate, const OfferProfile& offer,
                         const engine::ScoringPolicy& policy) {
  std::vector<std::string> parts;
  for (const engine::LanguageSkill& required : offer.required_languages) {
    const engine::CefrLevel have = engine::LevelOf(candidate.languages, required.language);
    parts.push_back(absl::StrFormat(
        "%s %s required, candidate has %s", engine::LanguageName(required.language),
        engine::CefrLevelName(required.level),
        have == engine::CefrLevel::kNone ? "none" : engine::CefrLevelName(have)));
  }
  if (parts.empty()) parts.push_back("no language required");
  // Company languages other than the local one that the candidate speaks well enough
  // to earn the shared-language part of the value.
  std::vector<std::string> shared;
  for (const std::string& language : offer.company_languages) {
    if (language == policy.local_language) continue;
    if (engine::LevelOf(candidate.languages, language) >= policy.shared_language_min_level) {
      shared.emplace_back(engine::LanguageName(language));
    }
  }
  if (!shared.empty()) {
    parts.push_back(absl::StrCat("shares ", absl::StrJoin(shared, ", "), " with the company"));
  }
  return absl::StrJoin(parts, "; ");
}

std::string DaysText(int days) {
  return days == 1 ? "1 day a week" : absl::StrCat(days, " days a week");
}

std::string CommuteText(const CandidateProfile& candidate, const OfferProfile& offer,
                        const engine::Explanation& e) {
  const std::string mode(engine::TravelModeName(candidate.travel_mode));
  if (!std::isfinite(e.travel_minutes)) {
    return absl::StrFormat("cannot be reached by %s", mode);
  }
  if (e.school_days == 0 || !offer.vocational_school.has_value()) {
    return absl::StrFormat("%.0f min by %s, limit %g min", e.travel_minutes, mode,
                           candidate.travel_limit_minutes);
  }
  const std::string& town = offer.vocational_school->municipality;
  const std::string school =
      town.empty() ? "Berufsschule" : absl::StrCat("Berufsschule in ", town);
  const int work_days = engine::kTrainingDaysPerWeek - e.school_days;
  const std::string school_minutes =
      std::isfinite(e.school_travel_minutes)
          ? absl::StrFormat("%.0f min", e.school_travel_minutes)
          : std::string("unreachable");
  return absl::StrFormat(
      "place of work %.0f min (%s), %s %s (%s) by %s, limit %g min; %.0f min on an "
      "average day",
      e.travel_minutes, DaysText(work_days), school, school_minutes,
      DaysText(e.school_days), mode, candidate.travel_limit_minutes,
      engine::WeeklyMinutes({e.travel_minutes, e.school_travel_minutes}, e.school_days));
}

std::string CertificateText(const CandidateProfile& candidate, const OfferProfile& offer) {
  if (offer.min_certificate == engine::SchoolCertificate::kNone) {
    return "no minimum required";
  }
  return absl::StrFormat("%s, minimum %s%s",
                         engine::SchoolCertificateName(candidate.certificate),
                         engine::SchoolCertificateName(offer.min_certificate),
                         candidate.certificate < offer.min_certificate ? " (below)" : "");
}

}  // namespace

std::string Ordinal(int n) {
  const int last_two = n % 100;
  const int last = n % 10;
  const char* suffix = "th";
  if (last_two < 11 || last_two > 13) {
    if (last == 1) suffix = "st";
    if (last == 2) suffix = "nd";
    if (last == 3) suffix = "rd";
  }
  return absl::StrCat(n, suffix);
}

std::string DescribeComponent(engine::ComponentId id, const CandidateProfile& candidate,
                              const OfferProfile& offer, const engine::ScoringPolicy& policy,
                              const engine::Explanation& explanation) {
  switch (id) {
    case engine::ComponentId::kOccupation:
      return OccupationText(candidate, offer, explanation);
    case engine::ComponentId::kLanguage:
      return LanguageText(candidate, offer, policy);
    case engine::ComponentId::kCommute:
      return CommuteText(candidate, offer, explanation);
    case engine::ComponentId::kCertificate:
      return CertificateText(candidate, offer);
    case engine::ComponentId::kStartDate:
      return absl::StrCat("available from ", candidate.available_from.ToString(),
                          ", training starts ", offer.start_date.ToString());
  }
  return "";
}

}  // namespace azubimatch::service
