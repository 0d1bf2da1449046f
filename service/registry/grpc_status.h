// The one conversion between absl::Status (used everywhere inside the service) and
// grpc::Status (sent on the wire), used at the RPC boundary of every service.
//
// ToGrpcStatus keeps the code and message. When the status carries google.rpc error
// details as payloads — field violations (field_violations.h), a RetryInfo
// (retry_info.h): every payload whose type URL starts with
// "type.googleapis.com/google.rpc." — the gRPC status also carries
// `grpc-status-details-bin`: a serialized google.rpc.Status {code, message, details:
// [Any(google.rpc.BadRequest), ...]} with those type URLs as they are, sorted, the
// convention every gRPC client library decodes (e.g. grpc_status.rpc_status.from_call
// in Python).
//
// Thread safety: pure functions. Cost: O(size of the details).
#ifndef AZUBIMATCH_SERVICE_REGISTRY_GRPC_STATUS_H_
#define AZUBIMATCH_SERVICE_REGISTRY_GRPC_STATUS_H_

#include <vector>

#include "absl/status/status.h"
#include "grpcpp/support/status.h"
#include "service/registry/field_violations.h"

namespace azubimatch::service {

grpc::Status ToGrpcStatus(const absl::Status& status);

// The inverse for clients and tests: code, message and every google.rpc detail (as a
// payload, so that ViolationsOf() and RetryDelayOf() read them back).
absl::Status FromGrpcStatus(const grpc::Status& status);

// The field violations in a gRPC status's details (empty when there are none or the
// details cannot be decoded).
std::vector<FieldViolation> ViolationsOf(const grpc::Status& status);

}  // namespace azubimatch::service

#endif  // AZUBIMATCH_SERVICE_REGISTRY_GRPC_STATUS_H_
