// The HTTP/JSON routes of matchd against a real server: records, suggestions, runs
// (plain and server-sent events), imports, the OpenAPI document, /metrics, and the
// same role and visibility outcomes as over gRPC.
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "google/protobuf/util/json_util.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/service/http/http_test_server.h"
#include "tests/service/matching/test_records.h"

namespace azubimatch::service {
namespace {

using nlohmann::json;
using ::testing::HasSubstr;

template <typename Message>
std::string Json(const Message& message) {
  std::string out;
  EXPECT_TRUE(google::protobuf::util::MessageToJsonString(message, &out).ok());
  return out;
}

class HttpRoutesTest : public testing::Test {
 protected:
  void SetUp() override {
    server_.Start(dir_);
    officer_ = NewMemberKey(server_.server(), "Netzwerk Stuttgart", "officer");
    other_ = NewMemberKey(server_.server(), "Netzwerk Ulm", "officer");
    analyst_ = NewMemberKey(server_.server(), "Statistik", "analyst");
  }

  // Creates a company and an offer of officer_; returns the offer id.
  std::string NewOffer() {
    HttpAnswer company =
        server_.Call("POST", "/v1/companies", officer_.key, Json(TestCompany()));
    EXPECT_EQ(company.status, 200) << company.body;
    HttpAnswer offer = server_.Call("POST", "/v1/offers", officer_.key,
                                    Json(TestOffer(company.json.value("id", ""))));
    EXPECT_EQ(offer.status, 200) << offer.body;
    return offer.json.value("id", "");
  }

  std::string NewCandidate(const MemberKey& who) {
    HttpAnswer answer =
        server_.Call("POST", "/v1/candidates", who.key, Json(TestCandidate()));
    EXPECT_EQ(answer.status, 200) << answer.body;
    return answer.json.value("id", "");
  }

