// The KvStore contract, checked against every implementation (RocksDbStore on a real
// data folder, MemoryStore), so that the two cannot drift apart.
#include <algorithm>
#include <atomic>
#include <memory>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "service/store/kv_store.h"
#include "service/store/memory_store.h"
#include "service/store/rocksdb_store.h"
#include "tests/service/store/scoped_temp_dir.h"

namespace azubimatch::service {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Pair;
using Entries = std::vector<std::pair<std::string, std::string>>;

struct RocksDbStoreMaker {
  static std::unique_ptr<KvStore> Make(const ScopedTempDir& dir) {
    StoreOptions options;
    options.path = dir.Sub("data");
    auto store = RocksDbStore::Open(options);
    if (!store.ok()) {
      ADD_FAILURE() << store.status();
      return nullptr;
    }
    return std::move(store).value();
  }
};

struct MemoryStoreMaker {
  static std::unique_ptr<KvStore> Make(const ScopedTempDir&) {
    return std::make_unique<MemoryStore>();
  }
};

struct MakerNames {
  template <typename T>
  static std::string GetName(int) {
    return std::is_same_v<T, RocksDbStoreMaker> ? "RocksDbStore" : "MemoryStore";
  }
};

template <typename Maker>
class KvStoreContractTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = Maker::Make(dir_);
    ASSERT_NE(store_, nullptr);
  }

  absl::Status Put(Family family, std::string_view key, std::string_view value) {
    WriteBatch batch;
    batch.Put(family, key, value);
    return store_->Write(batch);
  }

  Entries ScanAll(Family family, std::string_view start = "", std::string_view end = "") {
    Entries entries;
    absl::Status status = store_->Scan(family, start, end, [&](auto key, auto value) {
      entries.emplace_back(std::string(key), std::string(value));
      return true;
    });
    EXPECT_TRUE(status.ok()) << status;
    return entries;
  }

  Entries ScanPrefix(Family family, std::string_view prefix) {
    Entries entries;
    absl::Status status = store_->ScanPrefix(family, prefix, [&](auto key, auto value) {
      entries.emplace_back(std::string(key), std::string(value));
      return true;
    });
    EXPECT_TRUE(status.ok()) << status;
    return entries;
  }

  ScopedTempDir dir_;
  std::unique_ptr<KvStore> store_;
};

using StoreMakers = ::testing::Types<RocksDbStoreMaker, MemoryStoreMaker>;
TYPED_TEST_SUITE(KvStoreContractTest, StoreMakers, MakerNames);

constexpr Family kUnknownFamily = static_cast<Family>(99);

TYPED_TEST(KvStoreContractTest, PutThenGetRoundTripsInEveryFamily) {
  for (Family family : kAllFamilies) {
    const std::string value = absl::StrCat("value of ", std::string(FamilyName(family)),
                                           std::string("\0\xff\x01", 3));
    ASSERT_TRUE(this->Put(family, "shared-key", value).ok());
  }
  for (Family family : kAllFamilies) {
    auto value = this->store_->Get(family, "shared-key");
    ASSERT_TRUE(value.ok()) << value.status();
    EXPECT_EQ(*value, absl::StrCat("value of ", std::string(FamilyName(family)),
                                   std::string("\0\xff\x01", 3)));
  }
}

TYPED_TEST(KvStoreContractTest, FamiliesAreSeparateKeySpaces) {
  ASSERT_TRUE(this->Put(Family::kCandidates, "c1", "candidate").ok());
  EXPECT_EQ(this->store_->Get(Family::kCompanies, "c1").status().code(),
            absl::StatusCode::kNotFound);
  EXPECT_TRUE(this->ScanAll(Family::kOffers).empty());
}

TYPED_TEST(KvStoreContractTest, GetOfMissingKeyIsNotFound) {
  EXPECT_EQ(this->store_->Get(Family::kOffers, "nope").status().code(),
            absl::StatusCode::kNotFound);
}

TYPED_TEST(KvStoreContractTest, PutOverwritesEarlierValue) {
  ASSERT_TRUE(this->Put(Family::kOffers, "o1", "first").ok());
  ASSERT_TRUE(this->Put(Family::kOffers, "o1", "second").ok());
  EXPECT_EQ(this->store_->Get(Family::kOffers, "o1").value(), "second");
}

TYPED_TEST(KvStoreContractTest, EmptyAndLargeBinaryValuesRoundTrip) {
  std::string large(1 << 20, '\0');
  for (size_t i = 0; i < large.size(); ++i) large[i] = static_cast<char>(i * 131 % 251);
  ASSERT_TRUE(this->Put(Family::kRuns, "empty", "").ok());
  ASSERT_TRUE(this->Put(Family::kRuns, "large", large).ok());
  EXPECT_EQ(this->store_->Get(Family::kRuns, "empty").value(), "");
  EXPECT_EQ(this->store_->Get(Family::kRuns, "large").value(), large);
}

