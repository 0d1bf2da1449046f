// Errors over HTTP: a gRPC status as an HTTP status code and a google.rpc.Status JSON
// body {"code": 3, "message": "...", "details": [{"@type":
// "type.googleapis.com/google.rpc.BadRequest", "fieldViolations": [...]}]}.
//
// The body is the call's own google.rpc.Status when the handler attached one
// (grpc-status-details-bin, e.g. a BadRequest on INVALID_ARGUMENT), else code and
// message only.
//
// HTTP codes follow google.rpc.Code's documented mapping (googleapis
// google/rpc/code.proto), with one deliberate difference, documented in DECISION.md:
// FAILED_PRECONDITION is 412 Precondition Failed, not 400, because in this API it means
// "the version you sent is not current" or "the record still has dependants", which a
// portal must tell apart from bad input without parsing the body.
//
//   OK 200, CANCELLED 499, UNKNOWN 500, INVALID_ARGUMENT 400, DEADLINE_EXCEEDED 504,
//   NOT_FOUND 404, ALREADY_EXISTS 409, PERMISSION_DENIED 403, RESOURCE_EXHAUSTED 429,
//   FAILED_PRECONDITION 412, ABORTED 409, OUT_OF_RANGE 400, UNIMPLEMENTED 501,
//   INTERNAL 500, UNAVAILABLE 503, DATA_LOSS 500, UNAUTHENTICATED 401.
//
// Thread safety: pure functions.
#ifndef AZUBIMATCH_SERVICE_HTTP_HTTP_STATUS_H_
#define AZUBIMATCH_SERVICE_HTTP_HTTP_STATUS_H_

#include <string>

#include "absl/status/status.h"
#include "grpcpp/support/status.h"

namespace azubimatch::service::http {

// The HTTP status code for a gRPC status code (table above; 500 for codes outside it).
int HttpStatusForCode(int grpc_code);

// The google.rpc.Status JSON of `status`.
std::string StatusJson(const grpc::Status& status);
std::string StatusJson(const absl::Status& status);

}  // namespace azubimatch::service::http

#endif  // AZUBIMATCH_SERVICE_HTTP_HTTP_STATUS_H_
