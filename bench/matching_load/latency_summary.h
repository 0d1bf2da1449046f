// LatencySummary: percentiles of a set of latency samples (microseconds), by sorting
// them; nearest-rank definition (p50 of {1,2,3,4} is 2), so every reported figure is a
// latency that was measured.
//
// Thread-compatible. Complexity: O(n log n) for n samples.
#ifndef AZUBIMATCH_BENCH_MATCHING_LOAD_LATENCY_SUMMARY_H_
#define AZUBIMATCH_BENCH_MATCHING_LOAD_LATENCY_SUMMARY_H_

#include <cstdint>
#include <vector>

namespace azubimatch::bench {

struct LatencySummary {
  int64_t count = 0;
  double mean_us = 0;
  int64_t p50_us = 0;
  int64_t p90_us = 0;
  int64_t p99_us = 0;
  int64_t max_us = 0;
};

// All fields 0 for no samples.
LatencySummary SummarizeLatencies(std::vector<int64_t> samples_us);

}  // namespace azubimatch::bench

#endif  // AZUBIMATCH_BENCH_MATCHING_LOAD_LATENCY_SUMMARY_H_
