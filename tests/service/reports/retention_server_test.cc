// Reports.GetRetention through gRPC on a real server over RocksDB, on placements
// written into the store the way the placement book stores them (Family::kPlacements,
// id -> v1::Placement with its lifecycle history): a hand-computed cohort (survival,
// intervals, probation, groups, log-rank), suppression, the groups that come from the
// proposing run, errors, and access (analysts see the network's aggregates, a member
// only its own placements).
#include <cmath>
#include <string>
#include <vector>

#include "absl/time/clock.h"
#include "azubimatch/v1/reports.grpc.pb.h"
#include "gtest/gtest.h"
#include "service/matching/placement_lifecycle.h"
#include "tests/service/reports/report_server_fixture.h"
#include "tests/service/reports/stored_placements.h"

namespace azubimatch::service {
namespace {

class RetentionServerTest : public ReportServerFixture {
 protected:
  // Two offers of member m1: A (62102, trade) and B (29302, crafts).
  void MakeOffers() {
    absl::StatusOr<v1::Company> company =
        server_->records()->Create(OfficerOf("m1"), TestCompany());
    ASSERT_TRUE(company.ok()) << company.status();
    absl::StatusOr<v1::TrainingOffer> a = server_->records()->Create(
        OfficerOf("m1"), TestOffer(company->id(), "62102", 20));
    ASSERT_TRUE(a.ok()) << a.status();
    v1::TrainingOffer bakery = TestOffer(company->id(), "29302", 20);
    bakery.mutable_occupation()->set_sector(v1::SECTOR_CRAFTS);
    absl::StatusOr<v1::TrainingOffer> b =
        server_->records()->Create(OfficerOf("m1"), bakery);
    ASSERT_TRUE(b.ok()) << b.status();
    offer_a_ = a->id();
    offer_b_ = b->id();
  }

  // Stores a placement of `member` at `offer` with the given steps (status, day).
  std::string Store(const std::string& member, const std::string& offer,
                    std::vector<std::pair<v1::PlacementStatus, Day>> steps,
                    v1::PlacementStatus status = v1::PLACEMENT_STATUS_UNSPECIFIED,
                    const std::string& candidate = "", const std::string& run = "") {
    return StorePlacement(server_->store(), ++next_id_,
                          {member, offer, std::move(steps), status, candidate, run});
  }

  // The cohort, all started 2024-08-01, read as of 2025-08-01 (365 days later):
  //   offer A (6): ended early on day 30 and on day 90 (no probation step); passed
  //     probation on day 122 (2024-12-01) and still training (2); started only (1);
  //     passed on day 122 and ended early on day 200 (2025-02-17).
  //   offer B (5): passed on day 122, still training.
  //   not counted: a withdrawn placement that had started; an accepted one with no
  //     further step; one that starts after as_of.
  //   member m2: one started on 2024-08-01 and ended early on day 10.
  void StoreCohort() {
    MakeOffers();
    const Day start{2024, 8, 1}, probation{2024, 12, 1};
    using S = v1::PlacementStatus;
    const S kStarted = v1::PLACEMENT_STATUS_STARTED;
    const S kPassed = v1::PLACEMENT_STATUS_PROBATION_PASSED;
    const S kEnded = v1::PLACEMENT_STATUS_ENDED_EARLY;
    Store("m1", offer_a_, {{kStarted, start}, {kEnded, {2024, 8, 31}}});
    Store("m1", offer_a_, {{kStarted, start}, {kEnded, {2024, 10, 30}}});
    for (int i = 0; i < 2; ++i)
      Store("m1", offer_a_, {{kStarted, start}, {kPassed, probation}});
    Store("m1", offer_a_, {{kStarted, start}});
    Store("m1", offer_a_,
          {{kStarted, start}, {kPassed, probation}, {kEnded, {2025, 2, 17}}});
    for (int i = 0; i < 5; ++i)
      Store("m1", offer_b_, {{kStarted, start}, {kPassed, probation}});
    Store("m1", offer_a_, {{kStarted, start}}, v1::PLACEMENT_STATUS_WITHDRAWN);
    Store("m1", offer_a_, {});
    Store("m1", offer_b_, {{kStarted, {2025, 9, 1}}});
    Store("m2", offer_a_, {{kStarted, start}, {kEnded, {2024, 8, 11}}});
  }