  ScopedTempDir dir_;
  HttpTestServer server_;
  MemberKey officer_, other_, analyst_;
};

TEST_F(HttpRoutesTest, CandidateCreateGetListPagesDelete) {
  HttpAnswer created =
      server_.Call("POST", "/v1/candidates", officer_.key, Json(TestCandidate()));
  ASSERT_EQ(created.status, 200) << created.body;
  EXPECT_EQ(created.header("Content-Type"), "application/json");
  const std::string id = created.json.value("id", "");
  ASSERT_EQ(id.size(), 16u);
  // lowerCamelCase out, enums by name, zero values printed.
  EXPECT_EQ(created.json["displayName"], "Test");
  EXPECT_EQ(created.json["travelMode"], "TRAVEL_MODE_PUBLIC_TRANSPORT");
  EXPECT_EQ(created.json["memberId"], officer_.member_id);
  EXPECT_TRUE(created.json.contains("externalId"));

  HttpAnswer got = server_.Call("GET", "/v1/candidates/" + id, officer_.key);
  ASSERT_EQ(got.status, 200) << got.body;
  EXPECT_EQ(got.json, created.json);

  NewCandidate(officer_);
  NewCandidate(officer_);
  HttpAnswer page1 = server_.Call("GET", "/v1/candidates?page_size=2", officer_.key);
  ASSERT_EQ(page1.status, 200) << page1.body;
  EXPECT_EQ(page1.json["candidates"].size(), 2u);
  const std::string token = page1.json.value("nextPageToken", "");
  ASSERT_FALSE(token.empty());
  HttpAnswer page2 = server_.Call("GET",
                                  "/v1/candidates?pageSize=2&page_token=" +
                                      httplib::detail::encode_query_param(token),
                                  officer_.key);
  ASSERT_EQ(page2.status, 200) << page2.body;
  EXPECT_EQ(page2.json["candidates"].size(), 1u);
  EXPECT_EQ(page2.json["nextPageToken"], "");

  HttpAnswer deleted = server_.Call("DELETE", "/v1/candidates/" + id, officer_.key);
  EXPECT_EQ(deleted.status, 200) << deleted.body;
  HttpAnswer gone = server_.Call("GET", "/v1/candidates/" + id, officer_.key);
  EXPECT_EQ(gone.status, 404);
  EXPECT_EQ(gone.json["code"], 5);
  EXPECT_FALSE(gone.json.value("message", "").empty());
}

TEST_F(HttpRoutesTest, CompaniesAndOffersCreateGetListDelete) {
  HttpAnswer company =
      server_.Call("POST", "/v1/companies", officer_.key, Json(TestCompany()));
  ASSERT_EQ(company.status, 200) << company.body;
  const std::string company_id = company.json["id"];
  HttpAnswer offer1 =
      server_.Call("POST", "/v1/offers", officer_.key, Json(TestOffer(company_id)));
  ASSERT_EQ(offer1.status, 200) << offer1.body;
  HttpAnswer offer2 = server_.Call("POST", "/v1/offers", officer_.key,
                                   Json(TestOffer(company_id, "62102", 2)));
  ASSERT_EQ(offer2.status, 200) << offer2.body;
  EXPECT_EQ(offer2.json["companyId"], company_id);
  EXPECT_EQ(offer2.json["seats"], 2);

  EXPECT_EQ(server_.Call("GET", "/v1/companies/" + company_id, officer_.key).json["id"],
            company_id);
  const std::string offer_id = offer1.json["id"];
  EXPECT_EQ(server_.Call("GET", "/v1/offers/" + offer_id, officer_.key).json["id"],
            offer_id);

  HttpAnswer offers = server_.Call("GET", "/v1/offers?page_size=1", officer_.key);
  ASSERT_EQ(offers.status, 200) << offers.body;
  EXPECT_EQ(offers.json["offers"].size(), 1u);
  EXPECT_FALSE(offers.json.value("nextPageToken", "").empty());
  HttpAnswer companies = server_.Call("GET", "/v1/companies", officer_.key);
  EXPECT_EQ(companies.json["companies"].size(), 1u);

  // A company with offers cannot go: FAILED_PRECONDITION is 412.
  HttpAnswer refused =
      server_.Call("DELETE", "/v1/companies/" + company_id, officer_.key);
  EXPECT_EQ(refused.status, 412) << refused.body;
  EXPECT_EQ(refused.json["code"], 9);
  for (const std::string& id : {offer_id, std::string(offer2.json["id"])}) {
    EXPECT_EQ(server_.Call("DELETE", "/v1/offers/" + id, officer_.key).status, 200);
  }
  EXPECT_EQ(server_.Call("DELETE", "/v1/companies/" + company_id, officer_.key).status,
            200);
  EXPECT_EQ(server_.Call("GET", "/v1/companies/" + company_id, officer_.key).status, 404);
}

TEST_F(HttpRoutesTest, UpdateWithStaleVersionIs412AndPathNamesTheRecord) {
  HttpAnswer created =
      server_.Call("POST", "/v1/candidates", officer_.key, Json(TestCandidate()));
  const std::string id = created.json["id"];
  json body = created.json;
  body["displayName"] = "Neu";
  body["id"] = "ignoredbythepath";
  HttpAnswer updated =
      server_.Call("PATCH", "/v1/candidates/" + id, officer_.key, body.dump());
  ASSERT_EQ(updated.status, 200) << updated.body;
  EXPECT_EQ(updated.json["displayName"], "Neu");
  EXPECT_EQ(updated.json["id"], id);
  HttpAnswer stale =
      server_.Call("PATCH", "/v1/candidates/" + id, officer_.key, body.dump());
  EXPECT_EQ(stale.status, 412) << stale.body;
  EXPECT_EQ(stale.json["code"], 9);
}

TEST_F(HttpRoutesTest, SuggestOffersCustomMethod) {
  const std::string offer_id = NewOffer();
  const std::string candidate_id = NewCandidate(officer_);
  HttpAnswer answer =
      server_.Call("POST", "/v1/candidates/" + candidate_id + ":suggestOffers",
                   officer_.key, R"({"k": 5})");
  ASSERT_EQ(answer.status, 200) << answer.body;
  ASSERT_EQ(answer.json["suggestions"].size(), 1u) << answer.body;
  EXPECT_EQ(answer.json["suggestions"][0]["offerId"], offer_id);
  EXPECT_EQ(answer.json["suggestions"][0]["candidateId"], candidate_id);
  EXPECT_GT(answer.json["suggestions"][0]["score"].get<double>(), 0.0);
  // The other member cannot see the candidate: NOT_FOUND, as over gRPC.
  HttpAnswer hidden = server_.Call(
      "POST", "/v1/candidates/" + candidate_id + ":suggestOffers", other_.key, "{}");
  EXPECT_EQ(hidden.status, 404) << hidden.body;
}

TEST_F(HttpRoutesTest, AdvancePlacementCustomMethodKeepsTheHistory) {
  const std::string offer_id = NewOffer();
  const std::string candidate_id = NewCandidate(officer_);
  HttpAnswer accepted = server_.Call(
      "POST", "/v1/placements:accept", officer_.key,
      absl::StrCat(R"({"candidateId": ")", candidate_id, R"(", "offerId": ")", offer_id,
                   R"("})"));
  ASSERT_EQ(accepted.status, 200) << accepted.body;
  const std::string path = "/v1/placements/" + accepted.json.value("id", "") + ":advance";
  HttpAnswer skipped = server_.Call(
      "POST", path, officer_.key,
      R"({"status": "PLACEMENT_STATUS_STARTED", "date": {"year": 2024, "month": 8, "day": 1}})");
  EXPECT_EQ(skipped.status, 412) << skipped.body;
  HttpAnswer bad_reason = server_.Call(
      "POST", path, officer_.key,
      R"({"status": "PLACEMENT_STATUS_CONTRACT_SIGNED", "endReason": 99,
          "date": {"year": 2024, "month": 5, "day": 2}})");
  EXPECT_EQ(bad_reason.status, 400) << bad_reason.body;
  EXPECT_THAT(bad_reason.body, HasSubstr("end_reason"));
  HttpAnswer signed_ = server_.Call(
      "POST", path, officer_.key,
      R"({"status": "PLACEMENT_STATUS_CONTRACT_SIGNED", "note": "bei der Kammer",
          "date": {"year": 2024, "month": 5, "day": 2}})");
  ASSERT_EQ(signed_.status, 200) << signed_.body;
  EXPECT_EQ(signed_.json["status"], "PLACEMENT_STATUS_CONTRACT_SIGNED");
  ASSERT_EQ(signed_.json["history"].size(), 2u) << signed_.body;
  EXPECT_EQ(signed_.json["history"][0]["status"], "PLACEMENT_STATUS_ACCEPTED");
  EXPECT_EQ(signed_.json["history"][1]["date"]["month"], 5);
  EXPECT_EQ(signed_.json["history"][1]["note"], "bei der Kammer");
  // Another member's placement does not exist for it.
  HttpAnswer hidden = server_.Call(
      "POST", path, other_.key,
      R"({"status": "PLACEMENT_STATUS_STARTED", "date": {"year": 2024, "month": 8, "day": 1}})");
  EXPECT_EQ(hidden.status, 404) << hidden.body;
}

