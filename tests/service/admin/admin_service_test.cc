#include "service/admin/admin_service.h"

#include <fstream>
#include <memory>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "azubimatch/v1/admin.grpc.pb.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"
#include "service/store/rocksdb_store.h"
#include "tests/service/auth/temp_store.h"

namespace azubimatch::service {
namespace {

class AdminServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = OpenTempStore(dir_);
    ASSERT_NE(store_, nullptr);
    auto access = AccessControl::Open(store_.get(), {});
    ASSERT_TRUE(access.ok()) << access.status();
    access_ = *std::move(access);
    auto boot = access_->BootstrapAdminKey(dir_.Sub("data"));
    ASSERT_TRUE(boot.ok() && boot->created) << boot.status();
    std::ifstream file(boot->key_file);
    std::getline(file, admin_key_);
    admin_key_id_ = boot->key_id;

    AdminServiceOptions admin_options;
    admin_options.backup_dir = dir_.Sub("backups");
    service_ = std::make_unique<AdminService>(access_.get(), store_.get(), admin_options);
    auto credentials = access_->ServerCredentials(TlsServerOptions{});
    ASSERT_TRUE(credentials.ok());
    grpc::ServerBuilder builder;
    builder.AddListeningPort("127.0.0.1:0", *credentials, &port_);
    builder.RegisterService(service_.get());
    server_ = builder.BuildAndStart();
    ASSERT_NE(server_, nullptr);
    stub_ = v1::Admin::NewStub(grpc::CreateChannel(absl::StrCat("127.0.0.1:", port_),
                                                   grpc::InsecureChannelCredentials()));
  }
  void TearDown() override {
    if (server_ != nullptr) server_->Shutdown();
  }

  std::unique_ptr<grpc::ClientContext> As(const std::string& key) {
    auto context = std::make_unique<grpc::ClientContext>();
    context->AddMetadata("authorization", "Bearer " + key);
    return context;
  }

  std::string NewMember(const std::string& name) {
    v1::CreateMemberRequest request;
    request.set_name(name);
    v1::Member member;
    grpc::Status status = stub_->CreateMember(As(admin_key_).get(), request, &member);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return member.id();
  }

  v1::CreateApiKeyResponse NewKey(const std::string& member_id, const std::string& role) {
    v1::CreateApiKeyRequest request;
    request.set_member_id(member_id);
    request.set_role(role);
    request.set_label("test");
    v1::CreateApiKeyResponse response;
    grpc::Status status = stub_->CreateApiKey(As(admin_key_).get(), request, &response);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return response;
  }

  ScopedTempDir dir_;
  std::unique_ptr<RocksDbStore> store_;
  std::unique_ptr<AccessControl> access_;
  std::string admin_key_;
  std::string admin_key_id_;
  std::unique_ptr<AdminService> service_;
  int port_ = 0;
  std::unique_ptr<grpc::Server> server_;
  std::unique_ptr<v1::Admin::Stub> stub_;
};

