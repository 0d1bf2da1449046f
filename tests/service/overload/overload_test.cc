// Overload behaviour of matchd end to end: an in-process Server on 127.0.0.1:0 over a
// real RocksDB folder with API keys on, called by real gRPC clients.
//
//   - beyond the in-flight bound every call is refused at once with RESOURCE_EXHAUSTED
//     and a google.rpc.RetryInfo; health checks still answer SERVING; once the calls in
//     flight end, the next call is served (no sleep, no retry);
//   - Assign beyond its run slots is refused the same way;
//   - a load of 10x more concurrent calls than the bound (SuggestOffers, Assign, health)
//     ends every call with OK or RESOURCE_EXHAUSTED + RetryInfo — never a deadline
//     passing, never UNAVAILABLE — and the server serves at once afterwards.
// Runs are held at a known point with MatchingServiceOptions::run_hook; no test
// asserts a time.
#include <atomic>
#include <cstdio>
#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/synchronization/mutex.h"
#include "absl/synchronization/notification.h"
#include "azubimatch/v1/matching.grpc.pb.h"
#include "azubimatch/v1/registry.grpc.pb.h"
#include "gmock/gmock.h"
#include "grpcpp/generic/generic_stub.h"
#include "grpcpp/grpcpp.h"
#include "gtest/gtest.h"
#include "service/matching/matching_service.h"
#include "service/registry/retry_info.h"
#include "service/server/server.h"
#include "tests/service/registry/sample_records.h"
#include "tests/service/server/authorized_channel.h"
#include "tests/service/store/scoped_temp_dir.h"
#include "tests/support/raw_unary_call.h"

namespace azubimatch::service {
namespace {

using ::testing::HasSubstr;
using ::testing::Optional;

// Holds Assign runs in their first phase until released; counts the runs held.
class RunGate {
 public:
  void OnRunEvent(absl::string_view event) {
    if (event != "loading") return;
    absl::MutexLock lock(&mu_);
    ++held_;
    mu_.Await(absl::Condition(&released_));
  }
  void AwaitHeld(int runs) {
    absl::MutexLock lock(&mu_);
    auto reached = [&]() ABSL_SHARED_LOCKS_REQUIRED(mu_) { return held_ >= runs; };
    mu_.Await(absl::Condition(&reached));
  }
  void Release() {
    absl::MutexLock lock(&mu_);
    released_ = true;
  }

 private:
  absl::Mutex mu_;
  int held_ ABSL_GUARDED_BY(mu_) = 0;
  bool released_ ABSL_GUARDED_BY(mu_) = false;
};

class OverloadTest : public testing::Test {
 protected:
  void TearDown() override {
    gate_.Release();  // never leave a run waiting
    JoinAssigns();
    server_.reset();
  }

  // A server with `in_flight` and a Matching service whose runs wait at the gate when
  // `gated`.
  void StartServer(InFlightLimitOptions in_flight, bool gated) {
    ServerOptions options;
    options.listen_address = "127.0.0.1:0";
    options.data_dir = dir_.Sub("data");
    options.log_requests = false;
    options.sync_writes = false;                        // synthetic data
    options.access.rate_limit.requests_per_second = 0;  // the load is one key's
    options.in_flight = in_flight;
    auto server = Server::Open(options);
    ASSERT_TRUE(server.ok()) << server.status();
    server_ = *std::move(server);
    MatchingServiceOptions matching;
    if (gated) matching.run_hook = [this](absl::string_view e) { gate_.OnRunEvent(e); };
    auto service = MatchingService::Create(server_->store(), server_->records(),
                                           server_->caller_resolver(), matching);
    ASSERT_TRUE(service.ok()) << service.status();
    server_->AddService(*std::move(service), v1::Matching::service_full_name());
    ASSERT_TRUE(server_->Start().ok());
    officer_ = NewMemberKey(*server_, "Overload test", "officer");
  }

  // A channel with a connection of its own.
  std::shared_ptr<grpc::Channel> NewChannel() {
    grpc::ChannelArguments args;
    args.SetInt(GRPC_ARG_USE_LOCAL_SUBCHANNEL_POOL, 1);
    return grpc::CreateCustomChannel(server_->bound_address(),
                                     grpc::InsecureChannelCredentials(), args);
  }

  void Authorize(grpc::ClientContext* context,
                 absl::Duration deadline = absl::Seconds(60)) {
    context->AddMetadata("authorization", absl::StrCat("Bearer ", officer_.key));
    context->set_deadline(absl::ToChronoTime(absl::Now() + deadline));
  }

