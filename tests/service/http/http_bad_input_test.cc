// Bad input and limits over HTTP: each case gets a clear google.rpc.Status, changes
// nothing, and leaves the server serving. Also CORS on and off, and slow clients.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <string>

#include "absl/strings/match.h"
#include "google/protobuf/util/json_util.h"
#include "gtest/gtest.h"
#include "tests/service/http/http_test_server.h"
#include "tests/service/matching/test_records.h"

namespace azubimatch::service {
namespace {

using nlohmann::json;

std::string CandidateJson() {
  std::string out;
  EXPECT_TRUE(google::protobuf::util::MessageToJsonString(TestCandidate(), &out).ok());
  return out;
}

class HttpBadInputTest : public testing::Test {
 protected:
  void SetUp() override {
    ServerOptions options;
    options.http.max_body_bytes = 64 << 10;
    options.http.read_timeout = absl::Seconds(1);
    options.http.cors_origins = {"https://portal.example.org"};
    server_.Start(dir_, options);
    officer_ = NewMemberKey(server_.server(), "Netzwerk Stuttgart", "officer");
  }

  // Nothing was written: the member still has no candidates.
  void ExpectNoCandidates() {
    HttpAnswer list = server_.Call("GET", "/v1/candidates", officer_.key);
    ASSERT_EQ(list.status, 200) << list.body;
    EXPECT_TRUE(list.json["candidates"].empty()) << list.body;
  }

  // The answer is a 400 google.rpc.Status whose message contains `words`.
  void ExpectBadRequest(const HttpAnswer& answer, const std::string& words) {
    EXPECT_EQ(answer.status, 400) << answer.body;
    EXPECT_EQ(answer.json["code"], 3) << answer.body;
    EXPECT_TRUE(absl::StrContains(answer.json.value("message", ""), words))
        << answer.body;
  }

