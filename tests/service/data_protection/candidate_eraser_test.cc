// CandidateEraser on a real RocksDB store in a temporary folder: what an erasure
// removes, rewrites and keeps, who may erase, the ledger, and that nothing of the
// person is left in any file of the data folder.
#include "service/data_protection/candidate_eraser.h"

#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "service/data_protection/candidate_holdings.h"
#include "service/matching/ranking_book.h"
#include "service/registry/field_violations.h"
#include "service/registry/registry_keys.h"
#include "service/store/rocksdb_store.h"
#include "tests/service/data_protection/data_folder_scan.h"
#include "tests/service/data_protection/erasure_fixture.h"
#include "tests/service/store/scoped_temp_dir.h"

namespace azubimatch::service {
namespace {

using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;
using ::testing::SizeIs;

// Records every candidate deletion it is told about.
class DeletionObserver final : public RecordObserver {
 public:
  void OnCandidateChanged(const v1::Candidate* before,
                          const v1::Candidate* after) override {
    if (before != nullptr && after == nullptr) deleted.push_back(before->id());
  }
  std::vector<std::string> deleted;
};

// Refuses to delete a candidate that holds a seat-holding placement, as the matching
// service's PlacementBook does. With `accept_late` it first stores a new accepted
// placement of the candidate, as if one were accepted between the erasure's sweep and
// its delete. `refuse_always` refuses every delete.
class SeatGuard final : public RecordDeleteGuard {
 public:
  explicit SeatGuard(KvStore* store) : store_(store) {}

  absl::Status CheckDelete(RecordKind kind, std::string_view id, const KvStore& store,
                           DeleteEffects*) override {
    if (kind != RecordKind::kCandidate) return absl::OkStatus();
    ++consulted;
    const std::string candidate_id(id);
    if (accept_late) {
      accept_late = false;
      v1::Placement late;
      late.set_id("placementlate001");
      late.set_member_id(kMemberA);
      late.set_candidate_id(candidate_id);
      late.set_offer_id(late_offer_id);
      late.set_status(v1::PLACEMENT_STATUS_ACCEPTED);
      WriteBatch batch;
      batch.Put(Family::kPlacements, late.id(), late.SerializeAsString());
      batch.Put(Family::kIndex, PlacementOfCandidateKey(candidate_id, late.id()), "");
      batch.Put(Family::kIndex, PlacementOfOfferKey(late_offer_id, late.id()), "");
      EXPECT_TRUE(store_->Write(batch).ok());
    }
    if (!refuse_always && !HoldsSeat(store, candidate_id)) return absl::OkStatus();
    ++refused;
    return WithField(absl::FailedPreconditionError("id: candidate holds a seat"), "id");
  }

  bool accept_late = false;
  bool refuse_always = false;
  std::string late_offer_id;
  int consulted = 0;
  int refused = 0;

 private:
  static bool HoldsSeat(const KvStore& store, const std::string& candidate_id) {
    const std::string prefix = PlacementsOfCandidatePrefix(candidate_id);
    bool holds_seat = false;
    EXPECT_TRUE(store
                    .ScanPrefix(Family::kIndex, prefix,
                                [&](std::string_view key, std::string_view) {
                                  v1::Placement placement;
                                  absl::StatusOr<std::string> bytes = store.Get(
                                      Family::kPlacements, key.substr(prefix.size()));
                                  holds_seat = bytes.ok() &&
                                               placement.ParseFromString(*bytes) &&
                                               PlacementHoldsSeat(placement.status());
                                  return !holds_seat;
                                })
                    .ok());
    return holds_seat;
  }

  KvStore* const store_;
};

class CandidateEraserTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Open();
    seeded_ = SeedCandidate(*store_, *records_);
  }

  void Open() {
    StoreOptions options;
    options.path = data_dir_;
    auto store = RocksDbStore::Open(options);
    ASSERT_TRUE(store.ok()) << store.status();
    store_ = *std::move(store);
    records_ = std::make_unique<RecordStore>(store_.get());
    ASSERT_TRUE(records_->Subscribe(&observer_).ok());
    ledger_ = std::make_unique<ErasureLedger>(data_dir_);
    CandidateEraserOptions options_with_clock;
    options_with_clock.clock = [] { return absl::FromUnixSeconds(1767225600); };
    options_with_clock.on_placement_removed = [this](const v1::Placement& removed) {
      removed_placements_.push_back(removed.id());
    };
    eraser_ = std::make_unique<CandidateEraser>(store_.get(), records_.get(),
                                                KeyedHasher(kTestSecret), ledger_.get(),
                                                options_with_clock);
  }

