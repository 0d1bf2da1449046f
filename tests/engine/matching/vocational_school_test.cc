// The vocational school (Berufsschule) on the commute: its travel time counts against
// the candidate's limit like the place of work's, the commute value weighs both by the
// days spent at each, and offers without a school score exactly as before.
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>

#include "engine/matching/constraints.h"
#include "engine/matching/eligible_pairs.h"
#include "engine/matching/pair_evaluation.h"
#include "engine/matching/scoring.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/engine/matching/matching_test_pools.h"

namespace azubimatch::engine {
namespace {

using ::azubimatch::engine::testing::kStuttgart;
using ::azubimatch::engine::testing::kUlm;
using ::azubimatch::engine::testing::MakeCandidate;
using ::azubimatch::engine::testing::MakeOffer;
using ::azubimatch::engine::testing::MakeRandomPool;
using ::azubimatch::engine::testing::RandomPool;
using ::azubimatch::engine::testing::RandomPoolOptions;
using ::azubimatch::engine::testing::UnboundedGreatCircle;
using ::testing::ElementsAre;
using ::testing::Field;

constexpr GeoPoint kFreiburg{47.9990, 7.8421};

// Answers `work` minutes to the place of work (kStuttgart) and `school` minutes to
// anywhere else.
class WorkAndSchoolTravelTime final : public TravelTimeModel {
 public:
  WorkAndSchoolTravelTime(double work, double school) : work_(work), school_(school) {}
  double Minutes(GeoPoint, GeoPoint to, TravelMode) const override {
    return to == kStuttgart ? work_ : school_;
  }

