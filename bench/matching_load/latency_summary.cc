#include "bench/matching_load/latency_summary.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace azubimatch::bench {
namespace {

// The nearest-rank percentile of sorted, non-empty `sorted`.
int64_t Percentile(const std::vector<int64_t>& sorted, double percent) {
  const double rank = std::ceil(percent / 100.0 * static_cast<double>(sorted.size()));
  const size_t index = static_cast<size_t>(std::max(1.0, rank)) - 1;
  return sorted[std::min(index, sorted.size() - 1)];
}

}  // namespace

LatencySummary SummarizeLatencies(std::vector<int64_t> samples_us) {
  LatencySummary summary;
  if (samples_us.empty()) return summary;
  std::sort(samples_us.begin(), samples_us.end());
  summary.count = static_cast<int64_t>(samples_us.size());
  summary.mean_us = static_cast<double>(std::accumulate(samples_us.begin(),
                                                        samples_us.end(), int64_t{0})) /
                    static_cast<double>(summary.count);
  summary.p50_us = Percentile(samples_us, 50);
  summary.p90_us = Percentile(samples_us, 90);
  summary.p99_us = Percentile(samples_us, 99);
  summary.max_us = samples_us.back();
  return summary;
}

}  // namespace azubimatch::bench
