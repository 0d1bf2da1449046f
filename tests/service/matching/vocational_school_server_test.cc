// The vocational school (Berufsschule) on the commute, through gRPC on a real server
// and RocksDB: Explain names a school out of reach and shows both travel times;
// SuggestOffers, SuggestCandidates and Assign never propose a pair whose school is out
// of reach, and rank a near school above none (the commute weighs both places by
// their days); a rejected school is a validation error naming the field.
#include <string>
#include <vector>

#include "absl/strings/str_format.h"
#include "absl/strings/match.h"
#include "engine/matching/travel_time.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/service/matching/matching_server_fixture.h"

namespace azubimatch::service {
namespace {

using ::testing::HasSubstr;

v1::Location Freiburg() { return TestLocation(47.995, 7.850, "Freiburg im Breisgau"); }

class VocationalSchoolServerTest : public MatchingServerTest {
 protected:
  void SetUp() override {
    StartServer();
    absl::StatusOr<v1::Company> company = records()->Create(officer_, TestCompany());
    ASSERT_TRUE(company.ok()) << company.status();
    // All in Stuttgart for 62102: without a school, with the school in Freiburg (out
    // of reach from Esslingen), with the school in Esslingen (near the candidate).
    no_school_ = CreateOffer(TestOffer(company->id()));
    v1::TrainingOffer far = TestOffer(company->id());
    *far.mutable_vocational_school() = Freiburg();
    far.set_school_days_per_week(1);
    far_school_ = CreateOffer(far);
    v1::TrainingOffer near = TestOffer(company->id());
    *near.mutable_vocational_school() = Esslingen();
    near.set_school_days_per_week(2);
    near_school_ = CreateOffer(near);
    absl::StatusOr<v1::Candidate> candidate = records()->Create(officer_, TestCandidate());
    ASSERT_TRUE(candidate.ok()) << candidate.status();
    candidate_ = candidate->id();
  }

  std::string CreateOffer(const v1::TrainingOffer& offer) {
    absl::StatusOr<v1::TrainingOffer> created = records()->Create(officer_, offer);
    EXPECT_TRUE(created.ok()) << created.status();
    return created.ok() ? created->id() : "";
  }

  // Minutes from the candidate's home (Esslingen) by public transport, as matchd's
  // default travel model gives them.
  static double MinutesFromEsslingen(const v1::Location& to) {
    const v1::Location home = Esslingen();
    return engine::GreatCircleTravelTime().Minutes(
        {home.latitude(), home.longitude()}, {to.latitude(), to.longitude()},
        engine::TravelMode::kPublicTransport);
  }

  static std::string CommuteText(const v1::Explanation& e) {
    for (const v1::ScoreComponent& c : e.components()) {
      if (c.name() == "commute") return c.text();
    }
    return "";
  }