TEST_F(HttpRoutesTest, AssignAnswersTheStoredRunAndGetRunFindsIt) {
  NewOffer();
  NewCandidate(officer_);
  HttpAnswer run = server_.Call("POST", "/v1/runs", officer_.key,
                                R"({"mode": "ASSIGN_MODE_OPTIMAL", "label": "http"})");
  ASSERT_EQ(run.status, 200) << run.body;
  const std::string run_id = run.json.value("id", "");
  ASSERT_FALSE(run_id.empty()) << run.body;
  EXPECT_EQ(run.json["placements"].size(), 1u) << run.body;
  HttpAnswer got = server_.Call("GET", "/v1/runs/" + run_id, officer_.key);
  ASSERT_EQ(got.status, 200) << got.body;
  EXPECT_EQ(got.json["id"], run_id);
  EXPECT_EQ(got.json["placements"], run.json["placements"]);
  HttpAnswer listed = server_.Call("GET", "/v1/runs", officer_.key);
  ASSERT_EQ(listed.status, 200) << listed.body;
  EXPECT_EQ(listed.json["runs"].size(), 1u);
}

TEST_F(HttpRoutesTest, AssignStreamsServerSentEventsEndingWithTheRun) {
  NewOffer();
  NewCandidate(officer_);
  HttpAnswer stream =
      server_.Call("POST", "/v1/runs", officer_.key, R"({"mode": "ASSIGN_MODE_STABLE"})",
                   {{"Accept", "text/event-stream"}});
  ASSERT_EQ(stream.status, 200) << stream.body;
  EXPECT_TRUE(absl::StartsWith(stream.header("Content-Type"), "text/event-stream"));
  // Events: "event: NAME\ndata: JSON\n\n"; the last one is the run.
  std::vector<std::string> events =
      absl::StrSplit(stream.body, "\n\n", absl::SkipEmpty());
  ASSERT_FALSE(events.empty());
  const std::vector<std::string> last = absl::StrSplit(events.back(), '\n');
  ASSERT_EQ(last.size(), 2u) << events.back();
  EXPECT_EQ(last[0], "event: run");
  ASSERT_TRUE(absl::StartsWith(last[1], "data: "));
  json data = json::parse(last[1].substr(6));
  const std::string run_id = data["run"].value("id", "");
  ASSERT_FALSE(run_id.empty());
  EXPECT_EQ(server_.Call("GET", "/v1/runs/" + run_id, officer_.key).status, 200);
  for (size_t i = 0; i + 1 < events.size(); ++i) {
    EXPECT_TRUE(absl::StartsWith(events[i], "event: progress\ndata: {")) << events[i];
  }
}

