// The route table from the protos' annotations, path matching, request transcoding and
// the status mapping, without a server.
#include "service/http/route_table.h"

#include <set>
#include <string>

#include "azubimatch/v1/matching.pb.h"
#include "azubimatch/v1/registry.pb.h"
#include "gtest/gtest.h"
#include "service/http/api_files.h"
#include "service/http/http_status.h"
#include "service/http/request_transcoding.h"

namespace azubimatch::service::http {
namespace {

const RouteTable& Table() {
  static const RouteTable* table = [] {
    absl::StatusOr<RouteTable> t = RouteTable::ForPackage(kApiPackage, ApiProtoFiles());
    EXPECT_TRUE(t.ok()) << t.status();
    return new RouteTable(std::move(*t));
  }();
  return *table;
}

TEST(RouteTableTest, EveryRpcOfThePackageHasARoute) {
  std::set<std::string> methods;
  for (const HttpRoute& route : Table().routes()) methods.insert(route.grpc_method);
  const auto* pool = google::protobuf::DescriptorPool::generated_pool();
  int rpcs = 0;
  for (const std::string& file : ApiProtoFiles()) {
    const google::protobuf::FileDescriptor* f = pool->FindFileByName(file);
    ASSERT_NE(f, nullptr) << file;
    for (int s = 0; s < f->service_count(); ++s) {
      for (int m = 0; m < f->service(s)->method_count(); ++m) {
        ++rpcs;
        const auto* method = f->service(s)->method(m);
        EXPECT_TRUE(
            methods.count("/" + method->service()->full_name() + "/" + method->name()))
            << method->full_name();
      }
    }
  }
  EXPECT_EQ(rpcs, 47);
  EXPECT_EQ(methods.size(), static_cast<size_t>(rpcs));
}

TEST(RouteTableTest, MatchesResourcePathsAndCustomVerbs) {
  RouteMatch m = Table().Match("POST", "/v1/candidates/0123456789abcdef:suggestOffers");
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.route->grpc_method, "/azubimatch.v1.Matching/SuggestOffers");
  EXPECT_EQ(m.route->operation_id, "Matching_SuggestOffers");
  ASSERT_EQ(m.variables.size(), 1u);
  EXPECT_EQ(m.variables[0].first, "candidate_id");
  EXPECT_EQ(m.variables[0].second, "0123456789abcdef");

  m = Table().Match("GET", "/v1/candidates/0123456789abcdef");
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.route->grpc_method, "/azubimatch.v1.Registry/GetCandidate");
  m = Table().Match("GET", "/v1/candidates/0123456789abcdef:export");
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.route->grpc_method, "/azubimatch.v1.DataProtection/ExportCandidate");
  m = Table().Match("PATCH", "/v1/companies/0123456789abcdef");
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.variables[0].first, "company.id");
  m = Table().Match("POST", "/v1/runs");
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.route->response_body, "run");
}

TEST(RouteTableTest, WrongMethodListsAllowedOnesUnknownPathNone) {
  RouteMatch m = Table().Match("PUT", "/v1/candidates");
  EXPECT_EQ(m.route, nullptr);
  EXPECT_EQ(m.allowed_methods, (std::vector<std::string>{"GET", "POST"}));
  m = Table().Match("GET", "/v1/nothing");
  EXPECT_EQ(m.route, nullptr);
  EXPECT_TRUE(m.allowed_methods.empty());
  EXPECT_EQ(Table().Match("GET", "/v1/candidates/").route, nullptr);
  EXPECT_EQ(Table().Match("GET", "/v1/candidates/x:unknownVerb").route, nullptr);
}

TEST(RouteTableTest, TemplateParserRefusesWhatItCannotServe) {
  HttpRoute route;
  EXPECT_TRUE(ParsePathTemplate("/v1/{name=shelves/*}", &route).code() ==
              absl::StatusCode::kInvalidArgument);
  EXPECT_FALSE(ParsePathTemplate("v1/x", &route).ok());
  EXPECT_FALSE(ParsePathTemplate("/v1/{id", &route).ok());
  ASSERT_TRUE(ParsePathTemplate("/v1/a/{b.c=*}:go", &route).ok());
  EXPECT_EQ(route.verb, "go");
  ASSERT_EQ(route.segments.size(), 3u);
  EXPECT_EQ(route.segments[2].field_path, "b.c");
}

