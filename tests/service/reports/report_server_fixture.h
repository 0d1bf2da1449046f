// A matchd Server on 127.0.0.1:0 over a real RocksDB folder with the Matching and the
// Reports services, called by real gRPC clients naming their caller through the
// metadata "x-member" / "x-role" (MetadataCallerResolver, matching_server_fixture.h).
#ifndef AZUBIMATCH_TESTS_SERVICE_REPORTS_REPORT_SERVER_FIXTURE_H_
#define AZUBIMATCH_TESTS_SERVICE_REPORTS_REPORT_SERVER_FIXTURE_H_

#include <memory>
#include <string>

#include "azubimatch/v1/matching.grpc.pb.h"
#include "azubimatch/v1/reports.grpc.pb.h"
#include "gtest/gtest.h"
#include "service/matching/matching_service.h"
#include "service/reports/reports_service.h"
#include "tests/service/matching/matching_server_fixture.h"

namespace azubimatch::service {

class ReportServerFixture : public testing::Test {
 protected:
  void SetUp() override {
    ServerOptions options;
    options.listen_address = "127.0.0.1:0";
    options.data_dir = dir_.Sub("data");
    options.log_requests = false;
    options.require_api_keys = false;
    absl::StatusOr<std::unique_ptr<Server>> server = Server::Open(options);
    ASSERT_TRUE(server.ok()) << server.status();
    server_ = *std::move(server);
    server_->SetCallerResolver(std::make_unique<MetadataCallerResolver>());
    absl::StatusOr<std::unique_ptr<MatchingService>> matching = MatchingService::Create(
        server_->store(), server_->records(), server_->caller_resolver());
    ASSERT_TRUE(matching.ok()) << matching.status();
    const MatchingIndex* index = &(*matching)->index();
    server_->AddService(*std::move(matching));
    server_->AddService(
        std::make_unique<ReportsService>(server_->store(), index, server_->caller_resolver()));
    ASSERT_TRUE(server_->Start().ok());
    channel_ = grpc::CreateChannel(server_->bound_address(), grpc::InsecureChannelCredentials());
    matching_ = v1::Matching::NewStub(channel_);
    reports_ = v1::Reports::NewStub(channel_);
  }

  void TearDown() override {
    matching_.reset();
    reports_.reset();
    channel_.reset();
    if (server_ != nullptr) server_->Shutdown(absl::Seconds(5));
  }

  static void As(grpc::ClientContext* context, const std::string& member,
                 const std::string& role = "officer") {
    context->AddMetadata("x-member", member);
    context->AddMetadata("x-role", role);
  }

  // A stored run of `member`'s officer in `mode`; `*full` receives it as streamed.
  std::string RunAs(const std::string& member, v1::AssignMode mode, v1::Run* full = nullptr) {
    grpc::ClientContext context;
    As(&context, member);
    v1::AssignRequest request;
    request.set_mode(mode);
    auto reader = matching_->Assign(&context, request);
    v1::Run run;
    for (v1::AssignEvent event; reader->Read(&event);) {
      if (event.has_run()) run = event.run();
    }
    const grpc::Status status = reader->Finish();
    EXPECT_TRUE(status.ok()) << status.error_message();
    if (full != nullptr) *full = run;
    return run.id();
  }

  ScopedTempDir dir_;
  std::unique_ptr<Server> server_;
  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<v1::Matching::Stub> matching_;
  std::unique_ptr<v1::Reports::Stub> reports_;
};

}  // namespace azubimatch::service

#endif  // AZUBIMATCH_TESTS_SERVICE_REPORTS_REPORT_SERVER_FIXTURE_H_
