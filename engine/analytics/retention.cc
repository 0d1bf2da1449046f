#include "engine/analytics/retention.h"

#include <algorithm>
#include <map>
#include <string_view>

namespace azubimatch::engine {
namespace {

// The date of a step taken on or before `as_of`, else nullopt.
std::optional<absl::CivilDay> Taken(const std::optional<absl::CivilDay>& day,
                                    absl::CivilDay as_of) {
  if (day.has_value() && *day <= as_of) return day;
  return std::nullopt;
}

int32_t DaysBetween(absl::CivilDay from, absl::CivilDay to) {
  return static_cast<int32_t>(std::max<absl::civil_diff_t>(to - from, 0));
}

}  // namespace

std::optional<SurvivalObservation> ObservationOf(const TrainingSpell& spell,
                                                 absl::CivilDay as_of) {
  if (spell.started > as_of) return std::nullopt;
  if (auto ended = Taken(spell.ended_early, as_of)) {
    return SurvivalObservation{DaysBetween(spell.started, *ended), true};
  }
  if (auto completed = Taken(spell.completed, as_of)) {
    return SurvivalObservation{DaysBetween(spell.started, *completed), false};
  }
  return SurvivalObservation{DaysBetween(spell.started, as_of), false};
}

RetentionFigures ComputeRetention(absl::Span<const TrainingSpell> spells,
                                  absl::CivilDay as_of,
                                  absl::Span<const int32_t> at_days) {
  RetentionFigures figures;
  std::vector<SurvivalObservation> observations;
  observations.reserve(spells.size());
  for (const TrainingSpell& spell : spells) {
    std::optional<SurvivalObservation> observation = ObservationOf(spell, as_of);
    if (!observation.has_value()) continue;
    observations.push_back(*observation);
    ++figures.started;
    const std::optional<absl::CivilDay> ended = Taken(spell.ended_early, as_of);
    const std::optional<absl::CivilDay> completed = Taken(spell.completed, as_of);
    std::optional<absl::CivilDay> passed = Taken(spell.probation_passed, as_of);
    if (!passed.has_value() && completed.has_value() && !ended.has_value())
      passed = completed;
    if (ended.has_value()) {
      ++figures.ended_early;
      if (passed.has_value() && *passed <= *ended) {
        ++figures.probation_passed;
      } else {
        ++figures.probation_failed;
      }
    } else {
      ++(completed.has_value() ? figures.completed : figures.in_training);
      if (passed.has_value()) ++figures.probation_passed;
    }
  }
  const int32_t known = figures.probation_passed + figures.probation_failed;
  if (known > 0) {
    figures.probation_pass_rate = static_cast<double>(figures.probation_passed) / known;
  }
  if (figures.started > 0) {
    figures.share_in_training =
        static_cast<double>(figures.in_training) / figures.started;
  }
  figures.curve = KaplanMeier(observations);
  for (int32_t day : at_days) figures.at.push_back(SurvivalAt(figures.curve, day));
  return figures;
}

GroupedRetention ComputeGroupedRetention(absl::Span<const TrainingSpell> spells,
                                         absl::Span<const std::string> group_of,
                                         absl::CivilDay as_of,
                                         absl::Span<const int32_t> at_days,
                                         int32_t min_group_size) {
  // Spells by group name, in name order.
  std::map<std::string_view, std::vector<TrainingSpell>> by_group;
  for (size_t i = 0; i < spells.size() && i < group_of.size(); ++i) {
    by_group[group_of[i]].push_back(spells[i]);
  }
  GroupedRetention grouped;
  std::vector<std::vector<SurvivalObservation>> shown;
  for (const auto& [name, members] : by_group) {
    RetentionGroup group;
    group.name = std::string(name);
    group.figures = ComputeRetention(members, as_of, at_days);
    if (group.figures.started == 0) continue;  // started after as_of: not a group yet
    if (group.figures.started < min_group_size) {
      group.suppressed = true;
      group.figures = RetentionFigures();
    } else {
      std::vector<SurvivalObservation>& observations = shown.emplace_back();
      for (const TrainingSpell& spell : members) {
        if (auto o = ObservationOf(spell, as_of)) observations.push_back(*o);
      }
    }
    grouped.groups.push_back(std::move(group));
  }
  if (shown.size() >= 2) grouped.log_rank = LogRankTest(shown);
  return grouped;
}

}  // namespace azubimatch::engine
