#include <algorithm>
#include <functional>
#include <random>
#include <set>

#include "engine/matching/assignment_run.h"
#include "engine/matching/optimal_assignment.h"
#include "engine/matching/scoring.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/engine/matching/assignment_test_support.h"
#include "tests/engine/matching/matching_test_pools.h"

namespace azubimatch::engine {
namespace {

using ::azubimatch::engine::testing::BruteForceBlockingPairs;
using ::azubimatch::engine::testing::FixedTravelTime;
using ::azubimatch::engine::testing::MakeCandidate;
using ::azubimatch::engine::testing::MakeOffer;
using ::azubimatch::engine::testing::MakeRandomPool;
using ::azubimatch::engine::testing::PlacedIds;
using ::azubimatch::engine::testing::RandomPool;
using ::azubimatch::engine::testing::RandomPoolOptions;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Pair;
using ::testing::UnorderedElementsAre;

constexpr AssignMode kAllModes[] = {AssignMode::kOptimal, AssignMode::kStable,
                                        AssignMode::kGreedy};

absl::StatusOr<AssignmentRun> RunPool(
    const std::vector<CandidateProfile>& candidates,
    const std::vector<OfferProfile>& offers, AssignMode mode, uint64_t seed = 0,
    const std::vector<PairIds>& locked = {}, const std::vector<PairIds>& banned = {},
    const ScoringPolicy& policy = ScoringPolicy(),
    const TravelTimeModel& travel = GreatCircleTravelTime()) {
  AssignmentOptions options;
  options.mode = mode;
  options.seed = seed;
  return RunAssignment(candidates, offers, locked, banned, policy, travel, options);
}

TEST(GreedyAssignmentTest, TakesTheBestPairFirst) {
  CandidateProfile c1 = MakeCandidate("c1", {"11111", "22222"});
  CandidateProfile c2 = MakeCandidate("c2", {"11111"});
  c2.languages = {{"de", CefrLevel::kC2}};  // fits o1 better than c1 does
  const std::vector<OfferProfile> offers = {MakeOffer("o1", "11111"),
                                            MakeOffer("o2", "22222")};
  auto run = RunPool({c1, c2}, offers, AssignMode::kGreedy);
  ASSERT_TRUE(run.ok()) << run.status();
  EXPECT_THAT(PlacedIds({c1, c2}, offers, run->outcome),
              UnorderedElementsAre(Pair("c1", "o2"), Pair("c2", "o1")));
  // The same pool listed the other way round gives the same placements.
  auto reversed = RunPool({c2, c1}, {offers[1], offers[0]}, AssignMode::kGreedy);
  ASSERT_TRUE(reversed.ok());
  EXPECT_EQ(PlacedIds({c2, c1}, {offers[1], offers[0]}, reversed->outcome),
            PlacedIds({c1, c2}, offers, run->outcome));
}

TEST(GreedyAssignmentTest, BreaksTiesByCandidateIdThenOfferId) {
  const std::vector<CandidateProfile> candidates = {MakeCandidate("b", {"11111"}),
                                                    MakeCandidate("a", {"11111"})};
  const std::vector<OfferProfile> one_seat = {MakeOffer("o1", "11111")};
  auto run = RunPool(candidates, one_seat, AssignMode::kGreedy);
  ASSERT_TRUE(run.ok());
  EXPECT_THAT(PlacedIds(candidates, one_seat, run->outcome),
              ElementsAre(Pair("a", "o1")));

  const std::vector<CandidateProfile> one = {MakeCandidate("x", {"11111"})};
  const std::vector<OfferProfile> twins = {MakeOffer("o2", "11111"),
                                           MakeOffer("o1", "11111")};
  run = RunPool(one, twins, AssignMode::kGreedy);
  ASSERT_TRUE(run.ok());
  EXPECT_THAT(PlacedIds(one, twins, run->outcome), ElementsAre(Pair("x", "o1")));
}

TEST(AssignmentModesTest, OptimalPlacesTheCandidateGreedyLeavesOutcompeted) {
  const std::vector<CandidateProfile> candidates = {
      MakeCandidate("c1", {"11111", "22222"}), MakeCandidate("c2", {"11111"})};
  const std::vector<OfferProfile> offers = {MakeOffer("o1", "11111"),
                                            MakeOffer("o2", "22222")};
  auto greedy = RunPool(candidates, offers, AssignMode::kGreedy);
  ASSERT_TRUE(greedy.ok());
  EXPECT_THAT(PlacedIds(candidates, offers, greedy->outcome),
              ElementsAre(Pair("c1", "o1")));
  ASSERT_EQ(greedy->outcome.unmatched.size(), 1u);
  const UnmatchedCandidate& u = greedy->outcome.unmatched[0];
  EXPECT_EQ(u.candidate, 1);
  EXPECT_EQ(u.reason, UnmatchedReason::kOutcompeted);
  EXPECT_EQ(u.eligible_offers, 1);
  EXPECT_EQ(u.text,
            "outcompeted: the seats of the one eligible offer went to other candidates");
  EXPECT_EQ(greedy->metrics.unmatched_outcompeted, 1);

  auto optimal = RunPool(candidates, offers, AssignMode::kOptimal);
  ASSERT_TRUE(optimal.ok()) << optimal.status();
  EXPECT_THAT(PlacedIds(candidates, offers, optimal->outcome),
              UnorderedElementsAre(Pair("c1", "o2"), Pair("c2", "o1")));
  EXPECT_TRUE(optimal->outcome.unmatched.empty());
}

TEST(AssignmentModesTest, UnmatchedWithoutEligibleOfferNamesTheConstraintThatCutMost) {
  CandidateProfile c = MakeCandidate("c1", {"11111"});
  c.languages = {{"de", CefrLevel::kA2}};
  std::vector<OfferProfile> offers = {MakeOffer("o1", "11111"), MakeOffer("o2", "11111"),
                                      MakeOffer("o3", "11111"), MakeOffer("o4", "22222")};
  offers[2].required_languages = {};
  offers[2].open = false;
  for (AssignMode mode : kAllModes) {
    auto run = RunPool({c}, offers, mode);
    ASSERT_TRUE(run.ok()) << run.status();
    ASSERT_EQ(run->outcome.unmatched.size(), 1u);
    const UnmatchedCandidate& u = run->outcome.unmatched[0];
    EXPECT_EQ(u.reason, UnmatchedReason::kNoEligibleOffer);
    EXPECT_EQ(u.top_constraint, ExclusionCode::kLanguageBelowRequired);
    EXPECT_EQ(u.text,
              "no eligible offer: language_below_required excluded 2 of 3 offers in the "
              "desired occupations");
    EXPECT_EQ(run->metrics.unmatched_no_eligible_offer, 1);
    EXPECT_EQ(run->metrics.unmatched_by_top_constraint[static_cast<int>(
                  ExclusionCode::kLanguageBelowRequired)],
              1);
  }
}

TEST(AssignmentModesTest, GreedyAndStableLeaveNoBlockingPairsOnRandomPools) {
  const GreatCircleTravelTime travel;
  for (uint64_t seed = 1; seed <= 12; ++seed) {
    RandomPoolOptions options;
    options.num_candidates = 40;
    options.num_offers = 25;
    options.coarse = seed % 2 == 0;  // many ties
    const RandomPool pool = MakeRandomPool(seed, options);
    for (AssignMode mode : {AssignMode::kStable, AssignMode::kGreedy}) {
      auto run = RunPool(pool.candidates, pool.offers, mode, seed);
      ASSERT_TRUE(run.ok()) << run.status();
      EXPECT_GT(run->metrics.placed, 0);
      EXPECT_EQ(run->metrics.blocking_pairs, 0)
          << AssignModeName(mode) << " " << seed;
      EXPECT_EQ(BruteForceBlockingPairs(pool.candidates, pool.offers, {}, {},
                                        ScoringPolicy(), travel, run->outcome),
                0)
          << AssignModeName(mode) << " seed " << seed;
    }
  }
}

TEST(AssignmentModesTest, BlockingPairCountAgreesWithBruteForceInEveryMode) {
  const GreatCircleTravelTime travel;
  int64_t optimal_blocking = 0;
  for (uint64_t seed = 1; seed <= 10; ++seed) {
    RandomPoolOptions options;
    options.num_candidates = 30;
    options.num_offers = 12;
    const RandomPool pool = MakeRandomPool(100 + seed, options);
    const std::vector<PairIds> locked = {{pool.candidates[0].id, pool.offers[1].id}};
    std::vector<OfferProfile> offers = pool.offers;
    offers[1].seats_free = std::max(offers[1].seats_free, 1);
    const std::vector<PairIds> banned = {{pool.candidates[2].id, pool.offers[3].id},
                                         {pool.candidates[4].id, pool.offers[5].id}};
    for (AssignMode mode : kAllModes) {
      auto run = RunPool(pool.candidates, offers, mode, seed, locked, banned);
      ASSERT_TRUE(run.ok()) << run.status();
      const int64_t brute = BruteForceBlockingPairs(
          pool.candidates, offers, locked, banned, ScoringPolicy(), travel, run->outcome);
      EXPECT_EQ(run->metrics.blocking_pairs, brute) << AssignModeName(mode) << seed;
      if (mode == AssignMode::kOptimal) optimal_blocking += brute;
    }
  }
  // Optimal trades stability for placements somewhere in these pools.
  EXPECT_GT(optimal_blocking, 0);
}

TEST(StableAssignmentTest, SameSeedSameResultWhateverTheInputOrder) {
  RandomPoolOptions options;
  options.num_candidates = 60;
  options.num_offers = 30;
  options.coarse = true;
  RandomPool pool = MakeRandomPool(5, options);
  auto first = RunPool(pool.candidates, pool.offers, AssignMode::kStable, 42);
  auto again = RunPool(pool.candidates, pool.offers, AssignMode::kStable, 42);
  ASSERT_TRUE(first.ok() && again.ok());
  EXPECT_EQ(first->outcome.placements, again->outcome.placements);

  const auto expected = PlacedIds(pool.candidates, pool.offers, first->outcome);
  std::mt19937_64 rng(9);
  std::shuffle(pool.candidates.begin(), pool.candidates.end(), rng);
  std::shuffle(pool.offers.begin(), pool.offers.end(), rng);
  auto shuffled = RunPool(pool.candidates, pool.offers, AssignMode::kStable, 42);
  ASSERT_TRUE(shuffled.ok());
  EXPECT_EQ(PlacedIds(pool.candidates, pool.offers, shuffled->outcome), expected);
  // Summed in another order, so equal up to rounding only.
  EXPECT_DOUBLE_EQ(shuffled->metrics.total_score, first->metrics.total_score);
}

TEST(StableAssignmentTest, SeedDecidesBetweenCandidatesOfEqualScore) {
  // Ten identical candidates, one seat: each seed picks one, always the same for a seed.
  std::vector<CandidateProfile> candidates;
  for (int i = 0; i < 10; ++i)
    candidates.push_back(MakeCandidate("c" + std::to_string(i), {"11111"}));
  const std::vector<OfferProfile> offers = {MakeOffer("o1", "11111")};
  std::set<int32_t> winners;
  for (uint64_t seed = 0; seed < 20; ++seed) {
    auto run = RunPool(candidates, offers, AssignMode::kStable, seed);
    auto repeat = RunPool(candidates, offers, AssignMode::kStable, seed);
    ASSERT_TRUE(run.ok() && repeat.ok());
    ASSERT_EQ(run->outcome.placements.size(), 1u);
    EXPECT_EQ(run->outcome.placements, repeat->outcome.placements);
    winners.insert(run->outcome.placements[0].candidate);
  }
  EXPECT_GT(winners.size(), 3u);
}

TEST(AssignmentModesTest, LockedPairsAreHonouredAndBannedPairsNeverPlaced) {
  RandomPoolOptions options;
  options.num_candidates = 40;
  options.num_offers = 20;
  const RandomPool pool = MakeRandomPool(77, options);
  std::vector<OfferProfile> offers = pool.offers;
  for (OfferProfile& o : offers) o.seats_free = std::max(o.seats_free, 1);
  // Lock c0 and c1 to offers they may not even be eligible for; ban pairs greedy
  // would otherwise take.
  const std::vector<PairIds> locked = {{pool.candidates[0].id, offers[0].id},
                                       {pool.candidates[1].id, offers[1].id}};
  auto unconstrained = RunPool(pool.candidates, offers, AssignMode::kGreedy);
  ASSERT_TRUE(unconstrained.ok());
  std::vector<PairIds> banned;
  for (const Placement& p : unconstrained->outcome.placements) {
    if (p.candidate > 1 && banned.size() < 5) {
      banned.push_back({pool.candidates[p.candidate].id, offers[p.offer].id});
    }
  }
  ASSERT_EQ(banned.size(), 5u);
  const GreatCircleTravelTime travel;
  for (AssignMode mode : kAllModes) {
    auto run = RunPool(pool.candidates, offers, mode, 3, locked, banned);
    ASSERT_TRUE(run.ok()) << run.status();
    const auto placed = PlacedIds(pool.candidates, offers, run->outcome);
    for (const PairIds& l : locked) {
      EXPECT_TRUE(placed.count({l.candidate_id, l.offer_id})) << AssignModeName(mode);
    }
    for (const PairIds& b : banned) {
      EXPECT_FALSE(placed.count({b.candidate_id, b.offer_id}))
          << AssignModeName(mode);
    }
    EXPECT_EQ(run->metrics.placed_locked, 2);
    for (const Placement& p : run->outcome.placements) {
      EXPECT_EQ(p.locked, p.candidate <= 1);
      EXPECT_EQ(p.score, Explain(pool.candidates[p.candidate], offers[p.offer],
                                 ScoringPolicy(), travel)
                             .score);
    }
  }
}

TEST(AssignmentModesTest, LockedPairsAreValidatedNamingTheField) {
  const std::vector<CandidateProfile> candidates = {MakeCandidate("c1", {"11111"}),
                                                    MakeCandidate("c2", {"11111"})};
  const std::vector<OfferProfile> offers = {MakeOffer("o1", "11111", 1)};
  auto run = RunPool(candidates, offers, AssignMode::kGreedy, 0, {{"c9", "o1"}});
  EXPECT_EQ(run.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(run.status().message(), HasSubstr("locked[0].candidate_id 'c9'"));
  run = RunPool(candidates, offers, AssignMode::kGreedy, 0, {{"c1", "o9"}});
  EXPECT_THAT(run.status().message(), HasSubstr("locked[0].offer_id 'o9'"));
  run = RunPool(candidates, offers, AssignMode::kGreedy, 0,
                {{"c1", "o1"}, {"c2", "o1"}});
  EXPECT_EQ(run.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(run.status().message(),
              HasSubstr("locked[1].offer_id 'o1' has more locked"));
  run = RunPool(candidates, offers, AssignMode::kGreedy, 0, {{"c1", "o1"}},
                {{"c1", "o1"}});
  EXPECT_THAT(run.status().message(), HasSubstr("also banned"));
}

TEST(AssignmentModesTest, EveryModeRespectsSeatsAndReportsExplainScores) {
  const GreatCircleTravelTime travel;
  ScoringPolicy policy;
  policy.allow_sector_match = true;
  for (uint64_t seed = 1; seed <= 5; ++seed) {
    RandomPoolOptions options;
    options.num_candidates = 50;
    options.num_offers = 20;
    const RandomPool pool = MakeRandomPool(200 + seed, options);
    for (AssignMode mode : kAllModes) {
      auto run = RunPool(pool.candidates, pool.offers, mode, seed, {}, {}, policy);
      ASSERT_TRUE(run.ok()) << run.status();
      std::vector<int> taken(pool.offers.size(), 0);
      std::set<int32_t> seen;
      for (const Placement& p : run->outcome.placements) {
        EXPECT_TRUE(seen.insert(p.candidate).second);
        ++taken[p.offer];
        const Explanation x =
            Explain(pool.candidates[p.candidate], pool.offers[p.offer], policy, travel);
        EXPECT_TRUE(x.eligible);
        EXPECT_EQ(p.score, x.score);
        EXPECT_EQ(p.travel_minutes, x.travel_minutes);
      }
      for (size_t o = 0; o < pool.offers.size(); ++o) {
        EXPECT_LE(taken[o], pool.offers[o].seats_free);
      }
      EXPECT_EQ(run->outcome.placements.size() + run->outcome.unmatched.size(),
                pool.candidates.size());
    }
  }
}

// Maximum placements, then maximum total weight, by trying every matching.
std::pair<int, int64_t> BruteForceOptimum(const RandomPool& pool,
                                          const ScoringPolicy& policy,
                                          const TravelTimeModel& travel) {
  const int n = static_cast<int>(pool.candidates.size());
  std::vector<std::vector<std::pair<int, int64_t>>> options(n);
  for (int c = 0; c < n; ++c) {
    for (size_t o = 0; o < pool.offers.size(); ++o) {
      const Explanation x = Explain(pool.candidates[c], pool.offers[o], policy, travel);
      if (x.eligible) options[c].push_back({static_cast<int>(o), OptimalWeight(x.score)});
    }
  }
  std::vector<int> seats;
  for (const OfferProfile& o : pool.offers) seats.push_back(o.seats_free);
  std::pair<int, int64_t> best{0, 0};
  std::function<void(int, int, int64_t)> rec = [&](int c, int placed, int64_t weight) {
    if (c == n) {
      best = std::max(best, std::make_pair(placed, weight));
      return;
    }
    rec(c + 1, placed, weight);
    for (const auto& [o, w] : options[c]) {
      if (seats[o] == 0) continue;
      --seats[o];
      rec(c + 1, placed + 1, weight + w);
      ++seats[o];
    }
  };
  rec(0, 0, 0);
  return best;
}

TEST(OptimalAssignmentTest, MatchesBruteForceOnSmallPools) {
  const GreatCircleTravelTime travel;
  for (uint64_t seed = 1; seed <= 40; ++seed) {
    RandomPoolOptions options;
    options.num_candidates = 7;
    options.num_offers = 4;
    options.num_occupations = 2;
    options.coarse = seed % 3 == 0;
    const RandomPool pool = MakeRandomPool(300 + seed, options);
    const auto [best_placed, best_weight] =
        BruteForceOptimum(pool, ScoringPolicy(), travel);
    auto run = RunPool(pool.candidates, pool.offers, AssignMode::kOptimal);
    ASSERT_TRUE(run.ok()) << run.status();
    int64_t weight = 0;
    for (const Placement& p : run->outcome.placements) weight += OptimalWeight(p.score);
    EXPECT_EQ(run->metrics.placed, best_placed) << "seed " << seed;
    EXPECT_EQ(weight, best_weight) << "seed " << seed;
  }
}

TEST(OptimalAssignmentTest, PlacesAtLeastAsManyAsGreedyAndStable) {
  for (uint64_t seed = 1; seed <= 10; ++seed) {
    RandomPoolOptions options;
    options.num_candidates = 80;
    options.num_offers = 40;
    options.coarse = seed % 2 == 0;
    const RandomPool pool = MakeRandomPool(400 + seed, options);
    auto optimal = RunPool(pool.candidates, pool.offers, AssignMode::kOptimal);
    auto stable = RunPool(pool.candidates, pool.offers, AssignMode::kStable, seed);
    auto greedy = RunPool(pool.candidates, pool.offers, AssignMode::kGreedy);
    ASSERT_TRUE(optimal.ok() && stable.ok() && greedy.ok());
    EXPECT_GE(optimal->metrics.placed, stable->metrics.placed);
    EXPECT_GE(optimal->metrics.placed, greedy->metrics.placed);
    if (optimal->metrics.placed == greedy->metrics.placed) {
      EXPECT_GE(optimal->metrics.total_score, greedy->metrics.total_score - 1e-4);
    }
  }
}

TEST(AssignmentModesTest, ProgressReportsStagesAndCanCancelEveryMode) {
  const RandomPool pool = MakeRandomPool(8);
  for (AssignMode mode : kAllModes) {
    AssignmentOptions options;
    options.mode = mode;
    std::set<AssignmentStage> stages;
    options.progress = [&](AssignmentStage stage, int64_t done, int64_t total) {
      stages.insert(stage);
      EXPECT_LE(done, total);
      return stage == AssignmentStage::kEligiblePairs;
    };
    auto run = RunAssignment(pool.candidates, pool.offers, {}, {}, ScoringPolicy(),
                             GreatCircleTravelTime(), options);
    EXPECT_EQ(run.status().code(), absl::StatusCode::kCancelled)
        << AssignModeName(mode);
    EXPECT_THAT(stages, ElementsAre(AssignmentStage::kEligiblePairs,
                                    AssignmentStage::kAssignment));
  }
}

TEST(AssignmentModesTest, ModeNamesRoundTrip) {
  for (AssignMode mode : kAllModes) {
    absl::StatusOr<AssignMode> parsed = ParseAssignMode(AssignModeName(mode));
    ASSERT_TRUE(parsed.ok());
    EXPECT_EQ(*parsed, mode);
  }
  absl::StatusOr<AssignMode> bad = ParseAssignMode("fastest");
  EXPECT_EQ(bad.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(bad.status().message(), HasSubstr("'fastest'"));
}

}  // namespace
}  // namespace azubimatch::engine
