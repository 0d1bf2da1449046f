// Every validation rule of service/registry/validation.h, one test per rule: the record
// breaks exactly one rule, and the status is INVALID_ARGUMENT naming exactly that field.
#include "service/registry/validation.h"

#include <cmath>
#include <functional>
#include <limits>
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "service/registry/field_violations.h"
#include "tests/service/registry/sample_records.h"
#include "tests/service/registry/validation_test_support.h"

namespace azubimatch::service {
namespace {

using ::testing::ElementsAre;
using ::testing::Field;
using ::testing::HasSubstr;

// ---------------------------------------------------------------- Company

using CompanyCase = RuleCase<v1::Company>;
class CompanyRuleTest : public testing::TestWithParam<CompanyCase> {};

TEST_P(CompanyRuleTest, NamesTheViolatedField) {
  v1::Company company = SampleCompany("portal-1");
  GetParam().mutate(company);
  ExpectSingleViolation(ValidateCompany(company, GetParam().mode), GetParam().field);
}

INSTANTIATE_TEST_SUITE_P(
    Rules, CompanyRuleTest,
    testing::Values(
        CompanyCase{"SampleIsValid", [](v1::Company&) {}, ""},
        CompanyCase{"NameEmpty", [](v1::Company& c) { c.clear_name(); }, "company.name"},
        CompanyCase{"NameOf200CharactersIsValid",
                    [](v1::Company& c) { c.set_name(std::string(200, 'x')); }, ""},
        CompanyCase{"NameOf201Characters",
                    [](v1::Company& c) { c.set_name(std::string(201, 'x')); },
                    "company.name"},
        CompanyCase{"NameLengthCountsCharactersNotBytes",
                    [](v1::Company& c) {
                      std::string name;
                      for (int i = 0; i < 200; ++i) name += "ü";  // 400 bytes
                      c.set_name(name);
                    },
                    ""},
        CompanyCase{"NameWithNewline", [](v1::Company& c) { c.set_name("A\nB"); },
                    "company.name"},
        CompanyCase{"NameInvalidUtf8", [](v1::Company& c) { c.set_name("Caf\xC3"); },
                    "company.name"},
        CompanyCase{"SectorUnspecified",
                    [](v1::Company& c) { c.set_sector(v1::SECTOR_UNSPECIFIED); },
                    "company.sector"},
        CompanyCase{"SectorUnknownValue",
                    [](v1::Company& c) { c.set_sector(static_cast<v1::Sector>(42)); },
                    "company.sector"},
        CompanyCase{"LocationMissing", [](v1::Company& c) { c.clear_location(); },
                    "company.location"},
        CompanyCase{"LatitudeAbove90",
                    [](v1::Company& c) { c.mutable_location()->set_latitude(90.5); },
                    "company.location.latitude"},
        CompanyCase{"LatitudeNotANumber",
                    [](v1::Company& c) { c.mutable_location()->set_latitude(std::nan("")); },
                    "company.location.latitude"},
        CompanyCase{"LongitudeBelowMinus180",
                    [](v1::Company& c) { c.mutable_location()->set_longitude(-180.5); },
                    "company.location.longitude"},
        CompanyCase{"LongitudeInfinite",
                    [](v1::Company& c) {
                      c.mutable_location()->set_longitude(
                          std::numeric_limits<double>::infinity());
                    },
                    "company.location.longitude"},
        CompanyCase{"CoordinatesBothZeroAreUnset",
                    [](v1::Company& c) {
                      c.mutable_location()->set_latitude(0);
                      c.mutable_location()->set_longitude(0);
                    },
                    "company.location.latitude"},
        CompanyCase{"OutsideBadenWuerttembergIsAccepted",
                    [](v1::Company& c) {  // Strasbourg, across the Rhine
                      c.mutable_location()->set_latitude(48.5734);
                      c.mutable_location()->set_longitude(7.7521);
                    },
                    ""},
        CompanyCase{"PostalCodeOf4Digits",
                    [](v1::Company& c) { c.mutable_location()->set_postal_code("7017"); },
                    "company.location.postal_code"},
        CompanyCase{"PostalCodeWithLetters",
                    [](v1::Company& c) { c.mutable_location()->set_postal_code("7O173"); },
                    "company.location.postal_code"},
        CompanyCase{"PostalCodeMayBeEmpty",
                    [](v1::Company& c) { c.mutable_location()->clear_postal_code(); }, ""},
        CompanyCase{"MunicipalityOf201Characters",
                    [](v1::Company& c) {
                      c.mutable_location()->set_municipality(std::string(201, 'm'));
                    },
                    "company.location.municipality"},
        CompanyCase{"LanguageUpperCase", [](v1::Company& c) { c.set_languages(0, "DE"); },
                    "company.languages[0]"},
        CompanyCase{"LanguageOfThreeLetters",
                    [](v1::Company& c) { c.set_languages(1, "tur"); },
                    "company.languages[1]"},
        CompanyCase{"LanguageTwice", [](v1::Company& c) { c.add_languages("de"); },
                    "company.languages[2]"},
        CompanyCase{"ChamberUnknownValue",
                    [](v1::Company& c) { c.set_chamber(static_cast<v1::Chamber>(9)); },
                    "company.chamber"},
        CompanyCase{"QualifiedTrainersNegative",
                    [](v1::Company& c) { c.set_qualified_trainers(-1); },
                    "company.qualified_trainers"},
        CompanyCase{"QualifiedTrainersAbove1000",
                    [](v1::Company& c) { c.set_qualified_trainers(1001); },
                    "company.qualified_trainers"},
        CompanyCase{"ContactNameOf201Characters",
                    [](v1::Company& c) {
                      c.mutable_contact()->set_name(std::string(201, 'n'));
                    },
                    "company.contact.name"},
        CompanyCase{"ContactEmailWithoutAt",
                    [](v1::Company& c) { c.mutable_contact()->set_email("yilmaz.example"); },
                    "company.contact.email"},
        CompanyCase{"ContactEmailOf255Characters",
                    [](v1::Company& c) {
                      c.mutable_contact()->set_email(std::string(245, 'a') + "@x.example");
                    },
                    "company.contact.email"},
        CompanyCase{"ContactPhoneWithLetters",
                    [](v1::Company& c) { c.mutable_contact()->set_phone("0711 CALL ME"); },
                    "company.contact.phone"},
        CompanyCase{"ContactPhoneOf41Characters",
                    [](v1::Company& c) {
                      c.mutable_contact()->set_phone(std::string(41, '1'));
                    },
                    "company.contact.phone"},
        CompanyCase{"StatusUnknownValue",
                    [](v1::Company& c) { c.set_status(static_cast<v1::CompanyStatus>(7)); },
                    "company.status"},
        CompanyCase{"ExternalIdOf129Characters",
                    [](v1::Company& c) { c.set_external_id(std::string(129, 'e')); },
                    "company.external_id"},
        CompanyCase{"ExternalIdWithControlCharacter",
                    [](v1::Company& c) { c.set_external_id(std::string("a\0b", 3)); },
                    "company.external_id"},
        CompanyCase{"VersionNegative", [](v1::Company& c) { c.set_version(-1); },
                    "company.version"},
        CompanyCase{"IdIgnoredOnCreate", [](v1::Company& c) { c.set_id("not an id"); }, ""},
        CompanyCase{"IdRequiredOnUpdate", [](v1::Company& c) { c.clear_id(); },
                    "company.id", WriteMode::kUpdate},
        CompanyCase{"IdMalformedOnUpdate",
                    [](v1::Company& c) { c.set_id("0123456789ABCDEF"); }, "company.id",
                    WriteMode::kUpdate},
        CompanyCase{"IdWellFormedOnUpdate", [](v1::Company& c) { c.set_id(kCompanyId); },
                    "", WriteMode::kUpdate},
        CompanyCase{"ExternalIdRequiredOnUpsert",
                    [](v1::Company& c) { c.clear_external_id(); }, "company.external_id",
                    WriteMode::kUpsert}),
    CaseName<v1::Company>);

// ---------------------------------------------------------------- TrainingOffer

using OfferCase = RuleCase<v1::TrainingOffer>;
class OfferRuleTest : public testing::TestWithParam<OfferCase> {};

TEST_P(OfferRuleTest, NamesTheViolatedField) {
  v1::TrainingOffer offer = SampleOffer(kCompanyId, "offer-1");
  GetParam().mutate(offer);
  ExpectSingleViolation(ValidateOffer(offer, GetParam().mode), GetParam().field);
}

INSTANTIATE_TEST_SUITE_P(
    Rules, OfferRuleTest,
    testing::Values(
        OfferCase{"SampleIsValid", [](v1::TrainingOffer&) {}, ""},
        OfferCase{"CompanyIdMissing", [](v1::TrainingOffer& o) { o.clear_company_id(); },
                  "offer.company_id"},
        OfferCase{"CompanyIdMalformed",
                  [](v1::TrainingOffer& o) { o.set_company_id("company-1"); },
                  "offer.company_id"},
        OfferCase{"CompanyExternalIdInsteadOfCompanyId",
                  [](v1::TrainingOffer& o) {
                    o.clear_company_id();
                    o.set_company_external_id("portal-1");
                  },
                  ""},
        OfferCase{"OccupationMissing",
                  [](v1::TrainingOffer& o) { o.clear_occupation(); }, "offer.occupation"},
        OfferCase{"KldbCodeEmpty",
                  [](v1::TrainingOffer& o) { o.mutable_occupation()->clear_kldb_code(); },
                  "offer.occupation.kldb_code"},
        OfferCase{"KldbCodeOf4Digits",
                  [](v1::TrainingOffer& o) {
                    o.mutable_occupation()->set_kldb_code("6210");
                  },
                  "offer.occupation.kldb_code"},
        OfferCase{"KldbCodeOf6Digits",
                  [](v1::TrainingOffer& o) {
                    o.mutable_occupation()->set_kldb_code("621020");
                  },
                  "offer.occupation.kldb_code"},
        OfferCase{"KldbCodeWithLetter",
                  [](v1::TrainingOffer& o) {
                    o.mutable_occupation()->set_kldb_code("6210x");
                  },
                  "offer.occupation.kldb_code"},
        OfferCase{"OccupationTitleOf201Characters",
                  [](v1::TrainingOffer& o) {
                    o.mutable_occupation()->set_title(std::string(201, 't'));
                  },
                  "offer.occupation.title"},
        OfferCase{"OccupationSectorUnknownValue",
                  [](v1::TrainingOffer& o) {
                    o.mutable_occupation()->set_sector(static_cast<v1::Sector>(-3));
                  },
                  "offer.occupation.sector"},
        OfferCase{"SeatsZero", [](v1::TrainingOffer& o) { o.set_seats(0); },
                  "offer.seats"},
        OfferCase{"SeatsOneIsValid", [](v1::TrainingOffer& o) { o.set_seats(1); }, ""},
        OfferCase{"Seats1000IsValid", [](v1::TrainingOffer& o) { o.set_seats(1000); }, ""},
        OfferCase{"Seats1001", [](v1::TrainingOffer& o) { o.set_seats(1001); },
                  "offer.seats"},
        OfferCase{"SeatsTakenIgnored", [](v1::TrainingOffer& o) { o.set_seats_taken(-5); },
                  ""},
        OfferCase{"StartDateMissing",
                  [](v1::TrainingOffer& o) { o.clear_start_date(); }, "offer.start_date"},
        OfferCase{"StartDateMonth13",
                  [](v1::TrainingOffer& o) { o.mutable_start_date()->set_month(13); },
                  "offer.start_date.month"},
        OfferCase{"StartDateSeptember31",
                  [](v1::TrainingOffer& o) { o.mutable_start_date()->set_day(31); },
                  "offer.start_date.day"},
        OfferCase{"StartDateFebruary29InCommonYear",
                  [](v1::TrainingOffer& o) {
                    o.mutable_start_date()->set_month(2);
                    o.mutable_start_date()->set_day(29);
                  },
                  "offer.start_date.day"},
        OfferCase{"StartDateFebruary29InLeapYearIsValid",
                  [](v1::TrainingOffer& o) {
                    o.mutable_start_date()->set_year(2028);
                    o.mutable_start_date()->set_month(2);
                    o.mutable_start_date()->set_day(29);
                  },
                  ""},
        OfferCase{"StartDateYear1899",
                  [](v1::TrainingOffer& o) { o.mutable_start_date()->set_year(1899); },
                  "offer.start_date.year"},
        OfferCase{"LocationMissing", [](v1::TrainingOffer& o) { o.clear_location(); },
                  "offer.location"},
        OfferCase{"LocationLatitudeBelowMinus90",
                  [](v1::TrainingOffer& o) { o.mutable_location()->set_latitude(-90.01); },
                  "offer.location.latitude"},
        OfferCase{"MinCertificateUnknownValue",
                  [](v1::TrainingOffer& o) {
                    o.set_min_certificate(static_cast<v1::SchoolCertificate>(6));
                  },
                  "offer.min_certificate"},
        OfferCase{"RequiredLanguageWithoutLevel",
                  [](v1::TrainingOffer& o) {
                    o.mutable_required_languages(0)->set_level(v1::CEFR_LEVEL_UNSPECIFIED);
                  },
                  "offer.required_languages[0].level"},
        OfferCase{"RequiredLanguageLevelUnknownValue",
                  [](v1::TrainingOffer& o) {
                    o.mutable_required_languages(0)->set_level(
                        static_cast<v1::CefrLevel>(7));
                  },
                  "offer.required_languages[0].level"},
        OfferCase{"RequiredLanguageNotIsoCode",
                  [](v1::TrainingOffer& o) {
                    o.mutable_required_languages(0)->set_language("Deutsch");
                  },
                  "offer.required_languages[0].language"},
        OfferCase{"RequiredLanguageTwice",
                  [](v1::TrainingOffer& o) {
                    v1::LanguageSkill* again = o.add_required_languages();
                    again->set_language("de");
                    again->set_level(v1::CEFR_LEVEL_B2);
                  },
                  "offer.required_languages[1].language"},
        OfferCase{"StatusUnknownValue",
                  [](v1::TrainingOffer& o) {
                    o.set_status(static_cast<v1::OfferStatus>(4));
                  },
                  "offer.status"},
        OfferCase{"TitleOf201Characters",
                  [](v1::TrainingOffer& o) { o.set_title(std::string(201, 'x')); },
                  "offer.title"},
        OfferCase{"ExternalIdRequiredOnUpsert",
                  [](v1::TrainingOffer& o) { o.clear_external_id(); },
                  "offer.external_id", WriteMode::kUpsert}),
    CaseName<v1::TrainingOffer>);

// ---------------------------------------------------------------- Candidate

google::protobuf::Timestamp At(int64_t seconds) {
  google::protobuf::Timestamp ts;
  ts.set_seconds(seconds);
  return ts;
}

void AddConsent(v1::Candidate& c, const std::string& purpose) {
  v1::Consent* consent = c.add_consents();
  consent->set_purpose(purpose);
  *consent->mutable_given_at() = At(1700000000);
}

using CandidateCase = RuleCase<v1::Candidate>;
class CandidateRuleTest : public testing::TestWithParam<CandidateCase> {};

TEST_P(CandidateRuleTest, NamesTheViolatedField) {
  v1::Candidate candidate = SampleCandidate("cand-1");
  GetParam().mutate(candidate);
  ExpectSingleViolation(ValidateCandidate(candidate, GetParam().mode), GetParam().field);
}

INSTANTIATE_TEST_SUITE_P(
    Rules, CandidateRuleTest,
    testing::Values(
        CandidateCase{"SampleIsValid", [](v1::Candidate&) {}, ""},
        CandidateCase{"DisplayNameEmpty",
                      [](v1::Candidate& c) { c.clear_display_name(); },
                      "candidate.display_name"},
        CandidateCase{"DisplayNameOf201Characters",
                      [](v1::Candidate& c) { c.set_display_name(std::string(201, 'k')); },
                      "candidate.display_name"},
        CandidateCase{"HomeMissing", [](v1::Candidate& c) { c.clear_home(); },
                      "candidate.home"},
        CandidateCase{"HomeLongitudeAbove180",
                      [](v1::Candidate& c) { c.mutable_home()->set_longitude(181); },
                      "candidate.home.longitude"},
        CandidateCase{"TravelLimitZero",
                      [](v1::Candidate& c) { c.set_travel_limit_minutes(0); },
                      "candidate.travel_limit_minutes"},
        CandidateCase{"TravelLimitOneIsValid",
                      [](v1::Candidate& c) { c.set_travel_limit_minutes(1); }, ""},
        CandidateCase{"TravelLimit240IsValid",
                      [](v1::Candidate& c) { c.set_travel_limit_minutes(240); }, ""},
        CandidateCase{"TravelLimit241",
                      [](v1::Candidate& c) { c.set_travel_limit_minutes(241); },
                      "candidate.travel_limit_minutes"},
        CandidateCase{"TravelModeUnspecified",
                      [](v1::Candidate& c) {
                        c.set_travel_mode(v1::TRAVEL_MODE_UNSPECIFIED);
                      },
                      "candidate.travel_mode"},
        CandidateCase{"TravelModeUnknownValue",
                      [](v1::Candidate& c) {
                        c.set_travel_mode(static_cast<v1::TravelMode>(4));
                      },
                      "candidate.travel_mode"},
        CandidateCase{"DesiredOccupationsEmpty",
                      [](v1::Candidate& c) { c.clear_desired_occupations(); },
                      "candidate.desired_occupations"},
        CandidateCase{"DesiredOccupationsMoreThan10",
                      [](v1::Candidate& c) {
                        c.clear_desired_occupations();
                        for (int i = 0; i < 11; ++i) {
                          c.add_desired_occupations()->set_kldb_code(
                              std::to_string(10000 + i));
                        }
                      },
                      "candidate.desired_occupations"},
        CandidateCase{"DesiredOccupationKldbCodeMalformed",
                      [](v1::Candidate& c) {
                        c.mutable_desired_occupations(0)->set_kldb_code("621-2");
                      },
                      "candidate.desired_occupations[0].kldb_code"},
        CandidateCase{"DesiredOccupationTwice",
                      [](v1::Candidate& c) {
                        c.mutable_desired_occupations(1)->set_kldb_code("62102");
                      },
                      "candidate.desired_occupations[1].kldb_code"},
        CandidateCase{"DesiredSectorUnspecified",
                      [](v1::Candidate& c) {
                        c.add_desired_sectors(v1::SECTOR_UNSPECIFIED);
                      },
                      "candidate.desired_sectors[1]"},
        CandidateCase{"DesiredSectorTwice",
                      [](v1::Candidate& c) { c.add_desired_sectors(v1::SECTOR_TRADE); },
                      "candidate.desired_sectors[1]"},
        CandidateCase{"LanguageLevelUnspecified",
                      [](v1::Candidate& c) {
                        c.mutable_languages(0)->set_level(v1::CEFR_LEVEL_UNSPECIFIED);
                      },
                      "candidate.languages[0].level"},
        CandidateCase{"LanguageLevelAboveC2",
                      [](v1::Candidate& c) {
                        c.mutable_languages(1)->set_level(static_cast<v1::CefrLevel>(7));
                      },
                      "candidate.languages[1].level"},
        CandidateCase{"LanguageCodeMissing",
                      [](v1::Candidate& c) { c.mutable_languages(1)->clear_language(); },
                      "candidate.languages[1].language"},
        CandidateCase{"LanguageTwice",
                      [](v1::Candidate& c) {
                        v1::LanguageSkill* again = c.add_languages();
                        again->set_language("ar");
                        again->set_level(v1::CEFR_LEVEL_A1);
                      },
                      "candidate.languages[2].language"},
        CandidateCase{"SchoolCertificateUnspecified",
                      [](v1::Candidate& c) {
                        c.set_school_certificate(v1::SCHOOL_CERTIFICATE_UNSPECIFIED);
                      },
                      "candidate.school_certificate"},
        CandidateCase{"SchoolCertificateNoneIsValid",
                      [](v1::Candidate& c) {
                        c.set_school_certificate(v1::SCHOOL_CERTIFICATE_NONE);
                      },
                      ""},
        CandidateCase{"AvailableFromMissing",
                      [](v1::Candidate& c) { c.clear_available_from(); },
                      "candidate.available_from"},
        CandidateCase{"AvailableFromDayZero",
                      [](v1::Candidate& c) { c.mutable_available_from()->set_day(0); },
                      "candidate.available_from.day"},
        CandidateCase{"CountryOfOriginWithStatisticsConsentIsValid",
                      [](v1::Candidate& c) {
                        AddConsent(c, "statistics");
                        c.set_country_of_origin("SY");
                      },
                      ""},
        CandidateCase{"CountryOfOriginWithoutConsent",
                      [](v1::Candidate& c) { c.set_country_of_origin("SY"); },
                      "candidate.country_of_origin"},
        CandidateCase{"CountryOfOriginAfterConsentWithdrawn",
                      [](v1::Candidate& c) {
                        AddConsent(c, "statistics");
                        *c.mutable_consents(0)->mutable_withdrawn_at() = At(1700000100);
                        c.set_country_of_origin("SY");
                      },
                      "candidate.country_of_origin"},
        CandidateCase{"CountryOfOriginLowerCase",
                      [](v1::Candidate& c) {
                        AddConsent(c, "statistics");
                        c.set_country_of_origin("sy");
                      },
                      "candidate.country_of_origin"},
        CandidateCase{"ConsentPurposeEmpty", [](v1::Candidate& c) { AddConsent(c, ""); },
                      "candidate.consents[0].purpose"},
        CandidateCase{"ConsentPurposeOf65Characters",
                      [](v1::Candidate& c) { AddConsent(c, std::string(65, 'p')); },
                      "candidate.consents[0].purpose"},
        CandidateCase{"ConsentPurposeTwice",
                      [](v1::Candidate& c) {
                        AddConsent(c, "matching");
                        AddConsent(c, "matching");
                      },
                      "candidate.consents[1].purpose"},
        CandidateCase{"ConsentGivenAtMissing",
                      [](v1::Candidate& c) {
                        AddConsent(c, "matching");
                        c.mutable_consents(0)->clear_given_at();
                      },
                      "candidate.consents[0].given_at"},
        CandidateCase{"ConsentWithdrawnBeforeGiven",
                      [](v1::Candidate& c) {
                        AddConsent(c, "matching");
                        *c.mutable_consents(0)->mutable_withdrawn_at() = At(1600000000);
                      },
                      "candidate.consents[0].withdrawn_at"},
        CandidateCase{"StatusUnknownValue",
                      [](v1::Candidate& c) {
                        c.set_status(static_cast<v1::CandidateStatus>(12));
                      },
                      "candidate.status"},
        CandidateCase{"BirthYear1899",
                      [](v1::Candidate& c) { c.set_birth_year(1899); },
                      "candidate.birth_year"},
        CandidateCase{"BirthYearUnsetIsValid",
                      [](v1::Candidate& c) { c.set_birth_year(0); }, ""},
        CandidateCase{"IdRequiredOnUpdate", [](v1::Candidate& c) { c.clear_id(); },
                      "candidate.id", WriteMode::kUpdate}),
    CaseName<v1::Candidate>);

// ---------------------------------------------------------------- Across rules

TEST(ValidationTest, CollectsEveryViolationInFieldOrder) {
  v1::Company company = SampleCompany();
  company.clear_name();
  company.set_sector(v1::SECTOR_UNSPECIFIED);
  company.set_qualified_trainers(-4);
  const absl::Status status = ValidateCompany(company, WriteMode::kCreate);
  ASSERT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(status.message(), "company.name: must not be empty (and 2 more violations)");
  EXPECT_THAT(ViolationsOf(status),
              ElementsAre(Field(&FieldViolation::field, "company.name"),
                          Field(&FieldViolation::field, "company.sector"),
                          Field(&FieldViolation::field, "company.qualified_trainers")));
}

TEST(ValidationTest, PathPrefixIsTheGivenOne) {
  v1::TrainingOffer offer = SampleOffer(kCompanyId);
  offer.set_seats(0);
  EXPECT_EQ(FirstViolatedField(ValidateOffer(offer, WriteMode::kCreate, "record")),
            "record.seats");
}

TEST(ValidationTest, EmptyRecordsNameEveryRequiredField) {
  const absl::Status status = ValidateCandidate(v1::Candidate(), WriteMode::kCreate);
  std::vector<std::string> fields;
  for (const FieldViolation& v : ViolationsOf(status)) fields.push_back(v.field);
  EXPECT_THAT(fields, ElementsAre("candidate.display_name", "candidate.home",
                                  "candidate.travel_limit_minutes", "candidate.travel_mode",
                                  "candidate.desired_occupations",
                                  "candidate.school_certificate",
                                  "candidate.available_from"));
}

TEST(ValidationTest, RecordIdsAre16LowerCaseAlphanumerics) {
  EXPECT_TRUE(IsWellFormedRecordId("0123456789abcdef"));
  EXPECT_FALSE(IsWellFormedRecordId("0123456789abcde"));
  EXPECT_FALSE(IsWellFormedRecordId("0123456789abcdefg"));
  EXPECT_FALSE(IsWellFormedRecordId("0123456789abcdeF"));
  EXPECT_FALSE(IsWellFormedRecordId("0123456789abcde-"));
  EXPECT_EQ(FirstViolatedField(ValidateRecordId("", "id")), "id");
  EXPECT_THAT(std::string(ValidateRecordId("", "id").message()), HasSubstr("required"));
  EXPECT_EQ(ValidateRecordId("x", "offer_id").code(), absl::StatusCode::kInvalidArgument);
}

// ---------------------------------------------------------------- Listing filters

struct ListCase {
  std::string name;
  RecordKind kind;
  std::function<void(v1::ListRecordsRequest&)> mutate;
  std::string field;
};

class ListRuleTest : public testing::TestWithParam<ListCase> {};

TEST_P(ListRuleTest, NamesTheViolatedField) {
  v1::ListRecordsRequest request;
  GetParam().mutate(request);
  ExpectSingleViolation(ValidateListRequest(request, GetParam().kind), GetParam().field);
}

INSTANTIATE_TEST_SUITE_P(
    Rules, ListRuleTest,
    testing::Values(
        ListCase{"EmptyRequestIsValid", RecordKind::kOffer, [](auto&) {}, ""},
        ListCase{"PageSizeNegative", RecordKind::kOffer,
                 [](v1::ListRecordsRequest& r) { r.set_page_size(-1); }, "page_size"},
        ListCase{"PageSize1001", RecordKind::kCandidate,
                 [](v1::ListRecordsRequest& r) { r.set_page_size(1001); }, "page_size"},
        ListCase{"KldbCodeForCompanies", RecordKind::kCompany,
                 [](v1::ListRecordsRequest& r) { r.set_kldb_code("62102"); }, "kldb_code"},
        ListCase{"KldbCodeMalformed", RecordKind::kCandidate,
                 [](v1::ListRecordsRequest& r) { r.set_kldb_code("621"); }, "kldb_code"},
        ListCase{"StatusOfOtherKind", RecordKind::kCompany,
                 [](v1::ListRecordsRequest& r) {
                   r.set_status(v1::CANDIDATE_STATUS_INACTIVE);
                 },
                 "status"},
        ListCase{"CompanyIdForCandidates", RecordKind::kCandidate,
                 [](v1::ListRecordsRequest& r) { r.set_company_id(kCompanyId); },
                 "company_id"},
        ListCase{"CompanyIdMalformed", RecordKind::kOffer,
                 [](v1::ListRecordsRequest& r) { r.set_company_id("x"); }, "company_id"},
        ListCase{"ExternalIdOf129Characters", RecordKind::kOffer,
                 [](v1::ListRecordsRequest& r) {
                   r.set_external_id(std::string(129, 'e'));
                 },
                 "external_id"}),
    [](const testing::TestParamInfo<ListCase>& info) { return info.param.name; });

}  // namespace
}  // namespace azubimatch::service
