// MatchingIndex kept in step with the registry: creates, updates and deletes of
// candidates, offers and companies through the RecordStore reach the index at once;
// subscribing replays what is stored; placements bind and release pairs.
#include "service/matching/matching_index.h"

#include <array>
#include <limits>
#include <set>
#include <string>

#include "engine/matching/travel_time.h"
#include "gtest/gtest.h"
#include "service/registry/record_store.h"
#include "service/store/memory_store.h"
#include "tests/service/matching/test_records.h"

namespace azubimatch::service {
namespace {

std::set<std::string> NearIds(const SpatialGrid* grid, engine::GeoPoint center, double km) {
  std::set<std::string> ids;
  if (grid != nullptr) {
    grid->ForEachNear(center, km, [&](const SpatialGrid::Entry& e) { ids.insert(e.id); });
  }
  return ids;
}

class MatchingIndexTest : public testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(records_.Subscribe(&index_).ok()); }
  void TearDown() override { records_.Unsubscribe(&index_); }

  MemoryStore store_;
  RecordStore records_{&store_};
  engine::GreatCircleTravelTime travel_;
  MatchingIndex index_{&travel_};
  Caller caller_ = OfficerOf("m1");
};

TEST_F(MatchingIndexTest, TracksCandidateCreateUpdateDelete) {
  absl::StatusOr<v1::Candidate> created =
      records_.Create(caller_, TestCandidate({"62102", "25212"}));
  ASSERT_TRUE(created.ok()) << created.status();
  const engine::GeoPoint esslingen{48.7394, 9.3047};
  {
    MatchingIndex::Reader reader(index_);
    const CandidateEntry* entry = reader.FindCandidate(created->id());
    ASSERT_NE(entry, nullptr);
    EXPECT_EQ(entry->member_id, "m1");
    EXPECT_EQ(entry->profile.desired_occupations.size(), 2u);
    EXPECT_EQ(NearIds(reader.CandidatesOfOccupation("25212"), esslingen, 1.0),
              std::set<std::string>{created->id()});
  }
  v1::Candidate changed = *created;
  changed.clear_desired_occupations();
  changed.add_desired_occupations()->set_kldb_code("29302");
  *changed.mutable_home() = Ulm();
  ASSERT_TRUE(records_.Update(caller_, changed).ok());
  {
    MatchingIndex::Reader reader(index_);
    EXPECT_EQ(reader.CandidatesOfOccupation("25212"), nullptr);
    EXPECT_EQ(reader.CandidatesOfOccupation("62102"), nullptr);
    EXPECT_EQ(NearIds(reader.CandidatesOfOccupation("29302"), {48.4011, 9.9876}, 1.0),
              std::set<std::string>{created->id()});
    EXPECT_EQ(reader.FindCandidate(created->id())->municipality, "Ulm");
  }
  ASSERT_TRUE(records_.Delete<v1::Candidate>(caller_, created->id(), 0).ok());
  MatchingIndex::Reader reader(index_);
  EXPECT_EQ(reader.FindCandidate(created->id()), nullptr);
  EXPECT_EQ(reader.CandidatesOfOccupation("29302"), nullptr);
  EXPECT_EQ(reader.candidate_count(), 0u);
}

