// Suggestions and explanations over the MatchingIndex: the ranking equals a brute-force
// Explain over every pair (same scores, same order, ties by id), filters, ownership,
// and explanations whose components add up to the score.
#include "service/matching/suggestions.h"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "engine/matching/travel_time.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "service/matching/matching_index.h"
#include "service/registry/record_store.h"
#include "service/store/memory_store.h"
#include "tests/service/matching/test_records.h"

namespace azubimatch::service {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

using Ranked = std::vector<std::pair<std::string, double>>;  // (id, score)

Ranked TopK(Ranked all, int k) {
  std::sort(all.begin(), all.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
  if (static_cast<int>(all.size()) > k) all.resize(k);
  return all;
}

Ranked FromResponse(const v1::SuggestionsResponse& response, bool offers) {
  Ranked out;
  for (const v1::Suggestion& s : response.suggestions()) {
    out.emplace_back(offers ? s.offer_id() : s.candidate_id(), s.score());
  }
  return out;
}

// SuggestCandidates counts the eligible pairs of the grid cells it opens: all of them
// while fewer than k are found, else at least k and at most all.
void ExpectGatedEligibleCount(const v1::SuggestionsResponse& response, size_t eligible,
                              int k) {
  const int64_t exact = static_cast<int64_t>(eligible);
  EXPECT_LE(response.eligible(), exact);
  EXPECT_GE(response.eligible(), std::min<int64_t>(exact, k));
}

class SuggestionsTest : public testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(records_.Subscribe(&index_).ok()); }
  void TearDown() override { records_.Unsubscribe(&index_); }

  void LoadCohort(int candidates, int offers, uint64_t seed = 11) {
    absl::StatusOr<LoadedCohort> cohort = LoadDemoCohort(
        &records_, caller_,
        {.candidates = candidates, .offers = offers, .seed = seed});
    ASSERT_TRUE(cohort.ok()) << cohort.status();
    cohort_ = *std::move(cohort);
  }

  v1::Explanation ExplainPair(const std::string& candidate, const std::string& offer,
                              const v1::ScoringPolicyOverrides& policy = {}) {
    v1::ExplainRequest request;
    request.set_candidate_id(candidate);
    request.set_offer_id(offer);
    *request.mutable_policy() = policy;
    absl::StatusOr<v1::Explanation> e = suggester_.Explain(caller_, request);
    EXPECT_TRUE(e.ok()) << e.status();
    return e.ok() ? *e : v1::Explanation();
  }

  MemoryStore store_;
  RecordStore records_{&store_};
  engine::GreatCircleTravelTime travel_;
  MatchingIndex index_{&travel_};
  Suggester suggester_{&index_, &travel_, engine::ScoringPolicy()};
  Caller caller_ = OfficerOf("m1");
  LoadedCohort cohort_;
};

TEST_F(SuggestionsTest, SuggestOffersEqualsBruteForceExplainRanking) {
  LoadCohort(120, 150);
  int with_suggestions = 0;
  for (bool sector_match : {false, true}) {
    v1::ScoringPolicyOverrides policy;
    if (sector_match) policy.set_allow_sector_match(true);
    for (size_t c = 0; c < 40; ++c) {
      const std::string& candidate = cohort_.candidate_ids[c];
      Ranked eligible;
      for (const std::string& offer : cohort_.offer_ids) {
        const v1::Explanation e = ExplainPair(candidate, offer, policy);
        if (e.eligible()) eligible.emplace_back(offer, e.score());
      }
      v1::SuggestOffersRequest request;
      request.set_candidate_id(candidate);
      request.set_k(5);
      *request.mutable_policy() = policy;
      absl::StatusOr<v1::SuggestionsResponse> response =
          suggester_.SuggestOffers(caller_, request);
      ASSERT_TRUE(response.ok()) << response.status();
      EXPECT_EQ(response->eligible(), static_cast<int64_t>(eligible.size()));
      EXPECT_EQ(FromResponse(*response, true), TopK(eligible, 5)) << "candidate " << c;
      if (!eligible.empty()) ++with_suggestions;
    }
  }
  EXPECT_GT(with_suggestions, 10);  // the cohort has matches to rank
}

