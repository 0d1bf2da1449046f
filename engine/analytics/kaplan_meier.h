// The Kaplan–Meier estimate of a survival function from right-censored observations,
// with Greenwood's variance and pointwise 95 % confidence intervals.
//
// Input: observations (time, event): `time` is a whole number of days >= 0 (the time
// to the event, or to censoring when `event` is false).
//
// Ties: at a time with both events and censorings, the events come first — the
// observations censored at t are still at risk at t (the usual convention, as in R's
// survival package). So each step at time t has
//   at_risk  n = observations with time >= t,
//   events   d = events at t, censored c = censorings at t,
//   survival S(t) = prod over steps t_i <= t of (1 - d_i / n_i).
//
// Variance: Greenwood's formula on the log scale,
//   greenwood(t) = sum over t_i <= t of d_i / (n_i (n_i - d_i))   (= Var(log S(t))),
// +inf once S reaches 0 (n_i = d_i).
//
// Confidence intervals: log-log transformed ("log-log" in R's survfit, Kalbfleisch and
// Prentice), 95 % (z = 1.959964): with se = sqrt(greenwood) / |log S|,
//   ci_low = S^exp(+z se),  ci_high = S^exp(-z se),
// which stays inside [0, 1]. Where S = 1 (no event yet) the interval is [1, 1]; where
// S = 0 it is [0, 0].
//
// Determinism: steps ordered by time; the result does not depend on the input order.
// Thread safety: pure functions. Complexity: KaplanMeier O(n log n) for n observations
// (one sort); SurvivalAt O(log s) for s steps.
#ifndef AZUBIMATCH_ENGINE_ANALYTICS_KAPLAN_MEIER_H_
#define AZUBIMATCH_ENGINE_ANALYTICS_KAPLAN_MEIER_H_

#include <cstdint>
#include <vector>

#include "absl/types/span.h"

namespace azubimatch::engine {

inline constexpr double kZ95 = 1.959963984540054;  // the 97.5 % normal quantile

struct SurvivalObservation {
  int32_t time = 0;    // days, >= 0
  bool event = false;  // true: the event at `time`; false: censored at `time`
};

// One distinct observed time (with events, censorings or both).
struct SurvivalStep {
  int32_t time = 0;
  int32_t at_risk = 0;
  int32_t events = 0;
  int32_t censored = 0;
  double survival = 1.0;   // S(time), after this step's events
  double greenwood = 0.0;  // Var(log S(time)); +inf when survival is 0
  double ci_low = 1.0;
  double ci_high = 1.0;
};

struct SurvivalCurve {
  int32_t observations = 0;
  int32_t events = 0;
  std::vector<SurvivalStep> steps;  // by time, every distinct observed time
};

// REQUIRES: every time >= 0 (a negative time is counted as 0).
SurvivalCurve KaplanMeier(absl::Span<const SurvivalObservation> observations);

// The curve read at day `time`.
struct SurvivalEstimate {
  int32_t time = 0;
  int32_t at_risk = 0;  // observations with time >= `time`
  // False when the curve says nothing at `time`: nobody was observed that long and the
  // curve had not reached 0 (the survival and interval fields are then meaningless).
  bool estimable = true;
  double survival = 1.0;  // of the last step at or before `time`; 1 before the first
  double ci_low = 1.0;
  double ci_high = 1.0;
};

SurvivalEstimate SurvivalAt(const SurvivalCurve& curve, int32_t time);

// The log-log 95 % interval of a survival value with Greenwood variance `greenwood`
// (see the file comment); exposed for tests.
void LogLogInterval(double survival, double greenwood, double* low, double* high);

}  // namespace azubimatch::engine

#endif  // AZUBIMATCH_ENGINE_ANALYTICS_KAPLAN_MEIER_H_
