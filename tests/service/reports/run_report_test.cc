// BuildRunReport on hand-made runs: histogram bins at their edges, suppression at 4 vs 5
// candidates, the consent filter, unknown candidates, and the figures of a group.
#include "service/reports/run_report.h"

#include <map>
#include <string>

#include "gtest/gtest.h"

namespace azubimatch::service {
namespace {

struct Person {
  std::string municipality;
  bool consent = false;
  std::string origin;
};

v1::RunPlacement* Place(v1::Run* run, const std::string& candidate, double score,
                        double minutes, int rank) {
  v1::RunPlacement* p = run->add_placements();
  p->set_candidate_id(candidate);
  p->set_offer_id("offer");
  p->set_score(score);
  p->set_travel_minutes(minutes);
  p->set_choice_rank(rank);
  return p;
}

const v1::Breakdown& BreakdownOf(const v1::RunReport& report, const std::string& dimension) {
  for (const v1::Breakdown& b : report.breakdowns()) {
    if (b.dimension() == dimension) return b;
  }
  ADD_FAILURE() << "no breakdown " << dimension;
  static const v1::Breakdown kEmpty;
  return kEmpty;
}

const v1::GroupRow* RowOf(const v1::Breakdown& b, const std::string& group) {
  for (const v1::GroupRow& row : b.rows()) {
    if (row.group() == group) return &row;
  }
  return nullptr;
}

TEST(RunReportTest, HistogramEdgesGoToTheDocumentedBins) {
  v1::Run run;
  Place(&run, "a", 1.0, 125.0, 0);   // last score bin, 120+, sector match
  Place(&run, "b", 0.0, 0.0, 7);     // first bins, 5+
  Place(&run, "c", 0.35, 10.0, 1);   // 0.3-0.4, 10-20, rank 1
  const v1::RunReport report =
      BuildRunReport(run, [](absl::string_view, CandidateFacts*) { return false; });
  ASSERT_EQ(report.score().bins_size(), 10);
  EXPECT_EQ(report.score().bins(9).count(), 1);
  EXPECT_EQ(report.score().bins(0).count(), 1);
  EXPECT_EQ(report.score().bins(3).count(), 1);
  ASSERT_EQ(report.commute_minutes().bins_size(), 13);
  EXPECT_EQ(report.commute_minutes().bins(12).label(), "120+");
  EXPECT_EQ(report.commute_minutes().bins(12).count(), 1);
  EXPECT_EQ(report.commute_minutes().bins(0).count(), 1);
  EXPECT_EQ(report.commute_minutes().bins(1).count(), 1);
  ASSERT_EQ(report.wish_rank().bins_size(), 6);
  EXPECT_EQ(report.wish_rank().bins(0).count(), 1);  // "1"
  EXPECT_EQ(report.wish_rank().bins(4).label(), "5+");
  EXPECT_EQ(report.wish_rank().bins(4).count(), 1);
  EXPECT_EQ(report.wish_rank().bins(5).label(), "sector");
  EXPECT_EQ(report.wish_rank().bins(5).count(), 1);
  // Unknown candidates count under "unknown", never under origin.
  const v1::GroupRow* unknown = RowOf(BreakdownOf(report, "municipality"), "unknown");
  ASSERT_NE(unknown, nullptr);
  EXPECT_TRUE(unknown->suppressed());  // 3 < 5
  EXPECT_EQ(BreakdownOf(report, "origin").rows_size(), 0);
}

TEST(RunReportTest, SuppressesBelowFiveAndFiltersOriginByConsent) {
  std::map<std::string, Person> people;
  v1::Run run;
  // Five in Aalen (placed 3: scores 0.5, 0.7, 0.9; minutes 10, 20, 40), four in Calw.
  for (int i = 0; i < 5; ++i) {
    const std::string id = "aalen" + std::to_string(i);
    people[id] = {"Aalen", /*consent=*/i < 4, "TR"};
    if (i < 3) {
      Place(&run, id, 0.5 + 0.2 * i, i == 2 ? 40 : 10 * (i + 1), 1);
    } else {
      run.add_unmatched()->set_candidate_id(id);
    }
  }
  for (int i = 0; i < 4; ++i) {
    const std::string id = "calw" + std::to_string(i);
    people[id] = {"Calw", /*consent=*/true, "TR"};
    run.add_unmatched()->set_candidate_id(id);
  }
  const v1::RunReport report = BuildRunReport(run, [&](absl::string_view id, CandidateFacts* f) {
    auto it = people.find(std::string(id));
    if (it == people.end()) return false;
    f->municipality = it->second.municipality;
    f->statistics_consent = it->second.consent;
    f->origin = it->second.origin;
    f->member_id = "m1";
    return true;
  });
  const v1::Breakdown& place = BreakdownOf(report, "municipality");
  EXPECT_EQ(place.candidates_covered(), 9);
  const v1::GroupRow* aalen = RowOf(place, "Aalen");
  ASSERT_NE(aalen, nullptr);
  EXPECT_FALSE(aalen->suppressed());
  EXPECT_EQ(aalen->candidates(), 5);
  EXPECT_EQ(aalen->placed(), 3);
  EXPECT_DOUBLE_EQ(aalen->placement_rate(), 0.6);
  EXPECT_NEAR(aalen->mean_score(), 0.7, 1e-12);
  EXPECT_DOUBLE_EQ(aalen->commute_median_min(), 20.0);
  const v1::GroupRow* calw = RowOf(place, "Calw");
  ASSERT_NE(calw, nullptr);
  EXPECT_TRUE(calw->suppressed());
  EXPECT_FALSE(calw->has_candidates());
  EXPECT_FALSE(calw->has_placed());
  EXPECT_FALSE(calw->has_mean_score());
  // Origin: 4 consenting in Aalen + 4 in Calw = 8 "TR"; the fifth in Aalen is left out.
  const v1::Breakdown& origin = BreakdownOf(report, "origin");
  EXPECT_EQ(origin.candidates_covered(), 8);
  const v1::GroupRow* tr = RowOf(origin, "TR");
  ASSERT_NE(tr, nullptr);
  EXPECT_EQ(tr->candidates(), 8);
  EXPECT_EQ(tr->placed(), 3);
  EXPECT_EQ(report.min_group_size(), 5);
}

}  // namespace
}  // namespace azubimatch::service