TEST_F(SuggestionsTest, SuggestCandidatesEqualsBruteForceExplainRanking) {
  LoadCohort(200, 60);
  int with_suggestions = 0;
  for (const std::string& offer : cohort_.offer_ids) {
    Ranked eligible;
    for (const std::string& candidate : cohort_.candidate_ids) {
      const v1::Explanation e = ExplainPair(candidate, offer);
      if (e.eligible()) eligible.emplace_back(candidate, e.score());
    }
    v1::SuggestCandidatesRequest request;
    request.set_offer_id(offer);
    request.set_k(7);
    absl::StatusOr<v1::SuggestionsResponse> response =
        suggester_.SuggestCandidates(caller_, request);
    ASSERT_TRUE(response.ok()) << response.status();
    ExpectGatedEligibleCount(*response, eligible.size(), 7);
    EXPECT_EQ(FromResponse(*response, false), TopK(eligible, 7)) << "offer " << offer;
    if (!eligible.empty()) ++with_suggestions;
  }
  EXPECT_GT(with_suggestions, 10);
}

// Policies under which the ranking must not depend on how many pairs are scored: the
// default, sector matches, a soft certificate, no commute weight (travel time cannot
// bound a score), commute and occupation dominating.
std::vector<v1::ScoringPolicyOverrides> VariedPolicies() {
  std::vector<v1::ScoringPolicyOverrides> policies(6);
  policies[1].set_allow_sector_match(true);
  policies[2].set_certificate_is_hard(false);
  policies[2].set_allow_sector_match(true);
  policies[3].set_commute_weight(0.0);
  policies[4].set_commute_weight(5.0);
  policies[4].set_date_weight(0.0);
  policies[5].set_occupation_weight(3.0);
  policies[5].set_language_weight(0.0);
  return policies;
}

// Suggestions score only the pairs that may still enter the k best; the k best, their
// order, scores (bit for bit) and components, and the count of eligible pairs must be
// those of scoring every pair, for random cohorts, several k and policies.
class PrunedSuggestionsTest : public SuggestionsTest,
                              public testing::WithParamInterface<uint64_t> {};

TEST_P(PrunedSuggestionsTest, SuggestOffersEqualsExhaustiveTopKOnRandomCohorts) {
  LoadCohort(/*candidates=*/60, /*offers=*/400, /*seed=*/GetParam());
  int ranked_beyond_k = 0;  // cases where the k best are fewer than the eligible pairs
  for (const v1::ScoringPolicyOverrides& policy : VariedPolicies()) {
    for (size_t c = 0; c < 12; ++c) {
      const std::string& candidate = cohort_.candidate_ids[c];
      Ranked eligible;
      std::vector<v1::Explanation> explained;
      for (const std::string& offer : cohort_.offer_ids) {
        v1::Explanation e = ExplainPair(candidate, offer, policy);
        if (!e.eligible()) continue;
        eligible.emplace_back(offer, e.score());
        explained.push_back(std::move(e));
      }
      for (int k : {1, 3, 10, 100}) {
        v1::SuggestOffersRequest request;
        request.set_candidate_id(candidate);
        request.set_k(k);
        *request.mutable_policy() = policy;
        absl::StatusOr<v1::SuggestionsResponse> response =
            suggester_.SuggestOffers(caller_, request);
        ASSERT_TRUE(response.ok()) << response.status();
        EXPECT_EQ(response->eligible(), static_cast<int64_t>(eligible.size()));
        EXPECT_GE(response->considered(), response->eligible());
        const Ranked expected = TopK(eligible, k);
        ASSERT_EQ(FromResponse(*response, true), expected)
            << "seed " << GetParam() << " candidate " << c << " k " << k;
        if (static_cast<int>(eligible.size()) > k) ++ranked_beyond_k;
        for (const v1::Suggestion& s : response->suggestions()) {
          const auto e = std::find_if(explained.begin(), explained.end(), [&](const auto& x) {
            return x.offer_id() == s.offer_id();
          });
          ASSERT_NE(e, explained.end());
          EXPECT_EQ(s.travel_minutes(), e->travel_minutes());
          ASSERT_EQ(s.components_size(), e->components_size());
          for (int i = 0; i < s.components_size(); ++i) {
            EXPECT_EQ(s.components(i).contribution(), e->components(i).contribution());
            EXPECT_EQ(s.components(i).text(), e->components(i).text());
          }
        }
      }
    }
  }
  EXPECT_GT(ranked_beyond_k, 20);  // the cohorts leave pairs out of the k best
}

