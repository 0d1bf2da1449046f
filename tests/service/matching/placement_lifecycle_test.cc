// The placement lifecycle (AdvancePlacement) through gRPC on a real server and RocksDB,
// with the service's clock fixed: every allowed step is kept in the history, every
// refused one changes nothing (placement, seats, candidate), dates may lie in the past
// but not in the future nor before the previous step, and ENDED_EARLY frees the seat,
// makes the candidate ACTIVE again and bans the pair in runs and suggestions until the
// placement is withdrawn.
#include <string>
#include <vector>

#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "service/matching/matching_keys.h"
#include "service/registry/grpc_status.h"
#include "tests/service/matching/matching_server_fixture.h"

namespace azubimatch::service {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;
using ::testing::SizeIs;

constexpr v1::PlacementStatus kAccepted = v1::PLACEMENT_STATUS_ACCEPTED;
constexpr v1::PlacementStatus kSigned = v1::PLACEMENT_STATUS_CONTRACT_SIGNED;
constexpr v1::PlacementStatus kStarted = v1::PLACEMENT_STATUS_STARTED;
constexpr v1::PlacementStatus kProbation = v1::PLACEMENT_STATUS_PROBATION_PASSED;
constexpr v1::PlacementStatus kCompleted = v1::PLACEMENT_STATUS_COMPLETED;
constexpr v1::PlacementStatus kEndedEarly = v1::PLACEMENT_STATUS_ENDED_EARLY;
constexpr v1::PlacementStatus kRejected = v1::PLACEMENT_STATUS_REJECTED;
constexpr v1::PlacementStatus kWithdrawn = v1::PLACEMENT_STATUS_WITHDRAWN;

v1::Date Day(int year, int month, int day) {
  v1::Date date;
  date.set_year(year);
  date.set_month(month);
  date.set_day(day);
  return date;
}

// The dates the steps of the happy path are given (the service's today is 2030-07-15).
v1::Date DateOf(v1::PlacementStatus status) {
  switch (status) {
    case v1::PLACEMENT_STATUS_CONTRACT_SIGNED:
      return Day(2027, 5, 3);
    case v1::PLACEMENT_STATUS_STARTED:
      return Day(2027, 8, 2);
    case v1::PLACEMENT_STATUS_PROBATION_PASSED:
      return Day(2027, 12, 1);
    default:
      return Day(2030, 7, 15);
  }
}

// What a refused call must leave as it was.
struct Snapshot {
  std::string placement;
  int32_t seats_taken = 0;
  std::string candidate;

  bool operator==(const Snapshot&) const = default;
};

class PlacementLifecycleTest : public MatchingServerTest {
 protected:
  void SetUp() override {
    service_options_.clock = [] {
      return absl::FromCivil(absl::CivilSecond(2030, 7, 15, 10, 0, 0),
                             absl::UTCTimeZone());
    };
    StartServer();
    absl::StatusOr<v1::Company> company = records()->Create(officer_, TestCompany());
    ASSERT_TRUE(company.ok()) << company.status();
    company_ = company->id();
  }

  std::string NewOffer(int seats = 1) {
    absl::StatusOr<v1::TrainingOffer> offer =
        records()->Create(officer_, TestOffer(company_, "62102", seats));
    EXPECT_TRUE(offer.ok()) << offer.status();
    return offer.ok() ? offer->id() : "";
  }

  std::string NewCandidate() {
    absl::StatusOr<v1::Candidate> candidate =
        records()->Create(officer_, TestCandidate());
    EXPECT_TRUE(candidate.ok()) << candidate.status();
    return candidate.ok() ? candidate->id() : "";
  }

  static v1::AdvancePlacementRequest Step(const std::string& id,
                                          v1::PlacementStatus status, v1::Date date) {
    v1::AdvancePlacementRequest request;
    request.set_id(id);
    request.set_status(status);
    *request.mutable_date() = date;
    if (status == kEndedEarly) {
      request.set_ended_by(v1::ENDED_BY_APPRENTICE);
      request.set_end_reason(v1::EARLY_END_REASON_WORKING_CONDITIONS);
    }
    return request;
  }

  grpc::Status Advance(const v1::AdvancePlacementRequest& request,
                       v1::Placement* placement, const std::string& member = "m1") {
    grpc::ClientContext context;
    As(&context, member);
    return stub_->AdvancePlacement(&context, request, placement);
  }

