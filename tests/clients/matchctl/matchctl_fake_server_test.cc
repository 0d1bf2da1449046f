// matchctl against a small in-process Registry server on 127.0.0.1:0 (real gRPC), which
// records what it was sent: paging, JSON output, credentials, refusals with field
// violations, and imports with errors mapped back to input lines.
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "azubimatch/v1/registry.grpc.pb.h"
#include "gmock/gmock.h"
#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"
#include "tests/clients/matchctl/matchctl_runner.h"

namespace azubimatch::matchctl {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

// Five offers "offer-0".."offer-4"; GetOffer "bad" fails with field violations;
// Import refuses offers without seats.
class FakeRegistry final : public v1::Registry::Service {
 public:
  grpc::Status ListOffers(grpc::ServerContext* context,
                          const v1::ListRecordsRequest* request,
                          v1::ListOffersResponse* response) override {
    Record(context);
    absl::MutexLock lock(&mu_);
    list_requests_.push_back(*request);
    int start = 0;
    if (!request->page_token().empty()) start = std::stoi(request->page_token());
    const int size = request->page_size() == 0 ? 100 : request->page_size();
    int i = start;
    for (; i < kOffers && i < start + size; ++i) {
      v1::TrainingOffer* offer = response->add_offers();
      offer->set_id(absl::StrCat("offer-", i));
      offer->set_seats(i + 1);
      offer->set_version(int64_t{5000000000} + i);
      offer->mutable_location()->set_municipality("Ulm");
    }
    if (i < kOffers) response->set_next_page_token(absl::StrCat(i));
    return grpc::Status::OK;
  }

  grpc::Status GetOffer(grpc::ServerContext* context, const v1::GetRecordRequest* request,
                        v1::TrainingOffer* response) override {
    Record(context);
    if (request->id() == "bad") {
      google::rpc::BadRequest bad_request;
      auto* v = bad_request.add_field_violations();
      v->set_field("offer.seats");
      v->set_description("must be between 1 and 1000");
      v = bad_request.add_field_violations();
      v->set_field("offer.start_date");
      v->set_description("required");
      google::rpc::Status details;
      details.set_code(grpc::StatusCode::INVALID_ARGUMENT);
      details.set_message("offer.seats: must be between 1 and 1000");
      details.add_details()->PackFrom(bad_request);
      return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT, details.message(),
                          details.SerializeAsString());
    }
    if (request->id() != "offer-1") {
      return grpc::Status(grpc::StatusCode::NOT_FOUND, "no offer " + request->id());
    }
    response->set_id("offer-1");
    response->set_version(7);
    return grpc::Status::OK;
  }

  grpc::Status CreateOffer(grpc::ServerContext* context,
                           const v1::CreateOfferRequest* request,
                           v1::TrainingOffer* response) override {
    Record(context);
    absl::MutexLock lock(&mu_);
    created_.push_back(request->offer());
    *response = request->offer();
    response->set_id("new-offer");
    response->set_version(1);
    return grpc::Status::OK;
  }

  grpc::Status DeleteOffer(grpc::ServerContext* context,
                           const v1::DeleteRecordRequest* request,
                           v1::DeleteRecordResponse*) override {
    Record(context);
    absl::MutexLock lock(&mu_);
    deleted_.push_back(*request);
    return grpc::Status::OK;
  }

  grpc::Status ListCompanies(grpc::ServerContext* context,
                             const v1::ListRecordsRequest* request,
                             v1::ListCompaniesResponse* response) override {
    Record(context);
    if (request->external_id() == "c-1") response->add_companies()->set_id("company-1");
    return grpc::Status::OK;
  }

  grpc::Status Import(grpc::ServerContext* context,
                      grpc::ServerReader<v1::ImportRequest>* reader,
                      v1::ImportResponse* response) override {
    Record(context);
    v1::ImportRequest request;
    int64_t index = 0;
    std::vector<v1::ImportRequest> received;
    while (reader->Read(&request)) {
      received.push_back(request);
      response->set_received(response->received() + 1);
      if (request.has_offer() && request.offer().seats() == 0) {
        response->set_failed(response->failed() + 1);
        v1::ImportError* error = response->add_errors();
        error->set_index(index);
        error->set_external_id(request.offer().external_id());
        error->set_code("INVALID_ARGUMENT");
        error->set_field("offer.seats");
        error->set_message("offer.seats: must be between 1 and 1000");
        response->add_ids("");
      } else {
        response->set_created(response->created() + 1);
        response->add_ids(absl::StrCat("id-", imported_));
      }
      ++index;
      absl::MutexLock lock(&mu_);
      ++imported_;
    }
    absl::MutexLock lock(&mu_);
    import_streams_.push_back(std::move(received));
    return grpc::Status::OK;
  }

