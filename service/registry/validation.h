// Validation of registry records and requests: every field checked against the rules
// documented in proto/azubimatch/v1/{common,records,registry}.proto.
//
// Each Validate* function collects ALL violations (field_violations.h) and returns OK or
// one INVALID_ARGUMENT status naming the first offending field, with every
// (field path, description) pair in its BadRequest payload. Paths start with the name of
// the record in its request ("company", "offer", "candidate"), e.g.
// "candidate.languages[1].level".
//
// Rules common to every kind:
//   - text: valid UTF-8, no control characters, lengths counted in characters (code
//     points); names 1..200, titles and municipality at most 200.
//   - external_id: at most 128 characters, no control characters; required for upserts.
//   - id: on update exactly 16 characters [0-9a-z]; ignored on create and upsert.
//   - version: >= 0. Server-assigned fields (member_id, created_at, updated_at,
//     seats_taken) are not checked: the server overwrites them.
//   - enum fields: a value the enum declares; "required" enums must not be UNSPECIFIED.
//   - location (required where a record has one): latitude in [-90, 90], longitude in
//     [-180, 180], finite, and not both 0 (the proto3 default, i.e. coordinates never
//     set); postal_code empty or 5 digits; municipality at most 200 characters.
//     Coordinates outside Baden-Württemberg are ACCEPTED without warning: companies and
//     candidates near the borders (Hessen, Bavaria, Rhineland-Palatinate, Alsace,
//     Switzerland) take part in the network. Only implausible values are rejected.
//   - dates: year 1900..2200, month 1..12, day valid for the month (leap years counted).
//   - KldB 2010 codes: exactly 5 ASCII digits.
//   - languages: ISO 639-1 codes, exactly 2 lower-case ASCII letters; each language at
//     most once per list; a LanguageSkill's level is required.
//
// Thread safety: pure functions. Cost: O(size of the record) (duplicate checks use hash
// sets).
#ifndef AZUBIMATCH_SERVICE_REGISTRY_VALIDATION_H_
#define AZUBIMATCH_SERVICE_REGISTRY_VALIDATION_H_

#include <string_view>

#include "absl/strings/string_view.h"
#include "absl/status/status.h"
#include "azubimatch/v1/records.pb.h"
#include "azubimatch/v1/registry.pb.h"
#include "service/registry/field_violations.h"
#include "service/registry/record_kind.h"

namespace azubimatch::service {

// What a write does with a record; decides which identifying fields are required.
enum class WriteMode {
  kCreate,  // id ignored
  kUpdate,  // id required
  kUpsert,  // external_id required, id ignored
};

// Limits, shared with callers that want to pre-check input (e.g. importers).
inline constexpr int kMaxNameLength = 200;          // names, titles, municipality
inline constexpr int kMaxExternalIdLength = 128;
inline constexpr int kRecordIdLength = 16;
inline constexpr int kMaxSeats = 1000;
inline constexpr int kMaxSchoolDaysPerWeek = 5;      // an offer's days at the Berufsschule
inline constexpr int kMaxQualifiedTrainers = 1000;
inline constexpr int kMaxTravelLimitMinutes = 240;
inline constexpr int kMaxDesiredOccupations = 10;
inline constexpr int kMaxLanguages = 30;            // per list
inline constexpr int kMaxConsents = 20;
inline constexpr int kMaxConsentPurposeLength = 64;
inline constexpr int kMaxEmailLength = 254;
inline constexpr int kMaxPhoneLength = 40;

// The consent purpose under which country_of_origin may be kept.
inline constexpr absl::string_view kStatisticsConsentPurpose = "statistics";

// True when `candidate` holds a consent for `purpose`: given and not withdrawn.
bool HoldsConsent(const v1::Candidate& candidate, absl::string_view purpose);

// Company: name 1..200; sector required; location required; languages (ISO 639-1, each
// once); chamber and status known values; qualified_trainers 0..1000; contact: name at
// most 200, email at most 254 and containing '@' when set, phone at most 40 characters
// of digits, spaces and "+-/()".
absl::Status ValidateCompany(const v1::Company& company, WriteMode mode,
                             absl::string_view path = "company");

// TrainingOffer: company_id (16 characters [0-9a-z]) or company_external_id required;
// occupation required (kldb_code 5 digits, title at most 200, sector a known value);
// seats 1..1000; start_date required and valid; location required; min_certificate and
// status known values; required_languages each once with a level; title at most 200;
// vocational_school optional, checked as a location when set; school_days_per_week
// 0..5, and non-zero only with a vocational_school.
absl::Status ValidateOffer(const v1::TrainingOffer& offer, WriteMode mode,
                           absl::string_view path = "offer");

// Candidate: display_name 1..200; home required; travel_limit_minutes 1..240;
// travel_mode required; desired_occupations 1..10, each kldb_code once; desired_sectors
// known, specified, each once; languages each once with a level; school_certificate
// required; available_from required and valid; country_of_origin empty or 2 upper-case
// ASCII letters (ISO 3166-1 alpha-2), kept only with a held (not withdrawn) "statistics"
// consent; consents: purpose 1..64 characters, each purpose once, given_at required,
// withdrawn_at not before given_at; status a known value; birth_year 0 (unset) or
// 1900..2200.
absl::Status ValidateCandidate(const v1::Candidate& candidate, WriteMode mode,
                               absl::string_view path = "candidate");

// True when `id` has the form of a server-assigned record id: 16 characters [0-9a-z].
bool IsWellFormedRecordId(absl::string_view id);

// INVALID_ARGUMENT naming `field` when `id` is empty ("required") or not well formed.
absl::Status ValidateRecordId(absl::string_view id, absl::string_view field);

// The filters of a listing for `kind`: page_size 0..1000; kldb_code empty or 5 digits
// (offers and candidates only); status 0 or a value of the kind's status enum;
// company_id empty or a well-formed id (offers only); external_id at most 128
// characters; municipality at most 200. The page token is checked by the lister.
absl::Status ValidateListRequest(const v1::ListRecordsRequest& request, RecordKind kind);

}  // namespace azubimatch::service

#endif  // AZUBIMATCH_SERVICE_REGISTRY_VALIDATION_H_
