// The demo cohort's vocational schools: every offer names a real school town of the
// table with 1 or 2 days a week; common occupations are taught nearby, rare ones in
// centres farther away; schools come from a stream of their own, so switching them
// off gives the very records of a cohort without schools.
#include <string>

#include "clients/demo/bw_municipalities.h"
#include "clients/demo/demo_cohort.h"
#include "clients/demo/training_occupations.h"
#include "engine/matching/travel_time.h"
#include "google/protobuf/util/message_differencer.h"
#include "gtest/gtest.h"

namespace azubimatch::clients {
namespace {

namespace v1 = ::azubimatch::v1;
using ::google::protobuf::util::MessageDifferencer;

DemoCohort Generate(int candidates, int offers, uint64_t seed, bool schools = true) {
  DemoCohortOptions options;
  options.candidates = candidates;
  options.offers = offers;
  options.seed = seed;
  options.vocational_schools = schools;
  absl::StatusOr<DemoCohort> cohort = GenerateDemoCohort(options);
  EXPECT_TRUE(cohort.ok()) << cohort.status();
  return cohort.ok() ? *std::move(cohort) : DemoCohort{};
}

double Km(const v1::Location& a, const v1::Location& b) {
  return engine::GreatCircleKm({a.latitude(), a.longitude()},
                               {b.latitude(), b.longitude()});
}

TEST(DemoVocationalSchoolsTest, EveryOfferNamesARealSchoolTownWithOneOrTwoDays) {
  const DemoCohort cohort = Generate(0, 2000, 3);
  int two_days = 0, centralised_far = 0, common_far = 0;
  for (const v1::TrainingOffer& offer : cohort.offers) {
    ASSERT_TRUE(offer.has_vocational_school()) << offer.external_id();
    const v1::Location& school = offer.vocational_school();
    const BwMunicipality* town = FindBwMunicipality(school.municipality());
    ASSERT_NE(town, nullptr) << school.municipality();
    EXPECT_EQ(school.latitude(), town->latitude);
    EXPECT_EQ(school.longitude(), town->longitude);
    EXPECT_EQ(school.postal_code(), town->postal_code);
    EXPECT_GE(offer.school_days_per_week(), 1);
    EXPECT_LE(offer.school_days_per_week(), 2);
    if (offer.school_days_per_week() == 2) ++two_days;
    const TrainingOccupation* occupation =
        FindTrainingOccupation(offer.occupation().title());
    ASSERT_NE(occupation, nullptr);
    const double km = Km(offer.location(), school);
    if (occupation->popularity > 1.0) {
      if (km > 45.0) ++common_far;  // the district's school is near
    } else if (km > 60.0) {
      ++centralised_far;  // centralised classes: an hour or two away
    }
  }
  EXPECT_EQ(common_far, 0);
  EXPECT_GT(centralised_far, 0);
  EXPECT_GT(two_days, 2000 / 4);
  EXPECT_LT(two_days, 2000 * 3 / 4);
}

TEST(DemoVocationalSchoolsTest, SchoolsChangeNoOtherFieldAndFollowTheSeed) {
  const DemoCohort with = Generate(300, 120, 9);
  const DemoCohort without = Generate(300, 120, 9, /*schools=*/false);
  ASSERT_EQ(with.offers.size(), without.offers.size());
  ASSERT_EQ(with.candidates.size(), without.candidates.size());
  for (size_t i = 0; i < with.offers.size(); ++i) {
    v1::TrainingOffer stripped = with.offers[i];
    stripped.clear_vocational_school();
    stripped.clear_school_days_per_week();
    EXPECT_TRUE(MessageDifferencer::Equals(stripped, without.offers[i])) << i;
    EXPECT_FALSE(without.offers[i].has_vocational_school());
  }
  for (size_t i = 0; i < with.candidates.size(); ++i) {
    EXPECT_TRUE(MessageDifferencer::Equals(with.candidates[i], without.candidates[i])) << i;
  }
  const DemoCohort again = Generate(300, 120, 9);
  for (size_t i = 0; i < with.offers.size(); ++i) {
    EXPECT_TRUE(MessageDifferencer::Equals(with.offers[i], again.offers[i])) << i;
  }
}

}  // namespace
}  // namespace azubimatch::clients