TEST_P(PrunedSuggestionsTest, SuggestCandidatesEqualsExhaustiveTopKOnRandomCohorts) {
  LoadCohort(/*candidates=*/400, /*offers=*/40, /*seed=*/GetParam());
  int ranked_beyond_k = 0;
  for (const v1::ScoringPolicyOverrides& policy : VariedPolicies()) {
    for (size_t o = 0; o < 10; ++o) {
      const std::string& offer = cohort_.offer_ids[o];
      Ranked eligible;
      for (const std::string& candidate : cohort_.candidate_ids) {
        const v1::Explanation e = ExplainPair(candidate, offer, policy);
        if (e.eligible()) eligible.emplace_back(candidate, e.score());
      }
      for (int k : {1, 4, 100}) {
        v1::SuggestCandidatesRequest request;
        request.set_offer_id(offer);
        request.set_k(k);
        *request.mutable_policy() = policy;
        absl::StatusOr<v1::SuggestionsResponse> response =
            suggester_.SuggestCandidates(caller_, request);
        ASSERT_TRUE(response.ok()) << response.status();
        ExpectGatedEligibleCount(*response, eligible.size(), k);
        ASSERT_EQ(FromResponse(*response, false), TopK(eligible, k))
            << "seed " << GetParam() << " offer " << o << " k " << k;
        if (static_cast<int>(eligible.size()) > k) ++ranked_beyond_k;
      }
    }
  }
  EXPECT_GT(ranked_beyond_k, 10);
}

INSTANTIATE_TEST_SUITE_P(Seeds, PrunedSuggestionsTest, testing::Values(3, 17, 29));

// Pairs whose scores tie with the k-th best are all scored: the k best are those of
// smallest id, not the first ones met. Without the language weight the score bound of
// these pairs equals their score.
TEST_F(SuggestionsTest, ScoresTyingWithTheKthBestAreRankedByIdAscending) {
  absl::StatusOr<v1::Company> company = records_.Create(caller_, TestCompany());
  ASSERT_TRUE(company.ok());
  std::vector<std::string> tied;
  for (int i = 0; i < 24; ++i) {
    absl::StatusOr<v1::TrainingOffer> offer =
        records_.Create(caller_, TestOffer(company->id(), "62102", 1, Stuttgart()));
    ASSERT_TRUE(offer.ok()) << offer.status();
    tied.push_back(offer->id());
  }
  absl::StatusOr<v1::TrainingOffer> nearest =
      records_.Create(caller_, TestOffer(company->id(), "62102", 1, Esslingen()));
  absl::StatusOr<v1::Candidate> candidate = records_.Create(caller_, TestCandidate());
  ASSERT_TRUE(nearest.ok() && candidate.ok());
  std::sort(tied.begin(), tied.end());

  v1::SuggestOffersRequest request;
  request.set_candidate_id(candidate->id());
  request.set_k(3);
  request.mutable_policy()->set_language_weight(0.0);
  absl::StatusOr<v1::SuggestionsResponse> ranked = suggester_.SuggestOffers(caller_, request);
  ASSERT_TRUE(ranked.ok()) << ranked.status();
  const Ranked got = FromResponse(*ranked, true);
  ASSERT_EQ(got.size(), 3u);
  EXPECT_EQ(got[0].first, nearest->id());
  EXPECT_GT(got[0].second, got[1].second);
  EXPECT_EQ(got[1], std::pair(tied[0], got[1].second));
  EXPECT_EQ(got[2], std::pair(tied[1], got[1].second));
  EXPECT_EQ(ranked->eligible(), 25);
}

