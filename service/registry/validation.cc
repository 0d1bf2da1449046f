#include "service/registry/validation.h"

#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "azubimatch/v1/common.pb.h"
#include "engine/base/input_rules.h"
#include "service/registry/field_checks.h"

namespace azubimatch::service {
namespace {

// Field path building: Join("company", "name") == "company.name".
std::string Join(absl::string_view path, absl::string_view field) {
  return engine::FieldPath(path, field);
}
std::string At(absl::string_view path, int index) { return engine::IndexedField(path, index); }

// min_length 0 means optional, 1 required.
void CheckText(absl::string_view field, absl::string_view text, int min_length,
               int max_length, FieldViolations* v) {
  CheckTextField(field, text, /*required=*/min_length > 0, max_length, v);
}

bool AllDigits(absl::string_view text) {
  for (char c : text) {
    if (!absl::ascii_isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

template <typename IsValid>
void CheckEnum(absl::string_view field, int value, IsValid is_valid, bool required,
               FieldViolations* v) {
  if (!is_valid(value)) {
    v->Add(std::string(field), absl::StrCat("unknown value ", value));
  } else if (required && value == 0) {
    v->Add(std::string(field), "required");
  }
}

void CheckVersion(absl::string_view path, int64_t version, FieldViolations* v) {
  if (version < 0) v->Add(Join(path, "version"), "must not be negative");
}

void CheckExternalId(absl::string_view path, absl::string_view external_id, WriteMode mode,
                     FieldViolations* v) {
  const std::string field = Join(path, "external_id");
  if (external_id.empty()) {
    if (mode == WriteMode::kUpsert) v->Add(field, "required for an upsert");
    return;
  }
  CheckText(field, external_id, 1, kMaxExternalIdLength, v);
}

void CheckId(absl::string_view path, absl::string_view id, WriteMode mode,
             FieldViolations* v) {
  if (mode != WriteMode::kUpdate) return;
  CheckRecordIdField(Join(path, "id"), id, /*required=*/true, v);
}

void CheckLocation(absl::string_view field, bool present, const v1::Location& location,
                   FieldViolations* v) {
  if (!present) {
    v->Add(std::string(field), "required");
    return;
  }
  const double lat = location.latitude();
  const double lon = location.longitude();
  if (!std::isfinite(lat) || lat < -90.0 || lat > 90.0) {
    v->Add(Join(field, "latitude"), "must be a number in [-90, 90]");
  }
  if (!std::isfinite(lon) || lon < -180.0 || lon > 180.0) {
    v->Add(Join(field, "longitude"), "must be a number in [-180, 180]");
  }
  if (lat == 0.0 && lon == 0.0) {
    v->Add(Join(field, "latitude"), "coordinates 0, 0 are not set");
  }
  if (!location.postal_code().empty() &&
      (location.postal_code().size() != 5 || !AllDigits(location.postal_code()))) {
    v->Add(Join(field, "postal_code"), "must be 5 digits");
  }
  CheckText(Join(field, "municipality"), location.municipality(), 0, kMaxNameLength, v);
}

void CheckDate(absl::string_view field, bool present, const v1::Date& date,
               FieldViolations* v) {
  CheckDateField(field, present, date, /*required=*/true, v);
}

void CheckOccupation(absl::string_view field, const v1::Occupation& occupation,
                     FieldViolations* v) {
  CheckKldbField(Join(field, "kldb_code"), occupation.kldb_code(), v);
  CheckText(Join(field, "title"), occupation.title(), 0, kMaxNameLength, v);
  CheckEnum(Join(field, "sector"), occupation.sector(), v1::Sector_IsValid, false, v);
}

bool IsLanguageCode(absl::string_view code) {
  return code.size() == 2 && absl::ascii_islower(static_cast<unsigned char>(code[0])) &&
         absl::ascii_islower(static_cast<unsigned char>(code[1]));
}

void CheckLanguageCode(absl::string_view field, absl::string_view code, FieldViolations* v) {
  if (code.empty()) {
    v->Add(std::string(field), "required");
  } else if (!IsLanguageCode(code)) {
    v->Add(std::string(field), "must be an ISO 639-1 code of 2 lower-case letters");
  }
}

// A list of languages: at most kMaxLanguages, each an ISO 639-1 code, each at most once.
// `code_of(item)` is an item's code, `code_path(i)` the path of item i's code, and
// `check_rest(i, item)` checks the item's other fields.
template <typename Items, typename CodeOf, typename CodePath, typename CheckRest>
void CheckLanguageList(absl::string_view field, const Items& items, CodeOf code_of,
                       CodePath code_path, CheckRest check_rest, FieldViolations* v) {
  if (items.size() > kMaxLanguages) {
    v->Add(std::string(field), absl::StrCat("at most ", kMaxLanguages, " languages"));
    return;
  }
  absl::flat_hash_set<absl::string_view> seen;
  for (int i = 0; i < items.size(); ++i) {
    const std::string& code = code_of(items[i]);
    CheckLanguageCode(code_path(i), code, v);
    if (!code.empty() && !seen.insert(code).second) {
      v->Add(code_path(i), absl::StrCat("language \"", code, "\" listed twice"));
    }
    check_rest(i, items[i]);
  }
}

void CheckLanguageCodes(absl::string_view field,
                        const google::protobuf::RepeatedPtrField<std::string>& codes,
                        FieldViolations* v) {
  CheckLanguageList(
      field, codes, [](const std::string& code) -> const std::string& { return code; },
      [&](int i) { return At(field, i); }, [](int, const std::string&) {}, v);
}

// Language skills also need a known level.
void CheckLanguageSkills(absl::string_view field,
                         const google::protobuf::RepeatedPtrField<v1::LanguageSkill>& skills,
                         FieldViolations* v) {
  CheckLanguageList(
      field, skills,
      [](const v1::LanguageSkill& skill) -> const std::string& { return skill.language(); },
      [&](int i) { return Join(At(field, i), "language"); },
      [&](int i, const v1::LanguageSkill& skill) {
        CheckEnum(Join(At(field, i), "level"), skill.level(), v1::CefrLevel_IsValid, true, v);
      },
      v);
}

// Seconds of 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z (google.protobuf.Timestamp).
constexpr int64_t kMinTimestampSeconds = -62135596800;
constexpr int64_t kMaxTimestampSeconds = 253402300799;

void CheckTimestamp(absl::string_view field, const google::protobuf::Timestamp& ts,
                    FieldViolations* v) {
  if (ts.seconds() < kMinTimestampSeconds || ts.seconds() > kMaxTimestampSeconds ||
      ts.nanos() < 0 || ts.nanos() > 999999999) {
    v->Add(std::string(field), "not a valid timestamp");
  }
}

bool LessThan(const google::protobuf::Timestamp& a, const google::protobuf::Timestamp& b) {
  return a.seconds() < b.seconds() || (a.seconds() == b.seconds() && a.nanos() < b.nanos());
}

void CheckContact(absl::string_view field, const v1::ContactDetails& contact,
                  FieldViolations* v) {
  CheckText(Join(field, "name"), contact.name(), 0, kMaxNameLength, v);
  const std::string& email = contact.email();
  if (!email.empty()) {
    const std::string email_field = Join(field, "email");
    if (email.size() > static_cast<size_t>(kMaxEmailLength)) {
      v->Add(email_field, absl::StrCat("must have at most ", kMaxEmailLength, " characters"));
    } else if (email.find('@') == std::string::npos || email.front() == '@' ||
               email.back() == '@') {
      v->Add(email_field, "must be an address of the form name@domain");
    } else {
      CheckText(email_field, email, 1, kMaxEmailLength, v);
      if (email.find(' ') != std::string::npos) {
        v->Add(email_field, "must not contain spaces");
      }
    }
  }
  const std::string& phone = contact.phone();
  if (phone.size() > static_cast<size_t>(kMaxPhoneLength)) {
    v->Add(Join(field, "phone"), absl::StrCat("must have at most ", kMaxPhoneLength,
                                              " characters"));
  } else if (phone.find_first_not_of("0123456789 +-/()") != std::string::npos) {
    v->Add(Join(field, "phone"), "may hold only digits, spaces and + - / ( )");
  }
}

void CheckConsents(absl::string_view field,
                   const google::protobuf::RepeatedPtrField<v1::Consent>& consents,
                   FieldViolations* v) {
  if (consents.size() > kMaxConsents) {
    v->Add(std::string(field), absl::StrCat("at most ", kMaxConsents, " consents"));
    return;
  }
  absl::flat_hash_set<absl::string_view> seen;
  for (int i = 0; i < consents.size(); ++i) {
    const v1::Consent& consent = consents[i];
    const std::string item = At(field, i);
    CheckText(Join(item, "purpose"), consent.purpose(), 1, kMaxConsentPurposeLength, v);
    if (!consent.purpose().empty() && !seen.insert(consent.purpose()).second) {
      v->Add(Join(item, "purpose"),
             absl::StrCat("purpose \"", consent.purpose(), "\" listed twice"));
    }
    if (!consent.has_given_at()) {
      v->Add(Join(item, "given_at"), "required");
    } else {
      CheckTimestamp(Join(item, "given_at"), consent.given_at(), v);
    }
    if (consent.has_withdrawn_at()) {
      CheckTimestamp(Join(item, "withdrawn_at"), consent.withdrawn_at(), v);
      if (consent.has_given_at() && LessThan(consent.withdrawn_at(), consent.given_at())) {
        v->Add(Join(item, "withdrawn_at"), "must not be before given_at");
      }
    }
  }
}

}  // namespace

bool HoldsConsent(const v1::Candidate& candidate, absl::string_view purpose) {
  for (const v1::Consent& consent : candidate.consents()) {
    if (consent.purpose() == purpose && consent.has_given_at() &&
        !consent.has_withdrawn_at()) {
      return true;
    }
  }
  return false;
}

bool IsWellFormedRecordId(absl::string_view id) {
  if (id.size() != static_cast<size_t>(kRecordIdLength)) return false;
  for (char c : id) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z'))) return false;
  }
  return true;
}

absl::Status ValidateRecordId(absl::string_view id, absl::string_view field) {
  if (id.empty()) return InvalidField(std::string(field), "required");
  if (!IsWellFormedRecordId(id)) {
    return InvalidField(std::string(field), "must be 16 characters [0-9a-z]");
  }
  return absl::OkStatus();
}

absl::Status ValidateCompany(const v1::Company& company, WriteMode mode,
                             absl::string_view path) {
  FieldViolations v;
  CheckId(path, company.id(), mode, &v);
  CheckExternalId(path, company.external_id(), mode, &v);
  CheckText(Join(path, "name"), company.name(), 1, kMaxNameLength, &v);
  CheckEnum(Join(path, "sector"), company.sector(), v1::Sector_IsValid, true, &v);
  CheckLocation(Join(path, "location"), company.has_location(), company.location(), &v);
  CheckLanguageCodes(Join(path, "languages"), company.languages(), &v);
  CheckEnum(Join(path, "chamber"), company.chamber(), v1::Chamber_IsValid, false, &v);
  if (company.qualified_trainers() < 0 ||
      company.qualified_trainers() > kMaxQualifiedTrainers) {
    v.Add(Join(path, "qualified_trainers"),
          absl::StrCat("must be in 0..", kMaxQualifiedTrainers));
  }
  CheckContact(Join(path, "contact"), company.contact(), &v);
  CheckEnum(Join(path, "status"), company.status(), v1::CompanyStatus_IsValid, false, &v);
  CheckVersion(path, company.version(), &v);
  return v.ToStatus();
}

absl::Status ValidateOffer(const v1::TrainingOffer& offer, WriteMode mode,
                           absl::string_view path) {
  FieldViolations v;
  CheckId(path, offer.id(), mode, &v);
  CheckExternalId(path, offer.external_id(), mode, &v);
  if (offer.company_id().empty() && offer.company_external_id().empty()) {
    v.Add(Join(path, "company_id"), "required (or company_external_id)");
  } else if (!offer.company_id().empty() && !IsWellFormedRecordId(offer.company_id())) {
    v.Add(Join(path, "company_id"), "must be 16 characters [0-9a-z]");
  }
  if (!offer.company_external_id().empty()) {
    CheckText(Join(path, "company_external_id"), offer.company_external_id(), 1,
              kMaxExternalIdLength, &v);
  }
  if (!offer.has_occupation()) {
    v.Add(Join(path, "occupation"), "required");
  } else {
    CheckOccupation(Join(path, "occupation"), offer.occupation(), &v);
  }
  if (offer.seats() < 1 || offer.seats() > kMaxSeats) {
    v.Add(Join(path, "seats"), absl::StrCat("must be in 1..", kMaxSeats));
  }
  CheckDate(Join(path, "start_date"), offer.has_start_date(), offer.start_date(), &v);
  CheckLocation(Join(path, "location"), offer.has_location(), offer.location(), &v);
  CheckEnum(Join(path, "min_certificate"), offer.min_certificate(),
            v1::SchoolCertificate_IsValid, false, &v);
  CheckLanguageSkills(Join(path, "required_languages"), offer.required_languages(), &v);
  CheckEnum(Join(path, "status"), offer.status(), v1::OfferStatus_IsValid, false, &v);
  CheckText(Join(path, "title"), offer.title(), 0, kMaxNameLength, &v);
  if (offer.has_vocational_school()) {
    CheckLocation(Join(path, "vocational_school"), true, offer.vocational_school(), &v);
  }
  if (offer.school_days_per_week() < 0 ||
      offer.school_days_per_week() > kMaxSchoolDaysPerWeek) {
    v.Add(Join(path, "school_days_per_week"),
          absl::StrCat("must be in 0..", kMaxSchoolDaysPerWeek));
  } else if (offer.school_days_per_week() > 0 && !offer.has_vocational_school()) {
    v.Add(Join(path, "school_days_per_week"), "set without a vocational_school");
  }
  CheckVersion(path, offer.version(), &v);
  return v.ToStatus();
}

absl::Status ValidateCandidate(const v1::Candidate& candidate, WriteMode mode,
                               absl::string_view path) {
  FieldViolations v;
  CheckId(path, candidate.id(), mode, &v);
  CheckExternalId(path, candidate.external_id(), mode, &v);
  CheckText(Join(path, "display_name"), candidate.display_name(), 1, kMaxNameLength, &v);
  CheckLocation(Join(path, "home"), candidate.has_home(), candidate.home(), &v);
  if (candidate.travel_limit_minutes() < 1 ||
      candidate.travel_limit_minutes() > kMaxTravelLimitMinutes) {
    v.Add(Join(path, "travel_limit_minutes"),
          absl::StrCat("must be in 1..", kMaxTravelLimitMinutes));
  }
  CheckEnum(Join(path, "travel_mode"), candidate.travel_mode(), v1::TravelMode_IsValid,
            true, &v);

  const std::string occupations = Join(path, "desired_occupations");
  if (candidate.desired_occupations().empty()) {
    v.Add(occupations, "at least one occupation required");
  } else if (candidate.desired_occupations_size() > kMaxDesiredOccupations) {
    v.Add(occupations, absl::StrCat("at most ", kMaxDesiredOccupations, " occupations"));
  } else {
    absl::flat_hash_set<absl::string_view> seen;
    for (int i = 0; i < candidate.desired_occupations_size(); ++i) {
      const v1::Occupation& occupation = candidate.desired_occupations(i);
      CheckOccupation(At(occupations, i), occupation, &v);
      if (!occupation.kldb_code().empty() && !seen.insert(occupation.kldb_code()).second) {
        v.Add(Join(At(occupations, i), "kldb_code"),
              absl::StrCat("occupation ", occupation.kldb_code(), " listed twice"));
      }
    }
  }

  const std::string sectors = Join(path, "desired_sectors");
  absl::flat_hash_set<int> seen_sectors;
  for (int i = 0; i < candidate.desired_sectors_size(); ++i) {
    const int sector = candidate.desired_sectors(i);
    CheckEnum(At(sectors, i), sector, v1::Sector_IsValid, true, &v);
    if (!seen_sectors.insert(sector).second) {
      v.Add(At(sectors, i), "sector listed twice");
    }
  }

  CheckLanguageSkills(Join(path, "languages"), candidate.languages(), &v);
  CheckEnum(Join(path, "school_certificate"), candidate.school_certificate(),
            v1::SchoolCertificate_IsValid, true, &v);
  CheckDate(Join(path, "available_from"), candidate.has_available_from(),
            candidate.available_from(), &v);

  const std::string& country = candidate.country_of_origin();
  if (!country.empty()) {
    const std::string field = Join(path, "country_of_origin");
    if (country.size() != 2 || !absl::ascii_isupper(static_cast<unsigned char>(country[0])) ||
        !absl::ascii_isupper(static_cast<unsigned char>(country[1]))) {
      v.Add(field, "must be an ISO 3166-1 alpha-2 code of 2 upper-case letters");
    } else if (!HoldsConsent(candidate, kStatisticsConsentPurpose)) {
      v.Add(field, "kept only with a held \"statistics\" consent");
    }
  }
  CheckConsents(Join(path, "consents"), candidate.consents(), &v);
  CheckEnum(Join(path, "status"), candidate.status(), v1::CandidateStatus_IsValid, false,
            &v);
  if (candidate.birth_year() != 0 &&
      (candidate.birth_year() < 1900 || candidate.birth_year() > 2200)) {
    v.Add(Join(path, "birth_year"), "must be 0 (unset) or in 1900..2200");
  }
  CheckVersion(path, candidate.version(), &v);
  return v.ToStatus();
}

absl::Status ValidateListRequest(const v1::ListRecordsRequest& request, RecordKind kind) {
  FieldViolations v;
  if (request.page_size() < 0 || request.page_size() > 1000) {
    v.Add("page_size", "must be in 0..1000 (0 = default 100)");
  }
  if (!request.kldb_code().empty()) {
    if (kind == RecordKind::kCompany) {
      v.Add("kldb_code", "does not apply to companies");
    } else {
      CheckKldbField("kldb_code", request.kldb_code(), &v);
    }
  }
  CheckText("municipality", request.municipality(), 0, kMaxNameLength, &v);
  if (request.status() != 0) {
    bool known = false;
    switch (kind) {
      case RecordKind::kCompany: known = v1::CompanyStatus_IsValid(request.status()); break;
      case RecordKind::kOffer: known = v1::OfferStatus_IsValid(request.status()); break;
      case RecordKind::kCandidate:
        known = v1::CandidateStatus_IsValid(request.status());
        break;
    }
    if (!known) {
      v.Add("status", absl::StrCat("unknown ", RecordKindName(kind), " status ",
                                   request.status()));
    }
  }
  if (!request.company_id().empty()) {
    if (kind != RecordKind::kOffer) {
      v.Add("company_id", "applies to offers only");
    } else if (!IsWellFormedRecordId(request.company_id())) {
      v.Add("company_id", "must be 16 characters [0-9a-z]");
    }
  }
  CheckText("external_id", request.external_id(), 0, kMaxExternalIdLength, &v);
  return v.ToStatus();
}

}  // namespace azubimatch::service
