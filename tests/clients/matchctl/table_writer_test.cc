#include "clients/matchctl/table_writer.h"

#include <sstream>

#include "azubimatch/v1/records.pb.h"
#include "clients/matchctl/record_table.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace azubimatch::matchctl {
namespace {

using ::testing::HasSubstr;

TEST(TableWriterTest, ColumnsAlignByCodePointsAndNumbersAlignRight) {
  TableWriter table({"NAME", "SEATS", "TOWN"});
  table.AlignRight(1);
  table.AddRow({"Köchin", "2", "Überlingen"});
  table.AddRow({"Koch\nline", "12"});
  std::ostringstream out;
  table.Print(out);
  EXPECT_EQ(out.str(),
            "NAME       SEATS  TOWN\n"
            "Köchin         2  Überlingen\n"
            "Koch line     12\n");
}

TEST(RecordTableTest, FieldListingUsesShortFormsAndFlattensNestedMessages) {
  v1::TrainingOffer offer;
  offer.set_id("0123456789abcdef");
  offer.mutable_occupation()->set_kldb_code("62102");
  offer.mutable_occupation()->set_title("Kaufmann/-frau im Einzelhandel");
  offer.mutable_occupation()->set_sector(v1::SECTOR_TRADE);
  offer.mutable_start_date()->set_year(2025);
  offer.mutable_start_date()->set_month(8);
  offer.mutable_start_date()->set_day(1);
  offer.mutable_location()->set_municipality("Stuttgart");
  auto* skill = offer.add_required_languages();
  skill->set_language("de");
  skill->set_level(v1::CEFR_LEVEL_B1);
  offer.set_min_certificate(v1::SCHOOL_CERTIFICATE_ABITUR);
  std::ostringstream out;
  PrintRecordFields(offer, out);
  const std::string text = out.str();
  // Values line up after the longest field name (vocational_school.municipality).
  const std::string pad(std::string("vocational_school.municipality").size() + 2, ' ');
  const auto row = [&](const std::string& name, const std::string& value) {
    return name + pad.substr(name.size()) + value + "\n";
  };
  EXPECT_THAT(text, HasSubstr(row("id", "0123456789abcdef")));
  EXPECT_THAT(text,
              HasSubstr(row("occupation", "62102 Kaufmann/-frau im Einzelhandel (trade)")));
  EXPECT_THAT(text, HasSubstr(row("start_date", "2025-08-01")));
  EXPECT_THAT(text, HasSubstr(row("location.municipality", "Stuttgart")));
  EXPECT_THAT(text, HasSubstr(row("required_languages", "de:B1")));
  EXPECT_THAT(text, HasSubstr(row("min_certificate", "abitur")));
  EXPECT_THAT(text, HasSubstr(row("created_at", "-")));
}

}  // namespace
}  // namespace azubimatch::matchctl
