#include "engine/matching/model.h"

#include <cmath>
#include <string>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/civil_time.h"
#include "engine/base/status_macros.h"

namespace azubimatch::engine {
namespace {

const absl::CivilDay kEpoch(1970, 1, 1);

absl::Status CheckPoint(const GeoPoint& point, absl::string_view field) {
  if (!std::isfinite(point.lat) || point.lat < -90.0 || point.lat > 90.0) {
    return absl::InvalidArgumentError(absl::StrCat(
        field, ".lat must be a finite number in [-90, 90], got ", point.lat));
  }
  if (!std::isfinite(point.lon) || point.lon < -180.0 || point.lon > 180.0) {
    return absl::InvalidArgumentError(absl::StrCat(
        field, ".lon must be a finite number in [-180, 180], got ", point.lon));
  }
  return absl::OkStatus();
}

absl::Status CheckLanguages(const std::vector<LanguageSkill>& skills,
                            absl::string_view field, bool require_level) {
  absl::flat_hash_set<std::string_view> seen;
  for (size_t i = 0; i < skills.size(); ++i) {
    const LanguageSkill& skill = skills[i];
    if (skill.language.empty()) {
      return absl::InvalidArgumentError(
          absl::StrCat(field, "[", i, "].language must not be empty"));
    }
    if (!seen.insert(skill.language).second) {
      return absl::InvalidArgumentError(absl::StrCat(
          field, "[", i, "].language '", skill.language, "' is listed twice"));
    }
    if (require_level && skill.level == CefrLevel::kNone) {
      return absl::InvalidArgumentError(
          absl::StrCat(field, "[", i, "].level must be A1..C2"));
    }
  }
  return absl::OkStatus();
}

}  // namespace

std::string_view SectorName(Sector sector) {
  switch (sector) {
    case Sector::kTrade:
      return "trade";
    case Sector::kCrafts:
      return "crafts";
    case Sector::kHospitality:
      return "hospitality";
    case Sector::kHealth:
      return "health";
    case Sector::kIndustry:
      return "industry";
    case Sector::kIt:
      return "IT";
    case Sector::kLogistics:
      return "logistics";
    case Sector::kServices:
      return "services";
    case Sector::kUnspecified:
      break;
  }
  return "unspecified";
}

std::string_view CefrLevelName(CefrLevel level) {
  switch (level) {
    case CefrLevel::kA1:
      return "A1";
    case CefrLevel::kA2:
      return "A2";
    case CefrLevel::kB1:
      return "B1";
    case CefrLevel::kB2:
      return "B2";
    case CefrLevel::kC1:
      return "C1";
    case CefrLevel::kC2:
      return "C2";
    case CefrLevel::kNone:
      break;
  }
  return "none";
}

std::string_view SchoolCertificateName(SchoolCertificate certificate) {
  switch (certificate) {
    case SchoolCertificate::kHauptschulabschluss:
      return "Hauptschulabschluss";
    case SchoolCertificate::kMittlererSchulabschluss:
      return "Mittlerer Schulabschluss";
    case SchoolCertificate::kFachhochschulreife:
      return "Fachhochschulreife";
    case SchoolCertificate::kAbitur:
      return "Abitur";
    case SchoolCertificate::kNone:
      break;
  }
  return "no certificate";
}

std::string_view TravelModeName(TravelMode mode) {
  switch (mode) {
    case TravelMode::kBicycle:
      return "bicycle";
    case TravelMode::kCar:
      return "car";
    case TravelMode::kPublicTransport:
      break;
  }
  return "public transport";
}

Date Date::FromYmd(int32_t year, int32_t month, int32_t day) {
  return Date{static_cast<int32_t>(absl::CivilDay(year, month, day) - kEpoch)};
}

std::string Date::ToString() const {
  const absl::CivilDay day = kEpoch + days_since_epoch;
  return absl::StrFormat("%04d-%02d-%02d", day.year(), day.month(), day.day());
}

CefrLevel LevelOf(const std::vector<LanguageSkill>& skills, std::string_view language) {
  for (const LanguageSkill& skill : skills) {
    if (skill.language == language) return skill.level;
  }
  return CefrLevel::kNone;
}

int32_t SchoolDaysPerWeek(const OfferProfile& offer) {
  if (!offer.vocational_school.has_value()) return 0;
  const int32_t days = offer.vocational_school->days_per_week;
  return days <= 0 ? 1 : (days > kTrainingDaysPerWeek ? kTrainingDaysPerWeek : days);
}

absl::Status ValidateCandidateProfile(const CandidateProfile& candidate,
                                      std::string_view field_prefix) {
  const absl::string_view prefix(field_prefix.data(), field_prefix.size());
  if (candidate.id.empty()) {
    return absl::InvalidArgumentError(absl::StrCat(prefix, ".id must not be empty"));
  }
  AZM_RETURN_IF_ERROR(CheckPoint(candidate.home, absl::StrCat(prefix, ".home")));
  if (!std::isfinite(candidate.travel_limit_minutes) ||
      candidate.travel_limit_minutes <= 0.0) {
    return absl::InvalidArgumentError(
        absl::StrCat(prefix, ".travel_limit_minutes must be positive, got ",
                     candidate.travel_limit_minutes));
  }
  for (size_t i = 0; i < candidate.desired_occupations.size(); ++i) {
    if (candidate.desired_occupations[i].kldb_code.empty()) {
      return absl::InvalidArgumentError(absl::StrCat(prefix, ".desired_occupations[", i,
                                                     "].kldb_code must not be empty"));
    }
  }
  return CheckLanguages(candidate.languages, absl::StrCat(prefix, ".languages"),
                        /*require_level=*/false);
}

absl::Status ValidateOfferProfile(const OfferProfile& offer,
                                  std::string_view field_prefix) {
  const absl::string_view prefix(field_prefix.data(), field_prefix.size());
  if (offer.id.empty()) {
    return absl::InvalidArgumentError(absl::StrCat(prefix, ".id must not be empty"));
  }
  AZM_RETURN_IF_ERROR(CheckPoint(offer.location, absl::StrCat(prefix, ".location")));
  if (offer.occupation.kldb_code.empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat(prefix, ".occupation.kldb_code must not be empty"));
  }
  if (offer.seats_free < 0) {
    return absl::InvalidArgumentError(
        absl::StrCat(prefix, ".seats_free must not be negative, got ", offer.seats_free));
  }
  if (offer.vocational_school.has_value()) {
    const VocationalSchool& school = *offer.vocational_school;
    AZM_RETURN_IF_ERROR(CheckPoint(school.location,
                                   absl::StrCat(prefix, ".vocational_school.location")));
    if (school.days_per_week < 0 || school.days_per_week > kTrainingDaysPerWeek) {
      return absl::InvalidArgumentError(
          absl::StrCat(prefix, ".vocational_school.days_per_week must be in 0..",
                       kTrainingDaysPerWeek, ", got ", school.days_per_week));
    }
  }
  return CheckLanguages(offer.required_languages,
                        absl::StrCat(prefix, ".required_languages"),
                        /*require_level=*/true);
}

}  // namespace azubimatch::engine
