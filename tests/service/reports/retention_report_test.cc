// The retention report's pieces without a server: request defaults and errors, which
// placements count and with which dates, and the group names of each dimension.
#include "service/reports/retention_report.h"

#include "gtest/gtest.h"
#include "service/registry/field_violations.h"

namespace azubimatch::service {
namespace {

v1::PlacementEvent* Step(v1::Placement* p, v1::PlacementStatus status, int y, int m,
                         int d) {
  v1::PlacementEvent* event = p->add_history();
  event->set_status(status);
  event->mutable_date()->set_year(y);
  event->mutable_date()->set_month(m);
  event->mutable_date()->set_day(d);
  return event;
}

TEST(RetentionQueryTest, DefaultsAreTodayAndTheThreeDays) {
  absl::StatusOr<RetentionQuery> q =
      ToRetentionQuery(v1::GetRetentionRequest(), absl::CivilDay(2026, 12, 7));
  ASSERT_TRUE(q.ok()) << q.status();
  EXPECT_EQ(q->as_of, absl::CivilDay(2026, 12, 7));
  EXPECT_EQ(q->at_days, (std::vector<int32_t>{122, 365, 730}));
  EXPECT_EQ(q->by, v1::RETENTION_DIMENSION_UNSPECIFIED);
}

TEST(RetentionQueryTest, NamesEveryBadField) {
  v1::GetRetentionRequest request;
  request.mutable_as_of()->set_year(2026);
  request.mutable_as_of()->set_month(12);
  request.mutable_as_of()->set_day(8);  // tomorrow
  request.add_at_days(30);
  request.add_at_days(-1);
  request.add_at_days(3651);
  request.set_by(static_cast<v1::RetentionDimension>(99));
  absl::StatusOr<RetentionQuery> q =
      ToRetentionQuery(request, absl::CivilDay(2026, 12, 7));
  ASSERT_EQ(q.status().code(), absl::StatusCode::kInvalidArgument);
  std::vector<std::string> fields;
  for (const FieldViolation& v : ViolationsOf(q.status())) fields.push_back(v.field);
  EXPECT_EQ(fields,
            (std::vector<std::string>{"as_of", "at_days[1]", "at_days[2]", "by"}));

  v1::GetRetentionRequest bad_day;
  bad_day.mutable_as_of()->set_year(2025);
  bad_day.mutable_as_of()->set_month(2);
  bad_day.mutable_as_of()->set_day(30);
  EXPECT_EQ(ToRetentionQuery(bad_day, absl::CivilDay(2026, 12, 7)).status().code(),
            absl::StatusCode::kInvalidArgument);
  v1::GetRetentionRequest many;
  for (int i = 0; i < 21; ++i) many.add_at_days(i);
  EXPECT_EQ(ToRetentionQuery(many, absl::CivilDay(2026, 12, 7)).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST(SpellOfTest, ReadsTheHistoryDates) {
  v1::Placement p;
  p.set_status(v1::PLACEMENT_STATUS_ENDED_EARLY);
  Step(&p, v1::PLACEMENT_STATUS_ACCEPTED, 2025, 6, 1);
  Step(&p, v1::PLACEMENT_STATUS_CONTRACT_SIGNED, 2025, 7, 1);
  Step(&p, v1::PLACEMENT_STATUS_STARTED, 2025, 8, 1);
  Step(&p, v1::PLACEMENT_STATUS_PROBATION_PASSED, 2025, 12, 1);
  Step(&p, v1::PLACEMENT_STATUS_ENDED_EARLY, 2026, 3, 2);
  std::optional<engine::TrainingSpell> spell = SpellOf(p);
  ASSERT_TRUE(spell.has_value());
  EXPECT_EQ(spell->started, absl::CivilDay(2025, 8, 1));
  EXPECT_EQ(spell->probation_passed, absl::CivilDay(2025, 12, 1));
  EXPECT_FALSE(spell->completed.has_value());
  EXPECT_EQ(spell->ended_early, absl::CivilDay(2026, 3, 2));
}

TEST(SpellOfTest, NotStartedWithdrawnAndRejectedDoNotCount) {
  v1::Placement signed_only;
  signed_only.set_status(v1::PLACEMENT_STATUS_ENDED_EARLY);
  Step(&signed_only, v1::PLACEMENT_STATUS_CONTRACT_SIGNED, 2025, 7, 1);
  Step(&signed_only, v1::PLACEMENT_STATUS_ENDED_EARLY, 2025, 7, 20);
  EXPECT_FALSE(SpellOf(signed_only).has_value());
  v1::Placement legacy;  // stored before the lifecycle: no history
  legacy.set_status(v1::PLACEMENT_STATUS_ACCEPTED);
  EXPECT_FALSE(SpellOf(legacy).has_value());
  v1::Placement withdrawn;
  withdrawn.set_status(v1::PLACEMENT_STATUS_WITHDRAWN);
  Step(&withdrawn, v1::PLACEMENT_STATUS_STARTED, 2025, 8, 1);
  EXPECT_FALSE(SpellOf(withdrawn).has_value());
  withdrawn.set_status(v1::PLACEMENT_STATUS_STARTED);
  EXPECT_TRUE(SpellOf(withdrawn).has_value());
}

TEST(RetentionGroupOfTest, BandsRanksModesAndUnknowns) {
  v1::Placement p;
  p.set_member_id("m1");
  PlacementGroupFacts facts;
  EXPECT_EQ(RetentionGroupOf(v1::RETENTION_DIMENSION_OCCUPATION, p, facts), "unknown");
  EXPECT_EQ(RetentionGroupOf(v1::RETENTION_DIMENSION_COMMUTE_BAND, p, facts), "no run");
  EXPECT_EQ(RetentionGroupOf(v1::RETENTION_DIMENSION_ASSIGN_MODE, p, facts), "no run");
  EXPECT_EQ(RetentionGroupOf(v1::RETENTION_DIMENSION_MEMBER, p, facts), "m1");
  facts.offer_known = true;
  facts.occupation = "29302";
  facts.sector = v1::SECTOR_CRAFTS;
  EXPECT_EQ(RetentionGroupOf(v1::RETENTION_DIMENSION_OCCUPATION, p, facts), "29302");
  EXPECT_EQ(RetentionGroupOf(v1::RETENTION_DIMENSION_SECTOR, p, facts), "SECTOR_CRAFTS");
  facts.proposal = PlacementGroupFacts::Proposal{v1::ASSIGN_MODE_BEST_STABLE, 29.99, 0};
  EXPECT_EQ(RetentionGroupOf(v1::RETENTION_DIMENSION_COMMUTE_BAND, p, facts), "0-30");
  EXPECT_EQ(RetentionGroupOf(v1::RETENTION_DIMENSION_CHOICE_RANK, p, facts), "sector");
  EXPECT_EQ(RetentionGroupOf(v1::RETENTION_DIMENSION_ASSIGN_MODE, p, facts),
            "ASSIGN_MODE_BEST_STABLE");
  const std::pair<double, const char*> bands[] = {
      {30.0, "30-60"}, {59.9, "30-60"}, {60.0, "60+"}, {0.0, "0-30"}};
  for (auto [minutes, band] : bands) {
    facts.proposal->travel_minutes = minutes;
    EXPECT_EQ(RetentionGroupOf(v1::RETENTION_DIMENSION_COMMUTE_BAND, p, facts), band)
        << minutes;
  }
  const std::pair<int, const char*> ranks[] = {{1, "1"}, {4, "4"}, {5, "5+"}, {9, "5+"}};
  for (auto [rank, name] : ranks) {
    facts.proposal->choice_rank = rank;
    EXPECT_EQ(RetentionGroupOf(v1::RETENTION_DIMENSION_CHOICE_RANK, p, facts), name)
        << rank;
  }
}

}  // namespace
}  // namespace azubimatch::service
