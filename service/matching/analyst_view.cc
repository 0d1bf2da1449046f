#include "service/matching/analyst_view.h"

namespace azubimatch::service {

void RedactRunFor(const Caller& caller, v1::Run* run) {
  if (caller.role != Role::kAnalyst) return;
  run->clear_placements();
  run->clear_unmatched();
  run->mutable_request()->clear_locked();
  run->mutable_request()->clear_banned();
}

absl::Status CheckAnalystAssignRequest(const Caller& caller,
                                       const v1::AssignRequest& request) {
  if (caller.role != Role::kAnalyst) return absl::OkStatus();
  if (request.locked_size() > 0) {
    return absl::PermissionDeniedError(
        "locked: analyst keys see aggregates only and may not name candidates");
  }
  if (request.banned_size() > 0) {
    return absl::PermissionDeniedError(
        "banned: analyst keys see aggregates only and may not name candidates");
  }
  return absl::OkStatus();
}

}  // namespace azubimatch::service
