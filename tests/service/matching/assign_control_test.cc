// Assign's call control on a real server: progress events on large pools only, the run
// as the one last event, DEADLINE_EXCEEDED and CANCELLED stop the run and store nothing,
// and every RPC refuses an empty or malformed request with INVALID_ARGUMENT naming the
// field.
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "absl/synchronization/notification.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "service/registry/grpc_status.h"
#include "tests/service/matching/matching_server_fixture.h"

namespace azubimatch::service {
namespace {

using ::testing::IsEmpty;
using ::testing::SizeIs;

// Records the hook's events; can hold a run at one phase until released.
class RunGate {
 public:
  explicit RunGate(std::string hold_at = "") : hold_at_(std::move(hold_at)) {}

  RunHook Hook() {
    return [this](absl::string_view event) {
      {
        absl::MutexLock lock(&mu_);
        events_.emplace_back(event);
      }
      if (event == "cancelled") cancelled_.Notify();
      if (event == "finished") finished_.Notify();
      if (!hold_at_.empty() && event == hold_at_) {
        reached_.Notify();
        release_.WaitForNotification();
      }
    };
  }

  std::vector<std::string> events() {
    absl::MutexLock lock(&mu_);
    return events_;
  }

  const std::string hold_at_;
  absl::Notification reached_, release_, cancelled_, finished_;