  std::vector<std::string> authorizations() {
    absl::MutexLock lock(&mu_);
    return authorizations_;
  }
  std::vector<v1::ListRecordsRequest> list_requests() {
    absl::MutexLock lock(&mu_);
    return list_requests_;
  }
  std::vector<std::vector<v1::ImportRequest>> import_streams() {
    absl::MutexLock lock(&mu_);
    return import_streams_;
  }
  std::vector<v1::TrainingOffer> created() {
    absl::MutexLock lock(&mu_);
    return created_;
  }
  std::vector<v1::DeleteRecordRequest> deleted() {
    absl::MutexLock lock(&mu_);
    return deleted_;
  }

 private:
  static constexpr int kOffers = 5;

  // Notes the authorization metadata ("-" when absent) of every call.
  void Record(grpc::ServerContext* context) {
    const auto& metadata = context->client_metadata();
    auto it = metadata.find("authorization");
    absl::MutexLock lock(&mu_);
    authorizations_.push_back(
        it == metadata.end() ? "-" : std::string(it->second.data(), it->second.size()));
  }

  absl::Mutex mu_;
  std::vector<std::string> authorizations_ ABSL_GUARDED_BY(mu_);
  std::vector<v1::ListRecordsRequest> list_requests_ ABSL_GUARDED_BY(mu_);
  std::vector<std::vector<v1::ImportRequest>> import_streams_ ABSL_GUARDED_BY(mu_);
  std::vector<v1::TrainingOffer> created_ ABSL_GUARDED_BY(mu_);
  std::vector<v1::DeleteRecordRequest> deleted_ ABSL_GUARDED_BY(mu_);
  int64_t imported_ ABSL_GUARDED_BY(mu_) = 0;
};

class MatchctlFakeServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    grpc::ServerBuilder builder;
    int port = 0;
    builder.AddListeningPort("127.0.0.1:0", grpc::InsecureServerCredentials(), &port);
    builder.RegisterService(&registry_);
    server_ = builder.BuildAndStart();
    ASSERT_NE(server_, nullptr);
    address_ = absl::StrCat("127.0.0.1:", port);
  }
  void TearDown() override { server_->Shutdown(); }

  // Runs matchctl with --server pointing at the fake (appended last).
  CtlResult RunCtl(std::vector<std::string> args, const std::string& stdin_text = "",
                   absl::flat_hash_map<std::string, std::string> environment = {}) {
    args.push_back("--server");
    args.push_back(address_);
    return matchctl::RunCtl(args, stdin_text, std::move(environment));
  }

  FakeRegistry registry_;
  std::unique_ptr<grpc::Server> server_;
  std::string address_;
};

TEST_F(MatchctlFakeServerTest, ListFetchesEveryPageAndPrintsOneJsonObject) {
  const CtlResult result = RunCtl({"--json", "list", "offers", "--page-size", "2"});
  ASSERT_EQ(result.code, 0) << result.err;
  EXPECT_EQ(registry_.list_requests().size(), 3u);
  EXPECT_THAT(result.out, testing::StartsWith("{\"offers\":[{\"id\":\"offer-0\","));
  EXPECT_THAT(result.out, HasSubstr("\"id\":\"offer-4\""));
  EXPECT_THAT(result.out, HasSubstr("\"seats\":5,"));
  EXPECT_THAT(result.out, HasSubstr("\"version\":5000000004"));
  EXPECT_THAT(result.out, testing::EndsWith("]}\n"));
  EXPECT_EQ(std::count(result.out.begin(), result.out.end(), '\n'), 1);
}

TEST_F(MatchctlFakeServerTest, ListStopsAtTheLimitAndSendsTheFilters) {
  const CtlResult result =
      RunCtl({"list", "offers", "--limit", "3", "--municipality", "Ulm", "--kldb",
              "62102", "--status", "open", "--company", "c9"});
  ASSERT_EQ(result.code, 0) << result.err;
  const std::vector<v1::ListRecordsRequest> requests = registry_.list_requests();
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_EQ(requests[0].page_size(), 3);
  EXPECT_EQ(requests[0].municipality(), "Ulm");
  EXPECT_EQ(requests[0].kldb_code(), "62102");
  EXPECT_EQ(requests[0].status(), v1::OFFER_STATUS_OPEN);
  EXPECT_EQ(requests[0].company_id(), "c9");
  EXPECT_THAT(result.out, HasSubstr("ID       EXTERNAL_ID  COMPANY_ID"));
  EXPECT_THAT(result.out, HasSubstr("offer-2"));
  EXPECT_THAT(result.out,
              testing::EndsWith("3 offers (more match; raise --limit to see them)\n"));
}

