// Two-sided modes on larger random markets (up to 60 candidates x 20 offers), too large
// to enumerate every matching, against independent certificates: stability by the
// brute-force definition, the lattice order between the stable modes, random stable
// matchings from closed sets of rotations scoring no more than best-stable, and optimal
// placing at least as many as any other mode.
#include <algorithm>
#include <cstdint>
#include <random>
#include <vector>

#include "absl/status/statusor.h"
#include "engine/matching/seeded_tie_breaking.h"
#include "engine/matching/stable_rotations.h"
#include "engine/matching/two_sided_market.h"
#include "engine/matching/two_sided_metrics.h"
#include "engine/matching/two_sided_modes.h"
#include "gtest/gtest.h"
#include "tests/engine/matching/two_sided_brute_force.h"

namespace azubimatch::engine {
namespace {

using testing::BruteForceMarket;
using testing::OfferOf;
using testing::OffersOf;

constexpr TwoSidedMode kModes[] = {TwoSidedMode::kOptimal, TwoSidedMode::kStable,
                                   TwoSidedMode::kStableOfferProposing,
                                   TwoSidedMode::kBestStable, TwoSidedMode::kGreedy};

TEST(TwoSidedRandomTest, ModesAgainstCertificatesOnLargerMarkets) {
  std::mt19937_64 rng(21);
  int64_t rotations_seen = 0;
  for (int round = 0; round < 1000; ++round) {
    SCOPED_TRACE(::testing::Message() << "market " << round);
    const TiedMarketInput tied = testing::RandomTiedMarket(rng, 60, 20);
    absl::StatusOr<TwoSidedMarketInput> input = BreakTiesBySeed(tied, rng());
    ASSERT_TRUE(input.ok());
    absl::StatusOr<TwoSidedMarket> market = BuildTwoSidedMarket(*input);
    ASSERT_TRUE(market.ok());
    const BruteForceMarket brute(*input);

    std::vector<OfferOf> result(5);
    for (TwoSidedMode mode : kModes) {
      absl::StatusOr<TwoSidedMatching> m = SolveTwoSided(*market, mode);
      ASSERT_TRUE(m.ok()) << m.status();
      ASSERT_TRUE(CheckTwoSidedMatching(*market, *m).ok());
      const OfferOf offers = OffersOf(*market, *m);
      EXPECT_EQ(CountTwoSidedBlockingPairs(*market, *m), brute.BlockingPairs(offers))
          << TwoSidedModeName(mode);
      result[static_cast<int>(mode)] = offers;
    }
    const OfferOf& top = result[static_cast<int>(TwoSidedMode::kStable)];
    const OfferOf& bottom = result[static_cast<int>(TwoSidedMode::kStableOfferProposing)];
    const OfferOf& best = result[static_cast<int>(TwoSidedMode::kBestStable)];
    const OfferOf& optimal = result[static_cast<int>(TwoSidedMode::kOptimal)];
    for (const OfferOf* stable : {&top, &bottom, &best}) {
      EXPECT_TRUE(brute.IsStable(*stable));
    }
    for (int c = 0; c < brute.num_candidates(); ++c) {
      EXPECT_LE(brute.CandidateRank(c, top[c]), brute.CandidateRank(c, best[c]));
      EXPECT_LE(brute.CandidateRank(c, best[c]), brute.CandidateRank(c, bottom[c]));
    }
    for (const OfferOf& other : result) {
      EXPECT_GE(BruteForceMarket::Placed(optimal), BruteForceMarket::Placed(other));
      if (BruteForceMarket::Placed(optimal) == BruteForceMarket::Placed(other)) {
        EXPECT_GE(brute.Weight(optimal), brute.Weight(other));
      }
    }

    // Random closed sets of rotations: stable, and never better than best-stable.
    absl::StatusOr<RotationPoset> poset = BuildRotationPoset(*market);
    ASSERT_TRUE(poset.ok());
    const size_t n = poset->rotations.size();
    rotations_seen += static_cast<int64_t>(n);
    for (int sample = 0; sample < 20 && n > 0; ++sample) {
      std::vector<uint8_t> chosen(n, 0);
      for (size_t r = 0; r < n; ++r) chosen[r] = rng() % 2;
      // Close downward; arcs point to earlier rotations, so one backward pass suffices
      // when arcs are visited from the latest rotation down.
      std::vector<std::vector<int32_t>> needs(n);
      for (const ClosureArc& arc : poset->precedences) needs[arc.from].push_back(arc.to);
      for (size_t r = n; r-- > 0;) {
        if (!chosen[r]) continue;
        for (int32_t before : needs[r]) chosen[before] = 1;
      }
      const OfferOf m = OffersOf(*market, EliminateRotations(*poset, chosen));
      EXPECT_TRUE(brute.IsStable(m));
      EXPECT_LE(brute.Weight(m), brute.Weight(best));
    }
  }
  RecordProperty("rotations", static_cast<int>(rotations_seen));
  EXPECT_GT(rotations_seen, 1000);
}

}  // namespace
}  // namespace azubimatch::engine
