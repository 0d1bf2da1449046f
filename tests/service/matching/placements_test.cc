// Placements through gRPC on a real server and RocksDB: accepting takes a seat in the
// same write as the placement, a full offer or a placed candidate is refused, the score
// equals Explain's, rejections ban pairs in later runs, withdrawals undo both, and all of
// it survives a restart. Deleting a candidate through the Registry is refused while it
// holds a seat, and withdraws its rejections when allowed.
#include <string>

#include "azubimatch/v1/registry.grpc.pb.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "service/matching/matching_keys.h"
#include "tests/service/matching/matching_server_fixture.h"

namespace azubimatch::service {
namespace {

using ::testing::HasSubstr;
using ::testing::SizeIs;

class PlacementsTest : public MatchingServerTest {
 protected:
  void SetUp() override {
    StartServer();
    absl::StatusOr<v1::Company> company = records()->Create(officer_, TestCompany());
    ASSERT_TRUE(company.ok()) << company.status();
    for (int seats : {1, 2}) {
      absl::StatusOr<v1::TrainingOffer> offer =
          records()->Create(officer_, TestOffer(company->id(), "62102", seats));
      ASSERT_TRUE(offer.ok()) << offer.status();
      offers_.push_back(offer->id());
    }
    for (int i = 0; i < 3; ++i) {
      absl::StatusOr<v1::Candidate> candidate = records()->Create(officer_, TestCandidate());
      ASSERT_TRUE(candidate.ok()) << candidate.status();
      candidates_.push_back(candidate->id());
    }
  }

  // The run's placement of `candidate`, or nullptr.
  static const v1::RunPlacement* PlacementOf(const v1::Run& run, const std::string& candidate) {
    for (const v1::RunPlacement& p : run.placements()) {
      if (p.candidate_id() == candidate) return &p;
    }
    return nullptr;
  }

  // DeleteCandidate through the Registry's gRPC service, as officer of m1 (the
  // resolver's default caller).
  grpc::Status DeleteCandidate(const std::string& id) {
    grpc::ClientContext context;
    v1::DeleteRecordRequest request;
    request.set_id(id);
    v1::DeleteRecordResponse response;
    return v1::Registry::NewStub(channel_)->DeleteCandidate(&context, request, &response);
  }

  // The placements of `candidate`, as officer of m1.
  v1::ListPlacementsResponse PlacementsOf(const std::string& candidate) {
    grpc::ClientContext context;
    As(&context, "m1");
    v1::ListPlacementsRequest request;
    request.set_candidate_id(candidate);
    v1::ListPlacementsResponse response;
    EXPECT_TRUE(stub_->ListPlacements(&context, request, &response).ok());
    return response;
  }

