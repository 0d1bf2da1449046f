#include "clients/matchctl/proto_json.h"

#include <cstdint>
#include <limits>

#include "azubimatch/v1/matching.pb.h"
#include "azubimatch/v1/records.pb.h"
#include "azubimatch/v1/registry.pb.h"
#include "clients/matchctl/json_writer.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace azubimatch::matchctl {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

TEST(ProtoJsonTest, EmptyRecordPrintsEveryFieldWithZeroValuesAndSnakeCaseNames) {
  EXPECT_EQ(
      ProtoToJson(v1::TrainingOffer()),
      "{\"id\":\"\",\"member_id\":\"\",\"external_id\":\"\",\"company_id\":\"\","
      "\"occupation\":{\"kldb_code\":\"\",\"title\":\"\",\"sector\":\"SECTOR_"
      "UNSPECIFIED\"},"
      "\"seats\":0,\"seats_taken\":0,\"start_date\":{\"year\":0,\"month\":0,\"day\":0},"
      "\"location\":{\"latitude\":0,\"longitude\":0,\"postal_code\":\"\","
      "\"municipality\":\"\"},\"min_certificate\":\"SCHOOL_CERTIFICATE_UNSPECIFIED\","
      "\"required_languages\":[],\"status\":\"OFFER_STATUS_UNSPECIFIED\",\"title\":\"\","
      "\"created_at\":null,\"updated_at\":null,\"version\":0" +
          std::string(v1::TrainingOffer::descriptor()->FindFieldByName(
                          "company_external_id") != nullptr
                          ? ",\"company_external_id\":\"\""
                          : "") +
          ",\"vocational_school\":{\"latitude\":0,\"longitude\":0,\"postal_code\":\"\","
          "\"municipality\":\"\"},\"school_days_per_week\":0}");
}

TEST(ProtoJsonTest, Int64AreNumbersIdsStringsEnumsNamesTimesRfc3339) {
  v1::Company company;
  company.set_id("0123456789abcdef");
  company.set_version(std::numeric_limits<int64_t>::max());
  company.set_may_train(true);
  company.set_sector(v1::SECTOR_IT);
  company.add_languages("de");
  company.add_languages("tr");
  company.mutable_created_at()->set_seconds(1714521600);
  company.set_name("Café \"Bosporus\"\n");
  const std::string json = ProtoToJson(company);
  EXPECT_THAT(json, HasSubstr("\"id\":\"0123456789abcdef\""));
  EXPECT_THAT(json, HasSubstr("\"version\":9223372036854775807"));
  EXPECT_THAT(json, HasSubstr("\"may_train\":true"));
  EXPECT_THAT(json, HasSubstr("\"qualified_trainers\":0"));
  EXPECT_THAT(json, HasSubstr("\"sector\":\"SECTOR_IT\""));
  EXPECT_THAT(json, HasSubstr("\"languages\":[\"de\",\"tr\"]"));
  EXPECT_THAT(json, HasSubstr("\"created_at\":\"2024-05-01T00:00:00Z\""));
  EXPECT_THAT(json, HasSubstr("\"updated_at\":null"));
  EXPECT_THAT(json, HasSubstr("\"name\":\"Café \\\"Bosporus\\\"\\n\""));
  EXPECT_THAT(json,
              HasSubstr("\"contact\":{\"name\":\"\",\"email\":\"\",\"phone\":\"\"}"));
}

TEST(ProtoJsonTest, RepeatedInt64AndCountsAreNumbers) {
  v1::ImportResponse response;
  response.set_received(3);
  response.set_failed(1);
  response.add_ids("a");
  response.add_ids("");
  v1::ImportError* error = response.add_errors();
  error->set_index(1);
  error->set_code("INVALID_ARGUMENT");
  EXPECT_EQ(
      ProtoToJson(response),
      "{\"received\":3,\"created\":0,\"updated\":0,\"failed\":1,\"errors\":[{\"index\":1,"
      "\"external_id\":\"\",\"code\":\"INVALID_ARGUMENT\",\"field\":\"\",\"message\":"
      "\"\"}],"
      "\"ids\":[\"a\",\"\"]}");
}

TEST(ProtoJsonTest, DoublesInShortestFormMapsAsObjectsUnsetOptionalAsNull) {
  v1::RunMetrics metrics;
  metrics.set_fill_rate(0.1);
  metrics.set_mean_score(1.0 / 3.0);
  metrics.set_blocking_pairs(int64_t{1} << 40);
  (*metrics.mutable_unmatched_reasons())["travel_time"] = 7;
  const std::string json = ProtoToJson(metrics);
  EXPECT_THAT(json, HasSubstr("\"fill_rate\":0.1,"));
  EXPECT_THAT(json, HasSubstr("\"mean_score\":0.3333333333333333,"));
  EXPECT_THAT(json, HasSubstr("\"blocking_pairs\":1099511627776"));
  EXPECT_THAT(json, HasSubstr("\"unmatched_reasons\":{\"travel_time\":7}"));
  EXPECT_THAT(json, HasSubstr("\"total_score\":0,"));

  v1::ScoringPolicyOverrides policy;
  policy.set_commute_weight(0.25);
  const std::string policy_json = ProtoToJson(policy);
  EXPECT_THAT(policy_json, HasSubstr("\"occupation_weight\":null"));
  EXPECT_THAT(policy_json, HasSubstr("\"commute_weight\":0.25"));
}

TEST(ProtoJsonTest, OnlyTheSetMemberOfAOneofIsPrinted) {
  v1::ImportRequest request;
  request.mutable_offer()->set_seats(4);
  const std::string json = ProtoToJson(request);
  EXPECT_THAT(json, HasSubstr("{\"offer\":{"));
  EXPECT_THAT(json, HasSubstr("\"seats\":4"));
  EXPECT_THAT(json, Not(HasSubstr("\"company\"")));
  EXPECT_EQ(ProtoToJson(v1::ImportRequest()), "{}");
}

TEST(JsonWriterTest, CommasNestingEscapesAndSpecialDoubles) {
  std::string out;
  JsonWriter json(&out);
  json.BeginObject();
  json.Key("a");
  json.BeginArray();
  json.Int(-1);
  json.Uint(18446744073709551615u);
  json.Double(2.5e-7);
  json.Double(std::numeric_limits<double>::quiet_NaN());
  json.Double(-std::numeric_limits<double>::infinity());
  json.Float(0.1f);
  json.EndArray();
  json.Key("b\x01");
  json.BeginObject();
  json.EndObject();
  json.Key("c");
  json.Null();
  json.EndObject();
  EXPECT_EQ(out,
            "{\"a\":[-1,18446744073709551615,2.5e-07,\"NaN\",\"-Infinity\",0.1],"
            "\"b\\u0001\":{},\"c\":null}");
}

}  // namespace
}  // namespace azubimatch::matchctl
