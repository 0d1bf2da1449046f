// Quality metrics of a matching measured against the two-sided lists, the same way for
// every two-sided mode (two_sided_modes.h).
//
// Definitions:
//   candidates          candidates in the market.
//   seats               sum of the offers' seats.
//   placed              matched candidates.
//   total_score         sum of the placed pairs' scores, added in candidate order.
//   blocking_pairs      mutually acceptable pairs (c, o), c not placed at o, where c
//                       prefers o to its placement (or is unplaced) and o has a free seat
//                       or prefers c to the least preferred candidate it holds (an offer
//                       without seats never blocks). 0 means stable.
//   candidate_mean_rank mean over placed candidates of the 1-based position of their
//                       offer in their submitted list (1 = first choice); 0 when nobody
//                       is placed.
//   first_choice_share  candidates placed at the first offer of their submitted list,
//                       divided by candidates (0 without candidates), as in metrics.h.
//   offer_mean_rank     mean over placements of the 1-based position of the candidate in
//                       the offer's submitted list; 0 when nobody is placed.
// Ranks are positions in the submitted strict lists (after tie-breaking), so partners
// that did not list back still count.
//
// Thread safety: pure functions.
// Complexity: O(P + C + O) for P mutually acceptable pairs.
#ifndef AZUBIMATCH_ENGINE_MATCHING_TWO_SIDED_METRICS_H_
#define AZUBIMATCH_ENGINE_MATCHING_TWO_SIDED_METRICS_H_

#include <cstdint>

#include "engine/matching/two_sided_market.h"

namespace azubimatch::engine {

struct TwoSidedMetrics {
  int64_t candidates = 0;
  int64_t seats = 0;
  int64_t placed = 0;
  double total_score = 0.0;
  int64_t blocking_pairs = 0;
  double candidate_mean_rank = 0.0;
  double first_choice_share = 0.0;
  double offer_mean_rank = 0.0;
};

// REQUIRES: CheckTwoSidedMatching(market, matching).ok().
TwoSidedMetrics ComputeTwoSidedMetrics(const TwoSidedMarket& market,
                                       const TwoSidedMatching& matching);

// The blocking pairs as defined above. REQUIRES as for ComputeTwoSidedMetrics.
int64_t CountTwoSidedBlockingPairs(const TwoSidedMarket& market,
                                   const TwoSidedMatching& matching);

}  // namespace azubimatch::engine

#endif  // AZUBIMATCH_ENGINE_MATCHING_TWO_SIDED_METRICS_H_