 private:
  double work_, school_;
};

OfferProfile OfferWithSchool(int32_t days, GeoPoint school = kFreiburg) {
  OfferProfile o = MakeOffer("o1", "62102");
  o.vocational_school = VocationalSchool{school, "Freiburg im Breisgau", days};
  return o;
}

double CommuteValue(const Explanation& e) {
  return e.components[static_cast<int>(ComponentId::kCommute)].value;
}

auto Ex(ExclusionCode code, const std::string& text) {
  return ::testing::AllOf(Field(&Exclusion::code, code), Field(&Exclusion::text, text));
}

TEST(VocationalSchoolTest, CommuteWeighsWorkAndSchoolByTheirDays) {
  CandidateProfile c = MakeCandidate("c1", {"62102"});
  c.travel_limit_minutes = 90.0;
  const WorkAndSchoolTravelTime travel(20.0, 70.0);
  // Two school days: (3 * 20 + 2 * 70) / 5 = 40 minutes on an average day.
  const Explanation two = Explain(c, OfferWithSchool(2), ScoringPolicy(), travel);
  ASSERT_TRUE(two.eligible);
  EXPECT_DOUBLE_EQ(CommuteValue(two), 1.0 - 40.0 / 90.0);
  EXPECT_EQ(two.travel_minutes, 20.0);
  EXPECT_EQ(two.school_travel_minutes, 70.0);
  EXPECT_EQ(two.school_days, 2);
  // One day: (4 * 20 + 70) / 5 = 30; 0 days with a school set counts as one.
  const Explanation one = Explain(c, OfferWithSchool(1), ScoringPolicy(), travel);
  const Explanation zero = Explain(c, OfferWithSchool(0), ScoringPolicy(), travel);
  EXPECT_DOUBLE_EQ(CommuteValue(one), 1.0 - 30.0 / 90.0);
  EXPECT_EQ(CommuteValue(zero), CommuteValue(one));
  EXPECT_EQ(zero.school_days, 1);
  EXPECT_EQ(zero.score, one.score);
  // Five days: only the school's time scores; a far school lowers the score.
  EXPECT_DOUBLE_EQ(CommuteValue(Explain(c, OfferWithSchool(5), ScoringPolicy(), travel)),
                   1.0 - 70.0 / 90.0);
  EXPECT_LT(two.score, one.score);
  EXPECT_EQ(WeeklyMinutes(CommuteMinutes{20.0, 70.0}, 2), 40.0);
  EXPECT_EQ(WeeklyMinutes(CommuteMinutes{20.0, 70.0}, 0), 20.0);
}

TEST(VocationalSchoolTest, SchoolBeyondTheLimitExcludesAndIsNamed) {
  const CandidateProfile c = MakeCandidate("c1", {"62102"});  // limit 60
  const Explanation school_far =
      Explain(c, OfferWithSchool(1), ScoringPolicy(), WorkAndSchoolTravelTime(25.0, 140.0));
  EXPECT_FALSE(school_far.eligible);
  EXPECT_EQ(school_far.travel_minutes, 25.0);
  EXPECT_THAT(school_far.exclusions,
              ElementsAre(Ex(ExclusionCode::kTravelTimeOverLimit,
                             "Berufsschule in Freiburg im Breisgau: 140 min, limit 60 "
                             "(public transport)")));
  // The score is what the pair would have: the commute value is 0, as for a far
  // place of work.
  EXPECT_EQ(CommuteValue(school_far), 0.0);

  const Explanation both_far =
      Explain(c, OfferWithSchool(2), ScoringPolicy(), WorkAndSchoolTravelTime(72.0, 140.0));
  EXPECT_THAT(both_far.exclusions,
              ElementsAre(Ex(ExclusionCode::kTravelTimeOverLimit,
                             "travel time 72 min exceeds limit of 60 min (public transport)"),
                          Ex(ExclusionCode::kTravelTimeOverLimit,
                             "Berufsschule in Freiburg im Breisgau: 140 min, limit 60 "
                             "(public transport)")));
  // Exactly at the limit is allowed, for the school as for the place of work.
  EXPECT_TRUE(
      Explain(c, OfferWithSchool(1), ScoringPolicy(), WorkAndSchoolTravelTime(25.0, 60.0))
          .eligible);

  OfferProfile unnamed = OfferWithSchool(1);
  unnamed.vocational_school->municipality.clear();
  EXPECT_THAT(Explain(c, unnamed, ScoringPolicy(),
                      WorkAndSchoolTravelTime(25.0, std::numeric_limits<double>::infinity()))
                  .exclusions,
              ElementsAre(Ex(ExclusionCode::kTravelTimeOverLimit,
                             "Berufsschule cannot be reached by public transport")));
}

TEST(VocationalSchoolTest, OffersWithoutSchoolScoreExactlyAsWithTheWorkplaceAlone) {
  // Without a school the commute value is CommuteFit of the time to the place of work,
  // the very double the engine computed before schools existed, and nothing asks for a
  // second travel time.
  const UnboundedGreatCircle travel;
  const RandomPool pool = MakeRandomPool(21);
  ScoringPolicy policy;
  policy.allow_sector_match = true;
  int compared = 0;
  for (const CandidateProfile& c : pool.candidates) {
    for (const OfferProfile& o : pool.offers) {
      ASSERT_FALSE(o.vocational_school.has_value());
      const Explanation e = Explain(c, o, policy, travel);
      const double work = travel.Minutes(c.home, o.location, c.travel_mode);
      EXPECT_EQ(e.travel_minutes, work);
      EXPECT_EQ(e.school_days, 0);
      EXPECT_EQ(e.school_travel_minutes, 0.0);
      EXPECT_EQ(CommuteValue(e),
                work <= c.travel_limit_minutes ? CommuteFit(work, c.travel_limit_minutes)
                                               : 0.0);
      // A school in the same place as the work, 0 days: the same score bit for bit
      // only when absent; present, it is weighed (and equal up to rounding).
      OfferProfile with_school = o;
      with_school.vocational_school = VocationalSchool{o.location, "", 1};
      const Explanation s = Explain(c, with_school, policy, travel);
      EXPECT_EQ(s.eligible, e.eligible);
      EXPECT_NEAR(s.score, e.score, 1e-12);
      ++compared;
    }
  }
  EXPECT_EQ(compared, 600);
}

// FNV-1a over the bytes of doubles.
class Fingerprint {
 public:
  void Mix(double d) {
    uint64_t bits;
    std::memcpy(&bits, &d, sizeof bits);
    for (int i = 0; i < 8; ++i) {
      hash_ ^= (bits >> (8 * i)) & 0xff;
      hash_ *= 1099511628211ull;
    }
  }
  uint64_t value() const { return hash_; }

