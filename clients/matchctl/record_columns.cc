#include "clients/matchctl/record_columns.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "clients/matchctl/cell_values.h"
#include "clients/matchctl/enum_names.h"

namespace azubimatch::matchctl {
namespace {

using v1::Candidate;
using v1::Company;
using v1::Location;
using v1::TrainingOffer;

Company& AsCompany(ParsedRecord& r) { return *r.record.mutable_company(); }
TrainingOffer& AsOffer(ParsedRecord& r) { return *r.record.mutable_offer(); }
Candidate& AsCandidate(ParsedRecord& r) { return *r.record.mutable_candidate(); }

// A column whose cell is read by `parse` (text -> StatusOr<T>) and stored by
// `store` (ParsedRecord&, T).
template <class Parse, class Store>
RecordColumn Column(std::string name, std::string meaning, Parse parse, Store store) {
  return RecordColumn{
      std::move(name), std::move(meaning),
      [parse, store](absl::string_view cell, ParsedRecord& record) -> absl::Status {
        auto value = parse(cell);
        if (!value.ok()) return value.status();
        store(record, *std::move(value));
        return absl::OkStatus();
      }};
}

absl::StatusOr<std::string> Text(absl::string_view cell) {
  return std::string(absl::StripAsciiWhitespace(cell));
}

// Parses an enum of type `Enum` by short name.
template <class Enum>
auto EnumOf(const google::protobuf::EnumDescriptor* type) {
  return [type](absl::string_view cell) -> absl::StatusOr<Enum> {
    absl::StatusOr<int> number = ParseEnumName(type, cell);
    if (!number.ok()) return number.status();
    return static_cast<Enum>(*number);
  };
}

std::string EnumMeaning(const google::protobuf::EnumDescriptor* type) {
  return absl::StrCat("one of ", EnumShortNameList(type));
}

// latitude, longitude, postal_code, municipality (each name after `prefix`) of the
// Location `where` returns.
void AddLocationColumns(Location* (*where)(ParsedRecord&), absl::string_view what,
                        std::vector<RecordColumn>& columns, absl::string_view prefix = "") {
  columns.push_back(Column(
      absl::StrCat(prefix, "latitude"), absl::StrCat(what, ": degrees north, e.g. 48.7758"),
      ParseDecimalCell, [where](ParsedRecord& r, double v) { where(r)->set_latitude(v); }));
  columns.push_back(Column(
      absl::StrCat(prefix, "longitude"), absl::StrCat(what, ": degrees east, e.g. 9.1829"),
      ParseDecimalCell, [where](ParsedRecord& r, double v) { where(r)->set_longitude(v); }));
  columns.push_back(Column(absl::StrCat(prefix, "postal_code"),
                           absl::StrCat(what, ": 5-digit Postleitzahl"), Text,
                           [where](ParsedRecord& r, std::string v) {
                             where(r)->set_postal_code(std::move(v));
                           }));
  columns.push_back(Column(absl::StrCat(prefix, "municipality"),
                           absl::StrCat(what, ": municipality name, e.g. Stuttgart"),
                           Text, [where](ParsedRecord& r, std::string v) {
                             where(r)->set_municipality(std::move(v));
                           }));
}

std::vector<RecordColumn> CompanyColumns() {
  std::vector<RecordColumn> c;
  c.push_back(Column("external_id", "your own id of the company (upsert key)", Text,
                     [](ParsedRecord& r, std::string v) {
                       AsCompany(r).set_external_id(std::move(v));
                     }));
  c.push_back(Column("name", "company name", Text, [](ParsedRecord& r, std::string v) {
    AsCompany(r).set_name(std::move(v));
  }));
  c.push_back(Column("sector", EnumMeaning(v1::Sector_descriptor()),
                     EnumOf<v1::Sector>(v1::Sector_descriptor()),
                     [](ParsedRecord& r, v1::Sector v) { AsCompany(r).set_sector(v); }));
  AddLocationColumns([](ParsedRecord& r) { return AsCompany(r).mutable_location(); },
                     "location", c);
  c.push_back(Column("languages", "languages spoken in the business, e.g. de;tr",
                     ParseLanguageListCell,
                     [](ParsedRecord& r, std::vector<std::string> v) {
                       for (std::string& l : v) AsCompany(r).add_languages(std::move(l));
                     }));
  c.push_back(Column("may_train", "recognised to train: yes/no", ParseBoolCell,
                     [](ParsedRecord& r, bool v) { AsCompany(r).set_may_train(v); }));
  c.push_back(
      Column("chamber", EnumMeaning(v1::Chamber_descriptor()),
             EnumOf<v1::Chamber>(v1::Chamber_descriptor()),
             [](ParsedRecord& r, v1::Chamber v) { AsCompany(r).set_chamber(v); }));
  c.push_back(
      Column("qualified_trainers", "whole number", ParseInt32Cell,
             [](ParsedRecord& r, int32_t v) { AsCompany(r).set_qualified_trainers(v); }));
  c.push_back(
      Column("contact_name", "contact person", Text, [](ParsedRecord& r, std::string v) {
        AsCompany(r).mutable_contact()->set_name(std::move(v));
      }));
  c.push_back(
      Column("contact_email", "contact e-mail", Text, [](ParsedRecord& r, std::string v) {
        AsCompany(r).mutable_contact()->set_email(std::move(v));
      }));
  c.push_back(
      Column("contact_phone", "contact phone", Text, [](ParsedRecord& r, std::string v) {
        AsCompany(r).mutable_contact()->set_phone(std::move(v));
      }));
  c.push_back(
      Column("status", EnumMeaning(v1::CompanyStatus_descriptor()),
             EnumOf<v1::CompanyStatus>(v1::CompanyStatus_descriptor()),
             [](ParsedRecord& r, v1::CompanyStatus v) { AsCompany(r).set_status(v); }));
  return c;
}

std::vector<RecordColumn> OfferColumns() {
  std::vector<RecordColumn> c;
  c.push_back(Column(
      "external_id", "your own id of the offer (upsert key)", Text,
      [](ParsedRecord& r, std::string v) { AsOffer(r).set_external_id(std::move(v)); }));
  c.push_back(Column(
      "company_id", "the company's id in the registry", Text,
      [](ParsedRecord& r, std::string v) { AsOffer(r).set_company_id(std::move(v)); }));
  c.push_back(Column("company_external_id",
                     "or: the company's external_id (the server looks it up)", Text,
                     [](ParsedRecord& r, std::string v) {
                       AsOffer(r).set_company_external_id(std::move(v));
                     }));
  c.push_back(Column("kldb_code", "KldB 2010 occupation code, 5 digits, e.g. 62102", Text,
                     [](ParsedRecord& r, std::string v) {
                       AsOffer(r).mutable_occupation()->set_kldb_code(std::move(v));
                     }));
  c.push_back(Column("occupation_title", "e.g. Kaufmann/-frau im Einzelhandel", Text,
                     [](ParsedRecord& r, std::string v) {
                       AsOffer(r).mutable_occupation()->set_title(std::move(v));
                     }));
  c.push_back(Column("sector", EnumMeaning(v1::Sector_descriptor()),
                     EnumOf<v1::Sector>(v1::Sector_descriptor()),
                     [](ParsedRecord& r, v1::Sector v) {
                       AsOffer(r).mutable_occupation()->set_sector(v);
                     }));
  c.push_back(Column("seats", "whole number", ParseInt32Cell,
                     [](ParsedRecord& r, int32_t v) { AsOffer(r).set_seats(v); }));
  c.push_back(Column("start_date", "YYYY-MM-DD or DD.MM.YYYY", ParseDateCell,
                     [](ParsedRecord& r, v1::Date v) {
                       *AsOffer(r).mutable_start_date() = std::move(v);
                     }));
  AddLocationColumns([](ParsedRecord& r) { return AsOffer(r).mutable_location(); },
                     "place of work", c);
  c.push_back(Column("min_certificate", EnumMeaning(v1::SchoolCertificate_descriptor()),
                     EnumOf<v1::SchoolCertificate>(v1::SchoolCertificate_descriptor()),
                     [](ParsedRecord& r, v1::SchoolCertificate v) {
                       AsOffer(r).set_min_certificate(v);
                     }));
  c.push_back(Column("required_languages", "language:level list, e.g. de:B1;tr:A2",
                     ParseLanguageSkillsCell,
                     [](ParsedRecord& r, std::vector<v1::LanguageSkill> v) {
                       for (auto& s : v)
                         *AsOffer(r).add_required_languages() = std::move(s);
                     }));
  c.push_back(
      Column("title", "free text title of the offer", Text,
             [](ParsedRecord& r, std::string v) { AsOffer(r).set_title(std::move(v)); }));
  c.push_back(
      Column("status", EnumMeaning(v1::OfferStatus_descriptor()),
             EnumOf<v1::OfferStatus>(v1::OfferStatus_descriptor()),
             [](ParsedRecord& r, v1::OfferStatus v) { AsOffer(r).set_status(v); }));
  AddLocationColumns(
      [](ParsedRecord& r) { return AsOffer(r).mutable_vocational_school(); },
      "vocational school (Berufsschule)", c, "school_");
  c.push_back(Column("school_days_per_week", "days at the vocational school, 0..5",
                     ParseInt32Cell, [](ParsedRecord& r, int32_t v) {
                       AsOffer(r).set_school_days_per_week(v);
                     }));
  return c;
}

std::vector<RecordColumn> CandidateColumns() {
  std::vector<RecordColumn> c;
  c.push_back(Column("external_id", "your own id of the candidate (upsert key)", Text,
                     [](ParsedRecord& r, std::string v) {
                       AsCandidate(r).set_external_id(std::move(v));
                     }));
  c.push_back(Column("display_name", "pseudonym or first name", Text,
                     [](ParsedRecord& r, std::string v) {
                       AsCandidate(r).set_display_name(std::move(v));
                     }));
  AddLocationColumns([](ParsedRecord& r) { return AsCandidate(r).mutable_home(); },
                     "home", c);
  c.push_back(Column(
      "travel_limit_minutes", "whole number of minutes one way", ParseInt32Cell,
      [](ParsedRecord& r, int32_t v) { AsCandidate(r).set_travel_limit_minutes(v); }));
  c.push_back(Column(
      "travel_mode", EnumMeaning(v1::TravelMode_descriptor()),
      EnumOf<v1::TravelMode>(v1::TravelMode_descriptor()),
      [](ParsedRecord& r, v1::TravelMode v) { AsCandidate(r).set_travel_mode(v); }));
  c.push_back(Column("desired_occupations",
                     "kldb[|title[|sector]] list in order of preference, e.g. "
                     "62102|Kaufmann/-frau im Einzelhandel|trade;29302",
                     ParseOccupationsCell,
                     [](ParsedRecord& r, std::vector<v1::Occupation> v) {
                       for (auto& o : v)
                         *AsCandidate(r).add_desired_occupations() = std::move(o);
                     }));
  c.push_back(Column("desired_sectors",
                     "sector list in order of preference, e.g. trade;it",
                     ParseSectorsCell, [](ParsedRecord& r, std::vector<v1::Sector> v) {
                       for (v1::Sector s : v) AsCandidate(r).add_desired_sectors(s);
                     }));
  c.push_back(Column("languages", "language:level list, e.g. de:B1;tr:C2",
                     ParseLanguageSkillsCell,
                     [](ParsedRecord& r, std::vector<v1::LanguageSkill> v) {
                       for (auto& s : v) *AsCandidate(r).add_languages() = std::move(s);
                     }));
  c.push_back(Column("school_certificate",
                     EnumMeaning(v1::SchoolCertificate_descriptor()),
                     EnumOf<v1::SchoolCertificate>(v1::SchoolCertificate_descriptor()),
                     [](ParsedRecord& r, v1::SchoolCertificate v) {
                       AsCandidate(r).set_school_certificate(v);
                     }));
  c.push_back(Column("available_from", "YYYY-MM-DD or DD.MM.YYYY", ParseDateCell,
                     [](ParsedRecord& r, v1::Date v) {
                       *AsCandidate(r).mutable_available_from() = std::move(v);
                     }));
  c.push_back(
      Column("birth_year", "whole number, e.g. 2007", ParseInt32Cell,
             [](ParsedRecord& r, int32_t v) { AsCandidate(r).set_birth_year(v); }));
  c.push_back(Column("country_of_origin", "ISO 3166-1 alpha-2, kept only with consent",
                     Text, [](ParsedRecord& r, std::string v) {
                       AsCandidate(r).set_country_of_origin(absl::AsciiStrToUpper(v));
                     }));
  c.push_back(Column("consents",
                     "purpose[@YYYY-MM-DD] list, e.g. matching;statistics@2024-05-01",
                     ParseConsentsCell, [](ParsedRecord& r, std::vector<v1::Consent> v) {
                       for (auto& x : v) *AsCandidate(r).add_consents() = std::move(x);
                     }));
  c.push_back(Column(
      "status", EnumMeaning(v1::CandidateStatus_descriptor()),
      EnumOf<v1::CandidateStatus>(v1::CandidateStatus_descriptor()),
      [](ParsedRecord& r, v1::CandidateStatus v) { AsCandidate(r).set_status(v); }));
  return c;
}

std::string NormalizeColumnName(absl::string_view name) {
  std::string out = absl::AsciiStrToLower(absl::StripAsciiWhitespace(name));
  for (char& ch : out) {
    if (ch == '-') ch = '_';
  }
  return out;
}

}  // namespace

const std::vector<RecordColumn>& RecordColumns(RecordKind kind) {
  static const auto* const kCompany = new std::vector<RecordColumn>(CompanyColumns());
  static const auto* const kOffer = new std::vector<RecordColumn>(OfferColumns());
  static const auto* const kCandidate = new std::vector<RecordColumn>(CandidateColumns());
  switch (kind) {
    case RecordKind::kCompany:
      return *kCompany;
    case RecordKind::kOffer:
      return *kOffer;
    case RecordKind::kCandidate:
      return *kCandidate;
  }
  return *kCompany;
}

const RecordColumn* FindRecordColumn(RecordKind kind, absl::string_view name) {
  const std::string wanted = NormalizeColumnName(name);
  for (const RecordColumn& column : RecordColumns(kind)) {
    if (column.name == wanted) return &column;
  }
  return nullptr;
}

absl::Status ApplyCell(const RecordColumn& column, absl::string_view cell,
                       ParsedRecord& record) {
  if (absl::StripAsciiWhitespace(cell).empty()) return absl::OkStatus();
  const absl::Status status = column.set(cell, record);
  if (status.ok()) return status;
  return absl::InvalidArgumentError(absl::StrCat(column.name, ": ", status.message()));
}

ParsedRecord NewRecord(RecordKind kind) {
  ParsedRecord record;
  switch (kind) {
    case RecordKind::kCompany:
      record.record.mutable_company();
      break;
    case RecordKind::kOffer:
      record.record.mutable_offer();
      break;
    case RecordKind::kCandidate:
      record.record.mutable_candidate();
      break;
  }
  return record;
}

const google::protobuf::Message* RecordMessage(const v1::ImportRequest& request) {
  switch (request.record_case()) {
    case v1::ImportRequest::kCompany:
      return &request.company();
    case v1::ImportRequest::kOffer:
      return &request.offer();
    case v1::ImportRequest::kCandidate:
      return &request.candidate();
    case v1::ImportRequest::RECORD_NOT_SET:
      break;
  }
  return nullptr;
}

google::protobuf::Message* MutableRecordMessage(v1::ImportRequest& request) {
  switch (request.record_case()) {
    case v1::ImportRequest::kCompany:
      return request.mutable_company();
    case v1::ImportRequest::kOffer:
      return request.mutable_offer();
    case v1::ImportRequest::kCandidate:
      return request.mutable_candidate();
    case v1::ImportRequest::RECORD_NOT_SET:
      break;
  }
  return nullptr;
}

absl::StatusOr<ParsedRecord> RecordFromCells(
    RecordKind kind, const std::vector<std::pair<std::string, std::string>>& cells) {
  ParsedRecord record = NewRecord(kind);
  for (const auto& [name, value] : cells) {
    const RecordColumn* column = FindRecordColumn(kind, name);
    if (column == nullptr) {
      return absl::InvalidArgumentError(
          absl::StrCat("unknown ", KindSingular(kind), " column \"", name, "\""));
    }
    const absl::Status status = ApplyCell(*column, value, record);
    if (!status.ok()) return status;
  }
  return record;
}

}  // namespace azubimatch::matchctl
