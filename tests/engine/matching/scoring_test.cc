#include "engine/matching/scoring.h"

#include <random>

#include "engine/matching/pair_evaluation.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/engine/matching/matching_test_pools.h"

namespace azubimatch::engine {
namespace {

using ::azubimatch::engine::testing::FixedTravelTime;
using ::azubimatch::engine::testing::MakeCandidate;
using ::azubimatch::engine::testing::MakeOffer;
using ::azubimatch::engine::testing::MakeRandomPool;
using ::azubimatch::engine::testing::RandomPoolOptions;
using ::testing::HasSubstr;

double SumInOrder(const Explanation& e) {
  double sum = 0.0;
  for (const Component& c : e.components) sum += c.contribution;
  return sum;
}

TEST(ScoringTest, ComponentsAddUpToTheScoreExactly) {
  RandomPoolOptions options;
  options.num_candidates = 40;
  options.num_offers = 40;
  const auto pool = MakeRandomPool(11, options);
  const GreatCircleTravelTime travel;
  ScoringPolicy policy;
  policy.allow_sector_match = true;
  policy.certificate_is_hard = false;
  policy.language_weight = 0.37;  // weights need not add up to one
  int checked = 0;
  for (const CandidateProfile& c : pool.candidates) {
    for (const OfferProfile& o : pool.offers) {
      const Explanation e = Explain(c, o, policy, travel);
      ASSERT_EQ(e.components.size(), 5u);
      EXPECT_EQ(SumInOrder(e), e.score);
      double weights = 0.0;
      for (const Component& component : e.components) {
        EXPECT_EQ(component.contribution, component.weight * component.value);
        EXPECT_GE(component.value, 0.0);
        EXPECT_LE(component.value, 1.0);
        weights += component.weight;
      }
      EXPECT_NEAR(weights, 1.0, 1e-12);
      EXPECT_GE(e.score, 0.0);
      EXPECT_LE(e.score, 1.0);
      ++checked;
    }
  }
  EXPECT_EQ(checked, 1600);
}

TEST(ScoringTest, ComponentsComeInTheirFixedOrderWithNormalisedWeights) {
  ScoringPolicy policy;
  policy.occupation_weight = 2.0;
  policy.language_weight = 1.0;
  policy.commute_weight = 1.0;
  policy.certificate_weight = 0.0;
  policy.date_weight = 0.0;
  const Explanation e = Explain(MakeCandidate("c1", {"62102"}), MakeOffer("o1", "62102"),
                                policy, FixedTravelTime(30.0));
  std::vector<std::string> names;
  for (const Component& c : e.components) names.push_back(c.name);
  EXPECT_THAT(names, ::testing::ElementsAre("occupation", "language", "commute",
                                            "certificate", "start_date"));
  EXPECT_EQ(e.components[0].weight, 0.5);
  EXPECT_EQ(e.components[1].weight, 0.25);
  EXPECT_EQ(e.components[3].weight, 0.0);
  // First wish: 1; German B2 over B1: 0.8 * 0.75; commute 30 of 60 min: 0.5.
  EXPECT_EQ(e.components[0].value, 1.0);
  EXPECT_DOUBLE_EQ(e.components[1].value, 0.8 * 0.75);
  EXPECT_EQ(e.components[2].value, 0.5);
  EXPECT_DOUBLE_EQ(e.score, 0.5 + 0.25 * 0.6 + 0.25 * 0.5);
}

TEST(ScoringTest, ScalingAllWeightsLeavesScoresUnchanged) {
  ScoringPolicy doubled;
  doubled.occupation_weight *= 2;
  doubled.language_weight *= 2;
  doubled.commute_weight *= 2;
  doubled.certificate_weight *= 2;
  doubled.date_weight *= 2;
  const auto c = MakeCandidate("c1", {"51542", "62102"});
  const auto o = MakeOffer("o1", "62102");
  EXPECT_EQ(Explain(c, o, ScoringPolicy(), FixedTravelTime(17.0)).score,
            Explain(c, o, doubled, FixedTravelTime(17.0)).score);
}

TEST(ScoringTest, EarlierWishesScoreHigher) {
  const auto c = MakeCandidate("c1", {"11111", "22222", "33333"});
  const FixedTravelTime travel(25.0);
  const Explanation first = Explain(c, MakeOffer("o1", "11111"), ScoringPolicy(), travel);
  const Explanation second =
      Explain(c, MakeOffer("o2", "22222"), ScoringPolicy(), travel);
  const Explanation third = Explain(c, MakeOffer("o3", "33333"), ScoringPolicy(), travel);
  EXPECT_EQ(first.components[0].value, 1.0);
  EXPECT_DOUBLE_EQ(second.components[0].value, 0.8);
  EXPECT_DOUBLE_EQ(third.components[0].value, 0.64);
  EXPECT_GT(first.score, second.score);
  EXPECT_GT(second.score, third.score);
  EXPECT_EQ(third.wish_rank, 2);
}

TEST(ScoringTest, SharedCompanyLanguageAndHigherLevelsRaiseLanguageFit) {
  CandidateProfile c = MakeCandidate("c1", {"62102"});
  c.languages = {{"de", CefrLevel::kB1}, {"tr", CefrLevel::kC2}};
  OfferProfile o = MakeOffer("o1", "62102");
  const FixedTravelTime travel(25.0);
  const double at_minimum = Explain(c, o, ScoringPolicy(), travel).components[1].value;
  EXPECT_DOUBLE_EQ(at_minimum, 0.75 * 0.6);
  o.company_languages = {"de", "tr"};
  const double shared = Explain(c, o, ScoringPolicy(), travel).components[1].value;
  EXPECT_DOUBLE_EQ(shared, 0.75 * 0.6 + 0.25);
  c.languages[0].level = CefrLevel::kC1;  // two levels above B1
  EXPECT_EQ(Explain(c, o, ScoringPolicy(), travel).components[1].value, 1.0);
  // German itself earns no bonus.
  o.company_languages = {"de"};
  c.languages = {{"de", CefrLevel::kC2}};
  EXPECT_EQ(Explain(c, o, ScoringPolicy(), travel).components[1].value, 0.75);
}

TEST(ScoringTest, ShorterCommutesScoreHigherRelativeToTheLimit) {
  const auto c = MakeCandidate("c1", {"62102"});
  const auto o = MakeOffer("o1", "62102");
  double previous = 2.0;
  for (double minutes : {0.0, 10.0, 30.0, 45.0, 60.0}) {
    const Explanation e = Explain(c, o, ScoringPolicy(), FixedTravelTime(minutes));
    EXPECT_LT(e.components[2].value, previous);
    EXPECT_EQ(e.components[2].value, 1.0 - minutes / 60.0);
    EXPECT_EQ(e.travel_minutes, minutes);
    previous = e.components[2].value;
  }
}

TEST(ScoringTest, LongWaitsBeforeTheStartLowerTheDateFit) {
  CandidateProfile c = MakeCandidate("c1", {"62102"});
  const auto o = MakeOffer("o1", "62102");  // starts 2025-09-01
  const FixedTravelTime travel(25.0);
  c.available_from = Date::FromYmd(2025, 1, 1);  // 243 days: within the full-fit window
  EXPECT_EQ(Explain(c, o, ScoringPolicy(), travel).components[4].value, 1.0);
  c.available_from = Date::FromYmd(2024, 9, 1);  // 365 days: 95 days into the decay
  EXPECT_DOUBLE_EQ(Explain(c, o, ScoringPolicy(), travel).components[4].value,
                   1.0 - 95.0 / 365.0);
  c.available_from = Date::FromYmd(2023, 1, 1);
  EXPECT_EQ(Explain(c, o, ScoringPolicy(), travel).components[4].value, 0.0);
}

TEST(ScoringTest, IneligiblePairsStillCarryTheScoreTheyWouldHave) {
  const auto c = MakeCandidate("c1", {"62102"});
  OfferProfile o = MakeOffer("o1", "62102");
  const double open_score = Explain(c, o, ScoringPolicy(), FixedTravelTime(20.0)).score;
  o.seats_free = 0;
  const Explanation full = Explain(c, o, ScoringPolicy(), FixedTravelTime(20.0), true);
  EXPECT_FALSE(full.eligible);
  EXPECT_EQ(full.score, open_score);
}

TEST(ScoringPolicyTest, ValidationNamesTheOffendingField) {
  ScoringPolicy policy;
  EXPECT_TRUE(ValidateScoringPolicy(policy).ok());
  policy.commute_weight = -0.1;
  absl::Status s = ValidateScoringPolicy(policy);
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(s.message(), HasSubstr("policy.commute_weight"));

  policy = ScoringPolicy();
  policy.occupation_weight = policy.language_weight = policy.commute_weight = 0.0;
  policy.certificate_weight = policy.date_weight = 0.0;
  EXPECT_THAT(ValidateScoringPolicy(policy).message(), HasSubstr("weights"));

  policy = ScoringPolicy();
  policy.occupation_rank_decay = 0.0;
  EXPECT_THAT(ValidateScoringPolicy(policy).message(),
              HasSubstr("occupation_rank_decay"));
  policy = ScoringPolicy();
  policy.start_date_decay_days = 0;
  EXPECT_THAT(ValidateScoringPolicy(policy).message(),
              HasSubstr("start_date_decay_days"));
  policy = ScoringPolicy();
  policy.shared_language_share = 1.5;
  EXPECT_THAT(ValidateScoringPolicy(policy).message(),
              HasSubstr("shared_language_share"));
}

TEST(ModelTest, ValidationNamesTheOffendingField) {
  CandidateProfile c = MakeCandidate("c1", {"62102"});
  EXPECT_TRUE(ValidateCandidateProfile(c, "candidates[0]").ok());
  c.home.lat = 123.0;
  absl::Status s = ValidateCandidateProfile(c, "candidates[0]");
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(s.message(), HasSubstr("candidates[0].home.lat"));
  c = MakeCandidate("c1", {"62102"});
  c.travel_limit_minutes = 0;
  EXPECT_THAT(ValidateCandidateProfile(c, "c").message(),
              HasSubstr("c.travel_limit_minutes"));
  c = MakeCandidate("c1", {"62102"});
  c.languages.push_back({"de", CefrLevel::kA1});
  EXPECT_THAT(ValidateCandidateProfile(c, "c").message(),
              HasSubstr("c.languages[1].language"));

  OfferProfile o = MakeOffer("o1", "62102");
  EXPECT_TRUE(ValidateOfferProfile(o, "offers[2]").ok());
  o.seats_free = -1;
  EXPECT_THAT(ValidateOfferProfile(o, "offers[2]").message(),
              HasSubstr("offers[2].seats_free"));
  o = MakeOffer("o1", "62102");
  o.required_languages = {{"de", CefrLevel::kNone}};
  EXPECT_THAT(ValidateOfferProfile(o, "o").message(),
              HasSubstr("o.required_languages[0].level"));
  o = MakeOffer("", "62102");
  EXPECT_THAT(ValidateOfferProfile(o, "o").message(), HasSubstr("o.id"));
}

TEST(ModelTest, DatesOrderAndPrint) {
  const Date a = Date::FromYmd(2025, 8, 1);
  const Date b = Date::FromYmd(2025, 9, 1);
  EXPECT_LT(a, b);
  EXPECT_EQ(b.days_since_epoch - a.days_since_epoch, 31);
  EXPECT_EQ(Date::FromYmd(1970, 1, 1).days_since_epoch, 0);
  EXPECT_EQ(Date::FromYmd(1969, 12, 31).ToString(), "1969-12-31");
  EXPECT_EQ(b.ToString(), "2025-09-01");
}

}  // namespace
}  // namespace azubimatch::engine

namespace azubimatch::engine {
namespace {

TEST(PreparedPolicyTest, RankTablesHoldTheComputedValuesExactly) {
  ScoringPolicy policy;
  policy.occupation_rank_decay = 0.77;
  policy.sector_match_value = 0.4;
  const PreparedPolicy computed(policy);
  const PreparedPolicy tabled(policy, /*rank_tables=*/true);
  for (int32_t rank = 0; rank < 2 * PreparedPolicy::kRankTableSize; ++rank) {
    EXPECT_EQ(tabled.WishValue(rank), computed.WishValue(rank)) << rank;
    EXPECT_EQ(tabled.SectorValue(rank), computed.SectorValue(rank)) << rank;
  }
  EXPECT_EQ(computed.WishValue(0), 1.0);
  EXPECT_DOUBLE_EQ(computed.SectorValue(1), 0.4 * 0.77);
}

}  // namespace
}  // namespace azubimatch::engine
