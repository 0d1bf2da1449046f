// The log-rank test (Mantel–Haenszel) of equal survival across k groups of
// right-censored observations (kaplan_meier.h's SurvivalObservation).
//
// At every distinct event time t of the pooled sample, with n at risk and d events in
// all, and n_g at risk and d_g events in group g (censorings at t still at risk at t):
//   O_g = sum d_g,   E_g = sum d n_g / n,
//   V_gh = sum d (n - d) / (n - 1) * (n_g / n) (δ_gh - n_h / n)   (times with n > 1).
// The statistic is U' V⁻ U over U = O - E of the first k - 1 groups, with V⁻ a
// generalized inverse found by a Cholesky decomposition that drops pivots below
// 1e-9 times the largest diagonal entry (R's survdiff does the same); the degrees of
// freedom are the rank of V (k - 1 when every group has observations at risk at some
// event time). The p-value is ChiSquareSurvival(statistic, df) (chi_square.h); with
// df = 0 (no event, or one group) the statistic is 0 and the p-value 1.
//
// Determinism: groups keep their order; the result does not depend on the order of
// the observations within a group.
// Thread safety: pure function. Complexity: O(N log N + T k + k^3) for N observations,
// T distinct event times and k groups.
#ifndef AZUBIMATCH_ENGINE_ANALYTICS_LOG_RANK_H_
#define AZUBIMATCH_ENGINE_ANALYTICS_LOG_RANK_H_

#include <vector>

#include "absl/types/span.h"
#include "engine/analytics/kaplan_meier.h"

namespace azubimatch::engine {

struct LogRankResult {
  double chi_square = 0.0;
  int degrees_of_freedom = 0;
  double p_value = 1.0;
  std::vector<double> observed;  // O_g per group
  std::vector<double> expected;  // E_g per group
};

LogRankResult LogRankTest(absl::Span<const std::vector<SurvivalObservation>> groups);

}  // namespace azubimatch::engine

#endif  // AZUBIMATCH_ENGINE_ANALYTICS_LOG_RANK_H_
