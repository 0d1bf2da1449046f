#include <memory>

#include "absl/strings/match.h"
#include "gtest/gtest.h"
#include "service/auth/access_control.h"
#include "service/transport/tls_options.h"
#include "service/store/rocksdb_store.h"
#include "tests/service/auth/caller_echo_server.h"
#include "tests/service/auth/temp_store.h"
#include "tests/service/auth/test_certificates.h"

namespace azubimatch::service {
namespace {

constexpr char kListOffers[] = "/azubimatch.v1.Registry/ListOffers";

TEST(CheckListenSecurityTest, PlaintextOnlyOnLoopbackUnlessAllowed) {
  const TlsServerOptions plain;
  for (const char* local :
       {"127.0.0.1:50051", "127.1.2.3:1", "localhost:50051", "LOCALHOST:1", "[::1]:50051",
        "unix:/run/matchd.sock", "ipv4:127.0.0.1:5"}) {
    EXPECT_TRUE(CheckListenSecurity(local, plain, false).ok()) << local;
  }
  for (const char* remote :
       {"0.0.0.0:50051", "[::]:50051", "10.0.0.5:50051", "matchd.example.org:443",
        "128.0.0.1:1", "127.0.0.1.evil:1"}) {
    absl::Status status = CheckListenSecurity(remote, plain, false);
    EXPECT_EQ(status.code(), absl::StatusCode::kFailedPrecondition) << remote;
    EXPECT_TRUE(absl::StartsWith(status.message(), "--listen:")) << status;
    EXPECT_TRUE(CheckListenSecurity(remote, plain, /*allow_insecure=*/true).ok())
        << remote;
  }
  TlsServerOptions tls;
  tls.cert_file = "server.pem";
  tls.key_file = "server.key";
  EXPECT_TRUE(CheckListenSecurity("0.0.0.0:443", tls, false).ok());
}

TEST(CheckListenSecurityTest, IncompleteTlsFlagsAreInvalidArgument) {
  TlsServerOptions cert_only;
  cert_only.cert_file = "server.pem";
  EXPECT_EQ(CheckListenSecurity("127.0.0.1:1", cert_only, false).message(),
            "--tls-key: required together with --tls-cert");
  TlsServerOptions ca_only;
  ca_only.client_ca_file = "ca.pem";
  absl::Status status = CheckListenSecurity("127.0.0.1:1", ca_only, false);
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(absl::StartsWith(status.message(), "--tls-client-ca:")) << status;
}

class TlsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(certs_.ok()) << "openssl could not make the test certificates";
    store_ = OpenTempStore(dir_);
    ASSERT_NE(store_, nullptr);
    auto access = AccessControl::Open(store_.get(), {});
    ASSERT_TRUE(access.ok()) << access.status();
    access_ = *std::move(access);
    v1::CreateApiKeyRequest request;
    request.set_role("admin");
    auto key = access_->keys().Create(request);
    ASSERT_TRUE(key.ok());
    key_ = key->key;
  }

  void StartServer(bool mutual) {
    TlsServerOptions tls;
    tls.cert_file = certs_.Cert("server");
    tls.key_file = certs_.Key("server");
    if (mutual) tls.client_ca_file = certs_.Cert("ca");
    auto credentials = access_->ServerCredentials(tls);
    ASSERT_TRUE(credentials.ok()) << credentials.status();
    server_ = std::make_unique<CallerEchoServer>(*credentials, &access_->resolver());
    ASSERT_TRUE(server_->started());
  }

  // A call through a fresh channel with `options`.
  grpc::Status CallWith(const TlsClientOptions& options) {
    auto credentials = MakeChannelCredentials(options);
    EXPECT_TRUE(credentials.ok()) << credentials.status();
    if (!credentials.ok()) return grpc::Status(grpc::StatusCode::INTERNAL, "credentials");
    grpc::ChannelArguments args;
    // The server certificate names localhost and 127.0.0.1; check against the name.
    args.SetSslTargetNameOverride("localhost");
    auto channel = grpc::CreateCustomChannel(server_->address(), *credentials, args);
    return CallMethod(channel, kListOffers, Bearer(key_)).status;
  }

