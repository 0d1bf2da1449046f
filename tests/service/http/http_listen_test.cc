// The HTTP port's security rules: plaintext only on loopback (as the gRPC port), and
// HTTPS with the gRPC port's certificate when TLS is configured.
#include <string>

#include "gtest/gtest.h"
#include "httplib.h"
#include "service/server/installed_services.h"
#include "service/server/server.h"
#include "tests/service/auth/test_certificates.h"
#include "tests/service/store/scoped_temp_dir.h"

namespace azubimatch::service {
namespace {

TEST(HttpListenTest, PlaintextOnANonLoopbackAddressIsRefused) {
  ScopedTempDir dir;
  ServerOptions options;
  options.listen_address = "127.0.0.1:0";
  options.http.listen_address = "0.0.0.0:0";
  options.data_dir = dir.Sub("data");
  options.log_requests = false;
  absl::StatusOr<std::unique_ptr<Server>> server = Server::Open(options);
  ASSERT_TRUE(server.ok()) << server.status();
  const absl::Status started = (*server)->Start();
  EXPECT_EQ(started.code(), absl::StatusCode::kFailedPrecondition) << started;
  EXPECT_NE(started.message().find("http-listen"), std::string::npos) << started;
  EXPECT_EQ((*server)->http_port(), 0);
}

TEST(HttpListenTest, ServesHttpsWithTheServerCertificate) {
  TestCertificates certificates;
  ASSERT_TRUE(certificates.ok()) << "openssl failed";
  ScopedTempDir dir;
  ServerOptions options;
  options.listen_address = "127.0.0.1:0";
  options.http.listen_address = "127.0.0.1:0";
  options.data_dir = dir.Sub("data");
  options.log_requests = false;
  options.tls.cert_file = certificates.Cert("server");
  options.tls.key_file = certificates.Key("server");
  absl::StatusOr<std::unique_ptr<Server>> server = Server::Open(options);
  ASSERT_TRUE(server.ok()) << server.status();
  for (const ServiceInstaller& install : InstalledServices()) {
    ASSERT_TRUE(install(**server).ok());
  }
  const absl::Status started = (*server)->Start();
  ASSERT_TRUE(started.ok()) << started;
  const int port = (*server)->http_port();

  httplib::SSLClient tls("127.0.0.1", port);
  tls.set_ca_cert_path(certificates.Cert("ca").c_str());
  tls.enable_server_certificate_verification(true);
  httplib::Result document = tls.Get("/openapi.json");
  ASSERT_TRUE(document) << httplib::to_string(document.error());
  EXPECT_EQ(document->status, 200);
  httplib::Result anonymous = tls.Get("/v1/candidates");
  ASSERT_TRUE(anonymous);
  EXPECT_EQ(anonymous->status, 401);

  httplib::Client plain("127.0.0.1", port);
  plain.set_read_timeout(5, 0);
  httplib::Result refused = plain.Get("/openapi.json");
  EXPECT_TRUE(!refused || refused->status != 200);
  (*server)->Shutdown(absl::Seconds(5));
}

}  // namespace
}  // namespace azubimatch::service
