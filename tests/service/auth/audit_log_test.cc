#include "service/auth/audit_log.h"

#include <memory>
#include <thread>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "gtest/gtest.h"
#include "service/auth/digest.h"
#include "service/store/rocksdb_store.h"
#include "tests/service/auth/temp_store.h"

namespace azubimatch::service {
namespace {

constexpr char kCandidateId[] = "cand0123456789ab";

Caller Officer() {
  Caller caller;
  caller.member_id = "member0000000001";
  caller.key_id = "key0000000000001";
  caller.role = Role::kOfficer;
  return caller;
}

AuditEvent Read(const std::string& kind, const std::string& id) {
  AuditEvent event;
  event.action = AuditAction::kRead;
  event.rpc = "/azubimatch.v1.Registry/GetCandidate";
  event.subject_kind = kind;
  event.subject_id = id;
  return event;
}

class AuditLogTest : public ::testing::Test {
 protected:
  void SetUp() override { Reopen(); }

  void Reopen() {
    log_.reset();
    store_.reset();
    store_ = OpenTempStore(dir_);
    ASSERT_NE(store_, nullptr);
    auto hasher = KeyedHasher::LoadOrCreate(store_.get());
    ASSERT_TRUE(hasher.ok()) << hasher.status();
    auto log = AuditLog::Open(store_.get(), *hasher,
                              [] { return absl::FromUnixSeconds(1.7e9); });
    ASSERT_TRUE(log.ok()) << log.status();
    log_ = *std::move(log);
  }

  void AppendSome(int n) {
    for (int i = 0; i < n; ++i) {
      ASSERT_TRUE(log_->Append(Officer(), Read("offer", "offer00000000000")).ok());
    }
  }

  // Rewrites the stored entry `sequence` through `change`.
  void Tamper(uint64_t sequence, const std::function<void(v1::AuditEntry*)>& change) {
    std::string key = absl::StrFormat("%020u", sequence);
    auto value = store_->Get(Family::kAudit, key);
    ASSERT_TRUE(value.ok()) << value.status();
    v1::AuditEntry entry;
    ASSERT_TRUE(entry.ParseFromString(*value));
    change(&entry);
    WriteBatch batch;
    batch.Put(Family::kAudit, key, entry.SerializeAsString());
    ASSERT_TRUE(store_->Write(batch).ok());
  }

