// `matchd --restore-from`, end to end through the binary: records created, a backup
// made through Admin.CreateBackup, one candidate erased and another created after the
// backup, matchd stopped; then matchd started again on the same data folder with
// --restore-from. The backup's records come back, the erased candidate stays erased
// (erasures since the backup are applied again), the record created after the backup
// is gone with the rest of that later state, and the keys of the backup still work.
#include <memory>
#include <string>

#include "azubimatch/v1/admin.grpc.pb.h"
#include "azubimatch/v1/registry.grpc.pb.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"
#include "tests/e2e/matchd_process.h"
#include "tests/service/registry/sample_records.h"
#include "tests/service/server/authorized_channel.h"
#include "tests/service/store/scoped_temp_dir.h"

namespace azubimatch::service {
namespace {

// Creates a candidate with `external_id`; its id ("" when the call failed).
std::string CreateCandidate(v1::Registry::Stub& registry, const std::string& external_id) {
  grpc::ClientContext context;
  v1::CreateCandidateRequest request;
  *request.mutable_candidate() = SampleCandidate(external_id);
  v1::Candidate candidate;
  const grpc::Status status = registry.CreateCandidate(&context, request, &candidate);
  EXPECT_TRUE(status.ok()) << status.error_message();
  return candidate.id();
}

grpc::StatusCode GetCandidateCode(v1::Registry::Stub& registry, const std::string& id) {
  grpc::ClientContext context;
  v1::GetRecordRequest request;
  request.set_id(id);
  v1::Candidate candidate;
  return registry.GetCandidate(&context, request, &candidate).error_code();
}

TEST(MatchdRestoreTest, RestoreBringsBackTheBackupAndKeepsLaterErasures) {
  ScopedTempDir dir;
  const std::string data_dir = dir.Sub("data");
  const std::string backup_dir = dir.Sub("backups");
  std::string kept, erased, later, officer;
  {
    MatchdProcess matchd(AZM_MATCHD_PATH, data_dir, dir.Sub("first.log"),
                         {"--backup-dir", backup_dir});
    ASSERT_TRUE(matchd.Start().ok());
    const std::string admin_key = matchd.AdminKey();
    ASSERT_FALSE(admin_key.empty());
    absl::StatusOr<std::string> officer_key =
        CreateOfficerKey(matchd.Channel(), admin_key, "Restore test");
    ASSERT_TRUE(officer_key.ok()) << officer_key.status();
    officer = *officer_key;
    auto registry = v1::Registry::NewStub(AuthorizedChannel(matchd.address(), officer));
    kept = CreateCandidate(*registry, "restore-kept");
    erased = CreateCandidate(*registry, "restore-erased");
    ASSERT_FALSE(kept.empty());
    ASSERT_FALSE(erased.empty());

    auto admin = v1::Admin::NewStub(AuthorizedChannel(matchd.address(), admin_key));
    grpc::ClientContext backup_call;
    v1::CreateBackupResponse backup;
    const grpc::Status backup_status = admin->CreateBackup(&backup_call, {}, &backup);
    ASSERT_TRUE(backup_status.ok()) << backup_status.error_message();

    auto data_protection =
        v1::DataProtection::NewStub(AuthorizedChannel(matchd.address(), officer));
    grpc::ClientContext erase_call;
    v1::EraseCandidateRequest erase_request;
    erase_request.set_id(erased);
    v1::EraseCandidateResponse erase_response;
    const grpc::Status erase_status =
        data_protection->EraseCandidate(&erase_call, erase_request, &erase_response);
    ASSERT_TRUE(erase_status.ok()) << erase_status.error_message();
    later = CreateCandidate(*registry, "restore-later");
    ASSERT_FALSE(later.empty());
    ASSERT_EQ(matchd.Stop(), 0) << matchd.Log();
  }

  MatchdProcess restored(AZM_MATCHD_PATH, data_dir, dir.Sub("second.log"),
                         {"--backup-dir", backup_dir, "--restore-from", backup_dir});
  ASSERT_TRUE(restored.Start().ok());
  auto registry = v1::Registry::NewStub(AuthorizedChannel(restored.address(), officer));
  EXPECT_EQ(GetCandidateCode(*registry, kept), grpc::StatusCode::OK) << restored.Log();
  EXPECT_EQ(GetCandidateCode(*registry, erased), grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(GetCandidateCode(*registry, later), grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(restored.Stop(), 0) << restored.Log();
}

}  // namespace
}  // namespace azubimatch::service
