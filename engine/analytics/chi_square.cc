#include "engine/analytics/chi_square.h"

#include <cmath>
#include <limits>

namespace azubimatch::engine {
namespace {

constexpr int kMaxTerms = 1000;
constexpr double kEpsilon = 1e-15;
constexpr double kTiny = 1e-300;  // Lentz's guard against a zero denominator

// The lower regularized P(a, x) by its series (x < a + 1):
//   P(a, x) = e^-x x^a / Γ(a + 1) * sum_{n>=0} x^n / ((a + 1)...(a + n)).
double GammaPSeries(double a, double x) {
  double term = 1.0 / a;
  double sum = term;
  double ap = a;
  for (int n = 0; n < kMaxTerms; ++n) {
    ap += 1.0;
    term *= x / ap;
    sum += term;
    if (std::abs(term) < std::abs(sum) * kEpsilon) break;
  }
  return sum * std::exp(-x + a * std::log(x) - std::lgamma(a));
}

// The upper regularized Q(a, x) by its continued fraction (x >= a + 1):
//   Q(a, x) = e^-x x^a / Γ(a) * 1 / (x + 1 - a - 1(1 - a) / (x + 3 - a - 2(2 - a) /
//   ...)).
double GammaQContinuedFraction(double a, double x) {
  double b = x + 1.0 - a;
  double c = 1.0 / kTiny;
  double d = 1.0 / b;
  double h = d;
  for (int i = 1; i <= kMaxTerms; ++i) {
    const double an = -i * (i - a);
    b += 2.0;
    d = an * d + b;
    if (std::abs(d) < kTiny) d = kTiny;
    c = b + an / c;
    if (std::abs(c) < kTiny) c = kTiny;
    d = 1.0 / d;
    const double delta = d * c;
    h *= delta;
    if (std::abs(delta - 1.0) < kEpsilon) break;
  }
  return std::exp(-x + a * std::log(x) - std::lgamma(a)) * h;
}

}  // namespace

double RegularizedGammaQ(double a, double x) {
  if (std::isnan(a) || std::isnan(x)) return std::numeric_limits<double>::quiet_NaN();
  if (x <= 0.0) return 1.0;
  if (std::isinf(x)) return 0.0;
  if (x < a + 1.0) return 1.0 - GammaPSeries(a, x);
  return GammaQContinuedFraction(a, x);
}

double ChiSquareSurvival(double x, int df) {
  if (x <= 0.0) return 1.0;
  return RegularizedGammaQ(0.5 * df, 0.5 * x);
}

}  // namespace azubimatch::engine
