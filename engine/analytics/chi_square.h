// The chi-square distribution's upper tail, from the regularized incomplete gamma
// function, for the p-values of the log-rank test (log_rank.h).
//
//   RegularizedGammaQ(a, x) = Γ(a, x) / Γ(a), the upper regularized incomplete gamma
//   function, evaluated as in Numerical Recipes (3rd ed., §6.2): the series of P(a, x)
//   for x < a + 1, else the continued fraction of Q(a, x) by the modified Lentz method;
//   both stop at a relative change below 1e-15 (at most 1000 terms), which gives
//   about 14 significant digits for a, x up to 1e6.
//   ChiSquareSurvival(x, df) = P(X > x) for X ~ chi-square(df) = Q(df / 2, x / 2).
//
// Thread safety: pure functions. Complexity: O(min(1000, sqrt(a) + a few)) terms.
#ifndef AZUBIMATCH_ENGINE_ANALYTICS_CHI_SQUARE_H_
#define AZUBIMATCH_ENGINE_ANALYTICS_CHI_SQUARE_H_

namespace azubimatch::engine {

// REQUIRES: a > 0. x <= 0 gives 1; x = +inf gives 0; NaN gives NaN.
double RegularizedGammaQ(double a, double x);

// REQUIRES: df >= 1. x <= 0 gives 1.
double ChiSquareSurvival(double x, int df);

}  // namespace azubimatch::engine

#endif  // AZUBIMATCH_ENGINE_ANALYTICS_CHI_SQUARE_H_