  grpc::Status Advance(const std::string& id, v1::PlacementStatus status,
                       v1::Placement* placement) {
    return Advance(Step(id, status, DateOf(status)), placement);
  }

  // A placement of a new candidate at a new offer of one seat, moved to `status` along
  // the lifecycle (REJECTED and WITHDRAWN through those calls).
  v1::Placement PlacementIn(v1::PlacementStatus status) {
    const std::string candidate = NewCandidate();
    const std::string offer = NewOffer();
    v1::Placement placement;
    if (status == kRejected) {
      EXPECT_TRUE(Reject(candidate, offer, &placement).ok());
      return placement;
    }
    EXPECT_TRUE(Accept(candidate, offer, &placement).ok());
    if (status == kWithdrawn) {
      EXPECT_TRUE(Withdraw(placement.id(), &placement).ok());
      return placement;
    }
    const std::vector<v1::PlacementStatus> path =
        status == kEndedEarly ? std::vector{kSigned, kStarted, kEndedEarly}
                              : std::vector{kSigned, kStarted, kProbation, kCompleted};
    for (v1::PlacementStatus step : path) {
      if (placement.status() == status) break;
      const grpc::Status advanced = Advance(placement.id(), step, &placement);
      EXPECT_TRUE(advanced.ok()) << advanced.error_message();
    }
    EXPECT_EQ(placement.status(), status);
    return placement;
  }

  v1::Placement Stored(const v1::Placement& placement) {
    grpc::ClientContext context;
    v1::ListPlacementsRequest request;
    request.set_candidate_id(placement.candidate_id());
    v1::ListPlacementsResponse response;
    EXPECT_TRUE(stub_->ListPlacements(&context, request, &response).ok());
    for (const v1::Placement& p : response.placements()) {
      if (p.id() == placement.id()) return p;
    }
    ADD_FAILURE() << "placement " << placement.id() << " not listed";
    return {};
  }

  v1::Candidate CandidateRecord(const std::string& id) {
    absl::StatusOr<v1::Candidate> candidate = records()->Get<v1::Candidate>(officer_, id);
    EXPECT_TRUE(candidate.ok()) << candidate.status();
    return candidate.ok() ? *candidate : v1::Candidate();
  }

  Snapshot SnapshotOf(const v1::Placement& placement) {
    return {Stored(placement).SerializeAsString(), SeatsTaken(placement.offer_id()),
            CandidateRecord(placement.candidate_id()).SerializeAsString()};
  }

  // The ids SuggestOffers gives the candidate, SuggestCandidates gives the offer.
  std::vector<std::string> OffersSuggestedTo(const std::string& candidate) {
    v1::SuggestOffersRequest request;
    request.set_candidate_id(candidate);
    return SuggestedIds(&v1::Matching::Stub::SuggestOffers, request,
                        &v1::Suggestion::offer_id);
  }
  std::vector<std::string> CandidatesSuggestedFor(const std::string& offer) {
    v1::SuggestCandidatesRequest request;
    request.set_offer_id(offer);
    return SuggestedIds(&v1::Matching::Stub::SuggestCandidates, request,
                        &v1::Suggestion::candidate_id);
  }
  template <typename Request>
  std::vector<std::string> SuggestedIds(
      grpc::Status (v1::Matching::Stub::*suggest)(grpc::ClientContext*, const Request&,
                                                  v1::SuggestionsResponse*),
      const Request& request, const std::string& (v1::Suggestion::*id)() const) {
    grpc::ClientContext context;
    v1::SuggestionsResponse response;
    EXPECT_TRUE((stub_.get()->*suggest)(&context, request, &response).ok());
    std::vector<std::string> ids;
    for (const v1::Suggestion& s : response.suggestions()) ids.push_back((s.*id)());
    return ids;
  }

  static void ExpectField(const grpc::Status& status, grpc::StatusCode code,
                          const std::string& field) {
    EXPECT_EQ(status.error_code(), code) << field << ": " << status.error_message();
    EXPECT_THAT(status.error_message(), HasSubstr(field + ": "));
    if (code != grpc::StatusCode::INVALID_ARGUMENT)
      return;  // the field is in the message
    const std::vector<FieldViolation> violations = ViolationsOf(status);
    ASSERT_THAT(violations, Not(IsEmpty())) << field;
    EXPECT_EQ(violations[0].field, field);
  }

