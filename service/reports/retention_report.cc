#include "service/reports/retention_report.h"

#include <algorithm>
#include <utility>

#include "absl/strings/str_cat.h"
#include "service/registry/field_checks.h"
#include "service/registry/field_violations.h"
#include "service/reports/run_report.h"

namespace azubimatch::service {
namespace {

constexpr absl::string_view kNoRun = "no run";
constexpr absl::string_view kUnknown = "unknown";

absl::CivilDay DayOf(const v1::Date& date) {
  return absl::CivilDay(date.year(), date.month(), date.day());
}

v1::Date DateOf(absl::CivilDay day) {
  v1::Date date;
  date.set_year(static_cast<int32_t>(day.year()));
  date.set_month(day.month());
  date.set_day(day.day());
  return date;
}

std::string CommuteBand(double minutes) {
  if (!(minutes < 30.0)) return minutes < 60.0 ? "30-60" : "60+";
  return "0-30";
}

std::string ChoiceRankGroup(int32_t rank) {
  if (rank <= 0) return "sector";
  return rank >= 5 ? "5+" : absl::StrCat(rank);
}

void FillFigures(const engine::RetentionFigures& f, v1::RetentionFigures* out) {
  out->set_started(f.started);
  out->set_ended_early(f.ended_early);
  out->set_completed(f.completed);
  out->set_in_training(f.in_training);
  for (const engine::SurvivalEstimate& e : f.at) {
    v1::SurvivalPoint* point = out->add_survival();
    point->set_days(e.time);
    point->set_at_risk(e.at_risk);
    if (!e.estimable) continue;
    point->set_survival(e.survival);
    point->set_ci_low(e.ci_low);
    point->set_ci_high(e.ci_high);
  }
  if (f.probation_pass_rate.has_value())
    out->set_probation_pass_rate(*f.probation_pass_rate);
  out->set_probation_known(f.probation_passed + f.probation_failed);
  out->set_share_in_training(f.share_in_training);
  if (!f.curve.steps.empty()) out->set_last_day(f.curve.steps.back().time);
  for (const engine::SurvivalStep& s : f.curve.steps) {
    if (s.events == 0) continue;
    v1::SurvivalStep* step = out->add_curve();
    step->set_days(s.time);
    step->set_at_risk(s.at_risk);
    step->set_ended_early(s.events);
    step->set_censored(s.censored);
    step->set_survival(s.survival);
    step->set_ci_low(s.ci_low);
    step->set_ci_high(s.ci_high);
  }
}

}  // namespace

absl::StatusOr<RetentionQuery> ToRetentionQuery(const v1::GetRetentionRequest& request,
                                                absl::CivilDay today) {
  FieldViolations v;
  RetentionQuery query;
  query.as_of = today;
  if (request.has_as_of()) {
    const size_t before = v.size();
    CheckDateField("as_of", true, request.as_of(), false, &v);
    if (v.size() == before) {
      query.as_of = DayOf(request.as_of());
      if (query.as_of > today) {
        v.Add("as_of", absl::StrCat("must not lie after today (",
                                    absl::FormatCivilTime(today), ")"));
      }
    }
  }
  if (request.at_days_size() > kMaxRetentionDays) {
    v.Add("at_days", absl::StrCat("at most ", kMaxRetentionDays, " days"));
  }
  for (int i = 0; i < request.at_days_size(); ++i) {
    const int32_t day = request.at_days(i);
    if (day < 0 || day > kMaxRetentionDay) {
      v.Add(absl::StrCat("at_days[", i, "]"),
            absl::StrCat("must be 0..", kMaxRetentionDay));
    }
  }
  if (request.at_days().empty()) {
    query.at_days.assign(std::begin(engine::kDefaultRetentionDays),
                         std::end(engine::kDefaultRetentionDays));
  } else {
    query.at_days.assign(request.at_days().begin(), request.at_days().end());
  }
  if (!v1::RetentionDimension_IsValid(request.by())) {
    v.Add("by", "unknown dimension");
  }
  query.by = request.by();
  if (!v.empty()) return v.ToStatus();
  return query;
}

std::optional<engine::TrainingSpell> SpellOf(const v1::Placement& placement) {
  if (placement.status() == v1::PLACEMENT_STATUS_REJECTED ||
      placement.status() == v1::PLACEMENT_STATUS_WITHDRAWN) {
    return std::nullopt;
  }
  std::optional<absl::CivilDay> started;
  engine::TrainingSpell spell;
  for (const v1::PlacementEvent& event : placement.history()) {
    std::optional<absl::CivilDay>* slot = nullptr;
    switch (event.status()) {
      case v1::PLACEMENT_STATUS_STARTED:
        slot = &started;
        break;
      case v1::PLACEMENT_STATUS_PROBATION_PASSED:
        slot = &spell.probation_passed;
        break;
      case v1::PLACEMENT_STATUS_COMPLETED:
        slot = &spell.completed;
        break;
      case v1::PLACEMENT_STATUS_ENDED_EARLY:
        slot = &spell.ended_early;
        break;
      default:
        continue;
    }
    if (!slot->has_value()) *slot = DayOf(event.date());
  }
  if (!started.has_value()) return std::nullopt;
  spell.started = *started;
  return spell;
}

std::string RetentionGroupOf(v1::RetentionDimension by, const v1::Placement& placement,
                             const PlacementGroupFacts& facts) {
  switch (by) {
    case v1::RETENTION_DIMENSION_OCCUPATION:
      return facts.offer_known ? facts.occupation : std::string(kUnknown);
    case v1::RETENTION_DIMENSION_SECTOR:
      return facts.offer_known ? v1::Sector_Name(facts.sector) : std::string(kUnknown);
    case v1::RETENTION_DIMENSION_COMMUTE_BAND:
      return facts.proposal ? CommuteBand(facts.proposal->travel_minutes)
                            : std::string(kNoRun);
    case v1::RETENTION_DIMENSION_CHOICE_RANK:
      return facts.proposal ? ChoiceRankGroup(facts.proposal->choice_rank)
                            : std::string(kNoRun);
    case v1::RETENTION_DIMENSION_MEMBER:
      return placement.member_id();
    case v1::RETENTION_DIMENSION_ASSIGN_MODE:
      return facts.proposal ? v1::AssignMode_Name(facts.proposal->mode)
                            : std::string(kNoRun);
    default:
      return "";
  }
}

RetentionCollector::RetentionCollector(RetentionQuery query, PlacementGroupLookup lookup)
    : query_(std::move(query)), lookup_(std::move(lookup)) {}

void RetentionCollector::Add(const v1::Placement& placement) {
  std::optional<engine::TrainingSpell> spell = SpellOf(placement);
  if (!spell.has_value() || spell->started > query_.as_of) return;
  spells_.push_back(*spell);
  if (query_.by == v1::RETENTION_DIMENSION_UNSPECIFIED) return;
  const PlacementGroupFacts facts = query_.by == v1::RETENTION_DIMENSION_MEMBER
                                        ? PlacementGroupFacts()
                                        : lookup_(placement);
  groups_.push_back(RetentionGroupOf(query_.by, placement, facts));
}

v1::RetentionReport RetentionCollector::Finish() const {
  v1::RetentionReport report;
  *report.mutable_as_of() = DateOf(query_.as_of);
  for (int32_t day : query_.at_days) report.add_at_days(day);
  report.set_by(query_.by);
  report.set_min_group_size(kMinGroupSize);
  FillFigures(engine::ComputeRetention(spells_, query_.as_of, query_.at_days),
              report.mutable_overall());
  if (query_.by == v1::RETENTION_DIMENSION_UNSPECIFIED) return report;
  const engine::GroupedRetention grouped = engine::ComputeGroupedRetention(
      spells_, groups_, query_.as_of, query_.at_days, kMinGroupSize);
  for (const engine::RetentionGroup& group : grouped.groups) {
    v1::RetentionGroup* row = report.add_groups();
    row->set_group(group.name);
    row->set_suppressed(group.suppressed);
    if (!group.suppressed) FillFigures(group.figures, row->mutable_figures());
  }
  if (grouped.log_rank.has_value()) {
    v1::LogRankTest* test = report.mutable_log_rank();
    test->set_chi_square(grouped.log_rank->chi_square);
    test->set_degrees_of_freedom(grouped.log_rank->degrees_of_freedom);
    test->set_p_value(grouped.log_rank->p_value);
    test->set_groups(static_cast<int32_t>(grouped.log_rank->observed.size()));
  }
  return report;
}

}  // namespace azubimatch::service