  grpc::Status Retention(const std::string& member, const std::string& role,
                         v1::RetentionDimension by, v1::RetentionReport* report,
                         std::vector<int> at_days = {122, 365, 730}, bool as_of = true) {
    grpc::ClientContext context;
    As(&context, member, role);
    v1::GetRetentionRequest request;
    if (as_of) {
      request.mutable_as_of()->set_year(2025);
      request.mutable_as_of()->set_month(8);
      request.mutable_as_of()->set_day(1);
    }
    for (int d : at_days) request.add_at_days(d);
    request.set_by(by);
    return reports_->GetRetention(&context, request, report);
  }

  static const v1::RetentionGroup& GroupOf(const v1::RetentionReport& report,
                                           const std::string& name) {
    for (const v1::RetentionGroup& g : report.groups()) {
      if (g.group() == name) return g;
    }
    ADD_FAILURE() << "no group " << name;
    static const v1::RetentionGroup kEmpty;
    return kEmpty;
  }

  int next_id_ = 0;
  std::string offer_a_, offer_b_;
};

TEST_F(RetentionServerTest, HandComputedCohort) {
  StoreCohort();
  v1::RetentionReport report;
  const grpc::Status status =
      Retention("m1", "officer", v1::RETENTION_DIMENSION_UNSPECIFIED, &report);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(report.as_of().year(), 2025);
  const v1::RetentionFigures& f = report.overall();
  // 11 started: events at 30 (n 11), 90 (n 10), 200 (n 9); 8 censored at 365.
  EXPECT_EQ(f.started(), 11);
  EXPECT_EQ(f.ended_early(), 3);
  EXPECT_EQ(f.completed(), 0);
  EXPECT_EQ(f.in_training(), 8);
  EXPECT_DOUBLE_EQ(f.share_in_training(), 8.0 / 11);
  // Probation: passed 8 (two on A still training, the one ended on day 200, five on
  // B), failed 2 (ended on days 30 and 90); the one only started is not known.
  EXPECT_EQ(f.probation_known(), 10);
  EXPECT_DOUBLE_EQ(f.probation_pass_rate(), 0.8);
  ASSERT_EQ(f.survival_size(), 3);
  // S(122) = 10/11 * 9/10 = 9/11; Greenwood 1/(11*10) + 1/(10*9) = 0.0202020;
  // log-log: se = sqrt(0.0202020) / |ln(9/11)| = 0.708312, interval 0.447429..0.951162.
  EXPECT_EQ(f.survival(0).days(), 122);
  EXPECT_EQ(f.survival(0).at_risk(), 9);
  EXPECT_NEAR(f.survival(0).survival(), 9.0 / 11, 1e-12);
  EXPECT_NEAR(f.survival(0).ci_low(), 0.447429, 1e-6);
  EXPECT_NEAR(f.survival(0).ci_high(), 0.951162, 1e-6);
  // S(365) = 9/11 * 8/9 = 8/11, at risk 8; interval 0.370787..0.902833.
  EXPECT_EQ(f.survival(1).at_risk(), 8);
  EXPECT_NEAR(f.survival(1).survival(), 8.0 / 11, 1e-12);
  EXPECT_NEAR(f.survival(1).ci_low(), 0.370787, 1e-6);
  EXPECT_NEAR(f.survival(1).ci_high(), 0.902833, 1e-6);
  // Nobody observed for 730 days: no estimate.
  EXPECT_EQ(f.survival(2).at_risk(), 0);
  EXPECT_FALSE(f.survival(2).has_survival());
  EXPECT_FALSE(f.survival(2).has_ci_low());
  ASSERT_EQ(f.curve_size(), 3);
  EXPECT_EQ(f.curve(0).days(), 30);
  EXPECT_EQ(f.curve(1).days(), 90);
  EXPECT_EQ(f.curve(2).days(), 200);
  EXPECT_EQ(f.curve(2).at_risk(), 9);
  EXPECT_EQ(f.last_day(), 365);
  EXPECT_TRUE(report.groups().empty());
  EXPECT_FALSE(report.has_log_rank());
  // Aggregates only: no placement, candidate or offer id.
  const std::string bytes = report.SerializeAsString();
  EXPECT_EQ(bytes.find(offer_a_), std::string::npos);
  EXPECT_EQ(bytes.find("p00000"), std::string::npos);
  EXPECT_EQ(bytes.find("c00000"), std::string::npos);
}

TEST_F(RetentionServerTest, ByOccupationWithLogRank) {
  StoreCohort();
  v1::RetentionReport report;
  ASSERT_TRUE(
      Retention("m1", "officer", v1::RETENTION_DIMENSION_OCCUPATION, &report).ok());
  ASSERT_EQ(report.groups_size(), 2);
  // A: events at 30 (n 6), 90 (n 5), 200 (n 4): S(122) = 4/6, S(365) = 4/6 * 3/4 = 1/2.
  const v1::RetentionGroup& a = GroupOf(report, "62102");
  EXPECT_EQ(a.figures().started(), 6);
  EXPECT_NEAR(a.figures().survival(0).survival(), 4.0 / 6, 1e-12);
  EXPECT_NEAR(a.figures().survival(1).survival(), 0.5, 1e-12);
  EXPECT_NEAR(a.figures().probation_pass_rate(), 3.0 / 5, 1e-12);
  const v1::RetentionGroup& b = GroupOf(report, "29302");
  EXPECT_EQ(b.figures().started(), 5);
  EXPECT_DOUBLE_EQ(b.figures().survival(1).survival(), 1.0);
  // Log-rank A against B:
  //   t = 30:  n 11, n_A 6, d 1 (A): E_A = 6/11, V = 6/11 * 5/11 = 30/121
  //   t = 90:  n 10, n_A 5, d 1 (A): E_A = 1/2,  V = 1/4
  //   t = 200: n 9,  n_A 4, d 1 (A): E_A = 4/9,  V = 4/9 * 5/9 = 20/81
  // O_A = 3, E_A = 1.489899, V = 0.744847; chi2 = 1.510101^2 / 0.744847 = 3.061573,
  // 1 df, p = erfc(sqrt(3.061573 / 2)) = 0.080164.
  ASSERT_TRUE(report.has_log_rank());
  EXPECT_EQ(report.log_rank().degrees_of_freedom(), 1);
  EXPECT_EQ(report.log_rank().groups(), 2);
  EXPECT_NEAR(report.log_rank().chi_square(), 3.061573, 1e-6);
  EXPECT_NEAR(report.log_rank().p_value(), 0.080164, 1e-6);
  // By sector: the same two groups under the sector names.
  ASSERT_TRUE(Retention("m1", "officer", v1::RETENTION_DIMENSION_SECTOR, &report).ok());
  EXPECT_EQ(GroupOf(report, "SECTOR_TRADE").figures().started(), 6);
  EXPECT_EQ(GroupOf(report, "SECTOR_CRAFTS").figures().started(), 5);
}

TEST_F(RetentionServerTest, AnalystSeesTheNetworkAndSmallGroupsAreSuppressed) {
  StoreCohort();
  v1::RetentionReport report;
  ASSERT_TRUE(Retention("m1", "analyst", v1::RETENTION_DIMENSION_MEMBER, &report).ok());
  EXPECT_EQ(report.overall().started(), 12);
  EXPECT_EQ(report.overall().ended_early(), 4);
  EXPECT_EQ(report.min_group_size(), 5);
  ASSERT_EQ(report.groups_size(), 2);
  EXPECT_EQ(GroupOf(report, "m1").figures().started(), 11);
  // m2 has one started placement: its name, no figure; no test with one group shown.
  const v1::RetentionGroup& m2 = GroupOf(report, "m2");
  EXPECT_TRUE(m2.suppressed());
  EXPECT_FALSE(m2.has_figures());
  EXPECT_FALSE(report.has_log_rank());
  // An analyst of another member sees the same network-wide aggregates.
  v1::RetentionReport other;
  ASSERT_TRUE(Retention("m9", "analyst", v1::RETENTION_DIMENSION_MEMBER, &other).ok());
  EXPECT_EQ(other.SerializeAsString(), report.SerializeAsString());
}

TEST_F(RetentionServerTest, MembersSeeOnlyTheirOwnPlacements) {
  StoreCohort();
  v1::RetentionReport report;
  ASSERT_TRUE(Retention("m2", "officer", v1::RETENTION_DIMENSION_MEMBER, &report).ok());
  EXPECT_EQ(report.overall().started(), 1);
  EXPECT_EQ(report.overall().ended_early(), 1);
  ASSERT_EQ(report.groups_size(), 1);
  EXPECT_EQ(report.groups(0).group(), "m2");
  // A member without placements sees nothing of m1's or m2's.
  ASSERT_TRUE(
      Retention("m3", "portal", v1::RETENTION_DIMENSION_OCCUPATION, &report).ok());
  EXPECT_EQ(report.overall().started(), 0);
  EXPECT_EQ(report.groups_size(), 0);
  EXPECT_FALSE(report.overall().has_probation_pass_rate());
  EXPECT_FALSE(report.overall().survival(0).has_survival());
  // m1's portal sees m1's placements.
  ASSERT_TRUE(
      Retention("m1", "portal", v1::RETENTION_DIMENSION_UNSPECIFIED, &report).ok());
  EXPECT_EQ(report.overall().started(), 11);
}

TEST_F(RetentionServerTest, RunGroupsComeFromTheProposingRun) {
  MakeOffers();
  std::vector<std::string> candidates;
  for (int i = 0; i < 5; ++i) {
    absl::StatusOr<v1::Candidate> c = server_->records()->Create(
        OfficerOf("m1"), TestCandidate({"62102"}, Stuttgart()));
    ASSERT_TRUE(c.ok()) << c.status();
  }
  v1::Run run;
  const std::string run_id = RunAs("m1", v1::ASSIGN_MODE_STABLE, &run);
  ASSERT_EQ(run.placements_size(), 5);
  const Day start{2024, 8, 1};
  for (const v1::RunPlacement& p : run.placements()) {
    ASSERT_LT(p.travel_minutes(), 30.0);
    ASSERT_EQ(p.choice_rank(), 1);
    Store("m1", p.offer_id(), {{v1::PLACEMENT_STATUS_STARTED, start}},
          v1::PLACEMENT_STATUS_UNSPECIFIED, p.candidate_id(), run_id);
  }
  // Five recorded directly, and one naming the run for a pair the run did not place.
  for (int i = 0; i < 5; ++i)
    Store("m1", offer_b_, {{v1::PLACEMENT_STATUS_STARTED, start}});
  Store("m1", offer_b_, {{v1::PLACEMENT_STATUS_STARTED, start}},
        v1::PLACEMENT_STATUS_UNSPECIFIED, "", run_id);
  v1::RetentionReport report;
  ASSERT_TRUE(
      Retention("m1", "officer", v1::RETENTION_DIMENSION_ASSIGN_MODE, &report).ok());
  ASSERT_EQ(report.groups_size(), 2);
  EXPECT_EQ(GroupOf(report, "ASSIGN_MODE_STABLE").figures().started(), 5);
  EXPECT_EQ(GroupOf(report, "no run").figures().started(), 6);
  ASSERT_TRUE(
      Retention("m1", "officer", v1::RETENTION_DIMENSION_COMMUTE_BAND, &report).ok());
  EXPECT_EQ(GroupOf(report, "0-30").figures().started(), 5);
  ASSERT_TRUE(
      Retention("m1", "officer", v1::RETENTION_DIMENSION_CHOICE_RANK, &report).ok());
  EXPECT_EQ(GroupOf(report, "1").figures().started(), 5);
  EXPECT_EQ(GroupOf(report, "no run").figures().started(), 6);
  // No event in either group: the test has 0 degrees of freedom and p = 1.
  EXPECT_EQ(report.log_rank().degrees_of_freedom(), 0);
  EXPECT_EQ(report.log_rank().p_value(), 1.0);
}

TEST_F(RetentionServerTest, DefaultsAndErrors) {
  StoreCohort();
  v1::RetentionReport report;
  const engine::Date before = Today(absl::Now());
  ASSERT_TRUE(Retention("m1", "officer", v1::RETENTION_DIMENSION_UNSPECIFIED, &report, {},
                        /*as_of=*/false)
                  .ok());
  const engine::Date after = Today(absl::Now());
  const engine::Date as_of = engine::Date::FromYmd(
      report.as_of().year(), report.as_of().month(), report.as_of().day());
  EXPECT_TRUE(as_of == before || as_of == after);
  EXPECT_EQ(report.at_days_size(), 3);
  EXPECT_EQ(report.overall().survival(1).days(), 365);
  // Today is after 2025-09-01: that placement has started by now.
  EXPECT_EQ(report.overall().started(), 12);

  const grpc::Status bad = Retention("m1", "officer", v1::RETENTION_DIMENSION_UNSPECIFIED,
                                     &report, {30, 4000});
  EXPECT_EQ(bad.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_NE(bad.error_message().find("at_days[1]"), std::string::npos)
      << bad.error_message();
}

}  // namespace
}  // namespace azubimatch::service
