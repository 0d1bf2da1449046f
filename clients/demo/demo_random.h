// DemoRandom: the seeded random source of the demo cohort generator.
//
// The standard library's distributions (std::uniform_int_distribution, ...) are not
// specified bit for bit and differ between libstdc++ and libc++; std::mt19937_64 is.
// So the engine is std::mt19937_64 and every distribution here is our own, written so
// that the same seed yields the same sequence on every platform and compiler.
//
// Streams: DemoRandom(seed, stream) derives the engine seed from both values with
// SplitMix64, so that independent parts of a cohort (companies and offers, candidates)
// draw from independent sequences; growing one part never changes the other.
//
// Thread safety: none; one instance per thread. Every operation is O(1) expected,
// except WeightedIndex, which is O(n) in the number of weights, and CumulativeIndex,
// O(log n).
#ifndef AZUBIMATCH_CLIENTS_DEMO_DEMO_RANDOM_H_
#define AZUBIMATCH_CLIENTS_DEMO_DEMO_RANDOM_H_

#include <cstddef>
#include <cstdint>
#include <random>

#include "absl/types/span.h"

namespace azubimatch::clients {

class DemoRandom {
 public:
  DemoRandom(uint64_t seed, uint64_t stream);

  // The next raw 64-bit value of the engine.
  uint64_t Next() { return engine_(); }

  // Uniform in [0, n), without modulo bias (rejection sampling).
  // REQUIRES: n > 0.
  uint64_t Uniform(uint64_t n);

  // Uniform in [lo, hi], both inclusive. REQUIRES: lo <= hi.
  int UniformInt(int lo, int hi);

  // Uniform in [0, 1) with 53 bits of precision.
  double UniformDouble();

  // True with probability p (p <= 0: never, p >= 1: always).
  bool Bernoulli(double p);

  // Index i with probability weights[i] / sum(weights). Weights must be >= 0.
  // REQUIRES: the sum of weights is > 0.
  size_t WeightedIndex(absl::Span<const double> weights);

  // The draw of WeightedIndex for a table drawn from many times, in O(log n):
  // `cumulative` holds the running sums of the weights (cumulative[i] = weights[0] +
  // ... + weights[i]), and index i comes with probability weights[i] / cumulative.back().
  // REQUIRES: non-decreasing, cumulative.back() > 0.
  size_t CumulativeIndex(absl::Span<const double> cumulative);

 private:
  std::mt19937_64 engine_;
};

}  // namespace azubimatch::clients

#endif  // AZUBIMATCH_CLIENTS_DEMO_DEMO_RANDOM_H_
