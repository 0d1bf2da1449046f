#include "engine/matching/two_sided_market.h"

#include <algorithm>
#include <cmath>

#include "absl/strings/str_cat.h"

namespace azubimatch::engine {

int64_t TwoSidedMarket::FindPair(int32_t candidate, int32_t offer) const {
  for (int64_t p = candidate_begin[candidate]; p < candidate_begin[candidate + 1]; ++p) {
    if (pairs[p].offer == offer) return p;
  }
  return -1;
}

absl::StatusOr<TwoSidedMarket> BuildTwoSidedMarket(const TwoSidedMarketInput& input) {
  const int32_t num_offers = static_cast<int32_t>(input.seats.size());
  const int32_t num_candidates = static_cast<int32_t>(input.candidate_lists.size());
  if (input.offer_lists.size() != input.seats.size()) {
    return absl::InvalidArgumentError(
        absl::StrCat("offer_lists has ", input.offer_lists.size(), " entries, seats has ",
                     input.seats.size()));
  }
  for (int32_t o = 0; o < num_offers; ++o) {
    if (input.seats[o] < 0) {
      return absl::InvalidArgumentError(
          absl::StrCat("seats[", o, "] must be >= 0, got ", input.seats[o]));
    }
  }

  // The offers' lists transposed: for every candidate, (offer, 1-based offer rank).
  struct Listed {
    int32_t offer;
    int32_t offer_rank;
  };
  std::vector<int64_t> listed_begin(num_candidates + 1, 0);
  std::vector<int32_t> stamp(std::max(num_candidates, num_offers), -1);
  for (int32_t o = 0; o < num_offers; ++o) {
    const std::vector<int32_t>& list = input.offer_lists[o];
    for (size_t i = 0; i < list.size(); ++i) {
      const int32_t c = list[i];
      if (c < 0 || c >= num_candidates) {
        return absl::InvalidArgumentError(absl::StrCat(
            "offer_lists[", o, "][", i, "] candidate ", c, " is out of range"));
      }
      if (stamp[c] == o) {
        return absl::InvalidArgumentError(
            absl::StrCat("offer_lists[", o, "][", i, "] lists candidate ", c, " twice"));
      }
      stamp[c] = o;
      ++listed_begin[c + 1];
    }
  }
  for (int32_t c = 0; c < num_candidates; ++c) listed_begin[c + 1] += listed_begin[c];
  std::vector<Listed> listed(listed_begin.back());
  {
    std::vector<int64_t> fill(listed_begin.begin(), listed_begin.end() - 1);
    for (int32_t o = 0; o < num_offers; ++o) {
      const std::vector<int32_t>& list = input.offer_lists[o];
      for (size_t i = 0; i < list.size(); ++i) {
        listed[fill[list[i]]++] = Listed{o, static_cast<int32_t>(i) + 1};
      }
    }
  }

  TwoSidedMarket market;
  market.seats = input.seats;
  market.candidate_begin.reserve(num_candidates + 1);
  market.candidate_begin.push_back(0);
  std::fill(stamp.begin(), stamp.end(), -1);
  // rank_by_offer[o]: c's 1-based rank in o's list while stamp[o] == c (offers listing
  // c).
  std::vector<int32_t> rank_by_offer(num_offers, 0);
  std::vector<int32_t> seen(num_offers, -1);
  for (int32_t c = 0; c < num_candidates; ++c) {
    for (int64_t i = listed_begin[c]; i < listed_begin[c + 1]; ++i) {
      stamp[listed[i].offer] = c;
      rank_by_offer[listed[i].offer] = listed[i].offer_rank;
    }
    const std::vector<CandidateChoice>& list = input.candidate_lists[c];
    for (size_t i = 0; i < list.size(); ++i) {
      const int32_t o = list[i].offer;
      const double score = list[i].score;
      if (o < 0 || o >= num_offers) {
        return absl::InvalidArgumentError(absl::StrCat(
            "candidate_lists[", c, "][", i, "].offer ", o, " is out of range"));
      }
      if (seen[o] == c) {
        return absl::InvalidArgumentError(
            absl::StrCat("candidate_lists[", c, "][", i, "] lists offer ", o, " twice"));
      }
      seen[o] = c;
      if (!std::isfinite(score) || std::abs(score) > kMaxTwoSidedScore) {
        return absl::InvalidArgumentError(
            absl::StrCat("candidate_lists[", c, "][", i, "].score ", score,
                         " is not finite or exceeds ", kMaxTwoSidedScore));
      }
      if (stamp[o] != c || !list[i].eligible) continue;  // not mutually acceptable
      market.pairs.push_back(
          MarketPair{c, o, score, static_cast<int32_t>(i) + 1, rank_by_offer[o]});
    }
    market.candidate_begin.push_back(static_cast<int64_t>(market.pairs.size()));
  }

  // Offer side: pairs bucketed by offer, each bucket in the offer's order.
  market.offer_begin.assign(num_offers + 1, 0);
  for (const MarketPair& p : market.pairs) ++market.offer_begin[p.offer + 1];
  for (int32_t o = 0; o < num_offers; ++o)
    market.offer_begin[o + 1] += market.offer_begin[o];
  market.offer_pairs.resize(market.pairs.size());
  {
    std::vector<int64_t> fill(market.offer_begin.begin(), market.offer_begin.end() - 1);
    for (size_t p = 0; p < market.pairs.size(); ++p) {
      market.offer_pairs[fill[market.pairs[p].offer]++] = static_cast<int64_t>(p);
    }
  }
  market.offer_position.resize(market.pairs.size());
  for (int32_t o = 0; o < num_offers; ++o) {
    auto first = market.offer_pairs.begin() + market.offer_begin[o];
    auto last = market.offer_pairs.begin() + market.offer_begin[o + 1];
    std::sort(first, last, [&](int64_t a, int64_t b) {
      return market.pairs[a].offer_rank < market.pairs[b].offer_rank;
    });
    for (auto it = first; it != last; ++it) {
      market.offer_position[*it] = static_cast<int32_t>(it - first);
    }
  }
  return market;
}

int32_t MatchedOffer(const TwoSidedMarket& market, const TwoSidedMatching& matching,
                     int32_t candidate) {
  const int64_t p = matching.pair_of_candidate[candidate];
  return p < 0 ? -1 : market.pairs[p].offer;
}

absl::Status CheckTwoSidedMatching(const TwoSidedMarket& market,
                                   const TwoSidedMatching& matching) {
  const int32_t num_candidates = market.num_candidates();
  if (static_cast<int64_t>(matching.pair_of_candidate.size()) != num_candidates) {
    return absl::InvalidArgumentError(
        absl::StrCat("pair_of_candidate has ", matching.pair_of_candidate.size(),
                     " entries, the market ", num_candidates, " candidates"));
  }
  std::vector<int32_t> held(market.num_offers(), 0);
  for (int32_t c = 0; c < num_candidates; ++c) {
    const int64_t p = matching.pair_of_candidate[c];
    if (p == -1) continue;
    if (p < market.candidate_begin[c] || p >= market.candidate_begin[c + 1]) {
      return absl::InvalidArgumentError(absl::StrCat("pair_of_candidate[", c, "] = ", p,
                                                     " is not a pair of candidate ", c));
    }
    const int32_t o = market.pairs[p].offer;
    if (++held[o] > market.seats[o]) {
      return absl::InvalidArgumentError(
          absl::StrCat("offer ", o, " holds more than its ", market.seats[o], " seats"));
    }
  }
  return absl::OkStatus();
}

}  // namespace azubimatch::engine