  std::vector<std::string> offers_;      // [0] has 1 seat, [1] has 2
  std::vector<std::string> candidates_;  // all eligible for both
};

TEST_F(PlacementsTest, AcceptTakesASeatWithExplainScore) {
  v1::Placement placement;
  ASSERT_TRUE(Accept(candidates_[0], offers_[0], &placement).ok());
  EXPECT_EQ(placement.id().size(), 16u);
  EXPECT_EQ(placement.status(), v1::PLACEMENT_STATUS_ACCEPTED);
  EXPECT_EQ(placement.member_id(), "m1");
  EXPECT_EQ(placement.version(), 1);
  EXPECT_EQ(SeatsTaken(offers_[0]), 1);
  absl::StatusOr<v1::Explanation> e = Explain(candidates_[0], offers_[0]);
  ASSERT_TRUE(e.ok()) << e.status();
  EXPECT_EQ(placement.score(), e->score());
  EXPECT_GT(placement.score(), 0.0);
  // Explain now says the candidate is placed, in words.
  EXPECT_FALSE(e->eligible());
  bool names_placement = false;
  for (const v1::Exclusion& reason : e->reasons()) {
    if (reason.code() == v1::EXCLUSION_CODE_CANDIDATE_INACTIVE) {
      EXPECT_THAT(reason.text(), HasSubstr(placement.id()));
      names_placement = true;
    }
  }
  EXPECT_TRUE(names_placement);
}

TEST_F(PlacementsTest, FullOfferAndPlacedCandidateAreFailedPrecondition) {
  v1::Placement placement;
  ASSERT_TRUE(Accept(candidates_[0], offers_[0], &placement).ok());
  grpc::Status full = Accept(candidates_[1], offers_[0], &placement);
  EXPECT_EQ(full.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_THAT(full.error_message(), HasSubstr("offer_id"));
  grpc::Status placed = Accept(candidates_[0], offers_[1], &placement);
  EXPECT_EQ(placed.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_THAT(placed.error_message(), HasSubstr("candidate_id"));
  EXPECT_EQ(SeatsTaken(offers_[0]), 1);
  EXPECT_EQ(SeatsTaken(offers_[1]), 0);
  // Another member's candidate does not exist for this caller.
  EXPECT_EQ(Accept(candidates_[1], offers_[1], &placement, "m2").error_code(),
            grpc::StatusCode::NOT_FOUND);
}

TEST_F(PlacementsTest, AcceptedPairIsLockedInRunsAndSurvivesRestart) {
  v1::Placement placement;
  ASSERT_TRUE(Accept(candidates_[2], offers_[0], &placement).ok());
  RestartServer();
  AssignResult run = Assign(v1::ASSIGN_MODE_OPTIMAL);
  ASSERT_TRUE(run.status.ok()) << run.status.error_message();
  const v1::RunPlacement* locked = PlacementOf(*run.run, candidates_[2]);
  ASSERT_NE(locked, nullptr);
  EXPECT_EQ(locked->offer_id(), offers_[0]);
  EXPECT_TRUE(locked->locked());
  EXPECT_EQ(locked->score(), placement.score());
  // 3 seats: the accepted one plus two free at offers_[1]; runs change no seat.
  EXPECT_EQ(run.run->metrics().seats(), 3);
  EXPECT_EQ(run.run->metrics().placed(), 3);
  EXPECT_EQ(SeatsTaken(offers_[0]), 1);
  EXPECT_EQ(SeatsTaken(offers_[1]), 0);
  // Suggestions leave the placed candidate and the full offer out.
  grpc::ClientContext context;
  v1::SuggestOffersRequest request;
  request.set_candidate_id(candidates_[0]);
  v1::SuggestionsResponse response;
  ASSERT_TRUE(stub_->SuggestOffers(&context, request, &response).ok());
  ASSERT_THAT(response.suggestions(), SizeIs(1));
  EXPECT_EQ(response.suggestions(0).offer_id(), offers_[1]);
}

TEST_F(PlacementsTest, RejectionBansThePairUntilWithdrawn) {
  v1::Placement rejected;
  ASSERT_TRUE(Reject(candidates_[0], offers_[1], &rejected).ok());
  EXPECT_EQ(rejected.status(), v1::PLACEMENT_STATUS_REJECTED);
  EXPECT_EQ(rejected.reject_reason(), v1::REJECT_REASON_COMPANY_DECLINED);
  v1::AssignRequest request;
  request.set_mode(v1::ASSIGN_MODE_GREEDY);
  request.mutable_pool()->add_kldb_codes("62102");
  AssignResult run = Assign(request);
  ASSERT_TRUE(run.status.ok());
  const v1::RunPlacement* p = PlacementOf(*run.run, candidates_[0]);
  EXPECT_TRUE(p == nullptr || p->offer_id() != offers_[1]);
  absl::StatusOr<v1::Explanation> e = Explain(candidates_[0], offers_[1]);
  ASSERT_TRUE(e.ok());
  EXPECT_FALSE(e->eligible());
  ASSERT_THAT(e->reasons(), SizeIs(1));
  EXPECT_EQ(e->reasons(0).code(), v1::EXCLUSION_CODE_BANNED);
  // Accepting a rejected pair needs the rejection withdrawn first.
  v1::Placement placement;
  EXPECT_EQ(Accept(candidates_[0], offers_[1], &placement).error_code(),
            grpc::StatusCode::FAILED_PRECONDITION);
  v1::Placement lifted;
  ASSERT_TRUE(Withdraw(rejected.id(), &lifted).ok());
  EXPECT_EQ(lifted.status(), v1::PLACEMENT_STATUS_WITHDRAWN);
  EXPECT_EQ(lifted.version(), 2);
  e = Explain(candidates_[0], offers_[1]);
  ASSERT_TRUE(e.ok());
  EXPECT_TRUE(e->eligible());
  EXPECT_TRUE(Accept(candidates_[0], offers_[1], &placement).ok());
}

TEST_F(PlacementsTest, WithdrawingAnAcceptanceFreesTheSeat) {
  v1::Placement placement;
  ASSERT_TRUE(Accept(candidates_[0], offers_[0], &placement).ok());
  ASSERT_EQ(SeatsTaken(offers_[0]), 1);
  v1::Placement withdrawn;
  ASSERT_TRUE(Withdraw(placement.id(), &withdrawn).ok());
  EXPECT_EQ(SeatsTaken(offers_[0]), 0);
  EXPECT_EQ(Withdraw(placement.id(), &withdrawn).error_code(),
            grpc::StatusCode::FAILED_PRECONDITION);
  grpc::ClientContext other;
  As(&other, "m2");
  v1::WithdrawPlacementRequest request;
  request.set_id(placement.id());
  EXPECT_EQ(stub_->WithdrawPlacement(&other, request, &withdrawn).error_code(),
            grpc::StatusCode::NOT_FOUND);
  // The seat can be taken again, by someone else.
  EXPECT_TRUE(Accept(candidates_[1], offers_[0], &placement).ok());
  EXPECT_EQ(SeatsTaken(offers_[0]), 1);
}

TEST_F(PlacementsTest, ListPlacementsFiltersAndPages) {
  v1::Placement a, b, c;
  ASSERT_TRUE(Accept(candidates_[0], offers_[1], &a).ok());
  ASSERT_TRUE(Accept(candidates_[1], offers_[1], &b).ok());
  ASSERT_TRUE(Reject(candidates_[2], offers_[0], &c).ok());
  const auto list = [&](v1::ListPlacementsRequest request, const std::string& member = "m1") {
    grpc::ClientContext context;
    As(&context, member);
    v1::ListPlacementsResponse response;
    EXPECT_TRUE(stub_->ListPlacements(&context, request, &response).ok());
    return response;
  };
  EXPECT_THAT(list({}).placements(), SizeIs(3));
  EXPECT_THAT(list({}, "m2").placements(), SizeIs(0));
  v1::ListPlacementsRequest by_offer;
  by_offer.set_offer_id(offers_[1]);
  EXPECT_THAT(list(by_offer).placements(), SizeIs(2));
  v1::ListPlacementsRequest by_candidate;
  by_candidate.set_candidate_id(candidates_[2]);
  ASSERT_THAT(list(by_candidate).placements(), SizeIs(1));
  EXPECT_EQ(list(by_candidate).placements(0).id(), c.id());
  v1::ListPlacementsRequest rejected;
  rejected.set_status(v1::PLACEMENT_STATUS_REJECTED);
  EXPECT_THAT(list(rejected).placements(), SizeIs(1));
  v1::ListPlacementsRequest paged;
  paged.set_page_size(2);
  v1::ListPlacementsResponse first = list(paged);
  ASSERT_THAT(first.placements(), SizeIs(2));
  ASSERT_FALSE(first.next_page_token().empty());
  paged.set_page_token(first.next_page_token());
  v1::ListPlacementsResponse second = list(paged);
  ASSERT_THAT(second.placements(), SizeIs(1));
  EXPECT_TRUE(second.next_page_token().empty());
  EXPECT_LT(first.placements(1).id(), second.placements(0).id());
}

TEST_F(PlacementsTest, RegistryRefusesToDeleteACandidateHoldingASeatUntilWithdrawn) {
  v1::Placement placement;
  ASSERT_TRUE(Accept(candidates_[0], offers_[0], &placement).ok());
  const grpc::Status refused = DeleteCandidate(candidates_[0]);
  EXPECT_EQ(refused.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_THAT(refused.error_message(), HasSubstr("id: "));
  EXPECT_THAT(refused.error_message(), HasSubstr(placement.id()));
  EXPECT_THAT(refused.error_message(), HasSubstr("withdraw the placement first"));
  // Candidate, placement and seat unchanged.
  absl::StatusOr<v1::Candidate> candidate =
      records()->Get<v1::Candidate>(officer_, candidates_[0]);
  ASSERT_TRUE(candidate.ok()) << candidate.status();
  EXPECT_EQ(candidate->version(), 1);
  v1::ListPlacementsResponse held = PlacementsOf(candidates_[0]);
  ASSERT_THAT(held.placements(), SizeIs(1));
  EXPECT_EQ(held.placements(0).SerializeAsString(), placement.SerializeAsString());
  EXPECT_EQ(SeatsTaken(offers_[0]), 1);

  v1::Placement withdrawn;
  ASSERT_TRUE(Withdraw(placement.id(), &withdrawn).ok());
  ASSERT_TRUE(DeleteCandidate(candidates_[0]).ok());
  EXPECT_EQ(records()->Get<v1::Candidate>(officer_, candidates_[0]).status().code(),
            absl::StatusCode::kNotFound);
  EXPECT_EQ(SeatsTaken(offers_[0]), 0);
  // The withdrawn placement stays as the record of the decision.
  held = PlacementsOf(candidates_[0]);
  ASSERT_THAT(held.placements(), SizeIs(1));
  EXPECT_EQ(held.placements(0).status(), v1::PLACEMENT_STATUS_WITHDRAWN);
}

TEST_F(PlacementsTest, LaterSeatHoldingStagesAlsoBlockTheDelete) {
  v1::Placement placement;
  ASSERT_TRUE(Accept(candidates_[1], offers_[1], &placement).ok());
  for (v1::PlacementStatus status :
       {v1::PLACEMENT_STATUS_CONTRACT_SIGNED, v1::PLACEMENT_STATUS_STARTED,
        v1::PLACEMENT_STATUS_PROBATION_PASSED}) {
    placement.set_status(status);
    WriteBatch batch;
    batch.Put(Family::kPlacements, placement.id(), placement.SerializeAsString());
    ASSERT_TRUE(server_->store()->Write(batch).ok());
    EXPECT_EQ(records()->Delete<v1::Candidate>(officer_, candidates_[1], 0).code(),
              absl::StatusCode::kFailedPrecondition)
        << v1::PlacementStatus_Name(status);
  }
  // A finished placement holds no seat: the candidate may go.
  placement.set_status(v1::PLACEMENT_STATUS_COMPLETED);
  WriteBatch batch;
  batch.Put(Family::kPlacements, placement.id(), placement.SerializeAsString());
  ASSERT_TRUE(server_->store()->Write(batch).ok());
  EXPECT_TRUE(records()->Delete<v1::Candidate>(officer_, candidates_[1], 0).ok());
}

TEST_F(PlacementsTest, DeletingACandidateWithARejectionWithdrawsItAndItsPairEntry) {
  v1::Placement rejected;
  ASSERT_TRUE(Reject(candidates_[2], offers_[1], &rejected).ok());
  const std::string pair_key = PlacementPairKey(candidates_[2], offers_[1]);
  ASSERT_TRUE(server_->store()->Get(Family::kIndex, pair_key).ok());
  ASSERT_TRUE(DeleteCandidate(candidates_[2]).ok());
  EXPECT_EQ(server_->store()->Get(Family::kIndex, pair_key).status().code(),
            absl::StatusCode::kNotFound);
  v1::ListPlacementsResponse left = PlacementsOf(candidates_[2]);
  ASSERT_THAT(left.placements(), SizeIs(1));
  EXPECT_EQ(left.placements(0).id(), rejected.id());
  EXPECT_EQ(left.placements(0).status(), v1::PLACEMENT_STATUS_WITHDRAWN);
  EXPECT_EQ(left.placements(0).version(), 2);
  EXPECT_EQ(left.placements(0).reject_reason(), rejected.reject_reason());
  // Nothing is left to withdraw, and the offer is untouched.
  v1::Placement again;
  EXPECT_EQ(Withdraw(rejected.id(), &again).error_code(),
            grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_EQ(SeatsTaken(offers_[1]), 0);
  // Placements of a deleted candidate cannot be made.
  EXPECT_EQ(Accept(candidates_[2], offers_[1], &again).error_code(),
            grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(Reject(candidates_[2], offers_[1], &again).error_code(),
            grpc::StatusCode::NOT_FOUND);
}

TEST_F(PlacementsTest, CandidateGoneBetweenTheCheckAndTheWriteLeavesNothingWritten) {
  // The stored record goes while the index still holds the candidate: the check
  // against the index passes, the write re-checks the store.
  WriteBatch gone;
  gone.Delete(Family::kCandidates, candidates_[0]);
  ASSERT_TRUE(server_->store()->Write(gone).ok());
  v1::Placement placement;
  const grpc::Status accepted = Accept(candidates_[0], offers_[1], &placement);
  EXPECT_EQ(accepted.error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_THAT(accepted.error_message(), HasSubstr("candidate_id"));
  const grpc::Status rejected = Reject(candidates_[0], offers_[1], &placement);
  EXPECT_EQ(rejected.error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_THAT(rejected.error_message(), HasSubstr("candidate_id"));
  EXPECT_EQ(SeatsTaken(offers_[1]), 0);
  EXPECT_THAT(PlacementsOf(candidates_[0]).placements(), SizeIs(0));
  EXPECT_EQ(server_->store()
                ->Get(Family::kIndex, PlacementPairKey(candidates_[0], offers_[1]))
                .status()
                .code(),
            absl::StatusCode::kNotFound);
}

}  // namespace
}  // namespace azubimatch::service
