// Retention figures as of a day: which spells count, the event and censoring times,
// the probation pass rate as defined in retention.h, steps dated after as_of, and
// groups with suppression and the log-rank test.
#include "engine/analytics/retention.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace azubimatch::engine {
namespace {

using absl::CivilDay;

TrainingSpell Spell(CivilDay started, std::optional<CivilDay> passed = std::nullopt,
                    std::optional<CivilDay> completed = std::nullopt,
                    std::optional<CivilDay> ended = std::nullopt) {
  return TrainingSpell{started, passed, completed, ended};
}

const CivilDay kAugust(2024, 8, 1);
const CivilDay kAsOf(2025, 8, 1);  // 365 days after kAugust

TEST(RetentionTest, TimesAndStatesAsOfADay) {
  const std::vector<TrainingSpell> spells = {
      // ended early on day 30 of probation: event at 30, probation failed
      Spell(kAugust, std::nullopt, std::nullopt, CivilDay(2024, 8, 31)),
      // passed probation on day 122, ended on day 200: event at 200, probation passed
      Spell(kAugust, CivilDay(2024, 12, 1), std::nullopt, CivilDay(2025, 2, 17)),
      // passed, still training: censored at 365, passed
      Spell(kAugust, CivilDay(2024, 12, 1)),
      // started, no step since: censored at 365, probation not known
      Spell(kAugust),
      // completed (a short contract) on day 300 without a probation step: censored at
      // 300, and completion counts as having passed probation
      Spell(kAugust, std::nullopt, CivilDay(2025, 5, 28)),
      // ends after as_of: still in training as of as_of, censored at 365
      Spell(kAugust, std::nullopt, std::nullopt, CivilDay(2025, 9, 1)),
      // starts after as_of: left out
      Spell(CivilDay(2025, 9, 1)),
  };
  const int32_t days[] = {30, 200, 365, 400};
  const RetentionFigures f = ComputeRetention(spells, kAsOf, days);
  EXPECT_EQ(f.started, 6);
  EXPECT_EQ(f.ended_early, 2);
  EXPECT_EQ(f.completed, 1);
  EXPECT_EQ(f.in_training, 3);
  EXPECT_DOUBLE_EQ(f.share_in_training, 0.5);
  // Passed: the second, third and fifth; failed: the first. Known = 4.
  EXPECT_EQ(f.probation_passed, 3);
  EXPECT_EQ(f.probation_failed, 1);
  ASSERT_TRUE(f.probation_pass_rate.has_value());
  EXPECT_DOUBLE_EQ(*f.probation_pass_rate, 0.75);
  // Times: 30 (event), 200 (event), 300 (censored), 365 x3 (censored).
  // S(30) = 5/6; S(200) = 5/6 * 4/5 = 2/3.
  ASSERT_EQ(f.at.size(), 4u);
  EXPECT_EQ(f.at[0].at_risk, 6);
  EXPECT_DOUBLE_EQ(f.at[0].survival, 5.0 / 6);
  EXPECT_EQ(f.at[1].at_risk, 5);
  EXPECT_DOUBLE_EQ(f.at[1].survival, 2.0 / 3);
  EXPECT_EQ(f.at[2].at_risk, 3);
  EXPECT_DOUBLE_EQ(f.at[2].survival, 2.0 / 3);
  EXPECT_FALSE(f.at[3].estimable);
  ASSERT_EQ(f.curve.steps.size(), 4u);
  EXPECT_EQ(f.curve.steps[2].time, 300);
  EXPECT_EQ(f.curve.steps[3].time, 365);
  EXPECT_EQ(f.curve.steps[3].censored, 3);
}

TEST(RetentionTest, EarlierAsOfIgnoresLaterSteps) {
  // As of 2024-09-15 the spell ended on 2025-02-17 is in training; its probation step
  // of 2024-12-01 is not taken yet, so its probation is not known.
  const std::vector<TrainingSpell> spells = {
      Spell(kAugust, CivilDay(2024, 12, 1), std::nullopt, CivilDay(2025, 2, 17)),
      Spell(kAugust, std::nullopt, std::nullopt, CivilDay(2024, 8, 31))};
  const RetentionFigures f = ComputeRetention(spells, CivilDay(2024, 9, 15), {});
  EXPECT_EQ(f.started, 2);
  EXPECT_EQ(f.ended_early, 1);
  EXPECT_EQ(f.in_training, 1);
  EXPECT_EQ(f.probation_passed, 0);
  EXPECT_EQ(f.probation_failed, 1);
  EXPECT_DOUBLE_EQ(*f.probation_pass_rate, 0.0);
  EXPECT_EQ(f.curve.steps.back().time, 45);  // censored at as_of - start
}

TEST(RetentionTest, NothingStarted) {
  const RetentionFigures f = ComputeRetention({}, kAsOf, kDefaultRetentionDays);
  EXPECT_EQ(f.started, 0);
  EXPECT_FALSE(f.probation_pass_rate.has_value());
  EXPECT_EQ(f.share_in_training, 0.0);
  ASSERT_EQ(f.at.size(), 3u);
  EXPECT_FALSE(f.at[0].estimable);
}

TEST(RetentionTest, GroupsSuppressSmallOnesAndTestTheShownOnes) {
  // "crafts": 5 spells, 2 end early (days 30 and 60); "trade": 6 spells, none ends;
  // "health": 4 spells (suppressed), 4 end early on day 10; one more spell starts
  // after as_of in "it" (no group).
  std::vector<TrainingSpell> spells;
  std::vector<std::string> groups;
  auto add = [&](const std::string& group, TrainingSpell spell) {
    spells.push_back(spell);
    groups.push_back(group);
  };
  add("crafts", Spell(kAugust, std::nullopt, std::nullopt, CivilDay(2024, 8, 31)));
  add("crafts", Spell(kAugust, std::nullopt, std::nullopt, CivilDay(2024, 9, 30)));
  for (int i = 0; i < 3; ++i) add("crafts", Spell(kAugust));
  for (int i = 0; i < 6; ++i) add("trade", Spell(kAugust));
  for (int i = 0; i < 4; ++i) {
    add("health", Spell(kAugust, std::nullopt, std::nullopt, CivilDay(2024, 8, 11)));
  }
  add("it", Spell(CivilDay(2026, 1, 1)));
  const GroupedRetention g = ComputeGroupedRetention(spells, groups, kAsOf, {365}, 5);
  ASSERT_EQ(g.groups.size(), 3u);
  EXPECT_EQ(g.groups[0].name, "crafts");
  EXPECT_FALSE(g.groups[0].suppressed);
  EXPECT_EQ(g.groups[0].figures.started, 5);
  EXPECT_DOUBLE_EQ(g.groups[0].figures.at[0].survival, 0.6);
  EXPECT_EQ(g.groups[1].name, "health");
  EXPECT_TRUE(g.groups[1].suppressed);
  EXPECT_EQ(g.groups[1].figures.started, 0);
  EXPECT_TRUE(g.groups[1].figures.at.empty());
  EXPECT_EQ(g.groups[2].name, "trade");
  EXPECT_EQ(g.groups[2].figures.started, 6);
  // Log-rank of crafts against trade only (health is suppressed):
  //   t = 30: n = 11 (5 + 6), d = 1 (crafts): E_crafts = 5/11, V = 1*10/10 * 5/11*6/11
  //   t = 60: n = 10 (4 + 6), d = 1 (crafts): E_crafts = 4/10, V = 1*9/9 * 4/10*6/10
  // O = 2, E = 0.454545 + 0.4 = 0.854545, V = 0.247934 + 0.24 = 0.487934;
  // chi2 = 1.145455^2 / 0.487934 = 2.689034 on 1 df.
  ASSERT_TRUE(g.log_rank.has_value());
  EXPECT_EQ(g.log_rank->degrees_of_freedom, 1);
  EXPECT_NEAR(g.log_rank->chi_square,
              (2 - 0.8545454545) * (2 - 0.8545454545) / (30.0 / 121 + 0.24), 1e-9);
}

TEST(RetentionTest, OneShownGroupHasNoTest) {
  std::vector<TrainingSpell> spells(5, Spell(kAugust));
  std::vector<std::string> groups(5, "trade");
  spells.push_back(Spell(kAugust));
  groups.push_back("crafts");
  const GroupedRetention g = ComputeGroupedRetention(spells, groups, kAsOf, {}, 5);
  ASSERT_EQ(g.groups.size(), 2u);
  EXPECT_FALSE(g.log_rank.has_value());
}

}  // namespace
}  // namespace azubimatch::engine
