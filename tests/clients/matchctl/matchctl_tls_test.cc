// matchctl's TLS flags (--tls-ca, --tls-cert, --tls-key) against a real in-process
// matchd serving TLS (and mutual TLS) with throwaway certificates: the flags work before
// and after the command, a plaintext matchctl fails with a message naming --tls-ca, and
// unusable TLS files are usage errors naming their flag.
#include <memory>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "service/server/server.h"
#include "tests/clients/matchctl/matchctl_runner.h"
#include "tests/service/auth/test_certificates.h"
#include "tests/service/server/authorized_channel.h"
#include "tests/service/store/scoped_temp_dir.h"

namespace azubimatch::matchctl {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class MatchctlTlsTest : public testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(certs_.ok()) << "openssl could not make the test certificates";
  }
  void TearDown() override {
    if (server_ != nullptr) server_->Shutdown(absl::Seconds(5));
  }

  // Starts matchd with the server certificate; with `mutual`, client certificates
  // signed by the test CA are required.
  void StartServer(bool mutual) {
    service::ServerOptions options;
    options.listen_address = "127.0.0.1:0";
    options.data_dir = dir_.Sub("data");
    options.sync_writes = false;
    options.log_requests = false;
    options.tls = {.cert_file = certs_.Cert("server"),
                   .key_file = certs_.Key("server"),
                   .client_ca_file = mutual ? certs_.Cert("ca") : ""};
    auto server = service::Server::Open(options);
    ASSERT_TRUE(server.ok()) << server.status();
    server_ = *std::move(server);
    ASSERT_TRUE(server_->Start().ok());
    officer_ = service::NewMemberKey(*server_, "TLS test", "officer");
  }

  // `matchctl --server ... --api-key ... <args>`.
  CtlResult Run(std::vector<std::string> args) {
    args.insert(args.begin(),
                {"--server", server_->bound_address(), "--api-key", officer_.key});
    return RunCtl(args);
  }

  service::TestCertificates certs_;
  service::ScopedTempDir dir_;
  std::unique_ptr<service::Server> server_;
  service::MemberKey officer_;
};

TEST_F(MatchctlTlsTest, ListsOverTlsWithTlsCaBeforeOrAfterTheCommand) {
  StartServer(/*mutual=*/false);
  const CtlResult before =
      Run({"--tls-ca", certs_.Cert("ca"), "list", "offers", "--json"});
  EXPECT_EQ(before.code, 0) << before.err;
  EXPECT_THAT(before.out, HasSubstr("\"offers\""));
  const CtlResult after = Run({"list", "offers", "--tls-ca=" + certs_.Cert("ca")});
  EXPECT_EQ(after.code, 0) << after.err;
}

TEST_F(MatchctlTlsTest, PlaintextAgainstTlsServerFailsNamingTlsCa) {
  StartServer(/*mutual=*/false);
  const CtlResult result = Run({"list", "offers", "--timeout", "10"});
  EXPECT_EQ(result.code, 1);
  EXPECT_THAT(result.err, HasSubstr("UNAVAILABLE"));
  EXPECT_THAT(result.err, HasSubstr("if matchd serves TLS, give --tls-ca FILE"));
  EXPECT_EQ(result.out, "");
}

TEST_F(MatchctlTlsTest, ServerCertificateFromAnotherCaIsRefused) {
  StartServer(/*mutual=*/false);
  const CtlResult result =
      Run({"--tls-ca", certs_.Cert("rogue_ca"), "list", "offers", "--timeout", "10"});
  EXPECT_EQ(result.code, 1);
  EXPECT_THAT(result.err, HasSubstr("no TLS connection"));
  EXPECT_THAT(result.err, HasSubstr("--tls-ca"));
}

TEST_F(MatchctlTlsTest, MutualTlsNeedsTheClientCertificate) {
  StartServer(/*mutual=*/true);
  const CtlResult with_cert =
      Run({"list", "offers", "--tls-ca", certs_.Cert("ca"), "--tls-cert",
           certs_.Cert("client"), "--tls-key", certs_.Key("client")});
  EXPECT_EQ(with_cert.code, 0) << with_cert.err;

  const CtlResult without_cert =
      Run({"--tls-ca", certs_.Cert("ca"), "list", "offers", "--timeout", "10"});
  EXPECT_EQ(without_cert.code, 1);
  EXPECT_THAT(without_cert.err, HasSubstr("--tls-cert/--tls-key"));
}

TEST(MatchctlTlsFlagsTest, UnusableTlsFilesAreUsageErrorsNamingTheFlag) {
  service::TestCertificates certs;
  ASSERT_TRUE(certs.ok()) << "openssl could not make the test certificates";
  const CtlResult missing =
      RunCtl({"--tls-ca", certs.Path("absent.pem"), "list", "offers"});
  EXPECT_EQ(missing.code, 2);
  EXPECT_THAT(missing.err, HasSubstr("--tls-ca"));

  const CtlResult not_pem =
      RunCtl({"list", "offers", "--tls-ca", certs.Path("server.ext")});
  EXPECT_EQ(not_pem.code, 2);
  EXPECT_THAT(not_pem.err, HasSubstr("--tls-ca"));

  const CtlResult cert_only =
      RunCtl({"--tls-cert", certs.Cert("client"), "list", "offers"});
  EXPECT_EQ(cert_only.code, 2);
  EXPECT_THAT(cert_only.err, HasSubstr("--tls-key: required together with --tls-cert"));

  const CtlResult foreign_key =
      RunCtl({"--tls-ca", certs.Cert("ca"), "--tls-cert", certs.Cert("client"),
              "--tls-key", certs.Key("rogue_client"), "list", "offers"});
  EXPECT_EQ(foreign_key.code, 2);
  EXPECT_THAT(foreign_key.err, HasSubstr("--tls-key"));

  const CtlResult empty = RunCtl({"--tls-ca=", "list", "offers"});
  EXPECT_EQ(empty.code, 2);
  EXPECT_THAT(empty.err, HasSubstr("--tls-ca: empty"));
}

TEST(MatchctlTlsFlagsTest, HelpListsTheTlsFlagsWithoutReadingThem) {
  const CtlResult help = RunCtl({"--help", "--tls-ca", "/nonexistent/ca.pem"});
  EXPECT_EQ(help.code, 0) << help.err;
  EXPECT_THAT(help.out, HasSubstr("--tls-ca FILE"));
  EXPECT_THAT(help.out, HasSubstr("--tls-cert FILE"));
  EXPECT_THAT(help.out, HasSubstr("--tls-key FILE"));
  EXPECT_THAT(help.err, Not(HasSubstr("--tls-ca")));
}

}  // namespace
}  // namespace azubimatch::matchctl
