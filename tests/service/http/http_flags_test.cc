// matchd's HTTP flags: --http-listen and the repeatable --http-cors-origin.
#include "gtest/gtest.h"
#include "service/server/matchd_flags.h"

namespace azubimatch::service {
namespace {

TEST(HttpFlagsTest, OffByDefault) {
  absl::StatusOr<MatchdCommandLine> parsed = ParseMatchdFlags({});
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(parsed->options.http.listen_address, "");
  EXPECT_TRUE(parsed->options.http.cors_origins.empty());
}

TEST(HttpFlagsTest, ListenAndRepeatedCorsOrigins) {
  absl::StatusOr<MatchdCommandLine> parsed =
      ParseMatchdFlags({"--http-listen", "127.0.0.1:8080", "--http-cors-origin",
                        "https://a.example", "--http-cors-origin=http://localhost:5173"});
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  EXPECT_EQ(parsed->options.http.listen_address, "127.0.0.1:8080");
  EXPECT_EQ(parsed->options.http.cors_origins,
            (std::vector<std::string>{"https://a.example", "http://localhost:5173"}));
}

TEST(HttpFlagsTest, BadValuesNameTheFlag) {
  absl::StatusOr<MatchdCommandLine> parsed = ParseMatchdFlags({"--http-listen", "8080"});
  EXPECT_EQ(parsed.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(parsed.status().message().find("--http-listen"), std::string::npos);
  parsed = ParseMatchdFlags({"--http-cors-origin", "portal.example.org"});
  EXPECT_NE(parsed.status().message().find("--http-cors-origin"), std::string::npos);
  EXPECT_NE(MatchdUsage().find("--http-listen"), std::string::npos);
}

}  // namespace
}  // namespace azubimatch::service
