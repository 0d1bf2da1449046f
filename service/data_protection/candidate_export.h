// ExportCandidate: GDPR Art. 15/20 — everything the service holds about one candidate,
// as a v1::CandidateExport:
//   candidate   the record, as stored (the caller may see every field of it);
//   placements  every placement of the candidate, in key order;
//   proposals   every RunPlacement of a stored run that proposes the candidate, runs
//               in key order, placements in run order;
//   accesses    every audit entry about the candidate (who read, changed or exported
//               it, and when), in sequence order.
// Access: the candidate as the caller sees it (RecordStore::Get): another member's
// candidate is NOT_FOUND, analysts PERMISSION_DENIED. Proposals and accesses are about
// the person, so they are listed whoever made the run or the access.
//
// Thread safety: reads only; may run concurrently with anything. Complexity: O(bytes
// in kIndex, kPlacements and kRuns) (candidate_holdings.h) plus O(audit log).
#ifndef AZUBIMATCH_SERVICE_DATA_PROTECTION_CANDIDATE_EXPORT_H_
#define AZUBIMATCH_SERVICE_DATA_PROTECTION_CANDIDATE_EXPORT_H_

#include <string_view>

#include "absl/status/statusor.h"
#include "azubimatch/v1/admin.pb.h"
#include "service/auth/audit_log.h"
#include "service/auth/caller.h"
#include "service/registry/record_store.h"
#include "service/store/kv_store.h"

namespace azubimatch::service {

// See above. `audit` may be null (no accesses are listed then). INVALID_ARGUMENT naming
// "id" for a malformed id.
absl::StatusOr<v1::CandidateExport> ExportCandidate(const Caller& caller,
                                                    std::string_view id,
                                                    RecordStore& records,
                                                    const KvStore& store,
                                                    const AuditLog* audit);

}  // namespace azubimatch::service

#endif  // AZUBIMATCH_SERVICE_DATA_PROTECTION_CANDIDATE_EXPORT_H_
