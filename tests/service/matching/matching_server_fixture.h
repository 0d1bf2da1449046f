// A matchd Server (service/server) on 127.0.0.1:0 over a real RocksDB folder with the
// MatchingService added, called by real gRPC clients. Calls name their caller with the
// metadata "x-member" (default "m1") and "x-role" (officer, admin, analyst; default
// officer), resolved by MetadataCallerResolver.
#ifndef AZUBIMATCH_TESTS_SERVICE_MATCHING_MATCHING_SERVER_FIXTURE_H_
#define AZUBIMATCH_TESTS_SERVICE_MATCHING_MATCHING_SERVER_FIXTURE_H_

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "azubimatch/v1/matching.grpc.pb.h"
#include "azubimatch/v1/preferences.grpc.pb.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"
#include "service/matching/matching_service.h"
#include "service/matching/preferences_service.h"
#include "service/registry/caller_resolver.h"
#include "service/server/server.h"
#include "tests/service/matching/test_records.h"
#include "tests/service/store/scoped_temp_dir.h"

namespace azubimatch::service {

class MetadataCallerResolver final : public CallerResolver {
 public:
  absl::StatusOr<Caller> Resolve(const grpc::ServerContextBase& context) override {
    Caller caller = OfficerOf("m1");
    const auto& metadata = context.client_metadata();
    if (auto it = metadata.find("x-member"); it != metadata.end()) {
      caller.member_id = std::string(it->second.data(), it->second.size());
    }
    if (auto it = metadata.find("x-role"); it != metadata.end()) {
      const std::string role(it->second.data(), it->second.size());
      if (!ParseRole(role, &caller.role)) return absl::UnauthenticatedError("unknown role");
    }
    return caller;
  }
};

struct AssignResult {
  grpc::Status status;
  std::vector<v1::AssignProgress> progress;
  std::optional<v1::Run> run;
  int run_events = 0;
  bool run_was_last = false;
};

class MatchingServerTest : public testing::Test {
 protected:
  void TearDown() override { StopServer(); }

  void StartServer() {
    ServerOptions options;
    options.listen_address = "127.0.0.1:0";
    options.data_dir = dir_.Sub("data");
    options.log_requests = false;
    // The matching logic behind the auth step: callers come from x-member / x-role
    // metadata (MetadataCallerResolver). Keys and roles on the real transport are
    // tested in tests/service/admin (access matrix) and tests/e2e.
    options.require_api_keys = false;
    absl::StatusOr<std::unique_ptr<Server>> server = Server::Open(options);
    ASSERT_TRUE(server.ok()) << server.status();
    server_ = *std::move(server);
    server_->SetCallerResolver(std::make_unique<MetadataCallerResolver>());
    absl::StatusOr<std::unique_ptr<MatchingService>> service = MatchingService::Create(
        server_->store(), server_->records(), server_->caller_resolver(), service_options_);
    ASSERT_TRUE(service.ok()) << service.status();
    RankingBook* const rankings = (*service)->rankings();
    CompanyPolicyBook* const company_policies = (*service)->company_policies();
    server_->AddService(*std::move(service));
    server_->AddService(
        std::make_unique<PreferencesService>(rankings, company_policies, server_->caller_resolver()));
    ASSERT_TRUE(server_->Start().ok());
    channel_ = grpc::CreateChannel(server_->bound_address(), grpc::InsecureChannelCredentials());
    stub_ = v1::Matching::NewStub(channel_);
    preferences_ = v1::Preferences::NewStub(channel_);
  }

  void StopServer() {
    stub_.reset();
    preferences_.reset();
    channel_.reset();
    if (server_ != nullptr) server_->Shutdown(absl::Seconds(5));
    server_.reset();
  }

  void RestartServer() {
    StopServer();
    StartServer();
  }

  RecordStore* records() { return server_->records(); }

  static void As(grpc::ClientContext* context, const std::string& member,
                 const std::string& role = "officer") {
    context->AddMetadata("x-member", member);
    context->AddMetadata("x-role", role);
  }

