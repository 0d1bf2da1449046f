#include "engine/base/input_rules.h"

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace azubimatch::engine {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::Optional;

TEST(InputRulesTest, Utf8LengthCountsCodePointsAndRefusesMalformedBytes) {
  EXPECT_EQ(Utf8Length(""), 0);
  EXPECT_EQ(Utf8Length("Ulm"), 3);
  EXPECT_EQ(Utf8Length("G\xC3\xB6ppingen"), 9);                // ö
  EXPECT_EQ(Utf8Length("\xF0\x9F\x98\x80"), 1);                // U+1F600
  EXPECT_EQ(Utf8Length("M\xFCller"), -1);                      // Latin-1
  EXPECT_EQ(Utf8Length("\xC0\xAF"), -1);                       // overlong '/'
  EXPECT_EQ(Utf8Length("\xED\xA0\x80"), -1);                   // surrogate U+D800
  EXPECT_EQ(Utf8Length("\xF4\x90\x80\x80"), -1);               // beyond U+10FFFF
  EXPECT_EQ(Utf8Length("\xE2\x82"), -1);                       // truncated
}

TEST(InputRulesTest, TextRuleInItsOrder) {
  EXPECT_EQ(TextProblem("Freiburg im Breisgau", true, 200), std::nullopt);
  EXPECT_EQ(TextProblem("", false, 10), std::nullopt);
  EXPECT_THAT(TextProblem("", true, 10), Optional(std::string("must not be empty")));
  EXPECT_THAT(TextProblem("   ", true, 10), Optional(std::string("must not be empty")));
  EXPECT_EQ(TextProblem("   ", false, 10), std::nullopt);
  EXPECT_THAT(TextProblem("\xC3\xB6\xC3\xB6\xC3\xB6", true, 2),
              Optional(std::string("must have at most 2 characters, has 3")));
  EXPECT_THAT(TextProblem("a\tb", true, 10),
              Optional(std::string("must not contain control characters")));
  EXPECT_THAT(TextProblem("a\x7F", true, 10),
              Optional(std::string("must not contain control characters")));
  EXPECT_THAT(TextProblem("a\xC2\x85", true, 10),  // U+0085, a C1 control
              Optional(std::string("must not contain control characters")));
  EXPECT_THAT(TextProblem("a\xFF", true, 10), Optional(std::string("must be valid UTF-8")));
}

TEST(InputRulesTest, DatesByPartWithLeapYears) {
  EXPECT_TRUE(IsValidDate(2028, 2, 29));
  EXPECT_FALSE(IsValidDate(2027, 2, 29));
  EXPECT_TRUE(IsValidDate(2000, 2, 29));
  EXPECT_FALSE(IsValidDate(2100, 2, 29));
  EXPECT_THAT(DateProblems(2027, 2, 30),
              ElementsAre(DatePartProblem{"day", "must be in 1..28 for month 2"}));
  EXPECT_THAT(DateProblems(1850, 13, 40),
              ElementsAre(DatePartProblem{"year", "must be in 1900..2200"},
                          DatePartProblem{"month", "must be in 1..12"}));
  EXPECT_THAT(DateProblems(2026, 12, 31), IsEmpty());
  EXPECT_EQ(DaysInMonth(2026, 4), 30);
}

TEST(InputRulesTest, KldbCodesAreFiveDigits) {
  EXPECT_EQ(KldbCodeProblem("62102"), std::nullopt);
  EXPECT_THAT(KldbCodeProblem(""), Optional(std::string("required")));
  for (const char* bad : {"6210", "621020", "6210a", "62 02"}) {
    EXPECT_THAT(KldbCodeProblem(bad),
                Optional(std::string("must be a KldB 2010 code of 5 digits")))
        << bad;
  }
}

TEST(InputRulesTest, FieldPaths) {
  EXPECT_EQ(FieldPath("candidate", "home"), "candidate.home");
  EXPECT_EQ(FieldPath("", "k"), "k");
  EXPECT_EQ(FieldPath(IndexedField("candidate.languages", 1), "level"),
            "candidate.languages[1].level");
}

}  // namespace
}  // namespace azubimatch::engine
