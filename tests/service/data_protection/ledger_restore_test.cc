// RestoreKeepingErasures: create, back up, erase, restore — the erased person stays
// gone (record, runs, files), everything else of the backup comes back, and the side
// files of the data folder survive the restore.
#include "service/data_protection/ledger_restore.h"

#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "service/auth/audit_log.h"
#include "service/auth/bootstrap.h"
#include "service/data_protection/candidate_eraser.h"
#include "service/store/rocksdb_store.h"
#include "tests/service/data_protection/data_folder_scan.h"
#include "tests/service/data_protection/erasure_fixture.h"
#include "tests/service/store/scoped_temp_dir.h"

namespace azubimatch::service {
namespace {

using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;

std::string FileContents(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

class LedgerRestoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Open();
    seeded_ = SeedCandidate(*store_, *records_);
    ASSERT_TRUE(WriteSecretFile(data_dir_ + "/" + std::string(kAdminKeyFileName),
                                "azm_admin_key_for_test")
                    .ok());
    ASSERT_TRUE(store_->CreateBackup(backup_dir_).ok());
  }

  void Open() {
    StoreOptions options;
    options.path = data_dir_;
    store_ = RocksDbStore::Open(options).value();
    records_ = std::make_unique<RecordStore>(store_.get());
    hasher_ =
        std::make_unique<KeyedHasher>(KeyedHasher::LoadOrCreate(store_.get()).value());
    ledger_ = std::make_unique<ErasureLedger>(data_dir_);
    eraser_ = std::make_unique<CandidateEraser>(store_.get(), records_.get(), *hasher_,
                                                ledger_.get());
  }

  void Close() {
    eraser_.reset();
    ledger_.reset();
    records_.reset();
    store_.reset();
  }

  void EraseAsOwner(const std::string& id) {
    auto outcome = eraser_->Erase(MakeCaller(Role::kOfficer, kMemberA), id, 0);
    ASSERT_TRUE(outcome.ok()) << outcome.status();
  }