  void Close() {
    eraser_.reset();
    ledger_.reset();
    records_.reset();
    store_.reset();
  }

  absl::StatusOr<ErasureOutcome> EraseAsOwner() {
    return eraser_->Erase(MakeCaller(Role::kOfficer, kMemberA), seeded_.candidate_id, 0);
  }

  std::string Hash() const { return KeyedHasher(kTestSecret).Hash(seeded_.candidate_id); }

  v1::Run StoredRun(const std::string& id) const {
    v1::Run run;
    auto bytes = store_->Get(Family::kRuns, id);
    EXPECT_TRUE(bytes.ok()) << bytes.status();
    EXPECT_TRUE(run.ParseFromString(bytes.value_or("")));
    return run;
  }

  std::string LedgerFileContents() const {
    std::ifstream in(ledger_->path());
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
  }

  ScopedTempDir dir_;
  const std::string data_dir_ = dir_.Sub("data");
  std::unique_ptr<RocksDbStore> store_;
  std::unique_ptr<RecordStore> records_;
  std::unique_ptr<ErasureLedger> ledger_;
  std::unique_ptr<CandidateEraser> eraser_;
  DeletionObserver observer_;
  std::vector<std::string> removed_placements_;
  SeededCandidate seeded_;
};

TEST_F(CandidateEraserTest, RemovesRecordExternalIdIndexPlacementsAndPlacementIndexes) {
  ASSERT_TRUE(EraseAsOwner().ok());
  EXPECT_TRUE(
      absl::IsNotFound(store_->Get(Family::kCandidates, seeded_.candidate_id).status()));
  EXPECT_TRUE(absl::IsNotFound(
      store_
          ->Get(Family::kIndex,
                ExternalIdIndexKey(RecordKind::kCandidate, kMemberA, seeded_.marker))
          .status()));
  EXPECT_TRUE(absl::IsNotFound(
      store_
          ->Get(Family::kIndex, PlacementPairKey(seeded_.candidate_id, seeded_.offer_id))
          .status()));
  for (const std::string& placement :
       {seeded_.accepted_placement_id, seeded_.rejected_placement_id}) {
    EXPECT_TRUE(
        absl::IsNotFound(store_
                             ->Get(Family::kIndex, PlacementOfCandidateKey(
                                                       seeded_.candidate_id, placement))
                             .status()));
    EXPECT_TRUE(absl::IsNotFound(
        store_->Get(Family::kIndex, PlacementOfOfferKey(seeded_.offer_id, placement))
            .status()));
  }
  EXPECT_TRUE(absl::IsNotFound(
      store_->Get(Family::kPlacements, seeded_.accepted_placement_id).status()));
  EXPECT_TRUE(absl::IsNotFound(
      store_->Get(Family::kPlacements, seeded_.rejected_placement_id).status()));
  auto holdings = FindCandidateHoldings(*store_, seeded_.candidate_id);
  ASSERT_TRUE(holdings.ok());
  EXPECT_TRUE(holdings->empty());
}

TEST_F(CandidateEraserTest, OutcomeCountsRewrittenRunsAndRemovedPlacements) {
  auto outcome = EraseAsOwner();
  ASSERT_TRUE(outcome.ok()) << outcome.status();
  EXPECT_EQ(outcome->pseudonym, "erased-" + Hash().substr(0, 12));
  EXPECT_EQ(outcome->runs_rewritten, 1);
  EXPECT_EQ(outcome->placements_removed, 2);
  EXPECT_FALSE(outcome->already_erased);
}

TEST_F(CandidateEraserTest, RunsShowThePseudonymEverywhereTheIdWas) {
  auto outcome = EraseAsOwner();
  ASSERT_TRUE(outcome.ok()) << outcome.status();
  const v1::Run run = StoredRun(seeded_.run_id);
  ASSERT_THAT(run.placements(), SizeIs(2));
  EXPECT_EQ(run.placements(0).candidate_id(), outcome->pseudonym);
  EXPECT_EQ(run.placements(0).score(), 0.75);
  EXPECT_EQ(run.placements(1).candidate_id(), seeded_.other_id);
  EXPECT_EQ(run.unmatched(0).candidate_id(), outcome->pseudonym);
  EXPECT_EQ(run.request().locked(0).candidate_id(), outcome->pseudonym);
  EXPECT_EQ(run.request().banned(0).candidate_id(), outcome->pseudonym);
  EXPECT_EQ(run.request().label(), "cohort incl. " + outcome->pseudonym);
  EXPECT_EQ(StoredRun(seeded_.other_run_id).placements(0).candidate_id(),
            seeded_.other_id);
}