TEST_F(SuggestionsTest, EqualScoresAreRankedByIdAscending) {
  absl::StatusOr<v1::Company> company = records_.Create(caller_, TestCompany());
  ASSERT_TRUE(company.ok());
  std::vector<std::string> offers, candidates;
  for (int i = 0; i < 4; ++i) {
    absl::StatusOr<v1::TrainingOffer> offer = records_.Create(caller_, TestOffer(company->id()));
    ASSERT_TRUE(offer.ok()) << offer.status();
    offers.push_back(offer->id());
    absl::StatusOr<v1::Candidate> candidate = records_.Create(caller_, TestCandidate());
    ASSERT_TRUE(candidate.ok()) << candidate.status();
    candidates.push_back(candidate->id());
  }
  std::sort(offers.begin(), offers.end());
  std::sort(candidates.begin(), candidates.end());

  v1::SuggestOffersRequest by_candidate;
  by_candidate.set_candidate_id(candidates[0]);
  absl::StatusOr<v1::SuggestionsResponse> ranked = suggester_.SuggestOffers(caller_, by_candidate);
  ASSERT_TRUE(ranked.ok()) << ranked.status();
  Ranked got = FromResponse(*ranked, true);
  ASSERT_EQ(got.size(), 4u);
  for (size_t i = 0; i < got.size(); ++i) {
    EXPECT_EQ(got[i].first, offers[i]);
    EXPECT_EQ(got[i].second, got[0].second);  // a true tie
  }
  v1::SuggestCandidatesRequest by_offer;
  by_offer.set_offer_id(offers[2]);
  by_offer.set_k(3);
  ranked = suggester_.SuggestCandidates(caller_, by_offer);
  ASSERT_TRUE(ranked.ok()) << ranked.status();
  got = FromResponse(*ranked, false);
  EXPECT_THAT(got, ElementsAre(std::pair(candidates[0], got[0].second),
                               std::pair(candidates[1], got[0].second),
                               std::pair(candidates[2], got[0].second)));
}

TEST_F(SuggestionsTest, FiltersByMunicipalityAndOccupation) {
  absl::StatusOr<v1::Company> company = records_.Create(caller_, TestCompany());
  ASSERT_TRUE(company.ok());
  absl::StatusOr<v1::TrainingOffer> stuttgart =
      records_.Create(caller_, TestOffer(company->id(), "62102", 1, Stuttgart()));
  absl::StatusOr<v1::TrainingOffer> esslingen =
      records_.Create(caller_, TestOffer(company->id(), "62102", 1, Esslingen()));
  absl::StatusOr<v1::TrainingOffer> other_job =
      records_.Create(caller_, TestOffer(company->id(), "25212", 1, Esslingen()));
  absl::StatusOr<v1::Candidate> candidate =
      records_.Create(caller_, TestCandidate({"62102", "25212"}));
  ASSERT_TRUE(stuttgart.ok() && esslingen.ok() && other_job.ok() && candidate.ok());

  v1::SuggestOffersRequest request;
  request.set_candidate_id(candidate->id());
  absl::StatusOr<v1::SuggestionsResponse> all = suggester_.SuggestOffers(caller_, request);
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->suggestions_size(), 3);
  request.set_municipality("Esslingen am Neckar");
  absl::StatusOr<v1::SuggestionsResponse> local = suggester_.SuggestOffers(caller_, request);
  ASSERT_TRUE(local.ok());
  EXPECT_EQ(local->suggestions_size(), 2);
  request.set_kldb_code("25212");
  absl::StatusOr<v1::SuggestionsResponse> one = suggester_.SuggestOffers(caller_, request);
  ASSERT_TRUE(one.ok());
  ASSERT_EQ(one->suggestions_size(), 1);
  EXPECT_EQ(one->suggestions(0).offer_id(), other_job->id());
}

