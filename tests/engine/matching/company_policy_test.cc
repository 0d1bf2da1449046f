// The company-side policy: offers without a ranking rank their eligible candidates by a
// second set of weights over the pair score's components. Equal weights change nothing;
// other weights change the offers' default lists (and only theirs) as specified.
#include "engine/matching/company_policy.h"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <random>
#include <vector>

#include "absl/status/statusor.h"
#include "engine/matching/assignment_instance.h"
#include "engine/matching/pair_evaluation.h"
#include "engine/matching/scoring.h"
#include "engine/matching/seeded_tie_breaking.h"
#include "engine/matching/two_sided_instance.h"
#include "engine/matching/two_sided_market.h"
#include "engine/matching/two_sided_run.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/engine/matching/matching_test_pools.h"
#include "tests/engine/matching/two_sided_brute_force.h"
#include "tests/engine/matching/two_sided_instance_support.h"

namespace azubimatch::engine {
namespace {

using ::azubimatch::engine::testing::MakeRandomPool;
using ::azubimatch::engine::testing::MarketOf;
using ::azubimatch::engine::testing::RandomPool;
using ::azubimatch::engine::testing::RandomPoolOptions;
using ::azubimatch::engine::testing::UnboundedGreatCircle;
using ::testing::HasSubstr;

constexpr TwoSidedMode kAllModes[] = {
    TwoSidedMode::kOptimal, TwoSidedMode::kStable, TwoSidedMode::kStableOfferProposing,
    TwoSidedMode::kBestStable, TwoSidedMode::kGreedy};

AssignmentInstance InstanceOf(const RandomPool& pool, const ScoringPolicy& policy) {
  static const UnboundedGreatCircle travel;
  absl::StatusOr<AssignmentInstance> instance =
      BuildAssignmentInstance(pool.candidates, pool.offers, {}, {}, policy, travel);
  EXPECT_TRUE(instance.ok()) << instance.status();
  return *std::move(instance);
}

// A seeded random pool with two occupations.
RandomPool SmallPool(uint64_t seed, int candidates, int offers, double spread_deg) {
  RandomPoolOptions options;
  options.num_candidates = candidates;
  options.num_offers = offers;
  options.num_occupations = 2;
  options.spread_deg = spread_deg;
  return MakeRandomPool(seed, options);
}

TEST(CompanyPolicyTest, ValidationNamesTheComponent) {
  EXPECT_TRUE(ValidateComponentWeights({0, 0, 1, 0, 0}).ok());
  EXPECT_THAT(ValidateComponentWeights({0, 0, -1, 0, 0}).message(),
              HasSubstr("the commute weight is negative"));
  EXPECT_THAT(ValidateComponentWeights({0, NAN, 1, 0, 0}).message(),
              HasSubstr("the language weight is not finite"));
  EXPECT_EQ(ValidateComponentWeights({0, 0, 0, 0, 0}).code(),
            absl::StatusCode::kInvalidArgument);
  const RandomPool pool = MakeRandomPool(1);
  const ScoringPolicy policy;
  const AssignmentInstance instance = InstanceOf(pool, policy);
  std::vector<std::optional<ComponentWeights>> weights(pool.offers.size());
  weights[3] = ComponentWeights{0, 0, 0, 0, 0};
  EXPECT_THAT(CompanySideScores(instance, policy, weights).status().message(),
              HasSubstr("offer_weights[3]: no weight is positive"));
  weights.pop_back();
  EXPECT_THAT(CompanySideScores(instance, policy, weights).status().message(),
              HasSubstr("offer_weights has"));
}

TEST(CompanyPolicyTest, NoWeightsMeanThePairScore) {
  const RandomPool pool = MakeRandomPool(2);
  const ScoringPolicy policy;
  const AssignmentInstance instance = InstanceOf(pool, policy);
  auto none = CompanySideScores(instance, policy, {});
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->empty());
  std::vector<std::optional<ComponentWeights>> unset(pool.offers.size());
  auto all_unset = CompanySideScores(instance, policy, unset);
  ASSERT_TRUE(all_unset.ok());
  EXPECT_TRUE(all_unset->empty());
}

TEST(CompanyPolicyTest, PairScoreWeightsGiveEveryRunExactlyAsWithout) {
  for (uint64_t seed = 1; seed <= 40; ++seed) {
    SCOPED_TRACE(seed);
    RandomPoolOptions options;
    options.coarse = seed % 2 == 0;  // many ties: the seed must break them alike
    options.num_candidates = 25;
    options.num_offers = 12;
    const RandomPool pool = MakeRandomPool(seed, options);
    ScoringPolicy policy;
    if (seed % 3 == 0) policy.commute_weight = 0.7;  // another run policy
    const AssignmentInstance instance = InstanceOf(pool, policy);
    std::vector<std::optional<ComponentWeights>> weights(pool.offers.size());
    for (size_t o = 0; o < weights.size(); ++o) {
      if (o % 4 != 1) weights[o] = PairScoreWeights(policy);
    }
    absl::StatusOr<std::vector<double>> scores =
        CompanySideScores(instance, policy, weights);
    ASSERT_TRUE(scores.ok()) << scores.status();
    ASSERT_EQ(scores->size(), instance.graph.edges.size());
    for (size_t e = 0; e < scores->size(); ++e) {
      ASSERT_EQ((*scores)[e], instance.graph.edges[e].score) << e;  // bit for bit
    }
    TwoSidedRankings with;
    with.offer_side_scores = *scores;
    for (TwoSidedMode mode : kAllModes) {
      SCOPED_TRACE(TwoSidedModeName(mode));
      auto today = RunTwoSidedAssignment(instance, {}, mode, seed);
      auto policed = RunTwoSidedAssignment(instance, with, mode, seed);
      ASSERT_TRUE(today.ok() && policed.ok());
      EXPECT_EQ(policed->outcome.placements, today->outcome.placements);
      EXPECT_EQ(policed->two_sided.blocking_pairs, today->two_sided.blocking_pairs);
      EXPECT_EQ(policed->two_sided.offer_mean_rank, today->two_sided.offer_mean_rank);
    }
  }
}

TEST(CompanyPolicyTest, CommuteOnlyOffersRankByCommuteAndCandidatesKeepThePairScore) {
  const ScoringPolicy policy;
  const ComponentWeights commute_only = {0, 0, 1, 0, 0};
  for (uint64_t seed = 1; seed <= 60; ++seed) {
    SCOPED_TRACE(seed);
    const RandomPool pool = SmallPool(seed, 40, 30, 0.3);
    const AssignmentInstance instance = InstanceOf(pool, policy);
    std::vector<std::optional<ComponentWeights>> weights(pool.offers.size(),
                                                         commute_only);
    weights[0] = std::nullopt;  // offer 0 keeps the pair score
    TwoSidedRankings rankings;
    rankings.offer_side_scores = *CompanySideScores(instance, policy, weights);
    const TwoSidedMarket market = MarketOf(instance, rankings, seed);
    const TwoSidedMarket today = MarketOf(instance, {}, seed);
    ASSERT_EQ(market.pairs.size(), today.pairs.size());
    for (const ScoredEdge& edge : instance.graph.edges) {
      const int64_t p = market.FindPair(edge.candidate, edge.offer);
      ASSERT_GE(p, 0);
      // Candidates' lists are today's.
      EXPECT_EQ(market.pairs[p].candidate_rank,
                today.pairs[today.FindPair(edge.candidate, edge.offer)].candidate_rank);
      if (edge.offer == 0) {
        EXPECT_EQ(market.pairs[p].offer_rank,
                  today.pairs[today.FindPair(edge.candidate, edge.offer)].offer_rank);
      }
    }
    // Every other offer's list runs by falling commute value (ties in any order).
    for (int32_t o = 1; o < market.num_offers(); ++o) {
      std::vector<std::pair<int32_t, double>> ranked;  // (rank, commute value)
      for (const ScoredEdge& edge : instance.graph.edges) {
        if (edge.offer != o) continue;
        const double commute =
            CommuteFit(edge.travel_minutes,
                       instance.candidates[edge.candidate].travel_limit_minutes);
        ranked.emplace_back(market.pairs[market.FindPair(edge.candidate, o)].offer_rank,
                            commute);
      }
      std::sort(ranked.begin(), ranked.end());
      for (size_t i = 1; i < ranked.size(); ++i) {
        EXPECT_GE(ranked[i - 1].second, ranked[i].second) << "offer " << o;
      }
    }
    auto stable = RunTwoSidedAssignment(instance, rankings, TwoSidedMode::kStable, seed);
    auto offers = RunTwoSidedAssignment(instance, rankings,
                                        TwoSidedMode::kStableOfferProposing, seed);
    ASSERT_TRUE(stable.ok() && offers.ok());
    EXPECT_EQ(stable->two_sided.blocking_pairs, 0);
    EXPECT_EQ(offers->two_sided.blocking_pairs, 0);
    EXPECT_EQ(stable->two_sided.placed, offers->two_sided.placed);  // rural hospitals
  }
}

TEST(CompanyPolicyTest, ACommuteOnlyCompanyPrefersTheNearCandidate) {
  // c0 wishes the occupation first with a tight commute limit, c1 fourth with slack,
  // both 30 minutes away: the pair score prefers c0 (0.425 vs 0.379), a commute-only
  // company c1 (commute value 1 - 30/90 vs 1 - 30/40). One seat, both candidates want
  // only this offer: every stable mode follows the company's list.
  using ::azubimatch::engine::testing::FixedTravelTime;
  RandomPool pool;
  pool.candidates = {testing::MakeCandidate("c0", {"62100"}),
                     testing::MakeCandidate("c1", {"1", "2", "3", "62100"})};
  pool.candidates[0].travel_limit_minutes = 40;
  pool.candidates[1].travel_limit_minutes = 90;
  pool.offers = {testing::MakeOffer("o", "62100", 1)};
  const ScoringPolicy policy;
  const FixedTravelTime travel(30);
  absl::StatusOr<AssignmentInstance> instance =
      BuildAssignmentInstance(pool.candidates, pool.offers, {}, {}, policy, travel);
  ASSERT_TRUE(instance.ok()) << instance.status();
  ASSERT_EQ(instance->graph.edges.size(), 2u);
  EXPECT_GT(instance->graph.edges[0].score, instance->graph.edges[1].score);
  const std::vector<std::optional<ComponentWeights>> weights = {
      ComponentWeights{0, 0, 1, 0, 0}};
  TwoSidedRankings rankings;
  rankings.offer_side_scores = *CompanySideScores(*instance, policy, weights);
  EXPECT_DOUBLE_EQ(rankings.offer_side_scores[0], 1 - 30.0 / 40);
  EXPECT_DOUBLE_EQ(rankings.offer_side_scores[1], 1 - 30.0 / 90);
  for (TwoSidedMode mode : kAllModes) {
    if (mode == TwoSidedMode::kGreedy || mode == TwoSidedMode::kOptimal) continue;
    auto run = RunTwoSidedAssignment(*instance, rankings, mode, 1);
    ASSERT_TRUE(run.ok());
    ASSERT_EQ(run->outcome.placements.size(), 1u);
    EXPECT_EQ(run->outcome.placements[0].candidate, 1) << TwoSidedModeName(mode);
    auto today = RunTwoSidedAssignment(*instance, {}, mode, 1);
    ASSERT_TRUE(today.ok());
    EXPECT_EQ(today->outcome.placements[0].candidate, 0) << TwoSidedModeName(mode);
  }
}

TEST(CompanyPolicyTest, ACommuteOnlyPolicyAddsTheOfferOptimalStableMatching) {
  // o0 (occupation A) at S, o1 (B) 5 km north at N; c0 lives at N and wishes A then B,
  // c1 at S wishes B then A. By the pair score each candidate prefers its first wish
  // (the wish outweighs the 10 minutes) and so does each offer: one stable matching
  // {c0-o0, c1-o1}. Commute-only offers prefer their neighbour, which adds the
  // offer-optimal stable matching {c0-o1, c1-o0}.
  const GeoPoint south = testing::kStuttgart;
  const GeoPoint north{south.lat + 0.045, south.lon};
  RandomPool pool;
  pool.candidates = {testing::MakeCandidate("c0", {"A", "B"}),
                     testing::MakeCandidate("c1", {"B", "A"})};
  pool.candidates[0].home = north;
  pool.candidates[1].home = south;
  pool.offers = {testing::MakeOffer("o0", "A"), testing::MakeOffer("o1", "B")};
  pool.offers[0].location = south;
  pool.offers[1].location = north;
  const ScoringPolicy policy;
  const AssignmentInstance instance = InstanceOf(pool, policy);
  ASSERT_EQ(instance.graph.edges.size(), 4u);
  const std::vector<std::optional<ComponentWeights>> weights(2, ComponentWeights{0, 0, 1, 0, 0});
  TwoSidedRankings rankings;
  rankings.offer_side_scores = *CompanySideScores(instance, policy, weights);
  const auto placed = [&](const TwoSidedRankings& lists, TwoSidedMode mode) {
    auto run = RunTwoSidedAssignment(instance, lists, mode, 1);
    EXPECT_TRUE(run.ok());
    std::vector<int32_t> offer_of(2, -1);
    for (const Placement& p : run->outcome.placements) offer_of[p.candidate] = p.offer;
    return offer_of;
  };
  const std::vector<int32_t> first_wishes = {0, 1}, neighbours = {1, 0};
  for (TwoSidedMode mode : {TwoSidedMode::kStable, TwoSidedMode::kStableOfferProposing,
                            TwoSidedMode::kBestStable}) {
    EXPECT_EQ(placed({}, mode), first_wishes) << TwoSidedModeName(mode);
  }
  EXPECT_EQ(placed(rankings, TwoSidedMode::kStable), first_wishes);
  EXPECT_EQ(placed(rankings, TwoSidedMode::kStableOfferProposing), neighbours);
  EXPECT_EQ(placed(rankings, TwoSidedMode::kBestStable), first_wishes);  // higher score
}

TEST(CompanyPolicyTest, ExhaustiveSmallPoolsListsFollowThePolicyAndModesAreTheLatticeEnds) {
  // Small real pools, random weights per offer (some offers without): each offer's list
  // runs by the company score recomputed here from Explain's component values; the
  // stable modes give, by brute force over every matching, the candidate-optimal and
  // the candidate-pessimal stable matching.
  const ScoringPolicy policy;
  const UnboundedGreatCircle travel;
  std::mt19937_64 rng(21);
  for (uint64_t seed = 1; seed <= 60; ++seed) {
    SCOPED_TRACE(seed);
    const RandomPool pool = SmallPool(seed, 6, 5, 0.2);
    const AssignmentInstance instance = InstanceOf(pool, policy);
    std::vector<std::optional<ComponentWeights>> weights(pool.offers.size());
    for (auto& w : weights) {
      if (rng() % 4 == 0) continue;
      ComponentWeights drawn{};
      for (double& x : drawn) x = static_cast<double>(rng() % 3) / 2;  // 0, 0.5, 1
      drawn[rng() % kComponentCount] = 1.0;
      w = drawn;
    }
    TwoSidedRankings rankings;
    rankings.offer_side_scores = *CompanySideScores(instance, policy, weights);
    const TwoSidedMarketInput strict = testing::StrictListsOf(instance, rankings, seed);
    for (size_t o = 0; o < pool.offers.size(); ++o) {
      double previous = 2.0;
      for (int32_t c : strict.offer_lists[o]) {
        const Explanation e = Explain(pool.candidates[c], pool.offers[o], policy, travel);
        double expected = e.score;
        if (weights[o].has_value()) {
          double sum = 0.0;
          for (double w : *weights[o]) sum += w;
          expected = 0.0;
          for (int i = 0; i < kComponentCount; ++i) {
            expected += (*weights[o])[i] / sum * e.components[i].value;
          }
        }
        EXPECT_LE(expected, previous + 1e-12) << "offer " << o;
        previous = expected;
      }
    }
    const testing::BruteForceMarket brute(strict);
    const std::vector<testing::OfferOf> stable = brute.StableMatchings();
    ASSERT_FALSE(stable.empty());
    for (TwoSidedMode mode : {TwoSidedMode::kStable, TwoSidedMode::kStableOfferProposing}) {
      auto run = RunTwoSidedAssignment(instance, rankings, mode, seed);
      ASSERT_TRUE(run.ok());
      testing::OfferOf got(pool.candidates.size(), -1);
      for (const Placement& p : run->outcome.placements) got[p.candidate] = p.offer;
      EXPECT_EQ(brute.BlockingPairs(got), 0) << TwoSidedModeName(mode);
      for (int c = 0; c < brute.num_candidates(); ++c) {
        int best = testing::BruteForceMarket::kUnacceptable, worst = -1;
        for (const testing::OfferOf& m : stable) {
          best = std::min(best, brute.CandidateRank(c, m[c]));
          worst = std::max(worst, brute.CandidateRank(c, m[c]));
        }
        EXPECT_EQ(brute.CandidateRank(c, got[c]),
                  mode == TwoSidedMode::kStable ? best : worst)
            << TwoSidedModeName(mode) << " candidate " << c;
      }
    }
  }
}

}  // namespace
}  // namespace azubimatch::engine