TEST_F(AdminServiceTest, BootstrapKeyCreatesMemberAndAWorkingOfficerKey) {
  std::string member_id = NewMember("Netzwerk Heilbronn");
  EXPECT_EQ(member_id.size(), 16u);
  v1::CreateApiKeyResponse key = NewKey(member_id, "officer");
  EXPECT_EQ(key.info().member_id(), member_id);
  EXPECT_EQ(key.info().role(), "officer");
  EXPECT_EQ(key.info().label(), "test");
  EXPECT_TRUE(absl::StartsWith(key.key(), "azm_" + key.info().id() + "_")) << key.key();
  // The officer is known (not UNAUTHENTICATED) but may not administer.
  v1::ListMembersResponse members;
  EXPECT_EQ(stub_->ListMembers(As(key.key()).get(), {}, &members).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
}

TEST_F(AdminServiceTest, BadRequestsNameTheField) {
  v1::Member member;
  grpc::Status empty_name = stub_->CreateMember(As(admin_key_).get(), {}, &member);
  EXPECT_EQ(empty_name.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(empty_name.error_message(), "name: must not be empty");

  v1::CreateApiKeyRequest request;
  request.set_role("superuser");
  v1::CreateApiKeyResponse response;
  grpc::Status bad_role = stub_->CreateApiKey(As(admin_key_).get(), request, &response);
  EXPECT_EQ(bad_role.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_TRUE(absl::StartsWith(bad_role.error_message(), "role:"))
      << bad_role.error_message();

  request.set_role("portal");
  request.set_member_id("nosuchmember0000");
  grpc::Status unknown = stub_->CreateApiKey(As(admin_key_).get(), request, &response);
  EXPECT_EQ(unknown.error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_TRUE(response.key().empty());

  v1::ApiKeyInfo info;
  v1::RevokeApiKeyRequest revoke;
  revoke.set_id("nosuchkey0000000");
  EXPECT_EQ(stub_->RevokeApiKey(As(admin_key_).get(), revoke, &info).error_code(),
            grpc::StatusCode::NOT_FOUND);
}

TEST_F(AdminServiceTest, RevokedKeyIsRefusedAtOnceAndLastAdminKeyStays) {
  std::string member_id = NewMember("Netzwerk Pforzheim");
  v1::CreateApiKeyResponse admin2 = NewKey("", "admin");
  v1::ListMembersResponse members;
  ASSERT_TRUE(stub_->ListMembers(As(admin2.key()).get(), {}, &members).ok());

  v1::RevokeApiKeyRequest revoke;
  revoke.set_id(admin2.info().id());
  v1::ApiKeyInfo revoked;
  ASSERT_TRUE(stub_->RevokeApiKey(As(admin_key_).get(), revoke, &revoked).ok());
  EXPECT_TRUE(revoked.has_revoked_at());
  EXPECT_EQ(stub_->ListMembers(As(admin2.key()).get(), {}, &members).error_code(),
            grpc::StatusCode::UNAUTHENTICATED);

  revoke.set_id(admin_key_id_);
  grpc::Status last = stub_->RevokeApiKey(As(admin_key_).get(), revoke, &revoked);
  EXPECT_EQ(last.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_TRUE(stub_->ListMembers(As(admin_key_).get(), {}, &members).ok());
}

TEST_F(AdminServiceTest, ListsMembersPagedAndKeysByMember) {
  std::string a = NewMember("Netzwerk A");
  std::string b = NewMember("Netzwerk B");
  NewMember("Netzwerk C");
  NewKey(a, "officer");
  NewKey(a, "analyst");
  NewKey(b, "portal");

  v1::ListMembersRequest page_request;
  page_request.set_page_size(2);
  v1::ListMembersResponse first, second;
  ASSERT_TRUE(stub_->ListMembers(As(admin_key_).get(), page_request, &first).ok());
  EXPECT_EQ(first.members_size(), 2);
  ASSERT_FALSE(first.next_page_token().empty());
  page_request.set_page_token(first.next_page_token());
  ASSERT_TRUE(stub_->ListMembers(As(admin_key_).get(), page_request, &second).ok());
  EXPECT_EQ(second.members_size(), 1);
  EXPECT_TRUE(second.next_page_token().empty());

  v1::ListApiKeysRequest keys_of_a;
  keys_of_a.set_member_id(a);
  v1::ListApiKeysResponse keys;
  ASSERT_TRUE(stub_->ListApiKeys(As(admin_key_).get(), keys_of_a, &keys).ok());
  ASSERT_EQ(keys.keys_size(), 2);
  for (const v1::ApiKeyInfo& info : keys.keys()) EXPECT_EQ(info.member_id(), a);
  v1::ListApiKeysResponse all;
  ASSERT_TRUE(stub_->ListApiKeys(As(admin_key_).get(), {}, &all).ok());
  EXPECT_EQ(all.keys_size(), 4);  // three and the bootstrap key
}

TEST_F(AdminServiceTest, ReadAuditShowsAdministrationAndReportsTampering) {
  std::string member_id = NewMember("Netzwerk Konstanz");
  v1::CreateApiKeyResponse key = NewKey(member_id, "officer");
  v1::ReadAuditResponse audit;
  ASSERT_TRUE(stub_->ReadAudit(As(admin_key_).get(), {}, &audit).ok());
  ASSERT_EQ(audit.entries_size(), 2);
  EXPECT_TRUE(audit.chain_intact());
  EXPECT_TRUE(audit.chain_problem().empty());
  EXPECT_EQ(audit.entries(0).rpc(), "/azubimatch.v1.Admin/CreateMember");
  EXPECT_EQ(audit.entries(0).subject(), "member:" + member_id);
  EXPECT_EQ(audit.entries(1).action(), "admin");
  EXPECT_EQ(audit.entries(1).subject(), "api_key:" + key.info().id());
  EXPECT_EQ(audit.entries(1).key_id(), admin_key_id_);
  // The key itself never enters the log.
  EXPECT_EQ(audit.SerializeAsString().find(key.key()), std::string::npos);

  v1::ReadAuditRequest after_first;
  after_first.set_after_sequence(1);
  after_first.set_limit(5);
  v1::ReadAuditResponse rest;
  ASSERT_TRUE(stub_->ReadAudit(As(admin_key_).get(), after_first, &rest).ok());
  ASSERT_EQ(rest.entries_size(), 1);
  EXPECT_EQ(rest.entries(0).sequence(), 2u);

  v1::AuditEntry changed = audit.entries(0);
  changed.set_subject("member:someoneelse00000");
  WriteBatch batch;
  batch.Put(Family::kAudit, absl::StrFormat("%020u", 1), changed.SerializeAsString());
  ASSERT_TRUE(store_->Write(batch).ok());
  v1::ReadAuditResponse tampered;
  ASSERT_TRUE(stub_->ReadAudit(As(admin_key_).get(), {}, &tampered).ok());
  EXPECT_FALSE(tampered.chain_intact());
  EXPECT_TRUE(absl::StrContains(tampered.chain_problem(), "audit entry 1"))
      << tampered.chain_problem();
}

TEST_F(AdminServiceTest, CreateBackupWritesNumberedBackups) {
  NewMember("Netzwerk Aalen");
  v1::CreateBackupResponse first, second;
  grpc::Status status = stub_->CreateBackup(As(admin_key_).get(), {}, &first);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(first.backup_dir(), dir_.Sub("backups"));
  EXPECT_EQ(first.backup_id(), 1u);
  EXPECT_GT(first.size_bytes(), 0);
  ASSERT_TRUE(stub_->CreateBackup(As(admin_key_).get(), {}, &second).ok());
  EXPECT_EQ(second.backup_id(), 2u);
}

TEST(AdminServiceWithoutBackupDirTest, CreateBackupIsFailedPrecondition) {
  ScopedTempDir dir;
  std::unique_ptr<RocksDbStore> store = OpenTempStore(dir);
  ASSERT_NE(store, nullptr);
  auto access = AccessControl::Open(store.get(), {});
  ASSERT_TRUE(access.ok());
  v1::CreateApiKeyRequest request;
  request.set_role("admin");
  auto key = (*access)->keys().Create(request);
  ASSERT_TRUE(key.ok());
  AdminService service(access->get(), store.get());
  auto credentials = (*access)->ServerCredentials(TlsServerOptions{});
  ASSERT_TRUE(credentials.ok());
  int port = 0;
  grpc::ServerBuilder builder;
  builder.AddListeningPort("127.0.0.1:0", *credentials, &port);
  builder.RegisterService(&service);
  auto server = builder.BuildAndStart();
  ASSERT_NE(server, nullptr);
  auto stub = v1::Admin::NewStub(grpc::CreateChannel(absl::StrCat("127.0.0.1:", port),
                                                     grpc::InsecureChannelCredentials()));
  grpc::ClientContext context;
  context.AddMetadata("authorization", "Bearer " + key->key);
  v1::CreateBackupResponse response;
  EXPECT_EQ(stub->CreateBackup(&context, {}, &response).error_code(),
            grpc::StatusCode::FAILED_PRECONDITION);
  server->Shutdown();
}

}  // namespace
}  // namespace azubimatch::service
