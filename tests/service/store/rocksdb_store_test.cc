// RocksDbStore behaviour beyond the shared KvStore contract: persistence, options,
// the schema version and what Open() refuses.
#include "service/store/rocksdb_store.h"

#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "rocksdb/db.h"
#include "rocksdb/options.h"
#include "tests/service/store/scoped_temp_dir.h"

namespace azubimatch::service {
namespace {

using ::testing::HasSubstr;

class RocksDbStoreTest : public ::testing::Test {
 protected:
  StoreOptions Options() const {
    StoreOptions options;
    options.path = dir_.Sub("data");
    return options;
  }

  std::unique_ptr<RocksDbStore> OpenOrDie() {
    auto store = RocksDbStore::Open(Options());
    EXPECT_TRUE(store.ok()) << store.status();
    return store.ok() ? std::move(store).value() : nullptr;
  }

  // Creates a plain RocksDB database (not a store) at Options().path with the given
  // column families, each holding `key` -> "v" unless `key` is empty.
  void CreateRawDatabase(const std::vector<std::string>& families,
                         const std::string& key) {
    rocksdb::Options options;
    options.create_if_missing = true;
    options.create_missing_column_families = true;
    std::vector<rocksdb::ColumnFamilyDescriptor> descriptors;
    for (const std::string& name : families) descriptors.emplace_back(name, options);
    std::vector<rocksdb::ColumnFamilyHandle*> handles;
    rocksdb::DB* db = nullptr;
    ASSERT_TRUE(
        rocksdb::DB::Open(options, Options().path, descriptors, &handles, &db).ok());
    for (rocksdb::ColumnFamilyHandle* handle : handles) {
      if (!key.empty()) {
        ASSERT_TRUE(db->Put(rocksdb::WriteOptions(), handle, key, "v").ok());
      }
      ASSERT_TRUE(db->DestroyColumnFamilyHandle(handle).ok());
    }
    ASSERT_TRUE(db->Close().ok());
    delete db;
  }