  ScopedTempDir dir_;
  std::unique_ptr<RocksDbStore> store_;
  std::unique_ptr<AuditLog> log_;
};

TEST_F(AuditLogTest, EntriesRecordWhoWhatWhenAndCodeInSequence) {
  AuditEvent event = Read("offer", "offer00000000001");
  event.code = absl::StatusCode::kNotFound;
  ASSERT_TRUE(log_->Append(Officer(), event).ok());
  ASSERT_TRUE(log_->Append(Officer(), Read("company", "")).ok());
  auto entries = log_->Read(0, 0);
  ASSERT_TRUE(entries.ok()) << entries.status();
  ASSERT_EQ(entries->size(), 2u);
  const v1::AuditEntry& first = (*entries)[0];
  EXPECT_EQ(first.sequence(), 1u);
  EXPECT_EQ(first.member_id(), "member0000000001");
  EXPECT_EQ(first.key_id(), "key0000000000001");
  EXPECT_EQ(first.action(), "read");
  EXPECT_EQ(first.rpc(), "/azubimatch.v1.Registry/GetCandidate");
  EXPECT_EQ(first.subject(), "offer:offer00000000001");
  EXPECT_EQ(first.code(), "NOT_FOUND");
  EXPECT_EQ(first.at().seconds(), 1700000000);
  EXPECT_EQ(first.previous_hash(), std::string(32, '\0'));
  EXPECT_EQ((*entries)[1].sequence(), 2u);
  EXPECT_EQ((*entries)[1].subject(), "company");
  EXPECT_EQ((*entries)[1].previous_hash(), first.hash());
  EXPECT_TRUE(log_->Verify().ok());
  auto after_first = log_->Read(1, 10);
  ASSERT_TRUE(after_first.ok());
  ASSERT_EQ(after_first->size(), 1u);
  EXPECT_EQ((*after_first)[0].sequence(), 2u);
}

TEST_F(AuditLogTest, CandidateIdsAreStoredOnlyAsKeyedHashes) {
  ASSERT_TRUE(log_->Append(Officer(), Read("candidate", kCandidateId)).ok());
  auto entries = log_->Read(0, 0);
  ASSERT_TRUE(entries.ok());
  ASSERT_EQ(entries->size(), 1u);
  const std::string& subject = (*entries)[0].subject();
  EXPECT_TRUE(absl::StartsWith(subject, "candidate:#")) << subject;
  EXPECT_EQ(subject.size(), std::string("candidate:#").size() + 64);
  // Not in any stored byte of the log.
  ASSERT_TRUE(store_
                  ->Scan(Family::kAudit, "", "",
                         [&](std::string_view, std::string_view value) {
                           EXPECT_EQ(value.find(kCandidateId), std::string_view::npos);
                           return true;
                         })
                  .ok());
  // The same id under another secret hashes differently; the same secret finds it.
  EXPECT_NE(KeyedHasher(std::string(32, 'x')).Hash(kCandidateId), subject.substr(11));
  auto found = log_->FindBySubject("candidate", kCandidateId);
  ASSERT_TRUE(found.ok());
  EXPECT_EQ(found->size(), 1u);
  auto other = log_->FindBySubject("candidate", "cand0000000000zz");
  ASSERT_TRUE(other.ok());
  EXPECT_TRUE(other->empty());
}

TEST_F(AuditLogTest, ChangedFieldIsDetectedByVerify) {
  AppendSome(5);
  ASSERT_TRUE(log_->Verify().ok());
  Tamper(3, [](v1::AuditEntry* e) { e->set_member_id("member0000000002"); });
  absl::Status status = log_->Verify();
  EXPECT_EQ(status.code(), absl::StatusCode::kDataLoss);
  EXPECT_TRUE(absl::StrContains(status.message(), "audit entry 3")) << status;
}

TEST_F(AuditLogTest, ChangedFieldWithRecomputedHashBreaksTheNextLink) {
  AppendSome(5);
  Tamper(2, [](v1::AuditEntry* e) {
    e->set_code("OK");
    e->set_action("write");
    e->set_hash(Sha256(e->previous_hash() + AuditLog::Canonical(*e)));
  });
  absl::Status status = log_->Verify();
  EXPECT_EQ(status.code(), absl::StatusCode::kDataLoss);
  EXPECT_TRUE(absl::StrContains(status.message(), "audit entry 3")) << status;
}

TEST_F(AuditLogTest, RemovedEntriesAreDetected) {
  AppendSome(5);
  WriteBatch middle;
  middle.Delete(Family::kAudit, absl::StrFormat("%020u", 3));
  ASSERT_TRUE(store_->Write(middle).ok());
  EXPECT_EQ(log_->Verify().code(), absl::StatusCode::kDataLoss);
}

TEST_F(AuditLogTest, RemovedTailIsDetected) {
  AppendSome(5);
  WriteBatch tail;
  tail.Delete(Family::kAudit, absl::StrFormat("%020u", 5));
  ASSERT_TRUE(store_->Write(tail).ok());
  absl::Status status = log_->Verify();
  EXPECT_EQ(status.code(), absl::StatusCode::kDataLoss);
  EXPECT_TRUE(absl::StrContains(status.message(), "audit entry 5")) << status;
}

TEST_F(AuditLogTest, ChainContinuesAcrossReopen) {
  AppendSome(3);
  Reopen();
  EXPECT_EQ(log_->last_sequence(), 3u);
  AppendSome(2);
  EXPECT_TRUE(log_->Verify().ok());
  auto entries = log_->Read(0, 0);
  ASSERT_TRUE(entries.ok());
  ASSERT_EQ(entries->size(), 5u);
  EXPECT_EQ((*entries)[3].previous_hash(), (*entries)[2].hash());
}

TEST_F(AuditLogTest, ConcurrentAppendsFormOneGaplessVerifiedChain) {
  constexpr int kThreads = 8;
  constexpr int kPerThread = 100;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kPerThread; ++i) {
        EXPECT_TRUE(
            log_->Append(Officer(), Read("offer", absl::StrCat("t", t, "i", i))).ok());
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(log_->last_sequence(), static_cast<uint64_t>(kThreads * kPerThread));
  EXPECT_TRUE(log_->Verify().ok());
  auto entries = log_->Read(0, 1000);
  ASSERT_TRUE(entries.ok());
  ASSERT_EQ(entries->size(), static_cast<size_t>(kThreads * kPerThread));
  for (size_t i = 0; i < entries->size(); ++i) EXPECT_EQ((*entries)[i].sequence(), i + 1);
}

TEST_F(AuditLogTest, ReadRefusesNegativeLimitAndCapsLargeOnes) {
  AppendSome(3);
  EXPECT_EQ(log_->Read(0, -1).status().code(), absl::StatusCode::kInvalidArgument);
  auto capped = log_->Read(0, 1 << 30);
  ASSERT_TRUE(capped.ok());
  EXPECT_EQ(capped->size(), 3u);
  auto none = log_->Read(UINT64_MAX, 10);
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->empty());
}

}  // namespace
}  // namespace azubimatch::service
