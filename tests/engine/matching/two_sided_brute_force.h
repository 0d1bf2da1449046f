// Test support: small random two-sided markets and facts about them found by exhaustive
// enumeration of every matching, computed from the submitted lists alone (not from
// TwoSidedMarket), so that the engine is checked against an independent reference.
#ifndef AZUBIMATCH_TESTS_ENGINE_MATCHING_TWO_SIDED_BRUTE_FORCE_H_
#define AZUBIMATCH_TESTS_ENGINE_MATCHING_TWO_SIDED_BRUTE_FORCE_H_

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <functional>
#include <limits>
#include <random>
#include <vector>

#include "engine/matching/seeded_tie_breaking.h"
#include "engine/matching/two_sided_market.h"

namespace azubimatch::engine::testing {

// A matching as the offer of every candidate (-1: unmatched).
using OfferOf = std::vector<int>;

// Lists with ties, drawn from `rng`: up to max_candidates x max_offers, seats 1-3 (now
// and then 0), incomplete lists, preferences from a few tiers (ties), scores on a grid
// of 0.05 (ties) or any double.
inline TiedMarketInput RandomTiedMarket(std::mt19937_64& rng, int max_candidates,
                                        int max_offers) {
  auto below = [&](int n) { return static_cast<int>(rng() % static_cast<uint64_t>(n)); };
  auto unit = [&] { return static_cast<double>(rng() >> 11) * 0x1.0p-53; };
  // A third of the markets are "hard": complete lists in independent random orders, few
  // seats, as many candidates as seats; these have the most stable matchings.
  const bool hard = below(3) == 0;
  const int num_offers =
      hard ? std::max(2, max_offers - below(2)) : 1 + below(max_offers);
  TiedMarketInput tied;
  int total_seats = 0;
  for (int o = 0; o < num_offers; ++o) {
    tied.seats.push_back(hard ? 1 + below(2) : below(20) == 0 ? 0 : 1 + below(3));
    total_seats += tied.seats.back();
  }
  // Half the markets are balanced (as many candidates as seats, where most stable
  // matchings exist); the others are of any shape.
  const int num_candidates = hard || below(2) == 0
                                 ? std::clamp(total_seats, 1, max_candidates)
                                 : 1 + below(max_candidates);
  // Dense lists and many tiers (nearly independent random orders) give markets with
  // many stable matchings; few tiers leave much to the tie-breaking lottery.
  const double candidate_density = hard || below(2) == 0 ? 1.0 : 0.3 + 0.7 * unit();
  const double offer_density = hard || below(2) == 0 ? 1.0 : 0.3 + 0.7 * unit();
  constexpr int kTierChoices[] = {1, 2, 3, 1000, 1000, 1000};
  const int tiers = hard ? 1000 : kTierChoices[below(6)];  // 1 tier: everything tied
  const bool grid_scores = below(2) == 0;
  const bool rank_by_score = !hard && below(3) == 0;
  tied.candidate_lists.resize(num_candidates);
  for (int c = 0; c < num_candidates; ++c) {
    for (int o = 0; o < num_offers; ++o) {
      if (unit() >= candidate_density) continue;
      const double score = grid_scores ? 0.05 * below(21) : unit();
      const double preference = rank_by_score ? score : static_cast<double>(below(tiers));
      // Now and then a listed pair that a hard constraint excludes.
      const bool eligible = below(25) != 0;
      tied.candidate_lists[c].push_back(
          TiedCandidateEntry{o, preference, score, eligible});
    }
  }
  tied.offer_lists.resize(num_offers);
  for (int o = 0; o < num_offers; ++o) {
    for (int c = 0; c < num_candidates; ++c) {
      if (unit() >= offer_density) continue;
      tied.offer_lists[o].push_back(TiedEntry{c, static_cast<double>(below(tiers))});
    }
  }
  return tied;
}

// The test's own integer weight of a score (the engine's scale, computed here again).
inline int64_t TestWeight(double score) { return std::llround(score * 1e6); }

// Everything the tests need to know about one market, by brute force.
class BruteForceMarket {
 public:
  static constexpr int kUnacceptable = std::numeric_limits<int>::max();

