// What an analyst key sees of a run: aggregates only. The analyst role reads runs for
// their metrics and never personal data, so placements, unmatched candidates and the
// locked and banned pairs (all of them name candidates) are left out of every run an
// analyst receives — from Assign, GetRun and ListRuns alike. The stored run keeps them
// for the member's officers.
//
// Analysts also may not name candidates in a request: locked or banned pairs in an
// analyst's Assign are PERMISSION_DENIED naming the field.
//
// Thread safety: pure functions. Cost: O(size of the run).
#ifndef AZUBIMATCH_SERVICE_MATCHING_ANALYST_VIEW_H_
#define AZUBIMATCH_SERVICE_MATCHING_ANALYST_VIEW_H_

#include "absl/status/status.h"
#include "azubimatch/v1/matching.pb.h"
#include "service/auth/caller.h"

namespace azubimatch::service {

// Clears the candidate-level parts of `run` when `caller` is an analyst.
void RedactRunFor(const Caller& caller, v1::Run* run);

// PERMISSION_DENIED ("locked: ..." / "banned: ...") when an analyst's request names
// candidates; OK otherwise.
absl::Status CheckAnalystAssignRequest(const Caller& caller, const v1::AssignRequest& request);

}  // namespace azubimatch::service

#endif  // AZUBIMATCH_SERVICE_MATCHING_ANALYST_VIEW_H_