TYPED_TEST(KvStoreContractTest, DeleteRemovesKeyAndDeletingMissingKeyIsOk) {
  ASSERT_TRUE(this->Put(Family::kCompanies, "k", "v").ok());
  WriteBatch batch;
  batch.Delete(Family::kCompanies, "k");
  batch.Delete(Family::kCompanies, "never-written");
  ASSERT_TRUE(this->store_->Write(batch).ok());
  EXPECT_EQ(this->store_->Get(Family::kCompanies, "k").status().code(),
            absl::StatusCode::kNotFound);
}

TYPED_TEST(KvStoreContractTest, BatchAppliesOperationsInOrderAcrossFamilies) {
  WriteBatch batch;
  batch.Put(Family::kCandidates, "c1", "one");
  batch.Delete(Family::kCandidates, "c1");
  batch.Put(Family::kCandidates, "c1", "two");
  batch.Put(Family::kIndex, "ext/42", "c1");
  batch.Put(Family::kAudit, "0001", "created c1");
  ASSERT_TRUE(this->store_->Write(batch).ok());
  EXPECT_EQ(this->store_->Get(Family::kCandidates, "c1").value(), "two");
  EXPECT_EQ(this->store_->Get(Family::kIndex, "ext/42").value(), "c1");
  EXPECT_EQ(this->store_->Get(Family::kAudit, "0001").value(), "created c1");
}

TYPED_TEST(KvStoreContractTest, EmptyBatchIsOk) {
  EXPECT_TRUE(this->store_->Write(WriteBatch()).ok());
}

TYPED_TEST(KvStoreContractTest, BatchWithUnknownFamilyIsRefusedWhole) {
  ASSERT_TRUE(this->Put(Family::kOffers, "kept", "old").ok());
  WriteBatch batch;
  batch.Put(Family::kOffers, "o1", "v");
  batch.Delete(Family::kOffers, "kept");
  batch.Put(kUnknownFamily, "x", "v");
  const absl::Status status = this->store_->Write(batch);
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(status.message(), HasSubstr("batch.ops[2].family"));
  EXPECT_EQ(this->store_->Get(Family::kOffers, "o1").status().code(),
            absl::StatusCode::kNotFound);
  EXPECT_EQ(this->store_->Get(Family::kOffers, "kept").value(), "old");
}

TYPED_TEST(KvStoreContractTest, BatchWithEmptyKeyIsRefusedWhole) {
  WriteBatch batch;
  batch.Put(Family::kMembers, "m1", "v");
  batch.Put(Family::kMembers, "", "v");
  const absl::Status status = this->store_->Write(batch);
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(status.message(), HasSubstr("batch.ops[1].key"));
  EXPECT_TRUE(this->ScanAll(Family::kMembers).empty());
}

