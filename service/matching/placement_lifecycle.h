// The rules of a placement's training lifecycle (AdvancePlacement), as pure functions
// that PlacementBook (placement_book.h) applies under its mutex:
//
//   ACCEPTED → CONTRACT_SIGNED → STARTED → PROBATION_PASSED → COMPLETED
//                      │            │              │
//                      └────────────┴──────────────┴──→ ENDED_EARLY
//
// One step at a time, forward only: no skipped step (ACCEPTED → STARTED), no step back,
// none to the same status, none out of COMPLETED or ENDED_EARLY (both final), none on a
// REJECTED or WITHDRAWN placement. A placement holds its offer's seat up to
// PROBATION_PASSED (HoldsSeat); COMPLETED and ENDED_EARLY give it back. ENDED_EARLY bans
// the pair from later runs and suggestions (BansPair) until the placement is withdrawn.
//
// Dates: a step may be dated in the past (portals import earlier cohorts), not after the
// service's current day (Today: the civil day in Europe/Berlin, where the network works,
// of the service's clock), and not before the date of the previous lifecycle step. The
// acceptance event is dated the day the acceptance was recorded; it is a record of the
// service, not of the training, so it does not bound the dates of the steps after it
// (else no earlier cohort could be imported).
//
// Thread safety: pure functions. Cost: O(history size).
#ifndef AZUBIMATCH_SERVICE_MATCHING_PLACEMENT_LIFECYCLE_H_
#define AZUBIMATCH_SERVICE_MATCHING_PLACEMENT_LIFECYCLE_H_

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "azubimatch/v1/matching.pb.h"
#include "engine/matching/model.h"

namespace azubimatch::service {

// The service's current day at `now`: the civil day in Europe/Berlin (a fixed UTC+1 if
// the time zone database is missing).
engine::Date Today(absl::Time now);

// The status a placement in `current` may step to with AdvancePlacement, besides
// ENDED_EARLY; UNSPECIFIED when there is none.
v1::PlacementStatus NextLifecycleStatus(v1::PlacementStatus current);

// OK when `placement` may step to `next` (a status ValidateAdvancePlacementRequest
// accepted) on `date`. FAILED_PRECONDITION otherwise, naming "id" for a rejected or
// withdrawn placement, "status" for a step that is not the next one, "date" for a date
// before the previous lifecycle step's.
absl::Status CheckLifecycleStep(const v1::Placement& placement, v1::PlacementStatus next,
                                const v1::Date& date);

// The history event of an AdvancePlacement request, recorded at `recorded_at`.
v1::PlacementEvent StepEvent(const v1::AdvancePlacementRequest& request,
                             const google::protobuf::Timestamp& recorded_at);

// The history event of an acceptance recorded at `recorded_at`, dated Today.
v1::PlacementEvent AcceptanceEvent(const google::protobuf::Timestamp& recorded_at);

}  // namespace azubimatch::service

#endif  // AZUBIMATCH_SERVICE_MATCHING_PLACEMENT_LIFECYCLE_H_
