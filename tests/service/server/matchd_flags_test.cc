// matchd's command line.
#include "service/server/matchd_flags.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace azubimatch::service {
namespace {

using ::testing::HasSubstr;

TEST(MatchdFlagsTest, DefaultsWithoutFlags) {
  auto parsed = ParseMatchdFlags({});
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(parsed->options.listen_address, "127.0.0.1:50051");
  EXPECT_EQ(parsed->options.data_dir, "./data");
  EXPECT_TRUE(parsed->options.sync_writes);
  EXPECT_TRUE(parsed->options.log_requests);
  EXPECT_FALSE(parsed->show_help);
}

TEST(MatchdFlagsTest, ListenAndDataTakeSeparateOrInlineValues) {
  auto parsed = ParseMatchdFlags({"--listen", "0.0.0.0:7000", "--data=/srv/azm"});
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  EXPECT_EQ(parsed->options.listen_address, "0.0.0.0:7000");
  EXPECT_EQ(parsed->options.data_dir, "/srv/azm");
  parsed = ParseMatchdFlags({"--listen=[::1]:0", "--max-message-mb", "4", "--no-sync-writes",
                             "--shutdown-grace-seconds=3", "--quiet"});
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  EXPECT_EQ(parsed->options.listen_address, "[::1]:0");
  EXPECT_EQ(parsed->options.max_receive_message_bytes, 4 << 20);
  EXPECT_EQ(parsed->options.max_send_message_bytes, 4 << 20);
  EXPECT_FALSE(parsed->options.sync_writes);
  EXPECT_EQ(parsed->options.shutdown_grace, absl::Seconds(3));
  EXPECT_FALSE(parsed->options.log_requests);
}

TEST(MatchdFlagsTest, SecurityAndBackupFlagsFillTheirOptions) {
  auto parsed = ParseMatchdFlags({"--tls-cert", "server.pem", "--tls-key=server.key",
                                  "--tls-client-ca", "clients.pem", "--allow-insecure",
                                  "--rate-limit", "50", "--backup-dir", "/srv/backups",
                                  "--restore-from=/srv/old-backups"});
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  const ServerOptions& o = parsed->options;
  EXPECT_EQ(o.tls.cert_file, "server.pem");
  EXPECT_EQ(o.tls.key_file, "server.key");
  EXPECT_EQ(o.tls.client_ca_file, "clients.pem");
  EXPECT_TRUE(o.allow_insecure);
  EXPECT_EQ(o.access.rate_limit.requests_per_second, 50);
  EXPECT_EQ(o.access.rate_limit.burst, 100);
  EXPECT_EQ(o.backup_dir, "/srv/backups");
  EXPECT_EQ(o.restore_from, "/srv/old-backups");
  // Keys are always required; the defaults are no TLS, loopback only, no backups.
  const ServerOptions defaults = ParseMatchdFlags({})->options;
  EXPECT_TRUE(defaults.require_api_keys);
  EXPECT_FALSE(defaults.tls.enabled());
  EXPECT_FALSE(defaults.allow_insecure);
  EXPECT_TRUE(defaults.backup_dir.empty());
}

TEST(MatchdFlagsTest, HelpIsRecognisedAndDescribesEveryFlag) {
  EXPECT_TRUE(ParseMatchdFlags({"--help"})->show_help);
  EXPECT_TRUE(ParseMatchdFlags({"-h"})->show_help);
  const std::string usage = MatchdUsage();
  for (const char* flag : {"--listen", "--data", "--max-message-mb", "--no-sync-writes",
                           "--shutdown-grace-seconds", "--import-batch-size", "--quiet",
                           "--tls-cert", "--tls-key", "--tls-client-ca", "--allow-insecure",
                           "--rate-limit", "--backup-dir", "--restore-from", "admin.key",
                           "--help"}) {
    EXPECT_THAT(usage, HasSubstr(flag));
  }
  EXPECT_THAT(usage, HasSubstr("127.0.0.1:50051"));
}

TEST(MatchdFlagsTest, BadFlagsAreInvalidArgumentNamingTheFlag) {
  const std::vector<std::pair<std::vector<std::string>, std::string>> cases = {
      {{"--listen"}, "--listen: missing value"},
      {{"--listen", "localhost"}, "--listen: bad value"},
      {{"--listen", "host:99999"}, "--listen: bad value"},
      {{"--data="}, "--data: bad value"},
      {{"--max-message-mb", "0"}, "--max-message-mb: bad value"},
      {{"--shutdown-grace-seconds", "soon"}, "--shutdown-grace-seconds: bad value"},
      {{"--quiet=yes"}, "--quiet: takes no value"},
      {{"--tls-cert="}, "--tls-cert: bad value"},
      {{"--rate-limit", "-1"}, "--rate-limit: bad value"},
      {{"--allow-insecure=1"}, "--allow-insecure: takes no value"},
      {{"--port", "1"}, "--port: unknown flag"},
      {{"serve"}, "unexpected argument \"serve\""},
  };
  for (const auto& [args, message] : cases) {
    auto parsed = ParseMatchdFlags(args);
    EXPECT_EQ(parsed.status().code(), absl::StatusCode::kInvalidArgument) << message;
    EXPECT_THAT(std::string(parsed.status().message()), HasSubstr(message));
  }
}

TEST(MatchdFlagsTest, MetricsListenAndMaxInFlightFillTheirOptions) {
  const ServerOptions defaults = ParseMatchdFlags({})->options;
  EXPECT_TRUE(defaults.metrics_listen.empty());
  EXPECT_EQ(defaults.in_flight.max_in_flight, 256);
  auto parsed = ParseMatchdFlags({"--metrics-listen", "127.0.0.1:9464", "--max-in-flight=32"});
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  EXPECT_EQ(parsed->options.metrics_listen, "127.0.0.1:9464");
  EXPECT_EQ(parsed->options.in_flight.max_in_flight, 32);
  EXPECT_EQ(ParseMatchdFlags({"--max-in-flight", "0"})->options.in_flight.max_in_flight, 0);
  const std::string usage = MatchdUsage();
  EXPECT_THAT(usage, HasSubstr("--metrics-listen"));
  EXPECT_THAT(usage, HasSubstr("--max-in-flight"));
  for (const auto& [args, message] : std::vector<std::pair<std::vector<std::string>, std::string>>{
           {{"--metrics-listen", "9464"}, "--metrics-listen: bad value"},
           {{"--metrics-listen"}, "--metrics-listen: missing value"},
           {{"--max-in-flight", "-1"}, "--max-in-flight: bad value"},
           {{"--max-in-flight", "many"}, "--max-in-flight: bad value"}}) {
    auto bad = ParseMatchdFlags(args);
    EXPECT_EQ(bad.status().code(), absl::StatusCode::kInvalidArgument) << message;
    EXPECT_THAT(std::string(bad.status().message()), HasSubstr(message));
  }
}

}  // namespace
}  // namespace azubimatch::service
