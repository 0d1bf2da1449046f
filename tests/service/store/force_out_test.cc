// Erasure leaves no trace: after a delete and ForceOut*, a unique marker stored as key
// and value is in no file of the data folder, neither as raw bytes nor in hex (as
// RocksDB's LOG would print a key), nor in what RocksDB's own tools decode.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "service/store/rocksdb_store.h"
#include "tests/service/store/scoped_temp_dir.h"

namespace azubimatch::service {
namespace {

using ::testing::IsEmpty;
using ::testing::Not;

constexpr Family kPersonalFamilies[] = {Family::kCandidates, Family::kIndex,
                                        Family::kRuns, Family::kPlacements,
                                        Family::kAudit};

std::string UniqueMarker() {
  std::random_device random;
  return absl::StrCat("erase-me-", random(), "-", random(), "-", random());
}

// The forms under which `marker` could show up in a file.
std::vector<std::string> Needles(const std::string& marker) {
  const std::string hex = absl::BytesToHexString(marker);
  return {marker, hex, absl::AsciiStrToUpper(hex)};
}

// "file: needle" for every file under `folder` that contains one of `needles`.
std::vector<std::string> FilesContaining(const std::string& folder,
                                         const std::vector<std::string>& needles) {
  std::vector<std::string> hits;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(folder)) {
    if (!entry.is_regular_file()) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)),
                            std::istreambuf_iterator<char>());
    for (const std::string& needle : needles) {
      if (bytes.find(needle) != std::string::npos) {
        hits.push_back(absl::StrCat(entry.path().filename().string(), ": ", needle));
      }
    }
  }
  return hits;
}

// What `command` prints on stdout (stderr discarded).
std::string Run(const std::string& command) {
  std::string output;
  FILE* pipe = popen((command + " 2>/dev/null").c_str(), "r");
  if (pipe == nullptr) return output;
  char buffer[4096];
  size_t n;
  while ((n = fread(buffer, 1, sizeof(buffer), pipe)) > 0) output.append(buffer, n);
  pclose(pipe);
  return output;
}

// Everything RocksDB's tools decode from `folder`: every family's entries, the
// manifest, every write-ahead log and every table file. Empty when the tools
// (Debian package rocksdb-tools) are missing.
std::string DecodedByTools(const std::string& folder) {
  if (!std::filesystem::exists("/usr/bin/ldb") ||
      !std::filesystem::exists("/usr/bin/sst_dump")) {
    return "";
  }
  std::string decoded =
      Run(absl::StrCat("/usr/bin/ldb --db=", folder, " manifest_dump --verbose"));
  std::vector<std::string> families = {"default"};
  for (Family family : kAllFamilies) families.emplace_back(FamilyName(family));
  for (const std::string& family : families) {
    decoded += Run(absl::StrCat("/usr/bin/ldb --db=", folder, " --column_family=", family,
                                " --try_load_options scan"));
  }
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    const std::string path = entry.path().string();
    if (entry.path().extension() == ".log") {
      decoded +=
          Run(absl::StrCat("/usr/bin/ldb dump_wal --print_value --walfile=", path));
    } else if (entry.path().extension() == ".sst") {
      decoded += Run(absl::StrCat("/usr/bin/sst_dump --command=scan --file=", path));
    }
  }
  return decoded;
}

class ForceOutTest : public ::testing::Test {
 protected:
  void SetUp() override {
    options_.path = dir_.Sub("data");
    auto store = RocksDbStore::Open(options_);
    ASSERT_TRUE(store.ok()) << store.status();
    store_ = std::move(store).value();
  }

  // Stores `marker_` as a key and as a value in every personal family, among other
  // entries, both in table files (flushed) and in the write-ahead log (rewritten).
  void StoreMarker() {
    for (int round = 0; round < 2; ++round) {
      WriteBatch batch;
      for (Family family : kPersonalFamilies) {
        for (int i = 0; i < 50; ++i) {
          batch.Put(family, absl::StrCat("other-", i), absl::StrCat("value-", i));
        }
        batch.Put(family, marker_, absl::StrCat("record of ", marker_));
        batch.Put(family, "ref-1", marker_);
      }
      ASSERT_TRUE(store_->Write(batch).ok());
      if (round == 0) {
        ASSERT_TRUE(store_->ForceOutAll().ok());  // into table files
      }
    }
  }

