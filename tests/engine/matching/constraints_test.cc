// Each hard constraint: its reason code and its sentence, through Explain.
#include "engine/matching/constraints.h"

#include "engine/matching/scoring.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/engine/matching/matching_test_pools.h"

namespace azubimatch::engine {
namespace {

using ::azubimatch::engine::testing::FixedTravelTime;
using ::azubimatch::engine::testing::MakeCandidate;
using ::azubimatch::engine::testing::MakeOffer;
using ::testing::ElementsAre;

const FixedTravelTime kTwentyMinutes(20.0);

Exclusion Ex(ExclusionCode code, std::string text) {
  return Exclusion{code, std::move(text)};
}

TEST(ConstraintsTest, FittingPairIsEligibleWithoutExclusions) {
  const Explanation e = Explain(MakeCandidate("c1", {"62102"}), MakeOffer("o1", "62102"),
                                ScoringPolicy(), kTwentyMinutes);
  EXPECT_TRUE(e.eligible);
  EXPECT_TRUE(e.exclusions.empty());
  EXPECT_EQ(e.wish_rank, 0);
}

TEST(ConstraintsTest, OccupationNotAmongWishes) {
  OfferProfile offer = MakeOffer("o1", "26212");
  offer.occupation.title = "Elektroniker/in";
  const Explanation e = Explain(MakeCandidate("c1", {"62102", "51542"}), offer,
                                ScoringPolicy(), kTwentyMinutes);
  EXPECT_FALSE(e.eligible);
  EXPECT_THAT(e.exclusions,
              ElementsAre(Ex(ExclusionCode::kOccupationNotWished,
                             "occupation 26212 (Elektroniker/in) is not among the "
                             "candidate's desired occupations")));
  EXPECT_EQ(e.wish_rank, -1);
}

TEST(ConstraintsTest, SectorMatchAdmitsOtherOccupationsOfAWishedSectorOnlyWhenAllowed) {
  CandidateProfile candidate = MakeCandidate("c1", {"62102"});
  candidate.desired_sectors = {Sector::kHospitality, Sector::kCrafts};
  OfferProfile crafts = MakeOffer("o1", "26212");
  crafts.occupation.sector = Sector::kCrafts;
  ScoringPolicy policy;
  EXPECT_FALSE(Explain(candidate, crafts, policy, kTwentyMinutes).eligible);

  policy.allow_sector_match = true;
  const Explanation e = Explain(candidate, crafts, policy, kTwentyMinutes);
  EXPECT_TRUE(e.eligible);
  EXPECT_EQ(e.sector_rank, 1);
  EXPECT_EQ(e.wish_rank, -1);
  // sector_match_value * decay^1.
  EXPECT_DOUBLE_EQ(e.components[0].value, 0.3 * 0.8);

  OfferProfile health = MakeOffer("o2", "81302");
  health.occupation.sector = Sector::kHealth;
  EXPECT_THAT(Explain(candidate, health, policy, kTwentyMinutes).exclusions,
              ElementsAre(Ex(ExclusionCode::kOccupationNotWished,
                             "occupation 81302 is not among the candidate's desired "
                             "occupations and its sector health is not among the desired "
                             "sectors")));
}

TEST(ConstraintsTest, RequiredLanguageBelowItsLevel) {
  CandidateProfile candidate = MakeCandidate("c1", {"62102"});
  candidate.languages = {{"de", CefrLevel::kA2}, {"tr", CefrLevel::kC2}};
  OfferProfile offer = MakeOffer("o1", "62102");
  offer.required_languages = {
      {"de", CefrLevel::kB1}, {"tr", CefrLevel::kB1}, {"it", CefrLevel::kA2}};
  const Explanation e = Explain(candidate, offer, ScoringPolicy(), kTwentyMinutes);
  EXPECT_FALSE(e.eligible);
  EXPECT_THAT(e.exclusions,
              ElementsAre(Ex(ExclusionCode::kLanguageBelowRequired,
                             "German B1 required, candidate has A2"),
                          Ex(ExclusionCode::kLanguageBelowRequired,
                             "Italian A2 required, candidate does not speak it")));
}

TEST(ConstraintsTest, TravelTimeOverTheCandidatesLimit) {
  const CandidateProfile candidate = MakeCandidate("c1", {"62102"});
  const OfferProfile offer = MakeOffer("o1", "62102");
  EXPECT_THAT(
      Explain(candidate, offer, ScoringPolicy(), FixedTravelTime(72.0)).exclusions,
      ElementsAre(Ex(ExclusionCode::kTravelTimeOverLimit,
                     "travel time 72 min exceeds limit of 60 min (public transport)")));
  // Just over the limit: one decimal, so the sentence does not contradict itself.
  EXPECT_THAT(
      Explain(candidate, offer, ScoringPolicy(), FixedTravelTime(60.4)).exclusions,
      ElementsAre(Ex(ExclusionCode::kTravelTimeOverLimit,
                     "travel time 60.4 min exceeds limit of 60 min (public transport)")));
  // Exactly at the limit is allowed.
  EXPECT_TRUE(Explain(candidate, offer, ScoringPolicy(), FixedTravelTime(60.0)).eligible);

  CandidateProfile cyclist = candidate;
  cyclist.travel_mode = TravelMode::kBicycle;
  EXPECT_THAT(Explain(cyclist, offer, ScoringPolicy(),
                      FixedTravelTime(std::numeric_limits<double>::infinity()))
                  .exclusions,
              ElementsAre(Ex(ExclusionCode::kTravelTimeOverLimit,
                             "place of work cannot be reached by bicycle")));
}

TEST(ConstraintsTest, CertificateBelowMinimumExcludesWhenHard) {
  CandidateProfile candidate = MakeCandidate("c1", {"62102"});
  candidate.certificate = SchoolCertificate::kHauptschulabschluss;
  OfferProfile offer = MakeOffer("o1", "62102");
  offer.min_certificate = SchoolCertificate::kFachhochschulreife;
  const Explanation e = Explain(candidate, offer, ScoringPolicy(), kTwentyMinutes);
  EXPECT_THAT(
      e.exclusions,
      ElementsAre(Ex(ExclusionCode::kCertificateBelowMinimum,
                     "Fachhochschulreife required, candidate has Hauptschulabschluss")));
  EXPECT_EQ(e.components[3].value, 0.0);
}

TEST(ConstraintsTest, CertificateBelowMinimumOnlyCostsPointsWhenSoft) {
  CandidateProfile candidate = MakeCandidate("c1", {"62102"});
  candidate.certificate = SchoolCertificate::kHauptschulabschluss;
  OfferProfile offer = MakeOffer("o1", "62102");
  offer.min_certificate = SchoolCertificate::kMittlererSchulabschluss;
  ScoringPolicy policy;
  policy.certificate_is_hard = false;
  const Explanation one_level = Explain(candidate, offer, policy, kTwentyMinutes);
  EXPECT_TRUE(one_level.eligible);
  EXPECT_EQ(one_level.components[3].name, "certificate");
  EXPECT_EQ(one_level.components[3].value, 0.5);

  offer.min_certificate = SchoolCertificate::kAbitur;  // three levels missing
  const Explanation three_levels = Explain(candidate, offer, policy, kTwentyMinutes);
  EXPECT_TRUE(three_levels.eligible);
  EXPECT_EQ(three_levels.components[3].value, 0.0);
  EXPECT_LT(three_levels.score, one_level.score);
}

TEST(ConstraintsTest, StartDateBeforeTheCandidateIsAvailable) {
  CandidateProfile candidate = MakeCandidate("c1", {"62102"});
  candidate.available_from = Date::FromYmd(2025, 10, 1);
  EXPECT_THAT(
      Explain(candidate, MakeOffer("o1", "62102"), ScoringPolicy(), kTwentyMinutes)
          .exclusions,
      ElementsAre(Ex(ExclusionCode::kStartBeforeAvailable,
                     "training starts 2025-09-01, candidate available from "
                     "2025-10-01")));
  candidate.available_from = Date::FromYmd(2025, 9, 1);  // the same day is fine
  EXPECT_TRUE(
      Explain(candidate, MakeOffer("o1", "62102"), ScoringPolicy(), kTwentyMinutes)
          .eligible);
}

TEST(ConstraintsTest, OfferNotOpenOrWithoutFreeSeats) {
  OfferProfile offer = MakeOffer("o1", "62102");
  offer.open = false;
  offer.seats_free = 0;
  EXPECT_THAT(
      Explain(MakeCandidate("c1", {"62102"}), offer, ScoringPolicy(), kTwentyMinutes)
          .exclusions,
      ElementsAre(Ex(ExclusionCode::kOfferNotOpen, "offer is not open for candidates"),
                  Ex(ExclusionCode::kNoFreeSeats, "offer has no free seat")));
}

TEST(ConstraintsTest, BannedPair) {
  const Explanation e = Explain(MakeCandidate("c1", {"62102"}), MakeOffer("o1", "62102"),
                                ScoringPolicy(), kTwentyMinutes, /*banned=*/true);
  EXPECT_FALSE(e.eligible);
  EXPECT_THAT(e.exclusions,
              ElementsAre(Ex(ExclusionCode::kBannedPair,
                             "pair is banned: it was rejected, or its placement ended early")));
}

TEST(ConstraintsTest, EveryFailedConstraintIsListedInReasonCodeOrder) {
  CandidateProfile candidate = MakeCandidate("c1", {"62102"});
  candidate.languages = {};
  candidate.certificate = SchoolCertificate::kNone;
  candidate.available_from = Date::FromYmd(2026, 1, 1);
  OfferProfile offer = MakeOffer("o1", "99999");
  offer.open = false;
  offer.seats_free = 0;
  const Explanation e =
      Explain(candidate, offer, ScoringPolicy(), FixedTravelTime(90.0), /*banned=*/true);
  std::vector<ExclusionCode> codes;
  for (const Exclusion& x : e.exclusions) codes.push_back(x.code);
  EXPECT_THAT(
      codes,
      ElementsAre(ExclusionCode::kOccupationNotWished, ExclusionCode::kLanguageBelowRequired,
                  ExclusionCode::kTravelTimeOverLimit, ExclusionCode::kCertificateBelowMinimum,
                  ExclusionCode::kStartBeforeAvailable, ExclusionCode::kOfferNotOpen,
                  ExclusionCode::kNoFreeSeats, ExclusionCode::kBannedPair));
  EXPECT_EQ(e.exclusions[4].text,
            "training starts 2025-09-01, candidate available from 2026-01-01");
  EXPECT_EQ(e.exclusions[3].text,
            "Hauptschulabschluss required, candidate has no certificate");
}

TEST(ConstraintsTest, ReasonCodeNamesAreStable) {
  EXPECT_EQ(ExclusionCodeName(ExclusionCode::kOccupationNotWished), "occupation_not_wished");
  EXPECT_EQ(ExclusionCodeName(ExclusionCode::kLanguageBelowRequired),
            "language_below_required");
  EXPECT_EQ(ExclusionCodeName(ExclusionCode::kTravelTimeOverLimit), "travel_time_over_limit");
  EXPECT_EQ(ExclusionCodeName(ExclusionCode::kCertificateBelowMinimum),
            "certificate_below_minimum");
  EXPECT_EQ(ExclusionCodeName(ExclusionCode::kStartBeforeAvailable), "start_before_available");
  EXPECT_EQ(ExclusionCodeName(ExclusionCode::kOfferNotOpen), "offer_not_open");
  EXPECT_EQ(ExclusionCodeName(ExclusionCode::kNoFreeSeats), "no_free_seats");
  EXPECT_EQ(ExclusionCodeName(ExclusionCode::kBannedPair), "banned_pair");
}

}  // namespace
}  // namespace azubimatch::engine
