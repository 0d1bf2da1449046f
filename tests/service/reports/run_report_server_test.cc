// The Reports service through gRPC on a real server over RocksDB: the report of a
// hand-computed cohort (exact numbers per group, suppression at 4 vs 5 candidates, the
// "statistics" consent filter for origin and heritage language), no personal data in
// the answer, and the access answers (unknown or another member's run NOT_FOUND; the
// network's analysts and admins allowed).
#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "azubimatch/v1/reports.grpc.pb.h"
#include "engine/matching/metrics.h"
#include "gtest/gtest.h"
#include "tests/service/reports/report_server_fixture.h"

namespace azubimatch::service {
namespace {

class ReportServerTest : public ReportServerFixture {
 protected:
  std::string AddCandidate(v1::Candidate candidate) {
    absl::StatusOr<v1::Candidate> created = server_->records()->Create(OfficerOf("m1"), candidate);
    EXPECT_TRUE(created.ok()) << created.status();
    ids_.push_back(created.ok() ? created->id() : "");
    return ids_.back();
  }

  static void Consent(v1::Candidate* c, const std::string& origin, const std::string& language) {
    v1::Consent* consent = c->add_consents();
    consent->set_purpose("statistics");
    consent->mutable_given_at()->set_seconds(1767225600);  // 2026-01-01
    if (!origin.empty()) c->set_country_of_origin(origin);
    v1::LanguageSkill* skill = c->add_languages();
    skill->set_language(language);
    skill->set_level(v1::CEFR_LEVEL_C2);
  }

  // The cohort (member m1), one offer in Stuttgart with 20 seats (62102, German B1):
  //   6 in Stuttgart, German B2, Mittlerer Schulabschluss, placed; 5 of them consent
  //     (origin TR, heritage tr), the sixth speaks Turkish without consent;
  //   4 in Esslingen, German B1, Abitur, placed; no consent;
  //   5 in Ulm, German C1, Mittlerer, travel limit 10 minutes: unmatched; 4 consent
  //     (origin UA, heritage uk), the fifth without.
  void LoadCohort() {
    absl::StatusOr<v1::Company> company = server_->records()->Create(OfficerOf("m1"), TestCompany());
    ASSERT_TRUE(company.ok()) << company.status();
    absl::StatusOr<v1::TrainingOffer> offer =
        server_->records()->Create(OfficerOf("m1"), TestOffer(company->id(), "62102", 20));
    ASSERT_TRUE(offer.ok()) << offer.status();
    offer_id_ = offer->id();
    for (int i = 0; i < 6; ++i) {
      v1::Candidate c = TestCandidate({"62102"}, Stuttgart(), v1::CEFR_LEVEL_B2);
      c.set_display_name("Stuttgarter " + std::to_string(i));
      if (i < 5) {
        Consent(&c, "TR", "tr");
      } else {
        v1::LanguageSkill* skill = c.add_languages();
        skill->set_language("tr");
        skill->set_level(v1::CEFR_LEVEL_C2);
      }
      AddCandidate(c);
    }
    for (int i = 0; i < 4; ++i) {
      v1::Candidate c = TestCandidate({"62102"}, Esslingen(), v1::CEFR_LEVEL_B1);
      c.set_school_certificate(v1::SCHOOL_CERTIFICATE_ABITUR);
      AddCandidate(c);
    }
    for (int i = 0; i < 5; ++i) {
      v1::Candidate c = TestCandidate({"62102"}, Ulm(), v1::CEFR_LEVEL_C1);
      c.set_travel_limit_minutes(10);
      if (i < 4) Consent(&c, "UA", "uk");
      AddCandidate(c);
    }
  }

  grpc::Status Report(const std::string& run_id, const std::string& member,
                      const std::string& role, v1::RunReport* report) {
    grpc::ClientContext context;
    As(&context, member, role);
    v1::GetRunReportRequest request;
    request.set_run_id(run_id);
    return reports_->GetRunReport(&context, request, report);
  }

