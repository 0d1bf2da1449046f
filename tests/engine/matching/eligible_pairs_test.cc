#include "engine/matching/eligible_pairs.h"

#include <map>
#include <utility>

#include "engine/matching/scoring.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/engine/matching/matching_test_pools.h"

namespace azubimatch::engine {
namespace {

using ::azubimatch::engine::testing::FixedTravelTime;
using ::azubimatch::engine::testing::MakeCandidate;
using ::azubimatch::engine::testing::MakeOffer;
using ::azubimatch::engine::testing::MakeRandomPool;
using ::azubimatch::engine::testing::RandomPool;
using ::azubimatch::engine::testing::RandomPoolOptions;
using ::azubimatch::engine::testing::UnboundedGreatCircle;
using ::testing::HasSubstr;

bool IsBanned(const std::vector<PairIds>& banned, const std::string& c,
              const std::string& o) {
  for (const PairIds& p : banned) {
    if (p.candidate_id == c && p.offer_id == o) return true;
  }
  return false;
}

// Checks the graph against Explain on every pair: the same eligible pairs, the same
// doubles, and exclusion counts as documented in eligible_pairs.h (travel model
// without reach bound, so every wished offer is evaluated).
void ExpectGraphMatchesExplain(const RandomPool& pool, const EligibleGraph& graph,
                               const ScoringPolicy& policy, const TravelTimeModel& travel,
                               const std::vector<PairIds>& banned) {
  ASSERT_EQ(graph.exclusions.size(), pool.candidates.size());
  ASSERT_EQ(graph.candidate_begin.size(), pool.candidates.size() + 1);
  for (size_t c = 0; c < pool.candidates.size(); ++c) {
    std::map<int32_t, ScoredEdge> edges;
    for (const ScoredEdge& e : graph.EdgesOf(static_cast<int32_t>(c))) {
      EXPECT_EQ(e.candidate, static_cast<int32_t>(c));
      EXPECT_TRUE(edges.emplace(e.offer, e).second) << "duplicate edge";
    }
    CandidateExclusions expected;
    for (size_t o = 0; o < pool.offers.size(); ++o) {
      const CandidateProfile& candidate = pool.candidates[c];
      const OfferProfile& offer = pool.offers[o];
      const Explanation x = Explain(candidate, offer, policy, travel,
                                    IsBanned(banned, candidate.id, offer.id));
      auto it = edges.find(static_cast<int32_t>(o));
      ASSERT_EQ(x.eligible, it != edges.end()) << candidate.id << " " << offer.id;
      if (x.eligible) {
        EXPECT_EQ(it->second.score, x.score);
        EXPECT_EQ(it->second.travel_minutes, x.travel_minutes);
        EXPECT_EQ(it->second.wish_rank, x.wish_rank);
        ++expected.eligible_offers;
      }
      bool wished = true;
      for (const Exclusion& ex : x.exclusions) {
        if (ex.code == ExclusionCode::kOccupationNotWished) wished = false;
      }
      if (!wished) {
        ++expected.offers_by_reason[static_cast<int>(ExclusionCode::kOccupationNotWished)];
        continue;
      }
      ++expected.wished_offers;
      ConstraintMask seen = 0;
      for (const Exclusion& ex : x.exclusions) seen |= ConstraintBit(ex.code);
      for (int r = 0; r < kExclusionCodeCount; ++r) {
        if (seen & ConstraintBit(static_cast<ExclusionCode>(r)))
          ++expected.offers_by_reason[r];
      }
    }
    EXPECT_EQ(graph.exclusions[c].offers_by_reason, expected.offers_by_reason) << c;
    EXPECT_EQ(graph.exclusions[c].wished_offers, expected.wished_offers) << c;
    EXPECT_EQ(graph.exclusions[c].eligible_offers, expected.eligible_offers) << c;
  }
}

std::vector<PairIds> SomeBannedPairs(const RandomPool& pool) {
  std::vector<PairIds> banned;
  for (size_t i = 0; i < pool.candidates.size(); i += 3) {
    banned.push_back({pool.candidates[i].id, pool.offers[i % pool.offers.size()].id});
  }
  banned.push_back({"not-in-pool", pool.offers[0].id});
  return banned;
}

// Pools without and with vocational schools (60 % of the offers name one).
constexpr int kSchoolPercents[] = {0, 60};

TEST(EligiblePairsTest, BulkScoresAndCountsEqualExplainOnRandomPools) {
  const UnboundedGreatCircle travel;
  for (int school_percent : kSchoolPercents) {
    RandomPoolOptions options;
    options.school_percent = school_percent;
    for (uint64_t seed = 1; seed <= 8; ++seed) {
      const RandomPool pool = MakeRandomPool(seed, options);
      ScoringPolicy policy;
      policy.allow_sector_match = seed % 2 == 0;
      policy.certificate_is_hard = seed % 3 != 0;
      const std::vector<PairIds> banned = SomeBannedPairs(pool);
      absl::StatusOr<EligibleGraph> graph =
          BuildEligiblePairs(pool.candidates, pool.offers, policy, travel, banned);
      ASSERT_TRUE(graph.ok()) << graph.status();
      ExpectGraphMatchesExplain(pool, *graph, policy, travel, banned);
    }
  }
}

TEST(EligiblePairsTest, SpatialPrefilterKeepsExactlyTheSameEdges) {
  const GreatCircleTravelTime bounded;
  const UnboundedGreatCircle unbounded;
  RandomPoolOptions options;
  options.num_candidates = 80;
  options.num_offers = 120;
  options.spread_deg = 1.2;  // far enough that many offers are out of reach
  for (uint64_t seed = 1; seed <= 8; ++seed) {
    // The reach window is drawn around places of work; schools only exclude more.
    options.school_percent = kSchoolPercents[seed / 5];
    const RandomPool pool = MakeRandomPool((seed - 1) % 4 + 1, options);
    ScoringPolicy policy;
    policy.allow_sector_match = seed % 2 == 1;
    auto fast = BuildEligiblePairs(pool.candidates, pool.offers, policy, bounded);
    auto slow = BuildEligiblePairs(pool.candidates, pool.offers, policy, unbounded);
    ASSERT_TRUE(fast.ok() && slow.ok());
    ASSERT_EQ(fast->edges.size(), slow->edges.size());
    EXPECT_GT(fast->edges.size(), 0u);
    for (size_t i = 0; i < fast->edges.size(); ++i) {
      EXPECT_EQ(fast->edges[i].candidate, slow->edges[i].candidate);
      EXPECT_EQ(fast->edges[i].offer, slow->edges[i].offer);
      EXPECT_EQ(fast->edges[i].score, slow->edges[i].score);
    }
    EXPECT_EQ(fast->candidate_begin, slow->candidate_begin);
    // Offers beyond the bound count under travel only, so travel can only grow.
    int64_t travel_fast = 0, travel_slow = 0;
    for (size_t c = 0; c < pool.candidates.size(); ++c) {
      EXPECT_EQ(fast->exclusions[c].wished_offers, slow->exclusions[c].wished_offers);
      EXPECT_EQ(fast->exclusions[c].count(ExclusionCode::kOccupationNotWished),
                slow->exclusions[c].count(ExclusionCode::kOccupationNotWished));
      travel_fast += fast->exclusions[c].count(ExclusionCode::kTravelTimeOverLimit);
      travel_slow += slow->exclusions[c].count(ExclusionCode::kTravelTimeOverLimit);
    }
    EXPECT_EQ(travel_fast, travel_slow);
  }
}

TEST(EligiblePairsTest, TopExclusionReasonNamesWhatCutMostAmongWishedOffers) {
  const std::vector<CandidateProfile> candidates = {MakeCandidate("c1", {"62102"}),
                                                    MakeCandidate("c2", {"99999"})};
  std::vector<OfferProfile> offers;
  for (int i = 0; i < 3; ++i) {
    offers.push_back(MakeOffer("o" + std::to_string(i), "62102"));
    offers.back().required_languages = {{"de", CefrLevel::kC1}};
  }
  offers.push_back(MakeOffer("o3", "62102"));
  offers.back().open = false;
  offers.push_back(MakeOffer("o4", "51542"));
  auto graph =
      BuildEligiblePairs(candidates, offers, ScoringPolicy(), FixedTravelTime(10.0));
  ASSERT_TRUE(graph.ok()) << graph.status();
  const CandidateExclusions& c1 = graph->exclusions[0];
  EXPECT_EQ(c1.wished_offers, 4);
  EXPECT_EQ(c1.eligible_offers, 0);
  EXPECT_EQ(c1.count(ExclusionCode::kLanguageBelowRequired), 3);
  EXPECT_EQ(c1.count(ExclusionCode::kOfferNotOpen), 1);
  EXPECT_EQ(c1.count(ExclusionCode::kOccupationNotWished), 1);
  EXPECT_EQ(TopExclusionReason(c1), ExclusionCode::kLanguageBelowRequired);
  const CandidateExclusions& c2 = graph->exclusions[1];
  EXPECT_EQ(c2.wished_offers, 0);
  EXPECT_EQ(c2.count(ExclusionCode::kOccupationNotWished), 5);
  EXPECT_EQ(TopExclusionReason(c2), ExclusionCode::kOccupationNotWished);
}

TEST(EligiblePairsTest, RepeatedWishesAndSectorsYieldOneEdgePerOffer) {
  CandidateProfile c = MakeCandidate("c1", {"62102", "62102"});
  c.desired_sectors = {Sector::kTrade, Sector::kTrade};
  const std::vector<CandidateProfile> candidates = {c};
  const std::vector<OfferProfile> offers = {MakeOffer("o1", "62102"),
                                            MakeOffer("o2", "62199")};
  ScoringPolicy policy;
  policy.allow_sector_match = true;
  auto graph = BuildEligiblePairs(candidates, offers, policy, GreatCircleTravelTime());
  ASSERT_TRUE(graph.ok()) << graph.status();
  ASSERT_EQ(graph->edges.size(), 2u);
  EXPECT_EQ(graph->edges[0].wish_rank, 0);
  EXPECT_EQ(graph->edges[1].wish_rank, -1);  // sector match
  EXPECT_EQ(graph->exclusions[0].wished_offers, 2);
}

TEST(EligiblePairsTest, RejectsRepeatedIdsAndInvalidProfilesNamingTheField) {
  const GreatCircleTravelTime travel;
  std::vector<CandidateProfile> candidates = {MakeCandidate("c1", {"62102"}),
                                              MakeCandidate("c1", {"62102"})};
  std::vector<OfferProfile> offers = {MakeOffer("o1", "62102")};
  auto graph = BuildEligiblePairs(candidates, offers, ScoringPolicy(), travel);
  EXPECT_EQ(graph.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(graph.status().message(),
              HasSubstr("candidates[1].id 'c1' repeats candidates[0]"));

  candidates.pop_back();
  offers[0].location.lon = std::nan("");
  graph = BuildEligiblePairs(candidates, offers, ScoringPolicy(), travel);
  EXPECT_EQ(graph.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(graph.status().message(), HasSubstr("offers[0].location.lon"));

  offers[0].location.lon = 9.0;
  ScoringPolicy bad;
  bad.date_weight = -1.0;
  graph = BuildEligiblePairs(candidates, offers, bad, travel);
  EXPECT_EQ(graph.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(graph.status().message(), HasSubstr("policy.date_weight"));
}

TEST(EligiblePairsTest, ProgressCanCancel) {
  const RandomPool pool = MakeRandomPool(3);
  int64_t calls = 0;
  auto graph =
      BuildEligiblePairs(pool.candidates, pool.offers, ScoringPolicy(),
                         GreatCircleTravelTime(), {}, [&](int64_t done, int64_t total) {
                           ++calls;
                           EXPECT_EQ(total, 30);
                           return false;
                         });
  EXPECT_EQ(graph.status().code(), absl::StatusCode::kCancelled);
  EXPECT_EQ(calls, 1);
}

}  // namespace
}  // namespace azubimatch::engine