TEST_F(MatchingIndexTest, TracksOfferSeatsOccupationAndCompanyChanges) {
  absl::StatusOr<v1::Company> company = records_.Create(caller_, TestCompany());
  ASSERT_TRUE(company.ok()) << company.status();
  absl::StatusOr<v1::TrainingOffer> offer =
      records_.Create(caller_, TestOffer(company->id(), "62102", 3));
  ASSERT_TRUE(offer.ok()) << offer.status();
  {
    MatchingIndex::Reader reader(index_);
    const OfferEntry* entry = reader.FindOffer(offer->id());
    ASSERT_NE(entry, nullptr);
    EXPECT_EQ(entry->profile.seats_free, 3);
    EXPECT_TRUE(entry->profile.open);
    EXPECT_EQ(entry->profile.company_languages, (std::vector<std::string>{"de", "tr"}));
  }
  ASSERT_TRUE(records_.AdjustSeatsTaken(offer->id(), +2).ok());
  v1::Company inactive = *company;
  inactive.set_status(v1::COMPANY_STATUS_INACTIVE);
  inactive.clear_languages();
  inactive.add_languages("de");
  inactive.add_languages("el");
  inactive.set_version(0);
  ASSERT_TRUE(records_.Update(caller_, inactive).ok());
  {
    MatchingIndex::Reader reader(index_);
    const OfferEntry* entry = reader.FindOffer(offer->id());
    EXPECT_EQ(entry->profile.seats_free, 1);
    EXPECT_FALSE(entry->profile.open);  // company inactive
    EXPECT_EQ(entry->profile.company_languages, (std::vector<std::string>{"de", "el"}));
  }
  inactive.set_status(v1::COMPANY_STATUS_ACTIVE);
  ASSERT_TRUE(records_.Update(caller_, inactive).ok());
  absl::StatusOr<v1::TrainingOffer> current = records_.Get<v1::TrainingOffer>(caller_, offer->id());
  ASSERT_TRUE(current.ok());
  v1::TrainingOffer moved = *current;
  moved.mutable_occupation()->set_kldb_code("25212");
  moved.set_version(0);
  ASSERT_TRUE(records_.Update(caller_, moved).ok());
  {
    MatchingIndex::Reader reader(index_);
    EXPECT_TRUE(reader.FindOffer(offer->id())->profile.open);
    EXPECT_EQ(reader.OffersOfOccupation("62102"), nullptr);
    EXPECT_EQ(NearIds(reader.OffersOfOccupation("25212"), {48.7758, 9.1829}, 1.0),
              std::set<std::string>{offer->id()});
  }
  // Seats taken by accepted placements keep an offer from being deleted; free them.
  ASSERT_TRUE(records_.AdjustSeatsTaken(offer->id(), -2).ok());
  ASSERT_TRUE(records_.Delete<v1::TrainingOffer>(caller_, offer->id(), 0).ok());
  MatchingIndex::Reader reader(index_);
  EXPECT_EQ(reader.FindOffer(offer->id()), nullptr);
  EXPECT_EQ(reader.OffersOfOccupation("25212"), nullptr);
}

// The gate of the offer's entry in its occupation grid (the only offer near Stuttgart).
OfferGate GateNearStuttgart(const MatchingIndex::Reader& reader, const std::string& kldb) {
  OfferGate gate;
  int found = 0;
  reader.OffersOfOccupation(kldb)->ForEachNear(
      {48.7758, 9.1829}, 1.0, [&](const SpatialGrid::Entry& e) {
        gate = MatchingIndex::Reader::GateOf(e);
        ++found;
      });
  EXPECT_EQ(found, 1);
  return gate;
}

TEST_F(MatchingIndexTest, OfferGatesFollowSeatsCompanyAndLanguages) {
  absl::StatusOr<v1::Company> company = records_.Create(caller_, TestCompany());
  ASSERT_TRUE(company.ok()) << company.status();
  absl::StatusOr<v1::TrainingOffer> offer =
      records_.Create(caller_, TestOffer(company->id(), "62102", 1));
  ASSERT_TRUE(offer.ok()) << offer.status();
  std::array<engine::CefrLevel, OfferGate::kMaxLanguageId + 1> levels;
  {
    MatchingIndex::Reader reader(index_);
    const OfferGate gate = GateNearStuttgart(reader, "62102");
    const engine::OfferProfile& p = reader.FindOffer(offer->id())->profile;
    EXPECT_TRUE(gate.bookable);
    EXPECT_TRUE(gate.complete);
    EXPECT_EQ(gate.start_day, p.start_date.days_since_epoch);
    EXPECT_EQ(gate.min_certificate, p.min_certificate);
    ASSERT_EQ(gate.language_count, 1);  // German B1
    EXPECT_EQ(gate.levels[0], engine::CefrLevel::kB1);
    engine::CandidateProfile speaker;
    speaker.languages = {{"tr", engine::CefrLevel::kC2},
                         {"de", engine::CefrLevel::kB2},
                         {"de", engine::CefrLevel::kA1}};  // the first listing counts
    reader.FillLanguageLevels(speaker, &levels);
    EXPECT_EQ(levels[gate.language_ids[0]], engine::CefrLevel::kB2);
  }
  ASSERT_TRUE(records_.AdjustSeatsTaken(offer->id(), +1).ok());
  {
    MatchingIndex::Reader reader(index_);
    EXPECT_FALSE(GateNearStuttgart(reader, "62102").bookable);  // no free seat
  }
  ASSERT_TRUE(records_.AdjustSeatsTaken(offer->id(), -1).ok());
  v1::Company inactive = *company;
  inactive.set_status(v1::COMPANY_STATUS_INACTIVE);
  inactive.set_version(0);
  ASSERT_TRUE(records_.Update(caller_, inactive).ok());
  {
    MatchingIndex::Reader reader(index_);
    EXPECT_FALSE(GateNearStuttgart(reader, "62102").bookable);  // company inactive
  }
  inactive.set_status(v1::COMPANY_STATUS_ACTIVE);
  ASSERT_TRUE(records_.Update(caller_, inactive).ok());
  absl::StatusOr<v1::TrainingOffer> current =
      records_.Get<v1::TrainingOffer>(caller_, offer->id());
  ASSERT_TRUE(current.ok());
  v1::TrainingOffer three_languages = *current;
  for (const char* language : {"en", "fr"}) {
    v1::LanguageSkill* skill = three_languages.add_required_languages();
    skill->set_language(language);
    skill->set_level(v1::CEFR_LEVEL_A2);
  }
  three_languages.set_version(0);
  ASSERT_TRUE(records_.Update(caller_, three_languages).ok());
  MatchingIndex::Reader reader(index_);
  const OfferGate gate = GateNearStuttgart(reader, "62102");
  EXPECT_TRUE(gate.bookable);
  EXPECT_FALSE(gate.complete);  // the offer itself must be read
}

