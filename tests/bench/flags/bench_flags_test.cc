// The benchmark programs' flag rules (bench/flags/bench_flags.h): '-' and '_' alike,
// values after '=' or as the next word, and errors that name the flag.
#include "bench/flags/bench_flags.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace azubimatch::bench {
namespace {

struct Values {
  int offers = 7;
  double seconds = 1;
  uint64_t seed = 1;
  bool json = false;
};

void Define(CLI::App& app, Values& v) {
  PrepareFlagApp(app);
  app.add_option("--offers", v.offers, "offers")->type_name("N")->check(IntIn(1, 100));
  app.add_option("--seconds", v.seconds, "seconds")->type_name("S")->check(SecondsAtLeast(0.5));
  app.add_option("--seed", v.seed, "seed")->type_name("S")->check(Unsigned64());
  app.add_option("--offers-per-region", v.offers, "same")->type_name("N");
  app.add_flag("--json", v.json, "json");
}

absl::Status Parse(const std::vector<std::string>& args, Values* v) {
  CLI::App app{"", "prog"};
  Define(app, *v);
  return ParseFlagWords(app, args);
}

TEST(BenchFlagsTest, DashAndUnderscoreAlikeValuesAfterEqualsOrNextWord) {
  Values v;
  ASSERT_TRUE(Parse({"--offers=5", "--seconds", "2.5", "--json", "--offers_per_region", "9",
                     "--seed=18446744073709551615"},
                    &v)
                  .ok());
  EXPECT_EQ(v.offers, 9);  // the later flag bound to the same value wins
  EXPECT_EQ(v.seconds, 2.5);
  EXPECT_TRUE(v.json);
  EXPECT_EQ(v.seed, 18446744073709551615u);
}

TEST(BenchFlagsTest, LastOfRepeatedFlagsWins) {
  Values v;
  ASSERT_TRUE(Parse({"--offers", "3", "--offers", "4"}, &v).ok());
  EXPECT_EQ(v.offers, 4);
}

TEST(BenchFlagsTest, ErrorsNameTheFlag) {
  Values v;
  EXPECT_EQ(Parse({"--nope", "1"}, &v).message(), "unknown flag --nope");
  EXPECT_EQ(Parse({"--json=1"}, &v).message(), "--json: takes no value");
  EXPECT_EQ(Parse({"--offers"}, &v).message(), "--offers: missing value");
  EXPECT_EQ(Parse({"stray"}, &v).message(), "unexpected argument \"stray\"");
  const absl::Status range = Parse({"--offers", "0"}, &v);
  EXPECT_EQ(range.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(range.message().find("--offers"), std::string::npos) << range.message();
  EXPECT_NE(range.message().find("expected an integer in [1, 100], got \"0\""),
            std::string::npos)
      << range.message();
  EXPECT_NE(Parse({"--seconds", "0.1"}, &v).message().find("expected seconds in [0.5, 86400]"),
            std::string::npos);
  EXPECT_NE(Parse({"--seed", "-1"}, &v).message().find("expected an unsigned integer"),
            std::string::npos);
}

TEST(BenchFlagsTest, FlagTableListsEveryOptionWithItsType) {
  Values v;
  CLI::App app{"", "prog"};
  Define(app, v);
  const std::string table = FlagTable(app);
  EXPECT_NE(table.find("  --offers N        offers\n"), std::string::npos) << table;
  EXPECT_NE(table.find("  --json            json\n"), std::string::npos) << table;
}

}  // namespace
}  // namespace azubimatch::bench
