// Reports.GetRetention end to end through the real API: placements accepted with
// AcceptPlacement and moved along the lifecycle with AdvancePlacement on a real server
// over RocksDB, then read back as retention figures (hand-computed), by an officer, an
// analyst and another member.
#include <string>
#include <vector>

#include "azubimatch/v1/reports.grpc.pb.h"
#include "gtest/gtest.h"
#include "tests/service/reports/report_server_fixture.h"

namespace azubimatch::service {
namespace {

v1::Date Day(int year, int month, int day) {
  v1::Date date;
  date.set_year(year);
  date.set_month(month);
  date.set_day(day);
  return date;
}

class RetentionLifecycleTest : public ReportServerFixture {
 protected:
  // Accepts a placement of a new candidate of m1 at `offer`; returns its id.
  std::string Accept(const std::string& offer) {
    absl::StatusOr<v1::Candidate> candidate = server_->records()->Create(
        OfficerOf("m1"), TestCandidate({"62102"}, Stuttgart()));
    EXPECT_TRUE(candidate.ok()) << candidate.status();
    grpc::ClientContext context;
    As(&context, "m1");
    v1::AcceptPlacementRequest request;
    request.set_candidate_id(candidate->id());
    request.set_offer_id(offer);
    v1::Placement placement;
    const grpc::Status status = matching_->AcceptPlacement(&context, request, &placement);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return placement.id();
  }

  void Advance(const std::string& id, v1::PlacementStatus status, v1::Date date) {
    grpc::ClientContext context;
    As(&context, "m1");
    v1::AdvancePlacementRequest request;
    request.set_id(id);
    request.set_status(status);
    *request.mutable_date() = date;
    if (status == v1::PLACEMENT_STATUS_ENDED_EARLY) {
      request.set_ended_by(v1::ENDED_BY_APPRENTICE);
      request.set_end_reason(v1::EARLY_END_REASON_CONFLICT);
    }
    v1::Placement placement;
    const grpc::Status s = matching_->AdvancePlacement(&context, request, &placement);
    ASSERT_TRUE(s.ok()) << s.error_message();
  }

  void Start(const std::string& id) {
    Advance(id, v1::PLACEMENT_STATUS_CONTRACT_SIGNED, Day(2024, 7, 1));
    Advance(id, v1::PLACEMENT_STATUS_STARTED, Day(2024, 8, 1));
  }

  v1::RetentionReport Retention(const std::string& member, const std::string& role) {
    grpc::ClientContext context;
    As(&context, member, role);
    v1::GetRetentionRequest request;
    *request.mutable_as_of() = Day(2025, 8, 1);
    request.add_at_days(122);
    request.add_at_days(365);
    v1::RetentionReport report;
    const grpc::Status status = reports_->GetRetention(&context, request, &report);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return report;
  }
};

TEST_F(RetentionLifecycleTest, FiguresOfPlacementsMovedThroughAdvancePlacement) {
  absl::StatusOr<v1::Company> company =
      server_->records()->Create(OfficerOf("m1"), TestCompany());
  ASSERT_TRUE(company.ok()) << company.status();
  absl::StatusOr<v1::TrainingOffer> offer =
      server_->records()->Create(OfficerOf("m1"), TestOffer(company->id(), "62102", 20));
  ASSERT_TRUE(offer.ok()) << offer.status();
  const v1::PlacementStatus kPassed = v1::PLACEMENT_STATUS_PROBATION_PASSED;
  const v1::PlacementStatus kEnded = v1::PLACEMENT_STATUS_ENDED_EARLY;
  // All start on 2024-08-01; read as of 2025-08-01.
  //   p1 ends early on 2024-09-15 (day 45), in probation;
  //   p2 passes probation on 2024-12-01 and ends early on 2025-03-01 (day 212);
  //   p3 passes and completes on 2025-07-31 (censored at day 364);
  //   p4, p5 pass and are still training (censored at day 365);
  //   p6 signs and ends before the start: not counted; p7 is only accepted.
  std::vector<std::string> ids;
  for (int i = 0; i < 7; ++i) ids.push_back(Accept(offer->id()));
  for (int i = 0; i < 5; ++i) Start(ids[i]);
  Advance(ids[0], kEnded, Day(2024, 9, 15));
  for (int i = 1; i < 5; ++i) Advance(ids[i], kPassed, Day(2024, 12, 1));
  Advance(ids[1], kEnded, Day(2025, 3, 1));
  Advance(ids[2], v1::PLACEMENT_STATUS_COMPLETED, Day(2025, 7, 31));
  Advance(ids[5], v1::PLACEMENT_STATUS_CONTRACT_SIGNED, Day(2024, 7, 1));
  Advance(ids[5], kEnded, Day(2024, 7, 20));

  const v1::RetentionReport report = Retention("m1", "officer");
  const v1::RetentionFigures& f = report.overall();
  EXPECT_EQ(f.started(), 5);
  EXPECT_EQ(f.ended_early(), 2);
  EXPECT_EQ(f.completed(), 1);
  EXPECT_EQ(f.in_training(), 2);
  EXPECT_DOUBLE_EQ(f.share_in_training(), 0.4);
  // Probation: passed p2..p5, failed p1.
  EXPECT_EQ(f.probation_known(), 5);
  EXPECT_DOUBLE_EQ(f.probation_pass_rate(), 0.8);
  // S(122) = 4/5 (at risk 4); S(365) = 4/5 * 3/4 = 3/5, at risk 2 (p4, p5).
  ASSERT_EQ(f.survival_size(), 2);
  EXPECT_EQ(f.survival(0).at_risk(), 4);
  EXPECT_NEAR(f.survival(0).survival(), 0.8, 1e-12);
  EXPECT_EQ(f.survival(1).at_risk(), 2);
  EXPECT_NEAR(f.survival(1).survival(), 0.6, 1e-12);
  ASSERT_EQ(f.curve_size(), 2);
  EXPECT_EQ(f.curve(0).days(), 45);
  EXPECT_EQ(f.curve(1).days(), 212);

  // The analyst sees the network's aggregates (here: the same placements); another
  // member's officer sees none of m1's.
  EXPECT_EQ(Retention("m7", "analyst").overall().SerializeAsString(),
            f.SerializeAsString());
  EXPECT_EQ(Retention("m2", "officer").overall().started(), 0);
}

}  // namespace
}  // namespace azubimatch::service
