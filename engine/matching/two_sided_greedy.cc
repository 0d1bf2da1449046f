#include "engine/matching/two_sided_greedy.h"

#include <algorithm>
#include <numeric>
#include <vector>

namespace azubimatch::engine {

TwoSidedMatching GreedyTwoSided(const TwoSidedMarket& market) {
  std::vector<int64_t> order(market.pairs.size());
  std::iota(order.begin(), order.end(), int64_t{0});
  std::sort(order.begin(), order.end(), [&](int64_t a, int64_t b) {
    const MarketPair& x = market.pairs[a];
    const MarketPair& y = market.pairs[b];
    if (x.score != y.score) return x.score > y.score;
    if (x.candidate != y.candidate) return x.candidate < y.candidate;
    return x.offer < y.offer;
  });
  std::vector<int32_t> seats_left = market.seats;
  TwoSidedMatching matching{std::vector<int64_t>(market.num_candidates(), -1)};
  for (int64_t p : order) {
    const MarketPair& pair = market.pairs[p];
    if (matching.pair_of_candidate[pair.candidate] >= 0 || seats_left[pair.offer] == 0) {
      continue;
    }
    matching.pair_of_candidate[pair.candidate] = p;
    --seats_left[pair.offer];
  }
  return matching;
}

}  // namespace azubimatch::engine
