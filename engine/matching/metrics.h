// Quality metrics of an assignment outcome, computed the same way for every mode.
//
// Definitions:
//   candidates          candidates in the pool.
//   seats               sum over offers of max(seats_free, 0) (locked seats included).
//   placed              placements, locked ones included.
//   fill_rate           placed / seats (0 without seats).
//   total_score         sum of the placements' scores, added in candidate order.
//   mean_score          total_score / placed (0 without placements).
//   first_choice_share  placements in the candidate's first wished occupation, divided by
//                       candidates (0 without candidates); top3_share likewise for the
//                       first three wishes. Sector-only matches count in neither.
//   commute_median_minutes, commute_p90_minutes
//                       50th and 90th percentile of the placements' travel times, with
//                       linear interpolation between order statistics (as numpy's
//                       default); 0 without placements.
//   blocking_pairs      eligible pairs (c, o), c not locked and not placed at o, where c
//                       strictly prefers o to its placement (any eligible offer when
//                       unplaced) and o strictly prefers c to its least preferred
//                       unlocked placement (any eligible candidate while it has a seat
//                       left after locks; never when all its seats are locked). Both
//                       sides prefer by score. 0 means stable.
//   unmatched_*         the unmatched reasons histogram.
//
// Thread safety: pure function.
// Complexity: O(E + C + O + P log P) for E eligible edges and P placements.
#ifndef AZUBIMATCH_ENGINE_MATCHING_METRICS_H_
#define AZUBIMATCH_ENGINE_MATCHING_METRICS_H_

#include <array>
#include <cstdint>

#include "engine/matching/assignment_instance.h"
#include "engine/matching/assignment_outcome.h"
#include "engine/matching/constraints.h"

namespace azubimatch::engine {

struct MatchingMetrics {
  int64_t candidates = 0;
  int64_t seats = 0;
  int64_t placed = 0;
  int64_t placed_locked = 0;
  double fill_rate = 0.0;
  double total_score = 0.0;
  double mean_score = 0.0;
  double first_choice_share = 0.0;
  double top3_share = 0.0;
  double commute_median_minutes = 0.0;
  double commute_p90_minutes = 0.0;
  int64_t blocking_pairs = 0;
  int64_t unmatched_no_eligible_offer = 0;
  int64_t unmatched_outcompeted = 0;
  // Candidates without an eligible offer, by the constraint named for them.
  std::array<int64_t, kExclusionCodeCount> unmatched_by_top_constraint{};
};

MatchingMetrics ComputeMetrics(const AssignmentInstance& instance,
                               const AssignmentOutcome& outcome);

// The q-quantile (0 <= q <= 1) of `sorted_values` (ascending) with linear
// interpolation; 0 for an empty input.
double InterpolatedQuantile(const std::vector<double>& sorted_values, double q);

// The blocking pairs of `outcome` as defined above, counted in O(E + C + O).
int64_t CountBlockingPairs(const AssignmentInstance& instance,
                           const AssignmentOutcome& outcome);

}  // namespace azubimatch::engine

#endif  // AZUBIMATCH_ENGINE_MATCHING_METRICS_H_
