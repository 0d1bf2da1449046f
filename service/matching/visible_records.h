// Lookups of the records a matching request names, with the registry's visibility rules
// (service/registry/access_policy.h): a candidate of another member is NOT_FOUND exactly
// like a missing one (existence is not leaked); offers are visible network-wide;
// analysts read no candidate (PERMISSION_DENIED). Errors name the request field.
//
// Thread safety: the caller holds the Reader for as long as it uses the returned entry.
// Complexity: O(1) expected.
#ifndef AZUBIMATCH_SERVICE_MATCHING_VISIBLE_RECORDS_H_
#define AZUBIMATCH_SERVICE_MATCHING_VISIBLE_RECORDS_H_


#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "service/auth/caller.h"
#include "service/matching/matching_index.h"

namespace azubimatch::service {

absl::StatusOr<const CandidateEntry*> FindVisibleCandidate(
    const MatchingIndex::Reader& reader, const Caller& caller, absl::string_view id,
    absl::string_view field);

absl::StatusOr<const OfferEntry*> FindOfferEntry(const MatchingIndex::Reader& reader,
                                                 absl::string_view id,
                                                 absl::string_view field);

// True when the caller may see (and place) candidates of `member_id`.
bool MaySeeCandidatesOf(const Caller& caller, absl::string_view member_id);

}  // namespace azubimatch::service

#endif  // AZUBIMATCH_SERVICE_MATCHING_VISIBLE_RECORDS_H_
