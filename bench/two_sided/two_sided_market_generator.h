// A generated two-sided market shaped like an apprenticeship clearinghouse, for
// benchmarks: candidates are interviewed by 5-20 offers of their region and rank all of
// them; each offer ranks 5-20 of its interviewees (the best ones for it). Preferences
// mix a common quality (offers' attractiveness, candidates' merit) with private taste,
// weighted by `common`; the pair score is the mean of both sides' utilities. Utilities
// are on a grid of 1/1000, so lists have ties, broken later by the run's seed
// (seeded_tie_breaking.h). Deterministic for a seed (own arithmetic on std::mt19937_64).
#ifndef AZUBIMATCH_BENCH_TWO_SIDED_TWO_SIDED_MARKET_GENERATOR_H_
#define AZUBIMATCH_BENCH_TWO_SIDED_TWO_SIDED_MARKET_GENERATOR_H_

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <random>
#include <vector>

#include "engine/matching/seeded_tie_breaking.h"

namespace azubimatch::bench {

// x rounded to a multiple of 1/1000.
inline double Grid(double x) { return std::round(x * 1000.0) / 1000.0; }

struct MarketShape {
  int32_t candidates = 50000;
  int32_t offers = 20000;
  int32_t offers_per_region = 200;
  double common = 0.5;            // weight of the common quality in both sides' utilities
  bool full_offer_lists = false;  // offers rank all their interviewees, not 5-20
  bool complete_lists = false;    // candidates are interviewed by every offer of their
                                  // region, not 5-20 (with full_offer_lists: complete)
  uint64_t seed = 1;
};

inline engine::TiedMarketInput GenerateTwoSidedMarket(const MarketShape& shape) {
  std::mt19937_64 rng(shape.seed);
  auto below = [&](int64_t n) {
    return static_cast<int64_t>(rng() % static_cast<uint64_t>(n));
  };
  auto unit = [&] { return static_cast<double>(rng() >> 11) * 0x1.0p-53; };
  const int32_t regions = std::max(1, shape.offers / shape.offers_per_region);
  engine::TiedMarketInput input;
  std::vector<double> attract(shape.offers), merit(shape.candidates);
  for (int32_t o = 0; o < shape.offers; ++o) {
    const int64_t r = below(100);
    input.seats.push_back(r < 40 ? 1 : r < 75 ? 2 : 3);
    attract[o] = unit();
  }
  for (double& m : merit) m = unit();

  struct Interview {
    int32_t candidate;
    double offer_utility;
  };
  std::vector<std::vector<Interview>> interviewees(shape.offers);
  input.candidate_lists.resize(shape.candidates);
  for (int32_t c = 0; c < shape.candidates; ++c) {
    const int32_t region = c % regions;
    const int32_t in_region = (shape.offers - region + regions - 1) / regions;
    const int32_t k =
        shape.complete_lists
            ? in_region
            : std::min<int32_t>(5 + static_cast<int32_t>(below(16)), in_region);
    std::vector<uint8_t> chosen(in_region, 0);
    for (int32_t taken = 0; taken < k;) {
      const int32_t j =
          shape.complete_lists ? taken : static_cast<int32_t>(below(in_region));
      if (chosen[j]) continue;
      chosen[j] = 1;
      ++taken;
      const int32_t o = region + regions * j;
      const double u = Grid(shape.common * attract[o] + (1 - shape.common) * unit());
      const double v = Grid(shape.common * merit[c] + (1 - shape.common) * unit());
      interviewees[o].push_back(Interview{c, v});
      // Scores on the solvers' 1e-6 grid.
      const double score = std::round((u + v) * 0.5 * 1e6) / 1e6;
      input.candidate_lists[c].push_back(engine::TiedCandidateEntry{o, u, score});
    }
  }
  input.offer_lists.resize(shape.offers);
  for (int32_t o = 0; o < shape.offers; ++o) {
    std::vector<Interview>& list = interviewees[o];
    // The offer ranks its best interviewees; equal utilities stay tied in the ranking
    // (the cut at k takes the earlier interviewees among equals).
    std::stable_sort(list.begin(), list.end(),
                     [](const Interview& a, const Interview& b) {
                       return a.offer_utility > b.offer_utility;
                     });
    const size_t k = shape.full_offer_lists
                         ? list.size()
                         : std::min<size_t>(5 + below(16), list.size());
    for (size_t i = 0; i < k; ++i) {
      input.offer_lists[o].push_back(
          engine::TiedEntry{list[i].candidate, list[i].offer_utility});
    }
  }
  return input;
}

}  // namespace azubimatch::bench

#endif  // AZUBIMATCH_BENCH_TWO_SIDED_TWO_SIDED_MARKET_GENERATOR_H_
