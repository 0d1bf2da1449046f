#include "clients/matchctl/record_jsonl.h"

#include "clients/matchctl/record_file.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace azubimatch::matchctl {
namespace {

using ::testing::HasSubstr;
using ::testing::IsEmpty;

TEST(RecordJsonlTest, OneRecordPerLineWithLineNumbers) {
  const ParsedRecords parsed = ParseRecordsJsonl(
      RecordKind::kOffer,
      "{\"external_id\":\"o-1\",\"seats\":2,\"occupation\":{\"kldb_code\":\"62102\"}}\n"
      "\n"
      "  {\"externalId\":\"o-2\",\"minCertificate\":\"SCHOOL_CERTIFICATE_ABITUR\","
      "\"start_date\":{\"year\":2025,\"month\":8,\"day\":1}}\r\n");
  ASSERT_THAT(parsed.errors, IsEmpty());
  ASSERT_EQ(parsed.records.size(), 2u);
  EXPECT_EQ(parsed.records[0].line, 1);
  EXPECT_EQ(parsed.records[0].record.offer().seats(), 2);
  EXPECT_EQ(parsed.records[0].record.offer().occupation().kldb_code(), "62102");
  EXPECT_EQ(parsed.records[1].line, 3);
  EXPECT_EQ(parsed.records[1].record.offer().external_id(), "o-2");
  EXPECT_EQ(parsed.records[1].record.offer().min_certificate(),
            v1::SCHOOL_CERTIFICATE_ABITUR);
  EXPECT_EQ(parsed.records[1].record.offer().start_date().month(), 8);
}

TEST(RecordJsonlTest, UnknownFieldsAndBrokenJsonAreErrorsOnTheirLine) {
  const ParsedRecords parsed = ParseRecordsJsonl(RecordKind::kCandidate,
                                                 "{\"display_name\":\"A\"}\n"
                                                 "{\"display_nam\":\"B\"}\n"
                                                 "{\"display_name\":\"C\"\n"
                                                 "{\"travel_mode\":\"BY_ROCKET\"}\n"
                                                 "[1,2]\n");
  ASSERT_EQ(parsed.records.size(), 1u);
  ASSERT_EQ(parsed.errors.size(), 4u);
  EXPECT_EQ(parsed.errors[0].line, 2);
  EXPECT_THAT(parsed.errors[0].message, HasSubstr("display_nam"));
  EXPECT_EQ(parsed.errors[1].line, 3);
  EXPECT_EQ(parsed.errors[2].line, 4);
  EXPECT_EQ(parsed.errors[3].line, 5);
  for (const LineError& error : parsed.errors) {
    EXPECT_THAT(error.message, HasSubstr("not a valid Candidate in JSON"));
  }
}

TEST(RecordFileTest, FormatFromFlagOrExtension) {
  EXPECT_EQ(*ChooseRecordFormat("x.CSV", ""), RecordFormat::kCsv);
  EXPECT_EQ(*ChooseRecordFormat("x.tsv", ""), RecordFormat::kCsv);
  EXPECT_EQ(*ChooseRecordFormat("x.jsonl", ""), RecordFormat::kJsonl);
  EXPECT_EQ(*ChooseRecordFormat("x.json", ""), RecordFormat::kJsonl);
  EXPECT_EQ(*ChooseRecordFormat("x.csv", "jsonl"), RecordFormat::kJsonl);
  EXPECT_EQ(*ChooseRecordFormat("-", "csv"), RecordFormat::kCsv);
  EXPECT_EQ(ChooseRecordFormat("x.txt", "").status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(ChooseRecordFormat("x.csv", "xml").status().code(),
            absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace azubimatch::matchctl
