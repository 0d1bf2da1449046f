#include "engine/matching/deferred_acceptance.h"

#include <functional>
#include <random>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace azubimatch::engine {
namespace {

using ::testing::ElementsAre;

// A small many-to-one market with strict preferences given as ranks (lower is better),
// and the deferred acceptance problem that encodes it.
struct Market {
  int num_candidates = 0;
  int num_offers = 0;
  std::vector<int32_t> capacities;
  std::vector<std::vector<int>> candidate_list;  // acceptable offers, best first
  std::vector<std::vector<int>> offer_rank;      // [o][c], lower is better

  DeferredAcceptanceProblem ToProblem() const {
    DeferredAcceptanceProblem p;
    p.capacities = capacities;
    p.list_begin.push_back(0);
    for (int c = 0; c < num_candidates; ++c) {
      for (int o : candidate_list[c]) {
        p.proposals.push_back(
            Proposal{o, static_cast<double>(-offer_rank[o][c]), /*tie_break=*/0});
      }
      p.list_begin.push_back(static_cast<int64_t>(p.proposals.size()));
    }
    return p;
  }

  // Position of o in c's list, or a large number when unacceptable (-1 = unmatched).
  int CandidateRank(int c, int o) const {
    if (o < 0) return 1000;
    for (size_t i = 0; i < candidate_list[c].size(); ++i) {
      if (candidate_list[c][i] == o) return static_cast<int>(i);
    }
    return 2000;
  }

  bool IsStable(const std::vector<int>& match) const {
    for (int c = 0; c < num_candidates; ++c) {
      for (int o : candidate_list[c]) {
        if (CandidateRank(c, o) >= CandidateRank(c, match[c])) continue;
        int held = 0;
        bool prefers = false;
        for (int d = 0; d < num_candidates; ++d) {
          if (match[d] != o) continue;
          ++held;
          if (offer_rank[o][c] < offer_rank[o][d]) prefers = true;
        }
        if (held < capacities[o] || prefers) return false;
      }
    }
    return true;
  }

  // Every feasible matching (acceptable pairs, capacities), by brute force.
  std::vector<std::vector<int>> AllMatchings() const {
    std::vector<std::vector<int>> out;
    std::vector<int> match(num_candidates, -1);
    std::vector<int> used(num_offers, 0);
    std::function<void(int)> rec = [&](int c) {
      if (c == num_candidates) {
        out.push_back(match);
        return;
      }
      match[c] = -1;
      rec(c + 1);
      for (int o : candidate_list[c]) {
        if (used[o] == capacities[o]) continue;
        ++used[o];
        match[c] = o;
        rec(c + 1);
        --used[o];
        match[c] = -1;
      }
    };
    rec(0);
    return out;
  }
};

Market RandomMarket(std::mt19937_64& rng) {
  Market m;
  m.num_candidates = std::uniform_int_distribution<int>(1, 5)(rng);
  m.num_offers = std::uniform_int_distribution<int>(1, 3)(rng);
  for (int o = 0; o < m.num_offers; ++o) {
    m.capacities.push_back(std::uniform_int_distribution<int>(0, 2)(rng));
    std::vector<int> order(m.num_candidates);
    for (int c = 0; c < m.num_candidates; ++c) order[c] = c;
    std::shuffle(order.begin(), order.end(), rng);
    std::vector<int> rank(m.num_candidates);
    for (int i = 0; i < m.num_candidates; ++i) rank[order[i]] = i;
    m.offer_rank.push_back(rank);
  }
  for (int c = 0; c < m.num_candidates; ++c) {
    std::vector<int> offers;
    for (int o = 0; o < m.num_offers; ++o) {
      if (std::uniform_int_distribution<int>(0, 3)(rng) != 0) offers.push_back(o);
    }
    std::shuffle(offers.begin(), offers.end(), rng);
    m.candidate_list.push_back(offers);
  }
  return m;
}

std::vector<int> OffersOf(const DeferredAcceptanceProblem& p,
                          const std::vector<int64_t>& held) {
  std::vector<int> match;
  for (int64_t h : held) match.push_back(h < 0 ? -1 : p.proposals[h].offer);
  return match;
}

TEST(DeferredAcceptanceTest, IsStableAndCandidateOptimalAgainstBruteForce) {
  std::mt19937_64 rng(2024);
  int markets_with_several_stable_matchings = 0;
  for (int trial = 0; trial < 2000; ++trial) {
    const Market m = RandomMarket(rng);
    const DeferredAcceptanceProblem problem = m.ToProblem();
    absl::StatusOr<std::vector<int64_t>> held = RunDeferredAcceptance(problem);
    ASSERT_TRUE(held.ok()) << held.status();
    const std::vector<int> da = OffersOf(problem, *held);
    ASSERT_TRUE(m.IsStable(da)) << "trial " << trial;
    int stable_count = 0;
    for (const std::vector<int>& other : m.AllMatchings()) {
      if (!m.IsStable(other)) continue;
      ++stable_count;
      for (int c = 0; c < m.num_candidates; ++c) {
        EXPECT_LE(m.CandidateRank(c, da[c]), m.CandidateRank(c, other[c]))
            << "trial " << trial << " candidate " << c;
      }
    }
    if (stable_count > 1) ++markets_with_several_stable_matchings;
  }
  // The check above only bites where there is a choice between stable matchings.
  EXPECT_GT(markets_with_several_stable_matchings, 10);
}

TEST(DeferredAcceptanceTest, TextbookMarketGivesCandidatesTheirOptimum) {
  // Two candidates, two offers, opposed preferences: candidates get their first choices.
  Market m;
  m.num_candidates = 2;
  m.num_offers = 2;
  m.capacities = {1, 1};
  m.candidate_list = {{0, 1}, {1, 0}};
  m.offer_rank = {{1, 0}, {0, 1}};
  const DeferredAcceptanceProblem p = m.ToProblem();
  absl::StatusOr<std::vector<int64_t>> held = RunDeferredAcceptance(p);
  ASSERT_TRUE(held.ok());
  EXPECT_THAT(OffersOf(p, *held), ElementsAre(0, 1));
}

TEST(DeferredAcceptanceTest, OfferTieBreakDecidesBetweenEqualPriorities) {
  DeferredAcceptanceProblem p;
  p.capacities = {1};
  p.list_begin = {0, 1, 2};
  p.proposals = {Proposal{0, 0.5, 7}, Proposal{0, 0.5, 9}};
  absl::StatusOr<std::vector<int64_t>> held = RunDeferredAcceptance(p);
  ASSERT_TRUE(held.ok());
  EXPECT_THAT(*held, ElementsAre(-1, 1));
}

TEST(DeferredAcceptanceTest, RejectsInconsistentProblems) {
  DeferredAcceptanceProblem p;
  p.capacities = {1};
  p.list_begin = {0, 1};
  p.proposals = {Proposal{3, 0.0, 0}};
  EXPECT_EQ(RunDeferredAcceptance(p).status().code(), absl::StatusCode::kInvalidArgument);
  p.proposals = {Proposal{0, 0.0, 0}};
  p.list_begin = {0, 2};
  EXPECT_EQ(RunDeferredAcceptance(p).status().code(), absl::StatusCode::kInvalidArgument);
  p.list_begin = {0, 1};
  p.capacities = {-1};
  EXPECT_EQ(RunDeferredAcceptance(p).status().code(), absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace azubimatch::engine