  std::string company_;
};

TEST_F(PlacementLifecycleTest, EveryForwardStepIsKeptInTheHistoryUntilCompleted) {
  const std::string candidate = NewCandidate();
  const std::string offer = NewOffer(2);
  v1::Placement placement;
  ASSERT_TRUE(Accept(candidate, offer, &placement).ok());
  ASSERT_THAT(placement.history(), SizeIs(1));
  EXPECT_EQ(placement.history(0).status(), kAccepted);
  EXPECT_EQ(placement.history(0).date().SerializeAsString(),
            Day(2030, 7, 15).SerializeAsString());  // the day it was recorded
  EXPECT_EQ(placement.history(0).recorded_at().seconds(),
            placement.created_at().seconds());
  const std::string candidate_before = CandidateRecord(candidate).SerializeAsString();

  int64_t version = placement.version();
  // The contract may be dated before the day the acceptance was recorded (imports).
  for (v1::PlacementStatus step : {kSigned, kStarted, kProbation}) {
    v1::AdvancePlacementRequest request = Step(placement.id(), step, DateOf(step));
    request.set_version(version);
    request.set_note("Vertrag bei der Kammer eingetragen");
    ASSERT_TRUE(Advance(request, &placement).ok()) << v1::PlacementStatus_Name(step);
    EXPECT_EQ(placement.status(), step);
    EXPECT_EQ(placement.version(), ++version);
    EXPECT_EQ(SeatsTaken(offer), 1) << "a contract stage holds the seat";
  }
  ASSERT_TRUE(Advance(placement.id(), kCompleted, &placement).ok());
  EXPECT_EQ(placement.status(), kCompleted);
  EXPECT_EQ(SeatsTaken(offer), 0) << "a completed training gives the seat back";
  EXPECT_EQ(CandidateRecord(candidate).SerializeAsString(), candidate_before);

  RestartServer();
  const v1::Placement stored = Stored(placement);
  EXPECT_EQ(stored.SerializeAsString(), placement.SerializeAsString());
  std::vector<v1::PlacementStatus> statuses;
  for (const v1::PlacementEvent& event : stored.history())
    statuses.push_back(event.status());
  EXPECT_THAT(statuses,
              ElementsAre(kAccepted, kSigned, kStarted, kProbation, kCompleted));
  EXPECT_EQ(stored.history(1).date().SerializeAsString(),
            DateOf(kSigned).SerializeAsString());
  EXPECT_EQ(stored.history(1).note(), "Vertrag bei der Kammer eingetragen");
  EXPECT_EQ(stored.history(2).ended_by(), v1::ENDED_BY_UNSPECIFIED);
  // Final: nothing more, not even a withdrawal.
  EXPECT_EQ(Advance(placement.id(), kEndedEarly, &placement).error_code(),
            grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_EQ(Withdraw(placement.id(), &placement).error_code(),
            grpc::StatusCode::FAILED_PRECONDITION);
}

TEST_F(PlacementLifecycleTest, EndedEarlyIsAllowedFromEachContractStage) {
  for (v1::PlacementStatus from : {kSigned, kStarted, kProbation}) {
    const v1::Placement placement = PlacementIn(from);
    ASSERT_EQ(SeatsTaken(placement.offer_id()), 1);
    v1::Placement ended;
    v1::AdvancePlacementRequest request =
        Step(placement.id(), kEndedEarly, Day(2028, 2, 29));
    request.set_ended_by(v1::ENDED_BY_MUTUAL);
    request.set_end_reason(v1::EARLY_END_REASON_COMMUTE);
    const grpc::Status status = Advance(request, &ended);
    ASSERT_TRUE(status.ok()) << v1::PlacementStatus_Name(from) << ": "
                             << status.error_message();
    EXPECT_EQ(ended.status(), kEndedEarly);
    EXPECT_EQ(ended.history(ended.history_size() - 1).ended_by(), v1::ENDED_BY_MUTUAL);
    EXPECT_EQ(ended.history(ended.history_size() - 1).end_reason(),
              v1::EARLY_END_REASON_COMMUTE);
    EXPECT_EQ(SeatsTaken(placement.offer_id()), 0) << v1::PlacementStatus_Name(from);
  }
}

TEST_F(PlacementLifecycleTest, BackwardSkippedAndFinalStepsAreRefusedAndChangeNothing) {
  // From each status, every target that is not the next step (or ENDED_EARLY from a
  // contract stage) is FAILED_PRECONDITION.
  const std::vector<v1::PlacementStatus> targets = {kSigned, kStarted, kProbation,
                                                    kCompleted, kEndedEarly};
  const auto allowed = [](v1::PlacementStatus from, v1::PlacementStatus to) {
    if (to == kEndedEarly)
      return from == kSigned || from == kStarted || from == kProbation;
    return (from == kAccepted && to == kSigned) || (from == kSigned && to == kStarted) ||
           (from == kStarted && to == kProbation) ||
           (from == kProbation && to == kCompleted);
  };
  int refused = 0;
  for (v1::PlacementStatus from : {kAccepted, kSigned, kStarted, kProbation, kCompleted,
                                   kEndedEarly, kRejected, kWithdrawn}) {
    const v1::Placement placement = PlacementIn(from);
    const Snapshot before = SnapshotOf(placement);
    for (v1::PlacementStatus to : targets) {
      if (allowed(from, to)) continue;
      SCOPED_TRACE(v1::PlacementStatus_Name(from) + " -> " +
                   v1::PlacementStatus_Name(to));
      v1::Placement answer;
      const grpc::Status status =
          Advance(Step(placement.id(), to, Day(2030, 7, 15)), &answer);
      const bool dead = from == kRejected || from == kWithdrawn;
      ExpectField(status, grpc::StatusCode::FAILED_PRECONDITION, dead ? "id" : "status");
      EXPECT_EQ(SnapshotOf(placement), before);
      ++refused;
    }
  }
  EXPECT_EQ(refused, 8 * 5 - 7);
}

TEST_F(PlacementLifecycleTest, DatesInTheFutureOrBeforeThePreviousStepAreRefused) {
  v1::Placement placement = PlacementIn(kSigned);  // signed on 2027-05-03
  const Snapshot before = SnapshotOf(placement);
  v1::Placement answer;
  ExpectField(Advance(Step(placement.id(), kStarted, Day(2030, 7, 16)), &answer),
              grpc::StatusCode::INVALID_ARGUMENT, "date");
  ExpectField(Advance(Step(placement.id(), kStarted, Day(2027, 5, 2)), &answer),
              grpc::StatusCode::FAILED_PRECONDITION, "date");
  ExpectField(Advance(Step(placement.id(), kStarted, Day(2027, 2, 30)), &answer),
              grpc::StatusCode::INVALID_ARGUMENT, "date.day");
  v1::AdvancePlacementRequest undated = Step(placement.id(), kStarted, {});
  undated.clear_date();
  ExpectField(Advance(undated, &answer), grpc::StatusCode::INVALID_ARGUMENT, "date");
  EXPECT_EQ(SnapshotOf(placement), before);
  // The same day as the previous step, and today, are fine.
  ASSERT_TRUE(Advance(Step(placement.id(), kStarted, Day(2027, 5, 3)), &answer).ok());
  ASSERT_TRUE(Advance(Step(placement.id(), kProbation, Day(2030, 7, 15)), &answer).ok());
  // Ending early before the probation was passed is refused the same way.
  ExpectField(Advance(Step(placement.id(), kEndedEarly, Day(2030, 7, 14)), &answer),
              grpc::StatusCode::FAILED_PRECONDITION, "date");
}

TEST_F(PlacementLifecycleTest, BadFieldsAreInvalidArgumentNamingTheField) {
  const v1::Placement placement = PlacementIn(kStarted);
  const Snapshot before = SnapshotOf(placement);
  v1::Placement answer;
  v1::AdvancePlacementRequest request = Step(placement.id(), kProbation, Day(2028, 1, 1));
  request.set_status(static_cast<v1::PlacementStatus>(99));
  ExpectField(Advance(request, &answer), grpc::StatusCode::INVALID_ARGUMENT, "status");
  request.set_status(v1::PLACEMENT_STATUS_UNSPECIFIED);
  ExpectField(Advance(request, &answer), grpc::StatusCode::INVALID_ARGUMENT, "status");
  request.set_status(kWithdrawn);
  ExpectField(Advance(request, &answer), grpc::StatusCode::INVALID_ARGUMENT, "status");

  request = Step(placement.id(), kEndedEarly, Day(2028, 1, 1));
  request.set_end_reason(static_cast<v1::EarlyEndReason>(42));
  ExpectField(Advance(request, &answer), grpc::StatusCode::INVALID_ARGUMENT,
              "end_reason");
  request.set_end_reason(v1::EARLY_END_REASON_UNSPECIFIED);
  ExpectField(Advance(request, &answer), grpc::StatusCode::INVALID_ARGUMENT,
              "end_reason");
  request = Step(placement.id(), kEndedEarly, Day(2028, 1, 1));
  request.set_ended_by(v1::ENDED_BY_UNSPECIFIED);
  ExpectField(Advance(request, &answer), grpc::StatusCode::INVALID_ARGUMENT, "ended_by");
  request.set_ended_by(static_cast<v1::EndedBy>(7));
  ExpectField(Advance(request, &answer), grpc::StatusCode::INVALID_ARGUMENT, "ended_by");

  request = Step(placement.id(), kProbation, Day(2028, 1, 1));
  request.set_end_reason(v1::EARLY_END_REASON_CONFLICT);
  ExpectField(Advance(request, &answer), grpc::StatusCode::INVALID_ARGUMENT,
              "end_reason");
  request = Step(placement.id(), kProbation, Day(2028, 1, 1));
  request.set_note("line\x01");
  ExpectField(Advance(request, &answer), grpc::StatusCode::INVALID_ARGUMENT, "note");
  request = Step(placement.id(), kProbation, Day(2028, 1, 1));
  request.set_version(-1);
  ExpectField(Advance(request, &answer), grpc::StatusCode::INVALID_ARGUMENT, "version");
  ExpectField(Advance(Step("", kProbation, Day(2028, 1, 1)), &answer),
              grpc::StatusCode::INVALID_ARGUMENT, "id");
  EXPECT_EQ(SnapshotOf(placement), before);
}

TEST_F(PlacementLifecycleTest, AnotherMembersPlacementIsNotFoundAndAStaleVersionRefused) {
  const v1::Placement placement = PlacementIn(kAccepted);
  const Snapshot before = SnapshotOf(placement);
  v1::Placement answer;
  const v1::AdvancePlacementRequest request =
      Step(placement.id(), kSigned, Day(2028, 1, 1));
  ExpectField(Advance(request, &answer, "m2"), grpc::StatusCode::NOT_FOUND, "id");
  v1::AdvancePlacementRequest stale = request;
  stale.set_version(placement.version() + 1);
  ExpectField(Advance(stale, &answer), grpc::StatusCode::FAILED_PRECONDITION, "version");
  v1::AdvancePlacementRequest unknown = request;
  unknown.set_id("0123456789abcdef");
  ExpectField(Advance(unknown, &answer), grpc::StatusCode::NOT_FOUND, "id");
  EXPECT_EQ(SnapshotOf(placement), before);
  v1::AdvancePlacementRequest current = request;
  current.set_version(placement.version());
  ASSERT_TRUE(Advance(current, &answer).ok());
  EXPECT_EQ(answer.version(), placement.version() + 1);
}

TEST_F(PlacementLifecycleTest,
       EndedEarlyFreesTheSeatReactivatesTheCandidateAndBansThePair) {
  const std::string candidate = NewCandidate();
  const std::string first = NewOffer(1);
  const std::string second = NewOffer(1);
  v1::Placement placement;
  ASSERT_TRUE(Accept(candidate, first, &placement).ok());
  // The officer marks the candidate as placed.
  v1::Candidate placed = CandidateRecord(candidate);
  placed.set_status(v1::CANDIDATE_STATUS_PLACED);
  ASSERT_TRUE(records()->Update(officer_, placed).ok());
  const int64_t candidate_version = CandidateRecord(candidate).version();
  ASSERT_TRUE(Advance(placement.id(), kSigned, &placement).ok());
  ASSERT_TRUE(Advance(placement.id(), kStarted, &placement).ok());
  ASSERT_EQ(SeatsTaken(first), 1);

  v1::AdvancePlacementRequest end = Step(placement.id(), kEndedEarly, Day(2027, 10, 1));
  end.set_ended_by(v1::ENDED_BY_COMPANY);
  end.set_end_reason(v1::EARLY_END_REASON_PERFORMANCE);
  end.set_note("Berufsschule: Leistungen nicht ausreichend");
  ASSERT_TRUE(Advance(end, &placement).ok());
  EXPECT_EQ(placement.status(), kEndedEarly);
  EXPECT_EQ(SeatsTaken(first), 0);
  const v1::Candidate reactivated = CandidateRecord(candidate);
  EXPECT_EQ(reactivated.status(), v1::CANDIDATE_STATUS_ACTIVE);
  EXPECT_EQ(reactivated.version(), candidate_version + 1);

  RestartServer();  // the ban is rebuilt from the stored placements
  // A run places the candidate again, elsewhere; the freed seat goes to someone else.
  const std::string other = NewCandidate();
  v1::AssignRequest run_request;
  run_request.set_mode(v1::ASSIGN_MODE_OPTIMAL);
  AssignResult run = Assign(run_request);
  ASSERT_TRUE(run.status.ok()) << run.status.error_message();
  std::string offer_of_candidate, offer_of_other;
  for (const v1::RunPlacement& p : run.run->placements()) {
    if (p.candidate_id() == candidate) offer_of_candidate = p.offer_id();
    if (p.candidate_id() == other) offer_of_other = p.offer_id();
  }
  EXPECT_EQ(offer_of_candidate, second);
  EXPECT_EQ(offer_of_other, first);
  // Suggestions: the candidate is offered the second offer only, and the first offer
  // suggests the other candidate only.
  EXPECT_THAT(OffersSuggestedTo(candidate), ElementsAre(second));
  EXPECT_THAT(CandidatesSuggestedFor(first), ElementsAre(other))
      << "first offer " << first << ", ended candidate " << candidate;
  absl::StatusOr<v1::Explanation> e = Explain(candidate, first);
  ASSERT_TRUE(e.ok()) << e.status();
  EXPECT_FALSE(e->eligible());
  ASSERT_THAT(e->reasons(), SizeIs(1));
  EXPECT_EQ(e->reasons(0).code(), v1::EXCLUSION_CODE_BANNED);
  v1::Placement again;
  const grpc::Status banned = Accept(candidate, first, &again);
  EXPECT_EQ(banned.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_THAT(banned.error_message(), HasSubstr("ended early"));

  // Withdrawing the ended placement lifts the ban; seat and candidate stay as they are.
  const v1::Candidate candidate_before_withdrawal = CandidateRecord(candidate);
  v1::Placement withdrawn;
  ASSERT_TRUE(Withdraw(placement.id(), &withdrawn).ok());
  EXPECT_EQ(withdrawn.status(), kWithdrawn);
  EXPECT_EQ(withdrawn.history().size(), placement.history().size());
  EXPECT_EQ(SeatsTaken(first), 0);
  EXPECT_EQ(CandidateRecord(candidate).SerializeAsString(),
            candidate_before_withdrawal.SerializeAsString());
  e = Explain(candidate, first);
  ASSERT_TRUE(e.ok()) << e.status();
  EXPECT_TRUE(e->eligible());
  EXPECT_TRUE(Accept(candidate, first, &again).ok());
  EXPECT_EQ(SeatsTaken(first), 1);
}

TEST_F(PlacementLifecycleTest, DeletingACandidateWithAnEndedPlacementWithdrawsIt) {
  const v1::Placement ended = PlacementIn(kEndedEarly);
  const std::string pair_key = PlacementPairKey(ended.candidate_id(), ended.offer_id());
  ASSERT_TRUE(server_->store()->Get(Family::kIndex, pair_key).ok());
  ASSERT_TRUE(records()->Delete<v1::Candidate>(officer_, ended.candidate_id(), 0).ok());
  EXPECT_EQ(server_->store()->Get(Family::kIndex, pair_key).status().code(),
            absl::StatusCode::kNotFound);
  const v1::Placement stored = Stored(ended);
  EXPECT_EQ(stored.status(), kWithdrawn);
  EXPECT_EQ(stored.version(), ended.version() + 1);
}

}  // namespace
}  // namespace azubimatch::service
