// Backups: RocksDbStore::CreateBackup and RestoreLatestBackup round trips.
#include "service/store/rocksdb_backup.h"

#include <filesystem>
#include <memory>
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "service/store/memory_store.h"
#include "service/store/rocksdb_store.h"
#include "tests/service/store/scoped_temp_dir.h"

namespace azubimatch::service {
namespace {

using ::testing::HasSubstr;

class RocksDbBackupTest : public ::testing::Test {
 protected:
  std::unique_ptr<RocksDbStore> Open(const std::string& path) {
    StoreOptions options;
    options.path = path;
    auto store = RocksDbStore::Open(options);
    EXPECT_TRUE(store.ok()) << store.status();
    return store.ok() ? std::move(store).value() : nullptr;
  }

  static void Put(KvStore& store, Family family, const std::string& key,
                  const std::string& value) {
    WriteBatch batch;
    batch.Put(family, key, value);
    ASSERT_TRUE(store.Write(batch).ok());
  }

  static void Delete(KvStore& store, Family family, const std::string& key) {
    WriteBatch batch;
    batch.Delete(family, key);
    ASSERT_TRUE(store.Write(batch).ok());
  }

  ScopedTempDir dir_;
  const std::string data_ = dir_.Sub("data");
  const std::string backups_ = dir_.Sub("backups");
};

TEST_F(RocksDbBackupTest, RestoredStoreHoldsExactlyTheDataOfTheBackup) {
  {
    auto store = Open(data_);
    ASSERT_NE(store, nullptr);
    Put(*store, Family::kCandidates, "c1", "before backup");
    Put(*store, Family::kIndex, "ext/1", "c1");
    ASSERT_TRUE(store->CreateBackup(backups_).ok());
    Put(*store, Family::kCandidates, "c2", "after backup");
    Delete(*store, Family::kIndex, "ext/1");
  }
  const std::string restored = dir_.Sub("restored");
  ASSERT_TRUE(RestoreLatestBackup(backups_, restored).ok());
  auto store = Open(restored);
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(store->Get(Family::kCandidates, "c1").value(), "before backup");
  EXPECT_EQ(store->Get(Family::kIndex, "ext/1").value(), "c1");
  EXPECT_EQ(store->Get(Family::kCandidates, "c2").status().code(),
            absl::StatusCode::kNotFound);
  EXPECT_EQ(store->Get(Family::kMeta, RocksDbStore::kSchemaVersionKey).value(), "1");
}

TEST_F(RocksDbBackupTest, RestoreReplacesTheStoreInPlaceWithTheLatestBackup) {
  {
    auto store = Open(data_);
    ASSERT_NE(store, nullptr);
    Put(*store, Family::kOffers, "o1", "v1");
    ASSERT_TRUE(store->CreateBackup(backups_).ok());
    Put(*store, Family::kOffers, "o1", "v2");
    ASSERT_TRUE(store->CreateBackup(backups_).ok());
    Put(*store, Family::kOffers, "o1", "v3");
    Put(*store, Family::kOffers, "o2", "later");
  }
  ASSERT_TRUE(RestoreLatestBackup(backups_, data_).ok());
  auto store = Open(data_);
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(store->Get(Family::kOffers, "o1").value(), "v2");
  EXPECT_EQ(store->Get(Family::kOffers, "o2").status().code(),
            absl::StatusCode::kNotFound);
  // The restored store takes writes.
  Put(*store, Family::kOffers, "o3", "new");
  EXPECT_EQ(store->Get(Family::kOffers, "o3").value(), "new");
}

TEST_F(RocksDbBackupTest, RestoreIntoAnOpenStoreIsRefused) {
  auto store = Open(data_);
  ASSERT_NE(store, nullptr);
  Put(*store, Family::kOffers, "o1", "v1");
  ASSERT_TRUE(store->CreateBackup(backups_).ok());
  Put(*store, Family::kOffers, "o2", "v2");
  const absl::Status status = RestoreLatestBackup(backups_, data_);
  EXPECT_EQ(status.code(), absl::StatusCode::kUnavailable);
  EXPECT_THAT(status.message(), HasSubstr("lock"));
  EXPECT_EQ(store->Get(Family::kOffers, "o2").value(), "v2");
}

TEST_F(RocksDbBackupTest, RestoreWithoutBackupIsNotFound) {
  EXPECT_EQ(RestoreLatestBackup(dir_.Sub("nothing-here"), data_).code(),
            absl::StatusCode::kNotFound);
  std::filesystem::create_directories(backups_);
  EXPECT_EQ(RestoreLatestBackup(backups_, data_).code(), absl::StatusCode::kNotFound);
}

TEST_F(RocksDbBackupTest, BackupInsideTheDataFolderIsInvalidArgument) {
  auto store = Open(data_);
  ASSERT_NE(store, nullptr);
  for (const std::string& inside : {data_, data_ + "/backups", data_ + "/./x/../y"}) {
    const absl::Status status = store->CreateBackup(inside);
    EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument) << inside;
    EXPECT_THAT(status.message(), HasSubstr("backup_dir")) << inside;
  }
  EXPECT_EQ(RestoreLatestBackup(data_ + "/backups", data_).code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(RestoreLatestBackup("", data_).code(), absl::StatusCode::kInvalidArgument);
}

TEST(MemoryStoreBackupTest, CreateBackupIsUnimplemented) {
  MemoryStore store;
  EXPECT_EQ(store.CreateBackup("/tmp/unused").code(), absl::StatusCode::kUnimplemented);
}

}  // namespace
}  // namespace azubimatch::service
