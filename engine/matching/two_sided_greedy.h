// Greedy matching of a two-sided market: the best pair first, over mutually acceptable
// pairs only (two_sided_market.h), as greedy_assignment.h does over eligible pairs.
//
// Pairs are taken in order of score (highest first); ties go to the smaller candidate
// index, then the smaller offer index. A pair is taken when its candidate is still
// unplaced and its offer has a seat left. The lists' orders are not used, so the result
// may have blocking pairs.
//
// Thread safety: pure function. Complexity: O(P log P) for P pairs; memory O(P).
#ifndef AZUBIMATCH_ENGINE_MATCHING_TWO_SIDED_GREEDY_H_
#define AZUBIMATCH_ENGINE_MATCHING_TWO_SIDED_GREEDY_H_

#include "engine/matching/two_sided_market.h"

namespace azubimatch::engine {

TwoSidedMatching GreedyTwoSided(const TwoSidedMarket& market);

}  // namespace azubimatch::engine

#endif  // AZUBIMATCH_ENGINE_MATCHING_TWO_SIDED_GREEDY_H_