  void DeleteMarker() {
    WriteBatch batch;
    for (Family family : kPersonalFamilies) {
      batch.Delete(family, marker_);
      batch.Delete(family, "ref-1");
    }
    ASSERT_TRUE(store_->Write(batch).ok());
  }

  std::vector<KeyRange> MarkerRanges() const {
    std::vector<KeyRange> ranges;
    for (Family family : kPersonalFamilies) {
      ranges.push_back({family, marker_, marker_ + std::string(1, '\0')});
      ranges.push_back({family, "ref-1", "ref-2"});
    }
    return ranges;
  }

  void ExpectOtherEntriesKept() {
    for (Family family : kPersonalFamilies) {
      EXPECT_EQ(store_->Get(family, "other-7").value(), "value-7");
      EXPECT_EQ(store_->Get(family, marker_).status().code(),
                absl::StatusCode::kNotFound);
    }
  }

  ScopedTempDir dir_;
  StoreOptions options_;
  std::unique_ptr<RocksDbStore> store_;
  const std::string marker_ = UniqueMarker();
};

TEST_F(ForceOutTest, ErasedMarkerIsInNoFileAfterForceOutRanges) {
  StoreMarker();
  ASSERT_THAT(FilesContaining(options_.path, {marker_}), Not(IsEmpty()));
  const bool tools = std::filesystem::exists("/usr/bin/ldb");
  if (tools) {
    ASSERT_NE(DecodedByTools(options_.path).find(marker_), std::string::npos);
  }

  DeleteMarker();
  // A delete alone leaves the bytes in the log and the table files.
  ASSERT_THAT(FilesContaining(options_.path, {marker_}), Not(IsEmpty()));

  ASSERT_TRUE(store_->ForceOutRanges(MarkerRanges()).ok());
  EXPECT_THAT(FilesContaining(options_.path, Needles(marker_)), IsEmpty())
      << "while open";
  ExpectOtherEntriesKept();

  store_.reset();
  EXPECT_THAT(FilesContaining(options_.path, Needles(marker_)), IsEmpty())
      << "after close";
  if (tools) {
    EXPECT_EQ(DecodedByTools(options_.path).find(marker_), std::string::npos);
  }

  // Reopening replays the log and writes a new manifest: still nothing.
  auto reopened = RocksDbStore::Open(options_);
  ASSERT_TRUE(reopened.ok()) << reopened.status();
  store_ = std::move(reopened).value();
  ExpectOtherEntriesKept();
  store_.reset();
  EXPECT_THAT(FilesContaining(options_.path, Needles(marker_)), IsEmpty())
      << "after reopen";
}

TEST_F(ForceOutTest, ErasedMarkerIsInNoFileAfterForceOutAll) {
  StoreMarker();
  DeleteMarker();
  ASSERT_THAT(FilesContaining(options_.path, {marker_}), Not(IsEmpty()));
  ASSERT_TRUE(store_->ForceOutAll().ok());
  EXPECT_THAT(FilesContaining(options_.path, Needles(marker_)), IsEmpty());
  ExpectOtherEntriesKept();
  store_.reset();
  EXPECT_THAT(FilesContaining(options_.path, Needles(marker_)), IsEmpty());
}

TEST_F(ForceOutTest, WritesAfterForceOutStillPersist) {
  StoreMarker();
  DeleteMarker();
  ASSERT_TRUE(store_->ForceOut(Family::kCandidates, marker_, "").ok());
  WriteBatch batch;
  batch.Put(Family::kCandidates, "after", "v");
  ASSERT_TRUE(store_->Write(batch).ok());
  store_.reset();
  auto reopened = RocksDbStore::Open(options_);
  ASSERT_TRUE(reopened.ok()) << reopened.status();
  EXPECT_EQ((*reopened)->Get(Family::kCandidates, "after").value(), "v");
  EXPECT_EQ((*reopened)->Get(Family::kCandidates, "other-3").value(), "value-3");
}

}  // namespace
}  // namespace azubimatch::service
