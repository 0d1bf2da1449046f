// Kaplan–Meier, Greenwood and the log-log interval on a classic data set computed by
// hand, and the conventions for ties and for censoring at an event's time.
#include "engine/analytics/kaplan_meier.h"

#include <cmath>
#include <vector>

#include "gtest/gtest.h"
#include "tests/engine/analytics/survival_observations.h"

namespace azubimatch::engine {
namespace {

// Freireich et al. (1963), the 6-MP arm of the leukaemia remission trial, as in
// Kleinbaum & Klein, "Survival Analysis", ch. 2 (weeks; * = censored):
//   6 6 6 6* 7 9* 10 10* 11* 13 16 17* 19* 20* 22 23 25* 32* 32* 34* 35*
// Listed out of order to check that order does not matter.
std::vector<SurvivalObservation> SixMp() {
  return Obs({{35, false}, {6, true},   {6, false},  {6, true},  {7, true},   {9, false},
              {10, true},  {10, false}, {11, false}, {13, true}, {16, true},  {17, false},
              {19, false}, {20, false}, {22, true},  {23, true}, {25, false}, {32, false},
              {32, false}, {34, false}, {6, true}});
}

TEST(KaplanMeierTest, SixMpByHand) {
  // By hand (events before censorings at the same time, so 6* is at risk at 6):
  //   t   n  d  S(t)                        Greenwood sum d/(n(n-d))
  //   6  21  3  18/21           = 0.857143  3/(21*18)            = 0.0079365
  //   7  17  1  0.857143*16/17  = 0.806723  + 1/(17*16) = 0.0116130
  //  10  15  1  0.806723*14/15  = 0.752941  + 1/(15*14) = 0.0163749
  //  13  12  1  0.752941*11/12  = 0.690196  + 1/(12*11) = 0.0239507
  //  16  11  1  0.690196*10/11  = 0.627451  + 1/(11*10) = 0.0330416
  //  22   7  1  0.627451*6/7    = 0.537815  + 1/(7*6)   = 0.0568511
  //  23   6  1  0.537815*5/6    = 0.448179  + 1/(6*5)   = 0.0901844
  // Standard errors S*sqrt(sum): 0.0764, 0.0869, 0.0963, 0.1068, 0.1141, 0.1282, 0.1346
  // (the textbook's table). Log-log 95 % interval at t = 6: se = sqrt(0.0079365) /
  // |ln 0.857143| = 0.089087 / 0.154151 = 0.577921; exp(1.959964 * 0.577921) = 3.10044,
  // so low = 0.857143^3.10044 = 0.6197 and high = 0.857143^(1/3.10044) = 0.9516
  // (R: survfit(conf.type = "log-log") prints 0.620 and 0.952).
  const SurvivalCurve curve = KaplanMeier(SixMp());
  EXPECT_EQ(curve.observations, 21);
  EXPECT_EQ(curve.events, 9);
  struct Row {
    int time, at_risk, events, censored;
    double survival, se, low, high;
  };
  const Row expected[] = {
      {6, 21, 3, 1, 0.857143, 0.076360, 0.619718, 0.951552},
      {7, 17, 1, 0, 0.806723, 0.086935, 0.563147, 0.922809},
      {9, 16, 0, 1, 0.806723, 0.086935, 0.563147, 0.922809},
      {10, 15, 1, 1, 0.752941, 0.096350, 0.503200, 0.889362},
      {11, 13, 0, 1, 0.752941, 0.096350, 0.503200, 0.889362},
      {13, 12, 1, 0, 0.690196, 0.106815, 0.431610, 0.849066},
      {16, 11, 1, 0, 0.627451, 0.114054, 0.367511, 0.804912},
      {17, 10, 0, 1, 0.627451, 0.114054, 0.367511, 0.804912},
      {19, 9, 0, 1, 0.627451, 0.114054, 0.367511, 0.804912},
      {20, 8, 0, 1, 0.627451, 0.114054, 0.367511, 0.804912},
      {22, 7, 1, 0, 0.537815, 0.128234, 0.267779, 0.746791},
      {23, 6, 1, 0, 0.448179, 0.134591, 0.188052, 0.680143},
      {25, 5, 0, 1, 0.448179, 0.134591, 0.188052, 0.680143},
      {32, 4, 0, 2, 0.448179, 0.134591, 0.188052, 0.680143},
      {34, 2, 0, 1, 0.448179, 0.134591, 0.188052, 0.680143},
      {35, 1, 0, 1, 0.448179, 0.134591, 0.188052, 0.680143},
  };
  ASSERT_EQ(curve.steps.size(), std::size(expected));
  for (size_t i = 0; i < curve.steps.size(); ++i) {
    const SurvivalStep& s = curve.steps[i];
    const Row& e = expected[i];
    SCOPED_TRACE(e.time);
    EXPECT_EQ(s.time, e.time);
    EXPECT_EQ(s.at_risk, e.at_risk);
    EXPECT_EQ(s.events, e.events);
    EXPECT_EQ(s.censored, e.censored);
    EXPECT_NEAR(s.survival, e.survival, 5e-7);
    EXPECT_NEAR(s.survival * std::sqrt(s.greenwood), e.se, 5e-7);
    EXPECT_NEAR(s.ci_low, e.low, 5e-7);
    EXPECT_NEAR(s.ci_high, e.high, 5e-7);
  }
}

TEST(KaplanMeierTest, CensoredAtAnEventTimeIsStillAtRisk) {
  // 1, 2, 2*, 3: at t = 2 the censored one is at risk, so n = 3 and S(2) = 3/4 * 2/3 =
  // 1/2. (Censoring first would give n = 2 and S(2) = 3/4 * 1/2 = 3/8.)
  const SurvivalCurve curve =
      KaplanMeier(Obs({{2, false}, {1, true}, {2, true}, {3, true}}));
  ASSERT_EQ(curve.steps.size(), 3u);
  EXPECT_EQ(curve.steps[1].at_risk, 3);
  EXPECT_EQ(curve.steps[1].events, 1);
  EXPECT_EQ(curve.steps[1].censored, 1);
  EXPECT_DOUBLE_EQ(curve.steps[1].survival, 0.5);
  // t = 3: n = 1, d = 1: S = 0, Greenwood infinite, interval [0, 0].
  EXPECT_EQ(curve.steps[2].at_risk, 1);
  EXPECT_EQ(curve.steps[2].survival, 0.0);
  EXPECT_TRUE(std::isinf(curve.steps[2].greenwood));
  EXPECT_EQ(curve.steps[2].ci_low, 0.0);
  EXPECT_EQ(curve.steps[2].ci_high, 0.0);
}

TEST(KaplanMeierTest, TiedEventsFormOneStep) {
  // Four events at 5 among 8: one step of 1 - 4/8; Greenwood 4/(8*4) = 0.125.
  const SurvivalCurve curve = KaplanMeier(Obs({{5, true},
                                               {5, true},
                                               {5, true},
                                               {5, true},
                                               {9, false},
                                               {9, false},
                                               {9, false},
                                               {9, false}}));
  ASSERT_EQ(curve.steps.size(), 2u);
  EXPECT_EQ(curve.steps[0].events, 4);
  EXPECT_DOUBLE_EQ(curve.steps[0].survival, 0.5);
  EXPECT_DOUBLE_EQ(curve.steps[0].greenwood, 0.125);
}

TEST(KaplanMeierTest, SurvivalAtReadsTheStepAtOrBefore) {
  const SurvivalCurve curve = KaplanMeier(SixMp());
  // Before the first event: S = 1, everyone at risk, interval [1, 1].
  SurvivalEstimate e = SurvivalAt(curve, 3);
  EXPECT_TRUE(e.estimable);
  EXPECT_EQ(e.at_risk, 21);
  EXPECT_EQ(e.survival, 1.0);
  EXPECT_EQ(e.ci_low, 1.0);
  // Between steps 13 and 16: S(13), at risk those with time >= 14 (= n at 16).
  e = SurvivalAt(curve, 14);
  EXPECT_NEAR(e.survival, 0.690196, 5e-7);
  EXPECT_EQ(e.at_risk, 11);
  EXPECT_NEAR(e.ci_low, 0.431610, 5e-7);
  // On a step: its value and its n.
  e = SurvivalAt(curve, 22);
  EXPECT_NEAR(e.survival, 0.537815, 5e-7);
  EXPECT_EQ(e.at_risk, 7);
  // On the last time: one at risk; beyond it nothing is observed.
  EXPECT_EQ(SurvivalAt(curve, 35).at_risk, 1);
  e = SurvivalAt(curve, 36);
  EXPECT_EQ(e.at_risk, 0);
  EXPECT_FALSE(e.estimable);
}

TEST(KaplanMeierTest, EmptyAndAllEvents) {
  const SurvivalCurve empty = KaplanMeier({});
  EXPECT_TRUE(empty.steps.empty());
  EXPECT_FALSE(SurvivalAt(empty, 0).estimable);
  // Everybody ends: beyond the last time the curve is known to be 0.
  const SurvivalCurve all = KaplanMeier(Obs({{1, true}, {2, true}}));
  const SurvivalEstimate e = SurvivalAt(all, 10);
  EXPECT_TRUE(e.estimable);
  EXPECT_EQ(e.survival, 0.0);
}

}  // namespace
}  // namespace azubimatch::engine