  explicit BruteForceMarket(const TwoSidedMarketInput& input)
      : num_candidates_(static_cast<int>(input.candidate_lists.size())),
        num_offers_(static_cast<int>(input.seats.size())),
        seats_(input.seats.begin(), input.seats.end()),
        candidate_rank_(num_candidates_, std::vector<int>(num_offers_, kUnacceptable)),
        offer_rank_(num_offers_, std::vector<int>(num_candidates_, kUnacceptable)),
        score_(num_candidates_, std::vector<double>(num_offers_, 0.0)) {
    eligible_.assign(num_candidates_, std::vector<bool>(num_offers_, false));
    for (int c = 0; c < num_candidates_; ++c) {
      for (size_t i = 0; i < input.candidate_lists[c].size(); ++i) {
        const int o = input.candidate_lists[c][i].offer;
        candidate_rank_[c][o] = static_cast<int>(i);
        score_[c][o] = input.candidate_lists[c][i].score;
        eligible_[c][o] = input.candidate_lists[c][i].eligible;
      }
    }
    for (int o = 0; o < num_offers_; ++o) {
      for (size_t i = 0; i < input.offer_lists[o].size(); ++i) {
        offer_rank_[o][input.offer_lists[o][i]] = static_cast<int>(i);
      }
    }
  }

  int num_candidates() const { return num_candidates_; }
  int num_offers() const { return num_offers_; }
  bool Acceptable(int c, int o) const {
    return candidate_rank_[c][o] != kUnacceptable && offer_rank_[o][c] != kUnacceptable &&
           eligible_[c][o];
  }
  // Position of o in c's list; unmatched (-1) is worse than every acceptable offer.
  int CandidateRank(int c, int o) const {
    return o < 0 ? kUnacceptable - 1 : candidate_rank_[c][o];
  }
  double Score(int c, int o) const { return score_[c][o]; }

  // Blocking pairs of `m`, straight from the definition.
  int64_t BlockingPairs(const OfferOf& m) const {
    int64_t blocking = 0;
    for (int c = 0; c < num_candidates_; ++c) {
      for (int o = 0; o < num_offers_; ++o) {
        if (!Acceptable(c, o) || m[c] == o) continue;
        if (CandidateRank(c, o) >= CandidateRank(c, m[c])) continue;
        int held = 0;
        bool prefers = false;
        for (int d = 0; d < num_candidates_; ++d) {
          if (m[d] != o) continue;
          ++held;
          if (offer_rank_[o][c] < offer_rank_[o][d]) prefers = true;
        }
        if (held < seats_[o] || prefers) ++blocking;
      }
    }
    return blocking;
  }

  int64_t Weight(const OfferOf& m) const {
    int64_t w = 0;
    for (int c = 0; c < num_candidates_; ++c) {
      if (m[c] >= 0) w += TestWeight(score_[c][m[c]]);
    }
    return w;
  }

  static int Placed(const OfferOf& m) {
    int placed = 0;
    for (int o : m) placed += o >= 0;
    return placed;
  }

  // Calls `visit` with every feasible matching (mutually acceptable pairs, seats). With
  // `skip_unstable`, branches are cut as soon as an assigned candidate c prefers an
  // offer o that already holds a candidate o ranks below c: o's least preferred holder
  // only gets worse as candidates are added, so every completion is unstable.
  void ForEachMatching(const std::function<void(const OfferOf&)>& visit,
                       bool skip_unstable = false) const {
    OfferOf m(num_candidates_, -1);
    std::vector<int> used(num_offers_, 0);
    auto doomed = [&](int c) {
      // c (just assigned) envies an offer holding someone worse than c for it ...
      for (int o = 0; o < num_offers_; ++o) {
        if (!Acceptable(c, o) || CandidateRank(c, o) >= CandidateRank(c, m[c])) continue;
        for (int d = 0; d < c; ++d) {
          if (m[d] == o && offer_rank_[o][c] < offer_rank_[o][d]) return true;
        }
      }
      // ... or an earlier candidate envies c's offer, which ranks c below it.
      if (m[c] < 0) return false;
      const int o = m[c];
      for (int d = 0; d < c; ++d) {
        if (Acceptable(d, o) && CandidateRank(d, o) < CandidateRank(d, m[d]) &&
            offer_rank_[o][d] < offer_rank_[o][c]) {
          return true;
        }
      }
      return false;
    };
    std::function<void(int)> rec = [&](int c) {
      if (c == num_candidates_) {
        visit(m);
        return;
      }
      m[c] = -1;
      if (!skip_unstable || !doomed(c)) rec(c + 1);
      for (int o = 0; o < num_offers_; ++o) {
        if (!Acceptable(c, o) || used[o] == seats_[o]) continue;
        ++used[o];
        m[c] = o;
        if (!skip_unstable || !doomed(c)) rec(c + 1);
        --used[o];
      }
      m[c] = -1;
    };
    rec(0);
  }