TEST_F(CandidateEraserTest, RunSummariesOfListingsArePseudonymizedNotDropped) {
  auto outcome = EraseAsOwner();
  ASSERT_TRUE(outcome.ok()) << outcome.status();
  for (const std::string& key :
       {RunByTimeKey(kRunCreatedMicros, seeded_.run_id),
        RunByMemberKey(kMemberA, kRunCreatedMicros, seeded_.run_id)}) {
    auto bytes = store_->Get(Family::kIndex, key);
    ASSERT_TRUE(bytes.ok()) << bytes.status();
    v1::Run summary;
    ASSERT_TRUE(summary.ParseFromString(*bytes));
    EXPECT_EQ(summary.id(), seeded_.run_id);
    EXPECT_EQ(summary.request().locked(0).candidate_id(), outcome->pseudonym);
    EXPECT_EQ(summary.request().banned(0).candidate_id(), outcome->pseudonym);
  }
}

TEST_F(CandidateEraserTest, ReleasesTheSeatOfTheAcceptedPlacement) {
  auto before =
      records_->Get<v1::TrainingOffer>(MakeCaller(Role::kAdmin, ""), seeded_.offer_id);
  ASSERT_TRUE(before.ok());
  ASSERT_EQ(before->seats_taken(), 1);
  ASSERT_TRUE(EraseAsOwner().ok());
  auto after =
      records_->Get<v1::TrainingOffer>(MakeCaller(Role::kAdmin, ""), seeded_.offer_id);
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(after->seats_taken(), 0);
}

TEST_F(CandidateEraserTest, DeleteGuardProtectingSeatsDoesNotBlockTheErasure) {
  SeatGuard guard(store_.get());
  records_->AddDeleteGuard(&guard);
  absl::StatusOr<ErasureOutcome> outcome = EraseAsOwner();
  records_->RemoveDeleteGuard(&guard);
  ASSERT_TRUE(outcome.ok()) << outcome.status();
  EXPECT_EQ(outcome->placements_removed, 2);
  EXPECT_EQ(guard.consulted, 1);
  EXPECT_EQ(guard.refused, 0);
  EXPECT_TRUE(
      absl::IsNotFound(store_->Get(Family::kCandidates, seeded_.candidate_id).status()));
  EXPECT_EQ(
      records_->Get<v1::TrainingOffer>(MakeCaller(Role::kAdmin, ""), seeded_.offer_id)
          ->seats_taken(),
      0);
}

TEST_F(CandidateEraserTest, PlacementAcceptedBetweenSweepAndDeleteIsSweptThenDeleted) {
  SeatGuard guard(store_.get());
  guard.accept_late = true;
  guard.late_offer_id = seeded_.offer_id;
  records_->AddDeleteGuard(&guard);
  absl::StatusOr<ErasureOutcome> outcome = EraseAsOwner();
  records_->RemoveDeleteGuard(&guard);
  ASSERT_TRUE(outcome.ok()) << outcome.status();
  EXPECT_EQ(guard.refused, 1);
  EXPECT_EQ(guard.consulted, 2);
  EXPECT_EQ(outcome->placements_removed, 3);
  EXPECT_THAT(removed_placements_, ::testing::Contains("placementlate001"));
  EXPECT_TRUE(
      absl::IsNotFound(store_->Get(Family::kCandidates, seeded_.candidate_id).status()));
  absl::StatusOr<CandidateHoldings> left =
      FindCandidateHoldings(*store_, seeded_.candidate_id);
  ASSERT_TRUE(left.ok()) << left.status();
  EXPECT_TRUE(left->empty());
}