  ScopedTempDir dir_;
  const std::string data_dir_ = dir_.Sub("data");
  const std::string backup_dir_ = dir_.Sub("backups");
  std::unique_ptr<RocksDbStore> store_;
  std::unique_ptr<RecordStore> records_;
  std::unique_ptr<KeyedHasher> hasher_;
  std::unique_ptr<ErasureLedger> ledger_;
  std::unique_ptr<CandidateEraser> eraser_;
  SeededCandidate seeded_;
};

TEST_F(LedgerRestoreTest, ErasureAfterTheBackupIsReappliedAndLeavesNoTrace) {
  EraseAsOwner(seeded_.candidate_id);
  const std::string hash = hasher_->Hash(seeded_.candidate_id);
  Close();

  auto outcome = RestoreKeepingErasures(backup_dir_, data_dir_);
  ASSERT_TRUE(outcome.ok()) << outcome.status();
  EXPECT_EQ(outcome->ledger_entries, 1);
  EXPECT_EQ(outcome->candidates_erased, 1);
  EXPECT_TRUE(outcome->current_store_read);

  Open();
  EXPECT_TRUE(
      absl::IsNotFound(store_->Get(Family::kCandidates, seeded_.candidate_id).status()));
  EXPECT_TRUE(store_->Get(Family::kCandidates, seeded_.other_id).ok());
  v1::Run run;
  ASSERT_TRUE(run.ParseFromString(store_->Get(Family::kRuns, seeded_.run_id).value()));
  EXPECT_EQ(run.placements(0).candidate_id(), Pseudonym(hash));
  EXPECT_TRUE(store_->Get(Family::kErasures, hash).ok());
  auto audit = AuditLog::Open(store_.get(), *hasher_).value();
  auto entries = audit->FindBySubject("candidate", seeded_.candidate_id);
  ASSERT_TRUE(entries.ok());
  ASSERT_FALSE(entries->empty());
  EXPECT_EQ(entries->back().action(), "erase");
  EXPECT_EQ(entries->back().rpc(), kRestoreAuditRpc);
  Close();

  EXPECT_THAT(FilesContaining(data_dir_, seeded_.marker), IsEmpty());
  EXPECT_THAT(FilesContaining(data_dir_, seeded_.candidate_id), IsEmpty());
  const std::string decoded = DecodedByRocksDbTools(data_dir_);
  EXPECT_THAT(FormsIn(decoded, seeded_.marker), IsEmpty());
  EXPECT_THAT(FormsIn(decoded, seeded_.candidate_id), IsEmpty());
  // The backup itself still holds the person; that is what the ledger is for.
  EXPECT_THAT(FilesContaining(backup_dir_, seeded_.marker), Not(IsEmpty()));
}

TEST_F(LedgerRestoreTest, LedgerFileAndAdminKeySurviveTheRestore) {
  EraseAsOwner(seeded_.candidate_id);
  const std::string ledger_before = FileContents(ledger_->path());
  Close();
  ASSERT_TRUE(RestoreKeepingErasures(backup_dir_, data_dir_).ok());
  EXPECT_EQ(FileContents(data_dir_ + "/erasure-ledger"), ledger_before);
  EXPECT_EQ(FileContents(data_dir_ + "/admin.key"), "azm_admin_key_for_test\n");
}

TEST_F(LedgerRestoreTest, ErasuresInTheStoreAloneAreReappliedWhenTheFileIsLost) {
  EraseAsOwner(seeded_.candidate_id);
  Close();
  std::filesystem::remove(data_dir_ + "/erasure-ledger");
  auto outcome = RestoreKeepingErasures(backup_dir_, data_dir_);
  ASSERT_TRUE(outcome.ok()) << outcome.status();
  EXPECT_EQ(outcome->candidates_erased, 1);
  Open();
  EXPECT_TRUE(
      absl::IsNotFound(store_->Get(Family::kCandidates, seeded_.candidate_id).status()));
}

TEST_F(LedgerRestoreTest, OtherChangesAfterTheBackupAreRolledBack) {
  // A plain delete is not an erasure: the restore brings the record back.
  ASSERT_TRUE(records_
                  ->Delete<v1::Candidate>(MakeCaller(Role::kOfficer, kMemberA),
                                          seeded_.other_id, 0)
                  .ok());
  Close();
  auto outcome = RestoreKeepingErasures(backup_dir_, data_dir_);
  ASSERT_TRUE(outcome.ok()) << outcome.status();
  EXPECT_EQ(outcome->candidates_erased, 0);
  Open();
  EXPECT_TRUE(store_->Get(Family::kCandidates, seeded_.other_id).ok());
  EXPECT_TRUE(store_->Get(Family::kCandidates, seeded_.candidate_id).ok());
}

TEST_F(LedgerRestoreTest, ErasureOfACandidateNewerThanTheBackupStaysInTheLedger) {
  auto late =
      records_->Create(MakeCaller(Role::kOfficer, kMemberA), SampleCandidate("late"));
  ASSERT_TRUE(late.ok());
  EraseAsOwner(late->id());
  const std::string hash = hasher_->Hash(late->id());
  Close();
  auto outcome = RestoreKeepingErasures(backup_dir_, data_dir_);
  ASSERT_TRUE(outcome.ok()) << outcome.status();
  EXPECT_EQ(outcome->ledger_entries, 1);
  EXPECT_EQ(outcome->candidates_erased, 0);
  EXPECT_THAT(FileContents(data_dir_ + "/erasure-ledger"), HasSubstr(hash));
}

TEST_F(LedgerRestoreTest, MissingBackupIsNotFoundAndLeavesTheDataFolderAlone) {
  EraseAsOwner(seeded_.candidate_id);
  Close();
  auto outcome = RestoreKeepingErasures(dir_.Sub("no-backups"), data_dir_);
  EXPECT_EQ(outcome.status().code(), absl::StatusCode::kNotFound);
  Open();
  EXPECT_TRUE(store_->Get(Family::kCandidates, seeded_.other_id).ok());
  EXPECT_TRUE(
      absl::IsNotFound(store_->Get(Family::kCandidates, seeded_.candidate_id).status()));
}

TEST_F(LedgerRestoreTest, RestoreWhileTheStoreIsOpenIsUnavailable) {
  auto outcome = RestoreKeepingErasures(backup_dir_, data_dir_);
  EXPECT_EQ(outcome.status().code(), absl::StatusCode::kUnavailable);
}

}  // namespace
}  // namespace azubimatch::service
