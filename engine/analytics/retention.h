// Retention figures of started training contracts as of a day: Kaplan–Meier survival
// of the time in training (kaplan_meier.h), the probation pass rate, the share still in
// training, and the same per group with a log-rank test between the groups
// (log_rank.h).
//
// A TrainingSpell is one placement that reached STARTED, with the dates of its later
// lifecycle steps. Everything is read as of the day `as_of`: a spell started after
// `as_of` is left out, and a step dated after `as_of` is treated as not (yet) taken.
//
// Time in training, in days from the STARTED date:
//   ended early on day e   -> the event at e - started;
//   completed on day c     -> censored at c - started;
//   otherwise (in training)-> censored at as_of - started.
// A step dated before the start (which the lifecycle refuses) counts as time 0.
//
// Figures (RetentionFigures):
//   started            spells started on or before as_of;
//   ended_early, completed, in_training  their state as of as_of (they sum to started);
//   probation_passed   spells whose PROBATION_PASSED step (or completion, which needs it)
//                      is dated on or before as_of;
//   probation_failed   spells ended early on or before as_of without a PROBATION_PASSED
//                      step dated on or before the end;
//   probation_pass_rate = probation_passed / (probation_passed + probation_failed): the
//                      share that passed probation among the started spells whose
//                      probation outcome is known; spells still in training without a
//                      PROBATION_PASSED step are left out (not yet known). Unset when no
//                      outcome is known;
//   share_in_training  in_training / started (0 without spells);
//   curve, at          the Kaplan–Meier curve and its values at the requested days.
//
// Groups (GroupedRetention): one row per distinct group name, sorted by name (byte
// order). A group with fewer than `min_group_size` started spells is suppressed: its
// name only, no figure. The log-rank test compares the groups that are shown (not
// suppressed), when there are at least two; suppressed groups still count in the
// overall figures.
//
// Thread safety: pure functions. Complexity: O(n log n) for n spells (sorts), plus
// O(T g + g^3) for the log-rank test over g shown groups and T event times.
#ifndef AZUBIMATCH_ENGINE_ANALYTICS_RETENTION_H_
#define AZUBIMATCH_ENGINE_ANALYTICS_RETENTION_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/time/civil_time.h"
#include "absl/types/span.h"
#include "engine/analytics/kaplan_meier.h"
#include "engine/analytics/log_rank.h"

namespace azubimatch::engine {

// The default days at which survival is read: the 4-month probation period (122 days),
// one and two years.
inline constexpr int32_t kDefaultRetentionDays[] = {122, 365, 730};

struct TrainingSpell {
  absl::CivilDay started;
  std::optional<absl::CivilDay> probation_passed;
  std::optional<absl::CivilDay> completed;
  std::optional<absl::CivilDay> ended_early;
};

struct RetentionFigures {
  int32_t started = 0;
  int32_t ended_early = 0;
  int32_t completed = 0;
  int32_t in_training = 0;
  int32_t probation_passed = 0;
  int32_t probation_failed = 0;
  std::optional<double> probation_pass_rate;
  double share_in_training = 0.0;
  SurvivalCurve curve;
  std::vector<SurvivalEstimate> at;  // one per requested day, in request order
};

// The survival observation of `spell` as of `as_of`; nullopt when it started later.
std::optional<SurvivalObservation> ObservationOf(const TrainingSpell& spell,
                                                 absl::CivilDay as_of);

RetentionFigures ComputeRetention(absl::Span<const TrainingSpell> spells,
                                  absl::CivilDay as_of,
                                  absl::Span<const int32_t> at_days);

struct RetentionGroup {
  std::string name;
  bool suppressed = false;
  RetentionFigures figures;  // empty when suppressed
};

struct GroupedRetention {
  std::vector<RetentionGroup> groups;
  std::optional<LogRankResult> log_rank;  // set when at least two groups are shown
};

// REQUIRES: group_of.size() == spells.size(); group_of[i] names the group of spells[i].
GroupedRetention ComputeGroupedRetention(absl::Span<const TrainingSpell> spells,
                                         absl::Span<const std::string> group_of,
                                         absl::CivilDay as_of,
                                         absl::Span<const int32_t> at_days,
                                         int32_t min_group_size);

}  // namespace azubimatch::engine

#endif  // AZUBIMATCH_ENGINE_ANALYTICS_RETENTION_H_
