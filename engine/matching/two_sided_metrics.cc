#include "engine/matching/two_sided_metrics.h"

#include <algorithm>
#include <limits>
#include <vector>

namespace azubimatch::engine {

int64_t CountTwoSidedBlockingPairs(const TwoSidedMarket& market,
                                   const TwoSidedMatching& matching) {
  const int32_t num_offers = market.num_offers();
  const int32_t num_candidates = market.num_candidates();
  // worst[o]: offer position of o's least preferred candidate; -1 when o holds none.
  std::vector<int32_t> worst(num_offers, -1);
  std::vector<int32_t> held(num_offers, 0);
  for (int32_t c = 0; c < num_candidates; ++c) {
    const int64_t p = matching.pair_of_candidate[c];
    if (p < 0) continue;
    const int32_t o = market.pairs[p].offer;
    ++held[o];
    worst[o] = std::max(worst[o], market.offer_position[p]);
  }
  // An offer takes a candidate at a position below its bar.
  std::vector<int32_t> bar(num_offers);
  for (int32_t o = 0; o < num_offers; ++o) {
    bar[o] = held[o] < market.seats[o] ? std::numeric_limits<int32_t>::max() : worst[o];
  }
  int64_t blocking = 0;
  for (int32_t c = 0; c < num_candidates; ++c) {
    const int64_t p = matching.pair_of_candidate[c];
    const int64_t end = p < 0 ? market.candidate_begin[c + 1] : p;
    for (int64_t q = market.candidate_begin[c]; q < end; ++q) {
      if (market.offer_position[q] < bar[market.pairs[q].offer]) ++blocking;
    }
  }
  return blocking;
}

TwoSidedMetrics ComputeTwoSidedMetrics(const TwoSidedMarket& market,
                                       const TwoSidedMatching& matching) {
  TwoSidedMetrics m;
  m.candidates = market.num_candidates();
  for (int32_t s : market.seats) m.seats += s;
  int64_t candidate_ranks = 0, offer_ranks = 0, first_choice = 0;
  for (int32_t c = 0; c < market.num_candidates(); ++c) {
    const int64_t p = matching.pair_of_candidate[c];
    if (p < 0) continue;
    const MarketPair& pair = market.pairs[p];
    ++m.placed;
    m.total_score += pair.score;
    candidate_ranks += pair.candidate_rank;
    offer_ranks += pair.offer_rank;
    if (pair.candidate_rank == 1) ++first_choice;
  }
  if (m.placed > 0) {
    m.candidate_mean_rank =
        static_cast<double>(candidate_ranks) / static_cast<double>(m.placed);
    m.offer_mean_rank = static_cast<double>(offer_ranks) / static_cast<double>(m.placed);
  }
  if (m.candidates > 0) {
    m.first_choice_share =
        static_cast<double>(first_choice) / static_cast<double>(m.candidates);
  }
  m.blocking_pairs = CountTwoSidedBlockingPairs(market, matching);
  return m;
}

}  // namespace azubimatch::engine
