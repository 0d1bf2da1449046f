#include "engine/matching/metrics.h"

#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/engine/matching/matching_test_pools.h"

namespace azubimatch::engine {
namespace {

using ::azubimatch::engine::testing::MakeCandidate;
using ::azubimatch::engine::testing::MakeOffer;

// Four candidates, two offers (2 + 1 seats), edges given by hand:
//   c0-o0 0.9 (10 min, 1st wish)   c0-o1 0.5 (30 min, 2nd wish)
//   c1-o0 0.6 (20 min, 1st wish)   c1-o1 0.85 (40 min, 1st wish)
//   c2-o1 0.8 (50 min, 3rd wish)   c3: none (2 wished offers, both below language)
class MetricsTest : public ::testing::Test {
 protected:
  MetricsTest() {
    candidates_ = {MakeCandidate("c0", {"1"}), MakeCandidate("c1", {"1"}),
                   MakeCandidate("c2", {"1"}), MakeCandidate("c3", {"1"})};
    offers_ = {MakeOffer("o0", "1", 2), MakeOffer("o1", "1", 1)};
    instance_.candidates = candidates_;
    instance_.offers = offers_;
    instance_.graph.edges = {{0, 0, 0.9, 10.0, 0},
                             {0, 1, 0.5, 30.0, 1},
                             {1, 0, 0.6, 20.0, 0},
                             {1, 1, 0.85, 40.0, 0},
                             {2, 1, 0.8, 50.0, 2}};
    instance_.graph.candidate_begin = {0, 2, 4, 5, 5};
    instance_.graph.exclusions.resize(4);
    for (int c = 0; c < 3; ++c) {
      instance_.graph.exclusions[c].eligible_offers = c < 2 ? 2 : 1;
    }
    CandidateExclusions& c3 = instance_.graph.exclusions[3];
    c3.wished_offers = 2;
    c3.offers_by_reason[static_cast<int>(ExclusionCode::kLanguageBelowRequired)] = 2;
    instance_.capacity = {2, 1};
    instance_.candidate_locked = {0, 0, 0, 0};
  }

  std::vector<CandidateProfile> candidates_;
  std::vector<OfferProfile> offers_;
  AssignmentInstance instance_;
};

TEST_F(MetricsTest, HandComputedExample) {
  // c0-o0, c1-o0, c2-o1; c3 has no eligible offer.
  const AssignmentOutcome outcome =
      MakeOutcome(instance_, std::vector<int64_t>{0, 2, 4, -1});
  ASSERT_EQ(outcome.placements.size(), 3u);
  ASSERT_EQ(outcome.unmatched.size(), 1u);
  EXPECT_EQ(outcome.unmatched[0].text,
            "no eligible offer: language_below_required excluded 2 of 2 offers in the "
            "desired occupations");

  const MatchingMetrics m = ComputeMetrics(instance_, outcome);
  EXPECT_EQ(m.candidates, 4);
  EXPECT_EQ(m.seats, 3);
  EXPECT_EQ(m.placed, 3);
  EXPECT_EQ(m.placed_locked, 0);
  EXPECT_EQ(m.fill_rate, 1.0);
  EXPECT_EQ(m.total_score, 0.9 + 0.6 + 0.8);
  EXPECT_EQ(m.mean_score, (0.9 + 0.6 + 0.8) / 3);
  EXPECT_EQ(m.first_choice_share, 0.5);  // c0 and c1 of four candidates
  EXPECT_EQ(m.top3_share, 0.75);         // c2's third wish counts too
  EXPECT_EQ(m.commute_median_minutes, 20.0);
  EXPECT_DOUBLE_EQ(m.commute_p90_minutes, 20.0 + 0.8 * 30.0);
  // c1-o1: c1 has 0.6 < 0.85 and o1 holds c2 at 0.8 < 0.85.
  EXPECT_EQ(m.blocking_pairs, 1);
  EXPECT_EQ(m.unmatched_no_eligible_offer, 1);
  EXPECT_EQ(m.unmatched_outcompeted, 0);
  EXPECT_EQ(
      m.unmatched_by_top_constraint[static_cast<int>(ExclusionCode::kLanguageBelowRequired)],
      1);
}

TEST_F(MetricsTest, AFreeSeatMakesEveryPreferringCandidateBlock) {
  // c0-o0, c1-o0; o1 stays empty, so c1-o1 (0.85 > 0.6) and c2-o1 (unplaced) block,
  // c0-o1 does not (0.5 < 0.9).
  const AssignmentOutcome outcome =
      MakeOutcome(instance_, std::vector<int64_t>{0, 2, -1, -1});
  const MatchingMetrics m = ComputeMetrics(instance_, outcome);
  EXPECT_EQ(m.blocking_pairs, 2);
  EXPECT_EQ(m.unmatched_outcompeted, 1);
  EXPECT_NEAR(m.fill_rate, 2.0 / 3.0, 1e-15);
}

TEST_F(MetricsTest, LockedCandidatesAndFullyLockedOffersNeverBlock) {
  // c1 locked at o1, which has one seat: o1 takes nobody else and c1 cannot move.
  instance_.capacity = {2, 0};
  instance_.candidate_locked = {0, 1, 0, 0};
  instance_.graph.edges = {
      {0, 0, 0.9, 10.0, 0}, {0, 1, 0.5, 30.0, 1}, {2, 1, 0.8, 50.0, 2}};
  instance_.graph.candidate_begin = {0, 2, 2, 3, 3};
  instance_.locked = {Placement{1, 1, 0.85, 40.0, 0, true}};
  const AssignmentOutcome outcome =
      MakeOutcome(instance_, std::vector<int64_t>{0, -1, -1, -1});
  ASSERT_EQ(outcome.placements.size(), 2u);
  EXPECT_TRUE(outcome.placements[1].locked);
  const MatchingMetrics m = ComputeMetrics(instance_, outcome);
  EXPECT_EQ(m.blocking_pairs, 0);
  EXPECT_EQ(m.placed, 2);
  EXPECT_EQ(m.placed_locked, 1);
}

TEST(InterpolatedQuantileTest, InterpolatesLinearlyLikeNumpy) {
  EXPECT_EQ(InterpolatedQuantile({}, 0.5), 0.0);
  EXPECT_EQ(InterpolatedQuantile({7.0}, 0.9), 7.0);
  EXPECT_EQ(InterpolatedQuantile({1.0, 2.0, 3.0, 4.0}, 0.5), 2.5);
  EXPECT_DOUBLE_EQ(InterpolatedQuantile({1.0, 2.0, 3.0, 4.0}, 0.9), 3.7);
  EXPECT_EQ(InterpolatedQuantile({1.0, 2.0, 3.0, 4.0}, 1.0), 4.0);
}

TEST(MetricsEmptyTest, EmptyPoolHasZeroRatesAndNoDivisionByZero) {
  AssignmentInstance instance;
  instance.graph.candidate_begin = {0};
  const MatchingMetrics m = ComputeMetrics(instance, AssignmentOutcome());
  EXPECT_EQ(m.candidates, 0);
  EXPECT_EQ(m.fill_rate, 0.0);
  EXPECT_EQ(m.mean_score, 0.0);
  EXPECT_EQ(m.first_choice_share, 0.0);
  EXPECT_EQ(m.commute_p90_minutes, 0.0);
}

}  // namespace
}  // namespace azubimatch::engine
