// RunAssignment: one assignment run over a pool, from profiles to placements, unmatched
// reasons and metrics, in one of three modes:
//   optimal  most placements, then the highest total score (optimal_assignment.h);
//   stable   candidate-proposing deferred acceptance, seeded ties (stable_assignment.h);
//   greedy   best pair first, ties by ids (greedy_assignment.h).
// Every mode starts from the same AssignmentInstance (locked pairs fixed, banned pairs
// excluded) and is measured by the same ComputeMetrics. A run changes nothing: it only
// proposes.
//
// Thread safety: pure function; the travel-time model must allow const calls.
// Complexity: BuildEligiblePairs plus the mode; see their headers.
#ifndef AZUBIMATCH_ENGINE_MATCHING_ASSIGNMENT_RUN_H_
#define AZUBIMATCH_ENGINE_MATCHING_ASSIGNMENT_RUN_H_

#include <cstdint>
#include <functional>
#include <string_view>

#include "absl/status/statusor.h"
#include "absl/types/span.h"
#include "engine/matching/assignment_instance.h"
#include "engine/matching/assignment_outcome.h"
#include "engine/matching/eligible_pairs.h"
#include "engine/matching/metrics.h"
#include "engine/matching/model.h"
#include "engine/matching/scoring_policy.h"
#include "engine/matching/travel_time.h"

namespace azubimatch::engine {

enum class AssignMode : int8_t { kOptimal = 0, kStable = 1, kGreedy = 2 };

// "optimal", "stable", "greedy".
std::string_view AssignModeName(AssignMode mode);

// The mode named `name` (as AssignModeName spells it); InvalidArgument otherwise.
absl::StatusOr<AssignMode> ParseAssignMode(std::string_view name);

// The stages a run reports progress for, in order.
enum class AssignmentStage : int8_t {
  kEligiblePairs = 0,  // units: candidates
  kAssignment = 1,     // units: edges (greedy), proposals (stable), rows (optimal)
};

struct AssignmentOptions {
  // Which assignment to compute. Default: kOptimal.
  AssignMode mode = AssignMode::kOptimal;
  // Seed of the stable mode's tie-breaking lotteries; other modes ignore it.
  // Default: 0.
  uint64_t seed = 0;
  // Called now and then with the stage and (done, total) within it, on the calling
  // thread; return false to cancel the run, which then returns absl::CancelledError.
  // Default: empty (never called).
  std::function<bool(AssignmentStage stage, int64_t done, int64_t total)> progress;
};

struct AssignmentRun {
  AssignmentOutcome outcome;
  MatchingMetrics metrics;
  int64_t eligible_pairs = 0;  // edges the mode chose from (locked candidates excluded)
};

// Runs one assignment. `locked` pairs are fixed placements (each takes one of its
// offer's seats_free); `banned` pairs are never placed. Errors: those of
// BuildAssignmentInstance (InvalidArgument naming the field) and Cancelled.
absl::StatusOr<AssignmentRun> RunAssignment(absl::Span<const CandidateProfile> candidates,
                                            absl::Span<const OfferProfile> offers,
                                            absl::Span<const PairIds> locked,
                                            absl::Span<const PairIds> banned,
                                            const ScoringPolicy& policy,
                                            const TravelTimeModel& travel,
                                            const AssignmentOptions& options);

// Runs `mode` on a prepared instance (for comparing modes on one instance).
absl::StatusOr<AssignmentOutcome> AssignWithMode(const AssignmentInstance& instance,
                                                 AssignMode mode, uint64_t seed,
                                                 const ProgressCallback& progress = {});

}  // namespace azubimatch::engine

#endif  // AZUBIMATCH_ENGINE_MATCHING_ASSIGNMENT_RUN_H_