  ScopedTempDir dir_;
  HttpTestServer server_;
  MemberKey officer_;
};

TEST_F(HttpBadInputTest, BrokenJsonIs400) {
  ExpectBadRequest(
      server_.Call("POST", "/v1/candidates", officer_.key, R"({"displayName": )"),
      "body");
  ExpectNoCandidates();
}

TEST_F(HttpBadInputTest, UnknownFieldIsRefusedByName) {
  json body = json::parse(CandidateJson());
  body["favouriteColour"] = "blau";
  ExpectBadRequest(server_.Call("POST", "/v1/candidates", officer_.key, body.dump()),
                   "favouriteColour");
  ExpectNoCandidates();
}

TEST_F(HttpBadInputTest, WrongTypeIs400NamingTheField) {
  json body = json::parse(CandidateJson());
  body["travelLimitMinutes"] = "weit";
  HttpAnswer answer = server_.Call("POST", "/v1/candidates", officer_.key, body.dump());
  ExpectBadRequest(answer, "travel_limit_minutes");
  ASSERT_EQ(answer.json["details"].size(), 1u) << answer.body;
  EXPECT_EQ(answer.json["details"][0]["@type"],
            "type.googleapis.com/google.rpc.BadRequest");
  EXPECT_EQ(answer.json["details"][0]["fieldViolations"][0]["field"],
            "body.travel_limit_minutes");
  body = json::parse(CandidateJson());
  body["travelMode"] = "TRAVEL_MODE_TELEPORT";
  ExpectBadRequest(server_.Call("POST", "/v1/candidates", officer_.key, body.dump()),
                   "travel_mode");
  ExpectNoCandidates();
}

TEST_F(HttpBadInputTest, ServiceValidationCarriesBadRequestDetails) {
  json body = json::parse(CandidateJson());
  body["displayName"] = "";
  HttpAnswer answer = server_.Call("POST", "/v1/candidates", officer_.key, body.dump());
  EXPECT_EQ(answer.status, 400) << answer.body;
  ASSERT_FALSE(answer.json["details"].empty()) << answer.body;
  EXPECT_EQ(answer.json["details"][0]["@type"],
            "type.googleapis.com/google.rpc.BadRequest");
  EXPECT_TRUE(absl::StrContains(answer.json["details"][0].dump(), "display_name"))
      << answer.body;
  ExpectNoCandidates();
}

TEST_F(HttpBadInputTest, BadQueryParameterAndBodyOnGetAre400) {
  ExpectBadRequest(server_.Call("GET", "/v1/candidates?page_size=many", officer_.key),
                   "page_size");
  ExpectBadRequest(server_.Call("GET", "/v1/candidates?colour=blau", officer_.key),
                   "colour");
  ExpectBadRequest(server_.Call("DELETE", "/v1/candidates/0123456789abcdef", officer_.key,
                                R"({"version": 1})"),
                   "takes no body");
}

TEST_F(HttpBadInputTest, BodyOverTheLimitIs413) {
  const std::string big(80 << 10, ' ');
  HttpAnswer answer =
      server_.Call("POST", "/v1/candidates", officer_.key, CandidateJson() + big);
  EXPECT_EQ(answer.status, 413) << answer.body;
  EXPECT_EQ(answer.json["code"], 8) << answer.body;
  ExpectNoCandidates();
}

TEST_F(HttpBadInputTest, UnknownRouteIs404WithStatusBody) {
  // ("/" is the web console's page: tests/service/console.)
  for (const char* path : {"/v1/people", "/v2/candidates", "/v1/candidates/a/b",
                           "/v1/candidates/0123456789abcdef:teleport"}) {
    HttpAnswer answer = server_.Call("GET", path, officer_.key);
    EXPECT_EQ(answer.status, 404) << path;
    EXPECT_EQ(answer.json["code"], 5) << path << " " << answer.body;
  }
}

TEST_F(HttpBadInputTest, WrongMethodIs405WithAllow) {
  HttpAnswer put = server_.Call("PUT", "/v1/candidates", officer_.key, CandidateJson());
  EXPECT_EQ(put.status, 405) << put.body;
  EXPECT_EQ(put.header("Allow"), "GET, POST");
  EXPECT_EQ(put.json["code"], 12);
  HttpAnswer get =
      server_.Call("GET", "/v1/candidates/0123456789abcdef:suggestOffers", officer_.key);
  EXPECT_EQ(get.status, 405);
  EXPECT_EQ(get.header("Allow"), "POST");
  ExpectNoCandidates();
}

TEST_F(HttpBadInputTest, RefusedBeforeTheBodyIsRead) {
  // The auth step comes first: broken JSON without a key is 401, not 400.
  EXPECT_EQ(server_.Call("POST", "/v1/candidates", "", "{broken").status, 401);
}

TEST_F(HttpBadInputTest, CorsPreflightForAllowedOriginOnly) {
  HttpAnswer preflight =
      server_.Call("OPTIONS", "/v1/candidates", "", "",
                   {{"Origin", "https://portal.example.org"},
                    {"Access-Control-Request-Method", "POST"},
                    {"Access-Control-Request-Headers", "authorization, content-type"}});
  EXPECT_EQ(preflight.status, 204);
  EXPECT_EQ(preflight.header("Access-Control-Allow-Origin"),
            "https://portal.example.org");
  EXPECT_EQ(preflight.header("Access-Control-Allow-Methods"), "GET, POST");
  EXPECT_TRUE(absl::StrContains(preflight.header("Access-Control-Allow-Headers"),
                                "Authorization"));

  HttpAnswer foreign = server_.Call(
      "OPTIONS", "/v1/candidates", "", "",
      {{"Origin", "https://evil.example"}, {"Access-Control-Request-Method", "POST"}});
  EXPECT_EQ(foreign.status, 403);
  EXPECT_EQ(foreign.header("Access-Control-Allow-Origin"), "");

  HttpAnswer get = server_.Call("GET", "/v1/candidates", officer_.key, "",
                                {{"Origin", "https://portal.example.org"}});
  EXPECT_EQ(get.status, 200);
  EXPECT_EQ(get.header("Access-Control-Allow-Origin"), "https://portal.example.org");
  EXPECT_EQ(server_
                .Call("GET", "/v1/candidates", officer_.key, "",
                      {{"Origin", "https://evil.example"}})
                .header("Access-Control-Allow-Origin"),
            "");
}

TEST(HttpCorsOffTest, NoCorsHeadersWithoutOrigins) {
  ScopedTempDir dir;
  HttpTestServer server;
  server.Start(dir);
  const MemberKey officer = NewMemberKey(server.server(), "Netzwerk", "officer");
  HttpAnswer preflight = server.Call("OPTIONS", "/v1/candidates", "", "",
                                     {{"Origin", "https://portal.example.org"},
                                      {"Access-Control-Request-Method", "GET"}});
  EXPECT_EQ(preflight.status, 405);
  EXPECT_EQ(preflight.header("Access-Control-Allow-Origin"), "");
  HttpAnswer get = server.Call("GET", "/v1/candidates", officer.key, "",
                               {{"Origin", "https://portal.example.org"}});
  EXPECT_EQ(get.status, 200);
  for (const auto& [name, value] : get.headers) {
    EXPECT_FALSE(absl::StartsWithIgnoreCase(name, "Access-Control-")) << name;
  }
}

TEST_F(HttpBadInputTest, SlowClientIsDisconnectedAfterTheReadTimeout) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  ASSERT_GE(fd, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(server_.port()));
  inet_pton(AF_INET, "127.0.0.1", &address.sin_addr);
  ASSERT_EQ(connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)), 0);
  // Half a request, then silence. A safety bound far above the 1 s read timeout keeps
  // a broken server from hanging the test.
  const std::string partial =
      "POST /v1/candidates HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n";
  ASSERT_EQ(send(fd, partial.data(), partial.size(), 0),
            static_cast<ssize_t>(partial.size()));
  timeval safety{60, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &safety, sizeof(safety));
  char buffer[4096];
  ssize_t n = 0;
  std::string received;
  while ((n = recv(fd, buffer, sizeof(buffer), 0)) > 0) received.append(buffer, n);
  close(fd);
  // The server closed the connection (recv 0), having answered at most an error.
  EXPECT_EQ(n, 0) << "errno " << errno;
  EXPECT_TRUE(received.empty() || absl::StartsWith(received, "HTTP/1.1 4")) << received;
  ExpectNoCandidates();
}

}  // namespace
}  // namespace azubimatch::service