TEST(RequestTranscodingTest, BodyQueryAndPathFillTheRequest) {
  const HttpRoute* route = Table().Match("GET", "/v1/candidates").route;
  ASSERT_NE(route, nullptr);
  auto request =
      BuildRequest(*route, {}, {{"page_size", "7"}, {"kldbCode", "62102"}}, "");
  ASSERT_TRUE(request.ok()) << request.status();
  const auto& list = static_cast<const v1::ListRecordsRequest&>(**request);
  EXPECT_EQ(list.page_size(), 7);
  EXPECT_EQ(list.kldb_code(), "62102");

  RouteMatch m = Table().Match("POST", "/v1/candidates/0123456789abcdef:suggestOffers");
  request = BuildRequest(*m.route, m.variables, {},
                         R"({"candidate_id": "overridden", "k": 3, "kldbCode": "x"})");
  ASSERT_TRUE(request.ok()) << request.status();
  const auto& suggest = static_cast<const v1::SuggestOffersRequest&>(**request);
  EXPECT_EQ(suggest.candidate_id(), "0123456789abcdef");
  EXPECT_EQ(suggest.k(), 3);
  EXPECT_EQ(suggest.kldb_code(), "x");
}

TEST(RequestTranscodingTest, RefusalsNameTheProblem) {
  const HttpRoute* create = Table().Match("POST", "/v1/candidates").route;
  absl::StatusOr<std::unique_ptr<google::protobuf::Message>> r =
      BuildRequest(*create, {}, {}, R"({"displayName": 5})");
  EXPECT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
  r = BuildRequest(*create, {}, {}, R"({"shoeSize": 5})");
  EXPECT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(r.status().message().find("shoeSize"), std::string::npos) << r.status();
  const HttpRoute* list = Table().Match("GET", "/v1/placements").route;
  r = BuildRequest(*list, {}, {{"status", "PLACEMENT_STATUS_NOPE"}}, "");
  EXPECT_NE(r.status().message().find("status"), std::string::npos) << r.status();
  r = BuildRequest(*list, {}, {{"status", "PLACEMENT_STATUS_ACCEPTED"}}, "");
  EXPECT_TRUE(r.ok()) << r.status();
}

TEST(RequestTranscodingTest, MessageStreamsFromArraysAndLines) {
  const auto* type = v1::ImportRequest::descriptor();
  auto array =
      ParseMessageStream(type, R"([{"company": {"name": "a"}}, {"candidate": {}}])");
  ASSERT_TRUE(array.ok()) << array.status();
  EXPECT_EQ(array->size(), 2u);
  auto lines = ParseMessageStream(type, "{\"company\": {}}\n\n{\"offer\": {}}\n");
  ASSERT_TRUE(lines.ok()) << lines.status();
  EXPECT_EQ(lines->size(), 2u);
  auto bad = ParseMessageStream(type, R"([{"company": {}}, 3])");
  EXPECT_NE(bad.status().message().find("records[1]"), std::string::npos) << bad.status();
  bad = ParseMessageStream(type, "[{\"company\": {}}");
  EXPECT_EQ(bad.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(ParseMessageStream(type, "").ok());
}

TEST(HttpStatusTest, GoogleMappingWithFailedPreconditionAs412) {
  EXPECT_EQ(HttpStatusForCode(3), 400);
  EXPECT_EQ(HttpStatusForCode(16), 401);
  EXPECT_EQ(HttpStatusForCode(7), 403);
  EXPECT_EQ(HttpStatusForCode(5), 404);
  EXPECT_EQ(HttpStatusForCode(6), 409);
  EXPECT_EQ(HttpStatusForCode(10), 409);
  EXPECT_EQ(HttpStatusForCode(9), 412);
  EXPECT_EQ(HttpStatusForCode(8), 429);
  EXPECT_EQ(HttpStatusForCode(1), 499);
  EXPECT_EQ(HttpStatusForCode(13), 500);
  EXPECT_EQ(HttpStatusForCode(14), 503);
  EXPECT_EQ(HttpStatusForCode(4), 504);
  EXPECT_EQ(StatusJson(grpc::Status(grpc::StatusCode::NOT_FOUND, "no \"x\"")),
            R"({"code":5,"message":"no \"x\""})");
}

}  // namespace
}  // namespace azubimatch::service::http