  ScopedTempDir dir_;
};

TEST_F(RocksDbStoreTest, EveryFamilyPersistsAcrossReopen) {
  {
    auto store = OpenOrDie();
    ASSERT_NE(store, nullptr);
    WriteBatch batch;
    for (Family family : kAllFamilies) {
      if (family == Family::kMeta) continue;
      batch.Put(family, "key", std::string(FamilyName(family)));
      batch.Put(family, "gone", "x");
      batch.Delete(family, "gone");
    }
    ASSERT_TRUE(store->Write(batch).ok());
  }
  auto store = OpenOrDie();
  ASSERT_NE(store, nullptr);
  for (Family family : kAllFamilies) {
    if (family == Family::kMeta) continue;
    EXPECT_EQ(store->Get(family, "key").value(), FamilyName(family));
    EXPECT_EQ(store->Get(family, "gone").status().code(), absl::StatusCode::kNotFound);
  }
}

TEST_F(RocksDbStoreTest, UnsyncedWritesPersistAcrossCleanClose) {
  StoreOptions options = Options();
  options.sync_writes = false;
  {
    auto store = RocksDbStore::Open(options);
    ASSERT_TRUE(store.ok()) << store.status();
    WriteBatch batch;
    batch.Put(Family::kOffers, "o1", "offer");
    ASSERT_TRUE((*store)->Write(batch).ok());
  }
  auto store = OpenOrDie();
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(store->Get(Family::kOffers, "o1").value(), "offer");
}

TEST_F(RocksDbStoreTest, CreatesMissingParentFolders) {
  StoreOptions options = Options();
  options.path = dir_.Sub("a/b/c");
  auto store = RocksDbStore::Open(options);
  ASSERT_TRUE(store.ok()) << store.status();
  EXPECT_EQ((*store)->path(), options.path);
}

TEST_F(RocksDbStoreTest, EmptyPathIsInvalidArgument) {
  const absl::Status status = RocksDbStore::Open(StoreOptions()).status();
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(status.message(), HasSubstr("StoreOptions.path"));
}

TEST_F(RocksDbStoreTest, OutOfRangeOptionsAreInvalidArgumentNamingTheField) {
  StoreOptions small_buffer = Options();
  small_buffer.write_buffer_bytes = 1000;
  EXPECT_THAT(RocksDbStore::Open(small_buffer).status().message(),
              HasSubstr("StoreOptions.write_buffer_bytes"));
  StoreOptions no_jobs = Options();
  no_jobs.max_background_jobs = 0;
  EXPECT_EQ(RocksDbStore::Open(no_jobs).status().code(),
            absl::StatusCode::kInvalidArgument);
  StoreOptions no_logs = Options();
  no_logs.info_log_files_to_keep = 0;
  EXPECT_THAT(RocksDbStore::Open(no_logs).status().message(),
              HasSubstr("StoreOptions.info_log_files_to_keep"));
}

TEST_F(RocksDbStoreTest, MissingStoreWithoutCreateIfMissingIsNotFound) {
  StoreOptions options = Options();
  options.create_if_missing = false;
  const absl::Status status = RocksDbStore::Open(options).status();
  EXPECT_EQ(status.code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(status.message(), HasSubstr("create_if_missing"));
}

TEST_F(RocksDbStoreTest, SecondOpenOfTheSameFolderIsUnavailable) {
  auto first = OpenOrDie();
  ASSERT_NE(first, nullptr);
  const absl::Status second = RocksDbStore::Open(Options()).status();
  EXPECT_EQ(second.code(), absl::StatusCode::kUnavailable);
  EXPECT_THAT(second.message(), HasSubstr("lock"));
}

TEST_F(RocksDbStoreTest, CreationWritesTheSchemaVersion) {
  auto store = OpenOrDie();
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(store->Get(Family::kMeta, RocksDbStore::kSchemaVersionKey).value(),
            absl::StrCat(RocksDbStore::kSchemaVersion));
}

TEST_F(RocksDbStoreTest, NewerSchemaVersionIsFailedPrecondition) {
  {
    auto store = OpenOrDie();
    ASSERT_NE(store, nullptr);
    WriteBatch batch;
    batch.Put(Family::kMeta, RocksDbStore::kSchemaVersionKey,
              absl::StrCat(RocksDbStore::kSchemaVersion + 1));
    ASSERT_TRUE(store->Write(batch).ok());
  }
  const absl::Status status = RocksDbStore::Open(Options()).status();
  EXPECT_EQ(status.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(
      status.message(),
      HasSubstr(absl::StrCat("schema version ", RocksDbStore::kSchemaVersion + 1)));
  EXPECT_THAT(status.message(), HasSubstr("newer azubimatch"));
}

TEST_F(RocksDbStoreTest, UnreadableSchemaVersionIsDataLoss) {
  {
    auto store = OpenOrDie();
    ASSERT_NE(store, nullptr);
    WriteBatch batch;
    batch.Put(Family::kMeta, RocksDbStore::kSchemaVersionKey, "one");
    ASSERT_TRUE(store->Write(batch).ok());
  }
  const absl::Status status = RocksDbStore::Open(Options()).status();
  EXPECT_EQ(status.code(), absl::StatusCode::kDataLoss);
  EXPECT_THAT(status.message(), HasSubstr("'one'"));
}

TEST_F(RocksDbStoreTest, ForeignDatabaseIsFailedPrecondition) {
  CreateRawDatabase({"default", "users"}, "k");
  const absl::Status status = RocksDbStore::Open(Options()).status();
  EXPECT_EQ(status.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(status.message(), HasSubstr("users"));
}

TEST_F(RocksDbStoreTest, DatabaseWithDataButNoSchemaVersionIsFailedPrecondition) {
  CreateRawDatabase({"default"}, "k");
  const absl::Status status = RocksDbStore::Open(Options()).status();
  EXPECT_EQ(status.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(status.message(), HasSubstr("no schema version"));
}

TEST_F(RocksDbStoreTest, InterruptedCreationIsCompletedOnOpen) {
  CreateRawDatabase({"default", "meta", "candidates"}, "");
  auto store = OpenOrDie();
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(store->Get(Family::kMeta, RocksDbStore::kSchemaVersionKey).value(),
            absl::StrCat(RocksDbStore::kSchemaVersion));
  WriteBatch batch;
  batch.Put(Family::kErasures, "h", "v");
  EXPECT_TRUE(store->Write(batch).ok());
}

TEST_F(RocksDbStoreTest, FamilyUnknownToThisBuildIsKeptOpen) {
  {
    auto store = OpenOrDie();
    ASSERT_NE(store, nullptr);
  }
  {
    // A later build added a family; this build must still open the store.
    rocksdb::DB* db = nullptr;
    std::vector<std::string> names;
    ASSERT_TRUE(
        rocksdb::DB::ListColumnFamilies(rocksdb::DBOptions(), Options().path, &names)
            .ok());
    std::vector<rocksdb::ColumnFamilyDescriptor> descriptors;
    for (const std::string& name : names)
      descriptors.emplace_back(name, rocksdb::ColumnFamilyOptions());
    std::vector<rocksdb::ColumnFamilyHandle*> handles;
    ASSERT_TRUE(rocksdb::DB::Open(rocksdb::DBOptions(), Options().path, descriptors,
                                  &handles, &db)
                    .ok());
    rocksdb::ColumnFamilyHandle* added = nullptr;
    ASSERT_TRUE(
        db->CreateColumnFamily(rocksdb::ColumnFamilyOptions(), "future", &added).ok());
    handles.push_back(added);
    for (rocksdb::ColumnFamilyHandle* handle : handles)
      ASSERT_TRUE(db->DestroyColumnFamilyHandle(handle).ok());
    ASSERT_TRUE(db->Close().ok());
    delete db;
  }
  auto store = OpenOrDie();
  ASSERT_NE(store, nullptr);
  EXPECT_TRUE(store->ForceOutAll().ok());
}

}  // namespace
}  // namespace azubimatch::service