TEST_F(CandidateEraserTest, DeleteRefusedInEveryRoundFailsTheErasureForALaterRetry) {
  SeatGuard guard(store_.get());
  guard.refuse_always = true;
  records_->AddDeleteGuard(&guard);
  absl::StatusOr<ErasureOutcome> outcome = EraseAsOwner();
  EXPECT_EQ(outcome.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(guard.consulted, 3);  // max_sweeps rounds
  EXPECT_TRUE(store_->Get(Family::kCandidates, seeded_.candidate_id).ok());
  // The ledger holds the erasure: once the guard allows it, a retry completes it.
  guard.refuse_always = false;
  outcome = EraseAsOwner();
  records_->RemoveDeleteGuard(&guard);
  ASSERT_TRUE(outcome.ok()) << outcome.status();
  EXPECT_TRUE(
      absl::IsNotFound(store_->Get(Family::kCandidates, seeded_.candidate_id).status()));
}

TEST_F(CandidateEraserTest, ObserversSeeTheCandidateDeleted) {
  ASSERT_TRUE(EraseAsOwner().ok());
  EXPECT_THAT(observer_.deleted, ::testing::ElementsAre(seeded_.candidate_id));
}

TEST_F(CandidateEraserTest, RemovedPlacementsAreReportedToTheHook) {
  ASSERT_TRUE(EraseAsOwner().ok());
  EXPECT_THAT(removed_placements_,
              ::testing::UnorderedElementsAre(seeded_.accepted_placement_id,
                                              seeded_.rejected_placement_id));
}

TEST_F(CandidateEraserTest, OtherCandidateIsKept) {
  ASSERT_TRUE(EraseAsOwner().ok());
  EXPECT_TRUE(
      records_->Get<v1::Candidate>(MakeCaller(Role::kOfficer, kMemberA), seeded_.other_id)
          .ok());
}

TEST_F(CandidateEraserTest, LedgerFileAndFamilyHoldTheKeyedHashNeverTheId) {
  ASSERT_TRUE(EraseAsOwner().ok());
  const std::string contents = LedgerFileContents();
  EXPECT_EQ(contents, Hash() + " " + kMemberA + " 1767225600\n");
  EXPECT_THAT(contents, Not(HasSubstr(seeded_.candidate_id)));
  auto stored = store_->Get(Family::kErasures, Hash());
  ASSERT_TRUE(stored.ok()) << stored.status();
  EXPECT_EQ(*stored, Hash() + " " + kMemberA + " 1767225600");
}

TEST_F(CandidateEraserTest, AnotherMembersCandidateIsNotFoundAndNothingIsWritten) {
  auto outcome =
      eraser_->Erase(MakeCaller(Role::kOfficer, kMemberB), seeded_.candidate_id, 0);
  EXPECT_EQ(outcome.status().code(), absl::StatusCode::kNotFound);
  EXPECT_TRUE(store_->Get(Family::kCandidates, seeded_.candidate_id).ok());
  EXPECT_FALSE(std::filesystem::exists(ledger_->path()));
}

TEST_F(CandidateEraserTest, AnalystIsPermissionDenied) {
  auto outcome =
      eraser_->Erase(MakeCaller(Role::kAnalyst, kMemberA), seeded_.candidate_id, 0);
  EXPECT_EQ(outcome.status().code(), absl::StatusCode::kPermissionDenied);
  EXPECT_TRUE(store_->Get(Family::kCandidates, seeded_.candidate_id).ok());
}

TEST_F(CandidateEraserTest, AdminMayEraseAnyMembersCandidate) {
  EXPECT_TRUE(eraser_->Erase(MakeCaller(Role::kAdmin, ""), seeded_.candidate_id, 0).ok());
  EXPECT_TRUE(
      absl::IsNotFound(store_->Get(Family::kCandidates, seeded_.candidate_id).status()));
}

TEST_F(CandidateEraserTest, StaleVersionIsFailedPreconditionNamingVersion) {
  auto outcome =
      eraser_->Erase(MakeCaller(Role::kOfficer, kMemberA), seeded_.candidate_id, 7);
  EXPECT_EQ(outcome.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(FirstViolatedField(outcome.status()), "version");
  EXPECT_TRUE(store_->Get(Family::kCandidates, seeded_.candidate_id).ok());
}

TEST_F(CandidateEraserTest,
       MalformedIdAndNegativeVersionAreInvalidArgumentNamingTheField) {
  auto bad_id = eraser_->Erase(MakeCaller(Role::kOfficer, kMemberA), "not-an-id", 0);
  EXPECT_EQ(bad_id.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FirstViolatedField(bad_id.status()), "id");
  auto bad_version =
      eraser_->Erase(MakeCaller(Role::kOfficer, kMemberA), seeded_.candidate_id, -1);
  EXPECT_EQ(bad_version.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(FirstViolatedField(bad_version.status()), "version");
}

TEST_F(CandidateEraserTest, ErasingAgainCompletesLeftoversForTheOwnerOnly) {
  ASSERT_TRUE(EraseAsOwner().ok());
  // A leftover, as an interrupted erasure or a late run would leave it.
  v1::Placement late;
  late.set_id("placementlate001");
  late.set_candidate_id(seeded_.candidate_id);
  late.set_offer_id(seeded_.offer_id);
  late.set_status(v1::PLACEMENT_STATUS_REJECTED);
  WriteBatch batch;
  batch.Put(Family::kPlacements, late.id(), late.SerializeAsString());
  ASSERT_TRUE(store_->Write(batch).ok());

  auto stranger =
      eraser_->Erase(MakeCaller(Role::kOfficer, kMemberB), seeded_.candidate_id, 0);
  EXPECT_EQ(stranger.status().code(), absl::StatusCode::kNotFound);
  EXPECT_TRUE(store_->Get(Family::kPlacements, late.id()).ok());

  auto again = EraseAsOwner();
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_TRUE(again->already_erased);
  EXPECT_EQ(again->placements_removed, 1);
  EXPECT_TRUE(absl::IsNotFound(store_->Get(Family::kPlacements, late.id()).status()));
}

TEST_F(CandidateEraserTest, UnknownIdIsNotFound) {
  auto outcome = eraser_->Erase(MakeCaller(Role::kAdmin, ""), "zzzzzzzzzzzzzzzz", 0);
  EXPECT_EQ(outcome.status().code(), absl::StatusCode::kNotFound);
}

TEST_F(CandidateEraserTest, NeitherIdNorMarkerIsInAnyFileOrToolOutputAfterwards) {
  // Half of the data in table files, half in the write-ahead log only.
  ASSERT_TRUE(store_->ForceOutAll().ok());
  v1::Candidate update =
      records_
          ->Get<v1::Candidate>(MakeCaller(Role::kOfficer, kMemberA), seeded_.candidate_id)
          .value();
  update.set_display_name("Name " + seeded_.marker + " updated");
  ASSERT_TRUE(records_->Update(MakeCaller(Role::kOfficer, kMemberA), update).ok());
  Close();
  ASSERT_THAT(FilesContaining(data_dir_, seeded_.marker), Not(IsEmpty()));
  ASSERT_THAT(FilesContaining(data_dir_, seeded_.candidate_id), Not(IsEmpty()));
  if (RocksDbToolsInstalled()) {
    const std::string before = DecodedByRocksDbTools(data_dir_);
    ASSERT_THAT(FormsIn(before, seeded_.marker), Not(IsEmpty()));
    ASSERT_THAT(FormsIn(before, seeded_.candidate_id), Not(IsEmpty()));
  }

  Open();
  ASSERT_TRUE(EraseAsOwner().ok());
  Close();
  EXPECT_THAT(FilesContaining(data_dir_, seeded_.marker), IsEmpty());
  EXPECT_THAT(FilesContaining(data_dir_, seeded_.candidate_id), IsEmpty());
  const std::string decoded = DecodedByRocksDbTools(data_dir_);
  EXPECT_THAT(FormsIn(decoded, seeded_.marker), IsEmpty());
  EXPECT_THAT(FormsIn(decoded, seeded_.candidate_id), IsEmpty());
  if (RocksDbToolsInstalled()) {
    // The tools did read the store: the other candidate is still there.
    EXPECT_THAT(FormsIn(decoded, seeded_.other_id), Not(IsEmpty()));
  }
}

// Rankings (service/matching/ranking_keys.h) hold candidate ids only in keys, so the
// erasure's sweep removes the candidate's own ranking and its entries in offers'
// rankings, and the rest of each ranking keeps its order.
TEST_F(CandidateEraserTest, RankingsLoseTheCandidateAndNoFileKeepsIt) {
  const Caller officer = MakeCaller(Role::kOfficer, kMemberA);
  const auto clock = [] { return absl::FromUnixSeconds(1767225600); };
  const auto set = [&](RankingBook& book, v1::RankingSide side, const std::string& owner,
                       std::vector<std::string> ids) {
    v1::SetRankingRequest request;
    request.set_side(side);
    request.set_owner_id(owner);
    for (std::string& id : ids) request.add_ranked_ids(std::move(id));
    ASSERT_TRUE(book.Set(officer, request).ok());
  };
  {
    RankingBook book(store_.get(), records_.get(), clock);
    set(book, v1::RANKING_SIDE_CANDIDATE, seeded_.candidate_id, {seeded_.offer_id});
    set(book, v1::RANKING_SIDE_CANDIDATE, seeded_.other_id, {seeded_.offer_id});
    set(book, v1::RANKING_SIDE_OFFER, seeded_.offer_id,
        {seeded_.candidate_id, seeded_.other_id});
  }
  ASSERT_TRUE(store_->ForceOutAll().ok());  // the rankings in table files too
  Close();
  ASSERT_THAT(FilesContaining(data_dir_, seeded_.candidate_id), Not(IsEmpty()));

  Open();
  ASSERT_TRUE(EraseAsOwner().ok());
  {
    RankingBook book(store_.get(), records_.get(), clock);
    v1::GetRankingRequest get;
    get.set_side(v1::RANKING_SIDE_OFFER);
    get.set_owner_id(seeded_.offer_id);
    absl::StatusOr<v1::Ranking> offer_ranking = book.Get(officer, get);
    ASSERT_TRUE(offer_ranking.ok()) << offer_ranking.status();
    EXPECT_THAT(offer_ranking->ranked_ids(), testing::ElementsAre(seeded_.other_id));
    get.set_side(v1::RANKING_SIDE_CANDIDATE);
    get.set_owner_id(seeded_.other_id);
    absl::StatusOr<v1::Ranking> other_ranking = book.Get(officer, get);
    ASSERT_TRUE(other_ranking.ok());
    EXPECT_THAT(other_ranking->ranked_ids(), testing::ElementsAre(seeded_.offer_id));
    get.set_owner_id(seeded_.candidate_id);
    EXPECT_EQ(book.Get(officer, get).status().code(), absl::StatusCode::kNotFound);
  }
  Close();
  EXPECT_THAT(FilesContaining(data_dir_, seeded_.candidate_id), IsEmpty());
  EXPECT_THAT(FormsIn(DecodedByRocksDbTools(data_dir_), seeded_.candidate_id), IsEmpty());
}

TEST_F(CandidateEraserTest, ReapplyErasuresErasesCandidatesListedByHash) {
  ErasureRecord record{Hash(), kMemberA, 5};
  auto outcome = eraser_->ReapplyErasures({record});
  ASSERT_TRUE(outcome.ok()) << outcome.status();
  EXPECT_EQ(outcome->ledger_entries, 1);
  EXPECT_EQ(outcome->candidates_erased, 1);
  EXPECT_THAT(outcome->erased_ids, ::testing::ElementsAre(seeded_.candidate_id));
  EXPECT_TRUE(
      absl::IsNotFound(store_->Get(Family::kCandidates, seeded_.candidate_id).status()));
  EXPECT_TRUE(store_->Get(Family::kErasures, Hash()).ok());
  EXPECT_EQ(StoredRun(seeded_.run_id).placements(0).candidate_id(), Pseudonym(Hash()));
  EXPECT_TRUE(store_->Get(Family::kCandidates, seeded_.other_id).ok());
}

TEST_F(CandidateEraserTest, ReapplyFindsCandidatesNamedOnlyInRuns) {
  // The record is gone but a run still names the candidate (an interrupted erasure).
  WriteBatch batch;
  batch.Delete(Family::kCandidates, seeded_.candidate_id);
  ASSERT_TRUE(store_->Write(batch).ok());
  auto outcome = eraser_->ReapplyErasures({ErasureRecord{Hash(), kMemberA, 5}});
  ASSERT_TRUE(outcome.ok()) << outcome.status();
  EXPECT_EQ(outcome->candidates_erased, 1);
  auto holdings = FindCandidateHoldings(*store_, seeded_.candidate_id);
  ASSERT_TRUE(holdings.ok());
  EXPECT_TRUE(holdings->empty());
}

TEST(PlacementHoldsSeatTest, AcceptedAndLaterStagesHoldASeatOthersDoNot) {
  EXPECT_TRUE(PlacementHoldsSeat(v1::PLACEMENT_STATUS_ACCEPTED));
  EXPECT_TRUE(PlacementHoldsSeat(v1::PLACEMENT_STATUS_STARTED));
  EXPECT_FALSE(PlacementHoldsSeat(v1::PLACEMENT_STATUS_COMPLETED));
  EXPECT_FALSE(PlacementHoldsSeat(v1::PLACEMENT_STATUS_REJECTED));
  EXPECT_FALSE(PlacementHoldsSeat(v1::PLACEMENT_STATUS_WITHDRAWN));
  EXPECT_FALSE(PlacementHoldsSeat(v1::PLACEMENT_STATUS_ENDED_EARLY));
}

}  // namespace
}  // namespace azubimatch::service
