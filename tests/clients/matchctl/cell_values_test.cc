#include "clients/matchctl/cell_values.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace azubimatch::matchctl {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

TEST(CellValuesTest, NumbersAcceptDecimalCommaButNotGarbage) {
  EXPECT_EQ(*ParseInt32Cell(" 42 "), 42);
  EXPECT_EQ(ParseInt32Cell("4.5").status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(ParseInt32Cell("99999999999").status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_DOUBLE_EQ(*ParseDecimalCell("48,5"), 48.5);
  EXPECT_DOUBLE_EQ(*ParseDecimalCell("-7.25"), -7.25);
  EXPECT_FALSE(ParseDecimalCell("1,000,5").ok());
  EXPECT_FALSE(ParseDecimalCell("nan").ok());
  EXPECT_FALSE(ParseDecimalCell("north").ok());
}

TEST(CellValuesTest, DatesInIsoAndGermanFormMustExist) {
  absl::StatusOr<v1::Date> date = ParseDateCell("2028-02-29");
  ASSERT_TRUE(date.ok());
  EXPECT_EQ(date->year(), 2028);
  EXPECT_EQ(date->month(), 2);
  EXPECT_EQ(date->day(), 29);
  date = ParseDateCell("01.09.2025");
  ASSERT_TRUE(date.ok());
  EXPECT_EQ(date->day(), 1);
  EXPECT_EQ(date->month(), 9);
  EXPECT_FALSE(ParseDateCell("2027-02-29").ok());
  EXPECT_FALSE(ParseDateCell("2025-13-01").ok());
  EXPECT_FALSE(ParseDateCell("2025-8-1").ok());
  EXPECT_FALSE(ParseDateCell("1.8.2025").ok());
}

TEST(CellValuesTest, YesNoInEnglishAndGerman) {
  for (const char* yes : {"true", "Yes", "JA", "1", "x"})
    EXPECT_TRUE(*ParseBoolCell(yes));
  for (const char* no : {"false", "No", "nein", "0"}) EXPECT_FALSE(*ParseBoolCell(no));
  EXPECT_FALSE(ParseBoolCell("maybe").ok());
}

TEST(CellValuesTest, ListsSplitOnSemicolonsIgnoringEmptyItems) {
  EXPECT_THAT(SplitListCell(" a ; ;b;"), ElementsAre("a", "b"));
  absl::StatusOr<std::vector<v1::LanguageSkill>> skills =
      ParseLanguageSkillsCell("DE:b2; uk:Native");
  ASSERT_TRUE(skills.ok());
  ASSERT_EQ(skills->size(), 2u);
  EXPECT_EQ((*skills)[0].language(), "de");
  EXPECT_EQ((*skills)[0].level(), v1::CEFR_LEVEL_B2);
  EXPECT_EQ((*skills)[1].language(), "uk");
  EXPECT_EQ((*skills)[1].level(), v1::CEFR_LEVEL_C2);
  EXPECT_THAT(std::string(ParseLanguageSkillsCell("de:B1,tr:A2").status().message()),
              HasSubstr("lists use ';'"));
  EXPECT_THAT(std::string(ParseLanguageSkillsCell("de:B1, tr").status().message()),
              HasSubstr("unknown CefrLevel \"B1, tr\""));
  EXPECT_THAT(ParseLanguageSkillsCell("de").status().message(),
              HasSubstr("expected language:level"));
  EXPECT_THAT(ParseLanguageListCell("de:B1").status().message(),
              HasSubstr("language code alone"));
}

TEST(CellValuesTest, OccupationsWithOptionalTitleAndSector) {
  absl::StatusOr<std::vector<v1::Occupation>> occupations = ParseOccupationsCell(
      "26112|Elektroniker/in;62102||trade;43102|Fachinformatiker/in|it");
  ASSERT_TRUE(occupations.ok()) << occupations.status();
  ASSERT_EQ(occupations->size(), 3u);
  EXPECT_EQ((*occupations)[0].kldb_code(), "26112");
  EXPECT_EQ((*occupations)[0].title(), "Elektroniker/in");
  EXPECT_EQ((*occupations)[0].sector(), v1::SECTOR_UNSPECIFIED);
  EXPECT_EQ((*occupations)[1].title(), "");
  EXPECT_EQ((*occupations)[1].sector(), v1::SECTOR_TRADE);
  EXPECT_EQ((*occupations)[2].sector(), v1::SECTOR_IT);
  EXPECT_FALSE(ParseOccupationsCell("1|2|trade|4").ok());
  EXPECT_FALSE(ParseOccupationsCell("62102|x|shipping").ok());
}

TEST(CellValuesTest, ConsentsWithOptionalDate) {
  absl::StatusOr<std::vector<v1::Consent>> consents =
      ParseConsentsCell("matching; statistics@1970-01-02");
  ASSERT_TRUE(consents.ok());
  ASSERT_EQ(consents->size(), 2u);
  EXPECT_FALSE((*consents)[0].has_given_at());
  EXPECT_EQ((*consents)[1].purpose(), "statistics");
  EXPECT_EQ((*consents)[1].given_at().seconds(), 86400);
  EXPECT_FALSE(ParseConsentsCell("@2024-01-01").ok());
  EXPECT_FALSE(ParseConsentsCell("matching@soon").ok());
}

}  // namespace
}  // namespace azubimatch::matchctl