  std::string no_school_, far_school_, near_school_, candidate_;
};

TEST_F(VocationalSchoolServerTest, ExplainNamesTheSchoolOutOfReachAndShowsBothTimes) {
  absl::StatusOr<v1::Explanation> far = Explain(candidate_, far_school_);
  ASSERT_TRUE(far.ok()) << far.status();
  EXPECT_FALSE(far->eligible());
  const double school_minutes = MinutesFromEsslingen(Freiburg());
  ASSERT_GT(school_minutes, 120.0);  // a trip of two hours and more
  EXPECT_EQ(far->school_travel_minutes(), school_minutes);
  EXPECT_EQ(far->travel_minutes(), MinutesFromEsslingen(Stuttgart()));
  ASSERT_EQ(far->reasons_size(), 1);
  EXPECT_EQ(far->reasons(0).code(), v1::EXCLUSION_CODE_TRAVEL_TIME);
  EXPECT_EQ(far->reasons(0).text(),
            absl::StrFormat("Berufsschule in Freiburg im Breisgau: %.0f min, limit 60 "
                            "(public transport)",
                            school_minutes));
  EXPECT_THAT(CommuteText(*far), HasSubstr("Berufsschule in Freiburg im Breisgau"));

  absl::StatusOr<v1::Explanation> near = Explain(candidate_, near_school_);
  absl::StatusOr<v1::Explanation> none = Explain(candidate_, no_school_);
  ASSERT_TRUE(near.ok() && none.ok());
  EXPECT_TRUE(near->eligible());
  EXPECT_EQ(near->travel_minutes(), none->travel_minutes());
  EXPECT_EQ(near->school_travel_minutes(), MinutesFromEsslingen(Esslingen()));
  EXPECT_EQ(none->school_travel_minutes(), 0.0);
  EXPECT_THAT(CommuteText(*near),
              HasSubstr(absl::StrFormat("place of work %.0f min (3 days a week), "
                                        "Berufsschule in Esslingen am Neckar %.0f min "
                                        "(2 days a week) by public transport",
                                        near->travel_minutes(),
                                        near->school_travel_minutes())));
  EXPECT_THAT(CommuteText(*none), HasSubstr("min by public transport, limit 60 min"));
  // Two days a week at the school next door make the average day shorter.
  EXPECT_GT(near->score(), none->score());
}

TEST_F(VocationalSchoolServerTest, SuggestionsNeverOfferASchoolOutOfReach) {
  grpc::ClientContext context;
  v1::SuggestOffersRequest request;
  request.set_candidate_id(candidate_);
  v1::SuggestionsResponse offers;
  ASSERT_TRUE(stub_->SuggestOffers(&context, request, &offers).ok());
  ASSERT_EQ(offers.suggestions_size(), 2);
  EXPECT_EQ(offers.suggestions(0).offer_id(), near_school_);
  EXPECT_EQ(offers.suggestions(1).offer_id(), no_school_);
  EXPECT_EQ(offers.considered(), 3);
  EXPECT_EQ(offers.eligible(), 2);
  for (const v1::Suggestion& s : offers.suggestions()) {
    absl::StatusOr<v1::Explanation> e = Explain(candidate_, s.offer_id());
    ASSERT_TRUE(e.ok());
    EXPECT_EQ(s.score(), e->score());
  }

  const auto candidates_of = [&](const std::string& offer) {
    grpc::ClientContext c;
    v1::SuggestCandidatesRequest r;
    r.set_offer_id(offer);
    v1::SuggestionsResponse response;
    EXPECT_TRUE(stub_->SuggestCandidates(&c, r, &response).ok());
    return response;
  };
  const v1::SuggestionsResponse far = candidates_of(far_school_);
  EXPECT_EQ(far.suggestions_size(), 0);
  // The candidate's grid cell is not even opened: the school is out of every reach in it.
  EXPECT_EQ(far.considered(), 0);
  const v1::SuggestionsResponse near = candidates_of(near_school_);
  ASSERT_EQ(near.suggestions_size(), 1);
  EXPECT_EQ(near.suggestions(0).candidate_id(), candidate_);
  EXPECT_EQ(near.suggestions(0).score(), Explain(candidate_, near_school_)->score());
}

TEST_F(VocationalSchoolServerTest, AssignPlacesOnlyWhereTheSchoolIsWithinReach) {
  // A second candidate wishes only 29302, offered only with the school in Freiburg.
  absl::StatusOr<v1::Company> company = records()->Create(officer_, TestCompany());
  ASSERT_TRUE(company.ok());
  v1::TrainingOffer cook = TestOffer(company->id(), "29302");
  *cook.mutable_vocational_school() = Freiburg();
  const std::string cook_offer = CreateOffer(cook);
  absl::StatusOr<v1::Candidate> second = records()->Create(officer_, TestCandidate({"29302"}));
  ASSERT_TRUE(second.ok());

  for (v1::AssignMode mode : {v1::ASSIGN_MODE_OPTIMAL, v1::ASSIGN_MODE_GREEDY}) {
    AssignResult result = Assign(mode);
    ASSERT_TRUE(result.status.ok()) << result.status.error_message();
    ASSERT_TRUE(result.run.has_value());
    const v1::Run& run = *result.run;
    ASSERT_EQ(run.placements_size(), 1) << mode;
    EXPECT_EQ(run.placements(0).candidate_id(), candidate_);
    // The best pair: the school next door, not the offer without a school.
    EXPECT_EQ(run.placements(0).offer_id(), near_school_);
    EXPECT_EQ(run.placements(0).score(), Explain(candidate_, near_school_)->score());
    ASSERT_EQ(run.unmatched_size(), 1);
    EXPECT_EQ(run.unmatched(0).candidate_id(), second->id());
    EXPECT_EQ(run.unmatched(0).reason(), "no_eligible_offer");
    EXPECT_EQ(run.unmatched(0).main_exclusion(), v1::EXCLUSION_CODE_TRAVEL_TIME);
  }
}

TEST_F(VocationalSchoolServerTest, DemoCohortRunsKeepEverySchoolWithinTheLimit) {
  absl::StatusOr<LoadedCohort> cohort =
      LoadDemoCohort(records(), officer_, {.candidates = 300, .offers = 120, .seed = 7});
  ASSERT_TRUE(cohort.ok()) << cohort.status();
  AssignResult result = Assign(v1::ASSIGN_MODE_OPTIMAL);
  ASSERT_TRUE(result.status.ok()) << result.status.error_message();
  ASSERT_GT(result.run->placements_size(), 0);
  int with_school = 0, at_demo_offers = 0;
  for (const v1::RunPlacement& p : result.run->placements()) {
    absl::StatusOr<v1::Explanation> e = Explain(p.candidate_id(), p.offer_id());
    ASSERT_TRUE(e.ok());
    EXPECT_TRUE(e->eligible());
    EXPECT_EQ(p.score(), e->score());
    absl::StatusOr<v1::Candidate> c = records()->Get<v1::Candidate>(officer_, p.candidate_id());
    ASSERT_TRUE(c.ok());
    EXPECT_LE(e->school_travel_minutes(), c->travel_limit_minutes());
    if (e->school_travel_minutes() > 0) ++with_school;
    if (p.offer_id() != no_school_) ++at_demo_offers;
  }
  EXPECT_EQ(with_school, at_demo_offers);  // demo offers all name their school
  // Some wished offers of the cohort are out of reach only because of their school.
  int school_only = 0;
  for (size_t c = 0; c < cohort->candidate_ids.size(); c += 3) {
    for (const std::string& offer : cohort->offer_ids) {
      absl::StatusOr<v1::Explanation> e = Explain(cohort->candidate_ids[c], offer);
      ASSERT_TRUE(e.ok());
      if (e->reasons_size() == 1 &&
          absl::StartsWith(e->reasons(0).text(), "Berufsschule in ")) {
        ++school_only;
      }
    }
  }
  EXPECT_GT(school_only, 0);
}

TEST_F(VocationalSchoolServerTest, RegistryRefusesSchoolDaysOutOfRangeNamingTheField) {
  absl::StatusOr<v1::Company> company = records()->Create(officer_, TestCompany());
  ASSERT_TRUE(company.ok());
  v1::TrainingOffer offer = TestOffer(company->id());
  *offer.mutable_vocational_school() = Freiburg();
  offer.set_school_days_per_week(6);
  absl::StatusOr<v1::TrainingOffer> created = records()->Create(officer_, offer);
  EXPECT_EQ(created.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(created.status().message(), HasSubstr("school_days_per_week"));
  offer.set_school_days_per_week(1);
  offer.mutable_vocational_school()->set_latitude(123.0);
  created = records()->Create(officer_, offer);
  EXPECT_THAT(created.status().message(), HasSubstr("vocational_school.latitude"));
}

}  // namespace
}  // namespace azubimatch::service
