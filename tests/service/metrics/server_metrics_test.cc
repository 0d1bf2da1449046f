// matchd's metrics end to end: an in-process Server with every installed service on
// 127.0.0.1:0 over a real RocksDB folder, real gRPC clients with API keys, and the
// metrics scraped over HTTP from --metrics-listen. After a known number of calls the
// text holds exactly those counts under the grpc-ecosystem names and labels.
#include <map>
#include <memory>
#include <string>

#include "absl/strings/match.h"
#include "azubimatch/v1/matching.grpc.pb.h"
#include "azubimatch/v1/registry.grpc.pb.h"
#include "gmock/gmock.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"
#include "service/metrics/build_info.h"
#include "service/metrics/grpc_server_metrics.h"
#include "service/server/installed_services.h"
#include "service/server/server.h"
#include "tests/service/metrics/prometheus_text.h"
#include "tests/service/registry/sample_records.h"
#include "tests/service/server/authorized_channel.h"
#include "tests/service/store/scoped_temp_dir.h"

namespace azubimatch::service {
namespace {

using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::Key;
using ::testing::Not;

std::map<std::string, std::string> Method(const std::string& service,
                                          const std::string& method,
                                          const std::string& type = "unary") {
  return {{"grpc_service", service}, {"grpc_method", method}, {"grpc_type", type}};
}

std::map<std::string, std::string> With(std::map<std::string, std::string> labels,
                                        const std::string& key,
                                        const std::string& value) {
  labels[key] = value;
  return labels;
}

class ServerMetricsTest : public testing::Test {
 protected:
  void StartServer(ServerOptions options) {
    options.listen_address = "127.0.0.1:0";
    options.data_dir = dir_.Sub("data");
    options.log_requests = false;
    options.metrics_listen = "127.0.0.1:0";
    auto server = Server::Open(options);
    ASSERT_TRUE(server.ok()) << server.status();
    server_ = *std::move(server);
    for (const ServiceInstaller& install : InstalledServices()) {
      ASSERT_TRUE(install(*server_).ok());
    }
    ASSERT_TRUE(server_->Start().ok());
    ASSERT_GT(server_->metrics_port(), 0);
    officer_ = NewMemberKey(*server_, "Metrics test", "officer");
    channel_ = AuthorizedChannel(server_->bound_address(), officer_.key);
    registry_ = v1::Registry::NewStub(channel_);
    matching_ = v1::Matching::NewStub(channel_);
  }

  std::map<std::string, double> Scrape() {
    HttpAnswer answer = HttpGet(server_->metrics_port(), "/metrics");
    EXPECT_EQ(answer.status, 200) << answer.head;
    return ParseSamples(answer.body);
  }

  grpc::StatusCode GetCandidate(const std::string& id) {
    grpc::ClientContext context;
    v1::GetRecordRequest request;
    request.set_id(id);
    v1::Candidate candidate;
    return registry_->GetCandidate(&context, request, &candidate).error_code();
  }