TEST_F(HttpRoutesTest, AssignRefusedBeforeStreamingGetsItsHttpStatus) {
  HttpAnswer refused =
      server_.Call("POST", "/v1/runs", officer_.key, R"({"label": "no mode"})",
                   {{"Accept", "text/event-stream"}});
  EXPECT_EQ(refused.status, 400) << refused.body;
  EXPECT_EQ(refused.json["code"], 3);
}

TEST_F(HttpRoutesTest, ImportTakesAJsonArrayOrNdjson) {
  v1::ImportRequest company;
  *company.mutable_company() = TestCompany();
  company.mutable_company()->set_external_id("c-1");
  v1::ImportRequest candidate;
  *candidate.mutable_candidate() = TestCandidate();
  candidate.mutable_candidate()->set_external_id("k-1");
  HttpAnswer array =
      server_.Call("POST", "/v1/records:import", officer_.key,
                   absl::StrCat("[", Json(company), ",", Json(candidate), "]"));
  ASSERT_EQ(array.status, 200) << array.body;
  EXPECT_EQ(array.json["received"], "2");  // int64 as a string (proto3 JSON)
  EXPECT_EQ(array.json["created"], "2");
  EXPECT_EQ(array.json["ids"].size(), 2u);

  candidate.mutable_candidate()->set_external_id("k-2");
  v1::ImportRequest third = candidate;
  third.mutable_candidate()->set_external_id("k-3");
  HttpAnswer ndjson =
      server_.Call("POST", "/v1/records:import", officer_.key,
                   absl::StrCat(Json(candidate), "\n\n", Json(third), "\n"), {},
                   "application/x-ndjson");
  ASSERT_EQ(ndjson.status, 200) << ndjson.body;
  EXPECT_EQ(ndjson.json["created"], "2");
  EXPECT_EQ(server_.Call("GET", "/v1/candidates", officer_.key).json["candidates"].size(),
            3u);

  // A broken element refuses the whole body before anything is written.
  HttpAnswer broken =
      server_.Call("POST", "/v1/records:import", officer_.key,
                   absl::StrCat(Json(candidate), "\n{\"candidate\": {\"nope\": 1}}\n"));
  EXPECT_EQ(broken.status, 400) << broken.body;
  EXPECT_TRUE(absl::StrContains(broken.json.value("message", ""), "line 2"))
      << broken.body;
  EXPECT_TRUE(absl::StrContains(broken.json.value("message", ""), "nope")) << broken.body;
  EXPECT_EQ(server_.Call("GET", "/v1/candidates", officer_.key).json["candidates"].size(),
            3u);
}

TEST_F(HttpRoutesTest, OpenApiDocumentIsServedWithoutKey) {
  HttpAnswer doc = server_.Call("GET", "/openapi.json", "");
  ASSERT_EQ(doc.status, 200);
  EXPECT_EQ(doc.json["openapi"], "3.0.3");
  EXPECT_EQ(doc.json["paths"]["/v1/candidates"]["post"]["operationId"],
            "Registry_CreateCandidate");
  EXPECT_EQ(doc.json["paths"]["/v1/candidates/{candidate_id}:suggestOffers"]["post"]
                    ["operationId"],
            "Matching_SuggestOffers");
  EXPECT_EQ(doc.json["components"]["securitySchemes"]["bearerAuth"]["scheme"], "bearer");
}

TEST_F(HttpRoutesTest, RolesAndVisibilityAnswerAsOverGrpc) {
  // No key: UNAUTHENTICATED, 401.
  HttpAnswer anonymous = server_.Call("GET", "/v1/candidates", "");
  EXPECT_EQ(anonymous.status, 401);
  EXPECT_EQ(anonymous.json["code"], 16);
  EXPECT_EQ(server_.Call("GET", "/v1/candidates", "not-a-key").status, 401);
  // Another member's candidate: NOT_FOUND, 404.
  const std::string id = NewCandidate(officer_);
  EXPECT_EQ(server_.Call("GET", "/v1/candidates/" + id, other_.key).status, 404);
  EXPECT_EQ(server_.Call("DELETE", "/v1/candidates/" + id, other_.key).status, 404);
  EXPECT_EQ(server_.Call("GET", "/v1/candidates/" + id, officer_.key).status, 200);
  // Analysts may not read candidates or write: PERMISSION_DENIED, 403.
  HttpAnswer analyst = server_.Call("GET", "/v1/candidates", analyst_.key);
  EXPECT_EQ(analyst.status, 403);
  EXPECT_EQ(analyst.json["code"], 7);
  EXPECT_EQ(
      server_.Call("POST", "/v1/candidates", analyst_.key, Json(TestCandidate())).status,
      403);
  // ... but may list offers and runs.
  EXPECT_EQ(server_.Call("GET", "/v1/offers", analyst_.key).status, 200);
  // Officers may not administer: 403.
  EXPECT_EQ(server_.Call("GET", "/v1/members", officer_.key).status, 403);
}