  // Seeds one company, `offers` offers and `candidates` candidates; returns the
  // candidate ids.
  std::vector<std::string> Seed(int offers, int candidates) {
    auto registry = v1::Registry::NewStub(NewChannel());
    v1::Company company;
    {
      grpc::ClientContext context;
      Authorize(&context);
      v1::CreateCompanyRequest request;
      *request.mutable_company() = SampleCompany();
      EXPECT_TRUE(registry->CreateCompany(&context, request, &company).ok());
    }
    for (int i = 0; i < offers; ++i) {
      grpc::ClientContext context;
      Authorize(&context);
      v1::CreateOfferRequest request;
      *request.mutable_offer() = SampleOffer(company.id());
      request.mutable_offer()->set_seats(1 + i % 3);
      v1::TrainingOffer offer;
      EXPECT_TRUE(registry->CreateOffer(&context, request, &offer).ok());
    }
    std::vector<std::string> ids;
    for (int i = 0; i < candidates; ++i) {
      grpc::ClientContext context;
      Authorize(&context);
      v1::CreateCandidateRequest request;
      *request.mutable_candidate() = SampleCandidate();
      v1::Candidate candidate;
      const grpc::Status status =
          registry->CreateCandidate(&context, request, &candidate);
      EXPECT_TRUE(status.ok()) << status.error_message();
      ids.push_back(candidate.id());
    }
    return ids;
  }

  // Starts an Assign on a thread of its own; its status lands in the returned slot
  // once JoinAssigns() returned (TearDown joins too).
  const grpc::Status* StartAssign() {
    grpc::Status* status = &assign_statuses_.emplace_back();
    assign_threads_.emplace_back([this, status] { *status = RunAssign(NewChannel()); });
    return status;
  }

  void JoinAssigns() {
    for (std::thread& t : assign_threads_) t.join();
    assign_threads_.clear();
  }

  grpc::Status RunAssign(const std::shared_ptr<grpc::Channel>& channel) {
    auto matching = v1::Matching::NewStub(channel);
    grpc::ClientContext context;
    Authorize(&context);
    v1::AssignRequest request;
    request.set_mode(v1::ASSIGN_MODE_OPTIMAL);
    auto reader = matching->Assign(&context, request);
    v1::AssignEvent event;
    while (reader->Read(&event)) {
    }
    return reader->Finish();
  }

  grpc::Status Suggest(v1::Matching::Stub* matching, const std::string& candidate_id) {
    grpc::ClientContext context;
    Authorize(&context);
    v1::SuggestOffersRequest request;
    request.set_candidate_id(candidate_id);
    request.set_k(5);
    v1::SuggestionsResponse response;
    return matching->SuggestOffers(&context, request, &response);
  }

  grpc::Status GetCandidate(const std::string& id) {
    auto registry = v1::Registry::NewStub(NewChannel());
    grpc::ClientContext context;
    Authorize(&context);
    v1::GetRecordRequest request;
    request.set_id(id);
    v1::Candidate candidate;
    return registry->GetCandidate(&context, request, &candidate);
  }

  // grpc.health.v1.Health/Check for the server ("") without a key: "SERVING", or what
  // came instead. (No generated stub: the request is empty and the answer
  // HealthCheckResponse{status = SERVING} is the two bytes 08 01.)
  static std::string Health(const std::shared_ptr<grpc::Channel>& channel) {
    std::string response;
    const grpc::Status status = testing_support::RawUnaryCall(
        channel, testing_support::kHealthCheckMethod, "", &response);
    if (!status.ok()) return absl::StrCat("code ", status.error_code());
    return response == testing_support::kHealthServing ? "SERVING" : "not SERVING";
  }

