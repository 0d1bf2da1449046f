// Assign through gRPC on a real server and RocksDB: the three modes on a generated
// cohort, runs stored and retrievable, scores equal to Explain, determinism, locked and
// banned pairs, ownership of runs.
#include <map>
#include <set>
#include <string>

#include "google/protobuf/util/message_differencer.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/service/matching/matching_server_fixture.h"

namespace azubimatch::service {
namespace {

using ::google::protobuf::util::MessageDifferencer;
using ::testing::SizeIs;

class AssignRunsTest : public MatchingServerTest {
 protected:
  void SetUp() override {
    StartServer();
    absl::StatusOr<LoadedCohort> cohort =
        LoadDemoCohort(records(), officer_, {.candidates = 400, .offers = 150, .seed = 5});
    ASSERT_TRUE(cohort.ok()) << cohort.status();
    cohort_ = *std::move(cohort);
  }

  LoadedCohort cohort_;
};

TEST_F(AssignRunsTest, ThreeModesStoreRetrievableRunsWithExplainScores) {
  std::map<v1::AssignMode, v1::Run> runs;
  for (v1::AssignMode mode :
       {v1::ASSIGN_MODE_OPTIMAL, v1::ASSIGN_MODE_STABLE, v1::ASSIGN_MODE_GREEDY}) {
    AssignResult result = Assign(mode);
    ASSERT_TRUE(result.status.ok()) << result.status.error_message();
    ASSERT_TRUE(result.run.has_value());
    EXPECT_EQ(result.run_events, 1);
    EXPECT_TRUE(result.run_was_last);
    const v1::Run& run = *result.run;
    EXPECT_EQ(run.id().size(), 16u);
    EXPECT_EQ(run.member_id(), "m1");
    EXPECT_EQ(run.mode(), mode);
    EXPECT_EQ(run.metrics().candidates(), 400);
    EXPECT_GT(run.metrics().placed(), 0);
    EXPECT_EQ(run.metrics().placed(), run.placements_size());
    EXPECT_EQ(run.placements_size() + run.unmatched_size(), 400);
    EXPECT_GT(run.eligible_pairs(), 0);
    // Every placement's score is its pair's Explain score under the run's policy.
    for (int i = 0; i < run.placements_size(); i += 7) {
      const v1::RunPlacement& p = run.placements(i);
      absl::StatusOr<v1::Explanation> e =
          Explain(p.candidate_id(), p.offer_id(), run.request().policy());
      ASSERT_TRUE(e.ok()) << e.status();
      EXPECT_EQ(p.score(), e->score());
      double sum = 0.0;
      for (const v1::ScoreComponent& c : p.components()) sum += c.contribution();
      EXPECT_EQ(sum, p.score());
    }
    // Stored: GetRun gives back exactly the same run.
    grpc::ClientContext context;
    v1::GetRunRequest get;
    get.set_id(run.id());
    v1::Run stored;
    ASSERT_TRUE(stub_->GetRun(&context, get, &stored).ok());
    EXPECT_TRUE(MessageDifferencer::Equals(stored, run));
    runs[mode] = run;
  }
  const auto placed = [&](v1::AssignMode mode) { return runs[mode].metrics().placed(); };
  EXPECT_GE(placed(v1::ASSIGN_MODE_OPTIMAL), placed(v1::ASSIGN_MODE_GREEDY));
  EXPECT_GE(placed(v1::ASSIGN_MODE_OPTIMAL), placed(v1::ASSIGN_MODE_STABLE));
  EXPECT_EQ(runs[v1::ASSIGN_MODE_STABLE].metrics().blocking_pairs(), 0);

  // Listed newest first, without placements; paged.
  v1::ListRunsResponse listed = ListRuns();
  ASSERT_THAT(listed.runs(), SizeIs(3));
  EXPECT_EQ(listed.runs(0).id(), runs[v1::ASSIGN_MODE_GREEDY].id());
  EXPECT_EQ(listed.runs(2).id(), runs[v1::ASSIGN_MODE_OPTIMAL].id());
  EXPECT_EQ(listed.runs(0).placements_size(), 0);
  EXPECT_EQ(listed.runs(0).metrics().placed(), placed(v1::ASSIGN_MODE_GREEDY));
  grpc::ClientContext page_context;
  v1::ListRunsRequest page_request;
  page_request.set_page_size(2);
  v1::ListRunsResponse page;
  ASSERT_TRUE(stub_->ListRuns(&page_context, page_request, &page).ok());
  ASSERT_THAT(page.runs(), SizeIs(2));
  ASSERT_FALSE(page.next_page_token().empty());
  grpc::ClientContext next_context;
  page_request.set_page_token(page.next_page_token());
  v1::ListRunsResponse next;
  ASSERT_TRUE(stub_->ListRuns(&next_context, page_request, &next).ok());
  ASSERT_THAT(next.runs(), SizeIs(1));
  EXPECT_EQ(next.runs(0).id(), runs[v1::ASSIGN_MODE_OPTIMAL].id());
  EXPECT_TRUE(next.next_page_token().empty());
}

TEST_F(AssignRunsTest, SameDataAndRequestGiveTheSameRun) {
  for (v1::AssignMode mode : {v1::ASSIGN_MODE_OPTIMAL, v1::ASSIGN_MODE_STABLE}) {
    v1::AssignRequest request;
    request.set_mode(mode);
    request.set_seed(42);
    AssignResult first = Assign(request);
    RestartServer();  // a fresh index, built from the store in another order
    AssignResult second = Assign(request);
    ASSERT_TRUE(first.run.has_value() && second.run.has_value());
    v1::Run a = *first.run, b = *second.run;
    for (v1::Run* run : {&a, &b}) {
      run->clear_id();
      run->clear_created_at();
      run->clear_solve_seconds();
    }
    EXPECT_TRUE(MessageDifferencer::Equals(a, b)) << v1::AssignMode_Name(mode);
  }
}

TEST_F(AssignRunsTest, PoolFiltersNarrowBothSides) {
  v1::AssignRequest request;
  request.set_mode(v1::ASSIGN_MODE_GREEDY);
  request.mutable_pool()->add_municipalities("Stuttgart");
  AssignResult result = Assign(request);
  ASSERT_TRUE(result.status.ok()) << result.status.error_message();
  std::set<std::string> stuttgart_offers;
  for (const std::string& id : cohort_.offer_ids) {
    absl::StatusOr<v1::TrainingOffer> offer = records()->Get<v1::TrainingOffer>(officer_, id);
    ASSERT_TRUE(offer.ok());
    if (offer->location().municipality() == "Stuttgart") stuttgart_offers.insert(id);
  }
  EXPECT_LT(result.run->metrics().candidates(), 400);
  EXPECT_GT(result.run->metrics().candidates(), 0);
  for (const v1::RunPlacement& p : result.run->placements()) {
    EXPECT_TRUE(stuttgart_offers.contains(p.offer_id())) << p.offer_id();
  }
}

TEST_F(AssignRunsTest, RequestLockedAndBannedPairsAreHonoured) {
  AssignResult base = Assign(v1::ASSIGN_MODE_OPTIMAL);
  ASSERT_TRUE(base.run.has_value());
  ASSERT_GE(base.run->placements_size(), 2);
  const v1::RunPlacement banned = base.run->placements(0);
  // Ban the first proposed pair and lock the second.
  const v1::RunPlacement locked = base.run->placements(1);
  v1::AssignRequest request;
  request.set_mode(v1::ASSIGN_MODE_STABLE);
  v1::CandidateOfferPair* ban = request.add_banned();
  ban->set_candidate_id(banned.candidate_id());
  ban->set_offer_id(banned.offer_id());
  v1::CandidateOfferPair* lock = request.add_locked();
  lock->set_candidate_id(locked.candidate_id());
  lock->set_offer_id(locked.offer_id());
  AssignResult result = Assign(request);
  ASSERT_TRUE(result.status.ok()) << result.status.error_message();
  bool found_lock = false;
  for (const v1::RunPlacement& p : result.run->placements()) {
    EXPECT_FALSE(p.candidate_id() == banned.candidate_id() && p.offer_id() == banned.offer_id());
    if (p.candidate_id() == locked.candidate_id()) {
      EXPECT_EQ(p.offer_id(), locked.offer_id());
      EXPECT_TRUE(p.locked());
      found_lock = true;
    }
  }
  EXPECT_TRUE(found_lock);
  ASSERT_GE(result.run->request().banned_size(), 1);
  EXPECT_EQ(result.run->request().banned(0).candidate_id(), banned.candidate_id());

  // A locked pair that is also banned, or outside the pool, is refused and names it.
  *request.add_banned() = *lock;
  AssignResult both = Assign(request);
  EXPECT_EQ(both.status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(both.status.error_message(), testing::HasSubstr("locked[0]"));
}

TEST_F(AssignRunsTest, RunsBelongToTheirMember) {
  AssignResult mine = Assign(v1::ASSIGN_MODE_GREEDY);
  ASSERT_TRUE(mine.run.has_value());
  grpc::ClientContext other;
  As(&other, "m2");
  v1::GetRunRequest get;
  get.set_id(mine.run->id());
  v1::Run run;
  EXPECT_EQ(stub_->GetRun(&other, get, &run).error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_THAT(ListRuns("m2").runs(), SizeIs(0));
  // m2 has no candidates: its run is empty; it may not pool m1's candidates.
  grpc::ClientContext m2_assign;
  As(&m2_assign, "m2");
  v1::AssignRequest request;
  request.set_mode(v1::ASSIGN_MODE_GREEDY);
  AssignResult empty = Assign(request, &m2_assign);
  ASSERT_TRUE(empty.status.ok()) << empty.status.error_message();
  EXPECT_EQ(empty.run->metrics().candidates(), 0);
  request.mutable_pool()->add_member_ids("m1");
  grpc::ClientContext m2_foreign;
  As(&m2_foreign, "m2");
  EXPECT_EQ(Assign(request, &m2_foreign).status.error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  // An admin sees every run and may pool any member.
  grpc::ClientContext admin;
  As(&admin, "", "admin");
  v1::ListRunsResponse all;
  ASSERT_TRUE(stub_->ListRuns(&admin, v1::ListRunsRequest(), &all).ok());
  EXPECT_THAT(all.runs(), SizeIs(2));
  grpc::ClientContext admin_assign;
  As(&admin_assign, "", "admin");
  AssignResult pooled = Assign(request, &admin_assign);
  ASSERT_TRUE(pooled.status.ok()) << pooled.status.error_message();
  EXPECT_EQ(pooled.run->metrics().candidates(), 400);
}

}  // namespace
}  // namespace azubimatch::service
