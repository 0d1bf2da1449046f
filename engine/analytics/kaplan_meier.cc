#include "engine/analytics/kaplan_meier.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace azubimatch::engine {

void LogLogInterval(double survival, double greenwood, double* low, double* high) {
  if (survival >= 1.0) {
    *low = *high = 1.0;
    return;
  }
  if (survival <= 0.0 || !std::isfinite(greenwood)) {
    *low = *high = std::max(survival, 0.0);
    return;
  }
  const double se = std::sqrt(greenwood) / std::abs(std::log(survival));
  *low = std::pow(survival, std::exp(kZ95 * se));
  *high = std::pow(survival, std::exp(-kZ95 * se));
}

SurvivalCurve KaplanMeier(absl::Span<const SurvivalObservation> observations) {
  std::vector<SurvivalObservation> sorted(observations.begin(), observations.end());
  for (SurvivalObservation& o : sorted) o.time = std::max(o.time, 0);
  std::sort(sorted.begin(), sorted.end(),
            [](const SurvivalObservation& a, const SurvivalObservation& b) {
              return a.time < b.time;
            });
  SurvivalCurve curve;
  curve.observations = static_cast<int32_t>(sorted.size());
  double survival = 1.0;
  double greenwood = 0.0;
  int32_t at_risk = curve.observations;
  for (size_t i = 0; i < sorted.size();) {
    SurvivalStep step;
    step.time = sorted[i].time;
    step.at_risk = at_risk;
    for (; i < sorted.size() && sorted[i].time == step.time; ++i) {
      ++(sorted[i].event ? step.events : step.censored);
    }
    if (step.events > 0) {
      const double n = step.at_risk;
      const double d = step.events;
      survival *= 1.0 - d / n;
      greenwood = step.events == step.at_risk ? std::numeric_limits<double>::infinity()
                                              : greenwood + d / (n * (n - d));
    }
    step.survival = survival;
    step.greenwood = greenwood;
    LogLogInterval(survival, greenwood, &step.ci_low, &step.ci_high);
    curve.events += step.events;
    at_risk -= step.events + step.censored;
    curve.steps.push_back(step);
  }
  return curve;
}

SurvivalEstimate SurvivalAt(const SurvivalCurve& curve, int32_t time) {
  SurvivalEstimate estimate;
  estimate.time = time;
  // The first step at or after `time` gives the number at risk.
  auto next =
      std::lower_bound(curve.steps.begin(), curve.steps.end(), time,
                       [](const SurvivalStep& s, int32_t t) { return s.time < t; });
  estimate.at_risk = next == curve.steps.end() ? 0 : next->at_risk;
  // The last step at or before `time` gives the value.
  auto last =
      std::upper_bound(curve.steps.begin(), curve.steps.end(), time,
                       [](int32_t t, const SurvivalStep& s) { return t < s.time; });
  if (last != curve.steps.begin()) {
    const SurvivalStep& step = *std::prev(last);
    estimate.survival = step.survival;
    estimate.ci_low = step.ci_low;
    estimate.ci_high = step.ci_high;
  }
  estimate.estimable = estimate.at_risk > 0 || estimate.survival <= 0.0;
  return estimate;
}

}  // namespace azubimatch::engine