  ScopedTempDir dir_;
  std::unique_ptr<Server> server_;
  MemberKey officer_;
  RunGate gate_;
  std::vector<std::thread> assign_threads_;
  std::deque<grpc::Status> assign_statuses_;
};

TEST_F(OverloadTest, ShedsBeyondTheBoundWithRetryInfoAndRecoversAtOnce) {
  InFlightLimitOptions in_flight;
  in_flight.max_in_flight = 2;
  in_flight.retry_delay = absl::Milliseconds(250);
  StartServer(in_flight, /*gated=*/true);
  const std::vector<std::string> candidates = Seed(/*offers=*/2, /*candidates=*/2);

  // Two Assign runs hold both slots.
  const grpc::Status* first = StartAssign();
  const grpc::Status* second = StartAssign();
  gate_.AwaitHeld(2);
  EXPECT_EQ(server_->in_flight()->in_flight(), 2);

  auto matching = v1::Matching::NewStub(NewChannel());
  const grpc::Status shed_suggest = Suggest(matching.get(), candidates[0]);
  EXPECT_EQ(shed_suggest.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
  EXPECT_THAT(shed_suggest.error_message(), HasSubstr("in flight"));
  EXPECT_THAT(RetryDelayOf(shed_suggest), Optional(absl::Milliseconds(250)));
  const grpc::Status shed_get = GetCandidate(candidates[1]);
  EXPECT_EQ(shed_get.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
  EXPECT_THAT(RetryDelayOf(shed_get), Optional(absl::Milliseconds(250)));

  const std::shared_ptr<grpc::Channel> health = NewChannel();
  EXPECT_EQ(Health(health), "SERVING");
  EXPECT_EQ(server_->in_flight()->shed(), 2);

  gate_.Release();
  JoinAssigns();
  EXPECT_TRUE(first->ok()) << first->error_message();
  EXPECT_TRUE(second->ok()) << second->error_message();

  // Both runs have answered: their slots are free for the very next call.
  EXPECT_EQ(server_->in_flight()->in_flight(), 0);
  EXPECT_TRUE(Suggest(matching.get(), candidates[0]).ok());
  EXPECT_TRUE(GetCandidate(candidates[1]).ok());
  EXPECT_EQ(Health(health), "SERVING");
}

TEST_F(OverloadTest, AssignBeyondItsRunSlotsIsRefusedWithRetryInfo) {
  InFlightLimitOptions unbounded;
  unbounded.max_in_flight = 0;
  StartServer(unbounded, /*gated=*/true);
  Seed(/*offers=*/1, /*candidates=*/1);
  const grpc::Status* first = StartAssign();
  const grpc::Status* second = StartAssign();
  gate_.AwaitHeld(2);  // MatchingServiceOptions::max_concurrent_runs

  const grpc::Status third = RunAssign(NewChannel());
  EXPECT_EQ(third.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
  EXPECT_THAT(third.error_message(), HasSubstr("runs are computing"));
  EXPECT_THAT(RetryDelayOf(third), Optional(InFlightLimitOptions{}.default_retry_delay));
  gate_.Release();
  JoinAssigns();
  EXPECT_TRUE(first->ok()) << first->error_message();
  EXPECT_TRUE(second->ok()) << second->error_message();
}

// What one load client saw.
struct ClientTally {
  std::map<std::string, int> codes;  // "Suggest OK", "Assign RESOURCE_EXHAUSTED", ...
  int shed_without_retry_info = 0;
  std::vector<std::string> unexpected;  // calls ending otherwise, with their message
  std::vector<std::string> health;      // health answers other than SERVING
};

TEST_F(OverloadTest, TenTimesTheBoundEndsInOkOrRetryInfoNeverATimeout) {
  constexpr int kBound = 4;
  constexpr int kClients = 10 * kBound;
  constexpr int kCallsPerClient = 30;
  InFlightLimitOptions in_flight;
  in_flight.max_in_flight = kBound;
  StartServer(in_flight, /*gated=*/false);
  const std::vector<std::string> candidates = Seed(/*offers=*/40, /*candidates=*/150);

  std::vector<ClientTally> tallies(kClients);
  std::vector<std::thread> clients;
  for (int c = 0; c < kClients; ++c) {
    clients.emplace_back([&, c] {
      ClientTally& tally = tallies[c];
      std::shared_ptr<grpc::Channel> channel = NewChannel();
      auto matching = v1::Matching::NewStub(channel);
      std::mt19937 random(c);
      for (int i = 0; i < kCallsPerClient; ++i) {
        const bool assign = c % 8 == 0;  // 5 clients run assignments back to back
        const grpc::Status status =
            assign ? RunAssign(channel)
                   : Suggest(matching.get(), candidates[random() % candidates.size()]);
        const std::string name = assign ? "Assign" : "SuggestOffers";
        tally.codes[absl::StrCat(name, " ", status.error_code())]++;
        if (status.error_code() == grpc::StatusCode::RESOURCE_EXHAUSTED) {
          if (!RetryDelayOf(status).has_value()) ++tally.shed_without_retry_info;
        } else if (!status.ok()) {
          tally.unexpected.push_back(absl::StrCat(name, " code ", status.error_code(),
                                                  ": ", status.error_message()));
        }
        if (i % 5 == 0) {
          if (std::string answer = Health(channel); answer != "SERVING") {
            tally.health.push_back(answer);
          }
        }
      }
    });
  }
  for (std::thread& t : clients) t.join();

  std::map<std::string, int> codes;
  int without_retry_info = 0;
  for (const ClientTally& tally : tallies) {
    for (const auto& [code, n] : tally.codes) codes[code] += n;
    without_retry_info += tally.shed_without_retry_info;
    EXPECT_THAT(tally.unexpected, testing::IsEmpty());
    EXPECT_THAT(tally.health, testing::IsEmpty());
  }
  EXPECT_EQ(without_retry_info, 0);
  // The figures, for the log (codes by number: 0 OK, 8 RESOURCE_EXHAUSTED).
  for (const auto& [code, n] : codes)
    std::printf("load: %-28s %d calls\n", code.c_str(), n);
  std::printf("load: shed by the in-flight bound: %lld\n",
              static_cast<long long>(server_->in_flight()->shed()));

  // The load is over: the next calls are served at once.
  EXPECT_EQ(server_->in_flight()->in_flight(), 0);
  auto matching = v1::Matching::NewStub(NewChannel());
  const grpc::Status after = Suggest(matching.get(), candidates[0]);
  EXPECT_TRUE(after.ok()) << after.error_message();
  EXPECT_TRUE(GetCandidate(candidates[1]).ok());
  EXPECT_EQ(Health(NewChannel()), "SERVING");
}

}  // namespace
}  // namespace azubimatch::service