  TlsClientOptions ClientTrustingCa() {
    TlsClientOptions options;
    options.ca_file = certs_.Cert("ca");
    return options;
  }

  TestCertificates certs_;
  ScopedTempDir dir_;
  std::unique_ptr<RocksDbStore> store_;
  std::unique_ptr<AccessControl> access_;
  std::string key_;
  std::unique_ptr<CallerEchoServer> server_;
};

TEST_F(TlsTest, ClientTrustingTheCaCompletesTheHandshakeAndIsAuthenticated) {
  StartServer(/*mutual=*/false);
  grpc::Status status = CallWith(ClientTrustingCa());
  EXPECT_TRUE(status.ok()) << status.error_message();
}

TEST_F(TlsTest, PlaintextClientCannotTalkToATlsServer) {
  StartServer(/*mutual=*/false);
  EXPECT_EQ(CallWith(TlsClientOptions{}).error_code(), grpc::StatusCode::UNAVAILABLE);
}

TEST_F(TlsTest, ClientTrustingAnotherCaRefusesTheServer) {
  StartServer(/*mutual=*/false);
  TlsClientOptions options;
  options.ca_file = certs_.Cert("rogue_ca");
  EXPECT_EQ(CallWith(options).error_code(), grpc::StatusCode::UNAVAILABLE);
}

TEST_F(TlsTest, MutualTlsAcceptsAClientCertificateSignedByTheClientCa) {
  StartServer(/*mutual=*/true);
  TlsClientOptions options = ClientTrustingCa();
  options.cert_file = certs_.Cert("client");
  options.key_file = certs_.Key("client");
  grpc::Status status = CallWith(options);
  EXPECT_TRUE(status.ok()) << status.error_message();
}

TEST_F(TlsTest, MutualTlsRefusesClientsWithoutOrWithAForeignCertificate) {
  StartServer(/*mutual=*/true);
  EXPECT_EQ(CallWith(ClientTrustingCa()).error_code(), grpc::StatusCode::UNAVAILABLE);
  TlsClientOptions rogue = ClientTrustingCa();
  rogue.cert_file = certs_.Cert("rogue_client");
  rogue.key_file = certs_.Key("rogue_client");
  EXPECT_EQ(CallWith(rogue).error_code(), grpc::StatusCode::UNAVAILABLE);
}

TEST_F(TlsTest, BadFilesAreReportedWithTheirFlag) {
  TlsServerOptions missing;
  missing.cert_file = certs_.Path("nope.pem");
  missing.key_file = certs_.Key("server");
  absl::Status status = LoadTlsServerMaterial(missing).status();
  EXPECT_EQ(status.code(), absl::StatusCode::kNotFound);
  EXPECT_TRUE(absl::StartsWith(status.message(), "--tls-cert:")) << status;

  TlsServerOptions not_pem;
  not_pem.cert_file = certs_.Path("server.ext");
  not_pem.key_file = certs_.Key("server");
  status = LoadTlsServerMaterial(not_pem).status();
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(absl::StartsWith(status.message(), "--tls-cert:")) << status;

  TlsServerOptions wrong_key;
  wrong_key.cert_file = certs_.Cert("server");
  wrong_key.key_file = certs_.Key("client");
  status = LoadTlsServerMaterial(wrong_key).status();
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(absl::StartsWith(status.message(), "--tls-key:")) << status;

  TlsClientOptions half;
  half.ca_file = certs_.Cert("ca");
  half.cert_file = certs_.Cert("client");
  EXPECT_EQ(MakeChannelCredentials(half).status().message(),
            "--tls-key: required together with --tls-cert");
}

}  // namespace
}  // namespace azubimatch::service
