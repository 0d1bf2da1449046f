// The log-rank test on a small example computed by hand, on the classic Freireich
// comparison (textbook values), with more than two groups, and with a group that is
// never at risk at an event time (the degrees of freedom drop).
#include "engine/analytics/log_rank.h"

#include <cmath>
#include <vector>

#include "engine/analytics/chi_square.h"
#include "gtest/gtest.h"
#include "tests/engine/analytics/survival_observations.h"

namespace azubimatch::engine {
namespace {

TEST(LogRankTest, TwoGroupsByHand) {
  // A: 1, 3, 4*     B: 2, 3, 5     (tie of events at 3 across the groups)
  //   t  n_A n_B  n  d  d_A  E_A = d n_A / n   V = d (n-d)/(n-1) n_A/n (1 - n_A/n)
  //   1   3   3   6  1   1   3/6 = 0.5         1*5/5 * 1/2 * 1/2 = 0.25
  //   2   2   3   5  1   0   2/5 = 0.4         1*4/4 * 2/5 * 3/5 = 0.24
  //   3   2   2   4  2   1   2*2/4 = 1.0       2*2/3 * 1/2 * 1/2 = 1/3
  //   5   0   1   1  1   0   0                 n = 1: no variance
  // O_A = 2, E_A = 1.9, V = 0.823333; chi2 = 0.1^2 / 0.823333 = 0.0121457 on 1 df;
  // p = erfc(sqrt(0.0121457 / 2)) = 0.912245.
  const std::vector<SurvivalObservation> groups[] = {
      Obs({{1, true}, {3, true}, {4, false}}), Obs({{2, true}, {3, true}, {5, true}})};
  const LogRankResult r = LogRankTest(groups);
  EXPECT_EQ(r.degrees_of_freedom, 1);
  EXPECT_DOUBLE_EQ(r.observed[0], 2.0);
  EXPECT_DOUBLE_EQ(r.observed[1], 3.0);
  EXPECT_NEAR(r.expected[0], 1.9, 1e-12);
  EXPECT_NEAR(r.expected[1], 3.1, 1e-12);
  EXPECT_NEAR(r.chi_square, 0.01 / 0.8233333333333333, 1e-12);
  EXPECT_NEAR(r.p_value, 0.9122446131268518, 1e-9);
}

TEST(LogRankTest, FreireichSixMpAgainstPlacebo) {
  // Kleinbaum & Klein, ch. 2: the 6-MP arm against placebo (all 21 relapse); the book
  // (and R's survdiff) give O = 9 / 21, E = 19.25 / 10.75, chi2 = 16.79 on 1 df,
  // p = 4.17e-5.
  const std::vector<SurvivalObservation> groups[] = {
      Obs({{6, true},   {6, true},   {6, true},   {6, false}, {7, true},   {9, false},
           {10, true},  {10, false}, {11, false}, {13, true}, {16, true},  {17, false},
           {19, false}, {20, false}, {22, true},  {23, true}, {25, false}, {32, false},
           {32, false}, {34, false}, {35, false}}),
      Obs({{1, true},  {1, true},  {2, true},  {2, true},  {3, true},  {4, true},
           {4, true},  {5, true},  {5, true},  {8, true},  {8, true},  {8, true},
           {8, true},  {11, true}, {11, true}, {12, true}, {12, true}, {15, true},
           {17, true}, {22, true}, {23, true}})};
  const LogRankResult r = LogRankTest(groups);
  EXPECT_EQ(r.degrees_of_freedom, 1);
  EXPECT_DOUBLE_EQ(r.observed[0], 9.0);
  EXPECT_NEAR(r.expected[0], 19.2505, 1e-4);
  EXPECT_NEAR(r.expected[1], 10.7495, 1e-4);
  EXPECT_NEAR(r.chi_square, 16.7929, 1e-4);
  EXPECT_NEAR(r.p_value, 4.17e-5, 0.01e-5);
}

TEST(LogRankTest, ThreeGroupsUseTheFullCovariance) {
  // A: 1 3 4* 6   B: 2 3 5 7*   C: 2* 4 8 9. O = (3, 3, 3),
  // E = (2.008442, 2.299351, 4.692208), V over A and B =
  // [[1.361040, -0.628862], [-0.628862, 1.474098]]; U' V^-1 U = 1.856950 on 2 df,
  // p = exp(-1.856950 / 2) = 0.395156 (2 df: the tail is exponential).
  const std::vector<SurvivalObservation> groups[] = {
      Obs({{1, true}, {3, true}, {4, false}, {6, true}}),
      Obs({{2, true}, {3, true}, {5, true}, {7, false}}),
      Obs({{2, false}, {4, true}, {8, true}, {9, true}})};
  const LogRankResult r = LogRankTest(groups);
  EXPECT_EQ(r.degrees_of_freedom, 2);
  EXPECT_NEAR(r.expected[2], 4.692208, 1e-6);
  EXPECT_NEAR(r.chi_square, 1.856950, 1e-6);
  EXPECT_NEAR(r.p_value, 0.395156, 1e-6);
  // The order of the observations within a group does not matter.
  std::vector<SurvivalObservation> reversed[] = {groups[0], groups[1], groups[2]};
  for (auto& g : reversed) std::reverse(g.begin(), g.end());
  EXPECT_DOUBLE_EQ(LogRankTest(reversed).chi_square, r.chi_square);
}

TEST(LogRankTest, GroupNeverAtRiskDropsADegreeOfFreedom) {
  // C is censored at 0, before the first event: its row of V is 0, so the rank is 1
  // and the statistic is the two-group one of A against B.
  const std::vector<SurvivalObservation> groups[] = {
      Obs({{1, true}, {3, true}, {4, false}}), Obs({{2, true}, {3, true}, {5, true}}),
      Obs({{0, false}})};
  const LogRankResult r = LogRankTest(groups);
  EXPECT_EQ(r.degrees_of_freedom, 1);
  EXPECT_NEAR(r.chi_square, 0.01 / 0.8233333333333333, 1e-12);
}

TEST(LogRankTest, NoEventsOrOneGroup) {
  const std::vector<SurvivalObservation> censored[] = {Obs({{1, false}}),
                                                       Obs({{2, false}})};
  LogRankResult r = LogRankTest(censored);
  EXPECT_EQ(r.degrees_of_freedom, 0);
  EXPECT_EQ(r.p_value, 1.0);
  const std::vector<SurvivalObservation> one[] = {Obs({{1, true}, {2, false}})};
  r = LogRankTest(one);
  EXPECT_EQ(r.degrees_of_freedom, 0);
  EXPECT_EQ(r.chi_square, 0.0);
}

}  // namespace
}  // namespace azubimatch::engine
