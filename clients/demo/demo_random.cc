#include "clients/demo/demo_random.h"

#include <algorithm>
#include <cassert>

#include "engine/matching/tie_break.h"

namespace azubimatch::clients {

// SplitMix64 spreads nearby seeds apart.
DemoRandom::DemoRandom(uint64_t seed, uint64_t stream)
    : engine_(engine::SplitMix64(engine::SplitMix64(seed) ^
                                 (stream * 0xd1b54a32d192ed03ULL))) {}

uint64_t DemoRandom::Uniform(uint64_t n) {
  assert(n > 0);
  // Values below `threshold` would make the low residues more likely; 2^64 mod n.
  const uint64_t threshold = (0 - n) % n;
  while (true) {
    const uint64_t x = engine_();
    if (x >= threshold) return x % n;
  }
}

int DemoRandom::UniformInt(int lo, int hi) {
  assert(lo <= hi);
  const uint64_t span = static_cast<uint64_t>(static_cast<int64_t>(hi) - lo) + 1;
  return static_cast<int>(static_cast<int64_t>(lo) + static_cast<int64_t>(Uniform(span)));
}

double DemoRandom::UniformDouble() {
  return static_cast<double>(engine_() >> 11) * 0x1.0p-53;
}

bool DemoRandom::Bernoulli(double p) {
  if (p <= 0) return false;
  if (p >= 1) return true;
  return UniformDouble() < p;
}

size_t DemoRandom::WeightedIndex(absl::Span<const double> weights) {
  double total = 0;
  for (double w : weights) total += w;
  assert(total > 0);
  const double target = UniformDouble() * total;
  double cumulative = 0;
  size_t last_positive = 0;
  for (size_t i = 0; i < weights.size(); ++i) {
    if (weights[i] <= 0) continue;
    cumulative += weights[i];
    last_positive = i;
    if (target < cumulative) return i;
  }
  return last_positive;  // rounding at the top end
}

size_t DemoRandom::CumulativeIndex(absl::Span<const double> cumulative) {
  assert(!cumulative.empty() && cumulative.back() > 0);
  const double target = UniformDouble() * cumulative.back();
  size_t i = std::upper_bound(cumulative.begin(), cumulative.end(), target) -
             cumulative.begin();
  if (i == cumulative.size()) --i;  // rounding at the top end
  // Never an index of weight 0 (a step of 0 at the top end after rounding).
  while (i > 0 && cumulative[i] == cumulative[i - 1]) --i;
  return i;
}

}  // namespace azubimatch::clients