TYPED_TEST(KvStoreContractTest, ReadsOfUnknownFamilyAreInvalidArgument) {
  EXPECT_EQ(this->store_->Get(kUnknownFamily, "k").status().code(),
            absl::StatusCode::kInvalidArgument);
  const absl::Status scan =
      this->store_->Scan(kUnknownFamily, "", "", [](auto, auto) { return true; });
  EXPECT_EQ(scan.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(scan.message(), HasSubstr("family"));
}

TYPED_TEST(KvStoreContractTest, ScanVisitsKeysInBytewiseOrder) {
  const std::vector<std::string> keys = {"b", std::string("a\0", 2), "\xff", "ab",
                                         "a", std::string("\0", 1),  "B",    "aa"};
  for (const std::string& key : keys)
    ASSERT_TRUE(this->Put(Family::kIndex, key, key).ok());
  std::vector<std::string> expected = keys;
  std::sort(expected.begin(), expected.end());  // std::string compares bytes unsigned
  std::vector<std::string> visited;
  for (const auto& [key, value] : this->ScanAll(Family::kIndex)) {
    EXPECT_EQ(key, value);
    visited.push_back(key);
  }
  EXPECT_EQ(visited, expected);
}

TYPED_TEST(KvStoreContractTest, ScanBoundsAreHalfOpen) {
  for (const char* key : {"a", "b", "c", "d"}) {
    ASSERT_TRUE(this->Put(Family::kRuns, key, "v").ok());
  }
  auto keys = [&](std::string_view start, std::string_view end) {
    std::vector<std::string> out;
    for (auto& [key, value] : this->ScanAll(Family::kRuns, start, end))
      out.push_back(key);
    return out;
  };
  EXPECT_THAT(keys("b", "d"), ElementsAre("b", "c"));
  EXPECT_THAT(keys("bb", "c"), ElementsAre());
  EXPECT_THAT(keys("b", ""), ElementsAre("b", "c", "d"));
  EXPECT_THAT(keys("", "b"), ElementsAre("a"));
  EXPECT_THAT(keys("c", "b"), ElementsAre());
  EXPECT_THAT(keys("c", "c"), ElementsAre());
}

TYPED_TEST(KvStoreContractTest, ScanStopsWhenVisitorReturnsFalse) {
  for (const char* key : {"a", "b", "c"})
    ASSERT_TRUE(this->Put(Family::kRuns, key, "v").ok());
  std::vector<std::string> visited;
  ASSERT_TRUE(this->store_
                  ->Scan(Family::kRuns, "", "",
                         [&](auto key, auto) {
                           visited.emplace_back(key);
                           return visited.size() < 2;
                         })
                  .ok());
  EXPECT_THAT(visited, ElementsAre("a", "b"));
}

TYPED_TEST(KvStoreContractTest, ScanPrefixVisitsExactlyTheKeysWithThePrefix) {
  for (std::string key : {"cand/", "cand/1", "cand/2", "cand0", "canc/9", "company/1",
                          "\xff\xff", "\xff\xff\x01", "\xff\xfe"}) {
    ASSERT_TRUE(this->Put(Family::kIndex, key, "v").ok());
  }
  EXPECT_THAT(this->ScanPrefix(Family::kIndex, "cand/"),
              ElementsAre(Pair("cand/", "v"), Pair("cand/1", "v"), Pair("cand/2", "v")));
  EXPECT_THAT(this->ScanPrefix(Family::kIndex, "\xff\xff"),
              ElementsAre(Pair("\xff\xff", "v"), Pair("\xff\xff\x01", "v")));
  EXPECT_EQ(this->ScanPrefix(Family::kIndex, "").size(), 9u);
  EXPECT_TRUE(this->ScanPrefix(Family::kIndex, "zzz").empty());
}

TYPED_TEST(KvStoreContractTest, ScanSeesASnapshotAndVisitorMayWrite) {
  for (const char* key : {"a", "c"})
    ASSERT_TRUE(this->Put(Family::kAudit, key, "v").ok());
  std::vector<std::string> visited;
  ASSERT_TRUE(this->store_
                  ->Scan(Family::kAudit, "", "",
                         [&](auto key, auto) {
                           visited.emplace_back(key);
                           // Written during the scan, inside its range: not visited.
                           EXPECT_TRUE(this->Put(Family::kAudit, "b", "late").ok());
                           EXPECT_TRUE(this->Put(Family::kAudit, "d", "late").ok());
                           return true;
                         })
                  .ok());
  EXPECT_THAT(visited, ElementsAre("a", "c"));
  EXPECT_EQ(this->ScanAll(Family::kAudit).size(), 4u);
}

TYPED_TEST(KvStoreContractTest, ConcurrentWritersLandEveryBatchAtomically) {
  constexpr int kThreads = 4;
  constexpr int kBatchesPerThread = 60;
  std::atomic<bool> done{false};
  std::atomic<int> torn{0};
  // A reader checks that a record is never visible without its index entry.
  std::thread reader([&] {
    while (!done.load()) {
      for (const auto& [key, value] : this->ScanAll(Family::kCandidates)) {
        if (!this->store_->Get(Family::kIndex, "ext/" + key).ok()) ++torn;
      }
    }
  });
  std::vector<std::thread> writers;
  for (int t = 0; t < kThreads; ++t) {
    writers.emplace_back([&, t] {
      for (int i = 0; i < kBatchesPerThread; ++i) {
        const std::string id = absl::StrCat("t", t, "-", i);
        WriteBatch batch;
        batch.Put(Family::kIndex, "ext/" + id, id);
        batch.Put(Family::kCandidates, id, "record");
        EXPECT_TRUE(this->store_->Write(batch).ok());
      }
    });
  }
  for (std::thread& writer : writers) writer.join();
  done.store(true);
  reader.join();
  EXPECT_EQ(torn.load(), 0);
  EXPECT_EQ(this->ScanAll(Family::kCandidates).size(),
            size_t{kThreads * kBatchesPerThread});
  EXPECT_EQ(this->ScanAll(Family::kIndex).size(), size_t{kThreads * kBatchesPerThread});
}

TYPED_TEST(KvStoreContractTest, ForceOutKeepsLiveEntries) {
  for (const char* key : {"c1", "c2", "c3"}) {
    ASSERT_TRUE(this->Put(Family::kCandidates, key, "v").ok());
  }
  WriteBatch erase;
  erase.Delete(Family::kCandidates, "c2");
  ASSERT_TRUE(this->store_->Write(erase).ok());
  ASSERT_TRUE(this->store_->ForceOut(Family::kCandidates, "c2", "c3").ok());
  ASSERT_TRUE(this->store_->ForceOutAll().ok());
  EXPECT_THAT(this->ScanAll(Family::kCandidates),
              ElementsAre(Pair("c1", "v"), Pair("c3", "v")));
  ASSERT_TRUE(this->Put(Family::kCandidates, "c4", "v").ok());
  EXPECT_EQ(this->store_->Get(Family::kCandidates, "c4").value(), "v");
}

TYPED_TEST(KvStoreContractTest, ForceOutOfUnknownFamilyIsInvalidArgument) {
  const absl::Status status =
      this->store_->ForceOutRanges({{Family::kOffers, "", ""}, {kUnknownFamily, "", ""}});
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(status.message(), HasSubstr("ranges[1].family"));
}

}  // namespace
}  // namespace azubimatch::service