 private:
  uint64_t hash_ = 1469598103934665603ull;
};

TEST(VocationalSchoolTest, ScoresWithoutSchoolsAreThoseOfTheEngineBeforeSchools) {
  // The fingerprint of every Explain (score, travel time, eligibility, component
  // values) and every bulk edge on 12 seeded pools of 600 pairs, none with a school.
  // The constant was computed by this very loop with the engine sources of commit
  // 055c5bf, before vocational schools existed: the scores are identical bit for bit.
  const GreatCircleTravelTime travel;
  Fingerprint fingerprint;
  int64_t pairs = 0;
  for (uint64_t seed = 1; seed <= 12; ++seed) {
    RandomPoolOptions options;
    options.spread_deg = 0.8;
    const RandomPool pool = MakeRandomPool(seed, options);
    ScoringPolicy policy;
    policy.allow_sector_match = seed % 2 == 0;
    policy.certificate_is_hard = seed % 3 != 0;
    for (const CandidateProfile& c : pool.candidates) {
      for (const OfferProfile& o : pool.offers) {
        const Explanation e = Explain(c, o, policy, travel);
        fingerprint.Mix(e.score);
        fingerprint.Mix(e.travel_minutes);
        fingerprint.Mix(e.eligible ? 1 : 0);
        for (const Component& component : e.components) fingerprint.Mix(component.value);
        ++pairs;
      }
    }
    auto graph = BuildEligiblePairs(pool.candidates, pool.offers, policy, travel);
    ASSERT_TRUE(graph.ok());
    for (const ScoredEdge& edge : graph->edges) {
      fingerprint.Mix(edge.score);
      fingerprint.Mix(edge.candidate);
      fingerprint.Mix(edge.offer);
    }
  }
  EXPECT_EQ(pairs, 7200);
  EXPECT_EQ(fingerprint.value(), 0x31c0c5d6e2fbfce8ull);
}

// The pools with schools that eligible_pairs_test checks bulk against Explain on do
// exclude pairs by their school alone, and place some with a school.
TEST(VocationalSchoolTest, RandomPoolsWithSchoolsExerciseTheRule) {
  RandomPoolOptions options;
  options.school_percent = 60;
  const GreatCircleTravelTime travel;
  int school_only = 0, eligible_with_school = 0;
  for (uint64_t seed = 1; seed <= 8; ++seed) {
    const RandomPool pool = MakeRandomPool(seed, options);
    for (const CandidateProfile& c : pool.candidates) {
      for (const OfferProfile& o : pool.offers) {
        const Explanation x = Explain(c, o, ScoringPolicy(), travel);
        if (x.eligible && x.school_days > 0) ++eligible_with_school;
        if (x.exclusions.size() == 1 && x.exclusions[0].text.rfind("Berufsschule", 0) == 0) {
          ++school_only;
        }
      }
    }
  }
  EXPECT_GT(school_only, 10);  // 38 on these pools
  EXPECT_GT(eligible_with_school, 10);  // 62
}

TEST(VocationalSchoolTest, ValidationNamesTheSchoolFields) {
  OfferProfile o = OfferWithSchool(6);
  EXPECT_THAT(ValidateOfferProfile(o, "offers[2]").message(),
              ::testing::HasSubstr("offers[2].vocational_school.days_per_week"));
  o = OfferWithSchool(1, GeoPoint{91.0, 9.0});
  EXPECT_THAT(ValidateOfferProfile(o, "offers[2]").message(),
              ::testing::HasSubstr("offers[2].vocational_school.location.lat"));
  EXPECT_TRUE(ValidateOfferProfile(OfferWithSchool(5, kUlm), "o").ok());
  EXPECT_EQ(SchoolDaysPerWeek(MakeOffer("o", "1")), 0);
  EXPECT_EQ(SchoolDaysPerWeek(OfferWithSchool(0)), 1);
  EXPECT_EQ(SchoolDaysPerWeek(OfferWithSchool(2)), 2);
}

}  // namespace
}  // namespace azubimatch::engine