TEST_F(HttpRoutesTest, ReadsAreAudited) {
  const std::string id = NewCandidate(officer_);
  EXPECT_EQ(server_.Call("GET", "/v1/candidates/" + id, officer_.key).status, 200);
  const std::string admin_key = NewMemberKey(server_.server(), "Admins", "admin").key;
  HttpAnswer audit = server_.Call("GET", "/v1/auditEntries?limit=100", admin_key);
  ASSERT_EQ(audit.status, 200) << audit.body;
  bool read_seen = false;
  for (const json& entry : audit.json["entries"]) {
    if (entry["rpc"] == "/azubimatch.v1.Registry/GetCandidate" &&
        entry["action"] == "read" && entry["keyId"] == officer_.key_id) {
      read_seen = true;
    }
  }
  EXPECT_TRUE(read_seen) << audit.body;
  EXPECT_TRUE(audit.json["chainIntact"].get<bool>());
}

// GET /metrics on the HTTP listener, without a key: the gRPC metrics of the calls the
// gateway made, and the HTTP requests counted by route template (never by path, so
// two candidates' ids make one series).
TEST_F(HttpRoutesTest, MetricsCountHttpRequestsByRouteTemplate) {
  const std::string first = NewCandidate(officer_);
  const std::string second = NewCandidate(officer_);
  EXPECT_EQ(server_.Call("GET", "/v1/candidates/" + first, officer_.key).status, 200);
  EXPECT_EQ(server_.Call("GET", "/v1/candidates/" + second, officer_.key).status, 200);
  EXPECT_EQ(server_.Call("GET", "/v1/candidates/0000000000000000", officer_.key).status, 404);
  EXPECT_EQ(server_.Call("GET", "/v1/nothing-here", officer_.key).status, 404);

  const HttpAnswer metrics = server_.Call("GET", "/metrics", "");
  ASSERT_EQ(metrics.status, 200) << metrics.body;
  EXPECT_THAT(metrics.header("Content-Type"), HasSubstr("text/plain"));
  const std::string& text = metrics.body;
  EXPECT_THAT(text, HasSubstr(R"(http_server_requests_total{code="200",method="GET",)"
                              R"(route="/v1/candidates/{id}"} 2)"));
  EXPECT_THAT(text, HasSubstr(R"(http_server_requests_total{code="404",method="GET",)"
                              R"(route="/v1/candidates/{id}"} 1)"));
  EXPECT_THAT(text, HasSubstr(R"(http_server_requests_total{code="200",method="POST",)"
                              R"(route="/v1/candidates"} 2)"));
  EXPECT_THAT(text, HasSubstr(R"(http_server_requests_total{code="404",method="GET",)"
                              R"(route="unmatched"} 1)"));
  EXPECT_THAT(text, testing::Not(HasSubstr(first)));
  // The same calls through gRPC's metrics, as the gateway transcodes them.
  EXPECT_THAT(text, HasSubstr(R"(grpc_server_handled_total{grpc_code="OK",)"
                              R"(grpc_method="GetCandidate",grpc_service="azubimatch.v1.Registry",)"
                              R"(grpc_type="unary"} 2)"));
}

TEST(HttpRateLimitTest, RateLimitChargedOncePerHttpCall) {
  ScopedTempDir dir;
  HttpTestServer server;
  ServerOptions options;
  options.access.rate_limit.requests_per_second = 0.001;  // no refill during the test
  options.access.rate_limit.burst = 3;
  server.Start(dir, options);
  const MemberKey officer = NewMemberKey(server.server(), "Netzwerk", "officer");
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(server.Call("GET", "/v1/candidates", officer.key).status, 200) << i;
  }
  HttpAnswer limited = server.Call("GET", "/v1/candidates", officer.key);
  EXPECT_EQ(limited.status, 429) << limited.body;
  EXPECT_EQ(limited.json["code"], 8);
}

}  // namespace
}  // namespace azubimatch::service