TEST_F(MatchingIndexTest, OfferEntriesCarryTheSchoolsPlaceAndDays) {
  absl::StatusOr<v1::Company> company = records_.Create(caller_, TestCompany());
  ASSERT_TRUE(company.ok()) << company.status();
  v1::TrainingOffer with_school = TestOffer(company->id(), "62102", 1);
  with_school.mutable_vocational_school()->set_latitude(48.40);
  with_school.mutable_vocational_school()->set_longitude(9.99);
  with_school.set_school_days_per_week(2);
  ASSERT_TRUE(records_.Create(caller_, with_school).ok());
  ASSERT_TRUE(records_.Create(caller_, TestOffer(company->id(), "25212", 1)).ok());
  MatchingIndex::Reader reader(index_);
  const auto only_entry = [&](const std::string& kldb) {
    SpatialGrid::Entry found;
    int count = 0;
    reader.OffersOfOccupation(kldb)->ForEachNear({48.7758, 9.1829}, 1.0,
                                                 [&](const SpatialGrid::Entry& e) {
                                                   found = e;
                                                   ++count;
                                                 });
    EXPECT_EQ(count, 1);
    return found;
  };
  const SpatialGrid::Entry school_entry = only_entry("62102");
  EXPECT_EQ(MatchingIndex::Reader::GateOf(school_entry).school_days, 2);
  EXPECT_EQ(school_entry.aux_point.lat, 48.40);
  EXPECT_EQ(school_entry.aux_point.lon, 9.99);
  EXPECT_EQ(MatchingIndex::Reader::GateOf(only_entry("25212")).school_days, 0);
}

TEST(OfferGateTest, PackAndUnpackKeepEveryField) {
  OfferGate gate;
  gate.start_day = -123456;
  gate.min_certificate = engine::SchoolCertificate::kAbitur;
  gate.bookable = true;
  gate.complete = true;
  gate.language_count = 2;
  gate.language_ids = {OfferGate::kMaxLanguageId, 5};
  gate.levels = {engine::CefrLevel::kC2, engine::CefrLevel::kA1};
  gate.school_days = engine::kTrainingDaysPerWeek;
  const OfferGate back = OfferGate::Unpack(gate.Pack());
  EXPECT_EQ(back.school_days, gate.school_days);
  EXPECT_EQ(back.start_day, gate.start_day);
  EXPECT_EQ(back.min_certificate, gate.min_certificate);
  EXPECT_EQ(back.bookable, gate.bookable);
  EXPECT_EQ(back.complete, gate.complete);
  EXPECT_EQ(back.language_count, gate.language_count);
  EXPECT_EQ(back.language_ids, gate.language_ids);
  EXPECT_EQ(back.levels, gate.levels);
  gate.start_day = std::numeric_limits<int32_t>::max();
  gate.bookable = false;
  EXPECT_EQ(OfferGate::Unpack(gate.Pack()).start_day, gate.start_day);
  EXPECT_FALSE(OfferGate::Unpack(gate.Pack()).bookable);
}

