// Domain types of the matching engine: the plain values that the service layer
// converts registry records (protos) into before anything is scored or assigned.
//
// These are passive structs without invariants of their own; ValidateCandidateProfile
// and ValidateOfferProfile state what the engine expects and name the offending field.
// Ids are kept as strings so that explanations and results can name them.
//
// Thread safety: plain values; const access from any number of threads is safe.
// Complexity: every function here is O(size of its arguments).
#ifndef AZUBIMATCH_ENGINE_MATCHING_MODEL_H_
#define AZUBIMATCH_ENGINE_MATCHING_MODEL_H_

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"

namespace azubimatch::engine {

// Economic sector of an occupation or a company. Values mirror azubimatch.v1.Sector.
enum class Sector : int8_t {
  kUnspecified = 0,
  kTrade = 1,        // Handel
  kCrafts = 2,       // Handwerk
  kHospitality = 3,  // Gastgewerbe
  kHealth = 4,       // Gesundheit
  kIndustry = 5,     // Industrie
  kIt = 6,           // Informationstechnik
  kLogistics = 7,    // Logistik
  kServices = 8,     // Dienstleistungen
};

// Lower-case English name, e.g. "hospitality"; "unspecified" for kUnspecified.
std::string_view SectorName(Sector sector);

// CEFR level; kNone means the language is not spoken. A native speaker is kC2.
enum class CefrLevel : int8_t {
  kNone = 0,
  kA1 = 1,
  kA2 = 2,
  kB1 = 3,
  kB2 = 4,
  kC1 = 5,
  kC2 = 6
};

// "A1" .. "C2"; "none" for kNone.
std::string_view CefrLevelName(CefrLevel level);

// German school-leaving certificates, lowest to highest; comparable with < and >.
enum class SchoolCertificate : int8_t {
  kNone = 0,
  kHauptschulabschluss = 1,      // Erster Schulabschluss
  kMittlererSchulabschluss = 2,  // Realschulabschluss
  kFachhochschulreife = 3,
  kAbitur = 4,  // Allgemeine Hochschulreife
};

// German name, e.g. "Mittlerer Schulabschluss"; "no certificate" for kNone.
std::string_view SchoolCertificateName(SchoolCertificate certificate);

// How a candidate commutes.
enum class TravelMode : int8_t { kPublicTransport = 0, kBicycle = 1, kCar = 2 };
inline constexpr int kTravelModeCount = 3;

// "public transport", "bicycle" or "car".
std::string_view TravelModeName(TravelMode mode);

// A calendar day, stored as days since 1970-01-01 (negative before). Ordered.
struct Date {
  int32_t days_since_epoch = 0;

  // The day `year`-`month`-`day` in the proleptic Gregorian calendar. Out-of-range
  // months and days are normalised the way absl::CivilDay does (2025-02-30 is
  // 2025-03-02); the service validates dates before converting.
  static Date FromYmd(int32_t year, int32_t month, int32_t day);

  // "YYYY-MM-DD".
  std::string ToString() const;

  friend auto operator<=>(const Date&, const Date&) = default;
};

// WGS84 coordinates in degrees.
struct GeoPoint {
  double lat = 0.0;  // degrees north, -90..90
  double lon = 0.0;  // degrees east, -180..180

  friend bool operator==(const GeoPoint&, const GeoPoint&) = default;
};

// A recognised training occupation. Matching compares kldb_code only.
struct Occupation {
  std::string kldb_code;  // KldB 2010, 5 digits, e.g. "62102"
  Sector sector = Sector::kUnspecified;
  std::string title;  // optional, for explanations, e.g. "Kaufmann/-frau im Einzelhandel"
};

// A language (ISO 639-1, lower case, e.g. "de", "tr") and how well it is spoken.
struct LanguageSkill {
  std::string language;
  CefrLevel level = CefrLevel::kNone;
};

// Days of a training week; the days not spent at the vocational school are spent at
// the place of work.
inline constexpr int32_t kTrainingDaysPerWeek = 5;

// The vocational school (Berufsschule) an offer's apprentice attends, often in another
// town: its travel time counts against the candidate's limit like the place of work's,
// and the commute value weighs both by the days spent at each (pair_evaluation.h).
struct VocationalSchool {
  GeoPoint location;
  std::string municipality;  // for explanations, e.g. "Freiburg im Breisgau"; optional
  int32_t days_per_week = 1;  // 0..5; 0 counts as 1 (block teaching: weekly average)
};

// A training offer as matching sees it.
struct OfferProfile {
  std::string id;
  std::string company_id;  // optional
  Occupation occupation;
  Sector company_sector = Sector::kUnspecified;
  std::vector<std::string> company_languages;  // ISO 639-1 codes spoken in the business
  // Seats this offer may still fill. In an assignment run the seats of the run's locked
  // pairs are counted here too: each locked pair takes one of them.
  int32_t seats_free = 0;
  Date start_date;
  GeoPoint location;                                             // place of work
  SchoolCertificate min_certificate = SchoolCertificate::kNone;  // kNone: no minimum
  std::vector<LanguageSkill> required_languages;  // each language at most once
  bool open = true;                               // accepts candidates
  // Without a school, only the place of work counts for the commute.
  std::optional<VocationalSchool> vocational_school;
};

// Days per week at the offer's vocational school: 0 without one, else its
// days_per_week with 0 counting as 1, at most kTrainingDaysPerWeek.
int32_t SchoolDaysPerWeek(const OfferProfile& offer);

// A candidate as matching sees it.
struct CandidateProfile {
  std::string id;
  GeoPoint home;
  double travel_limit_minutes = 60.0;  // one way, > 0
  TravelMode travel_mode = TravelMode::kPublicTransport;
  std::vector<Occupation> desired_occupations;  // most wished first; matched by kldb_code
  std::vector<Sector> desired_sectors;          // most wished first; optional
  std::vector<LanguageSkill> languages;         // each language at most once
  SchoolCertificate certificate = SchoolCertificate::kNone;
  Date available_from;
};

// The level at which `skills` lists `language`; kNone when it is not listed.
CefrLevel LevelOf(const std::vector<LanguageSkill>& skills, std::string_view language);

// OK, or InvalidArgument naming the field (prefixed with `field_prefix`, e.g.
// "candidates[3]") when: the id is empty; coordinates are not finite or out of range;
// the travel limit is not a positive finite number; an occupation code is empty; a
// language code is empty or listed twice.
absl::Status ValidateCandidateProfile(const CandidateProfile& candidate,
                                      std::string_view field_prefix);

// OK, or InvalidArgument naming the field when: the id is empty; coordinates (of the
// place of work or the school) are not finite or out of range; the occupation code is
// empty; seats_free is negative; the school's days_per_week is outside 0..5; a
// required language is empty, listed twice, or required at level kNone.
absl::Status ValidateOfferProfile(const OfferProfile& offer,
                                  std::string_view field_prefix);

}  // namespace azubimatch::engine

#endif  // AZUBIMATCH_ENGINE_MATCHING_MODEL_H_
