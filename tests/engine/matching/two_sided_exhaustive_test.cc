// Every two-sided mode against exhaustive enumeration of all matchings on thousands of
// small random markets (up to 8 candidates x 5 offers, seats 1-3, incomplete lists, ties
// broken by seed), with fixed seeds.
#include <algorithm>
#include <cstdint>
#include <random>
#include <vector>

#include "absl/status/statusor.h"
#include "engine/matching/best_stable.h"
#include "engine/matching/seeded_tie_breaking.h"
#include "engine/matching/stable_rotations.h"
#include "engine/matching/two_sided_greedy.h"
#include "engine/matching/two_sided_market.h"
#include "engine/matching/two_sided_metrics.h"
#include "engine/matching/two_sided_optimal.h"
#include "engine/matching/two_sided_stable.h"
#include "gtest/gtest.h"
#include "tests/engine/matching/two_sided_brute_force.h"

namespace azubimatch::engine {
namespace {

using testing::BruteForceMarket;
using testing::MatchingOf;
using testing::OfferOf;
using testing::OffersOf;
using testing::RandomTiedMarket;

constexpr int kMarkets = 2000;

// One random market, strict after tie-breaking, with its brute-force reference.
struct Case {
  TwoSidedMarketInput input;
  TwoSidedMarket market;
};

Case MakeCase(std::mt19937_64& rng) {
  const TiedMarketInput tied = RandomTiedMarket(rng, 8, 5);
  absl::StatusOr<TwoSidedMarketInput> input = BreakTiesBySeed(tied, rng());
  EXPECT_TRUE(input.ok()) << input.status();
  absl::StatusOr<TwoSidedMarket> market = BuildTwoSidedMarket(*input);
  EXPECT_TRUE(market.ok()) << market.status();
  return Case{*std::move(input), *std::move(market)};
}

// Runs `check` on kMarkets markets drawn from a fixed seed.
template <typename Check>
void ForRandomMarkets(uint64_t seed, Check check) {
  std::mt19937_64 rng(seed);
  for (int i = 0; i < kMarkets; ++i) {
    SCOPED_TRACE(::testing::Message() << "market " << i << " of seed " << seed);
    const Case k = MakeCase(rng);
    check(k, BruteForceMarket(k.input));
    if (::testing::Test::HasFatalFailure()) return;
  }
}

TEST(TwoSidedExhaustiveTest, ReferenceEnumerationCutsNoStableMatching) {
  // The reference's cut (skip_unstable) against the plain enumeration.
  std::mt19937_64 rng(10);
  for (int i = 0; i < 300; ++i) {
    const Case k = MakeCase(rng);
    const BruteForceMarket brute(k.input);
    std::vector<OfferOf> plain;
    brute.ForEachMatching([&](const OfferOf& m) {
      if (brute.IsStable(m)) plain.push_back(m);
    });
    EXPECT_EQ(brute.StableMatchings(), plain) << "market " << i;
  }
}

TEST(TwoSidedExhaustiveTest, StableIsCandidateOptimalStableMatching) {
  ForRandomMarkets(11, [](const Case& k, const BruteForceMarket& brute) {
    absl::StatusOr<TwoSidedMatching> result = CandidateProposingStable(k.market);
    ASSERT_TRUE(result.ok()) << result.status();
    ASSERT_TRUE(CheckTwoSidedMatching(k.market, *result).ok());
    const OfferOf got = OffersOf(k.market, *result);
    EXPECT_EQ(brute.BlockingPairs(got), 0);
    EXPECT_EQ(CountTwoSidedBlockingPairs(k.market, *result), 0);
    const std::vector<OfferOf> stable = brute.StableMatchings();
    ASSERT_FALSE(stable.empty());
    for (int c = 0; c < brute.num_candidates(); ++c) {
      int best = BruteForceMarket::kUnacceptable;
      for (const OfferOf& m : stable) best = std::min(best, brute.CandidateRank(c, m[c]));
      EXPECT_EQ(brute.CandidateRank(c, got[c]), best) << "candidate " << c;
    }
  });
}

TEST(TwoSidedExhaustiveTest, OfferProposingIsCandidatePessimalStableMatching) {
  ForRandomMarkets(12, [](const Case& k, const BruteForceMarket& brute) {
    absl::StatusOr<TwoSidedMatching> result = OfferProposingStable(k.market);
    ASSERT_TRUE(result.ok()) << result.status();
    ASSERT_TRUE(CheckTwoSidedMatching(k.market, *result).ok());
    const OfferOf got = OffersOf(k.market, *result);
    EXPECT_EQ(brute.BlockingPairs(got), 0);
    const std::vector<OfferOf> stable = brute.StableMatchings();
    for (int c = 0; c < brute.num_candidates(); ++c) {
      int worst = -1;
      for (const OfferOf& m : stable)
        worst = std::max(worst, brute.CandidateRank(c, m[c]));
      EXPECT_EQ(brute.CandidateRank(c, got[c]), worst) << "candidate " << c;
    }
  });
}

TEST(TwoSidedExhaustiveTest, BestStableReachesMaximumScoreOverStableMatchings) {
  int with_choice = 0;  // markets where the stable matchings differ in weight
  ForRandomMarkets(13, [&](const Case& k, const BruteForceMarket& brute) {
    absl::StatusOr<TwoSidedMatching> result = BestStable(k.market);
    ASSERT_TRUE(result.ok()) << result.status();
    ASSERT_TRUE(CheckTwoSidedMatching(k.market, *result).ok());
    const OfferOf got = OffersOf(k.market, *result);
    EXPECT_EQ(brute.BlockingPairs(got), 0);
    int64_t best = INT64_MIN, worst = INT64_MAX;
    double best_score = -1e300;
    for (const OfferOf& m : brute.StableMatchings()) {
      best = std::max(best, brute.Weight(m));
      worst = std::min(worst, brute.Weight(m));
      double score = 0;
      for (int c = 0; c < brute.num_candidates(); ++c) {
        if (m[c] >= 0) score += brute.Score(c, m[c]);
      }
      best_score = std::max(best_score, score);
    }
    EXPECT_EQ(brute.Weight(got), best);
    EXPECT_NEAR(ComputeTwoSidedMetrics(k.market, *result).total_score, best_score, 1e-4);
    with_choice += best != worst;
  });
  RecordProperty("markets_with_a_choice", with_choice);
  EXPECT_GT(with_choice, kMarkets / 20);  // the test exercises real choices
}

TEST(TwoSidedExhaustiveTest, RotationPosetClosedSetsAreTheStableMatchings) {
  int many = 0;  // markets with at least three stable matchings
  ForRandomMarkets(14, [&](const Case& k, const BruteForceMarket& brute) {
    absl::StatusOr<RotationPoset> poset = BuildRotationPoset(k.market);
    ASSERT_TRUE(poset.ok()) << poset.status();
    const std::vector<OfferOf> stable = brute.StableMatchings();
    const size_t n = poset->rotations.size();
    ASSERT_LE(n, 20u);
    // Every closed subset gives a distinct stable matching, and all of them appear.
    std::vector<OfferOf> reached;
    for (uint32_t mask = 0; mask < (1u << n); ++mask) {
      bool closed = true;
      for (const ClosureArc& arc : poset->precedences) {
        if ((mask >> arc.from & 1) && !(mask >> arc.to & 1)) closed = false;
      }
      if (!closed) continue;
      std::vector<uint8_t> eliminate(n);
      for (size_t r = 0; r < n; ++r) eliminate[r] = mask >> r & 1;
      const TwoSidedMatching m = EliminateRotations(*poset, eliminate);
      ASSERT_TRUE(CheckTwoSidedMatching(k.market, m).ok());
      const OfferOf offers = OffersOf(k.market, m);
      EXPECT_EQ(brute.BlockingPairs(offers), 0) << "closed set " << mask;
      int64_t weight = brute.Weight(OffersOf(k.market, poset->candidate_optimal));
      for (size_t r = 0; r < n; ++r) {
        if (eliminate[r]) weight += poset->rotations[r].weight;
      }
      EXPECT_EQ(brute.Weight(offers), weight);
      reached.push_back(offers);
    }
    std::sort(reached.begin(), reached.end());
    EXPECT_EQ(std::unique(reached.begin(), reached.end()), reached.end());
    std::vector<OfferOf> expected = stable;
    std::sort(expected.begin(), expected.end());
    EXPECT_EQ(reached, expected);
    many += stable.size() >= 3;
  });
  RecordProperty("markets_with_3_or_more_stable_matchings", many);
  EXPECT_GT(many, kMarkets / 50);
}

TEST(TwoSidedExhaustiveTest, OptimalReachesMaximumPlacementsThenScore) {
  ForRandomMarkets(15, [](const Case& k, const BruteForceMarket& brute) {
    absl::StatusOr<TwoSidedMatching> result = OptimalTwoSided(k.market);
    ASSERT_TRUE(result.ok()) << result.status();
    ASSERT_TRUE(CheckTwoSidedMatching(k.market, *result).ok());
    int most = 0;
    int64_t best = INT64_MIN;
    brute.ForEachMatching([&](const OfferOf& m) {
      const int placed = BruteForceMarket::Placed(m);
      const int64_t w = brute.Weight(m);
      if (placed > most || (placed == most && w > best)) {
        most = placed;
        best = w;
      }
    });
    const OfferOf got = OffersOf(k.market, *result);
    EXPECT_EQ(BruteForceMarket::Placed(got), most);
    EXPECT_EQ(brute.Weight(got), best);
  });
}

TEST(TwoSidedExhaustiveTest, GreedyTakesBestMutuallyAcceptablePairFirst) {
  ForRandomMarkets(16, [](const Case& k, const BruteForceMarket& brute) {
    const TwoSidedMatching result = GreedyTwoSided(k.market);
    ASSERT_TRUE(CheckTwoSidedMatching(k.market, result).ok());
    EXPECT_EQ(OffersOf(k.market, result), brute.NaiveGreedy());
  });
}

TEST(TwoSidedExhaustiveTest, BlockingPairsMetricIsExact) {
  int64_t checked = 0, with_blocking = 0;
  ForRandomMarkets(17, [&](const Case& k, const BruteForceMarket& brute) {
    int64_t count = 0;
    brute.ForEachMatching([&](const OfferOf&) { ++count; });
    const int64_t stride = std::max<int64_t>(1, count / 100);  // about 100 of them
    int64_t i = 0;
    brute.ForEachMatching([&](const OfferOf& m) {
      if (i++ % stride != 0) return;
      const int64_t expected = brute.BlockingPairs(m);
      EXPECT_EQ(CountTwoSidedBlockingPairs(k.market, MatchingOf(k.market, m)), expected);
      ++checked;
      with_blocking += expected > 0;
    });
  });
  RecordProperty("matchings_checked", checked);
  EXPECT_GT(checked, 10 * kMarkets);
  EXPECT_GT(with_blocking, checked / 4);
}

TEST(TwoSidedExhaustiveTest, ModesAgreeWhereTheyMust) {
  // Offer-proposing equals what eliminating every rotation reaches; both stable modes
  // place the same candidates and fill every offer alike (rural hospitals theorem).
  ForRandomMarkets(18, [](const Case& k, const BruteForceMarket& brute) {
    absl::StatusOr<RotationPoset> poset = BuildRotationPoset(k.market);
    absl::StatusOr<TwoSidedMatching> top = CandidateProposingStable(k.market);
    absl::StatusOr<TwoSidedMatching> bottom = OfferProposingStable(k.market);
    ASSERT_TRUE(poset.ok() && top.ok() && bottom.ok());
    EXPECT_EQ(poset->candidate_optimal, *top);
    const std::vector<uint8_t> all(poset->rotations.size(), 1);
    EXPECT_EQ(EliminateRotations(*poset, all), *bottom);
    std::vector<int> top_fill(k.market.num_offers()), bottom_fill(k.market.num_offers());
    for (int32_t c = 0; c < k.market.num_candidates(); ++c) {
      const int32_t a = MatchedOffer(k.market, *top, c);
      const int32_t b = MatchedOffer(k.market, *bottom, c);
      EXPECT_EQ(a < 0, b < 0);
      if (a >= 0) ++top_fill[a];
      if (b >= 0) ++bottom_fill[b];
    }
    EXPECT_EQ(top_fill, bottom_fill);
  });
}

}  // namespace
}  // namespace azubimatch::engine
