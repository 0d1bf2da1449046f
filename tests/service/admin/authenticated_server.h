// Test support: matchd as it runs, in process, on 127.0.0.1:0 over a real RocksDB
// folder: Server::Open (store, access control, <data>/admin.key, the Registry and Admin
// services), every installer of InstalledServices() (Matching, DataProtection), then
// Start() with the authenticated credentials and the audit interceptor. The bootstrap
// admin key is read back from <data>/admin.key. Plus helpers to make members and keys,
// and a member's officer with a company, an offer and a candidate (OfficerWithRecords).
// Sync writes and the request log are off: the tests need neither durability nor log
// lines. The backup folder lies in the temporary folder, beside the data folder.
//
// Thread safety: construct and destroy on one thread; the channel and the server's
// pieces may be used from any thread while it runs.
#ifndef AZUBIMATCH_TESTS_SERVICE_ADMIN_AUTHENTICATED_SERVER_H_
#define AZUBIMATCH_TESTS_SERVICE_ADMIN_AUTHENTICATED_SERVER_H_

#include <fstream>
#include <memory>
#include <string>
#include <utility>

#include "absl/time/time.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"
#include "service/auth/access_control.h"
#include "service/auth/bootstrap.h"
#include "service/auth/caller.h"
#include "service/registry/record_store.h"
#include "service/server/installed_services.h"
#include "service/server/server.h"
#include "tests/service/registry/sample_records.h"
#include "tests/service/store/scoped_temp_dir.h"

namespace azubimatch::service {

class AuthenticatedServer {
 public:
  AuthenticatedServer() {
    ServerOptions options;
    options.listen_address = "127.0.0.1:0";
    options.data_dir = dir_.Sub("data");
    options.backup_dir = dir_.Sub("backups");
    options.sync_writes = false;
    options.log_requests = false;
    absl::StatusOr<std::unique_ptr<Server>> server = Server::Open(options);
    EXPECT_TRUE(server.ok()) << server.status();
    if (!server.ok()) return;
    server_ = *std::move(server);
    for (const ServiceInstaller& install : InstalledServices()) {
      absl::Status installed = install(*server_);
      EXPECT_TRUE(installed.ok()) << installed;
      if (!installed.ok()) return;
    }
    absl::Status started = server_->Start();
    EXPECT_TRUE(started.ok()) << started;
    if (!started.ok()) return;
    std::ifstream(options.data_dir + "/" + std::string(kAdminKeyFileName)) >> admin_key_;
    channel_ = grpc::CreateChannel(address(), grpc::InsecureChannelCredentials());
  }
  ~AuthenticatedServer() {
    if (server_ != nullptr) server_->Shutdown(absl::ZeroDuration());
  }

  AuthenticatedServer(const AuthenticatedServer&) = delete;
  AuthenticatedServer& operator=(const AuthenticatedServer&) = delete;

  bool ok() const {
    return server_ != nullptr && server_->port() != 0 && !admin_key_.empty();
  }
  std::string address() const { return server_->bound_address(); }
  const std::shared_ptr<grpc::Channel>& channel() const { return channel_; }
  const std::string& admin_key() const { return admin_key_; }
  Server& server() { return *server_; }
  AccessControl& access() { return *server_->access(); }
  RecordStore& records() { return *server_->records(); }

  std::string NewMember(const std::string& name) {
    auto member = access().members().Create(name);
    EXPECT_TRUE(member.ok()) << member.status();
    return member.ok() ? member->id() : "";
  }
  CreatedApiKey NewKey(const std::string& member_id, const std::string& role) {
    v1::CreateApiKeyRequest request;
    request.set_member_id(member_id);
    request.set_role(role);
    auto created = access().keys().Create(request);
    EXPECT_TRUE(created.ok()) << created.status();
    return created.ok() ? *created : CreatedApiKey{};
  }

  // A new member's officer key and the sample company, offer and candidate
  // (tests/service/registry/sample_records.h) the member owns.
  struct OfficerRecords {
    std::string member_id;
    std::string key;
    std::string offer_id;
    std::string candidate_id;
  };
  OfficerRecords OfficerWithRecords(const std::string& member_name) {
    OfficerRecords out;
    out.member_id = NewMember(member_name);
    out.key = NewKey(out.member_id, "officer").key;
    Caller officer;
    officer.member_id = out.member_id;
    officer.role = Role::kOfficer;
    auto company = records().Create(officer, SampleCompany());
    EXPECT_TRUE(company.ok()) << company.status();
    if (!company.ok()) return out;
    auto offer = records().Create(officer, SampleOffer(company->id()));
    auto candidate = records().Create(officer, SampleCandidate());
    EXPECT_TRUE(offer.ok() && candidate.ok()) << offer.status() << candidate.status();
    if (offer.ok()) out.offer_id = offer->id();
    if (candidate.ok()) out.candidate_id = candidate->id();
    return out;
  }

 private:
  ScopedTempDir dir_;
  std::unique_ptr<Server> server_;
  std::string admin_key_;
  std::shared_ptr<grpc::Channel> channel_;
};

// Calls `method` of `stub` with `key` as the bearer API key.
template <typename Stub, typename Method, typename Request, typename Response>
grpc::Status CallWithKey(const std::string& key, Stub& stub, Method method,
                         const Request& request, Response* response) {
  grpc::ClientContext context;
  context.AddMetadata("authorization", "Bearer " + key);
  return (stub.*method)(&context, request, response);
}

}  // namespace azubimatch::service

#endif  // AZUBIMATCH_TESTS_SERVICE_ADMIN_AUTHENTICATED_SERVER_H_
