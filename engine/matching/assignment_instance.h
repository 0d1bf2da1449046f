// AssignmentInstance: a pool made ready for the assignment modes: the eligible scored
// edges, the seats left after the locked pairs, and the locked placements themselves.
//
// Locked pairs (placements already agreed) are fixed: each places its candidate at its
// offer and takes one of the offer's seats_free; the candidate gets no other edge.
// Banned pairs are never eligible. A locked pair is placed whatever its constraints say
// (it was agreed); its score is still the Explain score of the pair.
//
// Thread safety: BuildAssignmentInstance is a pure function; an instance is immutable
// and may be read from several threads. The instance views the pool's profiles, which
// must outlive it.
// Complexity: that of BuildEligiblePairs plus O(L + B) for L locked and B banned pairs.
#ifndef AZUBIMATCH_ENGINE_MATCHING_ASSIGNMENT_INSTANCE_H_
#define AZUBIMATCH_ENGINE_MATCHING_ASSIGNMENT_INSTANCE_H_

#include <cstdint>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/types/span.h"
#include "engine/matching/eligible_pairs.h"
#include "engine/matching/model.h"
#include "engine/matching/progress.h"
#include "engine/matching/scoring_policy.h"
#include "engine/matching/travel_time.h"

namespace azubimatch::engine {

// A candidate placed at an offer (indices into the pool's vectors).
struct Placement {
  int32_t candidate = 0;
  int32_t offer = 0;
  double score = 0.0;           // == Explain(candidate, offer).score, bit for bit
  double travel_minutes = 0.0;  // == Explain(candidate, offer).travel_minutes
  int32_t wish_rank = -1;       // 0-based rank among the wishes; -1 if not a wish
  bool locked = false;          // a locked pair, fixed before the run

  friend bool operator==(const Placement&, const Placement&) = default;
};

struct AssignmentInstance {
  absl::Span<const CandidateProfile> candidates;
  absl::Span<const OfferProfile> offers;
  // Eligible edges; candidates fixed by a locked pair have none (their exclusion counts
  // are kept).
  EligibleGraph graph;
  // Seats per offer still open to the run: max(seats_free, 0) minus locked pairs.
  std::vector<int32_t> capacity;
  // Locked placements, by candidate index.
  std::vector<Placement> locked;
  // 1 for candidates fixed by a locked pair.
  std::vector<uint8_t> candidate_locked;
};

// Builds the instance. Errors (InvalidArgument, naming the field): those of
// BuildEligiblePairs; a locked pair naming an id outside the pool
// ("locked[2].offer_id 'x' is not in the pool"); a candidate locked twice; a pair both
// locked and banned; more locked pairs on an offer than its seats_free. Cancelled when
// progress says so.
absl::StatusOr<AssignmentInstance> BuildAssignmentInstance(
    absl::Span<const CandidateProfile> candidates, absl::Span<const OfferProfile> offers,
    absl::Span<const PairIds> locked, absl::Span<const PairIds> banned,
    const ScoringPolicy& policy, const TravelTimeModel& travel,
    const ProgressCallback& progress = {});

}  // namespace azubimatch::engine

#endif  // AZUBIMATCH_ENGINE_MATCHING_ASSIGNMENT_INSTANCE_H_