TEST_F(MatchingIndexTest, GridEntriesLeadToTheRecordsFoundById) {
  absl::StatusOr<v1::Company> company = records_.Create(caller_, TestCompany());
  ASSERT_TRUE(company.ok()) << company.status();
  absl::StatusOr<v1::TrainingOffer> offer =
      records_.Create(caller_, TestOffer(company->id(), "62102", 3));
  ASSERT_TRUE(offer.ok()) << offer.status();
  absl::StatusOr<v1::Candidate> candidate =
      records_.Create(caller_, TestCandidate({"62102"}));
  ASSERT_TRUE(candidate.ok()) << candidate.status();
  // Many more records make the maps grow; the grids must still point to live entries.
  for (int i = 0; i < 200; ++i) {
    ASSERT_TRUE(records_.Create(caller_, TestOffer(company->id(), "25212", 1)).ok());
    ASSERT_TRUE(records_.Create(caller_, TestCandidate({"25212"})).ok());
  }
  v1::Company renamed = *company;
  renamed.add_languages("el");
  renamed.set_version(0);
  ASSERT_TRUE(records_.Update(caller_, renamed).ok());  // re-indexes the offers
  MatchingIndex::Reader reader(index_);
  const engine::GeoPoint stuttgart{48.7758, 9.1829};
  const double everywhere = std::numeric_limits<double>::infinity();
  int offers_seen = 0;
  reader.OffersOfOccupation("62102")->ForEachNear(
      stuttgart, everywhere, [&](const SpatialGrid::Entry& e) {
        ++offers_seen;
        EXPECT_EQ(&MatchingIndex::Reader::OfferOf(e), reader.FindOffer(e.id));
        EXPECT_EQ(MatchingIndex::Reader::OfferOf(e).profile.company_languages.back(), "el");
      });
  EXPECT_EQ(offers_seen, 1);
  int candidates_seen = 0;
  reader.CandidatesOfOccupation("25212")->ForEachNear(
      stuttgart, everywhere, [&](const SpatialGrid::Entry& e) {
        ++candidates_seen;
        EXPECT_EQ(&MatchingIndex::Reader::CandidateOf(e), reader.FindCandidate(e.id));
      });
  EXPECT_EQ(candidates_seen, 200);
}

TEST(MatchingIndexReplayTest, SubscribeReplaysStoredRecords) {
  MemoryStore store;
  RecordStore records(&store);
  const Caller caller = OfficerOf("m1");
  absl::StatusOr<LoadedCohort> cohort =
      LoadDemoCohort(&records, caller, {.candidates = 40, .offers = 15, .seed = 3});
  ASSERT_TRUE(cohort.ok()) << cohort.status();
  engine::GreatCircleTravelTime travel;
  MatchingIndex index(&travel);
  ASSERT_TRUE(records.Subscribe(&index).ok());
  {
    MatchingIndex::Reader reader(index);
    EXPECT_EQ(reader.candidate_count(), 40u);
    EXPECT_EQ(reader.offer_count(), 15u);
    for (const std::string& id : cohort->offer_ids) EXPECT_NE(reader.FindOffer(id), nullptr);
  }
  records.Unsubscribe(&index);
}

TEST_F(MatchingIndexTest, PlacementsHoldSeatsAndBanPairs) {
  v1::Placement accepted;
  accepted.set_id("p000000000000001");
  accepted.set_candidate_id("c000000000000001");
  accepted.set_offer_id("o000000000000001");
  accepted.set_status(v1::PLACEMENT_STATUS_ACCEPTED);
  v1::Placement rejected = accepted;
  rejected.set_id("p000000000000002");
  rejected.set_offer_id("o000000000000002");
  rejected.set_status(v1::PLACEMENT_STATUS_REJECTED);
  index_.OnPlacementChanged(nullptr, &accepted);
  index_.OnPlacementChanged(nullptr, &rejected);
  {
    MatchingIndex::Reader reader(index_);
    ASSERT_NE(reader.HeldPlacementOf("c000000000000001"), nullptr);
    EXPECT_EQ(reader.HeldPlacementOf("c000000000000001")->offer_id, "o000000000000001");
    EXPECT_TRUE(reader.IsBanned("c000000000000001", "o000000000000002"));
    EXPECT_FALSE(reader.IsBanned("c000000000000001", "o000000000000001"));
  }
  v1::Placement withdrawn = accepted;
  withdrawn.set_status(v1::PLACEMENT_STATUS_WITHDRAWN);
  index_.OnPlacementChanged(&accepted, &withdrawn);
  v1::Placement lifted = rejected;
  lifted.set_status(v1::PLACEMENT_STATUS_WITHDRAWN);
  index_.OnPlacementChanged(&rejected, &lifted);
  MatchingIndex::Reader reader(index_);
  EXPECT_EQ(reader.HeldPlacementOf("c000000000000001"), nullptr);
  EXPECT_FALSE(reader.IsBanned("c000000000000001", "o000000000000002"));
}

}  // namespace
}  // namespace azubimatch::service
