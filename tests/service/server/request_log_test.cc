// The request log line format.
#include "service/server/request_log.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"

namespace azubimatch::service {
namespace {

TEST(RequestLogTest, LineHoldsTimeMethodCodeDurationAndPeer) {
  const absl::Time now = absl::FromUnixMicros(1735689600123456);
  EXPECT_EQ(FormatRequestLogLine(now, "/azubimatch.v1.Registry/GetOffer",
                                 grpc::StatusCode::OK, absl::Microseconds(412),
                                 "ipv4:127.0.0.1:51234"),
            "ts=2025-01-01T00:00:00.123456Z rpc=/azubimatch.v1.Registry/GetOffer code=OK "
            "ms=0.412 peer=ipv4:127.0.0.1:51234");
  EXPECT_EQ(FormatRequestLogLine(now, "/x/Y", grpc::StatusCode::FAILED_PRECONDITION,
                                 absl::Milliseconds(12), ""),
            "ts=2025-01-01T00:00:00.123456Z rpc=/x/Y code=FAILED_PRECONDITION ms=12.000 "
            "peer=-");
}

TEST(RequestLogTest, StatusCodeNamesFollowTheGrpcSpec) {
  EXPECT_EQ(StatusCodeName(grpc::StatusCode::INVALID_ARGUMENT), "INVALID_ARGUMENT");
  EXPECT_EQ(StatusCodeName(grpc::StatusCode::UNAUTHENTICATED), "UNAUTHENTICATED");
  EXPECT_EQ(StatusCodeName(grpc::StatusCode::DATA_LOSS), "DATA_LOSS");
  EXPECT_EQ(StatusCodeName(static_cast<grpc::StatusCode>(99)), "UNKNOWN");
}

TEST(RequestLogTest, TextLineAddsMemberAndRequestIdWhenKnown) {
  RequestLogEntry entry;
  entry.time = absl::FromUnixMicros(1735689600123456);
  entry.method = "/x/Y";
  entry.code = grpc::StatusCode::OK;
  entry.elapsed = absl::Microseconds(1500);
  entry.peer = "ipv4:127.0.0.1:1";
  entry.member = "m1";
  entry.request_id = "abc-1";
  EXPECT_EQ(FormatRequestLogLine(entry, LogFormat::kText),
            "ts=2025-01-01T00:00:00.123456Z rpc=/x/Y code=OK ms=1.500 peer=ipv4:127.0.0.1:1 "
            "member=m1 request_id=abc-1");
}

TEST(RequestLogTest, JsonLineIsOneObjectWithTheRequestFields) {
  RequestLogEntry entry;
  entry.time = absl::FromUnixMicros(1735689600123456);
  entry.method = "/azubimatch.v1.Registry/GetOffer";
  entry.code = grpc::StatusCode::NOT_FOUND;
  entry.elapsed = absl::Microseconds(412);
  entry.peer = "ipv6:[::1]:5000";
  entry.member = "netzwerk-stuttgart";
  entry.request_id = "req-42";
  const std::string line = FormatRequestLogLine(entry, LogFormat::kJson);
  EXPECT_EQ(line.find('\n'), std::string::npos);
  const nlohmann::json json = nlohmann::json::parse(line);
  ASSERT_TRUE(json.is_object());
  EXPECT_EQ(json["ts"], "2025-01-01T00:00:00.123456Z");
  EXPECT_EQ(json["level"], "info");
  EXPECT_EQ(json["msg"], "request");
  EXPECT_EQ(json["rpc"], "/azubimatch.v1.Registry/GetOffer");
  EXPECT_EQ(json["code"], "NOT_FOUND");
  EXPECT_DOUBLE_EQ(json["ms"].get<double>(), 0.412);
  EXPECT_EQ(json["member"], "netzwerk-stuttgart");
  EXPECT_EQ(json["request_id"], "req-42");
  EXPECT_EQ(json["peer"], "ipv6:[::1]:5000");
  EXPECT_EQ(json.size(), 9u);

  // Unknown member: null; a server fault: level error.
  entry.member.clear();
  entry.code = grpc::StatusCode::INTERNAL;
  const nlohmann::json fault = nlohmann::json::parse(FormatRequestLogLine(entry, LogFormat::kJson));
  EXPECT_TRUE(fault["member"].is_null());
  EXPECT_EQ(fault["level"], "error");
}

TEST(RequestLogTest, JsonMessagesEscapeEverythingAndStayValid) {
  const std::string nasty = std::string("a \"quoted\" \\ path\nnew line\ttab\x01\x7f ") +
                            "Ümlaut \xff\xfe broken \xc3 end";
  const std::string line =
      FormatMessageLine(LogFormat::kJson, absl::FromUnixSeconds(0), LogLevel::kWarning, nasty);
  EXPECT_EQ(line.find('\n'), std::string::npos);
  const nlohmann::json json = nlohmann::json::parse(line);  // throws on invalid JSON/UTF-8
  EXPECT_EQ(json["ts"], "1970-01-01T00:00:00.000000Z");
  EXPECT_EQ(json["level"], "warning");
  const std::string msg = json["msg"];
  EXPECT_THAT(msg, ::testing::HasSubstr("a \"quoted\" \\ path\nnew line\ttab"));
  EXPECT_THAT(msg, ::testing::HasSubstr("Ümlaut \xef\xbf\xbd\xef\xbf\xbd broken \xef\xbf\xbd end"));
  // Text messages are written as they are.
  EXPECT_EQ(FormatMessageLine(LogFormat::kText, absl::Now(), LogLevel::kInfo, "matchd: hi"),
            "matchd: hi");
}

TEST(RequestLogTest, MessageSinkWrapsMessagesInJson) {
  std::vector<std::string> lines;
  LogSink sink = MessageSink(LogFormat::kJson,
                             [&lines](std::string_view line) { lines.emplace_back(line); });
  sink("matchd listening on 127.0.0.1:50051");
  ASSERT_EQ(lines.size(), 1u);
  const nlohmann::json json = nlohmann::json::parse(lines[0]);
  EXPECT_EQ(json["msg"], "matchd listening on 127.0.0.1:50051");
  EXPECT_EQ(json["level"], "info");
}

TEST(RequestLogTest, OnlySafeRequestIdsAreTakenOver) {
  EXPECT_TRUE(IsUsableRequestId("4f1c-a:b_c.d"));
  EXPECT_TRUE(IsUsableRequestId(std::string(128, 'a')));
  EXPECT_FALSE(IsUsableRequestId(""));
  EXPECT_FALSE(IsUsableRequestId(std::string(129, 'a')));
  EXPECT_FALSE(IsUsableRequestId("a b"));
  EXPECT_FALSE(IsUsableRequestId("a\nts=forged"));
  EXPECT_FALSE(IsUsableRequestId("\"}"));
  const std::string id = NewRequestId();
  EXPECT_EQ(id.size(), 32u);
  EXPECT_TRUE(IsUsableRequestId(id));
  EXPECT_NE(id, NewRequestId());
}

}  // namespace
}  // namespace azubimatch::service
