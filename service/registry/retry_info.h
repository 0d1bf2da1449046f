// RetryInfo: tells a refused client when to try again, the way Google APIs do: a
// google.rpc.RetryInfo{retry_delay} in the status details (`grpc-status-details-bin`),
// type URL "type.googleapis.com/google.rpc.RetryInfo". matchd sends it with every
// RESOURCE_EXHAUSTED that sheds load (too many calls in flight, every Assign slot busy),
// so that clients back off instead of hammering or timing out.
//
// WithRetryInfo() attaches the detail to an absl::Status as a payload; ToGrpcStatus()
// (grpc_status.h) puts it on the wire beside any BadRequest. RetryDelayOf() reads it
// back from a received grpc::Status.
//
//   return RefuseAssign(WithRetryInfo(absl::ResourceExhaustedError("..."),
//   absl::Seconds(1)));
//
// Thread safety: pure functions. Cost: O(1).
#ifndef AZUBIMATCH_SERVICE_REGISTRY_RETRY_INFO_H_
#define AZUBIMATCH_SERVICE_REGISTRY_RETRY_INFO_H_

#include <optional>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "grpcpp/support/status.h"

namespace azubimatch::service {

inline constexpr absl::string_view kRetryInfoTypeUrl =
    "type.googleapis.com/google.rpc.RetryInfo";

// `status` with a RetryInfo of `retry_delay` (negative delays count as zero), replacing
// any it had. REQUIRES: !status.ok().
absl::Status WithRetryInfo(absl::Status status, absl::Duration retry_delay);

// `status` as it is when it already carries a RetryInfo, else with one of
// `retry_delay` added to its google.rpc details (kept; details of other packages are
// dropped). REQUIRES: !status.ok().
grpc::Status EnsureRetryInfo(const grpc::Status& status, absl::Duration retry_delay);

// The retry delay of a RetryInfo in `status`, if it carries one.
std::optional<absl::Duration> RetryDelayOf(const absl::Status& status);
std::optional<absl::Duration> RetryDelayOf(const grpc::Status& status);

}  // namespace azubimatch::service

#endif  // AZUBIMATCH_SERVICE_REGISTRY_RETRY_INFO_H_
