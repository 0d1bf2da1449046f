#include "service/registry/retry_info.h"

#include <string>
#include <utility>

#include "absl/strings/cord.h"
#include "google/rpc/error_details.pb.h"
#include "service/registry/grpc_status.h"

namespace azubimatch::service {

absl::Status WithRetryInfo(absl::Status status, absl::Duration retry_delay) {
  if (retry_delay < absl::ZeroDuration()) retry_delay = absl::ZeroDuration();
  google::rpc::RetryInfo info;
  const int64_t seconds = absl::IDivDuration(retry_delay, absl::Seconds(1), &retry_delay);
  info.mutable_retry_delay()->set_seconds(seconds);
  info.mutable_retry_delay()->set_nanos(
      static_cast<int32_t>(absl::ToInt64Nanoseconds(retry_delay)));
  status.SetPayload(kRetryInfoTypeUrl, absl::Cord(info.SerializeAsString()));
  return status;
}

grpc::Status EnsureRetryInfo(const grpc::Status& status, absl::Duration retry_delay) {
  absl::Status decoded = FromGrpcStatus(status);
  if (RetryDelayOf(decoded).has_value()) return status;
  return ToGrpcStatus(WithRetryInfo(std::move(decoded), retry_delay));
}

std::optional<absl::Duration> RetryDelayOf(const absl::Status& status) {
  auto payload = status.GetPayload(kRetryInfoTypeUrl);
  if (!payload.has_value()) return std::nullopt;
  google::rpc::RetryInfo info;
  if (!info.ParseFromString(std::string(*payload))) return std::nullopt;
  return absl::Seconds(info.retry_delay().seconds()) +
         absl::Nanoseconds(info.retry_delay().nanos());
}

std::optional<absl::Duration> RetryDelayOf(const grpc::Status& status) {
  return RetryDelayOf(FromGrpcStatus(status));
}

}  // namespace azubimatch::service