TEST_F(MatchctlFakeServerTest, GlobalFlagsWorkBeforeAndAfterTheCommand) {
  const CtlResult before =
      RunCtl({"--json", "--api-key", "k1", "get", "offer", "offer-1"});
  const CtlResult after = RunCtl({"get", "offer", "offer-1", "--json", "--api-key=k1"});
  ASSERT_EQ(before.code, 0) << before.err;
  EXPECT_EQ(before.out, after.out);
  EXPECT_THAT(before.out, HasSubstr("\"version\":7,"));
}

TEST_F(MatchctlFakeServerTest, ApiKeyIsSentAsBearerTokenFromFlagOrEnvironment) {
  ASSERT_EQ(RunCtl({"get", "offer", "offer-1"}).code, 0);
  ASSERT_EQ(RunCtl({"get", "offer", "offer-1", "--api-key", "flag-key"}).code, 0);
  ASSERT_EQ(
      RunCtl({"get", "offer", "offer-1"}, "", {{"AZUBIMATCH_API_KEY", "env-key"}}).code,
      0);
  EXPECT_THAT(registry_.authorizations(),
              ElementsAre("-", "Bearer flag-key", "Bearer env-key"));
}

TEST_F(MatchctlFakeServerTest, RefusalExitsOneWithCodeNameMessageAndFieldViolations) {
  const CtlResult bad = RunCtl({"get", "offer", "bad"});
  EXPECT_EQ(bad.code, 1);
  EXPECT_THAT(bad.out, IsEmpty());
  EXPECT_EQ(bad.err,
            "matchctl: INVALID_ARGUMENT: offer.seats: must be between 1 and 1000\n"
            "  offer.seats: must be between 1 and 1000\n"
            "  offer.start_date: required\n");
  const CtlResult missing = RunCtl({"--json", "get", "offer", "nope"});
  EXPECT_EQ(missing.code, 1);
  EXPECT_EQ(missing.err, "matchctl: NOT_FOUND: no offer nope\n");
}

TEST_F(MatchctlFakeServerTest, UnreachableServerExitsOneWithUnavailable) {
  server_->Shutdown();
  const CtlResult result = RunCtl({"list", "offers", "--timeout", "5"});
  EXPECT_EQ(result.code, 1);
  EXPECT_THAT(result.err, HasSubstr("matchctl: UNAVAILABLE: "));
}

TEST_F(MatchctlFakeServerTest,
       AddBuildsTheRecordFromColumnFlagsAndPrintsTheStoredRecord) {
  const CtlResult result = RunCtl({"add", "offer", "--company-id", "c1", "--kldb_code",
                                   "62102", "--seats", "2", "--start-date", "2025-08-01",
                                   "--required-languages", "de:B1;tr:A2", "--json"});
  ASSERT_EQ(result.code, 0) << result.err;
  const std::vector<v1::TrainingOffer> created = registry_.created();
  ASSERT_EQ(created.size(), 1u);
  EXPECT_EQ(created[0].company_id(), "c1");
  EXPECT_EQ(created[0].occupation().kldb_code(), "62102");
  EXPECT_EQ(created[0].seats(), 2);
  EXPECT_EQ(created[0].start_date().day(), 1);
  EXPECT_EQ(created[0].required_languages_size(), 2);
  EXPECT_THAT(result.out, testing::StartsWith("{\"id\":\"new-offer\","));
  EXPECT_THAT(result.out, HasSubstr("\"version\":1"));
}

TEST_F(MatchctlFakeServerTest, AddFromAJsonFileWithFlagsOverridingIt) {
  const CtlResult result = RunCtl({"add", "offer", "--file", "-", "--seats", "3"},
                                  "{\n  \"company_id\": \"c2\",\n  \"seats\": 1\n}\n");
  ASSERT_EQ(result.code, 0) << result.err;
  const std::vector<v1::TrainingOffer> created = registry_.created();
  ASSERT_EQ(created.size(), 1u);
  EXPECT_EQ(created[0].company_id(), "c2");
  EXPECT_EQ(created[0].seats(), 3);
  // Padded to the longest field name (vocational_school.municipality).
  EXPECT_THAT(result.out, ::testing::ContainsRegex("(^|\n)id +new-offer\n"));

  const CtlResult unknown = RunCtl({"add", "offer", "--file", "-"}, "{\"seets\": 1}");
  EXPECT_EQ(unknown.code, 2);
  EXPECT_THAT(unknown.err, HasSubstr("seets"));
}

