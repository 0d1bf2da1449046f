#include "service/registry/grpc_status.h"

#include <map>
#include <optional>
#include <string>
#include <utility>

#include "absl/strings/cord.h"
#include "absl/strings/match.h"
#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"

namespace azubimatch::service {
namespace {

// Payloads under this prefix are google.rpc error details and travel as such.
constexpr absl::string_view kGoogleRpcTypeUrlPrefix = "type.googleapis.com/google.rpc.";

}  // namespace

grpc::Status ToGrpcStatus(const absl::Status& status) {
  if (status.ok()) return grpc::Status::OK;
  // absl::StatusCode and grpc::StatusCode share the canonical numbering 1..16.
  const auto code = static_cast<grpc::StatusCode>(static_cast<int>(status.code()));
  const std::string message(status.message());
  // Every google.rpc detail the status carries (BadRequest, RetryInfo), by type URL.
  std::map<std::string, std::string> details_by_url;
  status.ForEachPayload([&](absl::string_view type_url, const absl::Cord& payload) {
    if (absl::StartsWith(type_url, kGoogleRpcTypeUrlPrefix)) {
      details_by_url.emplace(std::string(type_url), std::string(payload));
    }
  });
  if (details_by_url.empty()) return grpc::Status(code, message);

  google::rpc::Status details;
  details.set_code(static_cast<int>(code));
  details.set_message(message);
  for (auto& [type_url, value] : details_by_url) {
    google::protobuf::Any* any = details.add_details();
    any->set_type_url(type_url);
    any->set_value(std::move(value));
  }
  return grpc::Status(code, message, details.SerializeAsString());
}

absl::Status FromGrpcStatus(const grpc::Status& status) {
  if (status.ok()) return absl::OkStatus();
  absl::Status result(static_cast<absl::StatusCode>(static_cast<int>(status.error_code())),
                      status.error_message());
  google::rpc::Status details;
  if (status.error_details().empty() || !details.ParseFromString(status.error_details())) {
    return result;
  }
  for (const google::protobuf::Any& any : details.details()) {
    if (absl::StartsWith(any.type_url(), kGoogleRpcTypeUrlPrefix)) {
      result.SetPayload(any.type_url(), absl::Cord(any.value()));
    }
  }
  return result;
}

std::vector<FieldViolation> ViolationsOf(const grpc::Status& status) {
  return ViolationsOf(FromGrpcStatus(status));
}

}  // namespace azubimatch::service
