// matchd --config FILE: TOML keys, precedence of the command line, refusals naming the
// key, and '-'/'_' alike in flag names.
#include <fstream>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "service/server/matchd_flags.h"
#include "tests/service/store/scoped_temp_dir.h"

namespace azubimatch::service {
namespace {

using ::testing::HasSubstr;

class MatchdConfigTest : public ::testing::Test {
 protected:
  // Writes `text` to a config file and returns its path.
  std::string Config(const std::string& text) {
    const std::string path = dir_.Sub("matchd" + std::to_string(++files_) + ".toml");
    std::ofstream(path) << text;
    return path;
  }

  // The error message of parsing `args`, which must fail with INVALID_ARGUMENT.
  static std::string Refusal(const std::vector<std::string>& args) {
    auto parsed = ParseMatchdFlags(args);
    EXPECT_EQ(parsed.status().code(), absl::StatusCode::kInvalidArgument);
    return std::string(parsed.status().message());
  }

  ScopedTempDir dir_;
  int files_ = 0;
};

TEST_F(MatchdConfigTest, KeysAreTheFlagNamesWithUnderscores) {
  const std::string file = Config(R"(
# matchd as a service
listen = "0.0.0.0:7000"
data = "/var/lib/azubimatch/data"
max_message_mb = 8
no_sync_writes = true
shutdown_grace_seconds = 3
import_batch_size = 200
quiet = false
log_format = "json"
tls_cert = "/etc/azubimatch/tls/tls.crt"
tls_key = "/etc/azubimatch/tls/tls.key"
tls_client_ca = "/etc/azubimatch/tls/ca.crt"
allow_insecure = true
health_listen = "0.0.0.0:50052"
rate_limit = 50
backup_dir = "/var/lib/azubimatch/backups"
restore_from = "/srv/old"
)");
  auto parsed = ParseMatchdFlags({"--config", file});
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  const ServerOptions& o = parsed->options;
  EXPECT_EQ(parsed->config_file, file);
  EXPECT_EQ(o.listen_address, "0.0.0.0:7000");
  EXPECT_EQ(o.data_dir, "/var/lib/azubimatch/data");
  EXPECT_EQ(o.max_receive_message_bytes, 8 << 20);
  EXPECT_EQ(o.max_send_message_bytes, 8 << 20);
  EXPECT_FALSE(o.sync_writes);
  EXPECT_EQ(o.shutdown_grace, absl::Seconds(3));
  EXPECT_EQ(o.import_batch_size, 200);
  EXPECT_TRUE(o.log_requests);  // quiet = false leaves the default
  EXPECT_EQ(o.log_format, LogFormat::kJson);
  EXPECT_EQ(o.tls.cert_file, "/etc/azubimatch/tls/tls.crt");
  EXPECT_EQ(o.tls.key_file, "/etc/azubimatch/tls/tls.key");
  EXPECT_EQ(o.tls.client_ca_file, "/etc/azubimatch/tls/ca.crt");
  EXPECT_TRUE(o.allow_insecure);
  EXPECT_EQ(o.health_listen, "0.0.0.0:50052");
  EXPECT_EQ(o.access.rate_limit.requests_per_second, 50);
  EXPECT_EQ(o.access.rate_limit.burst, 100);
  EXPECT_EQ(o.backup_dir, "/var/lib/azubimatch/backups");
  EXPECT_EQ(o.restore_from, "/srv/old");
}

TEST_F(MatchdConfigTest, HttpMetricsAndOverloadKeysAndRepeatableOrigins) {
  const std::string file = Config(R"(
metrics_listen = "127.0.0.1:9464"
max_in_flight = 32
http_listen = "127.0.0.1:8080"
http_cors_origin = ["https://portal.example.org", "https://console.example.org"]
)");
  auto parsed = ParseMatchdFlags({"--config", file});
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  const ServerOptions& o = parsed->options;
  EXPECT_EQ(o.metrics_listen, "127.0.0.1:9464");
  EXPECT_EQ(o.in_flight.max_in_flight, 32);
  EXPECT_EQ(o.http.listen_address, "127.0.0.1:8080");
  EXPECT_EQ(o.http.cors_origins, (std::vector<std::string>{"https://portal.example.org",
                                                           "https://console.example.org"}));
  // On the command line the flag repeats, and the command line's list wins whole.
  parsed = ParseMatchdFlags({"--config", file, "--http-cors-origin", "*",
                             "--http_cors_origin=https://a.example"});
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  EXPECT_EQ(parsed->options.http.cors_origins,
            (std::vector<std::string>{"*", "https://a.example"}));
  EXPECT_THAT(Refusal({"--http-cors-origin", "portal.example.org"}),
              HasSubstr("--http-cors-origin"));
  EXPECT_THAT(Refusal({"--max-in-flight", "-1"}), HasSubstr("--max-in-flight"));
}

TEST_F(MatchdConfigTest, TheCommandLineWinsOverTheFile) {
  const std::string file = Config(
      "listen = \"0.0.0.0:7000\"\ndata = \"/from/file\"\nmax_message_mb = 8\n"
      "log_format = \"json\"\n");
  // Before and after --config, with either spelling: the command line wins.
  auto parsed = ParseMatchdFlags(
      {"--listen", "127.0.0.1:9000", "--config=" + file, "--max_message_mb=2"});
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  EXPECT_EQ(parsed->options.listen_address, "127.0.0.1:9000");
  EXPECT_EQ(parsed->options.max_receive_message_bytes, 2 << 20);
  // Keys the command line does not give come from the file.
  EXPECT_EQ(parsed->options.data_dir, "/from/file");
  EXPECT_EQ(parsed->options.log_format, LogFormat::kJson);
}

TEST_F(MatchdConfigTest, AnEmptyFileKeepsTheDefaults) {
  auto parsed = ParseMatchdFlags({"--config", Config("# nothing set\n")});
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  EXPECT_EQ(parsed->options.listen_address, "127.0.0.1:50051");
  EXPECT_EQ(parsed->options.log_format, LogFormat::kText);
}

TEST_F(MatchdConfigTest, UnknownKeysAreRefusedByName) {
  const std::string file = Config("listen = \"127.0.0.1:1\"\nport = 3\n");
  const std::string message = Refusal({"--config", file});
  EXPECT_THAT(message, HasSubstr(file));
  EXPECT_THAT(message, HasSubstr("unknown key \"port\""));
  EXPECT_THAT(Refusal({"--config", Config("[tls]\ncert = \"x\"\n")}),
              HasSubstr("unknown key \"tls\""));
  EXPECT_THAT(Refusal({"--config", Config("config = \"other.toml\"\n")}),
              HasSubstr("unknown key \"config\""));
  EXPECT_THAT(Refusal({"--config", Config("help = true\n")}),
              HasSubstr("unknown key \"help\""));
}

TEST_F(MatchdConfigTest, BadValuesNameTheKey) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"max_message_mb = 0\n", "key \"max_message_mb\": bad value \"0\""},
      {"listen = \"localhost\"\n", "key \"listen\": bad value \"localhost\""},
      {"rate_limit = \"many\"\n", "key \"rate_limit\": bad value \"many\""},
      {"log_format = \"xml\"\n", "key \"log_format\": bad value \"xml\""},
      {"data = \"\"\n", "key \"data\": bad value \"\""},
      {"quiet = \"yes\"\n", "key \"quiet\": expected true or false"},
      {"data = 3.5\n", "key \"data\": expected a string or an integer"},
      {"tls_cert = [\"a\", \"b\"]\n", "key \"tls_cert\": takes one value, not an array"},
      {"http_cors_origin = [\"https://a.example\", 3]\n",
       "key \"http_cors_origin\": expected an array of strings"},
      {"http_cors_origin = [\"ftp\"]\n", "key \"http_cors_origin\": --http-cors-origin: bad value"},
      {"data = [\"a\"]\n", "key \"data\": takes one value, not an array"},
      {"max_message_mb = 4\nmax-message-mb = 4\n", "is given twice"},
      {"listen = \n", "line 1"},
  };
  for (const auto& [text, expected] : cases) {
    EXPECT_THAT(Refusal({"--config", Config(text)}), HasSubstr(expected)) << text;
  }
  // Even a key the command line overrides must be valid.
  EXPECT_THAT(Refusal({"--config", Config("max_message_mb = 0\n"), "--max-message-mb=4"}),
              HasSubstr("key \"max_message_mb\""));
}

