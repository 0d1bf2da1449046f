#include "engine/analytics/log_rank.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <utility>

#include "engine/analytics/chi_square.h"

namespace azubimatch::engine {
namespace {

using Matrix = std::vector<std::vector<double>>;

// U' V⁻ U with a generalized inverse of the symmetric positive semi-definite V, by an
// in-place Cholesky (LDL') decomposition that zeroes the rows and columns of pivots
// below the tolerance. `*rank` receives the number of pivots kept.
double QuadraticFormGeneralized(Matrix v, const std::vector<double>& u, int* rank) {
  const size_t m = u.size();
  double largest = 0.0;
  for (size_t i = 0; i < m; ++i) largest = std::max(largest, std::abs(v[i][i]));
  const double tolerance = 1e-9 * largest;
  std::vector<bool> kept(m, false);
  *rank = 0;
  // LDL': v[i][i] holds D_i, v[j][i] (j > i) holds L_ji.
  for (size_t i = 0; i < m; ++i) {
    const double pivot = v[i][i];
    if (!(pivot > tolerance)) {
      for (size_t j = i; j < m; ++j) v[j][i] = 0.0;
      continue;
    }
    kept[i] = true;
    ++*rank;
    for (size_t j = i + 1; j < m; ++j) {
      const double l = v[j][i] / pivot;
      for (size_t k = j; k < m; ++k) v[k][j] -= l * v[k][i];
      v[j][i] = l;
    }
  }
  // Solve L y = u (forward), then the form is sum y_i^2 / D_i over kept pivots.
  std::vector<double> y(u);
  double form = 0.0;
  for (size_t i = 0; i < m; ++i) {
    for (size_t j = 0; j < i; ++j) y[i] -= v[i][j] * y[j];
    if (kept[i]) form += y[i] * y[i] / v[i][i];
  }
  return form;
}

}  // namespace

LogRankResult LogRankTest(absl::Span<const std::vector<SurvivalObservation>> groups) {
  const size_t k = groups.size();
  LogRankResult result;
  result.observed.assign(k, 0.0);
  result.expected.assign(k, 0.0);
  // (time, group, event), sorted by time.
  struct Entry {
    int32_t time;
    uint32_t group;
    bool event;
  };
  std::vector<Entry> entries;
  std::vector<double> at_risk(k, 0.0);
  for (size_t g = 0; g < k; ++g) {
    for (const SurvivalObservation& o : groups[g]) {
      entries.push_back({std::max(o.time, 0), static_cast<uint32_t>(g), o.event});
    }
    at_risk[g] = static_cast<double>(groups[g].size());
  }
  std::sort(entries.begin(), entries.end(),
            [](const Entry& a, const Entry& b) { return a.time < b.time; });
  if (k < 2) return result;
  const size_t m = k - 1;
  Matrix v(m, std::vector<double>(m, 0.0));
  std::vector<double> events(k, 0.0);
  std::vector<double> leaving(k, 0.0);
  double n = static_cast<double>(entries.size());
  for (size_t i = 0; i < entries.size();) {
    const int32_t time = entries[i].time;
    std::fill(events.begin(), events.end(), 0.0);
    std::fill(leaving.begin(), leaving.end(), 0.0);
    for (; i < entries.size() && entries[i].time == time; ++i) {
      if (entries[i].event) events[entries[i].group] += 1.0;
      leaving[entries[i].group] += 1.0;
    }
    double d = 0.0;
    for (double e : events) d += e;
    if (d > 0.0) {
      for (size_t g = 0; g < k; ++g) {
        result.observed[g] += events[g];
        result.expected[g] += d * at_risk[g] / n;
      }
      if (n > 1.0) {
        const double factor = d * (n - d) / (n - 1.0);
        for (size_t g = 0; g < m; ++g) {
          for (size_t h = 0; h < m; ++h) {
            const double delta = g == h ? 1.0 : 0.0;
            v[g][h] += factor * (at_risk[g] / n) * (delta - at_risk[h] / n);
          }
        }
      }
    }
    for (size_t g = 0; g < k; ++g) {
      at_risk[g] -= leaving[g];
      n -= leaving[g];
    }
  }
  std::vector<double> u(m);
  for (size_t g = 0; g < m; ++g) u[g] = result.observed[g] - result.expected[g];
  int rank = 0;
  const double statistic = QuadraticFormGeneralized(std::move(v), u, &rank);
  result.degrees_of_freedom = rank;
  if (rank == 0) return result;
  result.chi_square = std::max(statistic, 0.0);
  result.p_value = ChiSquareSurvival(result.chi_square, rank);
  return result;
}

}  // namespace azubimatch::engine
