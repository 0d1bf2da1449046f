// Write failures (full disk, failing device) reach the caller as errors, never as a
// false OK, and leave the store consistent.
#include <memory>
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "service/store/fault_injection_env.h"
#include "service/store/rocksdb_store.h"
#include "tests/service/store/scoped_temp_dir.h"

namespace azubimatch::service {
namespace {

using ::testing::AnyOf;
using ::testing::HasSubstr;
using Fault = FaultInjectionEnv::Fault;

class FaultInjectionTest : public ::testing::Test {
 protected:
  void SetUp() override { Reopen(); }

  void Reopen() {
    store_.reset();
    StoreOptions options;
    options.path = dir_.Sub("data");
    options.env = faults_.env();
    auto store = RocksDbStore::Open(options);
    ASSERT_TRUE(store.ok()) << store.status();
    store_ = std::move(store).value();
  }

  static WriteBatch RecordBatch(const std::string& id) {
    WriteBatch batch;
    batch.Put(Family::kCandidates, id, "record");
    batch.Put(Family::kIndex, "ext/" + id, id);
    batch.Put(Family::kAudit, "audit/" + id, "created");
    return batch;
  }

  // How many of the three entries of RecordBatch(id) the store holds.
  int EntriesOf(const std::string& id) {
    return store_->Get(Family::kCandidates, id).ok() +
           store_->Get(Family::kIndex, "ext/" + id).ok() +
           store_->Get(Family::kAudit, "audit/" + id).ok();
  }

  ScopedTempDir dir_;
  FaultInjectionEnv faults_;
  std::unique_ptr<RocksDbStore> store_;
};

TEST_F(FaultInjectionTest, WriteOnFullDiskIsResourceExhaustedAndWritesNothing) {
  ASSERT_TRUE(store_->Write(RecordBatch("before")).ok());
  faults_.SetAppendFault(Fault::kNoSpace);
  const absl::Status status = store_->Write(RecordBatch("failed"));
  EXPECT_EQ(status.code(), absl::StatusCode::kResourceExhausted);
  EXPECT_THAT(status.message(), HasSubstr("write batch"));
  EXPECT_THAT(status.message(), HasSubstr("no space left"));
  EXPECT_GT(faults_.injected_failures(), 0);
  // Reads keep working and see no part of the failed batch.
  EXPECT_EQ(EntriesOf("before"), 3);
  EXPECT_EQ(EntriesOf("failed"), 0);
  // Further writes fail too while the disk is full: never a false OK.
  EXPECT_FALSE(store_->Write(RecordBatch("still-full")).ok());

  faults_.Heal();
  Reopen();
  EXPECT_EQ(EntriesOf("before"), 3);
  EXPECT_EQ(EntriesOf("failed"), 0);
  EXPECT_EQ(EntriesOf("still-full"), 0);
}

TEST_F(FaultInjectionTest, WritesWorkAgainOnceTheDiskHasSpace) {
  faults_.SetAppendFault(Fault::kNoSpace);
  EXPECT_EQ(store_->Write(RecordBatch("failed")).code(),
            absl::StatusCode::kResourceExhausted);
  faults_.Heal();
  const absl::Status status = store_->Write(RecordBatch("after"));
  ASSERT_TRUE(status.ok()) << status;
  EXPECT_EQ(EntriesOf("after"), 3);
  Reopen();
  EXPECT_EQ(EntriesOf("after"), 3);
  EXPECT_EQ(EntriesOf("failed"), 0);
}

TEST_F(FaultInjectionTest, DeviceErrorOnSyncIsUnavailableAndBatchIsWholeOrAbsent) {
  ASSERT_TRUE(store_->Write(RecordBatch("before")).ok());
  faults_.SetSyncFault(Fault::kIoError);
  const absl::Status status = store_->Write(RecordBatch("unsynced"));
  EXPECT_EQ(status.code(), absl::StatusCode::kUnavailable);
  EXPECT_THAT(status.message(), HasSubstr("device error"));
  faults_.Heal();
  Reopen();
  EXPECT_EQ(EntriesOf("before"), 3);
  EXPECT_THAT(EntriesOf("unsynced"), AnyOf(0, 3));
}

TEST_F(FaultInjectionTest, ForceOutOnFullDiskFailsAndSucceedsOnceHealed) {
  ASSERT_TRUE(store_->Write(RecordBatch("erase-me")).ok());
  WriteBatch erase;
  erase.Delete(Family::kCandidates, "erase-me");
  ASSERT_TRUE(store_->Write(erase).ok());
  faults_.SetAppendFault(Fault::kNoSpace);
  EXPECT_EQ(store_->ForceOut(Family::kCandidates, "erase-me", "").code(),
            absl::StatusCode::kResourceExhausted);
  faults_.Heal();
  const absl::Status status = store_->ForceOut(Family::kCandidates, "erase-me", "");
  EXPECT_TRUE(status.ok()) << status;
  EXPECT_TRUE(store_->Write(RecordBatch("after")).ok());
  EXPECT_EQ(EntriesOf("after"), 3);
}

TEST_F(FaultInjectionTest, BackupOnFullDiskFails) {
  ASSERT_TRUE(store_->Write(RecordBatch("r")).ok());
  faults_.SetAppendFault(Fault::kNoSpace);
  EXPECT_EQ(store_->CreateBackup(dir_.Sub("backups")).code(),
            absl::StatusCode::kResourceExhausted);
}

}  // namespace
}  // namespace azubimatch::service