TEST_F(MatchctlFakeServerTest, DeleteSendsTheVersion) {
  const CtlResult result = RunCtl({"delete", "offer", "offer-3", "--version", "4"});
  ASSERT_EQ(result.code, 0) << result.err;
  EXPECT_EQ(result.out, "deleted offer offer-3\n");
  const std::vector<v1::DeleteRecordRequest> deleted = registry_.deleted();
  ASSERT_EQ(deleted.size(), 1u);
  EXPECT_EQ(deleted[0].id(), "offer-3");
  EXPECT_EQ(deleted[0].version(), 4);
  EXPECT_EQ(RunCtl({"--json", "delete", "offer", "offer-3"}).out,
            "{\"id\":\"offer-3\",\"deleted\":true}\n");
}

TEST_F(MatchctlFakeServerTest, ImportStreamsBatchesAndMapsRefusalsToInputLines) {
  const std::string csv =
      "external_id,company_id,seats,title\n"  // line 1
      "o-1,c1,1,\"two\nlines\"\n"             // lines 2-3
      "o-2,c1,0,\n"                           // line 4: refused (no seats)
      "\n"                                    // line 5
      "o-3,c1,2,\n"                           // line 6
      "o-4,c1,,\n";                           // line 7: refused
  const CtlResult result = RunCtl(
      {"import", "offers", "-", "--format", "csv", "--batch-size", "2", "--json"}, csv);
  EXPECT_EQ(result.code, 1) << result.err;
  const auto streams = registry_.import_streams();
  ASSERT_EQ(streams.size(), 2u);
  EXPECT_EQ(streams[0].size(), 2u);
  EXPECT_EQ(streams[1].size(), 2u);
  EXPECT_EQ(streams[1][1].offer().external_id(), "o-4");
  EXPECT_EQ(
      result.out,
      "{\"file\":\"-\",\"kind\":\"offers\",\"records\":4,\"received\":4,\"created\":2,"
      "\"updated\":0,\"failed\":2,\"complete\":true,\"errors\":["
      "{\"line\":4,\"external_id\":\"o-2\",\"code\":\"INVALID_ARGUMENT\","
      "\"field\":\"offer.seats\",\"message\":\"offer.seats: must be between 1 and "
      "1000\"},"
      "{\"line\":7,\"external_id\":\"o-4\",\"code\":\"INVALID_ARGUMENT\","
      "\"field\":\"offer.seats\",\"message\":\"offer.seats: must be between 1 and "
      "1000\"}],"
      "\"ids\":[\"id-0\",\"\",\"id-2\",\"\"]}\n");

  const CtlResult text = RunCtl({"import", "offers", "-", "--format", "csv"}, csv);
  EXPECT_EQ(text.code, 1);
  EXPECT_EQ(
      text.out,
      "-: 4 offers read, 4 received by the server: 2 created, 0 updated, 2 failed\n");
  EXPECT_THAT(text.err, HasSubstr("-:4 (external_id o-2): INVALID_ARGUMENT: offer.seats: "
                                  "must be between 1 and 1000\n"));
  EXPECT_THAT(text.err, HasSubstr("-:7 (external_id o-4): "));
}

TEST_F(MatchctlFakeServerTest, ImportOfAGoodFileExitsZero) {
  const CtlResult result = RunCtl({"import", "candidates", "-", "--format", "jsonl"},
                                  "{\"display_name\":\"A\"}\n{\"display_name\":\"B\"}\n");
  EXPECT_EQ(result.code, 0) << result.err;
  EXPECT_EQ(
      result.out,
      "-: 2 candidates read, 2 received by the server: 2 created, 0 updated, 0 failed\n");
  EXPECT_THAT(result.err, IsEmpty());
}

TEST_F(MatchctlFakeServerTest, MalformedImportSendsNothing) {
  const CtlResult result =
      RunCtl({"import", "offers", "-", "--format", "csv"}, "seats\n1\nx\n");
  EXPECT_EQ(result.code, 2);
  EXPECT_THAT(registry_.import_streams(), IsEmpty());
  EXPECT_THAT(registry_.authorizations(), IsEmpty());  // no call at all
}

}  // namespace
}  // namespace azubimatch::matchctl
