#include "clients/matchctl/record_csv.h"

#include <string>

#include "gmock/gmock.h"
#include "google/protobuf/text_format.h"
#include "google/protobuf/util/message_differencer.h"
#include "gtest/gtest.h"

namespace azubimatch::matchctl {
namespace {

using ::testing::HasSubstr;
using ::testing::IsEmpty;

template <class Message>
Message FromText(const std::string& text) {
  Message message;
  EXPECT_TRUE(google::protobuf::TextFormat::ParseFromString(text, &message)) << text;
  return message;
}

MATCHER_P(EqualsProto, expected, "") {
  std::string diff;
  google::protobuf::util::MessageDifferencer differencer;
  differencer.ReportDifferencesToString(&diff);
  if (differencer.Compare(expected, arg)) return true;
  *result_listener << diff;
  return false;
}

TEST(RecordCsvTest, EveryCompanyColumn) {
  const ParsedRecords parsed = ParseRecordsCsv(
      RecordKind::kCompany,
      "external_id,name,sector,latitude,longitude,postal_code,municipality,languages,"
      "may_train,chamber,qualified_trainers,contact_name,contact_email,contact_phone,"
      "status\n"
      "c-1,Yilmaz Kfz GmbH,crafts,48.7758,9.1829,70173,Stuttgart,de;TR,ja,hwk,2,"
      "Ayse Yilmaz,ayse@example.org,+49 711 123,active\n");
  ASSERT_THAT(parsed.errors, IsEmpty());
  ASSERT_EQ(parsed.records.size(), 1u);
  EXPECT_EQ(parsed.records[0].line, 2);
  EXPECT_THAT(
      parsed.records[0].record.company(), EqualsProto(FromText<v1::Company>(R"pb(
        external_id: "c-1"
        name: "Yilmaz Kfz GmbH"
        sector: SECTOR_CRAFTS
        location {
          latitude: 48.7758
          longitude: 9.1829
          postal_code: "70173"
          municipality: "Stuttgart"
        }
        languages: [ "de", "tr" ]
        may_train: true
        chamber: CHAMBER_HWK
        qualified_trainers: 2
        contact { name: "Ayse Yilmaz" email: "ayse@example.org" phone: "+49 711 123" }
        status: COMPANY_STATUS_ACTIVE
      )pb")));
}

TEST(RecordCsvTest, EveryOfferColumn) {
  const ParsedRecords parsed = ParseRecordsCsv(
      RecordKind::kOffer,
      "external_id,company_id,kldb_code,occupation_title,sector,seats,start_date,"
      "latitude,"
      "longitude,postal_code,municipality,min_certificate,required_languages,title,"
      "status,school_latitude,school_longitude,school_postal_code,school_municipality,"
      "school_days_per_week\n"
      "o-1,0123456789abcdef,62102,Kaufmann/-frau im Einzelhandel,trade,2,2025-08-01,"
      "48.7758,9.1829,70173,Stuttgart,hauptschulabschluss,\"de:B1; tr:a2\","
      "\"Verkauf, Kasse\",open,47.995,7.85,79098,Freiburg im Breisgau,2\n");
  ASSERT_THAT(parsed.errors, IsEmpty());
  ASSERT_EQ(parsed.records.size(), 1u);
  EXPECT_THAT(parsed.records[0].record.offer(),
              EqualsProto(FromText<v1::TrainingOffer>(R"pb(
                external_id: "o-1"
                company_id: "0123456789abcdef"
                occupation {
                  kldb_code: "62102"
                  title: "Kaufmann/-frau im Einzelhandel"
                  sector: SECTOR_TRADE
                }
                seats: 2
                start_date { year: 2025 month: 8 day: 1 }
                location {
                  latitude: 48.7758
                  longitude: 9.1829
                  postal_code: "70173"
                  municipality: "Stuttgart"
                }
                min_certificate: SCHOOL_CERTIFICATE_HAUPTSCHULABSCHLUSS
                required_languages { language: "de" level: CEFR_LEVEL_B1 }
                required_languages { language: "tr" level: CEFR_LEVEL_A2 }
                title: "Verkauf, Kasse"
                status: OFFER_STATUS_OPEN
                vocational_school {
                  latitude: 47.995
                  longitude: 7.85
                  postal_code: "79098"
                  municipality: "Freiburg im Breisgau"
                }
                school_days_per_week: 2
              )pb")));
}

TEST(RecordCsvTest, EveryCandidateColumn) {
  const ParsedRecords parsed = ParseRecordsCsv(
      RecordKind::kCandidate,
      "external_id,display_name,latitude,longitude,postal_code,municipality,"
      "travel_limit_minutes,travel_mode,desired_occupations,desired_sectors,languages,"
      "school_certificate,available_from,birth_year,country_of_origin,consents,status\n"
      "k-7,Elif,49.4875,8.466,68159,Mannheim,60,public_transport,"
      "\"62102|Kaufmann/-frau im Einzelhandel|trade;29302\",trade;hospitality,"
      "\"de:B2;tr:native\",mittlerer_schulabschluss,01.08.2025,2008,tr,"
      "\"matching;statistics@2024-05-01\",active\n");
  ASSERT_THAT(parsed.errors, IsEmpty());
  ASSERT_EQ(parsed.records.size(), 1u);
  EXPECT_THAT(parsed.records[0].record.candidate(),
              EqualsProto(FromText<v1::Candidate>(R"pb(
                external_id: "k-7"
                display_name: "Elif"
                home {
                  latitude: 49.4875
                  longitude: 8.466
                  postal_code: "68159"
                  municipality: "Mannheim"
                }
                travel_limit_minutes: 60
                travel_mode: TRAVEL_MODE_PUBLIC_TRANSPORT
                desired_occupations {
                  kldb_code: "62102"
                  title: "Kaufmann/-frau im Einzelhandel"
                  sector: SECTOR_TRADE
                }
                desired_occupations { kldb_code: "29302" }
                desired_sectors: [ SECTOR_TRADE, SECTOR_HOSPITALITY ]
                languages { language: "de" level: CEFR_LEVEL_B2 }
                languages { language: "tr" level: CEFR_LEVEL_C2 }
                school_certificate: SCHOOL_CERTIFICATE_MITTLERER_SCHULABSCHLUSS
                available_from { year: 2025 month: 8 day: 1 }
                birth_year: 2008
                country_of_origin: "TR"
                consents { purpose: "matching" }
                consents {
                  purpose: "statistics"
                  given_at { seconds: 1714521600 }
                }
                status: CANDIDATE_STATUS_ACTIVE
              )pb")));
}

TEST(RecordCsvTest, HeaderNamesAnyOrderAndCaseEmptyCellsLeaveFieldsUnset) {
  const ParsedRecords parsed =
      ParseRecordsCsv(RecordKind::kOffer, "Seats, KLDB_CODE ,,title\n3,,,\n");
  ASSERT_THAT(parsed.errors, IsEmpty());
  ASSERT_EQ(parsed.records.size(), 1u);
  EXPECT_THAT(parsed.records[0].record.offer(),
              EqualsProto(FromText<v1::TrainingOffer>("seats: 3")));
}

TEST(RecordCsvTest, SemicolonSpreadsheetWithDecimalCommas) {
  const ParsedRecords parsed =
      ParseRecordsCsv(RecordKind::kCompany,
                      "name;latitude;longitude;languages\nA;48,7758;9,1829;\"de;it\"\n");
  ASSERT_THAT(parsed.errors, IsEmpty());
  ASSERT_EQ(parsed.records.size(), 1u);
  const v1::Company& company = parsed.records[0].record.company();
  EXPECT_DOUBLE_EQ(company.location().latitude(), 48.7758);
  EXPECT_DOUBLE_EQ(company.location().longitude(), 9.1829);
  EXPECT_EQ(company.languages_size(), 2);
}

TEST(RecordCsvTest, MalformedLinesAreReportedWithTheirLineNumbers) {
  const ParsedRecords parsed =
      ParseRecordsCsv(RecordKind::kOffer,
                      "external_id,seats,start_date,required_languages\n"
                      "o-1,1,2025-08-01,de:B1\n"    // line 2: fine
                      "o-2,two,2025-08-01,de:B1\n"  // line 3: seats
                      "\"o-3\nstill o-3\",1,2025-08-01,de:B1\n"
                      "o-4,1,2025-02-30,de:B1\n"    // line 6: date
                      "o-5,1\n"                     // line 7: fields
                      ",,,\n"                       // line 8: skipped
                      "o-6,1,2025-09-01,de=B1\n");  // line 9
  ASSERT_EQ(parsed.records.size(), 2u);
  EXPECT_EQ(parsed.records[0].line, 2);
  EXPECT_EQ(parsed.records[1].line, 4);
  EXPECT_EQ(parsed.records[1].record.offer().external_id(), "o-3\nstill o-3");
  ASSERT_EQ(parsed.errors.size(), 4u);
  EXPECT_EQ(parsed.errors[0].line, 3);
  EXPECT_EQ(parsed.errors[0].message, "seats: \"two\" is not a whole number");
  EXPECT_EQ(parsed.errors[1].line, 6);
  EXPECT_THAT(parsed.errors[1].message, HasSubstr("start_date: \"2025-02-30\""));
  EXPECT_EQ(parsed.errors[2].line, 7);
  EXPECT_EQ(parsed.errors[2].message, "expected 4 fields as in the header, found 2");
  EXPECT_EQ(parsed.errors[3].line, 9);
  EXPECT_THAT(parsed.errors[3].message, HasSubstr("required_languages: \"de=B1\""));
}

TEST(RecordCsvTest, BadEnumValueNamesColumnAndChoices) {
  const ParsedRecords parsed =
      ParseRecordsCsv(RecordKind::kCandidate, "travel_mode\nrocket\n");
  ASSERT_EQ(parsed.errors.size(), 1u);
  EXPECT_EQ(parsed.errors[0].line, 2);
  EXPECT_THAT(parsed.errors[0].message,
              HasSubstr("travel_mode: unknown TravelMode \"rocket\"; expected one of "
                        "public_transport, bicycle, car"));
}

TEST(RecordCsvTest, UnknownOrRepeatedColumnFailsOnTheHeaderLineAndReadsNothing) {
  ParsedRecords parsed = ParseRecordsCsv(RecordKind::kOffer, "\n\nseats,seets\n1,2\n");
  ASSERT_EQ(parsed.errors.size(), 1u);
  EXPECT_EQ(parsed.errors[0].line, 3);
  EXPECT_THAT(parsed.errors[0].message, HasSubstr("unknown column \"seets\""));
  EXPECT_THAT(parsed.records, IsEmpty());

  parsed = ParseRecordsCsv(RecordKind::kOffer, "seats,Seats\n1,2\n");
  ASSERT_EQ(parsed.errors.size(), 1u);
  EXPECT_EQ(parsed.errors[0].message, "column \"seats\" appears twice");
}

TEST(RecordCsvTest, EmptyInputNeedsAHeader) {
  const ParsedRecords parsed = ParseRecordsCsv(RecordKind::kCompany, "");
  ASSERT_EQ(parsed.errors.size(), 1u);
  EXPECT_EQ(parsed.errors[0].line, 1);
  EXPECT_THAT(parsed.errors[0].message, HasSubstr("header"));
}

}  // namespace
}  // namespace azubimatch::matchctl
