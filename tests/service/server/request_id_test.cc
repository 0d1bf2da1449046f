// JSON request logs and request ids through a real server: every line parses as one
// JSON object, a request line names rpc, code, member and request id and never the
// key, and x-request-id makes the round trip (taken over when usable, made up when
// not, returned in the trailing metadata).
#include <memory>
#include <string>
#include <vector>

#include "absl/synchronization/mutex.h"
#include "azubimatch/v1/registry.grpc.pb.h"
#include "gmock/gmock.h"
#include "grpcpp/grpcpp.h"
#include "grpcpp/generic/generic_stub.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "service/server/server.h"
#include "tests/service/server/authorized_channel.h"
#include "tests/service/store/scoped_temp_dir.h"
#include "tests/support/raw_unary_call.h"

namespace azubimatch::service {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

// grpc.health.v1.Health/Check of the whole server (an empty request), without a key,
// with `request_id`.
grpc::Status HealthCheck(const std::string& address, const std::string& request_id) {
  std::string ignored;
  return testing_support::RawUnaryCall(address, testing_support::kHealthCheckMethod, "",
                                       &ignored, {{"x-request-id", request_id}});
}

class RequestIdTest : public testing::Test {
 protected:
  void Start(bool log_requests) {
    ServerOptions options;
    options.listen_address = "127.0.0.1:0";
    options.data_dir = dir_.Sub("data");
    options.log_format = LogFormat::kJson;
    options.log_requests = log_requests;
    options.log_sink = [this](std::string_view line) {
      absl::MutexLock lock(&mu_);
      lines_.emplace_back(line);
    };
    auto server = Server::Open(options);
    ASSERT_TRUE(server.ok()) << server.status();
    server_ = *std::move(server);
    ASSERT_TRUE(server_->Start().ok());
    officer_ = NewMemberKey(*server_, "Request id test", "officer");
    stub_ = v1::Registry::NewStub(AuthorizedChannel(server_->bound_address(), officer_.key));
  }

  // GetOffer of an absent id (NOT_FOUND) with `request_id` ("" sends none); returns the
  // x-request-id of the trailing metadata.
  std::string GetMissingOffer(const std::string& request_id) {
    grpc::ClientContext context;
    if (!request_id.empty()) context.AddMetadata("x-request-id", request_id);
    v1::GetRecordRequest get;
    get.set_id("0000000000000000");
    v1::TrainingOffer offer;
    EXPECT_EQ(stub_->GetOffer(&context, get, &offer).error_code(), grpc::StatusCode::NOT_FOUND);
    const auto& trailing = context.GetServerTrailingMetadata();
    auto [begin, end] = trailing.equal_range("x-request-id");
    EXPECT_EQ(std::distance(begin, end), 1);
    return begin == end ? "" : std::string(begin->second.data(), begin->second.size());
  }

  // The log line whose request_id is `id`, parsed; waits for it (it is written when the
  // status is sent, which may be just after the client has it).
  nlohmann::json RequestLine(const std::string& id) {
    const std::string needle = "\"request_id\":\"" + id + "\"";
    absl::MutexLock lock(&mu_);
    auto written = [&] {
      for (const std::string& line : lines_) {
        if (line.find(needle) != std::string::npos) return true;
      }
      return false;
    };
    // A bound only so that a missing line fails instead of hanging.
    EXPECT_TRUE(mu_.AwaitWithTimeout(absl::Condition(&written), absl::Seconds(60)));
    for (const std::string& line : lines_) {
      if (line.find(needle) != std::string::npos) return nlohmann::json::parse(line);
    }
    return nlohmann::json();
  }

  std::vector<std::string> Lines() {
    absl::MutexLock lock(&mu_);
    return lines_;
  }

  ScopedTempDir dir_;
  std::unique_ptr<Server> server_;
  MemberKey officer_;
  std::unique_ptr<v1::Registry::Stub> stub_;
  absl::Mutex mu_;
  std::vector<std::string> lines_ ABSL_GUARDED_BY(mu_);
};

TEST_F(RequestIdTest, AClientRequestIdIsLoggedAndReturned) {
  Start(/*log_requests=*/true);
  EXPECT_EQ(GetMissingOffer("trace-4711.a:b_c"), "trace-4711.a:b_c");
  const nlohmann::json line = RequestLine("trace-4711.a:b_c");
  ASSERT_TRUE(line.is_object());
  EXPECT_EQ(line["level"], "info");
  EXPECT_EQ(line["msg"], "request");
  EXPECT_EQ(line["rpc"], "/azubimatch.v1.Registry/GetOffer");
  EXPECT_EQ(line["code"], "NOT_FOUND");
  EXPECT_TRUE(line["ms"].is_number());
  EXPECT_EQ(line["member"], officer_.member_id);
  EXPECT_THAT(line["peer"].get<std::string>(), HasSubstr("127.0.0.1"));
  EXPECT_THAT(line["ts"].get<std::string>(), testing::MatchesRegex(
      "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\\.[0-9]{6}Z"));
}

TEST_F(RequestIdTest, WithoutAUsableIdTheServerMakesOneUp) {
  Start(/*log_requests=*/true);
  const std::string made_up = GetMissingOffer("");
  EXPECT_EQ(made_up.size(), 32u);
  EXPECT_EQ(RequestLine(made_up)["rpc"], "/azubimatch.v1.Registry/GetOffer");
  // An id that could forge log lines is replaced, not copied.
  const std::string replaced = GetMissingOffer("evil\" id");
  EXPECT_EQ(replaced.size(), 32u);
  EXPECT_NE(replaced, made_up);
  EXPECT_EQ(RequestLine(replaced)["code"], "NOT_FOUND");
}

TEST_F(RequestIdTest, EveryLineIsJsonAndNoneHoldsTheKey) {
  Start(/*log_requests=*/true);
  GetMissingOffer("one");
  // The health check needs no key: its line has no member.
  ASSERT_TRUE(HealthCheck(server_->bound_address(), "health-1").ok());
  EXPECT_TRUE(RequestLine("health-1")["member"].is_null());
  RequestLine("one");

  const std::vector<std::string> lines = Lines();
  ASSERT_GE(lines.size(), 3u);  // the admin-key message and two requests at least
  for (const std::string& line : lines) {
    const nlohmann::json json = nlohmann::json::parse(line);  // throws when not JSON
    EXPECT_TRUE(json.is_object()) << line;
    EXPECT_TRUE(json.contains("ts") && json.contains("level") && json.contains("msg")) << line;
    EXPECT_THAT(line, Not(HasSubstr(officer_.key)));
    EXPECT_THAT(line, Not(HasSubstr(officer_.key_id)));
  }
}

TEST_F(RequestIdTest, IdsAreReturnedEvenWithoutRequestLines) {
  Start(/*log_requests=*/false);
  EXPECT_EQ(GetMissingOffer("quiet-1"), "quiet-1");
  EXPECT_EQ(GetMissingOffer("").size(), 32u);
  for (const std::string& line : Lines()) {
    EXPECT_THAT(line, Not(HasSubstr("\"request\""))) << line;
  }
}

}  // namespace
}  // namespace azubimatch::service
