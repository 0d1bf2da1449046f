// AccessPolicy: who may read and write which registry records. The one place the
// registry decides visibility; the RecordStore asks it before every read and write.
//
//   companies, candidates  visible only to callers of the owning member, and to admins;
//                          anyone else gets NOT_FOUND, exactly as for a missing id, so
//                          that existence is never leaked.
//   offers                 visible network-wide; written only by the owning member or
//                          an admin (PERMISSION_DENIED otherwise, since the offer is
//                          visible anyway).
//   analysts               write nothing (PERMISSION_DENIED) and read no candidates
//                          (PERMISSION_DENIED); company contact details are cleared
//                          for them.
//   contact details        of a company are cleared for every caller that may not see
//                          the owning member's personal data (Caller::CanSeePersonalDataOf).
//
// Thread safety: pure functions. Cost: O(1).
#ifndef AZUBIMATCH_SERVICE_REGISTRY_ACCESS_POLICY_H_
#define AZUBIMATCH_SERVICE_REGISTRY_ACCESS_POLICY_H_

#include <string_view>

#include "absl/strings/string_view.h"
#include "absl/status/status.h"
#include "azubimatch/v1/records.pb.h"
#include "service/auth/caller.h"
#include "service/registry/record_kind.h"

namespace azubimatch::service {

// OK when `caller` may list or read records of `kind` at all; PERMISSION_DENIED
// otherwise (analysts and candidates).
absl::Status CheckMayReadKind(const Caller& caller, RecordKind kind);

// OK when `caller` may write records at all; PERMISSION_DENIED otherwise (analysts).
absl::Status CheckMayWriteKind(const Caller& caller, RecordKind kind);

// True when a record of `kind` owned by `owner_member_id` exists for `caller` (reads
// of a record that is not visible answer NOT_FOUND).
bool IsVisibleTo(const Caller& caller, RecordKind kind, absl::string_view owner_member_id);

// True when `caller` may change a record of `kind` owned by `owner_member_id`.
bool MayChange(const Caller& caller, RecordKind kind, absl::string_view owner_member_id);

// Clears the fields of `record` the caller may not read. Records without such fields
// are left unchanged.
void RedactFor(const Caller& caller, v1::Company* company);
inline void RedactFor(const Caller&, v1::TrainingOffer*) {}
inline void RedactFor(const Caller&, v1::Candidate*) {}

}  // namespace azubimatch::service

#endif  // AZUBIMATCH_SERVICE_REGISTRY_ACCESS_POLICY_H_