 private:
  absl::Mutex mu_;
  std::vector<std::string> events_;
};

class AssignControlTest : public MatchingServerTest {
 protected:
  void LoadCohort(int candidates, int offers) {
    absl::StatusOr<LoadedCohort> cohort = LoadDemoCohort(
        records(), officer_, {.candidates = candidates, .offers = offers, .seed = 9});
    ASSERT_TRUE(cohort.ok()) << cohort.status();
  }
};

TEST_F(AssignControlTest, LargePoolsStreamProgressAndEndWithTheRun) {
  service_options_.progress_min_candidates = 100;
  StartServer();
  LoadCohort(300, 100);
  AssignResult large = Assign(v1::ASSIGN_MODE_OPTIMAL);
  ASSERT_TRUE(large.status.ok()) << large.status.error_message();
  EXPECT_EQ(large.run_events, 1);
  EXPECT_TRUE(large.run_was_last);
  ASSERT_THAT(large.progress, testing::Not(IsEmpty()));
  const std::set<std::string> phases = {"loading", "scoring", "solving", "metrics", "storing"};
  for (const v1::AssignProgress& p : large.progress) {
    EXPECT_TRUE(phases.contains(p.phase())) << p.phase();
    EXPECT_TRUE(p.total() == 0 || p.done() <= p.total()) << p.phase();
  }
  // A pool below the threshold answers with the run alone.
  v1::AssignRequest small;
  small.set_mode(v1::ASSIGN_MODE_GREEDY);
  small.mutable_pool()->add_municipalities("Ulm");
  AssignResult result = Assign(small);
  ASSERT_TRUE(result.status.ok()) << result.status.error_message();
  EXPECT_LT(result.run->metrics().candidates(), 100);
  EXPECT_THAT(result.progress, IsEmpty());
  EXPECT_EQ(result.run_events, 1);
}

TEST_F(AssignControlTest, CancelledRunStopsAndStoresNothing) {
  RunGate gate("solving");
  service_options_.run_hook = gate.Hook();
  StartServer();
  LoadCohort(200, 60);
  grpc::ClientContext context;
  std::thread canceller([&] {
    gate.reached_.WaitForNotification();
    context.TryCancel();
    gate.cancelled_.WaitForNotification();  // the server has seen it
    gate.release_.Notify();
  });
  v1::AssignRequest request;
  request.set_mode(v1::ASSIGN_MODE_OPTIMAL);
  AssignResult result = Assign(request, &context);
  canceller.join();
  EXPECT_EQ(result.status.error_code(), grpc::StatusCode::CANCELLED);
  gate.finished_.WaitForNotification();
  EXPECT_THAT(ListRuns().runs(), IsEmpty());
  const std::vector<std::string> events = gate.events();
  EXPECT_EQ(std::count(events.begin(), events.end(), "storing"), 0);
}

TEST_F(AssignControlTest, PassedDeadlineIsDeadlineExceededAndStoresNothing) {
  // Held at the first phase the run reports, so the hold is reached however slowly the
  // machine runs; the run goes on only after gRPC has cancelled the call at its
  // deadline, and must then stop with DEADLINE_EXCEEDED. The deadline's length only
  // decides how long the test waits, not what it sees.
  RunGate gate("loading");
  service_options_.run_hook = gate.Hook();
  StartServer();
  LoadCohort(200, 60);
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(2));
  std::thread releaser([&] {
    gate.reached_.WaitForNotification();
    gate.cancelled_.WaitForNotification();  // gRPC cancels the call at its deadline
    gate.release_.Notify();
  });
  v1::AssignRequest request;
  request.set_mode(v1::ASSIGN_MODE_STABLE);
  AssignResult result = Assign(request, &context);
  releaser.join();
  EXPECT_EQ(result.status.error_code(), grpc::StatusCode::DEADLINE_EXCEEDED);
  gate.finished_.WaitForNotification();
  EXPECT_THAT(ListRuns().runs(), IsEmpty());
}

TEST_F(AssignControlTest, TinyDeadlineOnABigPoolStoresNoRun) {
  StartServer();
  LoadCohort(2000, 700);
  ASSERT_TRUE(Assign(v1::ASSIGN_MODE_OPTIMAL).status.ok());  // one run, no deadline
  grpc::ClientContext tiny;
  tiny.set_deadline(std::chrono::system_clock::now() + std::chrono::milliseconds(1));
  v1::AssignRequest request;
  request.set_mode(v1::ASSIGN_MODE_OPTIMAL);
  EXPECT_EQ(Assign(request, &tiny).status.error_code(), grpc::StatusCode::DEADLINE_EXCEEDED);
  // Shutting down waits for the run's thread; it must have stored nothing.
  RestartServer();
  EXPECT_THAT(ListRuns().runs(), SizeIs(1));
}

TEST_F(AssignControlTest, EmptyRequestsAreInvalidArgumentNamingTheField) {
  StartServer();
  const auto expect_field = [](const grpc::Status& status, const std::string& field) {
    EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << field;
    const std::vector<FieldViolation> violations = ViolationsOf(status);
    ASSERT_THAT(violations, testing::Not(IsEmpty())) << field;
    EXPECT_EQ(violations[0].field, field);
  };
  using Stub = v1::Matching::Stub;
  expect_field(Call(&Stub::SuggestOffers, v1::SuggestOffersRequest()), "candidate_id");
  expect_field(Call(&Stub::SuggestCandidates, v1::SuggestCandidatesRequest()), "offer_id");
  expect_field(Call(&Stub::Explain, v1::ExplainRequest()), "candidate_id");
  expect_field(Assign(v1::AssignRequest()).status, "mode");
  expect_field(Call(&Stub::GetRun, v1::GetRunRequest()), "id");
  expect_field(Call(&Stub::AcceptPlacement, v1::AcceptPlacementRequest()), "candidate_id");
  expect_field(Call(&Stub::WithdrawPlacement, v1::WithdrawPlacementRequest()), "id");
  const std::string some_id = "0123456789abcdef";
  v1::RejectPlacementRequest reject;
  reject.set_candidate_id(some_id);
  reject.set_offer_id(some_id);
  expect_field(Call(&Stub::RejectPlacement, reject), "reason");
  v1::SuggestOffersRequest too_many;
  too_many.set_candidate_id(some_id);
  too_many.set_k(101);
  expect_field(Call(&Stub::SuggestOffers, too_many), "k");
  v1::ExplainRequest negative;
  negative.set_candidate_id(some_id);
  negative.set_offer_id(some_id);
  negative.mutable_policy()->set_commute_weight(-1);
  expect_field(Call(&Stub::Explain, negative), "policy.commute_weight");
  v1::AssignRequest bad_pool;
  bad_pool.set_mode(v1::ASSIGN_MODE_GREEDY);
  bad_pool.mutable_pool()->add_kldb_codes("6210");
  expect_field(Assign(bad_pool).status, "pool.kldb_codes[0]");
  bad_pool.mutable_pool()->clear_kldb_codes();
  bad_pool.mutable_pool()->mutable_start_from()->set_year(2027);
  bad_pool.mutable_pool()->mutable_start_from()->set_month(2);
  bad_pool.mutable_pool()->mutable_start_from()->set_day(30);
  expect_field(Assign(bad_pool).status, "pool.start_from.day");
  // Listings answer an empty request with the first page.
  EXPECT_TRUE(Call(&Stub::ListRuns, v1::ListRunsRequest()).ok());
  EXPECT_TRUE(Call(&Stub::ListPlacements, v1::ListPlacementsRequest()).ok());
  // Unknown, well-formed ids are NOT_FOUND.
  v1::GetRunRequest get;
  get.set_id(some_id);
  EXPECT_EQ(Call(&Stub::GetRun, get).error_code(), grpc::StatusCode::NOT_FOUND);
}

TEST_F(AssignControlTest, RunsBeyondTheConcurrencyBoundAreResourceExhausted) {
  RunGate gate("scoring");
  service_options_.run_hook = gate.Hook();
  service_options_.max_concurrent_runs = 1;
  StartServer();
  LoadCohort(50, 20);
  AssignResult first;
  std::thread running([&] { first = Assign(v1::ASSIGN_MODE_GREEDY); });
  gate.reached_.WaitForNotification();
  EXPECT_EQ(Assign(v1::ASSIGN_MODE_GREEDY).status.error_code(),
            grpc::StatusCode::RESOURCE_EXHAUSTED);
  gate.release_.Notify();
  running.join();
  EXPECT_TRUE(first.status.ok()) << first.status.error_message();
}

// A caller that has its run's answer finds the run's slot free again: as many callers
// as there are slots, each starting its next run as soon as the last one answered,
// are never refused.
TEST_F(AssignControlTest, BackToBackRunsOfAsManyCallersAsSlotsAreNeverRefused) {
  constexpr int kCallsPerCaller = 100;
  service_options_.max_concurrent_runs = 2;
  StartServer();
  LoadCohort(12, 5);
  absl::Mutex mu;
  std::vector<std::string> failures;  // "code: message" of every failed call
  std::vector<std::thread> callers;
  for (int c = 0; c < service_options_.max_concurrent_runs; ++c) {
    callers.emplace_back([&] {
      for (int i = 0; i < kCallsPerCaller; ++i) {
        const grpc::Status status = Assign(v1::ASSIGN_MODE_GREEDY).status;
        if (status.ok()) continue;
        absl::MutexLock lock(&mu);
        failures.push_back(absl::StrCat(status.error_code(), ": ", status.error_message()));
      }
    });
  }
  for (std::thread& caller : callers) caller.join();
  EXPECT_THAT(failures, IsEmpty());
}

}  // namespace
}  // namespace azubimatch::service
