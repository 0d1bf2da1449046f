// ExportCandidate on a real RocksDB store: the record, placements, proposals in stored
// runs and audit entries about the person; access as for reads of the record.
#include "service/data_protection/candidate_export.h"

#include <memory>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "service/store/rocksdb_store.h"
#include "tests/service/data_protection/erasure_fixture.h"
#include "tests/service/store/scoped_temp_dir.h"

namespace azubimatch::service {
namespace {

using ::testing::SizeIs;

class CandidateExportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    StoreOptions options;
    options.path = dir_.Sub("data");
    store_ = RocksDbStore::Open(options).value();
    records_ = std::make_unique<RecordStore>(store_.get());
    audit_ = AuditLog::Open(store_.get(), KeyedHasher(kTestSecret)).value();
    seeded_ = SeedCandidate(*store_, *records_);
    AuditEvent read;
    read.action = AuditAction::kRead;
    read.subject_kind = "candidate";
    read.subject_id = seeded_.candidate_id;
    ASSERT_TRUE(audit_->Append(MakeCaller(Role::kOfficer, kMemberA), read).ok());
    read.subject_id = seeded_.other_id;
    ASSERT_TRUE(audit_->Append(MakeCaller(Role::kOfficer, kMemberA), read).ok());
  }

  ScopedTempDir dir_;
  std::unique_ptr<RocksDbStore> store_;
  std::unique_ptr<RecordStore> records_;
  std::unique_ptr<AuditLog> audit_;
  SeededCandidate seeded_;
};

TEST_F(CandidateExportTest, HoldsRecordPlacementsProposalsAndAccesses) {
  auto exported = ExportCandidate(MakeCaller(Role::kOfficer, kMemberA),
                                  seeded_.candidate_id, *records_, *store_, audit_.get());
  ASSERT_TRUE(exported.ok()) << exported.status();
  EXPECT_EQ(exported->candidate().id(), seeded_.candidate_id);
  EXPECT_EQ(exported->candidate().external_id(), seeded_.marker);
  ASSERT_THAT(exported->placements(), SizeIs(2));
  EXPECT_EQ(exported->placements(0).id(), seeded_.accepted_placement_id);
  EXPECT_EQ(exported->placements(1).id(), seeded_.rejected_placement_id);
  ASSERT_THAT(exported->proposals(), SizeIs(1));
  EXPECT_EQ(exported->proposals(0).offer_id(), seeded_.offer_id);
  EXPECT_EQ(exported->proposals(0).score(), 0.75);
  ASSERT_THAT(exported->accesses(), SizeIs(1));
  EXPECT_EQ(exported->accesses(0).action(), "read");
  EXPECT_EQ(exported->accesses(0).member_id(), kMemberA);
}

TEST_F(CandidateExportTest, AdminMayExportAnyCandidate) {
  EXPECT_TRUE(ExportCandidate(MakeCaller(Role::kAdmin, ""), seeded_.candidate_id,
                              *records_, *store_, audit_.get())
                  .ok());
}

TEST_F(CandidateExportTest, AnotherMembersCandidateIsNotFound) {
  auto exported = ExportCandidate(MakeCaller(Role::kPortal, kMemberB),
                                  seeded_.candidate_id, *records_, *store_, audit_.get());
  EXPECT_EQ(exported.status().code(), absl::StatusCode::kNotFound);
}

TEST_F(CandidateExportTest, AnalystIsPermissionDenied) {
  auto exported = ExportCandidate(MakeCaller(Role::kAnalyst, kMemberA),
                                  seeded_.candidate_id, *records_, *store_, audit_.get());
  EXPECT_EQ(exported.status().code(), absl::StatusCode::kPermissionDenied);
}

TEST_F(CandidateExportTest, MalformedIdIsInvalidArgument) {
  auto exported = ExportCandidate(MakeCaller(Role::kOfficer, kMemberA), "x", *records_,
                                  *store_, audit_.get());
  EXPECT_EQ(exported.status().code(), absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace azubimatch::service
