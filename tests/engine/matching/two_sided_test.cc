// Two-sided markets on hand-made examples: building the market, textbook instances with
// known stable matchings and rotations, the metrics, seeded tie-breaking, the modes'
// entry point and the maximum-weight closure.
#include <cstdint>
#include <set>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "engine/matching/best_stable.h"
#include "engine/matching/max_weight_closure.h"
#include "engine/matching/seeded_tie_breaking.h"
#include "engine/matching/stable_rotations.h"
#include "engine/matching/tie_break.h"
#include "engine/matching/two_sided_market.h"
#include "engine/matching/two_sided_metrics.h"
#include "engine/matching/two_sided_modes.h"
#include "engine/matching/two_sided_stable.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/engine/matching/two_sided_brute_force.h"

namespace azubimatch::engine {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using testing::OfferOf;
using testing::OffersOf;

// Lists from plain vectors; scores[c][i] belongs to candidate_lists[c][i].
TwoSidedMarketInput Input(std::vector<int32_t> seats,
                          std::vector<std::vector<int32_t>> candidate_lists,
                          std::vector<std::vector<double>> scores,
                          std::vector<std::vector<int32_t>> offer_lists) {
  TwoSidedMarketInput input;
  input.seats = std::move(seats);
  input.offer_lists = std::move(offer_lists);
  for (size_t c = 0; c < candidate_lists.size(); ++c) {
    input.candidate_lists.emplace_back();
    for (size_t i = 0; i < candidate_lists[c].size(); ++i) {
      input.candidate_lists[c].push_back(
          CandidateChoice{candidate_lists[c][i], scores.empty() ? 0.0 : scores[c][i]});
    }
  }
  return input;
}

TwoSidedMarket Build(const TwoSidedMarketInput& input) {
  absl::StatusOr<TwoSidedMarket> market = BuildTwoSidedMarket(input);
  EXPECT_TRUE(market.ok()) << market.status();
  return *market;
}

OfferOf Solve(const TwoSidedMarket& market, TwoSidedMode mode) {
  absl::StatusOr<TwoSidedMatching> m = SolveTwoSided(market, mode);
  EXPECT_TRUE(m.ok()) << m.status();
  EXPECT_TRUE(CheckTwoSidedMatching(market, *m).ok());
  return OffersOf(market, *m);
}

// The 3 x 3 "Latin square" marriage market (a Gusfield and Irving classic): every
// candidate's first choice ranks it last. Three stable matchings in a chain: each side
// gets its first, second or third choices; two rotations, one preceding the other.
// Scores favour the middle matching. `offset` shifts every index (for a second copy).
TwoSidedMarketInput LatinSquare(int offset = 0) {
  const int32_t a = offset, b = offset + 1, c = offset + 2;
  return Input({1, 1, 1}, {{a, b, c}, {b, c, a}, {c, a, b}},
               {{0.1, 0.9, 0.1}, {0.1, 0.9, 0.1}, {0.1, 0.9, 0.1}},
               {{b, c, a}, {c, a, b}, {a, b, c}});
}

TEST(TwoSidedMarketTest, KeepsMutuallyAcceptablePairsWithSubmittedRanks) {
  // c0 lists o1 first, but o1 does not list c0.
  const TwoSidedMarket market =
      Build(Input({1, 1}, {{1, 0}, {0}}, {{0.5, 0.25}, {0.75}}, {{1, 0}, {1}}));
  ASSERT_EQ(market.num_candidates(), 2);
  ASSERT_EQ(market.pairs.size(), 2u);
  EXPECT_EQ(market.pairs[0].candidate, 0);
  EXPECT_EQ(market.pairs[0].offer, 0);
  EXPECT_EQ(market.pairs[0].score, 0.25);
  EXPECT_EQ(market.pairs[0].candidate_rank, 2);
  EXPECT_EQ(market.pairs[0].offer_rank, 2);
  EXPECT_EQ(market.pairs[1].candidate_rank, 1);
  EXPECT_EQ(market.pairs[1].offer_rank, 1);
  EXPECT_THAT(market.OfferPairsOf(0), ElementsAre(1, 0));
  EXPECT_THAT(market.OfferPairsOf(1), ElementsAre());
  EXPECT_EQ(market.offer_position[0], 1);
  EXPECT_EQ(market.FindPair(0, 1), -1);
  EXPECT_EQ(market.FindPair(1, 0), 1);
}

TEST(TwoSidedMarketTest, IneligibleEntriesKeepTheirRankButNeverMatch) {
  TwoSidedMarketInput input = Input({1, 1}, {{1, 0}}, {{0.5, 0.25}}, {{0}, {0}});
  input.candidate_lists[0][0].eligible = false;  // o1 is excluded by a hard constraint
  const TwoSidedMarket market = Build(input);
  ASSERT_EQ(market.pairs.size(), 1u);
  EXPECT_EQ(market.pairs[0].offer, 0);
  EXPECT_EQ(market.pairs[0].candidate_rank, 2);
  EXPECT_EQ(Solve(market, TwoSidedMode::kStable), (OfferOf{0}));
  EXPECT_EQ(ComputeTwoSidedMetrics(market, TwoSidedMatching{{0}}).first_choice_share,
            0.0);
}

TEST(TwoSidedMarketTest, RejectsBadInputNamingTheField) {
  auto error = [](const TwoSidedMarketInput& input) {
    return BuildTwoSidedMarket(input).status();
  };
  absl::Status s = error(Input({1}, {{0, 0}}, {{0.1, 0.1}}, {{0}}));
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(s.message(), HasSubstr("candidate_lists[0][1] lists offer 0 twice"));
  s = error(Input({1}, {{2}}, {{0.1}}, {{0}}));
  EXPECT_THAT(s.message(), HasSubstr("candidate_lists[0][0].offer 2 is out of range"));
  s = error(Input({1}, {{0}}, {{0.1}}, {{0, 0}}));
  EXPECT_THAT(s.message(), HasSubstr("offer_lists[0][1] lists candidate 0 twice"));
  s = error(Input({1}, {{0}}, {{0.1}}, {{3}}));
  EXPECT_THAT(s.message(), HasSubstr("offer_lists[0][0] candidate 3 is out of range"));
  s = error(Input({-1}, {{0}}, {{0.1}}, {{0}}));
  EXPECT_THAT(s.message(), HasSubstr("seats[0] must be >= 0"));
  s = error(Input({1, 1}, {{0}}, {{0.1}}, {{0}}));
  EXPECT_THAT(s.message(), HasSubstr("offer_lists has 1 entries, seats has 2"));
  s = error(Input({1}, {{0}}, {{std::nan("")}}, {{0}}));
  EXPECT_THAT(s.message(), HasSubstr("candidate_lists[0][0].score"));
  s = error(Input({1}, {{0}}, {{2e3}}, {{0}}));
  EXPECT_THAT(s.message(), HasSubstr("candidate_lists[0][0].score"));
}

TEST(TwoSidedMarketTest, CheckMatchingNamesTheProblem) {
  const TwoSidedMarket market = Build(Input({1}, {{0}, {0}}, {}, {{0, 1}}));
  EXPECT_TRUE(CheckTwoSidedMatching(market, TwoSidedMatching{{0, -1}}).ok());
  EXPECT_THAT(CheckTwoSidedMatching(market, TwoSidedMatching{{0, 1}}).message(),
              HasSubstr("offer 0 holds more than its 1 seats"));
  EXPECT_THAT(CheckTwoSidedMatching(market, TwoSidedMatching{{1, -1}}).message(),
              HasSubstr("pair_of_candidate[0] = 1 is not a pair of candidate 0"));
  EXPECT_THAT(CheckTwoSidedMatching(market, TwoSidedMatching{{0}}).message(),
              HasSubstr("pair_of_candidate has 1 entries"));
}

TEST(TwoSidedStableTest, LatinSquareHasThreeStableMatchingsInAChain) {
  const TwoSidedMarket market = Build(LatinSquare());
  EXPECT_EQ(Solve(market, TwoSidedMode::kStable), (OfferOf{0, 1, 2}));
  EXPECT_EQ(Solve(market, TwoSidedMode::kStableOfferProposing), (OfferOf{2, 0, 1}));
  EXPECT_EQ(Solve(market, TwoSidedMode::kBestStable), (OfferOf{1, 2, 0}));

  absl::StatusOr<RotationPoset> poset = BuildRotationPoset(market);
  ASSERT_TRUE(poset.ok()) << poset.status();
  ASSERT_EQ(poset->rotations.size(), 2u);
  // rho_0 = (c0,o0) (c1,o1) (c2,o2); rho_1 = (c0,o1) (c1,o2) (c2,o0); rho_0 first.
  const Rotation& first = poset->rotations[0];
  ASSERT_EQ(first.moves.size(), 3u);
  std::set<std::pair<int, int>> moved;
  for (const RotationMove& move : first.moves) {
    EXPECT_EQ(market.pairs[move.from_pair].offer, move.candidate);
    EXPECT_EQ(market.pairs[move.to_pair].offer, (move.candidate + 1) % 3);
    moved.insert({move.candidate, market.pairs[move.to_pair].offer});
  }
  EXPECT_EQ(moved.size(), 3u);
  EXPECT_EQ(first.weight, 2'400'000);
  EXPECT_EQ(poset->rotations[1].weight, -2'400'000);
  ASSERT_EQ(poset->precedences.size(), 1u);
  EXPECT_EQ(poset->precedences[0].from, 1);
  EXPECT_EQ(poset->precedences[0].to, 0);
}

TEST(TwoSidedStableTest, BestStableFollowsTheScores) {
  TwoSidedMarketInput input = LatinSquare();
  // Now the offers' first choices carry the score: the candidate-pessimal matching.
  for (auto& list : input.candidate_lists) {
    list[0].score = 0.1;
    list[1].score = 0.2;
    list[2].score = 0.9;
  }
  const TwoSidedMarket market = Build(input);
  EXPECT_EQ(Solve(market, TwoSidedMode::kBestStable), (OfferOf{2, 0, 1}));
  // Equal scores: the best stable matching closest to the candidates' wishes.
  for (auto& list : input.candidate_lists) {
    for (CandidateChoice& choice : list) choice.score = 0.5;
  }
  EXPECT_EQ(Solve(Build(input), TwoSidedMode::kBestStable), (OfferOf{0, 1, 2}));
}

TEST(TwoSidedStableTest, IndependentMarketsGiveAProductOfChains) {
  // Two Latin squares side by side: 3 x 3 = 9 stable matchings, 4 rotations in two
  // chains, no precedence across the two markets.
  TwoSidedMarketInput input = LatinSquare();
  const TwoSidedMarketInput second = LatinSquare(3);
  for (int i = 0; i < 3; ++i) {
    input.seats.push_back(1);
    input.candidate_lists.push_back(second.candidate_lists[i]);
    input.offer_lists.push_back(second.offer_lists[i]);
  }
  const TwoSidedMarket market = Build(input);
  absl::StatusOr<RotationPoset> poset = BuildRotationPoset(market);
  ASSERT_TRUE(poset.ok());
  ASSERT_EQ(poset->rotations.size(), 4u);
  ASSERT_EQ(poset->precedences.size(), 2u);
  for (const ClosureArc& arc : poset->precedences) {
    EXPECT_EQ(poset->rotations[arc.from].moves[0].candidate / 3,
              poset->rotations[arc.to].moves[0].candidate / 3);
  }
  const testing::BruteForceMarket brute(input);
  EXPECT_EQ(brute.StableMatchings().size(), 9u);
  EXPECT_EQ(Solve(market, TwoSidedMode::kBestStable), (OfferOf{1, 2, 0, 4, 5, 3}));
}

TEST(TwoSidedStableTest, KnuthFourByFourHasTenStableMatchings) {
  // Knuth's 4 x 4 instance ("Mariages stables", 1976) with the largest number of stable
  // matchings for n = 4: ten. Every one is a closed set of the rotation poset.
  TwoSidedMarketInput input =
      Input({1, 1, 1, 1}, {{0, 1, 2, 3}, {1, 0, 3, 2}, {2, 3, 0, 1}, {3, 2, 1, 0}},
            {{0.1, 0.2, 0.3, 0.4},
             {0.5, 0.1, 0.7, 0.2},
             {0.3, 0.3, 0.9, 0.1},
             {0.2, 0.8, 0.4, 0.6}},
            {{3, 2, 1, 0}, {2, 3, 0, 1}, {1, 0, 3, 2}, {0, 1, 2, 3}});
  const TwoSidedMarket market = Build(input);
  const testing::BruteForceMarket brute(input);
  const std::vector<OfferOf> stable = brute.StableMatchings();
  ASSERT_EQ(stable.size(), 10u);
  absl::StatusOr<RotationPoset> poset = BuildRotationPoset(market);
  ASSERT_TRUE(poset.ok());
  const size_t n = poset->rotations.size();
  int closed_sets = 0;
  for (uint32_t mask = 0; mask < (1u << n); ++mask) {
    bool closed = true;
    for (const ClosureArc& arc : poset->precedences) {
      if ((mask >> arc.from & 1) && !(mask >> arc.to & 1)) closed = false;
    }
    closed_sets += closed;
  }
  EXPECT_EQ(closed_sets, 10);
  int64_t best = INT64_MIN;
  for (const OfferOf& m : stable) best = std::max(best, brute.Weight(m));
  const OfferOf got = Solve(market, TwoSidedMode::kBestStable);
  EXPECT_TRUE(brute.IsStable(got));
  EXPECT_EQ(brute.Weight(got), best);
  EXPECT_EQ(Solve(market, TwoSidedMode::kStable), (OfferOf{0, 1, 2, 3}));
  EXPECT_EQ(Solve(market, TwoSidedMode::kStableOfferProposing), (OfferOf{3, 2, 1, 0}));
}

// Hospitals/residents: offer A (index 0) with 2 seats, B (1) with 1 seat.
//   c0: B A    c1: A B    c2: A B        A: c0 c1 c2    B: c1 c2 c0
// Candidate-optimal: c0 at B, c1 and c2 at A. One rotation through A's two seats and B
// moves c0 to A, c2 to B: the candidate-pessimal (offer-optimal) matching.
TwoSidedMarketInput SeatsExample() {
  return Input({2, 1}, {{1, 0}, {0, 1}, {0, 1}}, {{0.5, 0.9}, {0.5, 0.1}, {0.5, 0.6}},
               {{0, 1, 2}, {1, 2, 0}});
}

TEST(TwoSidedStableTest, SeatsAreClonedInTheOffersOrder) {
  const TwoSidedMarket market = Build(SeatsExample());
  EXPECT_EQ(Solve(market, TwoSidedMode::kStable), (OfferOf{1, 0, 0}));
  EXPECT_EQ(Solve(market, TwoSidedMode::kStableOfferProposing), (OfferOf{0, 0, 1}));
  EXPECT_EQ(Solve(market, TwoSidedMode::kBestStable), (OfferOf{0, 0, 1}));
  absl::StatusOr<RotationPoset> poset = BuildRotationPoset(market);
  ASSERT_TRUE(poset.ok());
  ASSERT_EQ(poset->rotations.size(), 1u);
  const std::vector<RotationMove>& moves = poset->rotations[0].moves;
  ASSERT_EQ(moves.size(), 3u);
  // c0: B seat 0 -> A seat 0; c1: A seat 0 -> A seat 1; c2: A seat 1 -> B seat 0.
  EXPECT_EQ(moves[0].candidate, 0);
  EXPECT_EQ(market.pairs[moves[0].to_pair].offer, 0);
  EXPECT_EQ(moves[0].to_seat, 0);
  EXPECT_EQ(moves[1].candidate, 1);
  EXPECT_EQ(moves[1].from_seat, 0);
  EXPECT_EQ(moves[1].to_seat, 1);
  EXPECT_EQ(moves[1].from_pair, moves[1].to_pair);
  EXPECT_EQ(moves[2].candidate, 2);
  EXPECT_EQ(market.pairs[moves[2].to_pair].offer, 1);
  EXPECT_EQ(poset->rotations[0].weight, 500'000);
}

TEST(TwoSidedMetricsTest, RanksOnBothSides) {
  const TwoSidedMarket market = Build(SeatsExample());
  absl::StatusOr<TwoSidedMatching> top = CandidateProposingStable(market);
  ASSERT_TRUE(top.ok());
  TwoSidedMetrics m = ComputeTwoSidedMetrics(market, *top);
  EXPECT_EQ(m.candidates, 3);
  EXPECT_EQ(m.seats, 3);
  EXPECT_EQ(m.placed, 3);
  EXPECT_DOUBLE_EQ(m.total_score, 1.5);
  EXPECT_EQ(m.blocking_pairs, 0);
  EXPECT_DOUBLE_EQ(m.candidate_mean_rank, 1.0);
  EXPECT_DOUBLE_EQ(m.first_choice_share, 1.0);
  EXPECT_DOUBLE_EQ(m.offer_mean_rank, 8.0 / 3.0);  // c0 third at B, c1 2nd, c2 3rd at A

  absl::StatusOr<TwoSidedMatching> bottom = OfferProposingStable(market);
  ASSERT_TRUE(bottom.ok());
  m = ComputeTwoSidedMetrics(market, *bottom);
  EXPECT_DOUBLE_EQ(m.total_score, 2.0);
  EXPECT_DOUBLE_EQ(m.candidate_mean_rank, 5.0 / 3.0);
  EXPECT_DOUBLE_EQ(m.first_choice_share, 1.0 / 3.0);
  EXPECT_DOUBLE_EQ(m.offer_mean_rank, 5.0 / 3.0);
  EXPECT_EQ(m.blocking_pairs, 0);
}

TEST(TwoSidedMetricsTest, RanksCountPartnersThatDidNotListBack) {
  // c0 lists o1 first; o1 does not list c0. o0 prefers c1 to c0.
  const TwoSidedMarket market =
      Build(Input({1, 1}, {{1, 0}, {0}}, {{0.5, 0.25}, {0.75}}, {{1, 0}, {1}}));
  const TwoSidedMatching stable{{-1, 1}};
  TwoSidedMetrics m = ComputeTwoSidedMetrics(market, stable);
  EXPECT_EQ(m.placed, 1);
  EXPECT_EQ(m.blocking_pairs, 0);
  EXPECT_DOUBLE_EQ(m.candidate_mean_rank, 1.0);
  EXPECT_DOUBLE_EQ(m.first_choice_share, 0.5);
  EXPECT_DOUBLE_EQ(m.offer_mean_rank, 1.0);
  const TwoSidedMatching unstable{{0, -1}};  // c0 at o0; c1 and o0 prefer each other
  m = ComputeTwoSidedMetrics(market, unstable);
  EXPECT_EQ(m.blocking_pairs, 1);
  EXPECT_DOUBLE_EQ(m.candidate_mean_rank, 2.0);
  EXPECT_DOUBLE_EQ(m.first_choice_share, 0.0);
  EXPECT_DOUBLE_EQ(m.offer_mean_rank, 2.0);
  m = ComputeTwoSidedMetrics(market, TwoSidedMatching{{-1, -1}});
  EXPECT_EQ(m.blocking_pairs, 2);  // o0 has a free seat for either candidate
  EXPECT_EQ(m.candidate_mean_rank, 0.0);
  EXPECT_EQ(m.offer_mean_rank, 0.0);
}

TEST(TwoSidedMetricsTest, OfferWithoutSeatsNeverBlocks) {
  const TwoSidedMarket market = Build(Input({0}, {{0}}, {{0.5}}, {{0}}));
  EXPECT_EQ(CountTwoSidedBlockingPairs(market, TwoSidedMatching{{-1}}), 0);
  EXPECT_EQ(Solve(market, TwoSidedMode::kStable), (OfferOf{-1}));
  EXPECT_EQ(Solve(market, TwoSidedMode::kStableOfferProposing), (OfferOf{-1}));
  EXPECT_EQ(Solve(market, TwoSidedMode::kBestStable), (OfferOf{-1}));
  EXPECT_EQ(Solve(market, TwoSidedMode::kOptimal), (OfferOf{-1}));
  EXPECT_EQ(Solve(market, TwoSidedMode::kGreedy), (OfferOf{-1}));
}

// Everything tied: 6 candidates, 3 offers of one seat, every list complete and flat.
TiedMarketInput AllTied() {
  TiedMarketInput tied;
  tied.seats = {1, 1, 1};
  tied.candidate_lists.resize(6);
  for (int c = 0; c < 6; ++c) {
    for (int o = 0; o < 3; ++o) {
      tied.candidate_lists[c].push_back(TiedCandidateEntry{o, 0.0, 0.5});
    }
  }
  tied.offer_lists.resize(3);
  for (int o = 0; o < 3; ++o) {
    for (int c = 0; c < 6; ++c) tied.offer_lists[o].push_back(TiedEntry{c, 0.0});
  }
  return tied;
}

OfferOf StableUnderSeed(const TiedMarketInput& tied, uint64_t seed, TwoSidedMode mode) {
  absl::StatusOr<TwoSidedMarketInput> input = BreakTiesBySeed(tied, seed);
  EXPECT_TRUE(input.ok()) << input.status();
  return Solve(Build(*input), mode);
}

TEST(SeededTieBreakingTest, SameSeedSameResultOtherSeedsDiffer) {
  const TiedMarketInput tied = AllTied();
  std::set<OfferOf> seen;
  for (uint64_t seed = 0; seed < 20; ++seed) {
    for (TwoSidedMode mode : {TwoSidedMode::kStable, TwoSidedMode::kStableOfferProposing,
                              TwoSidedMode::kBestStable}) {
      EXPECT_EQ(StableUnderSeed(tied, seed, mode), StableUnderSeed(tied, seed, mode));
    }
    seen.insert(StableUnderSeed(tied, seed, TwoSidedMode::kStable));
  }
  EXPECT_GT(seen.size(), 1u);
}

TEST(SeededTieBreakingTest, SingleLotteryOrdersEveryOfferAlike) {
  const TiedMarketInput tied = AllTied();
  absl::StatusOr<TwoSidedMarketInput> input = BreakTiesBySeed(tied, 42);
  ASSERT_TRUE(input.ok());
  EXPECT_EQ(input->offer_lists[0], input->offer_lists[1]);
  EXPECT_EQ(input->offer_lists[0], input->offer_lists[2]);
  for (size_t c = 1; c < input->candidate_lists.size(); ++c) {
    for (size_t i = 0; i < 3; ++i) {
      EXPECT_EQ(input->candidate_lists[c][i].offer, input->candidate_lists[0][i].offer);
    }
  }
  // Higher lottery numbers first, numbers from the documented hashes.
  std::vector<uint64_t> hashes;
  for (uint64_t c = 0; c < 6; ++c) hashes.push_back(SplitMix64(c));
  const std::vector<uint64_t> lottery = DrawLottery(42, kCandidateLotterySalt, hashes);
  for (size_t i = 0; i + 1 < input->offer_lists[0].size(); ++i) {
    EXPECT_GT(lottery[input->offer_lists[0][i]], lottery[input->offer_lists[0][i + 1]]);
  }
}

TEST(SeededTieBreakingTest, PreferencesComeBeforeTheLottery) {
  TiedMarketInput tied = AllTied();
  tied.offer_lists[1][4].preference = 1.0;       // o1 wants c4 most
  tied.candidate_lists[2][2].preference = -1.0;  // c2 wants o2 least
  for (uint64_t seed = 0; seed < 10; ++seed) {
    absl::StatusOr<TwoSidedMarketInput> input = BreakTiesBySeed(tied, seed);
    ASSERT_TRUE(input.ok());
    EXPECT_EQ(input->offer_lists[1][0], 4);
    EXPECT_EQ(input->candidate_lists[2][2].offer, 2);
    EXPECT_EQ(input->candidate_lists[2][2].score, 0.5);
  }
}

TEST(SeededTieBreakingTest, IdHashesMakeTheResultIndependentOfTheOrder) {
  // The same two candidates listed in the other order, with their id hashes, get the
  // same lottery numbers.
  const std::vector<uint64_t> ids = {StableIdHash("cand-a"), StableIdHash("cand-b")};
  const std::vector<uint64_t> swapped = {ids[1], ids[0]};
  const std::vector<uint64_t> a = DrawLottery(7, kCandidateLotterySalt, ids);
  const std::vector<uint64_t> b = DrawLottery(7, kCandidateLotterySalt, swapped);
  EXPECT_EQ(a[0], b[1]);
  EXPECT_EQ(a[1], b[0]);
  EXPECT_NE(DrawLottery(8, kCandidateLotterySalt, ids)[0], a[0]);
}

TEST(SeededTieBreakingTest, RejectsBadInputNamingTheField) {
  TiedMarketInput tied = AllTied();
  tied.offer_lists[2][1].partner = 9;
  EXPECT_THAT(BreakTiesBySeed(tied, 1).status().message(),
              HasSubstr("offer_lists[2][1].partner 9 is out of range"));
  tied = AllTied();
  tied.candidate_lists[3][2].offer = -1;
  EXPECT_THAT(BreakTiesBySeed(tied, 1).status().message(),
              HasSubstr("candidate_lists[3][2].offer -1 is out of range"));
  tied = AllTied();
  tied.candidate_id_hashes = {1, 2};
  EXPECT_THAT(BreakTiesBySeed(tied, 1).status().message(),
              HasSubstr("candidate_id_hashes"));
  tied = AllTied();
  tied.candidate_lists[0][0].preference = std::nan("");
  EXPECT_THAT(BreakTiesBySeed(tied, 1).status().message(),
              HasSubstr("candidate_lists[0][0].preference is NaN"));
}

TEST(TwoSidedModesTest, NamesRoundTrip) {
  for (TwoSidedMode mode : {TwoSidedMode::kOptimal, TwoSidedMode::kStable,
                            TwoSidedMode::kStableOfferProposing,
                            TwoSidedMode::kBestStable, TwoSidedMode::kGreedy}) {
    absl::StatusOr<TwoSidedMode> parsed = ParseTwoSidedMode(TwoSidedModeName(mode));
    ASSERT_TRUE(parsed.ok());
    EXPECT_EQ(*parsed, mode);
  }
  EXPECT_EQ(TwoSidedModeName(TwoSidedMode::kStableOfferProposing),
            "stable-offer-proposing");
  const absl::StatusOr<TwoSidedMode> bad = ParseTwoSidedMode("best_stable");
  EXPECT_EQ(bad.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(bad.status().message(), HasSubstr("got 'best_stable'"));
}

TEST(TwoSidedModesTest, ProgressCanCancel) {
  const TwoSidedMarket market = Build(LatinSquare());
  const ProgressCallback stop = [](int64_t, int64_t) { return false; };
  for (TwoSidedMode mode : {TwoSidedMode::kStable, TwoSidedMode::kStableOfferProposing,
                            TwoSidedMode::kBestStable}) {
    EXPECT_EQ(SolveTwoSided(market, mode, stop).status().code(),
              absl::StatusCode::kCancelled);
  }
}

TEST(MaxWeightClosureTest, TakesAPositiveNodeOnlyWithWhatItNeeds) {
  // Node 0 (+3) needs 1 (-2) and 2 (-2): not worth it. Node 3 (+5) needs 4 (-1).
  EXPECT_THAT(MaxWeightClosure({3, -2, -2, 5, -1}, {{0, 1}, {0, 2}, {3, 4}}),
              ElementsAre(0, 0, 0, 1, 1));
  // Once node 3 pays for 1, node 0 is worth taking too.
  EXPECT_THAT(MaxWeightClosure({3, -2, -2, 5}, {{0, 1}, {0, 2}, {3, 1}}),
              ElementsAre(1, 1, 1, 1));
  // Zero gain: the smallest closure (nothing).
  EXPECT_THAT(MaxWeightClosure({2, -2}, {{0, 1}}), ElementsAre(0, 0));
  // Chains through negative nodes.
  EXPECT_THAT(MaxWeightClosure({-1, -1, 3}, {{2, 1}, {1, 0}}), ElementsAre(1, 1, 1));
  EXPECT_THAT(MaxWeightClosure({}, {}), ElementsAre());
}

TEST(MaxWeightClosureTest, MatchesBruteForceOnRandomGraphs) {
  std::mt19937_64 rng(5);
  for (int round = 0; round < 500; ++round) {
    const int n = 1 + static_cast<int>(rng() % 10);
    std::vector<int64_t> weights(n);
    for (int64_t& w : weights) w = static_cast<int64_t>(rng() % 21) - 10;
    std::vector<ClosureArc> arcs;
    const int m = static_cast<int>(rng() % (2 * n + 1));
    for (int i = 0; i < m; ++i) {
      arcs.push_back(
          ClosureArc{static_cast<int32_t>(rng() % n), static_cast<int32_t>(rng() % n)});
    }
    int64_t best = 0;
    for (uint32_t mask = 0; mask < (1u << n); ++mask) {
      bool closed = true;
      for (const ClosureArc& a : arcs) {
        if ((mask >> a.from & 1) && !(mask >> a.to & 1)) closed = false;
      }
      if (!closed) continue;
      int64_t w = 0;
      for (int v = 0; v < n; ++v) w += (mask >> v & 1) ? weights[v] : 0;
      best = std::max(best, w);
    }
    const std::vector<uint8_t> chosen = MaxWeightClosure(weights, arcs);
    int64_t got = 0;
    for (int v = 0; v < n; ++v) got += chosen[v] ? weights[v] : 0;
    for (const ClosureArc& a : arcs) EXPECT_FALSE(chosen[a.from] && !chosen[a.to]);
    EXPECT_EQ(got, best) << "round " << round;
  }
}

}  // namespace
}  // namespace azubimatch::engine