  ScopedTempDir dir_;
  std::unique_ptr<Server> server_;
  MemberKey officer_;
  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<v1::Registry::Stub> registry_;
  std::unique_ptr<v1::Matching::Stub> matching_;
};

TEST_F(ServerMetricsTest, CountsCallsByMethodAndCodeUnderGrpcEcosystemNames) {
  StartServer(ServerOptions{});
  v1::Candidate created;
  {
    grpc::ClientContext context;
    v1::CreateCandidateRequest request;
    *request.mutable_candidate() = SampleCandidate();
    ASSERT_TRUE(registry_->CreateCandidate(&context, request, &created).ok());
  }
  for (int i = 0; i < 3; ++i) EXPECT_EQ(GetCandidate(created.id()), grpc::StatusCode::OK);
  for (int i = 0; i < 2; ++i) {
    EXPECT_EQ(GetCandidate("zzzzzzzzzzzzzzzz"), grpc::StatusCode::NOT_FOUND);
  }
  EXPECT_EQ(GetCandidate(""), grpc::StatusCode::INVALID_ARGUMENT);

  const std::map<std::string, double> samples = Scrape();
  const auto get = Method("azubimatch.v1.Registry", "GetCandidate");
  EXPECT_EQ(samples.at(Series("grpc_server_started_total", get)), 6);
  EXPECT_EQ(samples.at(Series("grpc_server_handled_total", With(get, "grpc_code", "OK"))),
            3);
  EXPECT_EQ(
      samples.at(Series("grpc_server_handled_total", With(get, "grpc_code", "NotFound"))),
      2);
  EXPECT_EQ(samples.at(Series("grpc_server_handled_total",
                              With(get, "grpc_code", "InvalidArgument"))),
            1);
  EXPECT_THAT(samples, Not(Contains(Key(Series("grpc_server_handled_total",
                                               With(get, "grpc_code", "Unknown"))))));
  EXPECT_EQ(samples.at(Series("grpc_server_msg_received_total", get)), 6);
  EXPECT_EQ(samples.at(Series("grpc_server_msg_sent_total", get)), 3);  // only OK answers
  EXPECT_EQ(samples.at(Series("grpc_server_handling_seconds_count", get)), 6);
  EXPECT_EQ(
      samples.at(Series("grpc_server_handling_seconds_bucket", With(get, "le", "+Inf"))),
      6);
  for (const char* le :
       {"0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1", "2.5", "5", "10"}) {
    EXPECT_THAT(
        samples,
        Contains(Key(Series("grpc_server_handling_seconds_bucket", With(get, "le", le)))))
        << le;
  }
  const auto create = Method("azubimatch.v1.Registry", "CreateCandidate");
  EXPECT_EQ(
      samples.at(Series("grpc_server_handled_total", With(create, "grpc_code", "OK"))),
      1);

  EXPECT_EQ(samples.at(Series("azubimatch_build_info",
                              {{"version", std::string(BuildVersion())},
                               {"commit", std::string(BuildCommit())}})),
            1);
  EXPECT_FALSE(BuildVersion().empty());
  EXPECT_FALSE(BuildCommit().empty());
  EXPECT_EQ(samples.at(Series("azubimatch_records", {{"kind", "candidate"}})), 1);
  EXPECT_EQ(samples.at(Series("azubimatch_records", {{"kind", "company"}})), 0);
  EXPECT_EQ(samples.at(Series("azubimatch_records", {{"kind", "offer"}})), 0);
  EXPECT_EQ(samples.at("azubimatch_rocksdb_write_stopped"), 0);
  EXPECT_GE(samples.at("azubimatch_rocksdb_live_sst_files_bytes"), 0);
  EXPECT_GE(samples.at("azubimatch_rocksdb_total_sst_files_bytes"),
            samples.at("azubimatch_rocksdb_live_sst_files_bytes"));
  EXPECT_GT(samples.at("azubimatch_rocksdb_memtable_bytes"), 0);
  EXPECT_THAT(samples, Contains(Key("azubimatch_rocksdb_pending_compaction_bytes")));
  EXPECT_THAT(samples, Contains(Key("azubimatch_rocksdb_delayed_write_rate_bytes")));
  EXPECT_EQ(samples.at("azubimatch_rate_limit_refusals_total"), 0);
  EXPECT_EQ(samples.at("azubimatch_in_flight_calls"), 0);
  EXPECT_EQ(samples.at("azubimatch_in_flight_limit"),
            InFlightLimitOptions{}.max_in_flight);
  EXPECT_EQ(samples.at("azubimatch_shed_calls_total"), 0);

  // The registry renders the same families the listener serves.
  const std::string text = server_->metrics()->registry().RenderText();
  EXPECT_THAT(text, HasSubstr("# TYPE grpc_server_handling_seconds histogram"));
  EXPECT_THAT(text, HasSubstr("# TYPE grpc_server_handled_total counter"));
  EXPECT_THAT(text, HasSubstr("# TYPE azubimatch_records gauge"));
}

TEST_F(ServerMetricsTest, RecordsPerKindFollowCreatesAndDeletes) {
  StartServer(ServerOptions{});
  v1::Company company;
  {
    grpc::ClientContext context;
    v1::CreateCompanyRequest request;
    *request.mutable_company() = SampleCompany();
    ASSERT_TRUE(registry_->CreateCompany(&context, request, &company).ok());
  }
  for (int i = 0; i < 2; ++i) {
    grpc::ClientContext context;
    v1::CreateOfferRequest request;
    *request.mutable_offer() = SampleOffer(company.id());
    v1::TrainingOffer offer;
    ASSERT_TRUE(registry_->CreateOffer(&context, request, &offer).ok());
  }
  std::map<std::string, double> samples = Scrape();
  EXPECT_EQ(samples.at(Series("azubimatch_records", {{"kind", "company"}})), 1);
  EXPECT_EQ(samples.at(Series("azubimatch_records", {{"kind", "offer"}})), 2);

  // Counts survive a restart: the subscription starts from the stored totals.
  server_.reset();
  StartServer(ServerOptions{});
  samples = Scrape();
  EXPECT_EQ(samples.at(Series("azubimatch_records", {{"kind", "company"}})), 1);
  EXPECT_EQ(samples.at(Series("azubimatch_records", {{"kind", "offer"}})), 2);
  EXPECT_EQ(samples.at(Series("azubimatch_records", {{"kind", "candidate"}})), 0);
}

TEST_F(ServerMetricsTest, AssignRunsReportTheirPhases) {
  StartServer(ServerOptions{});
  {
    grpc::ClientContext context;
    v1::CreateCandidateRequest request;
    *request.mutable_candidate() = SampleCandidate();
    v1::Candidate created;
    ASSERT_TRUE(registry_->CreateCandidate(&context, request, &created).ok());
  }
  grpc::ClientContext context;
  v1::AssignRequest request;
  request.set_mode(v1::ASSIGN_MODE_GREEDY);
  auto reader = matching_->Assign(&context, request);
  v1::AssignEvent event;
  int events = 0;
  while (reader->Read(&event)) ++events;
  const grpc::Status status = reader->Finish();
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_GE(events, 1);

  const std::map<std::string, double> samples = Scrape();
  EXPECT_EQ(
      samples.at(Series("grpc_server_handled_total",
                        With(Method("azubimatch.v1.Matching", "Assign", "server_stream"),
                             "grpc_code", "OK"))),
      1);
  EXPECT_EQ(
      samples.at(Series("grpc_server_msg_sent_total",
                        Method("azubimatch.v1.Matching", "Assign", "server_stream"))),
      events);
  for (const char* phase : {"loading", "storing"}) {
    EXPECT_EQ(
        samples.at(Series("azubimatch_assign_phase_seconds_count", {{"phase", phase}})),
        1)
        << phase;
    EXPECT_THAT(samples, Contains(Key(Series("azubimatch_assign_phase_seconds_bucket",
                                             {{"phase", phase}, {"le", "+Inf"}}))));
  }
}

TEST_F(ServerMetricsTest, CountsRateLimitRefusals) {
  ServerOptions options;
  options.access.rate_limit.requests_per_second = 0.001;  // no refill within the test
  options.access.rate_limit.burst = 2;
  StartServer(options);
  EXPECT_EQ(GetCandidate("zzzzzzzzzzzzzzzz"), grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(GetCandidate("zzzzzzzzzzzzzzzz"), grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(GetCandidate("zzzzzzzzzzzzzzzz"), grpc::StatusCode::RESOURCE_EXHAUSTED);
  EXPECT_EQ(GetCandidate("zzzzzzzzzzzzzzzz"), grpc::StatusCode::RESOURCE_EXHAUSTED);
  EXPECT_EQ(GetCandidate("zzzzzzzzzzzzzzzz"), grpc::StatusCode::RESOURCE_EXHAUSTED);
  const std::map<std::string, double> samples = Scrape();
  EXPECT_EQ(samples.at("azubimatch_rate_limit_refusals_total"), 3);
}

TEST_F(ServerMetricsTest, ScrapesAnswerOnlyMetrics) {
  StartServer(ServerOptions{});
  const HttpAnswer answer = HttpGet(server_->metrics_port(), "/metrics");
  EXPECT_EQ(answer.status, 200);
  EXPECT_THAT(answer.head, HasSubstr("text/plain"));
  EXPECT_EQ(HttpGet(server_->metrics_port(), "/other").status, 404);
}

TEST(ServerMetricsListenTest, RefusesNonLoopbackWithoutAllowInsecure) {
  ScopedTempDir dir;
  ServerOptions options;
  options.listen_address = "127.0.0.1:0";
  options.data_dir = dir.Sub("data");
  options.log_requests = false;
  options.metrics_listen = "0.0.0.0:0";
  auto server = Server::Open(options);
  ASSERT_TRUE(server.ok()) << server.status();
  const absl::Status status = (*server)->Start();
  EXPECT_EQ(status.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(std::string(status.message()), HasSubstr("--metrics-listen"));
  EXPECT_EQ((*server)->port(), 0);
}

TEST(ServerMetricsListenTest, ReportsAPortInUse) {
  ScopedTempDir dir;
  ServerOptions options;
  options.listen_address = "127.0.0.1:0";
  options.data_dir = dir.Sub("a");
  options.log_requests = false;
  options.metrics_listen = "127.0.0.1:0";
  auto first = Server::Open(options);
  ASSERT_TRUE(first.ok());
  ASSERT_TRUE((*first)->Start().ok());
  options.data_dir = dir.Sub("b");
  options.metrics_listen = absl::StrCat("127.0.0.1:", (*first)->metrics_port());
  auto second = Server::Open(options);
  ASSERT_TRUE(second.ok());
  const absl::Status status = (*second)->Start();
  EXPECT_EQ(status.code(), absl::StatusCode::kUnavailable);
  EXPECT_THAT(std::string(status.message()), HasSubstr("--metrics-listen"));
}

TEST(GrpcCodeLabelTest, SpelledAsGrpcSpellsThem) {
  EXPECT_EQ(GrpcCodeLabel(grpc::StatusCode::OK), "OK");
  EXPECT_EQ(GrpcCodeLabel(grpc::StatusCode::CANCELLED), "Canceled");
  EXPECT_EQ(GrpcCodeLabel(grpc::StatusCode::NOT_FOUND), "NotFound");
  EXPECT_EQ(GrpcCodeLabel(grpc::StatusCode::INVALID_ARGUMENT), "InvalidArgument");
  EXPECT_EQ(GrpcCodeLabel(grpc::StatusCode::DEADLINE_EXCEEDED), "DeadlineExceeded");
  EXPECT_EQ(GrpcCodeLabel(grpc::StatusCode::RESOURCE_EXHAUSTED), "ResourceExhausted");
  EXPECT_EQ(GrpcCodeLabel(grpc::StatusCode::UNAUTHENTICATED), "Unauthenticated");
  EXPECT_EQ(GrpcCodeLabel(grpc::StatusCode::DATA_LOSS), "DataLoss");
  EXPECT_EQ(GrpcCodeLabel(static_cast<grpc::StatusCode>(42)), "Unknown");
}

}  // namespace
}  // namespace azubimatch::service
