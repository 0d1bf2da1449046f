// The chi-square tail against closed forms and tabulated critical values.
#include "engine/analytics/chi_square.h"

#include <cmath>

#include "gtest/gtest.h"

namespace azubimatch::engine {
namespace {

TEST(ChiSquareTest, TwoDegreesOfFreedomIsExponential) {
  // chi-square(2) is exponential with mean 2: P(X > x) = exp(-x / 2).
  for (double x : {0.1, 1.0, 5.991464547, 20.0, 100.0}) {
    EXPECT_NEAR(ChiSquareSurvival(x, 2), std::exp(-x / 2), 1e-13 * std::exp(-x / 2)) << x;
  }
}

TEST(ChiSquareTest, OneDegreeOfFreedomIsTwoSidedNormal) {
  // chi-square(1) = Z^2: P(X > x) = erfc(sqrt(x / 2)).
  for (double x : {0.012145749, 0.5, 3.841458821, 16.79294099, 40.0}) {
    const double expected = std::erfc(std::sqrt(x / 2));
    EXPECT_NEAR(ChiSquareSurvival(x, 1), expected, 1e-12 * expected + 1e-15) << x;
  }
}

TEST(ChiSquareTest, TabulatedCriticalValues) {
  // The 5 % and 1 % points of the chi-square table (e.g. NIST/SEMATECH 1.3.6.7.4).
  EXPECT_NEAR(ChiSquareSurvival(3.841458821, 1), 0.05, 1e-9);
  EXPECT_NEAR(ChiSquareSurvival(7.814727903, 3), 0.05, 1e-9);
  EXPECT_NEAR(ChiSquareSurvival(11.07049769, 5), 0.05, 1e-9);
  EXPECT_NEAR(ChiSquareSurvival(18.30703805, 10), 0.05, 1e-9);
  EXPECT_NEAR(ChiSquareSurvival(37.56623479, 20), 0.01, 1e-9);
  EXPECT_NEAR(ChiSquareSurvival(135.8067, 100), 0.01, 1e-6);
}

TEST(ChiSquareTest, Bounds) {
  EXPECT_EQ(ChiSquareSurvival(0.0, 1), 1.0);
  EXPECT_EQ(ChiSquareSurvival(-3.0, 4), 1.0);
  EXPECT_EQ(RegularizedGammaQ(2.0, INFINITY), 0.0);
  EXPECT_TRUE(std::isnan(RegularizedGammaQ(NAN, 1.0)));
  // Q(1, x) = exp(-x), on both sides of the series / continued-fraction switch at a + 1.
  for (double x : {0.5, 1.999, 2.0, 2.001, 30.0}) {
    EXPECT_NEAR(RegularizedGammaQ(1.0, x), std::exp(-x), 1e-14) << x;
  }
}

}  // namespace
}  // namespace azubimatch::engine
