// Validation of the Matching service's requests: every field checked against the rules
// of proto/azubimatch/v1/matching.proto before anything is read or computed.
//
// Each Validate* function collects ALL violations (field_violations.h) and returns OK or
// one INVALID_ARGUMENT naming the first offending field, with every (field path,
// description) pair in its google.rpc.BadRequest payload. Paths are the request's proto
// field names, dotted, with [i] for repeated fields: "pool.kldb_codes[1]",
// "locked[0].offer_id", "policy.commute_weight". Rules:
//   - record ids (candidate_id, offer_id, run_id, placement id): 16 characters [0-9a-z];
//     "required" where the proto says so;
//   - k: 0..100 (0 = 10); page_size: ListRuns 0..200, ListPlacements 0..1000;
//   - KldB codes: exactly 5 ASCII digits; municipalities 1..200 characters, member ids
//     1..128, label at most 200, note at most 1000 (valid UTF-8, no control characters);
//   - dates: year 1900..2200, month 1..12, day valid for the month; start_from not after
//     start_to;
//   - enums: a declared value; mode and reject reason required;
//   - AdvancePlacement: status one of CONTRACT_SIGNED .. ENDED_EARLY; date required and
//     not after `today`; ended_by and end_reason required for ENDED_EARLY and unset
//     otherwise; version not negative;
//   - policy overrides: weights finite and in [0, 1000], and the weights in effect (the
//     overrides over the server's policy) must not all be 0;
//   - locked and banned: at most kMaxPairsPerList pairs each, ids well formed, no
//     candidate locked twice.
//
// Thread safety: pure functions. Cost: O(size of the request).
#ifndef AZUBIMATCH_SERVICE_MATCHING_REQUEST_VALIDATION_H_
#define AZUBIMATCH_SERVICE_MATCHING_REQUEST_VALIDATION_H_


#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "azubimatch/v1/matching.pb.h"
#include "engine/matching/model.h"
#include "engine/matching/scoring_policy.h"
#include "service/registry/field_violations.h"

namespace azubimatch::service {

inline constexpr int kDefaultSuggestions = 10;
inline constexpr int kMaxSuggestions = 100;
inline constexpr int kDefaultRunsPageSize = 20;
inline constexpr int kMaxRunsPageSize = 200;
inline constexpr int kDefaultPlacementsPageSize = 100;
inline constexpr int kMaxPlacementsPageSize = 1000;
inline constexpr int kMaxLabelLength = 200;
inline constexpr int kMaxNoteLength = 1000;
inline constexpr int kMaxPairsPerList = 100000;
inline constexpr int kMaxPoolFilterValues = 10000;
inline constexpr double kMaxWeight = 1000.0;

absl::Status ValidateSuggestOffersRequest(const v1::SuggestOffersRequest& request,
                                          const engine::ScoringPolicy& base);
absl::Status ValidateSuggestCandidatesRequest(const v1::SuggestCandidatesRequest& request,
                                              const engine::ScoringPolicy& base);
absl::Status ValidateExplainRequest(const v1::ExplainRequest& request,
                                    const engine::ScoringPolicy& base);
absl::Status ValidateAssignRequest(const v1::AssignRequest& request,
                                   const engine::ScoringPolicy& base);
absl::Status ValidateGetRunRequest(const v1::GetRunRequest& request);
absl::Status ValidateListRunsRequest(const v1::ListRunsRequest& request);
absl::Status ValidateAcceptPlacementRequest(const v1::AcceptPlacementRequest& request);
absl::Status ValidateRejectPlacementRequest(const v1::RejectPlacementRequest& request);
absl::Status ValidateWithdrawPlacementRequest(const v1::WithdrawPlacementRequest& request);
// `today` is the service's current day (PlacementBook::Today).
absl::Status ValidateAdvancePlacementRequest(const v1::AdvancePlacementRequest& request,
                                             engine::Date today);
absl::Status ValidateListPlacementsRequest(const v1::ListPlacementsRequest& request);

// Adds the violations of `overrides` (at `path`, e.g. "policy") to `violations`.
void CheckPolicyOverrides(const v1::ScoringPolicyOverrides& overrides,
                          const engine::ScoringPolicy& base, absl::string_view path,
                          FieldViolations* violations);

// The number of suggestions `k` asks for (0 = kDefaultSuggestions).
inline int EffectiveK(int k) { return k == 0 ? kDefaultSuggestions : k; }

}  // namespace azubimatch::service

#endif  // AZUBIMATCH_SERVICE_MATCHING_REQUEST_VALIDATION_H_
