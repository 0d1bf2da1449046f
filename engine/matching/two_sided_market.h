// TwoSidedMarket: a many-to-one matching market where both sides rank each other, the
// common input of the two-sided assignment modes (two_sided_modes.h).
//
// Candidates submit a strict list of offers (most preferred first) and offers, each with
// a number of seats, submit a strict list of candidates. A pair is *mutually acceptable*
// when each lists the other; only such pairs can be matched. Every mutually acceptable
// pair carries a pair score (a finite double, e.g. the engine's pair score in [0, 1]),
// which the modes best-stable, optimal and greedy maximise; the stable modes ignore it.
// Lists with ties are made strict beforehand by seeded_tie_breaking.h.
//
// BuildTwoSidedMarket validates the submitted lists and keeps the mutually acceptable
// pairs in compressed form: `pairs` by candidate, each candidate's pairs in its order of
// preference, and `offer_pairs` by offer, each offer's pairs in its order of preference.
// Positions among mutually acceptable pairs order preferences; the 1-based ranks in the
// submitted lists are kept for the metrics (two_sided_metrics.h).
//
// A matching (TwoSidedMatching) names for every candidate one of its pairs or none; it is
// feasible when no offer holds more candidates than seats (CheckTwoSidedMatching).
//
// Thread safety: BuildTwoSidedMarket and CheckTwoSidedMatching are pure functions; a
// market is immutable after it is built and may be read from several threads.
// Complexity: O(L + P log D + C + O) time and O(L + C + O) memory for L entries in all
// submitted lists, P mutually acceptable pairs, D the longest offer list, C candidates
// and O offers.
#ifndef AZUBIMATCH_ENGINE_MATCHING_TWO_SIDED_MARKET_H_
#define AZUBIMATCH_ENGINE_MATCHING_TWO_SIDED_MARKET_H_

#include <cstdint>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/types/span.h"

namespace azubimatch::engine {

// The largest |score| accepted, so that scaled integer weights (kOptimalScoreScale) and
// their sums cannot overflow.
inline constexpr double kMaxTwoSidedScore = 1e3;

// One entry of a candidate's submitted list.
struct CandidateChoice {
  int32_t offer = 0;
  double score = 0.0;  // the pair score of (candidate, offer)
  // False for an offer the candidate listed but may not be placed at (a hard constraint
  // excludes the pair): it keeps its place in the list, so the ranks of the others are
  // the submitted ones, but the pair is never mutually acceptable.
  bool eligible = true;
};

// The submitted lists, indices 0 .. candidates-1 and 0 .. offers-1.
struct TwoSidedMarketInput {
  // Seats of each offer, >= 0; the number of offers is seats.size().
  std::vector<int32_t> seats;
  // candidate_lists[c]: the offers c accepts, most preferred first, no offer twice.
  // The number of candidates is candidate_lists.size().
  std::vector<std::vector<CandidateChoice>> candidate_lists;
  // offer_lists[o]: the candidates o accepts, most preferred first, no candidate twice.
  // REQUIRES: offer_lists.size() == seats.size().
  std::vector<std::vector<int32_t>> offer_lists;
};

// A mutually acceptable pair.
struct MarketPair {
  int32_t candidate = 0;
  int32_t offer = 0;
  double score = 0.0;
  int32_t candidate_rank = 0;  // 1-based position of the offer in the candidate's list
  int32_t offer_rank = 0;      // 1-based position of the candidate in the offer's list
};

struct TwoSidedMarket {
  std::vector<int32_t> seats;  // per offer
  // Mutually acceptable pairs by candidate; candidate c's pairs, most preferred first,
  // are pairs[candidate_begin[c] .. candidate_begin[c + 1]). A smaller pair index within
  // one candidate's range is a more preferred offer.
  std::vector<MarketPair> pairs;
  std::vector<int64_t> candidate_begin;  // size candidates + 1
  // Offer o's pairs, most preferred candidate first, are the pair indices
  // offer_pairs[offer_begin[o] .. offer_begin[o + 1]).
  std::vector<int64_t> offer_pairs;
  std::vector<int64_t> offer_begin;  // size offers + 1
  // offer_position[p]: 0-based position of pair p within its offer's range of
  // offer_pairs; smaller is more preferred by the offer.
  std::vector<int32_t> offer_position;

  int32_t num_candidates() const {
    return static_cast<int32_t>(candidate_begin.size()) - 1;
  }
  int32_t num_offers() const { return static_cast<int32_t>(seats.size()); }
  absl::Span<const MarketPair> PairsOf(int32_t candidate) const {
    return absl::MakeConstSpan(pairs).subspan(
        candidate_begin[candidate],
        candidate_begin[candidate + 1] - candidate_begin[candidate]);
  }
  absl::Span<const int64_t> OfferPairsOf(int32_t offer) const {
    return absl::MakeConstSpan(offer_pairs)
        .subspan(offer_begin[offer], offer_begin[offer + 1] - offer_begin[offer]);
  }
  // The index of pair (candidate, offer) in `pairs`, or -1 if not mutually acceptable.
  // O(length of the candidate's list).
  int64_t FindPair(int32_t candidate, int32_t offer) const;
};

// Builds the market. Errors (InvalidArgument naming the field, e.g.
// "candidate_lists[3][1].offer 9 is out of range"): offer_lists.size() != seats.size(),
// negative seats, an index out of range, a partner listed twice, a score that is not
// finite or whose magnitude exceeds kMaxTwoSidedScore.
absl::StatusOr<TwoSidedMarket> BuildTwoSidedMarket(const TwoSidedMarketInput& input);

// A matching of a market: pair_of_candidate[c] is the index into market.pairs of c's
// pair, or -1 when c is unmatched.
struct TwoSidedMatching {
  std::vector<int64_t> pair_of_candidate;

  friend bool operator==(const TwoSidedMatching&, const TwoSidedMatching&) = default;
};

// The offer of candidate c in `matching`, or -1.
int32_t MatchedOffer(const TwoSidedMarket& market, const TwoSidedMatching& matching,
                     int32_t candidate);

// OK when `matching` has one entry per candidate, each -1 or a pair of that candidate,
// and no offer holds more candidates than seats; InvalidArgument naming the entry or the
// offer otherwise. O(C + O).
absl::Status CheckTwoSidedMatching(const TwoSidedMarket& market,
                                   const TwoSidedMatching& matching);

}  // namespace azubimatch::engine

#endif  // AZUBIMATCH_ENGINE_MATCHING_TWO_SIDED_MARKET_H_
