// The bridge between assignment instances and two-sided markets: default and explicit
// lists, locked candidates, outcomes both ways, and the existing modes over mutually
// acceptable pairs.
#include "engine/matching/two_sided_instance.h"

#include <algorithm>
#include <cstdint>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/str_format.h"
#include "engine/matching/assignment_outcome.h"
#include "engine/matching/greedy_assignment.h"
#include "engine/matching/optimal_assignment.h"
#include "engine/matching/stable_assignment.h"
#include "engine/matching/two_sided_greedy.h"
#include "engine/matching/two_sided_metrics.h"
#include "engine/matching/two_sided_modes.h"
#include "engine/matching/two_sided_run.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/engine/matching/two_sided_instance_support.h"

namespace azubimatch::engine {
namespace {

using ::azubimatch::engine::testing::MarketOf;
using ::testing::HasSubstr;

struct ScoredPair {
  int32_t candidate;
  int32_t offer;
  double score;
};

// A pool with only ids, and an instance over it with the given eligible pairs (sorted
// here by candidate, then offer). Ids sort like the indices.
struct Pool {
  std::vector<CandidateProfile> candidates;
  std::vector<OfferProfile> offers;
  AssignmentInstance instance;

  Pool(int32_t num_candidates, std::vector<int32_t> seats,
       std::vector<ScoredPair> pairs) {
    for (int32_t c = 0; c < num_candidates; ++c) {
      CandidateProfile candidate;
      candidate.id = absl::StrFormat("c%04d", c);
      candidates.push_back(candidate);
    }
    for (size_t o = 0; o < seats.size(); ++o) {
      OfferProfile offer;
      offer.id = absl::StrFormat("o%04d", o);
      offer.seats_free = seats[o];
      offers.push_back(offer);
    }
    std::sort(pairs.begin(), pairs.end(), [](const ScoredPair& a, const ScoredPair& b) {
      return a.candidate != b.candidate ? a.candidate < b.candidate : a.offer < b.offer;
    });
    instance.candidates = candidates;
    instance.offers = offers;
    instance.capacity = seats;
    instance.candidate_locked.assign(num_candidates, 0);
    instance.graph.exclusions.resize(num_candidates);
    instance.graph.candidate_begin.push_back(0);
    size_t i = 0;
    for (int32_t c = 0; c < num_candidates; ++c) {
      for (; i < pairs.size() && pairs[i].candidate == c; ++i) {
        instance.graph.edges.push_back(
            ScoredEdge{c, pairs[i].offer, pairs[i].score, 10.0, 0});
        ++instance.graph.exclusions[c].eligible_offers;
      }
      instance.graph.candidate_begin.push_back(
          static_cast<int64_t>(instance.graph.edges.size()));
    }
  }
  Pool(const Pool&) = delete;
};

// A random pool: every pair eligible with probability 0.5, distinct scores.
std::unique_ptr<Pool> RandomPool(std::mt19937_64& rng, int32_t num_candidates,
                                 int32_t num_offers) {
  std::vector<int32_t> seats;
  for (int32_t o = 0; o < num_offers; ++o)
    seats.push_back(1 + static_cast<int32_t>(rng() % 3));
  std::vector<ScoredPair> pairs;
  for (int32_t c = 0; c < num_candidates; ++c) {
    for (int32_t o = 0; o < num_offers; ++o) {
      if (rng() % 2) continue;
      pairs.push_back({c, o, static_cast<double>(rng() % 1000000) / 1e6 + 1e-9 * c});
    }
  }
  return std::make_unique<Pool>(num_candidates, seats, pairs);
}

AssignmentOutcome OutcomeOf(const AssignmentInstance& instance,
                            const TwoSidedMarket& market, TwoSidedMode mode) {
  absl::StatusOr<TwoSidedMatching> m = SolveTwoSided(market, mode);
  EXPECT_TRUE(m.ok()) << m.status();
  absl::StatusOr<std::vector<int64_t>> chosen = ChosenEdgesOf(instance, market, *m);
  EXPECT_TRUE(chosen.ok()) << chosen.status();
  return MakeOutcome(instance, *chosen);
}

TEST(TwoSidedInstanceTest, DefaultListsWithOneScoreMakeEveryStableModeTheGreedyOne) {
  // Both sides rank by the one pair score: one stable matching, today's stable and
  // greedy modes.
  std::mt19937_64 rng(3);
  for (int round = 0; round < 50; ++round) {
    const std::unique_ptr<Pool> pool = RandomPool(rng, 30, 8);
    const AssignmentInstance& instance = pool->instance;
    const TwoSidedMarket market = MarketOf(instance, {}, round);
    EXPECT_EQ(market.pairs.size(), instance.graph.edges.size());
    absl::StatusOr<AssignmentOutcome> stable = AssignStable(instance, round);
    absl::StatusOr<AssignmentOutcome> greedy = AssignGreedy(instance);
    ASSERT_TRUE(stable.ok() && greedy.ok());
    for (TwoSidedMode mode : {TwoSidedMode::kStable, TwoSidedMode::kStableOfferProposing,
                              TwoSidedMode::kBestStable, TwoSidedMode::kGreedy}) {
      const AssignmentOutcome outcome = OutcomeOf(instance, market, mode);
      EXPECT_EQ(outcome.placements, stable->placements) << TwoSidedModeName(mode);
      EXPECT_EQ(outcome.placements, greedy->placements) << TwoSidedModeName(mode);
    }
  }
}

TEST(TwoSidedInstanceTest, StableModeBreaksTiesAsTheListsItIsMeasuredAgainst) {
  // Scores in {1, 2, 3}: most preferences tie. The one-score stable mode must break them
  // as the default lists do (one lottery per side), so that it equals the two-sided
  // stable mode on those lists and has no blocking pair against them. Breaking ties per
  // pair instead (as this mode once did) leaves blocking pairs in most of these pools.
  std::mt19937_64 rng(17);
  for (int round = 0; round < 60; ++round) {
    std::vector<int32_t> seats;
    for (int32_t o = 0; o < 6; ++o) seats.push_back(1 + static_cast<int32_t>(rng() % 2));
    std::vector<ScoredPair> pairs;
    for (int32_t c = 0; c < 14; ++c) {
      for (int32_t o = 0; o < 6; ++o) {
        if (rng() % 3 == 0) continue;
        pairs.push_back({c, o, static_cast<double>(1 + rng() % 3)});
      }
    }
    const Pool pool(14, seats, pairs);
    const uint64_t seed = 100 + round;
    const TwoSidedMarket market = MarketOf(pool.instance, {}, seed);
    absl::StatusOr<AssignmentOutcome> stable = AssignStable(pool.instance, seed);
    ASSERT_TRUE(stable.ok()) << stable.status();
    EXPECT_EQ(stable->placements,
              OutcomeOf(pool.instance, market, TwoSidedMode::kStable).placements)
        << "round " << round;
    absl::StatusOr<TwoSidedMatching> matching = MatchingOfOutcome(market, *stable);
    ASSERT_TRUE(matching.ok()) << matching.status();
    EXPECT_EQ(CountTwoSidedBlockingPairs(market, *matching), 0) << "round " << round;
  }
}

TEST(TwoSidedInstanceTest, ExplicitRankingsKeepSubmittedRanksAndHardConstraints) {
  // c0 ranks o1 first, but the pair is not eligible; o0 ranks c1 (eligible) then c0.
  Pool pool(2, {1, 1}, {{0, 0, 0.4}, {1, 0, 0.9}, {1, 1, 0.8}});
  TwoSidedRankings rankings;
  rankings.candidate_rankings = {std::vector<int32_t>{1, 0}, std::nullopt};
  rankings.offer_rankings = {std::vector<int32_t>{0, 1}, std::nullopt};
  const TwoSidedMarket market = MarketOf(pool.instance, rankings, 1);
  ASSERT_EQ(market.pairs.size(), 3u);
  const int64_t c0o0 = market.FindPair(0, 0);
  ASSERT_GE(c0o0, 0);
  EXPECT_EQ(market.pairs[c0o0].candidate_rank, 2);  // o1 keeps first place
  EXPECT_EQ(market.pairs[c0o0].offer_rank, 1);
  EXPECT_EQ(market.FindPair(0, 1), -1);
  // c1 ranks by score by default: o0 (0.9) then o1 (0.8); o0 prefers c0, so c1 gets o1.
  const AssignmentOutcome outcome =
      OutcomeOf(pool.instance, market, TwoSidedMode::kStable);
  ASSERT_EQ(outcome.placements.size(), 2u);
  EXPECT_EQ(outcome.placements[0].offer, 0);
  EXPECT_EQ(outcome.placements[1].offer, 1);
  EXPECT_EQ(outcome.placements[1].travel_minutes, 10.0);
  absl::StatusOr<TwoSidedMatching> back = MatchingOfOutcome(market, outcome);
  ASSERT_TRUE(back.ok());
  const TwoSidedMetrics metrics = ComputeTwoSidedMetrics(market, *back);
  EXPECT_EQ(metrics.blocking_pairs, 0);
  EXPECT_DOUBLE_EQ(metrics.candidate_mean_rank, 2.0);  // both got their second choice
  EXPECT_DOUBLE_EQ(metrics.first_choice_share, 0.0);
}

TEST(TwoSidedInstanceTest, LockedCandidatesHaveNoLists) {
  Pool pool(2, {2}, {{0, 0, 0.4}, {1, 0, 0.9}});
  pool.instance.candidate_locked[1] = 1;
  TwoSidedRankings rankings;
  rankings.candidate_rankings = {std::nullopt, std::vector<int32_t>{0}};
  rankings.offer_rankings = {std::vector<int32_t>{1, 0}};
  absl::StatusOr<TiedMarketInput> tied = TiedMarketFromInstance(pool.instance, rankings);
  ASSERT_TRUE(tied.ok());
  EXPECT_TRUE(tied->candidate_lists[1].empty());
  const TwoSidedMarket market = MarketOf(pool.instance, rankings, 1);
  EXPECT_EQ(market.FindPair(1, 0), -1);
  EXPECT_EQ(market.pairs[market.FindPair(0, 0)].offer_rank, 2);
}

TEST(TwoSidedInstanceTest, ExistingModesRunOverMutuallyAcceptablePairs) {
  std::mt19937_64 rng(4);
  for (int round = 0; round < 50; ++round) {
    const std::unique_ptr<Pool> pool = RandomPool(rng, 25, 6);
    // Random explicit rankings for half of each side.
    TwoSidedRankings rankings;
    rankings.candidate_rankings.resize(25);
    rankings.offer_rankings.resize(6);
    for (int32_t c = 0; c < 25; c += 2) {
      std::vector<int32_t> r;
      for (int32_t o = 0; o < 6; ++o) {
        if (rng() % 3) r.push_back(o);
      }
      std::shuffle(r.begin(), r.end(), rng);
      rankings.candidate_rankings[c] = r;
    }
    for (int32_t o = 0; o < 6; o += 2) {
      std::vector<int32_t> r;
      for (int32_t c = 0; c < 25; ++c) {
        if (rng() % 2) r.push_back(c);
      }
      std::shuffle(r.begin(), r.end(), rng);
      rankings.offer_rankings[o] = r;
    }
    const TwoSidedMarket market = MarketOf(pool->instance, rankings, round);
    const AssignmentInstance restricted =
        RestrictToMutuallyAcceptable(pool->instance, market);
    EXPECT_EQ(restricted.graph.edges.size(), market.pairs.size());

    absl::StatusOr<AssignmentOutcome> greedy = AssignGreedy(restricted);
    ASSERT_TRUE(greedy.ok());
    absl::StatusOr<TwoSidedMatching> greedy_matching = MatchingOfOutcome(market, *greedy);
    ASSERT_TRUE(greedy_matching.ok()) << greedy_matching.status();
    EXPECT_EQ(*greedy_matching, GreedyTwoSided(market));

    absl::StatusOr<AssignmentOutcome> optimal = AssignOptimal(restricted);
    ASSERT_TRUE(optimal.ok());
    absl::StatusOr<TwoSidedMatching> optimal_matching =
        MatchingOfOutcome(market, *optimal);
    ASSERT_TRUE(optimal_matching.ok());
    absl::StatusOr<TwoSidedMatching> two_sided_optimal =
        SolveTwoSided(market, TwoSidedMode::kOptimal);
    ASSERT_TRUE(two_sided_optimal.ok());
    const TwoSidedMetrics a = ComputeTwoSidedMetrics(market, *optimal_matching);
    const TwoSidedMetrics b = ComputeTwoSidedMetrics(market, *two_sided_optimal);
    EXPECT_EQ(a.placed, b.placed);
    EXPECT_NEAR(a.total_score, b.total_score, 1e-5);
  }
}

TEST(TwoSidedInstanceTest, RejectsBadRankingsNamingTheField) {
  Pool pool(2, {1, 1}, {{0, 0, 0.4}});
  TwoSidedRankings rankings;
  rankings.candidate_rankings = {std::vector<int32_t>{1, 1}, std::nullopt};
  EXPECT_THAT(TiedMarketFromInstance(pool.instance, rankings).status().message(),
              HasSubstr("candidate_rankings[0][1] offer 1 is named twice"));
  rankings.candidate_rankings = {std::vector<int32_t>{2}, std::nullopt};
  EXPECT_THAT(TiedMarketFromInstance(pool.instance, rankings).status().message(),
              HasSubstr("candidate_rankings[0][0] offer 2 is out of range"));
  rankings.candidate_rankings = {std::nullopt};
  EXPECT_THAT(TiedMarketFromInstance(pool.instance, rankings).status().message(),
              HasSubstr("candidate_rankings has 1 entries"));
  rankings = {};
  rankings.offer_rankings = {std::nullopt, std::vector<int32_t>{0, -1}};
  EXPECT_EQ(TiedMarketFromInstance(pool.instance, rankings).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(TiedMarketFromInstance(pool.instance, rankings).status().message(),
              HasSubstr("offer_rankings[1][1] candidate -1 is out of range"));
  rankings = {};
  rankings.offer_side_scores = {0.1, 0.2};
  EXPECT_THAT(TiedMarketFromInstance(pool.instance, rankings).status().message(),
              HasSubstr("offer_side_scores has 2 entries"));
}

TEST(TwoSidedInstanceTest, OfferSideScoresOrderTheOffersDefaultLists) {
  Pool pool(2, {1}, {{0, 0, 0.9}, {1, 0, 0.1}});
  TwoSidedRankings rankings;
  rankings.offer_side_scores = {0.2, 0.7};  // the company prefers c1
  const TwoSidedMarket market = MarketOf(pool.instance, rankings, 1);
  EXPECT_EQ(market.pairs[market.FindPair(1, 0)].offer_rank, 1);
  const AssignmentOutcome outcome =
      OutcomeOf(pool.instance, market, TwoSidedMode::kStable);
  ASSERT_EQ(outcome.placements.size(), 1u);
  EXPECT_EQ(outcome.placements[0].candidate, 1);
}

TEST(TwoSidedRunTest, OneCallGivesTheModesOutcomeAndBothMetrics) {
  std::mt19937_64 rng(6);
  for (int round = 0; round < 20; ++round) {
    const std::unique_ptr<Pool> pool = RandomPool(rng, 20, 6);
    TwoSidedRankings rankings;
    rankings.offer_side_scores.resize(pool->instance.graph.edges.size());
    for (double& s : rankings.offer_side_scores) s = static_cast<double>(rng() % 5);
    const TwoSidedMarket market = MarketOf(pool->instance, rankings, 7);
    for (TwoSidedMode mode : {TwoSidedMode::kOptimal, TwoSidedMode::kStable,
                              TwoSidedMode::kStableOfferProposing,
                              TwoSidedMode::kBestStable, TwoSidedMode::kGreedy}) {
      SCOPED_TRACE(TwoSidedModeName(mode));
      absl::StatusOr<TwoSidedRun> run =
          RunTwoSidedAssignment(pool->instance, rankings, mode, /*seed=*/7);
      ASSERT_TRUE(run.ok()) << run.status();
      EXPECT_EQ(run->mutually_acceptable_pairs,
                static_cast<int64_t>(market.pairs.size()));
      absl::StatusOr<TwoSidedMatching> direct = SolveTwoSided(market, mode);
      ASSERT_TRUE(direct.ok());
      absl::StatusOr<TwoSidedMatching> got = MatchingOfOutcome(market, run->outcome);
      ASSERT_TRUE(got.ok());
      if (mode == TwoSidedMode::kOptimal) {  // equal value; the optimum may differ
        EXPECT_EQ(run->two_sided.placed, ComputeTwoSidedMetrics(market, *direct).placed);
      } else {
        EXPECT_EQ(*got, *direct);  // ids sort like indices: greedy ties agree too
      }
      EXPECT_EQ(run->metrics.placed,
                static_cast<int64_t>(run->outcome.placements.size()));
      EXPECT_EQ(run->two_sided.placed, run->metrics.placed);
      EXPECT_EQ(run->two_sided.blocking_pairs, CountTwoSidedBlockingPairs(market, *got));
      EXPECT_EQ(run->outcome.placements.size() + run->outcome.unmatched.size(), 20u);
      if (mode != TwoSidedMode::kOptimal && mode != TwoSidedMode::kGreedy) {
        EXPECT_EQ(run->two_sided.blocking_pairs, 0);
      }
    }
  }
  TwoSidedRankings bad;
  bad.offer_rankings = {std::nullopt};
  const std::unique_ptr<Pool> pool = RandomPool(rng, 3, 2);
  EXPECT_EQ(RunTwoSidedAssignment(pool->instance, bad, TwoSidedMode::kStable, 1)
                .status()
                .code(),
            absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace azubimatch::engine