  static const v1::Breakdown& BreakdownOf(const v1::RunReport& report, const std::string& d) {
    for (const v1::Breakdown& b : report.breakdowns()) {
      if (b.dimension() == d) return b;
    }
    ADD_FAILURE() << "no breakdown " << d;
    static const v1::Breakdown kEmpty;
    return kEmpty;
  }

  static const v1::GroupRow& RowOf(const v1::RunReport& report, const std::string& d,
                                   const std::string& group) {
    for (const v1::GroupRow& row : BreakdownOf(report, d).rows()) {
      if (row.group() == group) return row;
    }
    ADD_FAILURE() << "no group " << group << " in " << d;
    static const v1::GroupRow kEmpty;
    return kEmpty;
  }

  std::vector<std::string> ids_;
  std::string offer_id_;
};

TEST_F(ReportServerTest, HandComputedCohortGivesExactGroups) {
  LoadCohort();
  v1::Run run;
  const std::string run_id = RunAs("m1", v1::ASSIGN_MODE_OPTIMAL, &run);
  ASSERT_EQ(run.placements_size(), 10);
  ASSERT_EQ(run.unmatched_size(), 5);
  v1::RunReport report;
  const grpc::Status status = Report(run_id, "m1", "officer", &report);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(report.run_id(), run_id);
  EXPECT_EQ(report.mode(), v1::ASSIGN_MODE_OPTIMAL);
  EXPECT_EQ(report.metrics().candidates(), 15);
  EXPECT_EQ(report.metrics().placed(), 10);

  // The group figures, recomputed from the officer's view of the run.
  double stuttgart_sum = 0;
  std::vector<double> stuttgart_minutes;
  int score_bins[10] = {};
  for (const v1::RunPlacement& p : run.placements()) {
    ++score_bins[std::min(9, static_cast<int>(p.score() * 10))];
    if (std::find(ids_.begin(), ids_.begin() + 6, p.candidate_id()) == ids_.begin() + 6) continue;
    stuttgart_sum += p.score();
    stuttgart_minutes.push_back(p.travel_minutes());
  }
  std::sort(stuttgart_minutes.begin(), stuttgart_minutes.end());
  ASSERT_EQ(stuttgart_minutes.size(), 6u);

  const v1::GroupRow& stuttgart = RowOf(report, "municipality", "Stuttgart");
  EXPECT_FALSE(stuttgart.suppressed());
  EXPECT_EQ(stuttgart.candidates(), 6);
  EXPECT_EQ(stuttgart.placed(), 6);
  EXPECT_DOUBLE_EQ(stuttgart.placement_rate(), 1.0);
  EXPECT_NEAR(stuttgart.mean_score(), stuttgart_sum / 6, 1e-12);
  EXPECT_DOUBLE_EQ(stuttgart.commute_median_min(),
                   engine::InterpolatedQuantile(stuttgart_minutes, 0.5));
  // 4 candidates: suppressed, no figures; 5: shown, even with nobody placed.
  const v1::GroupRow& esslingen = RowOf(report, "municipality", "Esslingen am Neckar");
  EXPECT_TRUE(esslingen.suppressed());
  EXPECT_FALSE(esslingen.has_candidates());
  EXPECT_FALSE(esslingen.has_placement_rate());
  const v1::GroupRow& ulm = RowOf(report, "municipality", "Ulm");
  EXPECT_FALSE(ulm.suppressed());
  EXPECT_EQ(ulm.candidates(), 5);
  EXPECT_EQ(ulm.placed(), 0);
  EXPECT_DOUBLE_EQ(ulm.placement_rate(), 0.0);
  EXPECT_EQ(BreakdownOf(report, "municipality").candidates_covered(), 15);

  EXPECT_EQ(RowOf(report, "german_level", "B2").candidates(), 6);
  EXPECT_TRUE(RowOf(report, "german_level", "B1").suppressed());
  EXPECT_EQ(RowOf(report, "german_level", "C1").candidates(), 5);
  EXPECT_EQ(RowOf(report, "school_certificate", "SCHOOL_CERTIFICATE_MITTLERER_SCHULABSCHLUSS")
                .candidates(),
            11);
  EXPECT_TRUE(RowOf(report, "school_certificate", "SCHOOL_CERTIFICATE_ABITUR").suppressed());
  EXPECT_EQ(RowOf(report, "occupation", "62102").candidates(), 15);
  EXPECT_EQ(RowOf(report, "occupation", "62102").placed(), 10);
  EXPECT_EQ(RowOf(report, "sector", "SECTOR_TRADE").candidates(), 15);
  EXPECT_EQ(RowOf(report, "member", "m1").candidates(), 15);

  // Only the 9 consenting candidates count for origin and heritage language: TR has 5
  // (the sixth Turkish speaker did not consent), UA 4 and so suppressed.
  EXPECT_EQ(BreakdownOf(report, "origin").candidates_covered(), 9);
  EXPECT_EQ(RowOf(report, "origin", "TR").candidates(), 5);
  EXPECT_EQ(RowOf(report, "origin", "TR").placed(), 5);
  EXPECT_TRUE(RowOf(report, "origin", "UA").suppressed());
  EXPECT_EQ(BreakdownOf(report, "heritage_language").candidates_covered(), 9);
  EXPECT_EQ(RowOf(report, "heritage_language", "tr").candidates(), 5);
  EXPECT_TRUE(RowOf(report, "heritage_language", "uk").suppressed());

  // Distributions over the 10 placements, all at the first wish.
  for (int i = 0; i < 10; ++i) EXPECT_EQ(report.score().bins(i).count(), score_bins[i]) << i;
  int commutes = 0;
  for (const v1::HistogramBin& bin : report.commute_minutes().bins()) commutes += bin.count();
  EXPECT_EQ(commutes, 10);
  EXPECT_EQ(report.wish_rank().bins(0).count(), 10);

  // No personal data: no candidate id, offer id or name anywhere in the answer.
  const std::string bytes = report.SerializeAsString();
  for (const std::string& id : ids_) EXPECT_EQ(bytes.find(id), std::string::npos) << id;
  EXPECT_EQ(bytes.find(offer_id_), std::string::npos);
  EXPECT_EQ(bytes.find("Stuttgarter"), std::string::npos);
}

TEST_F(ReportServerTest, AccessAnswers) {
  LoadCohort();
  const std::string run_id = RunAs("m1", v1::ASSIGN_MODE_GREEDY);
  v1::RunReport report;
  EXPECT_TRUE(Report(run_id, "m1", "officer", &report).ok());
  EXPECT_TRUE(Report(run_id, "m1", "portal", &report).ok());
  // Another member's officer: NOT_FOUND, as an unknown id.
  EXPECT_EQ(Report(run_id, "m2", "officer", &report).error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(Report("zzzzzzzzzzzzzzzz", "m1", "officer", &report).error_code(),
            grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(Report("zzzzzzzzzzzzzzzz", "m1", "admin", &report).error_code(),
            grpc::StatusCode::NOT_FOUND);
  // The network's analysts (of any member) and admins see every run's report.
  report.Clear();
  EXPECT_TRUE(Report(run_id, "m2", "analyst", &report).ok());
  EXPECT_EQ(report.metrics().candidates(), 15);
  report.Clear();
  EXPECT_TRUE(Report(run_id, "", "admin", &report).ok());
  EXPECT_EQ(report.metrics().placed(), 10);
  // A malformed or missing id names the field.
  const grpc::Status missing = Report("", "m1", "officer", &report);
  EXPECT_EQ(missing.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(missing.error_message(), "run_id: required");
}

}  // namespace
}  // namespace azubimatch::service
