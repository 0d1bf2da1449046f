#include "engine/matching/assignment_run.h"

#include "absl/strings/str_format.h"
#include "engine/base/status_macros.h"
#include "engine/matching/greedy_assignment.h"
#include "engine/matching/optimal_assignment.h"
#include "engine/matching/stable_assignment.h"

namespace azubimatch::engine {
namespace {

ProgressCallback StageProgress(const AssignmentOptions& options, AssignmentStage stage) {
  if (!options.progress) return {};
  return [&options, stage](int64_t done, int64_t total) {
    return options.progress(stage, done, total);
  };
}

}  // namespace

std::string_view AssignModeName(AssignMode mode) {
  switch (mode) {
    case AssignMode::kStable:
      return "stable";
    case AssignMode::kGreedy:
      return "greedy";
    case AssignMode::kOptimal:
      break;
  }
  return "optimal";
}

absl::StatusOr<AssignMode> ParseAssignMode(std::string_view name) {
  for (AssignMode mode :
       {AssignMode::kOptimal, AssignMode::kStable, AssignMode::kGreedy}) {
    if (AssignModeName(mode) == name) return mode;
  }
  return absl::InvalidArgumentError(
      absl::StrFormat("mode must be one of optimal, stable, greedy; got '%s'", name));
}

absl::StatusOr<AssignmentOutcome> AssignWithMode(const AssignmentInstance& instance,
                                                 AssignMode mode, uint64_t seed,
                                                 const ProgressCallback& progress) {
  switch (mode) {
    case AssignMode::kStable:
      return AssignStable(instance, seed, progress);
    case AssignMode::kGreedy:
      return AssignGreedy(instance, progress);
    case AssignMode::kOptimal:
      break;
  }
  return AssignOptimal(instance, progress);
}

absl::StatusOr<AssignmentRun> RunAssignment(absl::Span<const CandidateProfile> candidates,
                                            absl::Span<const OfferProfile> offers,
                                            absl::Span<const PairIds> locked,
                                            absl::Span<const PairIds> banned,
                                            const ScoringPolicy& policy,
                                            const TravelTimeModel& travel,
                                            const AssignmentOptions& options) {
  AZM_ASSIGN_OR_RETURN(
      const AssignmentInstance instance,
      BuildAssignmentInstance(candidates, offers, locked, banned, policy, travel,
                              StageProgress(options, AssignmentStage::kEligiblePairs)));
  AssignmentRun run;
  AZM_ASSIGN_OR_RETURN(
      run.outcome, AssignWithMode(instance, options.mode, options.seed,
                                  StageProgress(options, AssignmentStage::kAssignment)));
  run.metrics = ComputeMetrics(instance, run.outcome);
  run.eligible_pairs = static_cast<int64_t>(instance.graph.edges.size());
  return run;
}

}  // namespace azubimatch::engine