TEST_F(SuggestionsTest, OnlyTheCallersOwnCandidatesAreVisible) {
  absl::StatusOr<v1::Company> company = records_.Create(caller_, TestCompany());
  ASSERT_TRUE(company.ok());
  absl::StatusOr<v1::TrainingOffer> offer = records_.Create(caller_, TestOffer(company->id()));
  const Caller other = OfficerOf("m2");
  absl::StatusOr<v1::Candidate> mine = records_.Create(caller_, TestCandidate());
  absl::StatusOr<v1::Candidate> theirs = records_.Create(other, TestCandidate());
  ASSERT_TRUE(offer.ok() && mine.ok() && theirs.ok());

  v1::SuggestOffersRequest request;
  request.set_candidate_id(theirs->id());
  EXPECT_EQ(suggester_.SuggestOffers(caller_, request).status().code(),
            absl::StatusCode::kNotFound);
  // The other member sees the offer network-wide and suggests for its own candidate.
  absl::StatusOr<v1::SuggestionsResponse> for_them = suggester_.SuggestOffers(other, request);
  ASSERT_TRUE(for_them.ok());
  EXPECT_EQ(for_them->suggestions_size(), 1);

  v1::SuggestCandidatesRequest by_offer;
  by_offer.set_offer_id(offer->id());
  absl::StatusOr<v1::SuggestionsResponse> mine_only =
      suggester_.SuggestCandidates(caller_, by_offer);
  ASSERT_TRUE(mine_only.ok());
  EXPECT_EQ(FromResponse(*mine_only, false).size(), 1u);
  EXPECT_EQ(mine_only->suggestions(0).candidate_id(), mine->id());
  Caller admin;
  admin.role = Role::kAdmin;
  absl::StatusOr<v1::SuggestionsResponse> everyone = suggester_.SuggestCandidates(admin, by_offer);
  ASSERT_TRUE(everyone.ok());
  EXPECT_EQ(everyone->suggestions_size(), 2);
  Caller analyst = OfficerOf("m1");
  analyst.role = Role::kAnalyst;
  EXPECT_EQ(suggester_.SuggestCandidates(analyst, by_offer).status().code(),
            absl::StatusCode::kPermissionDenied);

  v1::ExplainRequest explain;
  explain.set_candidate_id(theirs->id());
  explain.set_offer_id(offer->id());
  EXPECT_EQ(suggester_.Explain(caller_, explain).status().code(), absl::StatusCode::kNotFound);
}

TEST_F(SuggestionsTest, ExplanationAddsUpAndNamesFailedConstraintsInWords) {
  absl::StatusOr<v1::Company> company = records_.Create(caller_, TestCompany());
  ASSERT_TRUE(company.ok());
  absl::StatusOr<v1::TrainingOffer> offer = records_.Create(caller_, TestOffer(company->id()));
  absl::StatusOr<v1::Candidate> fits = records_.Create(caller_, TestCandidate());
  absl::StatusOr<v1::Candidate> weak =
      records_.Create(caller_, TestCandidate({"62102"}, Esslingen(), v1::CEFR_LEVEL_A2));
  ASSERT_TRUE(offer.ok() && fits.ok() && weak.ok());

  const v1::Explanation good = ExplainPair(fits->id(), offer->id());
  EXPECT_TRUE(good.eligible());
  EXPECT_GT(good.score(), 0.0);
  ASSERT_EQ(good.components_size(), 5);
  double sum = 0.0;
  for (const v1::ScoreComponent& c : good.components()) {
    sum += c.contribution();
    EXPECT_FALSE(c.text().empty()) << c.name();
  }
  EXPECT_EQ(sum, good.score());  // summed in the listed order, bit for bit
  EXPECT_EQ(good.components(0).text(), "1st of 1 wished occupations");
  EXPECT_THAT(good.components(2).text(), HasSubstr("min by public transport, limit 60 min"));

  const v1::Explanation bad = ExplainPair(weak->id(), offer->id());
  EXPECT_FALSE(bad.eligible());
  ASSERT_EQ(bad.reasons_size(), 1);
  EXPECT_EQ(bad.reasons(0).code(), v1::EXCLUSION_CODE_LANGUAGE);
  EXPECT_EQ(bad.reasons(0).text(), "German B1 required, candidate has A2");
  EXPECT_GT(bad.score(), 0.0);  // the pair's score, also when excluded
}

}  // namespace
}  // namespace azubimatch::service
