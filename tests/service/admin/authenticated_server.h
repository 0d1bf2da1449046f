// Test support: matchd's services assembled with access control, in process, on
// 127.0.0.1:0 over a real RocksDB folder: the Registry and Admin services behind the
// authenticated credentials, the API-key caller resolver and the audit interceptor,
// with the bootstrap admin key read back from <data>/admin.key. Plus helpers to make
// members and keys. Sync writes are off: the tests need no durability.
#ifndef AZUBIMATCH_TESTS_SERVICE_ADMIN_AUTHENTICATED_SERVER_H_
#define AZUBIMATCH_TESTS_SERVICE_ADMIN_AUTHENTICATED_SERVER_H_

#include <fstream>
#include <memory>
#include <string>

#include "absl/strings/str_cat.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"
#include "service/admin/admin_service.h"
#include "service/auth/access_control.h"
#include "service/registry/record_store.h"
#include "service/registry/registry_service.h"
#include "service/store/rocksdb_store.h"
#include "tests/service/auth/temp_store.h"

namespace azubimatch::service {

class AuthenticatedServer {
 public:
  AuthenticatedServer() {
    store_ = OpenTempStore(dir_);
    if (store_ == nullptr) return;
    auto access = AccessControl::Open(store_.get(), {});
    EXPECT_TRUE(access.ok()) << access.status();
    if (!access.ok()) return;
    access_ = *std::move(access);
    auto boot = access_->BootstrapAdminKey(dir_.Sub("data"));
    EXPECT_TRUE(boot.ok()) << boot.status();
    if (!boot.ok()) return;
    std::ifstream(boot->key_file) >> admin_key_;

    records_ = std::make_unique<RecordStore>(store_.get());
    registry_ = std::make_unique<RegistryService>(records_.get(), &access_->resolver());
    AdminServiceOptions admin_options;
    admin_options.backup_dir = dir_.Sub("backups");
    admin_ = std::make_unique<AdminService>(access_.get(), store_.get(), admin_options);

    auto credentials = access_->ServerCredentials(TlsServerOptions{});
    EXPECT_TRUE(credentials.ok()) << credentials.status();
    if (!credentials.ok()) return;
    grpc::EnableDefaultHealthCheckService(true);
    grpc::ServerBuilder builder;
    builder.AddListeningPort("127.0.0.1:0", *credentials, &port_);
    builder.RegisterService(registry_.get());
    builder.RegisterService(admin_.get());
    std::vector<std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>>
        creators;
    creators.push_back(access_->NewAuditInterceptorFactory());
    builder.experimental().SetInterceptorCreators(std::move(creators));
    server_ = builder.BuildAndStart();
    EXPECT_NE(server_, nullptr);
    channel_ = grpc::CreateChannel(address(), grpc::InsecureChannelCredentials());
  }
  ~AuthenticatedServer() {
    if (server_ != nullptr) server_->Shutdown();
  }

  bool ok() const { return server_ != nullptr && port_ != 0 && !admin_key_.empty(); }
  std::string address() const { return absl::StrCat("127.0.0.1:", port_); }
  const std::shared_ptr<grpc::Channel>& channel() const { return channel_; }
  const std::string& admin_key() const { return admin_key_; }
  AccessControl& access() { return *access_; }
  RecordStore& records() { return *records_; }

  std::string NewMember(const std::string& name) {
    auto member = access_->members().Create(name);
    EXPECT_TRUE(member.ok()) << member.status();
    return member.ok() ? member->id() : "";
  }
  CreatedApiKey NewKey(const std::string& member_id, const std::string& role) {
    v1::CreateApiKeyRequest request;
    request.set_member_id(member_id);
    request.set_role(role);
    auto created = access_->keys().Create(request);
    EXPECT_TRUE(created.ok()) << created.status();
    return created.ok() ? *created : CreatedApiKey{};
  }

 private:
  ScopedTempDir dir_;
  std::unique_ptr<RocksDbStore> store_;
  std::unique_ptr<AccessControl> access_;
  std::string admin_key_;
  std::unique_ptr<RecordStore> records_;
  std::unique_ptr<RegistryService> registry_;
  std::unique_ptr<AdminService> admin_;
  int port_ = 0;
  std::unique_ptr<grpc::Server> server_;
  std::shared_ptr<grpc::Channel> channel_;
};

}  // namespace azubimatch::service

#endif  // AZUBIMATCH_TESTS_SERVICE_ADMIN_AUTHENTICATED_SERVER_H_
