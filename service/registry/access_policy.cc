#include "service/registry/access_policy.h"

#include "absl/strings/str_cat.h"

namespace azubimatch::service {

absl::Status CheckMayReadKind(const Caller& caller, RecordKind kind) {
  if (caller.role == Role::kAnalyst && kind == RecordKind::kCandidate) {
    return absl::PermissionDeniedError(
        "the analyst role reads no candidate records, only aggregates");
  }
  return absl::OkStatus();
}

absl::Status CheckMayWriteKind(const Caller& caller, RecordKind kind) {
  if (caller.role == Role::kAnalyst) {
    return absl::PermissionDeniedError(
        absl::StrCat("the analyst role may not change ", RecordKindName(kind), " records"));
  }
  return absl::OkStatus();
}

bool IsVisibleTo(const Caller& caller, RecordKind kind, absl::string_view owner_member_id) {
  if (caller.is_admin() || kind == RecordKind::kOffer) return true;
  return !caller.member_id.empty() && owner_member_id == caller.member_id;
}

bool MayChange(const Caller& caller, RecordKind kind, absl::string_view owner_member_id) {
  if (caller.is_admin()) return true;
  if (caller.role == Role::kAnalyst) return false;
  return !caller.member_id.empty() && owner_member_id == caller.member_id;
}

void RedactFor(const Caller& caller, v1::Company* company) {
  if (!caller.CanSeePersonalDataOf(company->member_id())) company->clear_contact();
}

}  // namespace azubimatch::service