  // True when `m` has no blocking pair (the definition of BlockingPairs, stopping at
  // the first).
  bool IsStable(const OfferOf& m) const {
    std::vector<int> held(num_offers_, 0);
    std::vector<int> worst(num_offers_, -1);  // offer rank of the worst held candidate
    for (int d = 0; d < num_candidates_; ++d) {
      if (m[d] < 0) continue;
      ++held[m[d]];
      worst[m[d]] = std::max(worst[m[d]], offer_rank_[m[d]][d]);
    }
    for (int c = 0; c < num_candidates_; ++c) {
      for (int o = 0; o < num_offers_; ++o) {
        if (!Acceptable(c, o) || m[c] == o) continue;
        if (CandidateRank(c, o) >= CandidateRank(c, m[c])) continue;
        if (held[o] < seats_[o] || offer_rank_[o][c] < worst[o]) return false;
      }
    }
    return true;
  }

  // Every stable matching.
  std::vector<OfferOf> StableMatchings() const {
    std::vector<OfferOf> stable;
    ForEachMatching(
        [&](const OfferOf& m) {
          if (IsStable(m)) stable.push_back(m);
        },
        /*skip_unstable=*/true);
    return stable;
  }

  // A naive greedy: repeatedly the best remaining pair by (score desc, candidate asc,
  // offer asc).
  OfferOf NaiveGreedy() const {
    OfferOf m(num_candidates_, -1);
    std::vector<int> left = seats_;
    while (true) {
      int best_c = -1, best_o = -1;
      for (int c = 0; c < num_candidates_; ++c) {
        if (m[c] >= 0) continue;
        for (int o = 0; o < num_offers_; ++o) {
          if (!Acceptable(c, o) || left[o] == 0) continue;
          if (best_c < 0 || score_[c][o] > score_[best_c][best_o]) {
            best_c = c;
            best_o = o;
          }
        }
      }
      if (best_c < 0) return m;
      m[best_c] = best_o;
      --left[best_o];
    }
  }

 private:
  int num_candidates_;
  int num_offers_;
  std::vector<int> seats_;
  std::vector<std::vector<int>> candidate_rank_;  // [c][o]
  std::vector<std::vector<int>> offer_rank_;      // [o][c]
  std::vector<std::vector<double>> score_;        // [c][o]
  std::vector<std::vector<bool>> eligible_;       // [c][o]
};

// The engine's matching as offers.
inline OfferOf OffersOf(const TwoSidedMarket& market, const TwoSidedMatching& matching) {
  OfferOf m(market.num_candidates(), -1);
  for (int32_t c = 0; c < market.num_candidates(); ++c) {
    m[c] = MatchedOffer(market, matching, c);
  }
  return m;
}

// Offers as the engine's matching. REQUIRES: every pair is mutually acceptable.
inline TwoSidedMatching MatchingOf(const TwoSidedMarket& market, const OfferOf& m) {
  TwoSidedMatching matching{std::vector<int64_t>(m.size(), -1)};
  for (size_t c = 0; c < m.size(); ++c) {
    if (m[c] >= 0) matching.pair_of_candidate[c] = market.FindPair(c, m[c]);
  }
  return matching;
}

}  // namespace azubimatch::engine::testing

#endif  // AZUBIMATCH_TESTS_ENGINE_MATCHING_TWO_SIDED_BRUTE_FORCE_H_