TEST_F(MatchdConfigTest, AMissingFileIsRefused) {
  const std::string missing = dir_.Sub("absent.toml");
  EXPECT_THAT(Refusal({"--config", missing}), HasSubstr(missing));
  EXPECT_THAT(Refusal({"--config"}), HasSubstr("--config: missing value"));
}

TEST(MatchdExampleConfigTest, DeployExampleParses) {
  const std::string example = std::string(AZM_SOURCE_DIR) + "/deploy/matchd.toml";
  auto parsed = ParseMatchdFlags({"--config", example});
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  EXPECT_EQ(parsed->options.data_dir, "/var/lib/azubimatch/data");
  EXPECT_EQ(parsed->options.backup_dir, "/var/lib/azubimatch/backups");
  EXPECT_EQ(parsed->options.log_format, LogFormat::kJson);
  EXPECT_TRUE(parsed->options.sync_writes);
}

TEST(MatchdFlagSpellingTest, DashAndUnderscoreAreAlike) {
  auto dashes = ParseMatchdFlags({"--max-message-mb=4", "--no-sync-writes", "--log-format",
                                  "json", "--tls-cert", "c.pem", "--shutdown-grace-seconds",
                                  "2", "--allow-insecure"});
  auto underscores = ParseMatchdFlags({"--max_message_mb=4", "--no_sync_writes",
                                       "--log_format", "json", "--tls_cert", "c.pem",
                                       "--shutdown_grace_seconds", "2", "--allow_insecure"});
  ASSERT_TRUE(dashes.ok()) << dashes.status();
  ASSERT_TRUE(underscores.ok()) << underscores.status();
  for (const ServerOptions* o : {&dashes->options, &underscores->options}) {
    EXPECT_EQ(o->max_receive_message_bytes, 4 << 20);
    EXPECT_FALSE(o->sync_writes);
    EXPECT_EQ(o->log_format, LogFormat::kJson);
    EXPECT_EQ(o->tls.cert_file, "c.pem");
    EXPECT_EQ(o->shutdown_grace, absl::Seconds(2));
    EXPECT_TRUE(o->allow_insecure);
  }
  // Errors name the flag as it was given.
  auto bad = ParseMatchdFlags({"--max_message_mb", "0"});
  EXPECT_THAT(std::string(bad.status().message()), HasSubstr("--max_message_mb: bad value"));
  bad = ParseMatchdFlags({"--no_sync_writes=1"});
  EXPECT_THAT(std::string(bad.status().message()), HasSubstr("--no_sync_writes: takes no value"));
}

TEST(MatchdFlagSpellingTest, LogFormatDefaultsToText) {
  EXPECT_EQ(ParseMatchdFlags({})->options.log_format, LogFormat::kText);
  auto bad = ParseMatchdFlags({"--log-format", "xml"});
  EXPECT_THAT(std::string(bad.status().message()), HasSubstr("--log-format: bad value \"xml\""));
  EXPECT_THAT(MatchdUsage(), HasSubstr("--log-format"));
  EXPECT_THAT(MatchdUsage(), HasSubstr("--config"));
}

}  // namespace
}  // namespace azubimatch::service