  AssignResult Assign(const v1::AssignRequest& request, grpc::ClientContext* context) {
    AssignResult result;
    std::unique_ptr<grpc::ClientReader<v1::AssignEvent>> reader =
        stub_->Assign(context, request);
    v1::AssignEvent event;
    while (reader->Read(&event)) {
      result.run_was_last = event.has_run();
      if (event.has_run()) {
        ++result.run_events;
        result.run = event.run();
      } else {
        result.progress.push_back(event.progress());
      }
    }
    result.status = reader->Finish();
    return result;
  }

  AssignResult Assign(const v1::AssignRequest& request) {
    grpc::ClientContext context;
    return Assign(request, &context);
  }

  AssignResult Assign(v1::AssignMode mode) {
    v1::AssignRequest request;
    request.set_mode(mode);
    return Assign(request);
  }

  // Calls a unary method of the service with `request`; the response is dropped.
  template <typename Request, typename Response>
  grpc::Status Call(grpc::Status (v1::Matching::Stub::*method)(grpc::ClientContext*,
                                                                const Request&, Response*),
                    const Request& request) {
    grpc::ClientContext context;
    Response response;
    return (stub_.get()->*method)(&context, request, &response);
  }

  absl::StatusOr<v1::Explanation> Explain(const std::string& candidate, const std::string& offer,
                                          const v1::ScoringPolicyOverrides& policy = {}) {
    grpc::ClientContext context;
    v1::ExplainRequest request;
    request.set_candidate_id(candidate);
    request.set_offer_id(offer);
    *request.mutable_policy() = policy;
    v1::Explanation explanation;
    const grpc::Status status = stub_->Explain(&context, request, &explanation);
    if (!status.ok()) return absl::Status(static_cast<absl::StatusCode>(status.error_code()),
                                          status.error_message());
    return explanation;
  }

  grpc::Status Accept(const std::string& candidate, const std::string& offer,
                      v1::Placement* placement, const std::string& member = "m1") {
    grpc::ClientContext context;
    As(&context, member);
    v1::AcceptPlacementRequest request;
    request.set_candidate_id(candidate);
    request.set_offer_id(offer);
    return stub_->AcceptPlacement(&context, request, placement);
  }

  grpc::Status Reject(const std::string& candidate, const std::string& offer,
                      v1::Placement* placement) {
    grpc::ClientContext context;
    v1::RejectPlacementRequest request;
    request.set_candidate_id(candidate);
    request.set_offer_id(offer);
    request.set_reason(v1::REJECT_REASON_COMPANY_DECLINED);
    return stub_->RejectPlacement(&context, request, placement);
  }

  grpc::Status Withdraw(const std::string& id, v1::Placement* placement) {
    grpc::ClientContext context;
    v1::WithdrawPlacementRequest request;
    request.set_id(id);
    return stub_->WithdrawPlacement(&context, request, placement);
  }

  v1::ListRunsResponse ListRuns(const std::string& member = "m1") {
    grpc::ClientContext context;
    As(&context, member);
    v1::ListRunsResponse response;
    EXPECT_TRUE(stub_->ListRuns(&context, v1::ListRunsRequest(), &response).ok());
    return response;
  }

  int32_t SeatsTaken(const std::string& offer_id) {
    absl::StatusOr<v1::TrainingOffer> offer =
        records()->Get<v1::TrainingOffer>(OfficerOf("m1"), offer_id);
    EXPECT_TRUE(offer.ok()) << offer.status();
    return offer.ok() ? offer->seats_taken() : -1;
  }

  ScopedTempDir dir_;
  MatchingServiceOptions service_options_;
  std::unique_ptr<Server> server_;
  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<v1::Matching::Stub> stub_;
  std::unique_ptr<v1::Preferences::Stub> preferences_;
  Caller officer_ = OfficerOf("m1");
};

}  // namespace azubimatch::service

#endif  // AZUBIMATCH_TESTS_SERVICE_MATCHING_MATCHING_SERVER_FIXTURE_H_
